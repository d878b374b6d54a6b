import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { contactCategoryLabel, contactDisplayName, contactSortName, type Contact } from '@shared/directory/contact-model';
import { prepareContactSearch } from '@shared/directory/contact-search';
import type { Meeting } from '@shared/meetings/meeting-model';
import { checkInWalkIn, setAttendance } from '@shared/meetings/meeting-operations';
import { meetingParticipantRows } from '@shared/meetings/participant-rows';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { usePageTitle } from '../../app/use-page-title';
import type { OpenDocument } from '../../storage/document-store';
import { attempt } from '../diagnostic-links/operation-error';
import { useDirectoryDocument } from '../directory/use-directory-document';
import { meetingName, meetingPlace, meetingWhen, presenceSummary } from '../meetings/meeting-labels';
import { ActionFeedback } from '../meetings/action-feedback';
import { ParticipantContactForm, typedName } from '../meetings/participant-contact-form';
import { useDirectorySnapshot, useMeetings } from '../meetings/use-meetings';
import { useMissionDocument, useMissionSnapshot } from '../mission-editor/use-mission-document';
import { CheckInRow } from './check-in-row';

/** Contacts of the directory proposed when a search finds someone who was not invited. */
const MAX_DIRECTORY_PROPOSALS = 5;

interface CheckInScreenProps {
  mission: OpenDocument;
  directory: OpenDocument;
  meeting: Meeting;
}

function CheckInScreen({ mission, directory, meeting }: CheckInScreenProps) {
  const missionSnapshot = useMissionSnapshot(mission.doc);
  const contacts = useDirectorySnapshot(directory.doc);
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const disabled = mission.isReadOnly() || directory.isReadOnly();

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  const rows = useMemo(() => meetingParticipantRows(meeting, contacts), [meeting, contacts]);
  const participantIds = useMemo(() => new Set(rows.map((row) => row.contactId)), [rows]);
  const searchParticipants = useMemo(
    () => prepareContactSearch({ ...contacts, contacts: contacts.contacts.filter((contact) => participantIds.has(contact.id)) }),
    [contacts, participantIds],
  );
  const searchDirectory = useMemo(() => prepareContactSearch(contacts), [contacts]);
  const searching = query.trim() !== '';
  const shownRows = useMemo(() => {
    if (!searching) return rows;
    const found = new Set(searchParticipants(query, { trashed: 'include' }).map((contact) => contact.id));
    return rows.filter((row) => found.has(row.contactId));
  }, [rows, searching, searchParticipants, query]);
  const others = useMemo(
    () =>
      searching
        ? searchDirectory(query, { sort: 'relevance', limit: MAX_DIRECTORY_PROPOSALS + participantIds.size })
            .filter((contact) => !participantIds.has(contact.id))
            .slice(0, MAX_DIRECTORY_PROPOSALS)
        : [],
    [searching, searchDirectory, query, participantIds],
  );

  const present = rows.filter((row) => row.attendance === 'present').length;
  const invited = rows.filter((row) => row.invited).length;
  const walkIns = rows.filter((row) => !row.invited && row.attendance === 'present').length;

  function checkInFromDirectory(contact: Contact) {
    const refusal = attempt(() => setAttendance(mission.doc, meeting.id, contact.id, 'present', LOCAL_ORIGIN));
    setError(refusal);
    if (!refusal) {
      setAnnouncement(`${contactDisplayName(contact)} : présent·e, sans invitation.`);
      setQuery('');
      searchRef.current?.focus();
    }
  }

  return (
    <div className="check-in">
      <p className="breadcrumb">
        <Link href={ROUTES.missionSection(missionSnapshot.id, 'reunions', meeting.id)}>Retour à la réunion</Link> · {missionSnapshot.title}
      </p>
      <h1>Émargement : {meetingName(meeting)}</h1>
      <p className="check-in__when">
        {meetingWhen(meeting)} · {meetingPlace(meeting)}
      </p>
      {disabled && (
        <p className="notice notice--warning" role="alert">
          Cette mission ou l’annuaire a été enregistré par une version plus récente de Bocage : l’émargement est en lecture seule.
        </p>
      )}
      <p className="check-in__counter" role="status">
        {presenceSummary(present, invited)}
        {walkIns > 0 ? `, dont ${walkIns} sans invitation` : ''}
      </p>
      <div className="field check-in__search">
        <label htmlFor="check-in-search">Rechercher un nom</label>
        <input
          id="check-in-search"
          ref={searchRef}
          type="search"
          autoComplete="off"
          aria-describedby="check-in-search-hint"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <p id="check-in-search-hint" className="hint">
          Les premières lettres du nom ou du prénom suffisent, sans accents ni majuscules.
        </p>
      </div>
      <ActionFeedback announcement={announcement} error={error} className="check-in__announcement" />
      <details className="check-in__walk-in">
        <summary>Ajouter une personne non inscrite</summary>
        <ParticipantContactForm
          title="Personne non inscrite"
          headingLevel={2}
          submitLabel="Ajouter et marquer présent·e"
          hint="La personne est ajoutée à l’annuaire partagé et marquée présente. Nom ou prénom suffit ; Entrée valide."
          defaultCategory="habitant"
          communes={missionSnapshot.communes}
          disabled={disabled}
          onCreate={(input) => {
            checkInWalkIn(directory.doc, mission.doc, meeting.id, input, LOCAL_ORIGIN);
            setAnnouncement(`${typedName(input)} : ajouté·e et présent·e.`);
            setQuery('');
          }}
        />
      </details>
      {rows.length === 0 && !searching && (
        <p>Personne n’est invité à cette réunion : ajoutez les personnes présentes avec « Ajouter une personne non inscrite ».</p>
      )}
      {shownRows.length > 0 && (
        <ul className="check-in__list" aria-label={searching ? `Participants correspondant à « ${query.trim()} »` : 'Participants'}>
          {shownRows.map((row) => (
            <CheckInRow key={row.contactId} doc={mission.doc} meetingId={meeting.id} row={row} disabled={disabled} announce={setAnnouncement} />
          ))}
        </ul>
      )}
      {searching && shownRows.length === 0 && others.length === 0 && (
        <p>Personne ne correspond à « {query.trim()} ». Vérifiez l’orthographe, ou ajoutez la personne comme non inscrite.</p>
      )}
      {others.length > 0 && (
        <section aria-labelledby="check-in-others-title" className="check-in__others">
          <h2 id="check-in-others-title">Dans l’annuaire, sans invitation</h2>
          <ul className="check-in__list">
            {others.map((contact) => (
              <li key={contact.id} className="check-in-row">
                <div className="check-in-row__person">
                  <p className="check-in-row__name">{contactSortName(contact)}</p>
                  <p className="check-in-row__detail">{[contactCategoryLabel(contact.category), contact.communeName].filter(Boolean).join(' · ')}</p>
                </div>
                <button type="button" className="button check-in-button check-in-button--present" disabled={disabled} onClick={() => checkInFromDirectory(contact)}>
                  Présent<span className="visually-hidden"> : {contactDisplayName(contact)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function CheckInForMeeting({ mission, directory, meetingId }: { mission: OpenDocument; directory: OpenDocument; meetingId: string }) {
  const meetings = useMeetings(mission.doc);
  const missionSnapshot = useMissionSnapshot(mission.doc);
  const meeting = meetings.find((candidate) => candidate.id === meetingId);
  usePageTitle(meeting ? `Émargement — ${meetingName(meeting)}` : 'Émargement');
  if (!meeting || meeting.trashedAt !== null) {
    return (
      <>
        <h1>Émargement</h1>
        <p role="alert">
          {meeting
            ? 'Cette réunion est dans la corbeille : restaurez-la depuis la liste des réunions pour pointer les présences.'
            : 'Cette réunion n’existe pas sur cet ordinateur, ou elle n’a pas encore été reçue du serveur de synchronisation.'}{' '}
          <Link href={ROUTES.missionSection(missionSnapshot.id || 'inconnue', 'reunions')}>Voir les réunions de la mission</Link>
        </p>
      </>
    );
  }
  return <CheckInScreen mission={mission} directory={directory} meeting={meeting} />;
}

/** The check-in screen of one meeting, for a laptop or a tablet in the room, with or without network. */
export function CheckInPage({ missionId, meetingId }: { missionId: string; meetingId: string }) {
  const missionLoad = useMissionDocument(missionId);
  const directoryLoad = useDirectoryDocument();
  if (missionLoad.state === 'failed' || directoryLoad.state === 'failed') {
    const message = missionLoad.state === 'failed' ? missionLoad.message : directoryLoad.state === 'failed' ? directoryLoad.message : '';
    return (
      <>
        <h1>Émargement impossible</h1>
        <p role="alert">La mission ou l’annuaire n’a pas pu être ouvert : {message}</p>
      </>
    );
  }
  if (missionLoad.state === 'loading' || directoryLoad.state === 'loading') return <p role="status">Ouverture de l’émargement…</p>;
  return <CheckInForMeeting mission={missionLoad.mission} directory={directoryLoad.directory} meetingId={meetingId} />;
}
