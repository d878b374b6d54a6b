/**
 * The demo mission ("Mission exemple"): a complete pre-diagnostic on a real rural intercommunality,
 * written only through the app's named operations, so that a new user sees every screen and every
 * deliverable filled in at once. Its figures, people and words are invented and say so everywhere:
 * the mission is marked fictitious, its description and every figure's source tell it.
 * Deterministic for a given `now`: seeded randomness, timestamps counted from `now`.
 */
import type { GeoCommune, Geography } from '../geography/geography';
import { addEpciToTerritory, createMission, markMissionFictitious } from '../operations/mission-operations';
import { writeDemoActionSheets } from './demo-action-sheets';
import { DEMO_SOURCE, DemoContext, type DemoDocuments, type DemoScale, type DemoTerritory } from './demo-context';
import { writeDemoDiagnostic } from './demo-diagnostic';
import { writeDemoFigures } from './demo-figures';
import { createDemoPeople } from './demo-people';
import { writeDemoWorkshops } from './demo-workshops';

export { DEMO_SOURCE, type DemoDocuments, type DemoScale } from './demo-context';

export const DEMO_MISSION_TITLE = 'Mission exemple';

/** What the home screen's button creates: small enough to read through in a few minutes. */
export const DEFAULT_DEMO_SCALE: DemoScale = { communes: 12, indicators: 35, actionSheets: 8, boards: 2, cardsPerBoard: 16 };

/** The Word benchmark: a pre-diagnostic of about forty pages. */
export const BENCHMARK_DEMO_SCALE: DemoScale = { communes: 30, indicators: 40, actionSheets: 20, boards: 3, cardsPerBoard: 60 };

/** CC du Pays d'Uzerche (Corrèze): twelve rural communes, one small town. */
const PREFERRED_EPCI = '241927243';
const SEED = 2026;

/** The mission began five months ago; the workshops followed; the action plan starts next month. */
const START_DAY = -150;
const AFOM_WORKSHOP_DAY = START_DAY + 50;
const PLAN_START_DAY = 30;

export interface DemoMissionOptions {
  now: number;
  scale?: DemoScale;
  /** The id the mission's document was opened under; a new one otherwise. */
  missionId?: string;
}

function byPopulation(a: GeoCommune, b: GeoCommune): number {
  return (b.population ?? 0) - (a.population ?? 0) || a.name.localeCompare(b.name, 'fr');
}

/** The preferred EPCI when it has the requested size, otherwise the first EPCI of that size. */
function chooseTerritory(geography: Geography, communeCount: number): DemoTerritory {
  const preferred = geography.epciByCode.get(PREFERRED_EPCI);
  const epci = preferred?.members.length === communeCount ? preferred : geography.epcis.find((candidate) => candidate.members.length === communeCount);
  if (!epci) throw new Error(`Aucune intercommunalité de ${communeCount} communes dans la géographie ${geography.vintage}.`);
  const communes = epci.members.flatMap((code) => geography.communeByCode.get(code) ?? []).sort(byPopulation);
  const centre = communes[0];
  if (!centre || communes.length !== communeCount) throw new Error(`Des communes de ${epci.name} manquent à la géographie ${geography.vintage}.`);
  const departementName = geography.departementByCode.get(centre.departement)?.name ?? `Département ${centre.departement}`;
  return { epci, communes, centre, departementName };
}

function description(territory: DemoTerritory, geography: Geography): string {
  return [
    'Mission de démonstration, créée par Bocage pour découvrir ses écrans et ses livrables.',
    `Le territoire (${territory.epci.name}) et la population de ses communes sont réels (géographie officielle ${geography.vintage}) ; tous les autres chiffres sont fictifs, comme les personnes, leurs propos, les réunions, les ateliers et les fiches actions.`,
    `Chaque chiffre porte la source « ${DEMO_SOURCE} » : ne les citez pas.`,
  ].join('\n');
}

/** Creates the demo mission in `docs` (contacts go to the directory) and returns its id. */
export function createDemoMission(docs: DemoDocuments, geography: Geography, origin: unknown, options: DemoMissionOptions): string {
  const scale = options.scale ?? DEFAULT_DEMO_SCALE;
  const territory = chooseTerritory(geography, scale.communes);
  const context = new DemoContext(docs, geography, territory, scale, origin, options.now, SEED);

  const missionId = createMission(
    docs.workspace,
    docs.mission,
    {
      title: DEMO_MISSION_TITLE,
      sponsor: `CAF – ${territory.departementName} (commanditaire fictif)`,
      themes: ['petite-enfance', 'parentalite', 'seniors', 'acces-aux-droits', 'mobilite', 'sante'],
      startDate: context.isoDate(START_DAY),
      endDate: context.isoDate(START_DAY + 365),
      status: 'en-cours',
      description: description(territory, geography),
    },
    origin,
    context.tick(),
    options.missionId,
  );
  markMissionFictitious(docs.mission, origin, context.tick());
  addEpciToTerritory(docs.mission, territory.epci, territory.communes, origin, context.tick());

  const people = createDemoPeople(context, context.isoDate(AFOM_WORKSHOP_DAY));
  writeDemoFigures(context);
  const diagnostic = writeDemoDiagnostic(context, START_DAY, `${people.author.name}, chargée de mission`);
  writeDemoActionSheets(context, diagnostic, PLAN_START_DAY);
  writeDemoWorkshops(context, people, START_DAY, AFOM_WORKSHOP_DAY);
  return missionId;
}
