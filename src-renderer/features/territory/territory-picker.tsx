import { useCombobox } from 'downshift';
import { useId, useMemo, useState } from 'react';
import type { TerritoryEpci } from '@shared/model/mission';
import type { TerritoryOption } from '@shared/geography/territory-search';
import type { TerritoryChoice } from '../../app/workspace-session';
import { useGeography } from './use-geography';

export interface TerritorySelectionChip {
  kind: 'commune' | 'epci';
  code: string;
  name: string;
}

interface TerritoryPickerProps {
  /** EPCIs and the communes added one by one (communes that came with an EPCI are not chips). */
  chips: readonly TerritorySelectionChip[];
  readOnly: boolean;
  onAdd: (choice: TerritoryChoice) => void;
  onRemove: (chip: TerritorySelectionChip) => void;
}

export function chipsOf(epcis: readonly TerritoryEpci[], communes: readonly { code: string; name: string; viaEpci: string | null }[]): TerritorySelectionChip[] {
  return [
    ...epcis.map((epci) => ({ kind: 'epci' as const, code: epci.code, name: epci.name })),
    ...communes.filter((commune) => commune.viaEpci === null).map((commune) => ({ kind: 'commune' as const, code: commune.code, name: commune.name })),
  ];
}

/** Finds communes and EPCI by name, INSEE code or postal code in the geography shipped with the app. */
export function TerritoryPicker({ chips, readOnly, onAdd, onRemove }: TerritoryPickerProps) {
  const { loaded, failed } = useGeography();
  const [inputValue, setInputValue] = useState('');
  const hintId = useId();
  const items = useMemo(() => (loaded && inputValue.trim() !== '' ? loaded.index.search(inputValue) : []), [loaded, inputValue]);

  function choose(option: TerritoryOption) {
    if (!loaded) return;
    if (option.kind === 'commune') {
      onAdd({ kind: 'commune', commune: option.commune });
    } else {
      const members = option.epci.members
        .map((code) => loaded.geography.communeByCode.get(code))
        .filter((commune) => commune !== undefined);
      onAdd({ kind: 'epci', epci: option.epci, members });
    }
  }

  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps } = useCombobox<TerritoryOption>({
    items,
    inputValue,
    selectedItem: null,
    itemToString: (item) => item?.label ?? '',
    itemToKey: (item) => (item ? `${item.kind}:${item.code}` : null),
    onInputValueChange: ({ inputValue: next, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setInputValue(next);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) {
        choose(selectedItem);
        setInputValue('');
      }
    },
  });

  const trimmed = inputValue.trim();
  const hint = failed
    ? 'La géographie officielle n’a pas pu être chargée : relancez l’application.'
    : trimmed === ''
      ? 'Tapez le nom, le code INSEE ou le code postal d’une commune, ou le nom d’un EPCI.'
      : !loaded
        ? 'Chargement de la géographie officielle…'
        : items.length === 0
          ? `Aucune commune ni EPCI ne correspond à « ${trimmed} ».`
          : `${items.length} résultat${items.length > 1 ? 's' : ''} : utilisez les flèches puis Entrée pour choisir.`;

  return (
    <div className="field territory-picker">
      <label {...getLabelProps()}>Territoire</label>
      {chips.length > 0 && (
        <ul className="chips" aria-label="Territoire choisi">
          {chips.map((chip) => (
            <li key={`${chip.kind}:${chip.code}`} className="chip">
              <span>
                {chip.kind === 'epci' ? 'EPCI' : 'Commune'} : {chip.name}
              </span>
              {!readOnly && (
                <button type="button" className="chip__remove" aria-label={`Retirer ${chip.name}`} onClick={() => onRemove(chip)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="combobox">
          <input
            {...getInputProps({ 'aria-describedby': hintId })}
            type="text"
            placeholder="Ex. : Amiens, 80000, 80021, CC du Pays du Coquelicot"
          />
          <ul {...getMenuProps()} className={`combobox__menu${isOpen && items.length > 0 ? ' combobox__menu--open' : ''}`}>
            {isOpen &&
              items.map((item, index) => (
                <li
                  key={`${item.kind}:${item.code}`}
                  className={`combobox__option${highlightedIndex === index ? ' combobox__option--highlighted' : ''}`}
                  {...getItemProps({ item, index })}
                >
                  <span className="combobox__label">{item.label}</span>
                  <span className="combobox__detail">{item.detail}</span>
                </li>
              ))}
          </ul>
          <p id={hintId} className="hint" role="status" aria-label="Recherche de territoire">
            {hint}
          </p>
        </div>
      )}
    </div>
  );
}
