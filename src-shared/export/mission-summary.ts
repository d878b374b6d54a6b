/** The wording both mission exports share, so the Word and Excel files say the same thing. */
import { formatDateTime, formatIsoDate } from '../format/french-format';
import { territoryLabel, type MissionSnapshot, type TerritoryCommune } from '../model/mission';
import { statusLabel, themeLabel } from '../model/mission-vocabulary';

export interface MissionExportOptions {
  generatedAt: Date;
  /** The official geography the communes come from, e.g. "COG 2026". */
  geographyVintage: string;
}

export interface SummaryField {
  label: string;
  value: string;
}

export const NOT_PROVIDED = 'Non renseigné';
export const POPULATION_UNKNOWN = 'non disponible';
export const NO_COMMUNE = 'Aucune commune dans le territoire de cette mission.';
const UNTITLED_MISSION = 'Mission sans titre';

export function missionDisplayTitle(mission: Pick<MissionSnapshot, 'title'>): string {
  return mission.title.trim() || UNTITLED_MISSION;
}

function missionDatesText(startDate: string | null, endDate: string | null): string {
  const start = formatIsoDate(startDate);
  const end = formatIsoDate(endDate);
  if (start && end) return `Du ${start} au ${end}`;
  if (start) return `À partir du ${start}`;
  if (end) return `Jusqu’au ${end}`;
  return NOT_PROVIDED;
}

/** The mission's card, in reading order; an empty field reads "Non renseigné" rather than a blank. */
export function missionSummaryFields(mission: MissionSnapshot): SummaryField[] {
  const orNotProvided = (value: string) => value.trim() || NOT_PROVIDED;
  return [
    { label: 'Titre', value: missionDisplayTitle(mission) },
    { label: 'Commanditaire', value: orNotProvided(mission.sponsor) },
    { label: 'Territoire', value: orNotProvided(territoryLabel(mission)) },
    { label: 'Thématiques', value: orNotProvided(mission.themes.map(themeLabel).join(', ')) },
    { label: 'Dates', value: missionDatesText(mission.startDate, mission.endDate) },
    { label: 'Statut', value: statusLabel(mission.status) },
    { label: 'Description', value: orNotProvided(mission.description) },
  ];
}

export function exportProvenance(options: MissionExportOptions): string {
  return `Géographie officielle : ${options.geographyVintage}. Document exporté le ${formatDateTime(options.generatedAt.getTime())}.`;
}

/** Says which communes the total leaves out, so nobody reads an unknown population as zero. */
export function unknownPopulationNote(communes: readonly TerritoryCommune[]): string | null {
  const unknown = communes.filter((commune) => commune.population === null).length;
  if (unknown === 0) return null;
  return unknown === 1
    ? 'Population non disponible pour 1 commune : le total ne la compte pas.'
    : `Population non disponible pour ${unknown} communes : le total ne les compte pas.`;
}
