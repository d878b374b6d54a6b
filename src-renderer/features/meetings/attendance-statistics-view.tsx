import { useMemo } from 'react';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { formatInteger, formatIsoDate } from '@shared/format/french-format';
import { attendanceStatistics, type PeopleCount } from '@shared/meetings/attendance-statistics';
import type { Meeting } from '@shared/meetings/meeting-model';

interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** A two-column table of counts (people per category, meetings per person…), left out when empty. */
function CountTable({ caption, header, countHeader, rows }: { caption: string; header: string; countHeader: string; rows: readonly CountRow[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="table-wrapper">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col" className="numeric">
              {countHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{formatInteger(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function peopleRows(counts: readonly PeopleCount[]): CountRow[] {
  return counts.map((count) => ({ key: count.key, label: count.label, count: count.people }));
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
          <CountTable caption="Personnes présentes par catégorie" header="Catégorie" countHeader="Personnes" rows={peopleRows(figures.byCategory)} />
          <CountTable caption="Personnes présentes par commune" header="Commune" countHeader="Personnes" rows={peopleRows(figures.byCommune)} />
          <CountTable
            caption="Personnes venues à plusieurs réunions"
            header="Nom"
            countHeader="Réunions"
            rows={figures.returning.map((person) => ({ key: person.contactId, label: person.sortName, count: person.meetingsAttended }))}
          />
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
