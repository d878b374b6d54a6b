import { formatIsoDate } from '@shared/format/french-format';
import type { Observation } from '@shared/qualitative/qualitative-model';
import { excerpt } from '@shared/qualitative/qualitative-snapshot';
import { observationSourceKindLabel, qualitativeThemeLabel } from '@shared/qualitative/qualitative-vocabulary';

/** What a list or a link shows of an observation: its first words. */
export function observationTitle(observation: Pick<Observation, 'text'>): string {
  return excerpt(observation.text) || 'Constat sans texte';
}

/** "Entretien, 12 avril 2024, Claire Martin — Petite enfance". */
export function observationDetail(observation: Observation): string {
  const source = [observationSourceKindLabel(observation.sourceKind), formatIsoDate(observation.date), observation.author]
    .filter(Boolean)
    .join(', ');
  return observation.theme ? `${source} — ${qualitativeThemeLabel(observation.theme)}` : source;
}
