import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { CIVILITIES, contactCategoryLabel, contactSortName, legalBasisLabel, type Contact } from '@shared/directory/contact-model';
import { differingFields, mergeContacts, type MergeableField, type MergeChoices } from '@shared/directory/contact-merge';
import { formatDateTime, formatIsoDate } from '@shared/format/french-format';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { refusalMessage } from '../diagnostic-links/operation-error';

const FIELD_LABELS: Record<MergeableField, string> = {
  civility: 'Civilité',
  lastName: 'Nom',
  firstName: 'Prénom',
  jobTitle: 'Fonction',
  organisationId: 'Organisation',
  category: 'Catégorie',
  communeName: 'Commune',
  email: 'E-mail',
  phone: 'Téléphone',
  notes: 'Notes',
  legalBasis: 'Base légale',
  dataSource: 'Origine des données',
  retentionUntil: 'Conserver jusqu’au',
};

/** Which value the merged record keeps; "both" only for notes, written one after the other. */
type FieldChoice = 'first' | 'second' | 'both';

function fieldValue(contact: Contact, field: MergeableField, organisationNames: ReadonlyMap<string, string>): string {
  switch (field) {
    case 'civility':
      return CIVILITIES.find((entry) => entry.id === contact.civility)?.label ?? '';
    case 'organisationId':
      return contact.organisationId ? (organisationNames.get(contact.organisationId) ?? '') : '';
    case 'category':
      return contactCategoryLabel(contact.category);
    case 'communeName':
      return [contact.communeName, contact.communeCode ? `(${contact.communeCode})` : ''].filter(Boolean).join(' ');
    case 'legalBasis':
      return contact.legalBasis === 'consent' && contact.consentDate ? `${legalBasisLabel(contact.legalBasis)} du ${formatIsoDate(contact.consentDate)}` : legalBasisLabel(contact.legalBasis);
    case 'retentionUntil':
      return formatIsoDate(contact.retentionUntil);
    default:
      return contact[field];
  }
}

/** As the merge would do by default: the kept record's value, the other's where it is empty, both notes. */
function defaultChoice(field: MergeableField, kept: 'first' | 'second', values: [string, string]): FieldChoice {
  const other = kept === 'first' ? 'second' : 'first';
  const keptValue = values[kept === 'first' ? 0 : 1];
  const otherValue = values[kept === 'first' ? 1 : 0];
  if (field === 'notes' && keptValue !== '' && otherValue !== '') return 'both';
  return keptValue === '' ? other : kept;
}

interface MergeDialogProps {
  doc: Y.Doc;
  pair: [Contact, Contact];
  reason: string;
  organisationNames: ReadonlyMap<string, string>;
  onMerged: (survivor: Contact) => void;
  onClose: () => void;
}

/**
 * Merging two records of one person, in a modal dialog: which record is kept (the one meetings
 * cite most, usually the older), then, for each field whose values differ, which value stays.
 */
export function MergeDialog({ doc, pair, reason, organisationNames, onMerged, onClose }: MergeDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [kept, setKept] = useState<'first' | 'second'>('first');
  const [choices, setChoices] = useState<Partial<Record<MergeableField, FieldChoice>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [first, second] = pair;
  const fields = differingFields(first, second);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  function valuesOf(field: MergeableField): [string, string] {
    return [fieldValue(first, field, organisationNames), fieldValue(second, field, organisationNames)];
  }

  function choiceOf(field: MergeableField): FieldChoice {
    return choices[field] ?? defaultChoice(field, kept, valuesOf(field));
  }

  function merge(event: FormEvent) {
    event.preventDefault();
    const survivor = kept === 'first' ? first : second;
    const merged = kept === 'first' ? second : first;
    const mergeChoices: MergeChoices = {};
    for (const field of fields) {
      const choice = choiceOf(field);
      // "both" is the merge's own default for notes: leaving the field out asks for it.
      if (choice !== 'both') mergeChoices[field] = choice === kept ? 'survivor' : 'merged';
    }
    try {
      mergeContacts(doc, survivor.id, merged.id, mergeChoices, LOCAL_ORIGIN);
      onMerged(survivor);
    } catch (error) {
      setFailure(refusalMessage(error));
    }
  }

  const describe = (contact: Contact) => `${contactSortName(contact)} — fiche créée le ${formatDateTime(contact.createdAt)}${contact.dataSource ? `, ${contact.dataSource}` : ''}`;

  return (
    <dialog ref={dialog} className="merge-dialog" aria-labelledby={`${id}-title`} onCancel={onClose}>
      <form autoComplete="off" onSubmit={merge}>
        <h2 id={`${id}-title`}>Fusionner deux fiches</h2>
        <p>
          {contactSortName(first)} et {contactSortName(second)} : {reason}.
        </p>
        <fieldset>
          <legend>Fiche conservée</legend>
          <p className="hint">L’autre fiche disparaît ; les réunions qui la citent renvoient vers celle-ci.</p>
          {(['first', 'second'] as const).map((which) => (
            <label key={which} className="checkbox">
              <input type="radio" name={`${id}-kept`} checked={kept === which} onChange={() => setKept(which)} />
              {describe(which === 'first' ? first : second)}
            </label>
          ))}
        </fieldset>
        {fields.length === 0 ? (
          <p>Les deux fiches contiennent les mêmes informations.</p>
        ) : (
          fields.map((field) => {
            const values = valuesOf(field);
            const options: { choice: FieldChoice; label: string }[] = [
              { choice: 'first', label: values[0] || '(vide)' },
              { choice: 'second', label: values[1] || '(vide)' },
              ...(field === 'notes' && values[0] !== '' && values[1] !== '' ? [{ choice: 'both' as const, label: 'Garder les deux' }] : []),
            ];
            return (
              <fieldset key={field} className="merge-dialog__field">
                <legend>{FIELD_LABELS[field]}</legend>
                {options.map((option) => (
                  <label key={option.choice} className="checkbox">
                    <input
                      type="radio"
                      name={`${id}-${field}`}
                      checked={choiceOf(field) === option.choice}
                      onChange={() => setChoices((current) => ({ ...current, [field]: option.choice }))}
                    />
                    {option.label}
                  </label>
                ))}
              </fieldset>
            );
          })
        )}
        {failure && (
          <p role="alert" className="field-error">
            {failure}
          </p>
        )}
        <p className="actions">
          <button type="submit" className="button button--primary">
            Fusionner les fiches
          </button>
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
        </p>
      </form>
    </dialog>
  );
}
