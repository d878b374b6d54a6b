import { useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { contactSortName, ORGANISATION_KINDS, organisationKindLabel, type Organisation, type OrganisationInput, type OrganisationKind } from '@shared/directory/contact-model';
import { frenchCollator } from '@shared/directory/contact-search';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { createOrganisation, restoreOrganisation, trashOrganisation, updateOrganisation, validateOrganisationInput } from '@shared/directory/organisation-operations';
import { formatDateTime, formatInteger } from '@shared/format/french-format';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { NewRecordForm, useNewRecordForm } from '../diagnostic-links/new-record-form';
import { attempt } from '../diagnostic-links/operation-error';
import { SavedSelect, SavedTextField } from '../diagnostic-links/saved-fields';
import { TextField } from '../diagnostic-links/text-field';
import { SelectField } from './select-field';

interface OrganisationDraft {
  name: string;
  kind: OrganisationKind;
  communeName: string;
}

const EMPTY_ORGANISATION: OrganisationDraft = { name: '', kind: 'autre', communeName: '' };

interface OrganisationsSectionProps {
  doc: Y.Doc;
  snapshot: DirectorySnapshot;
  readOnly: boolean;
  communeCodeOf: (name: string) => string | null;
  /** Shows the organisation's contacts in the contact list above. */
  onFilterContacts: (organisationId: string) => void;
}

/** The organisations of the directory: add one, rename it, see its contacts, trash and restore it. */
export function OrganisationsSection({ doc, snapshot, readOnly, communeCodeOf, onFilterContacts }: OrganisationsSectionProps) {
  const id = useId();
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [added, setAdded] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const { live, trashed, members } = useMemo(() => {
    const byOrganisation = new Map<string, DirectorySnapshot['contacts']>();
    for (const contact of snapshot.contacts) {
      if (contact.trashedAt !== null || contact.organisationId === null) continue;
      const list = byOrganisation.get(contact.organisationId) ?? [];
      list.push(contact);
      byOrganisation.set(contact.organisationId, list);
    }
    const sorted = [...snapshot.organisations].sort((left, right) => frenchCollator.compare(left.name, right.name));
    return {
      live: sorted.filter((organisation) => organisation.trashedAt === null),
      trashed: sorted.filter((organisation) => organisation.trashedAt !== null),
      members: byOrganisation,
    };
  }, [snapshot]);
  const form = useNewRecordForm<OrganisationDraft, string>({
    empty: EMPTY_ORGANISATION,
    validate: (draft) => validateOrganisationInput(draft, true),
    create: (draft) => createOrganisation(doc, { ...draft, communeCode: communeCodeOf(draft.communeName) }, LOCAL_ORIGIN),
    onCreated: (_created, draft) => setAdded(`Organisation « ${draft.name.trim()} » ajoutée.`),
    firstField: nameRef,
  });

  return (
    <section aria-labelledby={`${id}-title`} className="directory-organisations">
      <h2 id={`${id}-title`}>Organisations ({formatInteger(live.length)})</h2>
      <details className="directory-organisations__new">
        <summary>Nouvelle organisation</summary>
        <NewRecordForm title="Nouvelle organisation" submitLabel="Ajouter l’organisation" readOnly={readOnly} failure={form.failure} onSubmit={form.submit}>
          <div className="field-row">
            <TextField id={`${id}-name`} label="Nom de l’organisation" fieldRef={nameRef} disabled={readOnly} value={form.values.name} error={form.errors.name} onChange={(name) => form.change('name', name)} />
            <SelectField id={`${id}-kind`} label="Type" options={ORGANISATION_KINDS} disabled={readOnly} value={form.values.kind} onChange={(kind) => form.change('kind', kind)} />
            <TextField id={`${id}-commune`} label="Commune" disabled={readOnly} value={form.values.communeName} error={form.errors.communeName} onChange={(commune) => form.change('communeName', commune)} />
          </div>
        </NewRecordForm>
      </details>
      {added && (
        <p role="status" className="confirmation">
          {added}
        </p>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      {live.length === 0 ? (
        <p>Aucune organisation pour le moment : elles sont ajoutées avec les contacts ou ci-dessus.</p>
      ) : (
        <ul className="directory-organisations__list" aria-label="Organisations de l’annuaire">
          {live.map((organisation) => (
            <li key={organisation.id} className="record-card">
              <div className="record-card__body">
                <p className="record-card__title">{organisation.name}</p>
                <p className="record-card__meta">
                  {organisationKindLabel(organisation.kind)}
                  {organisation.communeName ? ` · ${organisation.communeName}` : ''} · {formatInteger(members.get(organisation.id)?.length ?? 0)} contact(s)
                </p>
                <p className="actions">
                  <button
                    type="button"
                    className="button"
                    aria-expanded={opened === organisation.id}
                    aria-label={`Modifier « ${organisation.name} »`}
                    onClick={() => setOpened(opened === organisation.id ? null : organisation.id)}
                  >
                    Modifier
                  </button>
                  <button type="button" className="button" aria-label={`Voir les contacts de « ${organisation.name} »`} onClick={() => onFilterContacts(organisation.id)}>
                    Voir ses contacts
                  </button>
                </p>
                {opened === organisation.id && (
                  <OrganisationEditor
                    organisation={organisation}
                    members={members.get(organisation.id) ?? []}
                    readOnly={readOnly}
                    onSave={(patch) => updateOrganisation(doc, organisation.id, patch, LOCAL_ORIGIN)}
                    communeCodeOf={communeCodeOf}
                    onTrash={() => {
                      setFailure(attempt(() => trashOrganisation(doc, organisation.id, LOCAL_ORIGIN)));
                      setOpened(null);
                    }}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {trashed.length > 0 && (
        <details className="trash">
          <summary>Corbeille des organisations ({formatInteger(trashed.length)})</summary>
          <ul className="trash__list">
            {trashed.map((organisation) => (
              <li key={organisation.id}>
                <span>
                  {organisation.name} <span className="hint">(supprimée le {formatDateTime(organisation.trashedAt ?? 0)})</span>
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={readOnly}
                  aria-label={`Restaurer « ${organisation.name} »`}
                  onClick={() => setFailure(attempt(() => restoreOrganisation(doc, organisation.id, LOCAL_ORIGIN)))}
                >
                  Restaurer
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

interface OrganisationEditorProps {
  organisation: Organisation;
  members: DirectorySnapshot['contacts'];
  readOnly: boolean;
  communeCodeOf: (name: string) => string | null;
  onSave: (patch: OrganisationInput) => void;
  onTrash: () => void;
}

function OrganisationEditor({ organisation, members, readOnly, communeCodeOf, onSave, onTrash }: OrganisationEditorProps) {
  const sortedMembers = [...members].sort((left, right) => frenchCollator.compare(contactSortName(left), contactSortName(right)));
  return (
    <div className="directory-organisations__editor">
      <div className="field-row">
        <SavedTextField label="Nom de l’organisation" value={organisation.name} readOnly={readOnly} validate={(name) => validateOrganisationInput({ name }, false).name ?? null} onSave={(name) => onSave({ name })} />
        <SavedSelect<OrganisationKind> label="Type" value={organisation.kind} options={ORGANISATION_KINDS} readOnly={readOnly} onSave={(kind) => onSave({ kind })} />
        <SavedTextField label="Commune" value={organisation.communeName} readOnly={readOnly} onSave={(communeName) => onSave({ communeName, communeCode: communeCodeOf(communeName) })} />
      </div>
      {sortedMembers.length > 0 && (
        <>
          <h3>Ses contacts</h3>
          <ul className="link-list">
            {sortedMembers.map((contact) => (
              <li key={contact.id}>
                <Link href={ROUTES.contact(contact.id)}>{contactSortName(contact)}</Link>
                {contact.jobTitle ? ` — ${contact.jobTitle}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {!readOnly && (
        <p className="actions">
          <button type="button" className="button" onClick={onTrash}>
            Mettre « {organisation.name} » à la corbeille
          </button>
        </p>
      )}
    </div>
  );
}
