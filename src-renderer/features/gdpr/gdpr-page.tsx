import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { contactCategoryLabel, contactDisplayName, contactSortName } from '@shared/directory/contact-model';
import { contactsDueForReview } from '@shared/directory/contact-retention';
import { prepareContactSearch } from '@shared/directory/contact-search';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readGdprSettings } from '@shared/directory/gdpr-settings';
import { missingGdprSettings } from '@shared/gdpr/gdpr-notice';
import { ROUTES } from '../../app/routes';
import { usePageTitle } from '../../app/use-page-title';
import type { OpenDocument } from '../../storage/document-store';
import { useDocumentReader } from '../diagnostic-links/use-document-reader';
import { useDirectoryDocument } from '../directory/use-directory-document';
import type { ForgetPersonReport } from '../../app/person-erasure';
import { ErasureReport, ForgetPerson } from './forget-person';
import { GdprSettingsForm } from './gdpr-settings-form';
import { PersonDataExport } from './person-data-export';
import { RegisterExport } from './register-export';
import { RetentionReview } from './retention-review';

const SEARCH_RESULTS_SHOWN = 20;

function todayIso(): string {
  return new Date().toLocaleDateString('sv-SE');
}

function PersonPicker({ directoryDoc }: { directoryDoc: Y.Doc }) {
  const snapshot = useDocumentReader(directoryDoc, readDirectorySnapshot);
  const search = useMemo(() => prepareContactSearch(snapshot), [snapshot]);
  const [query, setQuery] = useState('');
  const results = query.trim() === '' ? [] : search(query, { trashed: 'include', limit: SEARCH_RESULTS_SHOWN });
  return (
    <div className="field">
      <label htmlFor="gdpr-person-search">Rechercher la personne concernée</label>
      <input id="gdpr-person-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
      {query.trim() !== '' && (
        <ul aria-label="Personnes trouvées" className="plain-list">
          {results.length === 0 && <li>Aucun contact ne correspond.</li>}
          {results.map((contact) => (
            <li key={contact.id}>
              <Link href={ROUTES.gdprPerson(contact.id)}>
                {contactSortName(contact) || 'Contact sans nom'} — {contactCategoryLabel(contact.category)}
                {contact.communeName ? `, ${contact.communeName}` : ''}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PersonRights({ directory, contactId }: { directory: OpenDocument; contactId: string | null }) {
  const snapshot = useDocumentReader(directory.doc, readDirectorySnapshot);
  const contact = contactId === null ? null : snapshot.contacts.find((candidate) => candidate.id === contactId) ?? null;
  // Held here: once erased, the contact is gone from the directory and its card with it.
  const [erasure, setErasure] = useState<ForgetPersonReport | null>(null);
  if (erasure) {
    return (
      <section aria-labelledby="rights-heading">
        <h2 id="rights-heading">Droits d’une personne</h2>
        <ErasureReport report={erasure} />
      </section>
    );
  }
  return (
    <section aria-labelledby="rights-heading">
      <h2 id="rights-heading">Droits d’une personne</h2>
      <p className="hint">
        Droit d’accès : exportez tout ce que Bocage détient sur la personne. Droit à l’effacement : « Oublier cette personne »
        l’efface de l’annuaire, des réunions de toutes les missions, du serveur et des postes de vos collègues.
      </p>
      <PersonPicker directoryDoc={directory.doc} />
      {contactId !== null && contact === null && (
        <p role="alert">Ce contact n’existe pas ou plus : il a peut-être été effacé ou fusionné avec un autre.</p>
      )}
      {contact && (
        <article aria-labelledby="person-heading" className="card">
          <h3 id="person-heading">{contactDisplayName(contact) || 'Contact sans nom'}</h3>
          <p>
            {contactCategoryLabel(contact.category)}
            {contact.communeName ? ` — ${contact.communeName}` : ''}. <Link href={ROUTES.contact(contact.id)}>Voir la fiche</Link>
          </p>
          <PersonDataExport directory={directory} contact={contact} />
          <ForgetPerson contact={contact} readOnly={directory.isReadOnly()} onErased={setErasure} />
        </article>
      )}
    </section>
  );
}

function GdprContent({ directory, contactId }: { directory: OpenDocument; contactId: string | null }) {
  const settings = useDocumentReader(directory.doc, readGdprSettings);
  const snapshot = useDocumentReader(directory.doc, readDirectorySnapshot);
  const due = useMemo(() => contactsDueForReview(snapshot, todayIso()), [snapshot]);
  const missing = missingGdprSettings(settings);
  return (
    <>
      {directory.isReadOnly() && (
        <p className="notice notice--warning" role="alert">
          L’annuaire a été enregistré par une version plus récente de Bocage : il est ouvert en lecture seule.
        </p>
      )}
      <PersonRights directory={directory} contactId={contactId} />
      <section aria-labelledby="processing-heading">
        <h2 id="processing-heading">Le traitement des contacts</h2>
        {missing.length > 0 && (
          <ul className="notice notice--warning" aria-label="Paramètres à compléter">
            {missing.map((entry) => (
              <li key={entry.setting}>{entry.warning}</li>
            ))}
          </ul>
        )}
        <GdprSettingsForm key={JSON.stringify(settings)} doc={directory.doc} settings={settings} readOnly={directory.isReadOnly()} />
        <RegisterExport settings={settings} />
      </section>
      <RetentionReview due={due} />
    </>
  );
}

/** The GDPR tools: the register entry, retention review, and each person's rights (access, erasure). */
export function GdprPage({ contactId }: { contactId: string | null }) {
  usePageTitle('Protection des données (RGPD)');
  const load = useDirectoryDocument();
  return (
    <>
      <h1>Protection des données (RGPD)</h1>
      {load.state === 'loading' && <p role="status">Chargement de l’annuaire…</p>}
      {load.state === 'failed' && <p role="alert">L’annuaire n’a pas pu être ouvert : {load.message}</p>}
      {load.state === 'ready' && <GdprContent directory={load.directory} contactId={contactId} />}
    </>
  );
}
