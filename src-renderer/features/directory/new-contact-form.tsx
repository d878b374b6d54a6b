import { useId, useMemo, useRef } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { DuplicateIndex } from '@shared/directory/contact-duplicates';
import {
  CIVILITIES,
  CONTACT_CATEGORIES,
  contactSortName,
  LEGAL_BASES,
  type Civility,
  type Contact,
  type ContactCategory,
  type ContactInput,
  type LegalBasis,
} from '@shared/directory/contact-model';
import { validateContactInput } from '@shared/directory/contact-validation';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { createParticipantContact } from '@shared/meetings/participant-contact';
import type { FieldErrors } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { NewRecordForm, useNewRecordForm } from '../diagnostic-links/new-record-form';
import { TextField } from '../diagnostic-links/text-field';
import { liveOrganisations } from './directory-data';
import { SelectField } from './select-field';

export interface NewContactDraft {
  civility: Civility | '';
  lastName: string;
  firstName: string;
  jobTitle: string;
  organisationName: string;
  category: ContactCategory;
  communeName: string;
  email: string;
  phone: string;
  notes: string;
  legalBasis: LegalBasis;
  consentDate: string;
  dataSource: string;
  retentionUntil: string;
}

export function emptyContactDraft(retentionUntil: string): NewContactDraft {
  return {
    civility: '',
    lastName: '',
    firstName: '',
    jobTitle: '',
    organisationName: '',
    category: 'autre',
    communeName: '',
    email: '',
    phone: '',
    notes: '',
    legalBasis: 'public-interest',
    consentDate: '',
    dataSource: 'Saisie manuelle',
    retentionUntil,
  };
}

function contactInputOf(draft: NewContactDraft, communeCodeOf: (name: string) => string | null): ContactInput {
  const { organisationName: _organisationName, civility, consentDate, retentionUntil, ...fields } = draft;
  return {
    ...fields,
    civility: civility || null,
    communeCode: communeCodeOf(draft.communeName),
    consentDate: draft.legalBasis === 'consent' ? consentDate || null : null,
    retentionUntil: retentionUntil || null,
  };
}

function validateDraft(draft: NewContactDraft): FieldErrors<NewContactDraft> {
  const { name, organisationId: _organisationId, communeCode: _communeCode, ...errors } = validateContactInput(contactInputOf(draft, () => null), true);
  return name ? { ...errors, lastName: name } : errors;
}

interface NewContactFormProps {
  doc: Y.Doc;
  snapshot: DirectorySnapshot;
  readOnly: boolean;
  retentionUntil: string;
  communeCodeOf: (name: string) => string | null;
  onCreated: (id: string, draft: NewContactDraft) => void;
}

/**
 * A new contact with every field of the directory. The organisation is typed by name: an existing
 * one is reused (whatever its accents or case), a new one is created. While the name is typed,
 * people already in the directory who may be the same person are pointed out.
 */
export function NewContactForm({ doc, snapshot, readOnly, retentionUntil, communeCodeOf, onCreated }: NewContactFormProps) {
  const id = useId();
  const lastNameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const empty = useMemo(() => emptyContactDraft(retentionUntil), [retentionUntil]);
  const { values, errors, failure, change, submit } = useNewRecordForm<NewContactDraft, string>({
    empty,
    validate: validateDraft,
    create: (draft) => createParticipantContact(doc, { ...contactInputOf(draft, communeCodeOf), organisationName: draft.organisationName }, LOCAL_ORIGIN),
    onCreated,
    firstField: lastNameRef,
  });
  const organisations = useMemo(() => liveOrganisations(snapshot), [snapshot]);
  const duplicateIndex = useMemo(() => {
    const index = new DuplicateIndex<Contact>();
    for (const contact of snapshot.contacts) if (contact.trashedAt === null) index.add(contact, contact);
    return index;
  }, [snapshot]);
  const possibleDuplicates = duplicateIndex.matches({
    civility: values.civility || null,
    lastName: values.lastName,
    firstName: values.firstName,
    email: values.email,
    phone: values.phone,
    communeCode: null,
    communeName: values.communeName,
  });

  return (
    <NewRecordForm title="Nouveau contact" submitLabel="Créer le contact" readOnly={readOnly} failure={failure} onSubmit={submit}>
      <div className="field-row">
        <SelectField
          id={`${id}-civility`}
          label="Civilité"
          emptyLabel="Non précisée"
          options={CIVILITIES}
          disabled={readOnly}
          value={values.civility}
          onChange={(civility) => change('civility', civility)}
        />
        <TextField id={`${id}-last-name`} label="Nom" fieldRef={lastNameRef} disabled={readOnly} value={values.lastName} error={errors.lastName} onChange={(value) => change('lastName', value)} />
        <TextField id={`${id}-first-name`} label="Prénom" disabled={readOnly} value={values.firstName} error={errors.firstName} onChange={(value) => change('firstName', value)} />
      </div>
      {possibleDuplicates.length > 0 && (
        <div className="notice notice--warning" role="status">
          <p>Cette personne est peut-être déjà dans l’annuaire :</p>
          <ul>
            {possibleDuplicates.slice(0, 3).map(({ id: contact, match }) => (
              <li key={contact.id}>
                <Link href={ROUTES.contact(contact.id)}>{contactSortName(contact)}</Link> ({match.reason})
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="field-row">
        <TextField id={`${id}-job`} label="Fonction" disabled={readOnly} value={values.jobTitle} error={errors.jobTitle} onChange={(value) => change('jobTitle', value)} />
        <div className="field">
          <label htmlFor={`${id}-organisation`}>Organisation</label>
          <input
            id={`${id}-organisation`}
            type="text"
            list={`${id}-organisations`}
            autoComplete="off"
            disabled={readOnly}
            aria-describedby={`${id}-organisation-hint`}
            value={values.organisationName}
            onChange={(event) => change('organisationName', event.target.value)}
          />
          <p id={`${id}-organisation-hint`} className="hint">
            Une organisation absente de l’annuaire y est ajoutée.
          </p>
          <datalist id={`${id}-organisations`}>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.name} />
            ))}
          </datalist>
        </div>
      </div>
      <div className="field-row">
        <SelectField id={`${id}-category`} label="Catégorie" options={CONTACT_CATEGORIES} disabled={readOnly} value={values.category} onChange={(category) => change('category', category)} />
        <TextField id={`${id}-commune`} label="Commune" disabled={readOnly} value={values.communeName} error={errors.communeName} onChange={(value) => change('communeName', value)} />
      </div>
      <div className="field-row">
        <TextField id={`${id}-email`} label="E-mail" disabled={readOnly} value={values.email} error={errors.email} onChange={(value) => change('email', value)} />
        <TextField id={`${id}-phone`} label="Téléphone" disabled={readOnly} value={values.phone} error={errors.phone} onChange={(value) => change('phone', value)} />
      </div>
      <fieldset className="directory-fieldset">
        <legend>Données personnelles (RGPD)</legend>
        <div className="field-row">
          <SelectField id={`${id}-basis`} label="Base légale" options={LEGAL_BASES} disabled={readOnly} value={values.legalBasis} onChange={(basis) => change('legalBasis', basis)} />
          {values.legalBasis === 'consent' && (
            <TextField id={`${id}-consent`} label="Date du consentement" type="date" required disabled={readOnly} value={values.consentDate} error={errors.consentDate} onChange={(value) => change('consentDate', value)} />
          )}
        </div>
        <div className="field-row">
          <TextField
            id={`${id}-source`}
            label="Origine des données"
            hint="D’où viennent ces informations : feuille d’émargement, annuaire de la mairie…"
            disabled={readOnly}
            value={values.dataSource}
            error={errors.dataSource}
            onChange={(value) => change('dataSource', value)}
          />
          <TextField
            id={`${id}-retention`}
            label="Conserver jusqu’au"
            type="date"
            hint="Passé cette date, la fiche est proposée au réexamen."
            disabled={readOnly}
            value={values.retentionUntil}
            error={errors.retentionUntil}
            onChange={(value) => change('retentionUntil', value)}
          />
        </div>
      </fieldset>
      <TextField id={`${id}-notes`} label="Notes" rows={3} disabled={readOnly} value={values.notes} error={errors.notes} onChange={(value) => change('notes', value)} />
    </NewRecordForm>
  );
}
