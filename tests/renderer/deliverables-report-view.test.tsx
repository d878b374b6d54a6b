import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '@shared/export/report/report-model';
import { ReportDocumentView } from '../../src-renderer/features/deliverables/report-document-view';
import { cssString, RUNNING_FOOTER_PROPERTY, RUNNING_HEADER_PROPERTY, runningTexts } from '../../src-renderer/features/deliverables/running-header-style';

const ALT_TEXT = 'Diagramme en barres : la part des 75 ans et plus atteint 11,8 % dans la CC, contre 9,7 % en France.';

const REPORT: ReportDocument = {
  cover: {
    title: 'Pré-diagnostic du Pays de Mormal',
    kind: 'Pré-diagnostic territorial',
    territory: 'CC du Pays de Mormal (53 communes)',
    sponsor: 'Caf du Nord',
    date: '22 novembre 2026',
    author: 'Claire Dupont',
    version: 'Version 2',
    fictitiousNotice: 'Données fictives : mission de démonstration.',
  },
  runningHeader: 'Pré-diagnostic du Pays de Mormal – Pré-diagnostic',
  sections: [
    {
      id: 'territory-portrait',
      title: 'Portrait du territoire',
      blocks: [
        { kind: 'heading', level: 2, text: 'Chiffres clés' },
        {
          kind: 'table',
          columns: [
            { header: 'Territoire', weight: 3 },
            { header: 'Taux de pauvreté', weight: 1, align: 'right' },
          ],
          rows: [
            [{ text: 'Landrecies' }, { text: '27,5 %' }],
            [{ text: 'Le Quesnoy' }, { text: 'secret stat.', tone: 'secret' }],
            [{ text: 'Bavay' }, { text: 'n.d.', tone: 'missing' }],
          ],
          caption: 'Tableau 1 – Taux de pauvreté. Source : INSEE, Filosofi 2021.',
        },
        {
          kind: 'figure',
          chart: {
            kind: 'bars',
            title: 'Part des 75 ans et plus (%)',
            unit: '%',
            bars: [
              { label: 'CC du Pays de Mormal', value: 11.8, valueText: '11,8 %', highlight: true },
              { label: 'France', value: 9.7, valueText: '9,7 %', highlight: false },
            ],
          },
          altText: ALT_TEXT,
          caption: 'Figure 1 – Part des 75 ans et plus. Source : INSEE, RP 2021.',
        },
      ],
    },
    {
      id: 'action-sheets',
      title: 'Fiches actions',
      blocks: [
        { kind: 'heading', level: 2, text: 'Fiche 1 – Maison des familles' },
        { kind: 'fields', rows: [{ label: 'Pilote', value: 'Centre social <Landrecies>' }] },
        { kind: 'page-break' },
        { kind: 'heading', level: 2, text: 'Fiche 2 – Transport solidaire' },
        { kind: 'paragraph', look: 'note', runs: [{ text: 'Budget ', bold: true }, { text: 'à préciser', italics: true }] },
      ],
    },
  ],
};

function headings(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map((match) => `h${match[1]} ${match[2]}`);
}

describe('the pre-diagnostic’s print preview', () => {
  const html = renderToStaticMarkup(<ReportDocumentView report={REPORT} />);

  it('its headings follow the Word document’s outline: cover title, sommaire, numbered sections and their sub-headings', () => {
    expect(headings(html)).toEqual([
      'h1 Pré-diagnostic du Pays de Mormal',
      'h2 Sommaire',
      'h2 1. Portrait du territoire',
      'h3 Chiffres clés',
      'h2 2. Fiches actions',
      'h3 Fiche 1 – Maison des familles',
      'h3 Fiche 2 – Transport solidaire',
    ]);
  });

  it('the sommaire links to every section in the chosen order', () => {
    const links = [...html.matchAll(/<a href="#([^"]+)"[^>]*>(.*?)<\/a>/g)].map((match) => [match[1], match[2]]);
    expect(links).toEqual([
      ['rapport-territory-portrait', '1. Portrait du territoire'],
      ['rapport-action-sheets', '2. Fiches actions'],
    ]);
    for (const [anchor] of links) expect(html).toContain(`id="${anchor}"`);
  });

  it('the cover states territory, sponsor, date, author, version and that the figures are fictitious', () => {
    for (const text of ['CC du Pays de Mormal (53 communes)', 'Caf du Nord', '22 novembre 2026', 'Claire Dupont', 'Version 2', 'Données fictives : mission de démonstration.']) {
      expect(html).toContain(text);
    }
  });

  it('tables are read by screen readers with their caption, column headers and row headers, and secret figures keep their words', () => {
    expect(html).toContain('<caption>Tableau 1 – Taux de pauvreté. Source : INSEE, Filosofi 2021.</caption>');
    expect(html).toContain('<th scope="col" class="report-cell--left">Territoire</th>');
    expect(html).toContain('<th scope="col" class="report-cell--right">Taux de pauvreté</th>');
    expect(html).toContain('<th scope="row" class="report-cell--left">Landrecies</th>');
    expect(html).toContain('<td class="report-cell--right report-cell--secret">secret stat.</td>');
    expect(html).toContain('<td class="report-cell--right report-cell--missing">n.d.</td>');
  });

  it('a chart is drawn inline, named by its alternative text, with its source caption', () => {
    const figure = /<figure class="report-figure">(.*?)<\/figure>/s.exec(html)?.[1] ?? '';
    const svg = /<svg [^>]*>/.exec(figure)?.[0] ?? '';
    expect(svg).toContain(`aria-label="${ALT_TEXT}"`);
    expect(svg).toContain('role="img"');
    expect(figure.match(/role="img"/g)).toHaveLength(1);
    expect(figure).toContain('11,8 %');
    expect(figure).toContain('<figcaption>Figure 1 – Part des 75 ans et plus. Source : INSEE, RP 2021.</figcaption>');
  });

  it('a page break between two fiches actions is kept, and user text cannot inject markup', () => {
    expect(html).toContain('<div class="report-page-break" aria-hidden="true"></div>');
    expect(html).toContain('Centre social &lt;Landrecies&gt;');
    expect(html).toContain('<strong>Budget </strong>');
    expect(html).toContain('<em>à préciser</em>');
  });
});

describe('the printed pages’ running header', () => {
  it('prints the running header and the fictitious notice on two lines, and the kind and date beside the page number', () => {
    expect(runningTexts(REPORT)).toEqual({
      [RUNNING_HEADER_PROPERTY]: '"Pré-diagnostic du Pays de Mormal – Pré-diagnostic" "\\a " "Données fictives : mission de démonstration."',
      [RUNNING_FOOTER_PROPERTY]: '"Pré-diagnostic territorial – 22 novembre 2026"',
    });
    expect(runningTexts({ ...REPORT, cover: { ...REPORT.cover, fictitiousNotice: null } })[RUNNING_HEADER_PROPERTY]).toBe(
      '"Pré-diagnostic du Pays de Mormal – Pré-diagnostic"',
    );
  });

  it('a mission title with quotes, backslashes or markup cannot break the printed header’s CSS', () => {
    const escaped = cssString('Mission "test" \\ </style><script>');
    expect(escaped).not.toMatch(/<|>/);
    expect(escaped.slice(1, -1)).not.toMatch(/(^|[^\\])"/);
    expect(escaped).toBe('"Mission \\22 test\\22  \\5c  \\3c \\2f style\\3e \\3c script\\3e "');
  });
});
