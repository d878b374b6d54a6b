/**
 * The demo's fiches actions, every field filled in as a finished action plan would have it: steps
 * with dates, budget and co-funders, evaluation indicators with a baseline and a target.
 */
import {
  addActionStep,
  addCoFunder,
  addEvaluationIndicator,
  createActionSheet,
  setActionSheetEnjeuLink,
  setActionSheetOrientation,
  setActionSheetStatus,
  updateActionSheet,
  type ActionSheetFields,
} from '../qualitative/action-sheet-operations';
import type { ActionSheetStatus } from '../qualitative/qualitative-vocabulary';
import type { DemoContext } from './demo-context';
import type { DemoDiagnostic } from './demo-diagnostic';

interface SheetSeed {
  fields: ActionSheetFields;
  status: ActionSheetStatus;
  enjeux: readonly string[];
  orientation: string;
  /** Label and [start, end] in days after the plan starts. */
  steps: readonly (readonly [string, number, number])[];
  coFunders: readonly (readonly [string, number])[];
  evaluations: readonly { label: string; indicatorCode: string | null; baseline: string; target: string; afterDays: number }[];
}

const SHEETS: readonly SheetSeed[] = [
  {
    fields: {
      title: 'Ouvrir une micro-crèche intercommunale',
      generalObjective: 'Augmenter l’offre d’accueil collectif du jeune enfant dans le sud du territoire.',
      operationalObjectives: 'Ouvrir 12 places en micro-crèche ; proposer des horaires adaptés aux parents qui travaillent en horaires décalés.',
      targetPublic: 'Familles avec enfants de moins de 3 ans, en priorité les parents en emploi ou en formation.',
      lead: 'Communauté de communes',
      partners: 'CAF, PMI du Département, communes d’accueil, relais petite enfance',
      humanResources: '3,5 ETP d’accueillantes petite enfance ; 0,2 ETP de coordination',
      budgetAmount: 185_000,
      budgetDetails: 'Investissement 120 000 € (aménagement d’un local communal) ; fonctionnement annuel 65 000 €.',
      expectedResults: '12 familles accueillies dès la première année ; liste d’attente réduite de moitié.',
    },
    status: 'en-cours',
    enjeux: ['jeune-enfant'],
    orientation: 'familles',
    steps: [
      ['Étude de besoins et choix du local', 0, 90],
      ['Travaux d’aménagement', 120, 300],
      ['Recrutement de l’équipe', 240, 330],
      ['Ouverture', 365, 365],
    ],
    coFunders: [
      ['CAF (plan crèches)', 84_000],
      ['Département', 30_000],
      ['Communauté de communes', 71_000],
    ],
    evaluations: [
      { label: 'Taux de couverture en accueil du jeune enfant', indicatorCode: 'TX_COUVERTURE_AJE', baseline: '54,6 places pour 100 enfants', target: '65 places pour 100 enfants', afterDays: 730 },
      { label: 'Demandes d’accueil non satisfaites', indicatorCode: 'ATTENTE_ACCUEIL_JE', baseline: '23 demandes', target: '10 demandes', afterDays: 730 },
    ],
  },
  {
    fields: {
      title: 'Créer un réseau de visiteurs bénévoles auprès des aînés isolés',
      generalObjective: 'Rompre l’isolement des personnes âgées vivant seules dans les hameaux.',
      operationalObjectives: 'Former 25 bénévoles ; organiser une visite hebdomadaire pour 60 personnes repérées.',
      targetPublic: 'Personnes de 75 ans ou plus vivant seules, repérées par les mairies et les services d’aide à domicile.',
      lead: 'Centre social',
      partners: 'Mairies, MSA, club des aînés, service d’aide à domicile',
      humanResources: '0,5 ETP de coordination des bénévoles',
      budgetAmount: 28_500,
      budgetDetails: 'Coordination 21 000 € ; formation des bénévoles 4 500 € ; frais de déplacement 3 000 €.',
      expectedResults: '60 personnes visitées chaque semaine ; un registre des personnes isolées tenu à jour.',
    },
    status: 'en-cours',
    enjeux: ['bien-vieillir'],
    orientation: 'vieillir',
    steps: [
      ['Repérage des personnes isolées avec les mairies', 0, 60],
      ['Formation des bénévoles', 45, 120],
      ['Premières visites', 120, 180],
      ['Bilan annuel', 365, 395],
    ],
    coFunders: [
      ['MSA', 9_000],
      ['Conférence des financeurs', 12_500],
    ],
    evaluations: [
      { label: 'Personnes visitées chaque semaine', indicatorCode: null, baseline: '0', target: '60 personnes', afterDays: 365 },
      { label: 'Part des 75 ans ou plus vivant seuls et suivis', indicatorCode: null, baseline: '12,5 %', target: '40 %', afterDays: 730 },
    ],
  },
  {
    fields: {
      title: 'Étendre le portage de repas à toutes les communes',
      generalObjective: 'Permettre aux aînés de rester chez eux en bonne santé.',
      operationalObjectives: 'Ajouter une tournée de livraison ; proposer des repas adaptés aux régimes.',
      targetPublic: 'Personnes âgées ou handicapées en perte d’autonomie.',
      lead: 'Centre intercommunal d’action sociale',
      partners: 'Département, cuisine centrale du collège, mairies',
      humanResources: '1 ETP de livreur ; 0,3 ETP de diététicienne',
      budgetAmount: 46_000,
      budgetDetails: 'Véhicule réfrigéré 32 000 € ; fonctionnement de la tournée 14 000 € par an.',
      expectedResults: 'Toutes les communes desservies ; 1 500 repas livrés par mois.',
    },
    status: 'a-lancer',
    enjeux: ['bien-vieillir'],
    orientation: 'vieillir',
    steps: [
      ['Achat du véhicule', 30, 150],
      ['Ouverture de la nouvelle tournée', 180, 180],
    ],
    coFunders: [
      ['Département', 16_000],
      ['Communauté de communes', 30_000],
    ],
    evaluations: [
      { label: 'Repas portés à domicile par mois', indicatorCode: 'REPAS_A_DOMICILE', baseline: '940 repas', target: '1 500 repas', afterDays: 365 },
    ],
  },
  {
    fields: {
      title: 'Faire connaître et adapter le transport à la demande',
      generalObjective: 'Faciliter les déplacements des habitants sans voiture vers les services.',
      operationalObjectives: 'Réserver le jour même ; ajouter une navette le samedi matin, jour de marché.',
      targetPublic: 'Habitants sans voiture, jeunes sans permis, personnes âgées.',
      lead: 'Communauté de communes',
      partners: 'Région (autorité organisatrice), mairies, associations',
      humanResources: '0,2 ETP de communication',
      budgetAmount: 22_000,
      budgetDetails: 'Navette du samedi 18 000 € par an ; dépliants et réunions d’information 4 000 €.',
      expectedResults: 'Fréquentation doublée en un an.',
    },
    status: 'a-lancer',
    enjeux: ['mobilite'],
    orientation: 'accessible',
    steps: [
      ['Négociation avec la Région', 0, 120],
      ['Campagne d’information dans les communes', 120, 180],
      ['Navette du samedi à l’essai', 180, 365],
    ],
    coFunders: [['Région', 11_000]],
    evaluations: [
      { label: 'Voyages en transport à la demande par an', indicatorCode: null, baseline: '1 250 voyages', target: '2 500 voyages', afterDays: 365 },
    ],
  },
  {
    fields: {
      title: 'Tenir des permanences France services itinérantes',
      generalObjective: 'Rapprocher l’accès aux droits des habitants des communes éloignées.',
      operationalObjectives: 'Une permanence par mois dans chaque commune de plus de 300 habitants ; un accompagnement aux démarches en ligne.',
      targetPublic: 'Allocataires, personnes âgées, personnes éloignées du numérique.',
      lead: 'Espace France services',
      partners: 'CAF, MSA, France Travail, CPAM, mairies',
      humanResources: '1 ETP de conseiller France services itinérant',
      budgetAmount: 52_000,
      budgetDetails: 'Poste de conseiller 40 000 € ; véhicule équipé 12 000 €.',
      expectedResults: '1 200 personnes accompagnées par an hors du bourg-centre.',
    },
    status: 'realisee',
    enjeux: ['acces-aux-droits'],
    orientation: 'accessible',
    steps: [
      ['Calendrier des permanences avec les mairies', 0, 45],
      ['Premières permanences', 60, 90],
    ],
    coFunders: [
      ['État (France services)', 30_000],
      ['CAF', 10_000],
    ],
    evaluations: [
      { label: 'Passages à l’espace France services', indicatorCode: 'PASSAGES_FRANCE_SERVICES', baseline: '640 passages', target: '1 200 passages', afterDays: 365 },
    ],
  },
  {
    fields: {
      title: 'Accueillir des internes en médecine générale',
      generalObjective: 'Conforter l’offre de soins de proximité.',
      operationalObjectives: 'Loger deux internes par semestre ; présenter le territoire aux facultés.',
      targetPublic: 'Internes et jeunes médecins généralistes.',
      lead: 'Maison de santé pluriprofessionnelle',
      partners: 'Agence régionale de santé, faculté de médecine, communes',
      humanResources: '0,1 ETP de coordination à la maison de santé',
      budgetAmount: 15_600,
      budgetDetails: 'Logement meublé 9 600 € par an ; journées d’accueil 6 000 €.',
      expectedResults: 'Deux installations de médecins en cinq ans.',
    },
    status: 'en-cours',
    enjeux: ['soins'],
    orientation: 'vieillir',
    steps: [
      ['Aménagement d’un logement pour internes', 0, 150],
      ['Accueil des premiers internes', 180, 365],
    ],
    coFunders: [['Agence régionale de santé', 7_800]],
    evaluations: [
      { label: 'Accessibilité potentielle localisée aux médecins généralistes', indicatorCode: 'APL_MG', baseline: '2,9 consultations par an et par habitant', target: '3,4 consultations par an et par habitant', afterDays: 1825 },
    ],
  },
  {
    fields: {
      title: 'Ouvrir un lieu d’accueil enfants-parents',
      generalObjective: 'Soutenir les parents et rompre l’isolement des jeunes familles.',
      operationalObjectives: 'Deux demi-journées d’accueil par semaine, dont une itinérante.',
      targetPublic: 'Enfants de moins de 6 ans et leurs parents.',
      lead: 'Centre social',
      partners: 'CAF, PMI, relais petite enfance, bibliothèque',
      humanResources: 'Deux accueillants formés (0,4 ETP)',
      budgetAmount: 19_800,
      budgetDetails: 'Accueillants 15 800 € ; matériel et jeux 4 000 €.',
      expectedResults: '40 familles différentes accueillies la première année.',
    },
    status: 'a-lancer',
    enjeux: ['jeune-enfant'],
    orientation: 'familles',
    steps: [
      ['Formation des accueillants', 30, 120],
      ['Ouverture', 150, 150],
    ],
    coFunders: [['CAF (prestation de service)', 12_600]],
    evaluations: [{ label: 'Familles accueillies par an', indicatorCode: null, baseline: '0', target: '40 familles', afterDays: 365 }],
  },
  {
    fields: {
      title: 'Organiser un covoiturage solidaire',
      generalObjective: 'Permettre à chacun de se rendre à un rendez-vous médical ou à un entretien d’embauche.',
      operationalObjectives: 'Mettre en relation chauffeurs bénévoles et passagers par une plateforme téléphonique.',
      targetPublic: 'Personnes sans moyen de transport.',
      lead: 'Association de parents',
      partners: 'Centre social, mairies, MSA',
      humanResources: 'Bénévoles ; 0,1 ETP de coordination',
      budgetAmount: 6_400,
      budgetDetails: 'Assurance des bénévoles 1 400 € ; indemnités kilométriques 5 000 €.',
      expectedResults: '300 trajets solidaires par an.',
    },
    status: 'abandonnee',
    enjeux: ['mobilite'],
    orientation: 'accessible',
    steps: [['Recherche de chauffeurs bénévoles', 0, 90]],
    coFunders: [['MSA', 2_500]],
    evaluations: [{ label: 'Trajets solidaires par an', indicatorCode: null, baseline: '0', target: '300 trajets', afterDays: 365 }],
  },
];

/** The plan starts after the workshops; steps are placed from that day. */
export function writeDemoActionSheets(context: DemoContext, diagnostic: DemoDiagnostic, planStartDay: number): void {
  const { mission } = context.docs;
  const { origin } = context;
  for (let index = 0; index < context.scale.actionSheets; index += 1) {
    const seed = SHEETS[index % SHEETS.length]!;
    // A heavier demo repeats the sheets for other parts of the territory: same content, distinct titles.
    const round = Math.floor(index / SHEETS.length);
    const title = round === 0 ? seed.fields.title : `${seed.fields.title} (secteur ${round + 1})`;
    const id = createActionSheet(mission, { title }, origin, context.tick());
    const { title: _title, ...fields } = seed.fields;
    updateActionSheet(mission, id, fields, origin, context.tick());
    setActionSheetStatus(mission, id, seed.status, origin, context.tick());
    for (const key of seed.enjeux) setActionSheetEnjeuLink(mission, id, diagnostic.enjeux.get(key)!, true, origin, context.tick());
    setActionSheetOrientation(mission, id, diagnostic.orientations.get(seed.orientation)!, origin, context.tick());
    for (const [label, start, end] of seed.steps) {
      addActionStep(
        mission,
        id,
        { label, startDate: context.isoDate(planStartDay + start), endDate: context.isoDate(planStartDay + end) },
        origin,
        context.tick(),
      );
    }
    for (const [name, amount] of seed.coFunders) addCoFunder(mission, id, { name, amount }, origin, context.tick());
    for (const evaluation of seed.evaluations) {
      addEvaluationIndicator(
        mission,
        id,
        {
          label: evaluation.label,
          indicatorCode: evaluation.indicatorCode,
          baseline: evaluation.baseline,
          target: evaluation.target,
          targetDate: context.isoDate(planStartDay + evaluation.afterDays),
        },
        origin,
        context.tick(),
      );
    }
  }
}
