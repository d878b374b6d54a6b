import { useMemo } from 'react';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { formatInteger, formatIsoDate } from '@shared/format/french-format';
import { attendanceStatistics, type PeopleCount } from '@shared/meetings/attendance-statistics';
import type { Meeting } from '@shared/meetings/meeting-model';

function PeopleTable({ caption, header, counts }: { caption: string; header: string; counts: readonly PeopleCount[] }) {
  if (counts.length === 0) return null;
  return (
    <div className="table-wrapper">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col" className="numeric">
              Personnes
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map((count) => (
            <tr key={count.key}>
              <th scope="row">{count.label}</th>
              <td className="numeric">{formatInteger(count.people)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Participation": how many people came to the mission's meetings, from where, and who came back. */
export function AttendanceStatisticsView({ meetings, directory }: { meetings: readonly Meeting[]; directory: DirectorySnapshot }) {
  const figures = useMemo(() => attendanceStatistics(meetings, directory), [meetings, directory]);
  return (
    <section aria-labelledby="attendance-statistics-title" className="attendance-statistics">
      <h3 id="attendance-statistics-title">Participation</h3>
      {figures.meetingCount === 0 ? (
        <p>Les chiffres de participation apparaîtront quand des réunions auront eu lieu.</p>
      ) : (
        <>
          <dl className="definition-list attendance-statistics__keys">
            <dt>Réunions tenues</dt>
            <dd>
              {formatInteger(figures.meetingsHeld)} sur {formatInteger(figures.meetingCount)}
            </dd>
            <dt>Présences cumulées</dt>
            <dd>{formatInteger(figures.totalAttendances)}</dd>
            <dt>Personnes différentes</dt>
            <dd>{formatInteger(figures.distinctPeople)}</dd>
            <dt>Personnes revenues (2 réunions ou plus)</dt>
            <dd>{formatInteger(figures.returning.length)}</dd>
          </dl>
          <PeopleTable caption="Personnes présentes par catégorie" header="Catégorie" counts={figures.byCategory} />
          <PeopleTable caption="Personnes présentes par commune" header="Commune" counts={figures.byCommune} />
          {figures.returning.length > 0 && (
            <div className="table-wrapper">
              <table className="data-table">
                <caption>Personnes venues à plusieurs réunions</caption>
                <thead>
                  <tr>
                    <th scope="col">Nom</th>
                    <th scope="col" className="numeric">
                      Réunions
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {figures.returning.map((person) => (
                    <tr key={person.contactId}>
                      <th scope="row">{person.sortName}</th>
                      <td className="numeric">{formatInteger(person.meetingsAttended)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="table-wrapper">
            <table className="data-table">
              <caption>Présences par réunion</caption>
              <thead>
                <tr>
                  <th scope="col">Réunion</th>
                  <th scope="col">Date</th>
                  <th scope="col" className="numeric">
                    Présents
                  </th>
                  <th scope="col" className="numeric">
                    dont sans invitation
                  </th>
                  <th scope="col" className="numeric">
                    Excusés
                  </th>
                  <th scope="col" className="numeric">
                    Absents
                  </th>
                  <th scope="col" className="numeric">
                    Non pointés
                  </th>
                </tr>
              </thead>
              <tbody>
                {figures.perMeeting.map((counts) => (
                  <tr key={counts.meetingId}>
                    <th scope="row">
                      {counts.kindLabel} — {counts.title}
                    </th>
                    <td>{formatIsoDate(counts.date) || 'À fixer'}</td>
                    <td className="numeric">{formatInteger(counts.present)}</td>
                    <td className="numeric">{formatInteger(counts.walkIns)}</td>
                    <td className="numeric">{formatInteger(counts.excused)}</td>
                    <td className="numeric">{formatInteger(counts.absent)}</td>
                    <td className="numeric">{formatInteger(counts.expected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
