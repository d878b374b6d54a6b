import { useState } from 'react';
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
import { validateDates, validateTitle, type NewMissionInput, type ValidationErrors } from '@shared/validation/mission-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import type { TerritoryChoice } from '../../app/workspace-session';
import { MissionFields } from '../missions/mission-fields';
import { TerritoryField } from '../territory/territory-field';
import type { TerritorySelectionChip } from '../territory/territory-picker';
import type { MissionSectionProps } from './mission-section';

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

/** The mission's own fields: title, territory, sponsor, themes, dates, status, description. */
export function MissionDetailsSection({ mission, snapshot, readOnly }: MissionSectionProps) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<ValidationErrors>({});

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
  );
}
