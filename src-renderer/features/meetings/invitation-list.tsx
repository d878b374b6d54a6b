import { useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { contactDisplayName } from '@shared/directory/contact-model';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import type { TerritoryCommune } from '@shared/model/mission';
import type { Meeting } from '@shared/meetings/meeting-model';
import { inviteContacts, inviteNewContact, uninviteContact } from '@shared/meetings/meeting-operations';
import { meetingParticipantRows } from '@shared/meetings/participant-rows';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { ActionFeedback } from './action-feedback';
import { ContactPicker } from './contact-picker';
import { ParticipantContactForm, typedName } from './participant-contact-form';

export interface InvitationListProps {
  missionDoc: Y.Doc;
  directoryDoc: Y.Doc;
  directory: DirectorySnapshot;
  meeting: Meeting;
  communes: readonly TerritoryCommune[];
  readOnly: boolean;
}

/** Who is invited (and who came without an invitation), and the ways to invite more people. */
export function InvitationList({ missionDoc, directoryDoc, directory, meeting, communes, readOnly }: InvitationListProps) {
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rows = useMemo(() => meetingParticipantRows(meeting, directory), [meeting, directory]);
  const participantIds = useMemo(() => new Set(meeting.participants.map((participant) => participant.contactId)), [meeting]);
  const invitedCount = rows.filter((row) => row.invited).length;

  function invite(contactId: string, name: string) {
    const refusal = attempt(() => inviteContacts(missionDoc, meeting.id, [contactId], LOCAL_ORIGIN));
    setError(refusal);
    if (!refusal) setAnnouncement(`${name} est invité·e.`);
  }

  function remove(contactId: string, name: string) {
    const refusal = attempt(() => uninviteContact(missionDoc, meeting.id, contactId, LOCAL_ORIGIN));
    setError(refusal);
    if (!refusal) setAnnouncement(`${name} est retiré·e de la liste des invités.`);
  }

  return (
    <section aria-labelledby={`${id}-title`} className="invitations">
      <h3 id={`${id}-title`}>Invitations</h3>
      {!readOnly && (
        <>
          <ContactPicker
            label="Inviter un contact de l’annuaire"
            directory={directory}
            excluded={participantIds}
            disabled={readOnly}
            onChoose={(contact) => invite(contact.id, contactDisplayName(contact))}
          />
          <details className="invitations__new">
            <summary>La personne n’est pas dans l’annuaire ?</summary>
            <ParticipantContactForm
              title="Inviter une personne absente de l’annuaire"
              headingLevel={4}
              submitLabel="Créer le contact et l’inviter"
              hint="Le contact est ajouté à l’annuaire partagé, puis à la liste des invités."
              defaultCategory="autre"
              communes={communes}
              disabled={readOnly}
              onCreate={(input) => {
                inviteNewContact(directoryDoc, missionDoc, meeting.id, input, LOCAL_ORIGIN);
                setAnnouncement(`${typedName(input)} est ajouté·e à l’annuaire et invité·e.`);
              }}
            />
          </details>
        </>
      )}
      <ActionFeedback announcement={announcement} error={error} />
      {rows.length === 0 ? (
        <p>Personne n’est encore invité à cette réunion.</p>
      ) : (
        <div className="table-wrapper">
          <table className="data-table">
            <caption>
              {invitedCount} personne{invitedCount > 1 ? 's' : ''} invitée{invitedCount > 1 ? 's' : ''}
              {rows.length > invitedCount ? `, ${rows.length - invitedCount} venue${rows.length - invitedCount > 1 ? 's' : ''} sans invitation` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Organisation</th>
                <th scope="col">Catégorie</th>
                <th scope="col">Commune</th>
                <th scope="col">Présence</th>
                {!readOnly && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.contactId}>
                  <th scope="row">
                    {row.sortName}
                    {!row.invited && <span className="badge"> Non inscrit·e</span>}
                  </th>
                  <td>{row.organisationName}</td>
                  <td>{row.categoryLabel}</td>
                  <td>{row.communeName}</td>
                  <td>{row.attendanceLabel}</td>
                  {!readOnly && (
                    <td>
                      {row.invited && row.attendance === 'expected' && row.signatures.every((entry) => entry.signature === null) && (
                        <button type="button" className="button" aria-label={`Retirer ${row.displayName} des invités`} onClick={() => remove(row.contactId, row.displayName)}>
                          Retirer
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
