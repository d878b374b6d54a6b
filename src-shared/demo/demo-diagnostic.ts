/**
 * The demo's qualitative diagnostic: what was heard and seen (observations with quotes), the AFOM,
 * the enjeux in order of priority and the orientations that group them. Every word is invented;
 * only the territory's place names are real.
 */
import type { AfomQuadrant, ObservationSourceKind } from '../qualitative/qualitative-vocabulary';
import { createAfomItem, setAfomIndicatorLink, setAfomObservationLink } from '../qualitative/afom-operations';
import { createEnjeu, setEnjeuIndicatorLink, setEnjeuObservationLink } from '../qualitative/enjeu-operations';
import { addObservationQuote, createObservation, setObservationIndicatorLink } from '../qualitative/observation-operations';
import { createOrientation, setOrientationEnjeuLink } from '../qualitative/orientation-operations';
import type { DemoContext } from './demo-context';

interface ObservationSeed {
  key: string;
  theme: string;
  sourceKind: ObservationSourceKind;
  /** Days after the mission started. */
  day: number;
  text: (place: Places) => string;
  quotes: readonly string[];
  indicators: readonly string[];
}

interface Places {
  centre: string;
  epci: string;
  village: string;
}

const OBSERVATIONS: readonly ObservationSeed[] = [
  {
    key: 'accueil-jeune-enfant',
    theme: 'petite-enfance',
    sourceKind: 'entretien',
    day: 12,
    text: () =>
      'Les familles peinent à trouver une place d’accueil pour leurs enfants de moins de trois ans. Plusieurs assistantes maternelles partiront à la retraite d’ici trois ans et la micro-crèche affiche complet toute l’année.',
    quotes: ['On a cherché pendant huit mois ; j’ai fini par passer à mi-temps.', 'Les parents m’appellent avant même la naissance.'],
    indicators: ['TX_COUVERTURE_AJE', 'PLACES_AJE_TOTAL', 'ATTENTE_ACCUEIL_JE'],
  },
  {
    key: 'isolement-aines',
    theme: 'seniors',
    sourceKind: 'visite',
    day: 20,
    text: ({ centre }) =>
      `Les personnes âgées isolées vivent surtout dans les hameaux éloignés de ${centre}. Le portage de repas ne couvre qu’une partie des communes et les visites de convivialité reposent sur quelques bénévoles.`,
    quotes: ['Depuis que je ne conduis plus, je dépends de ma voisine pour tout.'],
    indicators: ['PART_75_PLUS', 'REPAS_A_DOMICILE'],
  },
  {
    key: 'mobilite',
    theme: 'mobilite',
    sourceKind: 'atelier',
    day: 50,
    text: ({ centre }) =>
      `Sans voiture, rejoindre les services de ${centre} est difficile : le transport à la demande est mal connu, se réserve la veille et ne circule pas le samedi.`,
    quotes: ['Le bus, il faut le réserver la veille avant midi ; personne ne le sait.', 'Pour un jeune sans permis, le premier emploi est à vingt kilomètres.'],
    indicators: ['PART_MENAGES_VOITURE'],
  },
  {
    key: 'acces-aux-droits',
    theme: 'acces-aux-droits',
    sourceKind: 'entretien',
    day: 28,
    text: () =>
      'Les démarches en ligne découragent une partie des allocataires. L’espace France services est saturé les jours de marché ; des droits ne sont pas ouverts faute d’accompagnement.',
    quotes: ['On vient pour un papier, on repart avec trois rendez-vous.'],
    indicators: ['ALLOC_CAF', 'PART_ALLOC_BAS_REVENUS', 'PASSAGES_FRANCE_SERVICES'],
  },
  {
    key: 'offre-de-soins',
    theme: 'sante',
    sourceKind: 'document',
    day: 35,
    text: () =>
      'Deux des médecins généralistes du territoire ont plus de 62 ans. La maison de santé cherche à recruter ; les nouveaux patients attendent plusieurs mois un médecin traitant.',
    quotes: ['Pour un nouveau patient, c’est trois mois d’attente, au mieux.'],
    indicators: ['APL_MG', 'DENSITE_MG'],
  },
  {
    key: 'parentalite',
    theme: 'parentalite',
    sourceKind: 'atelier',
    day: 50,
    text: ({ village }) =>
      `Les parents demandent des lieux où se retrouver avec leurs enfants. L’accueil de loisirs du mercredi est plein dès la rentrée et les familles de ${village} n’ont aucune solution sur place.`,
    quotes: ['Le mercredi, c’est le casse-tête de toute la semaine.'],
    indicators: ['PART_FAM_MONO'],
  },
  {
    key: 'vie-associative',
    theme: 'animation-vie-sociale',
    sourceKind: 'entretien',
    day: 42,
    text: () =>
      'Les associations s’essoufflent faute de bénévoles renouvelés, mais les fêtes de village et le marché du dimanche rassemblent encore largement les habitants.',
    quotes: ['Ce sont toujours les mêmes dix personnes qui portent tout.'],
    indicators: [],
  },
  {
    key: 'vieillissement',
    theme: 'demographie',
    sourceKind: 'statistique',
    day: 8,
    text: ({ epci }) =>
      `La part des 75 ans ou plus dépasse celle du département et celle des moins de 3 ans recule depuis 2015 : ${epci} vieillit plus vite que ses voisins.`,
    quotes: [],
    indicators: ['PART_75_PLUS', 'PART_0_2', 'POP_VAR_ANN'],
  },
];

const AFOM: readonly { quadrant: AfomQuadrant; text: string; observations: readonly string[]; indicators: readonly string[] }[] = [
  { quadrant: 'atouts', text: 'Un tissu associatif présent dans chaque commune', observations: ['vie-associative'], indicators: [] },
  { quadrant: 'atouts', text: 'Une maison de santé pluriprofessionnelle au bourg-centre', observations: ['offre-de-soins'], indicators: [] },
  { quadrant: 'atouts', text: 'Des élus mobilisés autour d’un projet social de territoire', observations: [], indicators: [] },
  { quadrant: 'faiblesses', text: 'Une offre d’accueil du jeune enfant inférieure aux besoins', observations: ['accueil-jeune-enfant'], indicators: ['TX_COUVERTURE_AJE'] },
  { quadrant: 'faiblesses', text: 'Une mobilité qui dépend de la voiture', observations: ['mobilite'], indicators: ['PART_MENAGES_VOITURE'] },
  { quadrant: 'faiblesses', text: 'Des services concentrés au bourg-centre', observations: ['acces-aux-droits'], indicators: [] },
  { quadrant: 'opportunites', text: 'La convention territoriale globale avec la CAF en préparation', observations: [], indicators: [] },
  { quadrant: 'opportunites', text: 'L’arrivée de jeunes ménages qui télétravaillent', observations: [], indicators: ['POP_VAR_ANN'] },
  { quadrant: 'opportunites', text: 'Les appels à projets du Département pour bien vieillir à domicile', observations: ['isolement-aines'], indicators: [] },
  { quadrant: 'menaces', text: 'Des départs à la retraite de médecins et d’assistantes maternelles non remplacés', observations: ['offre-de-soins', 'accueil-jeune-enfant'], indicators: ['APL_MG'] },
  { quadrant: 'menaces', text: 'La hausse du coût des déplacements pour les ménages modestes', observations: ['mobilite'], indicators: ['TX_PAUVRETE'] },
  { quadrant: 'menaces', text: 'L’essoufflement des bénévoles', observations: ['vie-associative'], indicators: [] },
];

/** Highest priority first: the order is the priority. */
const ENJEUX: readonly { key: string; title: string; description: string; theme: string; observations: readonly string[]; indicators: readonly string[] }[] = [
  {
    key: 'jeune-enfant',
    title: 'Garantir un accueil du jeune enfant adapté aux besoins des familles',
    description: 'Maintenir le nombre d’assistantes maternelles, ouvrir des places collectives là où les familles s’installent et rendre l’offre lisible.',
    theme: 'petite-enfance',
    observations: ['accueil-jeune-enfant', 'parentalite'],
    indicators: ['TX_COUVERTURE_AJE', 'ATTENTE_ACCUEIL_JE'],
  },
  {
    key: 'bien-vieillir',
    title: 'Rompre l’isolement des aînés et favoriser le bien vieillir à domicile',
    description: 'Repérer les personnes isolées, étendre le portage de repas et les visites de convivialité à toutes les communes.',
    theme: 'seniors',
    observations: ['isolement-aines', 'vieillissement'],
    indicators: ['PART_75_PLUS', 'REPAS_A_DOMICILE'],
  },
  {
    key: 'mobilite',
    title: 'Faciliter les déplacements des habitants sans voiture',
    description: 'Faire connaître et adapter le transport à la demande, développer le covoiturage solidaire et l’aide au permis.',
    theme: 'mobilite',
    observations: ['mobilite'],
    indicators: ['PART_MENAGES_VOITURE'],
  },
  {
    key: 'acces-aux-droits',
    title: 'Rapprocher les services et l’accès aux droits des habitants',
    description: 'Aller vers les habitants des communes éloignées et accompagner les démarches en ligne.',
    theme: 'acces-aux-droits',
    observations: ['acces-aux-droits'],
    indicators: ['PART_ALLOC_BAS_REVENUS', 'PASSAGES_FRANCE_SERVICES'],
  },
  {
    key: 'soins',
    title: 'Conforter l’offre de soins de proximité',
    description: 'Accueillir de nouveaux médecins et développer la télémédecine accompagnée dans les communes.',
    theme: 'sante',
    observations: ['offre-de-soins'],
    indicators: ['APL_MG', 'DENSITE_MG'],
  },
];

const ORIENTATIONS: readonly { key: string; title: string; description: string; enjeux: readonly string[] }[] = [
  {
    key: 'familles',
    title: 'Soutenir les familles à chaque âge de l’enfance',
    description: 'De la naissance à l’adolescence, une offre d’accueil et d’accompagnement des parents dans tout le territoire.',
    enjeux: ['jeune-enfant'],
  },
  {
    key: 'vieillir',
    title: 'Bien vieillir dans sa commune',
    description: 'Permettre aux aînés de rester chez eux, entourés et soignés.',
    enjeux: ['bien-vieillir', 'soins'],
  },
  {
    key: 'accessible',
    title: 'Un territoire accessible à toutes et à tous',
    description: 'Des services et des droits à portée de chaque habitant, avec ou sans voiture.',
    enjeux: ['mobilite', 'acces-aux-droits'],
  },
];

export interface DemoDiagnostic {
  /** By key: the records later parts link to. */
  enjeux: ReadonlyMap<string, string>;
  orientations: ReadonlyMap<string, string>;
}

export function writeDemoDiagnostic(context: DemoContext, startDay: number, author: string): DemoDiagnostic {
  const { mission } = context.docs;
  const { origin } = context;
  const { centre, communes, epci } = context.territory;
  const places: Places = { centre: centre.name, epci: epci.name, village: communes[communes.length - 1]!.name };

  const observations = new Map<string, string>();
  for (const seed of OBSERVATIONS) {
    const id = createObservation(
      mission,
      { text: seed.text(places), theme: seed.theme, sourceKind: seed.sourceKind, date: context.isoDate(startDay + seed.day), author },
      origin,
      context.tick(),
    );
    for (const quote of seed.quotes) addObservationQuote(mission, id, quote, origin, context.tick());
    for (const code of seed.indicators) setObservationIndicatorLink(mission, id, code, true, origin, context.tick());
    observations.set(seed.key, id);
  }

  for (const item of AFOM) {
    const id = createAfomItem(mission, { quadrant: item.quadrant, text: item.text }, origin, context.tick());
    for (const key of item.observations) setAfomObservationLink(mission, id, observations.get(key)!, true, origin, context.tick());
    for (const code of item.indicators) setAfomIndicatorLink(mission, id, code, true, origin, context.tick());
  }

  const enjeux = new Map<string, string>();
  for (const enjeu of ENJEUX) {
    const id = createEnjeu(mission, { title: enjeu.title, description: enjeu.description, theme: enjeu.theme }, origin, context.tick());
    for (const key of enjeu.observations) setEnjeuObservationLink(mission, id, observations.get(key)!, true, origin, context.tick());
    for (const code of enjeu.indicators) setEnjeuIndicatorLink(mission, id, code, true, origin, context.tick());
    enjeux.set(enjeu.key, id);
  }

  const orientations = new Map<string, string>();
  for (const orientation of ORIENTATIONS) {
    const id = createOrientation(mission, { title: orientation.title, description: orientation.description }, origin, context.tick());
    for (const key of orientation.enjeux) setOrientationEnjeuLink(mission, id, enjeux.get(key)!, true, origin, context.tick());
    orientations.set(orientation.key, id);
  }
  return { enjeux, orientations };
}
