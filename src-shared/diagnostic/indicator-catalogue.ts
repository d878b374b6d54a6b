/**
 * The indicators a CTG or social pre-diagnostic uses, with the INSEE variable names that carry them.
 * Codes are synced in mission documents: never rename or reuse one.
 */
import type { IndicatorAggregation, IndicatorDefinition, IndicatorThemeId, IndicatorUnit } from './indicator-definition';
import { AGE_SEX_BANDS } from './age-pyramid';

const SUM: IndicatorAggregation = { kind: 'sum' };
const NOT_AGGREGABLE: IndicatorAggregation = { kind: 'not-aggregable' };

function ratio(numerator: string | null, denominator: string, scale: number): IndicatorAggregation {
  return { kind: 'ratio', numerator, denominator, scale };
}

function indicator(
  code: string,
  theme: IndicatorThemeId,
  unit: IndicatorUnit,
  decimals: number,
  aggregation: IndicatorAggregation,
  label: string,
  definition: string,
  source: string,
): IndicatorDefinition {
  return { code, label, theme, unit, definition, source, aggregation, decimals, custom: false };
}

const RP = 'INSEE, recensement de la population (exploitation principale)';
const RP_COMPLEMENTARY = 'INSEE, recensement de la population (exploitation complémentaire)';
const FILOSOFI = 'INSEE-DGFiP-Cnaf-Cnav-CCMSA, Fichier localisé social et fiscal (Filosofi)';
const CAF = 'Cnaf, données allocataires par commune (CAF)';


export const INDICATOR_CATALOGUE: readonly IndicatorDefinition[] = [
  // Démographie
  indicator('POP', 'demographie', 'persons', 0, SUM, 'Population municipale',
    'Personnes ayant leur résidence habituelle sur le territoire, y compris les personnes en communauté (maisons de retraite, foyers…) et les sans-abri ; sans double compte.',
    'INSEE, recensement de la population (populations légales)'),
  indicator('POP_VAR_ANN', 'demographie', 'percent-per-year', 1, NOT_AGGREGABLE, 'Variation annuelle moyenne de la population',
    'Taux de variation annuel moyen de la population municipale entre deux recensements (en général sur cinq ans), l’année étant celle de fin de période. Se compare en regardant l’évolution de la population du territoire.',
    RP),
  indicator('SUPERFICIE', 'demographie', 'km2', 1, SUM, 'Superficie',
    'Surface du territoire en kilomètres carrés.',
    'INSEE, Code officiel géographique ; IGN'),
  indicator('DENSITE', 'demographie', 'inhabitants-per-km2', 1, ratio('POP', 'SUPERFICIE', 1), 'Densité de population',
    'Population municipale rapportée à la superficie du territoire.',
    RP),
  indicator('POP_0_2', 'demographie', 'persons', 0, SUM, 'Enfants de moins de 3 ans',
    'Population âgée de 0 à 2 ans révolus.',
    RP),
  indicator('POP_0_14', 'demographie', 'persons', 0, SUM, 'Population de moins de 15 ans',
    'Population âgée de 0 à 14 ans révolus.',
    RP),
  indicator('POP_0_19', 'demographie', 'persons', 0, SUM, 'Population de moins de 20 ans',
    'Population âgée de 0 à 19 ans révolus.',
    RP),
  indicator('POP_15_29', 'demographie', 'persons', 0, SUM, 'Population de 15 à 29 ans',
    'Population âgée de 15 à 29 ans révolus.',
    RP),
  indicator('POP_15_64', 'emploi', 'persons', 0, SUM, 'Population de 15 à 64 ans',
    'Population âgée de 15 à 64 ans révolus : la population en âge de travailler.',
    RP),
  indicator('POP_60_PLUS', 'demographie', 'persons', 0, SUM, 'Population de 60 ans ou plus',
    'Population âgée de 60 ans ou plus.',
    RP),
  indicator('POP_65_PLUS', 'demographie', 'persons', 0, SUM, 'Population de 65 ans ou plus',
    'Population âgée de 65 ans ou plus.',
    RP),
  indicator('POP_75_PLUS', 'demographie', 'persons', 0, SUM, 'Population de 75 ans ou plus',
    'Population âgée de 75 ans ou plus.',
    RP),
  indicator('POP_80_PLUS', 'demographie', 'persons', 0, SUM, 'Population de 80 ans ou plus',
    'Population âgée de 80 ans ou plus.',
    RP),
  ...AGE_SEX_BANDS.flatMap(({ suffix, label }) => [
    indicator(`POP_H_${suffix}`, 'demographie', 'persons', 0, SUM, `Hommes de ${label}`,
      `Population masculine âgée de ${label} (pyramide des âges).`,
      RP),
    indicator(`POP_F_${suffix}`, 'demographie', 'persons', 0, SUM, `Femmes de ${label}`,
      `Population féminine âgée de ${label} (pyramide des âges).`,
      RP),
  ]),
  indicator('PART_0_2', 'demographie', 'percent', 1, ratio('POP_0_2', 'POP', 100), 'Part des enfants de moins de 3 ans',
    'Enfants de 0 à 2 ans pour 100 habitants.',
    RP),
  indicator('PART_0_14', 'demographie', 'percent', 1, ratio('POP_0_14', 'POP', 100), 'Part des moins de 15 ans',
    'Population de 0 à 14 ans pour 100 habitants.',
    RP),
  indicator('PART_15_29', 'demographie', 'percent', 1, ratio('POP_15_29', 'POP', 100), 'Part des 15-29 ans',
    'Population de 15 à 29 ans pour 100 habitants.',
    RP),
  indicator('PART_60_PLUS', 'demographie', 'percent', 1, ratio('POP_60_PLUS', 'POP', 100), 'Part des 60 ans ou plus',
    'Population de 60 ans ou plus pour 100 habitants.',
    RP),
  indicator('PART_75_PLUS', 'demographie', 'percent', 1, ratio('POP_75_PLUS', 'POP', 100), 'Part des 75 ans ou plus',
    'Population de 75 ans ou plus pour 100 habitants.',
    RP),
  indicator('INDICE_VIEILLISSEMENT', 'demographie', 'index', 1, ratio('POP_65_PLUS', 'POP_0_19', 100), 'Indice de vieillissement',
    'Nombre de personnes de 65 ans ou plus pour 100 jeunes de moins de 20 ans : au-dessus de 100, les aînés sont plus nombreux que les jeunes.',
    RP),

  // Familles et ménages
  indicator('MENAGES', 'familles', 'households', 0, SUM, 'Ménages',
    'Ensemble des occupants d’une même résidence principale, quels que soient leurs liens.',
    RP_COMPLEMENTARY),
  indicator('MENAGES_1_PERS', 'familles', 'households', 0, SUM, 'Ménages d’une personne',
    'Ménages composés d’une seule personne vivant seule.',
    RP_COMPLEMENTARY),
  indicator('PART_MENAGES_1_PERS', 'familles', 'percent', 1, ratio('MENAGES_1_PERS', 'MENAGES', 100), 'Part des ménages d’une personne',
    'Ménages d’une personne pour 100 ménages.',
    RP_COMPLEMENTARY),
  indicator('FAMILLES', 'familles', 'families', 0, SUM, 'Familles',
    'Couples avec ou sans enfant et adultes vivant seuls avec au moins un enfant, au sein d’un ménage.',
    RP_COMPLEMENTARY),
  indicator('COUPLES_AVEC_ENFANTS', 'familles', 'families', 0, SUM, 'Couples avec enfant(s)',
    'Familles formées d’un couple et d’au moins un enfant célibataire sans conjoint ni enfant, sans limite d’âge.',
    RP_COMPLEMENTARY),
  indicator('FAM_MONOPARENTALES', 'familles', 'families', 0, SUM, 'Familles monoparentales',
    'Familles formées d’un parent vivant sans conjoint avec au moins un enfant célibataire sans conjoint ni enfant.',
    RP_COMPLEMENTARY),
  indicator('PART_FAM_MONO', 'familles', 'percent', 1, ratio('FAM_MONOPARENTALES', 'FAMILLES', 100), 'Part des familles monoparentales',
    'Familles monoparentales pour 100 familles.',
    RP_COMPLEMENTARY),
  indicator('FAM_NOMBREUSES', 'familles', 'families', 0, SUM, 'Familles nombreuses',
    'Familles comptant au moins trois enfants de moins de 25 ans (somme des familles à 3 enfants et à 4 enfants ou plus).',
    RP_COMPLEMENTARY),
  indicator('PART_FAM_NOMBREUSES', 'familles', 'percent', 1, ratio('FAM_NOMBREUSES', 'FAMILLES', 100), 'Part des familles nombreuses',
    'Familles d’au moins trois enfants de moins de 25 ans pour 100 familles.',
    RP_COMPLEMENTARY),
  indicator('POP_80_PLUS_SEULES', 'familles', 'persons', 0, SUM, 'Personnes de 80 ans ou plus vivant seules',
    'Personnes de 80 ans ou plus vivant seules dans leur logement (hors communautés).',
    RP),
  indicator('PART_80_PLUS_SEULES', 'familles', 'percent', 1, ratio('POP_80_PLUS_SEULES', 'POP_80_PLUS', 100), 'Part des 80 ans ou plus vivant seuls',
    'Personnes de 80 ans ou plus vivant seules pour 100 personnes de 80 ans ou plus.',
    RP),

  // Revenus et pauvreté
  indicator('MEN_FISC', 'revenus', 'households', 0, SUM, 'Ménages fiscaux',
    'Ménages ayant déposé au moins une déclaration de revenus, hors communautés et sans-abri.',
    FILOSOFI),
  indicator('PERS_MEN_FISC', 'revenus', 'persons', 0, SUM, 'Personnes des ménages fiscaux',
    'Nombre de personnes vivant dans les ménages fiscaux.',
    FILOSOFI),
  indicator('MED_DISP', 'revenus', 'euros', 0, NOT_AGGREGABLE, 'Médiane du revenu disponible par unité de consommation',
    'Revenu disponible par unité de consommation qui partage les personnes en deux moitiés égales. Une médiane ne s’additionne ni ne se moyenne : elle se lit commune par commune ou pour le territoire publié.',
    FILOSOFI),
  indicator('D1_DISP', 'revenus', 'euros', 0, NOT_AGGREGABLE, 'Premier décile du revenu disponible par unité de consommation',
    'Niveau de revenu disponible par unité de consommation sous lequel vivent les 10 % de personnes les plus modestes.',
    FILOSOFI),
  indicator('D9_DISP', 'revenus', 'euros', 0, NOT_AGGREGABLE, 'Neuvième décile du revenu disponible par unité de consommation',
    'Niveau de revenu disponible par unité de consommation au-dessus duquel vivent les 10 % de personnes les plus aisées.',
    FILOSOFI),
  indicator('RAPPORT_INTERDECILE', 'revenus', 'index', 1, NOT_AGGREGABLE, 'Rapport interdécile du revenu disponible',
    'Rapport entre le neuvième et le premier décile du revenu disponible par unité de consommation : plus il est élevé, plus les revenus sont inégaux.',
    FILOSOFI),
  indicator('TX_PAUVRETE', 'revenus', 'percent', 1, ratio(null, 'PERS_MEN_FISC', 100), 'Taux de pauvreté (seuil à 60 %)',
    'Part des personnes vivant dans un ménage dont le revenu disponible par unité de consommation est inférieur à 60 % du revenu médian de France métropolitaine.',
    FILOSOFI),
  indicator('PART_MEN_IMPOSES', 'revenus', 'percent', 1, ratio(null, 'MEN_FISC', 100), 'Part des ménages fiscaux imposés',
    'Ménages fiscaux redevables de l’impôt sur le revenu pour 100 ménages fiscaux.',
    FILOSOFI),

  // Prestations sociales
  indicator('ALLOC_CAF', 'prestations', 'beneficiaries', 0, SUM, 'Allocataires CAF',
    'Foyers percevant au moins une prestation versée par la caisse d’allocations familiales.',
    CAF),
  indicator('PERS_COUVERTES_CAF', 'prestations', 'persons', 0, SUM, 'Personnes couvertes par la CAF',
    'Allocataires, conjoints, enfants et autres personnes à charge des foyers allocataires de la CAF.',
    CAF),
  indicator('ALLOC_BAS_REVENUS', 'prestations', 'beneficiaries', 0, SUM, 'Allocataires à bas revenus',
    'Allocataires dont le revenu par unité de consommation est inférieur au seuil de bas revenus (60 % du revenu médian), hors étudiants et allocataires de 65 ans ou plus.',
    CAF),
  indicator('PART_ALLOC_BAS_REVENUS', 'prestations', 'percent', 1, ratio('ALLOC_BAS_REVENUS', 'ALLOC_CAF', 100), 'Part des allocataires à bas revenus',
    'Allocataires à bas revenus pour 100 allocataires de la CAF.',
    CAF),
  indicator('ALLOC_RSA', 'prestations', 'beneficiaries', 0, SUM, 'Allocataires du RSA',
    'Foyers allocataires du revenu de solidarité active (RSA), socle ou majoré.',
    CAF),
  indicator('ALLOC_AAH', 'prestations', 'beneficiaries', 0, SUM, 'Allocataires de l’AAH',
    'Allocataires de l’allocation aux adultes handicapés.',
    CAF),
  indicator('ALLOC_AIDES_LOGEMENT', 'prestations', 'beneficiaries', 0, SUM, 'Allocataires d’une aide au logement',
    'Allocataires d’une aide personnelle au logement (APL, ALF ou ALS).',
    CAF),
  indicator('ALLOC_MSA_FAMILLE', 'prestations', 'beneficiaries', 0, SUM, 'Allocataires MSA de prestations familiales',
    'Foyers du régime agricole percevant au moins une prestation familiale ou sociale versée par la MSA.',
    'MSA, données allocataires par commune'),

  // Petite enfance
  indicator('PLACES_EAJE', 'petite-enfance', 'places', 0, SUM, 'Places en établissement d’accueil du jeune enfant',
    'Places agréées en crèches collectives, multi-accueils, micro-crèches et crèches familiales.',
    'Cnaf, données petite enfance ; PMI du Département'),
  indicator('PLACES_ASSMAT', 'petite-enfance', 'places', 0, SUM, 'Places chez les assistantes et assistants maternels',
    'Places potentiellement offertes aux enfants de moins de 3 ans par les assistantes et assistants maternels en activité.',
    'Cnaf, Onape ; PMI du Département'),
  indicator('PLACES_AJE_TOTAL', 'petite-enfance', 'places', 0, SUM, 'Places d’accueil du jeune enfant (toutes formes)',
    'Capacité d’accueil formel des enfants de moins de 3 ans : établissements, assistants maternels, garde à domicile et école maternelle avant 3 ans.',
    'Cnaf, Observatoire national de la petite enfance (Onape)'),
  indicator('TX_COUVERTURE_AJE', 'petite-enfance', 'places-per-100-children', 1, ratio('PLACES_AJE_TOTAL', 'POP_0_2', 100),
    'Taux de couverture en accueil du jeune enfant',
    'Places d’accueil formel pour 100 enfants de moins de 3 ans.',
    'Cnaf, Observatoire national de la petite enfance (Onape) ; INSEE'),

  // Logement
  indicator('LOGEMENTS', 'logement', 'dwellings', 0, SUM, 'Logements',
    'Ensemble des logements : résidences principales, résidences secondaires, logements occasionnels et logements vacants.',
    RP),
  indicator('RES_PRINCIPALES', 'logement', 'dwellings', 0, SUM, 'Résidences principales',
    'Logements occupés de façon habituelle et à titre principal par un ménage.',
    RP),
  indicator('RES_SECONDAIRES', 'logement', 'dwellings', 0, SUM, 'Résidences secondaires et logements occasionnels',
    'Logements utilisés pour les week-ends, les loisirs ou les vacances, ou occupés une partie de l’année pour raisons professionnelles.',
    RP),
  indicator('PART_RES_SECONDAIRES', 'logement', 'percent', 1, ratio('RES_SECONDAIRES', 'LOGEMENTS', 100), 'Part des résidences secondaires',
    'Résidences secondaires et logements occasionnels pour 100 logements.',
    RP),
  indicator('LOG_VACANTS', 'logement', 'dwellings', 0, SUM, 'Logements vacants',
    'Logements inoccupés : proposés à la vente ou à la location, en attente d’occupation ou de travaux, ou sans affectation.',
    RP),
  indicator('TX_VACANCE', 'logement', 'percent', 1, ratio('LOG_VACANTS', 'LOGEMENTS', 100), 'Taux de vacance des logements',
    'Logements vacants pour 100 logements.',
    RP),
  indicator('RP_PROPRIETAIRES', 'logement', 'dwellings', 0, SUM, 'Résidences principales occupées par leur propriétaire',
    'Résidences principales dont le ménage est propriétaire.',
    RP),
  indicator('PART_PROPRIETAIRES', 'logement', 'percent', 1, ratio('RP_PROPRIETAIRES', 'RES_PRINCIPALES', 100), 'Part des ménages propriétaires',
    'Résidences principales occupées par leur propriétaire pour 100 résidences principales.',
    RP),
  indicator('LOG_SOCIAUX', 'logement', 'dwellings', 0, SUM, 'Résidences principales HLM louées vides',
    'Résidences principales louées vides à un organisme HLM, selon la déclaration des ménages au recensement.',
    RP),
  indicator('PART_LOG_SOCIAUX', 'logement', 'percent', 1, ratio('LOG_SOCIAUX', 'RES_PRINCIPALES', 100), 'Part des logements sociaux (HLM)',
    'Résidences principales louées vides à un organisme HLM pour 100 résidences principales.',
    RP),

  // Emploi et activité
  indicator('ACTIFS_15_64', 'emploi', 'persons', 0, SUM, 'Actifs de 15 à 64 ans',
    'Personnes de 15 à 64 ans ayant un emploi ou au chômage (au sens du recensement).',
    RP),
  indicator('CHOMEURS_15_64', 'emploi', 'persons', 0, SUM, 'Chômeurs de 15 à 64 ans',
    'Personnes de 15 à 64 ans s’étant déclarées chômeuses au recensement (inscrites ou non à France Travail).',
    RP),
  indicator('TX_ACTIVITE', 'emploi', 'percent', 1, ratio('ACTIFS_15_64', 'POP_15_64', 100), 'Taux d’activité des 15-64 ans',
    'Actifs de 15 à 64 ans pour 100 personnes de 15 à 64 ans.',
    RP),
  indicator('TX_CHOMAGE', 'emploi', 'percent', 1, ratio('CHOMEURS_15_64', 'ACTIFS_15_64', 100), 'Taux de chômage des 15-64 ans (recensement)',
    'Chômeurs déclarés pour 100 actifs de 15 à 64 ans. Au sens du recensement : il diffère du taux de chômage au sens du Bureau international du travail.',
    RP),
  indicator('ACTIFS_OCCUPES', 'emploi', 'persons', 0, SUM, 'Actifs occupés de 15 ans ou plus',
    'Personnes de 15 ans ou plus ayant un emploi, résidant sur le territoire.',
    RP),
  indicator('DEMANDEURS_EMPLOI_ABC', 'emploi', 'persons', 0, SUM, 'Demandeurs d’emploi (catégories A, B, C)',
    'Personnes inscrites à France Travail tenues de rechercher un emploi, sans emploi (A) ou ayant exercé une activité réduite (B, C), au 31 décembre.',
    'France Travail, Dares, statistiques du marché du travail'),

  // Santé
  indicator('APL_MG', 'sante', 'consultations-per-inhabitant', 1, ratio(null, 'POP', 1), 'Accessibilité potentielle localisée aux médecins généralistes (APL)',
    'Nombre de consultations de médecine générale accessibles par habitant et par an, compte tenu de l’offre et de la demande des communes voisines. Pour un groupe de communes, moyenne pondérée par la population.',
    'DREES, SNDS, INSEE'),
  indicator('MG_LIBERAUX', 'sante', 'professionals', 0, SUM, 'Médecins généralistes libéraux',
    'Médecins généralistes exerçant en libéral sur le territoire.',
    'INSEE, Base permanente des équipements ; DREES, RPPS'),
  indicator('DENSITE_MG', 'sante', 'per-10000-inhabitants', 1, ratio('MG_LIBERAUX', 'POP', 10_000), 'Densité de médecins généralistes libéraux',
    'Médecins généralistes libéraux pour 10 000 habitants.',
    'INSEE, Base permanente des équipements ; DREES, RPPS'),

  // Mobilité
  indicator('ACTIFS_OCCUPES_HORS_COMMUNE', 'mobilite', 'persons', 0, SUM, 'Actifs occupés travaillant hors de leur commune',
    'Actifs occupés de 15 ans ou plus travaillant dans une autre commune que leur commune de résidence.',
    RP),
  indicator('PART_NAVETTEURS', 'mobilite', 'percent', 1, ratio('ACTIFS_OCCUPES_HORS_COMMUNE', 'ACTIFS_OCCUPES', 100),
    'Part des actifs occupés travaillant hors de leur commune',
    'Actifs occupés travaillant dans une autre commune que leur commune de résidence pour 100 actifs occupés.',
    RP),
  indicator('MENAGES_VOITURE', 'mobilite', 'households', 0, SUM, 'Ménages disposant d’au moins une voiture',
    'Ménages (résidences principales) disposant d’au moins une voiture.',
    RP),
  indicator('PART_MENAGES_VOITURE', 'mobilite', 'percent', 1, ratio('MENAGES_VOITURE', 'RES_PRINCIPALES', 100),
    'Part des ménages disposant d’au moins une voiture',
    'Ménages disposant d’au moins une voiture pour 100 ménages (résidences principales).',
    RP),
  indicator('ACCIDENTS_CORPORELS', 'mobilite', 'count', 0, SUM, 'Accidents corporels de la circulation',
    'Accidents de la route ayant fait au moins une victime (blessé ou tué), localisés dans la commune.',
    'ONISR, fichier national des accidents corporels de la circulation (BAAC)'),
];

const catalogueByCode = new Map(INDICATOR_CATALOGUE.map((definition) => [definition.code, definition]));

/** A catalogue indicator, or one the mission defined. */
export function findIndicator(code: string, custom: readonly IndicatorDefinition[] = []): IndicatorDefinition | undefined {
  return catalogueByCode.get(code) ?? custom.find((definition) => definition.code === code);
}

export function isCatalogueCode(code: string): boolean {
  return catalogueByCode.has(code);
}

export interface GuessedIndicator {
  indicator: string;
  /** Null when the header carries no year (PMUN, SUPERF): the importer must ask for it. */
  year: number | null;
}

/** INSEE writes census years on two digits: "P21_" is 2021, "D99_" (historical series) is 1999. */
function fullYear(twoDigits: string): number {
  const year = Number(twoDigits);
  return year <= 50 ? 2000 + year : 1900 + year;
}

/** Census variables after "P21_", keyed by the prefix INSEE publishes them with. */
const CENSUS_VARIABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  P: {
    POP: 'POP',
    POP0002: 'POP_0_2',
    POP0014: 'POP_0_14',
    POP0019: 'POP_0_19',
    POP1529: 'POP_15_29',
    POP1564: 'POP_15_64',
    POP65P: 'POP_65_PLUS',
    POP75P: 'POP_75_PLUS',
    POP80P: 'POP_80_PLUS',
    POP80P_PSEUL: 'POP_80_PLUS_SEULES',
    LOG: 'LOGEMENTS',
    RP: 'RES_PRINCIPALES',
    RSECOCC: 'RES_SECONDAIRES',
    LOGVAC: 'LOG_VACANTS',
    RP_PROP: 'RP_PROPRIETAIRES',
    RP_LOCHLMV: 'LOG_SOCIAUX',
    RP_VOIT1P: 'MENAGES_VOITURE',
    ACT1564: 'ACTIFS_15_64',
    CHOM1564: 'CHOMEURS_15_64',
    ACTOCC15P: 'ACTIFS_OCCUPES',
    ACTOCC15P_ILT2P: 'ACTIFS_OCCUPES_HORS_COMMUNE',
    ...Object.fromEntries(
      AGE_SEX_BANDS.flatMap(({ suffix, census }) => [
        [`H${census}`, `POP_H_${suffix}`],
        [`F${census}`, `POP_F_${suffix}`],
      ]),
    ),
  },
  C: {
    MEN: 'MENAGES',
    MENPSEUL: 'MENAGES_1_PERS',
    FAM: 'FAMILLES',
    FAMMONO: 'FAM_MONOPARENTALES',
    COUPAENF: 'COUPLES_AVEC_ENFANTS',
  },
  // Historical series ("séries historiques") give older censuses with a D prefix.
  D: {
    POP: 'POP',
    LOG: 'LOGEMENTS',
    RP: 'RES_PRINCIPALES',
    RSECOCC: 'RES_SECONDAIRES',
    LOGVAC: 'LOG_VACANTS',
  },
};

/** Filosofi variables: the name, then the year on two digits ("MED21", "TP6021", "D121"). */
const FILOSOFI_VARIABLES: Readonly<Record<string, string>> = {
  NBMENFISC: 'MEN_FISC',
  NBPERSMENFISC: 'PERS_MEN_FISC',
  MED: 'MED_DISP',
  TP60: 'TX_PAUVRETE',
  PIMP: 'PART_MEN_IMPOSES',
  D1: 'D1_DISP',
  D9: 'D9_DISP',
  RD: 'RAPPORT_INTERDECILE',
};

/** Variables whose year is in the file's title, not in the header. */
const YEARLESS_VARIABLES: Readonly<Record<string, string>> = {
  PMUN: 'POP',
  SUPERF: 'SUPERFICIE',
};

const CENSUS_PATTERN = /^([PCD])(\d{2})_([A-Z0-9_]+)$/;
const FILOSOFI_PATTERN = /^(NBMENFISC|NBPERSMENFISC|MED|TP60|PIMP|D1|D9|RD)(\d{2})$/;
const POPULATIONS_LEGALES_PATTERN = /^(PMUN|SUPERF)(\d{2}|\d{4})?$/;
/** Our own codes, as the app's Excel export writes them: "TX_PAUVRETE_2021", "POP 2021", "POP". */
const OWN_CODE_PATTERN = /^([A-Z][A-Z0-9_]*?)(?:[_ ](\d{4}))?$/;

function yearOf(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  return digits.length === 2 ? fullYear(digits) : Number(digits);
}

function normalizeVariable(variable: string): string {
  return variable.replace(/^\uFEFF/, '').trim().toUpperCase();
}

/**
 * Recognises an indicator in a column header: INSEE variable names with their year (census
 * "P21_POP", Filosofi "MED21", populations légales "PMUN"), or the app's own codes. Exact patterns
 * only, so that "MEDIANE_AGE" is never taken for a median income.
 */
export function guessIndicatorCode(variable: string, custom: readonly IndicatorDefinition[] = []): GuessedIndicator | null {
  const name = normalizeVariable(variable);

  const census = CENSUS_PATTERN.exec(name);
  if (census) {
    const [, prefix = '', year = '', rest = ''] = census;
    const indicator = CENSUS_VARIABLES[prefix]?.[rest];
    if (indicator) return { indicator, year: fullYear(year) };
  }

  const filosofi = FILOSOFI_PATTERN.exec(name);
  if (filosofi) {
    const [, variableName = '', year = ''] = filosofi;
    const indicator = FILOSOFI_VARIABLES[variableName];
    if (indicator) return { indicator, year: fullYear(year) };
  }

  const legal = POPULATIONS_LEGALES_PATTERN.exec(name);
  if (legal) {
    const [, variableName = '', year] = legal;
    const indicator = YEARLESS_VARIABLES[variableName];
    if (indicator) return { indicator, year: yearOf(year) };
  }

  const own = OWN_CODE_PATTERN.exec(name);
  if (own) {
    const [, code = '', year] = own;
    if (findIndicator(code, custom)) return { indicator: code, year: yearOf(year) };
  }
  return null;
}

export interface GuessOptions {
  /** The year to use when the header has none (populations légales files give it in their title). */
  yearWhenAbsent?: number;
  /** The mission's own indicators, so that their codes are recognised too. */
  custom?: readonly IndicatorDefinition[];
}

/** Like `guessIndicatorCode`, but a column whose year is unknown is not recognised unless a year is given. */
export function guessIndicatorFromVariable(
  variable: string,
  options: GuessOptions = {},
): { indicator: string; year: number } | null {
  const guess = guessIndicatorCode(variable, options.custom);
  if (!guess) return null;
  const year = guess.year ?? options.yearWhenAbsent;
  return year === undefined ? null : { indicator: guess.indicator, year };
}
