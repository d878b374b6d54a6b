import { useCombobox } from 'downshift';
import { useId, useMemo, useState } from 'react';
import { contactCategoryLabel, contactDisplayName, contactSortName, type Contact } from '@shared/directory/contact-model';
import { prepareContactSearch } from '@shared/directory/contact-search';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';

const MAX_PROPOSALS = 8;

interface ContactPickerProps {
  label: string;
  directory: DirectorySnapshot;
  /** Contacts not to propose (already invited). */
  excluded: ReadonlySet<string>;
  disabled: boolean;
  onChoose: (contact: Contact) => void;
}

/** Finds a contact of the directory by name, organisation or commune, ignoring accents and case. */
export function ContactPicker({ label, directory, excluded, disabled, onChoose }: ContactPickerProps) {
  const [inputValue, setInputValue] = useState('');
  const hintId = useId();
  const search = useMemo(() => prepareContactSearch(directory), [directory]);
  const organisationNames = useMemo(() => new Map(directory.organisations.map((organisation) => [organisation.id, organisation.name])), [directory]);
  const items = useMemo(
    () => (inputValue.trim() === '' ? [] : search(inputValue, { sort: 'relevance', limit: MAX_PROPOSALS + excluded.size }).filter((contact) => !excluded.has(contact.id)).slice(0, MAX_PROPOSALS)),
    [search, inputValue, excluded],
  );

  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps } = useCombobox<Contact>({
    items,
    inputValue,
    selectedItem: null,
    itemToString: (item) => (item ? contactDisplayName(item) : ''),
    itemToKey: (item) => item?.id ?? null,
    onInputValueChange: ({ inputValue: next, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setInputValue(next);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) {
        onChoose(selectedItem);
        setInputValue('');
      }
    },
  });

  const detail = (contact: Contact) =>
    [contact.organisationId ? organisationNames.get(contact.organisationId) : '', contactCategoryLabel(contact.category), contact.communeName]
      .filter(Boolean)
      .join(' · ');
  const trimmed = inputValue.trim();
  const hint =
    trimmed === ''
      ? 'Tapez les premières lettres d’un nom, d’une organisation ou d’une commune.'
      : items.length === 0
        ? `Aucun contact à inviter ne correspond à « ${trimmed} » : ajoutez la personne avec le formulaire ci-dessous.`
        : `${items.length} contact${items.length > 1 ? 's' : ''} : utilisez les flèches puis Entrée pour inviter.`;

  return (
    <div className="field combobox contact-picker">
      <label {...getLabelProps()}>{label}</label>
      <input {...getInputProps({ 'aria-describedby': hintId, disabled })} type="text" placeholder="Ex. : Dupont, CAF, Ayen" />
      <ul {...getMenuProps()} className={`combobox__menu${isOpen && items.length > 0 ? ' combobox__menu--open' : ''}`}>
        {isOpen &&
          items.map((contact, index) => (
            <li
              key={contact.id}
              className={`combobox__option${highlightedIndex === index ? ' combobox__option--highlighted' : ''}`}
              {...getItemProps({ item: contact, index })}
            >
              <span className="combobox__label">{contactSortName(contact)}</span>
              <span className="combobox__detail">{detail(contact)}</span>
            </li>
          ))}
      </ul>
      <p id={hintId} className="hint" role="status">
        {hint}
      </p>
    </div>
  );
}
