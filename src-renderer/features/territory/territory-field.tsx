import { GEOGRAPHY_VINTAGE } from '@shared/geography/geography-vintage';
import type { TerritoryCommune, TerritoryEpci } from '@shared/model/mission';
import type { TerritoryChoice } from '../../app/workspace-session';
import { TerritoryCommunesTable } from './territory-communes-table';
import { chipsOf, TerritoryPicker, type TerritorySelectionChip } from './territory-picker';

interface TerritoryFieldProps {
  epcis: readonly TerritoryEpci[];
  communes: readonly TerritoryCommune[];
  readOnly: boolean;
  onAdd: (choice: TerritoryChoice) => void;
  onRemove: (chip: TerritorySelectionChip) => void;
}

/** The territory as a user edits it: what was chosen, then its communes with populations and total. */
export function TerritoryField({ epcis, communes, readOnly, onAdd, onRemove }: TerritoryFieldProps) {
  return (
    <>
      <TerritoryPicker chips={chipsOf(epcis, communes)} readOnly={readOnly} onAdd={onAdd} onRemove={onRemove} />
      <TerritoryCommunesTable communes={communes} vintage={GEOGRAPHY_VINTAGE} />
    </>
  );
}
