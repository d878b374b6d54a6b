import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { contactSortName } from '@shared/directory/contact-model';
import { defaultRetentionDate, localIsoDate } from '@shared/directory/contact-retention';
import { ROUTES } from '../../app/routes';
import { usePageTitle } from '../../app/use-page-title';
import type { OpenDocument } from '../../storage/document-store';
import { ContactList, NO_FILTERS, type ContactListFilters } from './contact-list';
import { ContactPage } from './contact-page';
import { useCommuneCodeOf, useDirectorySnapshot, useGdprSettings } from './directory-data';
import { DuplicatesPanel } from './duplicates-panel';
import { NewContactForm } from './new-contact-form';
import { OrganisationsSection } from './organisations-section';
import { useDirectoryDocument } from './use-directory-document';

/** The workspace directory: every contact and organisation. `contactId` opens one contact. */
export function DirectoryPage({ contactId }: { contactId: string | null }) {
  const load = useDirectoryDocument();
  if (load.state === 'loading') return <p role="status">Ouverture de l’annuaire…</p>;
  if (load.state === 'failed') {
    return (
      <p role="alert" className="notice notice--error">
        L’annuaire n’a pas pu être ouvert : {load.message}
      </p>
    );
  }
  return <OpenDirectory directory={load.directory} contactId={contactId} />;
}

function OpenDirectory({ directory, contactId }: { directory: OpenDocument; contactId: string | null }) {
  const snapshot = useDirectorySnapshot(directory.doc);
  const communeCodeOf = useCommuneCodeOf();
  const readOnly = directory.isReadOnly();
  if (contactId !== null) return <ContactPage doc={directory.doc} snapshot={snapshot} contactId={contactId} readOnly={readOnly} communeCodeOf={communeCodeOf} />;
  return <DirectoryHome directory={directory} readOnly={readOnly} communeCodeOf={communeCodeOf} />;
}

function DirectoryHome({ directory, readOnly, communeCodeOf }: { directory: OpenDocument; readOnly: boolean; communeCodeOf: (name: string) => string | null }) {
  usePageTitle('Annuaire');
  const id = useId();
  const doc = directory.doc;
  const snapshot = useDirectorySnapshot(doc);
  const settings = useGdprSettings(doc);
  const [today] = useState(() => localIsoDate(new Date()));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const [filters, setFilters] = useState<ContactListFilters>(NO_FILTERS);
  const contactsSection = useRef<HTMLDivElement>(null);

  function showOrganisationContacts(organisationId: string) {
    setFilters({ ...NO_FILTERS, organisationId });
    // The focus moves to the list: keyboard and screen reader users land on what they asked for.
    contactsSection.current?.querySelector<HTMLElement>('h2')?.focus();
  }

  return (
    <>
      <div className="page-heading">
        <h1>Annuaire</h1>
        <div className="toolbar">
          <button type="button" className="button button--primary" aria-expanded={creating} aria-controls={`${id}-new`} disabled={readOnly} onClick={() => setCreating(!creating)}>
            Nouveau contact
          </button>
          <Link href={ROUTES.contactImport} className="button">
            Importer des contacts
          </Link>
        </div>
      </div>
      {readOnly && (
        <p className="notice notice--warning">L’annuaire a été enregistré par une version plus récente de Bocage : il est affiché en lecture seule.</p>
      )}
      <p className="hint">Les contacts sont partagés par toutes les missions de l’équipe. Ce sont des données personnelles : n’y notez que ce qui sert aux missions.</p>
      <div id={`${id}-new`}>
        {creating && (
          <NewContactForm
            doc={doc}
            snapshot={snapshot}
            readOnly={readOnly}
            retentionUntil={defaultRetentionDate(today, settings.retentionMonths)}
            communeCodeOf={communeCodeOf}
            onCreated={(contactId, draft) => {
              setCreated({ id: contactId, name: contactSortName(draft) });
              setCreating(false);
            }}
          />
        )}
      </div>
      {created && (
        <p role="status" className="confirmation">
          Contact <Link href={ROUTES.contact(created.id)}>{created.name}</Link> créé.
        </p>
      )}
      <div ref={contactsSection}>
        <ContactList doc={doc} snapshot={snapshot} readOnly={readOnly} filters={filters} onFiltersChange={setFilters} />
      </div>
      <DuplicatesPanel doc={doc} snapshot={snapshot} readOnly={readOnly} />
      <OrganisationsSection doc={doc} snapshot={snapshot} readOnly={readOnly} communeCodeOf={communeCodeOf} onFilterContacts={showOrganisationContacts} />
    </>
  );
}
