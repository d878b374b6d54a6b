import { useEffect, useEffectEvent, useState } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import {
  addCommuneToTerritory,
  addEpciToTerritory,
  removeCommuneFromTerritory,
  removeEpciFromTerritory,
  setMissionDates,
  setMissionDescription,
  setMissionSponsor,
  setMissionStatus,
  setMissionTheme,
  setMissionTitle,
} from '@shared/operations/mission-operations';
import { formatDateTime } from '@shared/format/french-format';
import { validateDates, validateTitle, type NewMissionInput, type ValidationErrors } from '@shared/validation/mission-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { usePageTitle } from '../../app/use-page-title';
import type { TerritoryChoice } from '../../app/workspace-session';
import type { OpenDocument } from '../../storage/document-store';
import { ExportMenu } from '../export/export-menu';
import { MissionFields } from '../missions/mission-fields';
import { TerritoryField } from '../territory/territory-field';
import type { TerritorySelectionChip } from '../territory/territory-picker';
import { useMissionDocument, useMissionSnapshot } from './use-mission-document';
import { useMissionUndo } from './use-mission-undo';

interface Drafts {
  title?: string;
  startDate?: string | null;
  endDate?: string | null;
}

/** Writes one field change to the document; invalid values stay as drafts with their message. */
function applyChange<K extends keyof NewMissionInput>(
  doc: Y.Doc,
  current: NewMissionInput,
  field: K,
  value: NewMissionInput[K],
): { drafts: Drafts; errors: ValidationErrors } {
  switch (field) {
    case 'title': {
      const title = value as string;
      const error = validateTitle(title);
      if (error) return { drafts: { title }, errors: { title: error } };
      setMissionTitle(doc, title, LOCAL_ORIGIN);
      return { drafts: {}, errors: {} };
    }
    case 'startDate':
    case 'endDate': {
      const dates = { startDate: current.startDate, endDate: current.endDate, [field]: value as string | null };
      const errors = validateDates(dates.startDate, dates.endDate);
      if (errors.startDate || errors.endDate) return { drafts: { startDate: dates.startDate, endDate: dates.endDate }, errors };
      setMissionDates(doc, dates.startDate, dates.endDate, LOCAL_ORIGIN);
      return { drafts: {}, errors: {} };
    }
    case 'sponsor':
      setMissionSponsor(doc, value as string, LOCAL_ORIGIN);
      break;
    case 'description':
      setMissionDescription(doc, value as string, LOCAL_ORIGIN);
      break;
    case 'status':
      setMissionStatus(doc, value as NewMissionInput['status'], LOCAL_ORIGIN);
      break;
    case 'themes': {
      const next = value as NewMissionInput['themes'];
      for (const theme of next.filter((t) => !current.themes.includes(t))) setMissionTheme(doc, theme, true, LOCAL_ORIGIN);
      for (const theme of current.themes.filter((t) => !next.includes(t))) setMissionTheme(doc, theme, false, LOCAL_ORIGIN);
      break;
    }
  }
  return { drafts: {}, errors: {} };
}

function MissionEditor({ mission }: { mission: OpenDocument }) {
  const session = useSession();
  const snapshot = useMissionSnapshot(mission.doc);
  const readOnly = mission.isReadOnly();
  const { undo, redo, canUndo, canRedo } = useMissionUndo(mission.doc, !readOnly);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<ValidationErrors>({});
  usePageTitle(snapshot.title || 'Mission');

  const onMenuCommand = useEffectEvent((command: string) => {
    if (command === 'undo') undo();
    if (command === 'redo') redo();
  });
  useEffect(() => session.bridge.onMenuCommand(onMenuCommand), [session]);

  const saved: NewMissionInput = {
    title: snapshot.title,
    sponsor: snapshot.sponsor,
    themes: snapshot.themes,
    startDate: snapshot.startDate,
    endDate: snapshot.endDate,
    status: snapshot.status,
    description: snapshot.description,
  };
  const values: NewMissionInput = { ...saved, ...drafts };

  function change<K extends keyof NewMissionInput>(field: K, value: NewMissionInput[K]) {
    if (readOnly) return;
    const outcome = applyChange(mission.doc, values, field, value);
    setDrafts(outcome.drafts);
    setErrors(outcome.errors);
  }

  function addTerritory(choice: TerritoryChoice) {
    if (choice.kind === 'commune') addCommuneToTerritory(mission.doc, choice.commune, LOCAL_ORIGIN);
    else addEpciToTerritory(mission.doc, choice.epci, choice.members, LOCAL_ORIGIN);
  }

  function removeTerritory(chip: TerritorySelectionChip) {
    if (chip.kind === 'commune') removeCommuneFromTerritory(mission.doc, chip.code, LOCAL_ORIGIN);
    else removeEpciFromTerritory(mission.doc, chip.code, LOCAL_ORIGIN);
  }

  return (
    <>
      <p className="breadcrumb">
        <Link href={ROUTES.missions}>Missions</Link> › {snapshot.title}
      </p>
      <div className="page-heading">
        <h1>{snapshot.title || 'Mission sans titre'}</h1>
        <div className="toolbar" role="toolbar" aria-label="Actions sur la mission">
          <button type="button" className="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
            Annuler
          </button>
          <button type="button" className="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y">
            Rétablir
          </button>
          <ExportMenu mission={snapshot} />
        </div>
      </div>
      {readOnly && (
        <p className="notice notice--warning" role="alert">
          Cette mission a été enregistrée par une version plus récente de Bocage. Elle est ouverte en lecture seule :
          mettez l’application à jour pour la modifier.
        </p>
      )}
      <p className="hint">
        {readOnly ? 'Lecture seule.' : 'Chaque modification est enregistrée sur cet ordinateur dès la saisie.'} Dernière
        modification : {formatDateTime(snapshot.updatedAt)}.
      </p>
      <form className="form" onSubmit={(event) => event.preventDefault()} aria-label="Fiche de la mission">
        <MissionFields
          values={values}
          errors={errors}
          readOnly={readOnly}
          onChange={change}
          territory={
            <TerritoryField epcis={snapshot.epcis} communes={snapshot.communes} readOnly={readOnly} onAdd={addTerritory} onRemove={removeTerritory} />
          }
        />
      </form>
    </>
  );
}

function MissionNotFound() {
  return (
    <>
      <h1>Mission introuvable</h1>
      <p>
        Cette mission n’existe pas sur cet ordinateur, ou elle n’a pas encore été reçue du serveur de synchronisation.{' '}
        <Link href={ROUTES.missions}>Revenir aux missions</Link>
      </p>
    </>
  );
}

function MissionEditorOrNotFound({ mission }: { mission: OpenDocument }) {
  const snapshot = useMissionSnapshot(mission.doc);
  return snapshot.id === '' ? <MissionNotFound /> : <MissionEditor mission={mission} />;
}

export function MissionPage({ missionId }: { missionId: string }) {
  const load = useMissionDocument(missionId);
  if (load.state === 'loading') return <p>Ouverture de la mission…</p>;
  if (load.state === 'failed') {
    return (
      <>
        <h1>Mission inaccessible</h1>
        <p role="alert">La mission n’a pas pu être ouverte : {load.message}</p>
      </>
    );
  }
  return <MissionEditorOrNotFound mission={load.mission} />;
}
