/** What every workbook of a mission says about itself: which mission, from what, when, and whether its figures are real. */
import { formatDateTime } from '../../format/french-format';
import { territoryLabel } from '../../model/mission';
import type { MissionDeliverableSource } from '../deliverables/deliverable-source';

export const FICTITIOUS_WARNING =
  'Données fictives : ce classeur vient d’une mission d’exemple. Ses chiffres, ses noms et ses dates sont inventés et ne décrivent pas le territoire.';
export const FICTITIOUS_FOOTER = 'Données fictives';

export function missionTitleOf(source: Pick<MissionDeliverableSource, 'mission'>): string {
  return source.mission.title.trim() || 'Mission sans titre';
}

/** "Mission « … » (commanditaire : …), territoire : …. <what>. Établi avec Bocage le 05/03/2024 10:30." */
export function provenanceNote(source: Pick<MissionDeliverableSource, 'mission'>, what: string, generatedAt: Date): string {
  const sponsor = source.mission.sponsor.trim();
  const territory = territoryLabel(source.mission);
  const mission = [
    `Mission « ${missionTitleOf(source)} »`,
    sponsor ? ` (commanditaire : ${sponsor})` : '',
    territory ? `, territoire : ${territory}` : '',
  ].join('');
  return `${mission}. ${what} Établi avec Bocage le ${formatDateTime(generatedAt.getTime())}.`;
}

export function fictitiousWarning(source: Pick<MissionDeliverableSource, 'fictitious'>): string | undefined {
  return source.fictitious ? FICTITIOUS_WARNING : undefined;
}
