import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Meeting } from '@shared/meetings/meeting-model';
import { ROUTES } from '../../app/routes';
import { attempt } from '../diagnostic-links/operation-error';
import { MeetingDocuments } from '../meeting-documents/meeting-documents';
import { MeetingBoards } from '../boards/meeting-boards';
import { MeetingPhotos } from '../meeting-photos/meeting-photos';
import { InvitationList, type InvitationListProps } from './invitation-list';
import { MeetingDetails } from './meeting-details';
import { meetingName, meetingPlace, meetingWhen, presenceSummary } from './meeting-labels';

interface MeetingPageProps extends InvitationListProps {
  missionId: string;
  onTrash: (meeting: Meeting) => void;
}

/**
 * One meeting: its details, who is invited, the way to the check-in screen and its documents.
 * Opening it moves the focus to its title, as a new page would.
 */
export function MeetingPage({ missionId, missionDoc, directoryDoc, directory, meeting, communes, readOnly, onTrash }: MeetingPageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [trashError, setTrashError] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [meeting.id]);
  const present = meeting.participants.filter((participant) => participant.attendance === 'present').length;
  const invited = meeting.participants.filter((participant) => participant.invited).length;

  return (
    <article className="record-page meeting-page" aria-labelledby="meeting-page-title">
      <p className="record-page__back">
        <Link href={ROUTES.missionSection(missionId, 'reunions')}>Toutes les réunions</Link>
      </p>
      <h2 id="meeting-page-title" ref={heading} tabIndex={-1}>
        {meetingName(meeting)}
      </h2>
      <p className="meeting-page__summary">
        {meetingWhen(meeting)} · {meetingPlace(meeting)} · {presenceSummary(present, invited)}
      </p>
      <div className="meeting-page__actions">
        <Link className="button button--primary" href={ROUTES.checkIn(missionId, meeting.id)}>
          Ouvrir l’émargement
        </Link>
        <MeetingDocuments missionId={missionId} meetingId={meeting.id} />
      </div>
      <MeetingDetails doc={missionDoc} meeting={meeting} communes={communes} readOnly={readOnly} />
      <MeetingBoards missionId={missionId} missionDoc={missionDoc} meeting={meeting} readOnly={readOnly} />
      <MeetingPhotos missionDoc={missionDoc} meeting={meeting} readOnly={readOnly} layout="page" />
      <InvitationList missionDoc={missionDoc} directoryDoc={directoryDoc} directory={directory} meeting={meeting} communes={communes} readOnly={readOnly} />
      {!readOnly && (
        <p className="actions record-page__danger">
          <button type="button" className="button" onClick={() => setTrashError(attempt(() => onTrash(meeting)))}>
            Mettre cette réunion à la corbeille
          </button>
        </p>
      )}
      {trashError && (
        <p className="field-error" role="alert">
          {trashError}
        </p>
      )}
    </article>
  );
}
