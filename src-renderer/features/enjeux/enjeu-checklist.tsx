import type { Enjeu } from '@shared/qualitative/qualitative-model';
import { qualitativeThemeLabel } from '@shared/qualitative/qualitative-vocabulary';
import { RecordChecklist } from '../diagnostic-links/record-checklist';

interface EnjeuChecklistProps {
  legend: string;
  enjeux: readonly Enjeu[];
  selected: readonly string[];
  readOnly: boolean;
  onToggle: (enjeuId: string, linked: boolean) => void;
}

/** Checkboxes choosing enjeux (those an orientation groups, those a fiche answers), each with its priority and theme. */
export function EnjeuChecklist({ legend, enjeux, selected, readOnly, onToggle }: EnjeuChecklistProps) {
  return (
    <RecordChecklist
      legend={legend}
      options={enjeux.map((enjeu) => ({
        id: enjeu.id,
        label: enjeu.title,
        detail: [`priorité ${enjeu.rank}`, enjeu.theme ? qualitativeThemeLabel(enjeu.theme) : ''].filter(Boolean).join(', '),
      }))}
      selected={selected}
      readOnly={readOnly}
      empty="Aucun enjeu dans la mission pour le moment : ajoutez-en dans la partie Enjeux."
      onToggle={onToggle}
    />
  );
}
