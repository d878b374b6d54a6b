import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type * as Y from 'yjs';
import {
  CIVILITIES,
  CONTACT_CATEGORIES,
  contactDisplayName,
  LEGAL_BASES,
  type Civility,
  type Contact,
  type ContactCategory,
  type ContactInput,
  type LegalBasis,
} from '@shared/directory/contact-model';
import { restoreContact, trashContact, updateContact } from '@shared/directory/contact-operations';
import { localIsoDate } from '@shared/directory/contact-retention';
import { validateContactInput, type ContactErrors } from '@shared/directory/contact-validation';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { formatDateTime } from '@shared/format/french-format';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { usePageTitle } from '../../app/use-page-title';
import { attempt } from '../diagnostic-links/operation-error';
import { SavedSelect, SavedTextField } from '../diagnostic-links/saved-fields';
import { liveOrganisations } from './directory-data';

interface ContactPageProps {
  doc: Y.Doc;
  snapshot: DirectorySnapshot;
  contactId: string;
  readOnly: boolean;
  communeCodeOf: (name: string) => string | null;
}

/** A contact named by the address: its page, the survivor's page when it was merged, or why it cannot be shown. */
export function ContactPage({ doc, snapshot, contactId, readOnly, communeCodeOf }: ContactPageProps) {
  const [, navigate] = useLocation();
  const contact = snapshot.contacts.find((candidate) => candidate.id === contactId);
  const survivor = contact ? undefined : snapshot.aliases.get(contactId);
  useEffect(() => {
    // A link to a merged contact (a meeting written before the merge) leads to the person's record.
    if (survivor) navigate(ROUTES.contact(survivor), { replace: true });
  }, [survivor, navigate]);
  usePageTitle(contact ? contactDisplayName(contact) || 'Contact' : 'Contact introuvable');
  if (contact) return <ContactDetails key={contact.id} doc={doc} snapshot={snapshot} contact={contact} readOnly={readOnly} communeCodeOf={communeCodeOf} />;
  if (survivor) return null;
  return (
    <>
      <p className="breadcrumb">
        <Link href={ROUTES.directory}>Annuaire</Link>
      </p>
      <h1>Contact introuvable</h1>
      <p role="alert">
        Ce contact n’existe pas ou plus dans l’annuaire : il a peut-être été effacé à la demande de la personne.{' '}
        <Link href={ROUTES.directory}>Revenir à l’annuaire</Link>
      </p>
    </>
  );
}

interface ContactDetailsProps {
  doc: Y.Doc;
  snapshot: DirectorySnapshot;
  contact: Contact;
  readOnly: boolean;
  communeCodeOf: (name: string) => string | null;
}

/** Every field of a contact, saved as the user types, with the GDPR fields and the trash. */
function ContactDetails({ doc, snapshot, contact, readOnly, communeCodeOf }: ContactDetailsProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const organisations = useMemo(() => {
    const live = liveOrganisations(snapshot);
    const current = snapshot.organisations.find((organisation) => organisation.id === contact.organisationId);
    // A contact of a trashed organisation still shows it, rather than a blank that looks like "none".
    return current && current.trashedAt !== null ? [...live, { ...current, name: `${current.name} (dans la corbeille)` }] : live;
  }, [snapshot, contact.organisationId]);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const save = (patch: ContactInput) => updateContact(doc, contact.id, patch, LOCAL_ORIGIN);
  const name = contactDisplayName(contact) || 'Contact sans nom';
  const fieldError = (patch: ContactInput, field: keyof ContactErrors) => validateContactInput(patch, false)[field] ?? null;

  function saveLegalBasis(legalBasis: LegalBasis) {
    // Consent needs its date: today's by default, which the user corrects right below.
    save(legalBasis === 'consent' ? { legalBasis, consentDate: contact.consentDate ?? localIsoDate(new Date()) } : { legalBasis, consentDate: null });
  }

  return (
    <article className="contact-page" aria-labelledby="contact-page-title">
      <p className="breadcrumb">
        <Link href={ROUTES.directory}>Annuaire</Link> › {name}
      </p>
      <h1 id="contact-page-title" ref={heading} tabIndex={-1}>
        {name}
      </h1>
      {contact.trashedAt !== null && (
        <div role="alert" className="notice notice--warning">
          <p>Ce contact est dans la corbeille depuis le {formatDateTime(contact.trashedAt)} : il n’est plus proposé dans les listes.</p>
          <button type="button" className="button" disabled={readOnly} onClick={() => setFailure(attempt(() => restoreContact(doc, contact.id, LOCAL_ORIGIN)))}>
            Restaurer ce contact
          </button>
        </div>
      )}
      <div className="form">
        <div className="field-row">
          <SavedSelect<Civility | ''>
            label="Civilité"
            value={contact.civility ?? ''}
            options={CIVILITIES}
            emptyLabel="Non précisée"
            readOnly={readOnly}
            onSave={(civility) => save({ civility: civility || null })}
          />
          <SavedTextField
            label="Nom"
            value={contact.lastName}
            readOnly={readOnly}
            validate={(lastName) => fieldError({ lastName, firstName: contact.firstName }, 'name') ?? fieldError({ lastName }, 'lastName')}
            onSave={(lastName) => save({ lastName })}
          />
          <SavedTextField
            label="Prénom"
            value={contact.firstName}
            readOnly={readOnly}
            validate={(firstName) => fieldError({ firstName, lastName: contact.lastName }, 'name') ?? fieldError({ firstName }, 'firstName')}
            onSave={(firstName) => save({ firstName })}
          />
        </div>
        <div className="field-row">
          <SavedTextField label="Fonction" value={contact.jobTitle} readOnly={readOnly} onSave={(jobTitle) => save({ jobTitle })} />
          <SavedSelect
            label="Organisation"
            value={contact.organisationId ?? ''}
            options={organisations.map((organisation) => ({ id: organisation.id, label: organisation.name }))}
            emptyLabel="Aucune"
            readOnly={readOnly}
            onSave={(organisationId) => save({ organisationId: organisationId || null })}
          />
        </div>
        <div className="field-row">
          <SavedSelect<ContactCategory> label="Catégorie" value={contact.category} options={CONTACT_CATEGORIES} readOnly={readOnly} onSave={(category) => save({ category })} />
          <SavedTextField
            label="Commune"
            value={contact.communeName}
            readOnly={readOnly}
            hint={contact.communeCode ? `Code INSEE ${contact.communeCode}` : undefined}
            onSave={(communeName) => save({ communeName, communeCode: communeCodeOf(communeName) })}
          />
        </div>
        <div className="field-row">
          <SavedTextField label="E-mail" value={contact.email} readOnly={readOnly} validate={(email) => fieldError({ email }, 'email')} onSave={(email) => save({ email })} />
          <SavedTextField label="Téléphone" value={contact.phone} readOnly={readOnly} onSave={(phone) => save({ phone })} />
        </div>
        <fieldset className="directory-fieldset">
          <legend>Données personnelles (RGPD)</legend>
          <div className="field-row">
            <SavedSelect<LegalBasis> label="Base légale" value={contact.legalBasis} options={LEGAL_BASES} readOnly={readOnly} onSave={saveLegalBasis} />
            {contact.legalBasis === 'consent' && (
              <SavedTextField
                label="Date du consentement"
                type="date"
                required
                value={contact.consentDate ?? ''}
                readOnly={readOnly}
                validate={(consentDate) => fieldError({ legalBasis: 'consent', consentDate: consentDate || null }, 'consentDate')}
                onSave={(consentDate) => save({ legalBasis: 'consent', consentDate })}
              />
            )}
          </div>
          <div className="field-row">
            <SavedTextField label="Origine des données" value={contact.dataSource} readOnly={readOnly} onSave={(dataSource) => save({ dataSource })} />
            <SavedTextField
              label="Conserver jusqu’au"
              type="date"
              value={contact.retentionUntil ?? ''}
              readOnly={readOnly}
              hint="Passé cette date, la fiche est proposée au réexamen sur la page RGPD."
              validate={(retentionUntil) => fieldError({ retentionUntil }, 'retentionUntil')}
              onSave={(retentionUntil) => save({ retentionUntil: retentionUntil || null })}
            />
          </div>
          <p>
            <Link href={ROUTES.gdprPerson(contact.id)}>Données personnelles (RGPD)…</Link>
          </p>
        </fieldset>
        <SavedTextField label="Notes" multiline value={contact.notes} readOnly={readOnly} validate={(notes) => fieldError({ notes }, 'notes')} onSave={(notes) => save({ notes })} />
        <p className="hint">
          Fiche créée le {formatDateTime(contact.createdAt)}, modifiée le {formatDateTime(contact.updatedAt)}.
        </p>
      </div>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      {!readOnly && contact.trashedAt === null && (
        <p className="actions record-page__danger">
          <button type="button" className="button" onClick={() => setFailure(attempt(() => trashContact(doc, contact.id, LOCAL_ORIGIN)))}>
            Mettre ce contact à la corbeille
          </button>
        </p>
      )}
    </article>
  );
}
