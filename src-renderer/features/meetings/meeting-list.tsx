import { Link } from 'wouter';
import type { Meeting } from '@shared/meetings/meeting-model';
import { ROUTES } from '../../app/routes';
import { meetingName, meetingPlace, meetingWhen, presenceSummary } from './meeting-labels';

function counts(meeting: Meeting): { present: number; invited: number } {
  return {
    present: meeting.participants.filter((participant) => participant.attendance === 'present').length,
    invited: meeting.participants.filter((participant) => participant.invited).length,
  };
}

/** The meetings of the mission in date order, each with where, when and how many came. */
export function MeetingList({ missionId, meetings }: { missionId: string; meetings: readonly Meeting[] }) {
  return (
    <section aria-labelledby="meeting-list-title">
      <h3 id="meeting-list-title">Réunions ({meetings.length})</h3>
      {meetings.length === 0 ? (
        <p>Aucune réunion pour le moment : créez la première avec le formulaire ci-dessus.</p>
      ) : (
        <ul className="record-list" aria-label="Réunions de la mission">
          {meetings.map((meeting) => {
            const { present, invited } = counts(meeting);
            return (
              <li key={meeting.id} className="record-card meeting-card">
                <div className="record-card__body">
                  <Link className="record-card__title" href={ROUTES.missionSection(missionId, 'reunions', meeting.id)}>
                    {meetingName(meeting)}
                  </Link>
                  <p className="record-card__meta">
                    {meetingWhen(meeting)} · {meetingPlace(meeting)} · {presenceSummary(present, invited)}
                  </p>
                </div>
                <Link className="button" href={ROUTES.checkIn(missionId, meeting.id)} aria-label={`Ouvrir l’émargement : ${meetingName(meeting)}`}>
                  Émargement
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
