import { Suspense, useEffect, useEffectEvent } from 'react';
import { Link } from 'wouter';
import { formatDateTime } from '@shared/format/french-format';
import { ROUTES } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { usePageTitle } from '../../app/use-page-title';
import type { OpenDocument } from '../../storage/document-store';
import { ExportMenu } from '../export/export-menu';
import { ReadOnlyNotice, useReadOnlyReason } from '../sync-status/read-only-notice';
import { MissionArchiveExport } from '../mission-archive/mission-archive-export';
import { MISSION_SECTIONS, preloadMissionSections } from './mission-sections';
import { useMissionDocument, useMissionSnapshot } from './use-mission-document';
import { useMissionUndo } from './use-mission-undo';

function SectionNotFound({ missionId }: { missionId: string }) {
  return (
    <p role="alert">
      Cette partie de la mission n’existe pas. <Link href={ROUTES.mission(missionId)}>Revenir à la fiche mission</Link>
    </p>
  );
}

/** The frame every section of a mission shares: heading, undo history, export, section navigation. */
function MissionLayout({ mission, section, itemId }: { mission: OpenDocument; section: string; itemId: string | null }) {
  const session = useSession();
  const snapshot = useMissionSnapshot(mission.doc);
  const readOnlyReason = useReadOnlyReason(mission);
  const readOnly = readOnlyReason !== null;
  const { undo, redo, canUndo, canRedo } = useMissionUndo(mission.doc, !readOnly);
  const current = MISSION_SECTIONS.find((candidate) => candidate.slug === section);
  usePageTitle([current && current.slug !== '' ? current.label : '', snapshot.title || 'Mission'].filter(Boolean).join(' — '));

  const onMenuCommand = useEffectEvent((command: string) => {
    if (command === 'undo') undo();
    if (command === 'redo') redo();
  });
  useEffect(() => session.bridge.onMenuCommand(onMenuCommand), [session]);
  useEffect(() => {
    // After the first paint, so the section asked for is not delayed by the others. A failed
    // preload costs nothing: the section loads (and reports its error) when it is opened.
    const timer = window.setTimeout(() => {
      preloadMissionSections().catch(() => undefined);
    }, 0);
    return () => window.clearTimeout(timer);
  }, []);

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
          <MissionArchiveExport missionId={snapshot.id} />
        </div>
      </div>
      <ReadOnlyNotice reason={readOnlyReason} />
      <p className="hint">
        {readOnly ? 'Lecture seule.' : 'Chaque modification est enregistrée sur cet ordinateur dès la saisie.'} Dernière
        modification : {formatDateTime(snapshot.updatedAt)}.
      </p>
      <nav className="section-nav" aria-label="Parties de la mission">
        <ul>
          {MISSION_SECTIONS.map((candidate) => (
            <li key={candidate.slug}>
              <Link
                href={candidate.slug === '' ? ROUTES.mission(snapshot.id) : ROUTES.missionSection(snapshot.id, candidate.slug)}
                aria-current={candidate === current ? 'page' : undefined}
              >
                {candidate.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current ? (
        <Suspense fallback={<p>Chargement…</p>}>
          <current.Component mission={mission} snapshot={snapshot} readOnly={readOnly} itemId={itemId} />
        </Suspense>
      ) : (
        <SectionNotFound missionId={snapshot.id} />
      )}
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

function MissionLayoutOrNotFound({ mission, section, itemId }: { mission: OpenDocument; section: string; itemId: string | null }) {
  const snapshot = useMissionSnapshot(mission.doc);
  return snapshot.id === '' ? <MissionNotFound /> : <MissionLayout mission={mission} section={section} itemId={itemId} />;
}

export function MissionPage({ missionId, section, itemId }: { missionId: string; section: string; itemId: string | null }) {
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
  return <MissionLayoutOrNotFound mission={load.mission} section={section} itemId={itemId} />;
}
