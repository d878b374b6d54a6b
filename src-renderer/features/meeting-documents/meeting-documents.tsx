import { useId, useState } from 'react';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readGdprSettings } from '@shared/directory/gdpr-settings';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { useSession } from '../../app/session-context';
import type { WorkspaceSession } from '../../app/workspace-session';
import { useFileExport } from '../export/use-file-export';
import { meetingParticipantList, missionParticipantList, signInSheetContent } from './meeting-document-content';

const DEFAULT_BLANK_ROWS = 10;

/** Read at click time, so the file has what the screen shows now, colleagues' edits included. */
async function readSources(session: WorkspaceSession, missionId: string) {
  const [mission, directory] = await Promise.all([session.openMission(missionId), session.openDirectory()]);
  return {
    mission: readMissionSnapshot(mission.doc),
    meetings: readMeetings(mission.doc),
    directory: readDirectorySnapshot(directory.doc),
    settings: readGdprSettings(directory.doc),
  };
}

/** The same, with the meeting, which a colleague may have deleted since the page was drawn. */
async function readMeetingSources(session: WorkspaceSession, missionId: string, meetingId: string) {
  const sources = await readSources(session, missionId);
  const meeting = sources.meetings.find((candidate) => candidate.id === meetingId);
  if (!meeting) throw new Error('cette réunion n’existe plus (elle a peut-être été supprimée par un collègue)');
  return { ...sources, meeting };
}

/** The documents of a meeting: the sign-in sheet to print, the signed record, the participant list. */
export function MeetingDocuments({ missionId, meetingId }: { missionId: string; meetingId: string }) {
  const session = useSession();
  const fileExport = useFileExport();
  const [blankRows, setBlankRows] = useState(String(DEFAULT_BLANK_ROWS));
  const blankRowsId = useId();

  function exportSignInSheet(fileKind: 'docx' | 'xlsx', signed: boolean) {
    return fileExport.run(`${fileKind}-${signed}`, async () => {
      const { meeting, ...sources } = await readMeetingSources(session, missionId, meetingId);
      const rows = Number.parseInt(blankRows, 10);
      const sheet = await signInSheetContent(sources.mission, meeting, sources.directory, sources.settings, {
        signed,
        blankRows: Number.isFinite(rows) ? rows : DEFAULT_BLANK_ROWS,
      });
      const options = signed ? { title: 'Feuille de présence signée' } : {};
      const [builder, names] = await Promise.all([
        fileKind === 'docx'
          ? import('@shared/export/sign-in-sheet-docx').then((module) => module.buildSignInSheetDocx)
          : import('@shared/export/sign-in-sheet-xlsx').then((module) => module.buildSignInSheetXlsx),
        import('@shared/export/export-file-names'),
      ]);
      return { fileKind, suggestedName: names.signInSheetFileName(meeting, fileKind, signed ? 'signed' : 'blank'), bytes: await builder(sheet, options) };
    });
  }

  function exportParticipantList() {
    return fileExport.run('list', async () => {
      const { meeting, ...sources } = await readMeetingSources(session, missionId, meetingId);
      const [{ buildMeetingParticipantListXlsx }, names] = await Promise.all([
        import('@shared/export/participant-list-xlsx'),
        import('@shared/export/export-file-names'),
      ]);
      const bytes = await buildMeetingParticipantListXlsx(meetingParticipantList(sources.mission, meeting, sources.directory));
      return { fileKind: 'xlsx' as const, suggestedName: names.meetingParticipantListFileName(meeting), bytes };
    });
  }

  const busy = fileExport.busy !== null;
  return (
    <section aria-labelledby={`${blankRowsId}-heading`} className="meeting-documents">
      <h3 id={`${blankRowsId}-heading`}>Documents de la réunion</h3>
      <div className="field field--inline">
        <label htmlFor={blankRowsId}>Lignes vierges pour les personnes non inscrites</label>
        <input id={blankRowsId} type="number" min={0} max={200} value={blankRows} onChange={(event) => setBlankRows(event.target.value)} />
      </div>
      <div className="toolbar" role="toolbar" aria-label="Documents de la réunion">
        <button type="button" className="button" disabled={busy} onClick={() => void exportSignInSheet('docx', false)}>
          Feuille d’émargement (.docx)
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportSignInSheet('xlsx', false)}>
          Feuille d’émargement (.xlsx)
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportSignInSheet('docx', true)}>
          Feuille de présence signée (.docx)
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportParticipantList()}>
          Liste des participants (.xlsx)
        </button>
      </div>
      <p className="confirmation" aria-live="polite">
        {fileExport.message}
      </p>
    </section>
  );
}

/** The list of everyone who took part in the mission's meetings, for the mission's meetings page. */
export function MissionParticipantListExport({ missionId }: { missionId: string }) {
  const session = useSession();
  const fileExport = useFileExport();

  function exportList() {
    return fileExport.run('mission-list', async () => {
      const sources = await readSources(session, missionId);
      const [{ buildMissionParticipantListXlsx }, names] = await Promise.all([
        import('@shared/export/participant-list-xlsx'),
        import('@shared/export/export-file-names'),
      ]);
      const bytes = await buildMissionParticipantListXlsx(missionParticipantList(sources.mission, sources.meetings, sources.directory));
      return { fileKind: 'xlsx' as const, suggestedName: names.missionParticipantListFileName(sources.mission), bytes };
    });
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Participants de la mission">
      <button type="button" className="button" disabled={fileExport.busy !== null} onClick={() => void exportList()}>
        Liste des participants de la mission (.xlsx)
      </button>
      <p className="confirmation" aria-live="polite">
        {fileExport.message}
      </p>
    </div>
  );
}
