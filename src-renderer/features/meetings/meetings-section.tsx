import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Meeting } from '@shared/meetings/meeting-model';
import { restoreMeeting, trashMeeting } from '@shared/meetings/meeting-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { attempt } from '../diagnostic-links/operation-error';
import { TrashList, TrashNotice, type TrashedNotice } from '../diagnostic-links/trash';
import { useDirectoryDocument } from '../directory/use-directory-document';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import type { OpenDocument } from '../../storage/document-store';
import { AttendanceStatisticsView } from './attendance-statistics-view';
import { MeetingList } from './meeting-list';
import { meetingName } from './meeting-labels';
import { MeetingPage } from './meeting-page';
import { NewMeetingForm } from './new-meeting-form';
import { useDirectorySnapshot, useMeetings } from './use-meetings';
import { MissionParticipantListExport } from '../meeting-documents/meeting-documents';

function MissingMeeting({ missionId, trashed, readOnly, onRestore }: { missionId: string; trashed: Meeting | undefined; readOnly: boolean; onRestore: (id: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div role="alert">
      <p>{trashed ? `La réunion « ${trashed.title} » est dans la corbeille.` : 'Cette réunion n’existe pas dans cette mission.'}</p>
      <p className="actions">
        {trashed && !readOnly && (
          <button type="button" className="button" onClick={() => setError(attempt(() => onRestore(trashed.id)))}>
            Restaurer la réunion
          </button>
        )}
        <Link href={ROUTES.missionSection(missionId, 'reunions')}>Toutes les réunions</Link>
      </p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

function MeetingsWithDirectory({ mission, snapshot, readOnly, itemId, directory }: MissionSectionProps & { directory: OpenDocument }) {
  const missionDoc = mission.doc;
  const missionId = snapshot.id;
  const meetings = useMeetings(missionDoc);
  const contacts = useDirectorySnapshot(directory.doc);
  const [, navigate] = useLocation();
  const [notice, setNotice] = useState<TrashedNotice | null>(null);
  const writable = !readOnly && !directory.isReadOnly();
  const live = meetings.filter((meeting) => meeting.trashedAt === null);
  const trashed = meetings.filter((meeting) => meeting.trashedAt !== null);

  const restore = (id: string) => restoreMeeting(missionDoc, id, LOCAL_ORIGIN);

  function trash(meeting: Meeting) {
    trashMeeting(missionDoc, meeting.id, LOCAL_ORIGIN);
    setNotice({ id: meeting.id, label: meetingName(meeting) });
    navigate(ROUTES.missionSection(missionId, 'reunions'));
  }

  if (itemId !== null) {
    const meeting = meetings.find((candidate) => candidate.id === itemId);
    if (!meeting || meeting.trashedAt !== null) {
      return <MissingMeeting missionId={missionId} trashed={meeting} readOnly={!writable} onRestore={restore} />;
    }
    return (
      <MeetingPage
        key={meeting.id}
        missionId={missionId}
        missionDoc={missionDoc}
        directoryDoc={directory.doc}
        directory={contacts}
        meeting={meeting}
        communes={snapshot.communes}
        readOnly={!writable}
        onTrash={trash}
      />
    );
  }

  return (
    <section aria-labelledby="meetings-title" className="qualitative-section meetings-section">
      <h2 id="meetings-title">Réunions</h2>
      <p className="hint">
        Ateliers, COPIL, COTECH, réunions publiques et entretiens : préparez les invitations, pointez les présences dans la salle, même sans réseau,
        et suivez qui participe.
      </p>
      {!readOnly && <NewMeetingForm doc={missionDoc} readOnly={readOnly} onCreated={(id) => navigate(ROUTES.missionSection(missionId, 'reunions', id))} />}
      <TrashNotice notice={notice} onRestore={restore} onDismiss={() => setNotice(null)} />
      <MeetingList missionId={missionId} meetings={live} />
      <AttendanceStatisticsView meetings={meetings} directory={contacts} />
      <MissionParticipantListExport missionId={missionId} />
      <TrashList
        title="Corbeille des réunions"
        deletedLabel="supprimée"
        records={trashed.map((meeting) => ({ id: meeting.id, label: meetingName(meeting), trashedAt: meeting.trashedAt ?? 0 }))}
        readOnly={readOnly}
        onRestore={restore}
      />
    </section>
  );
}

/** The mission's meetings: list, one meeting's details and invitations, attendance figures. */
export function MeetingsSection(props: MissionSectionProps) {
  const load = useDirectoryDocument();
  if (load.state === 'loading') return <p role="status">Ouverture de l’annuaire…</p>;
  if (load.state === 'failed') {
    return (
      <p role="alert" className="notice notice--error">
        L’annuaire des contacts n’a pas pu être ouvert : {load.message}
      </p>
    );
  }
  return <MeetingsWithDirectory {...props} directory={load.directory} />;
}
