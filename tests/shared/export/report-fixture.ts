/**
 * A hand-made pre-diagnostic with every kind of block the Word writer and the print preview must
 * render: headings, paragraphs in each look, bullets, tables with secret and missing figures and a
 * long one that runs over several pages, fields of fiche actions separated by page breaks, and charts.
 */
import type { BarChartSpec, ReportBlock, ReportCell, ReportDocument, ReportSection } from '@shared/export/report/report-model';

export const FICTITIOUS_NOTICE = 'Données fictives : mission de démonstration, chiffres inventés.';

export const POPULATION_CHART: BarChartSpec = {
  kind: 'bars',
  title: 'Part des 75 ans et plus (%)',
  unit: '%',
  bars: [
    { label: 'CC du Pays de Mormal', value: 11.8, valueText: '11,8 %', highlight: true },
    { label: 'Nord', value: 8.1, valueText: '8,1 %', highlight: false },
    { label: 'France', value: 9.7, valueText: '9,7 %', highlight: false },
  ],
};

export const INCOME_CHART: BarChartSpec = {
  kind: 'bars',
  title: 'Revenu médian disponible par unité de consommation (€)',
  unit: '€',
  bars: [
    { label: 'Bavay', value: null, valueText: 'secret stat.', highlight: true },
    { label: 'CC du Pays de Mormal', value: 20_120, valueText: '20 120 €', highlight: false },
    { label: 'France', value: 23_160, valueText: '23 160 €', highlight: false },
  ],
};

export const POPULATION_ALT_TEXT =
  'Diagramme en barres : la part des 75 ans et plus atteint 11,8 % dans la CC du Pays de Mormal, contre 8,1 % dans le Nord et 9,7 % en France.';
export const INCOME_ALT_TEXT =
  'Diagramme en barres : le revenu médian de Bavay est couvert par le secret statistique ; il est de 20 120 € dans la CC et de 23 160 € en France.';

/** Communes of the long table: enough rows to run over at least two A4 pages. */
export const LONG_TABLE_ROW_COUNT = 90;

function communeRows(): ReportCell[][] {
  return Array.from({ length: LONG_TABLE_ROW_COUNT }, (_, index) => {
    const population = 300 + index * 37;
    const secret = index % 17 === 5;
    const missing = index % 23 === 7;
    return [
      { text: `Commune ${String(index + 1).padStart(2, '0')}` },
      { text: `59${String(index + 1).padStart(3, '0')}` },
      { text: population.toLocaleString('fr-FR') },
      secret ? { text: 'secret stat.', tone: 'secret' } : missing ? { text: 'n.d.', tone: 'missing' } : { text: `${(18 + (index % 9)).toString()},${index % 10} %` },
    ];
  });
}

const contextMethod: ReportSection = {
  id: 'context-method',
  title: 'Contexte et méthode',
  blocks: [
    { kind: 'paragraph', look: 'lead', runs: [{ text: 'Ce pré-diagnostic prépare la convention territoriale globale du Pays de Mormal.' }] },
    {
      kind: 'paragraph',
      runs: [
        { text: 'La démarche associe les élus, les partenaires et les habitants. ' },
        { text: 'Trois ateliers', bold: true },
        { text: ' ont eu lieu entre mars et mai ; ' },
        { text: 'leurs résultats figurent en partie 5.', italics: true },
      ],
    },
    { kind: 'heading', level: 2, text: 'Calendrier' },
    {
      kind: 'bullets',
      items: [
        [{ text: 'Comité de pilotage de lancement : 12 mars 2026' }],
        [{ text: 'Ateliers thématiques : ', bold: true }, { text: 'avril 2026' }],
        [{ text: 'Restitution aux élus : 4 juin 2026' }],
      ],
    },
    { kind: 'paragraph', look: 'quote', runs: [{ text: '« Nos villages ont besoin de lieux où se retrouver. » (une habitante de Bavay)' }] },
    { kind: 'paragraph', look: 'note', runs: [{ text: 'Sources : INSEE, recensement de la population 2021 ; CAF du Nord, 2023.' }] },
  ],
};

const keyFigures: ReportBlock = {
  kind: 'table',
  columns: [
    { header: 'Indicateur', weight: 3 },
    { header: 'CC du Pays de Mormal', weight: 2, align: 'right' },
    { header: 'Nord', weight: 1.5, align: 'right' },
    { header: 'France', weight: 1.5, align: 'right' },
  ],
  rows: [
    [{ text: 'Population (habitants)' }, { text: '49 873' }, { text: '2 611 293' }, { text: '68 042 591' }],
    [{ text: 'Part des 75 ans et plus' }, { text: '11,8 %' }, { text: '8,1 %' }, { text: '9,7 %' }],
    [{ text: 'Revenu médian (€ par UC)' }, { text: 'secret stat.', tone: 'secret' }, { text: '21 030 €' }, { text: '23 160 €' }],
    [{ text: 'Taux de pauvreté' }, { text: 'n.d.', tone: 'missing' }, { text: '18,2 %' }, { text: '14,5 %' }],
    [{ text: 'Ensemble', tone: 'strong', columnSpan: 2 }, { text: '–', tone: 'muted' }, { text: '–', tone: 'muted' }],
  ],
  caption: 'Tableau 1 – Chiffres clés du territoire et des territoires de comparaison. Source : INSEE, RP 2021.',
};

const territoryPortrait: ReportSection = {
  id: 'territory-portrait',
  title: 'Portrait du territoire',
  blocks: [
    { kind: 'heading', level: 2, text: 'Chiffres clés' },
    keyFigures,
    { kind: 'heading', level: 2, text: 'Vieillissement' },
    { kind: 'figure', chart: POPULATION_CHART, altText: POPULATION_ALT_TEXT, caption: 'Figure 1 – Part des 75 ans et plus. Source : INSEE, RP 2021.' },
    { kind: 'heading', level: 3, text: 'Revenus' },
    { kind: 'figure', chart: INCOME_CHART, altText: INCOME_ALT_TEXT, caption: 'Figure 2 – Revenu médian disponible. Source : INSEE, Filosofi 2021.' },
  ],
};

const thematicDiagnostics: ReportSection = {
  id: 'thematic-diagnostics',
  title: 'Diagnostics thématiques',
  blocks: [
    { kind: 'heading', level: 2, text: 'Petite enfance et parentalité' },
    { kind: 'paragraph', runs: [{ text: 'Les communes rurales manquent de places d’accueil du jeune enfant.' }] },
    { kind: 'heading', level: 3, text: 'Taux de couverture par commune' },
    {
      kind: 'table',
      columns: [
        { header: 'Commune', weight: 3 },
        { header: 'Code INSEE', weight: 1.5 },
        { header: 'Population', weight: 1.5, align: 'right' },
        { header: 'Taux de couverture', weight: 2, align: 'right' },
      ],
      rows: communeRows(),
      caption: 'Tableau 2 – Taux de couverture en accueil du jeune enfant par commune. Source : CAF du Nord, 2023.',
    },
  ],
};

const actionSheets: ReportSection = {
  id: 'action-sheets',
  title: 'Fiches actions',
  blocks: [
    { kind: 'heading', level: 2, text: 'Fiche 1 – Un relais petite enfance itinérant' },
    {
      kind: 'fields',
      rows: [
        { label: 'Objectif', value: 'Rapprocher les familles des services de garde.' },
        { label: 'Pilote', value: 'CC du Pays de Mormal' },
        { label: 'Budget', value: '45 000 €' },
        { label: 'Indicateurs', value: 'Nombre de familles reçues\nNombre de permanences' },
      ],
    },
    { kind: 'page-break' },
    { kind: 'heading', level: 2, text: 'Fiche 2 – Un espace de vie sociale à Bavay' },
    {
      kind: 'fields',
      rows: [
        { label: 'Objectif', value: 'Ouvrir un lieu d’accueil pour tous les âges.' },
        { label: 'Pilote', value: 'Mairie de Bavay' },
        { label: 'Budget', value: 'secret stat.' },
      ],
    },
    { kind: 'page-break' },
  ],
};

const annexes: ReportSection = {
  id: 'annexes',
  title: 'Annexes : participants et sources',
  blocks: [
    { kind: 'heading', level: 2, text: 'Sources des données' },
    {
      kind: 'table',
      columns: [
        { header: 'Source', weight: 3 },
        { header: 'Millésime', weight: 1, align: 'center' },
      ],
      rows: [
        [{ text: 'INSEE, recensement de la population' }, { text: '2021' }],
        [{ text: 'INSEE, Filosofi' }, { text: '2021' }],
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: 'Réunion', weight: 3 },
        { header: 'Présents', weight: 1 },
      ],
      rows: [[{ text: 'Comité de pilotage' }, { text: '14' }]],
    },
  ],
};

export const FIXTURE_SECTIONS = [contextMethod, territoryPortrait, thematicDiagnostics, actionSheets, annexes] as const;

/** Every heading below the parts' own titles, in document order. */
export const FIXTURE_SUBHEADINGS = FIXTURE_SECTIONS.flatMap((section) =>
  section.blocks.flatMap((block) => (block.kind === 'heading' ? [{ level: block.level, text: block.text }] : [])),
);

export function reportFixture(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    cover: {
      title: 'Convention territoriale globale du Pays de Mormal',
      kind: 'Pré-diagnostic territorial',
      territory: 'Communauté de communes du Pays de Mormal (53 communes)',
      sponsor: 'Département du Nord – UTPAS Avesnois',
      date: '22 novembre 2026',
      author: 'Claire Dupont',
      version: 'Version 1.2',
      fictitiousNotice: FICTITIOUS_NOTICE,
    },
    sections: FIXTURE_SECTIONS,
    runningHeader: 'CTG du Pays de Mormal – Pré-diagnostic',
    ...overrides,
  };
}
