/**
 * The Word pre-diagnostic benchmark: the demo mission at the scale (30 communes, 40
 * indicators, 20 fiches actions, 3 boards of 60 cards), written by Bocage (the report builder, then
 * the Word writer) against the same report packed by the bare `docx` library with no styling.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, ImageRun, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { BENCHMARK_DEMO_SCALE } from '../../src-shared/demo/demo-mission';
import type { MissionDeliverableSource } from '../../src-shared/export/deliverables/deliverable-source';
import { buildPreDiagnosticReport } from '../../src-shared/export/report/pre-diagnostic-content';
import { barChartSvg } from '../../src-shared/export/report/report-chart-svg';
import { buildPreDiagnosticDocx } from '../../src-shared/export/report/report-docx';
import { numberedSectionTitle, type InlineRun, type ReportBlock, type ReportDocument } from '../../src-shared/export/report/report-model';
import { defaultSectionChoices, type PreDiagnosticOptions } from '../../src-shared/export/report/report-options';
import type { SvgRasterizer } from '../../src-shared/export/report/svg-rasterizer';
import { convertToPdf, pdfPageCount } from '../../tests/helpers/libreoffice';
import { DEMO_AUTHOR_NAME } from '../../src-shared/demo/demo-people';
import { DEMO_EXPORT_NOW, demoDeliverableSource } from '../export/demo-source';
import { rasterizeSvgInNode } from '../export/node-svg-rasterizer';
import { loadAverage1m, runCount, type Log } from './bench-environment';
import { ratio, roundMs, summarize } from './statistics';

const DEFAULT_RUNS = 7;
/** Ours renders charts at twice their size; the bare document embeds the very same PNGs. */
const CHART_SCALE = 2;

interface RenderedChart {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * Every chart of the report, rasterized once: both writers are then timed on packing the same
 * PNGs, and the rasterization (resvg, a cost both would pay) is reported on its own.
 */
async function renderCharts(report: ReportDocument): Promise<{ charts: Map<string, RenderedChart>; ms: number }> {
  const started = performance.now();
  const charts = new Map<string, RenderedChart>();
  for (const section of report.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'figure') continue;
      const drawing = barChartSvg(block.chart);
      const png = await rasterizeSvgInNode(drawing.svg, { width: drawing.width, height: drawing.height, scale: CHART_SCALE });
      // The charts are narrower than an A4 text width: both documents show them at their own size.
      charts.set(drawing.svg, { png, width: drawing.width, height: drawing.height });
    }
  }
  return { charts, ms: performance.now() - started };
}

function runs(items: readonly InlineRun[]): TextRun[] {
  return items.map((run) => new TextRun({ text: run.text, bold: run.bold, italics: run.italics }));
}

function textParagraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}

/** The baseline: each block as the plainest docx object that carries its text or image. */
function bareBlock(block: ReportBlock, charts: ReadonlyMap<string, RenderedChart>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [textParagraph(block.text)];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.runs) })];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ children: runs(item) }));
    case 'table': {
      const header = new TableRow({ children: block.columns.map((column) => new TableCell({ children: [textParagraph(column.header)] })) });
      const rows = block.rows.map(
        (row) => new TableRow({ children: row.map((cell) => new TableCell({ columnSpan: cell.columnSpan, children: [textParagraph(cell.text)] })) }),
      );
      return [new Table({ rows: [header, ...rows] }), ...(block.caption ? [textParagraph(block.caption)] : [])];
    }
    case 'fields':
      return [
        new Table({
          rows: block.rows.map(
            (row) => new TableRow({ children: [new TableCell({ children: [textParagraph(row.label)] }), new TableCell({ children: [textParagraph(row.value)] })] }),
          ),
        }),
      ];
    case 'figure': {
      const chart = charts.get(barChartSvg(block.chart).svg);
      if (!chart) throw new Error(`Graphique non dessiné : « ${block.chart.title} ».`);
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: chart.png,
              transformation: { width: chart.width, height: chart.height },
              altText: { name: block.chart.title, title: block.chart.title, description: block.altText },
            }),
          ],
        }),
        textParagraph(block.caption),
      ];
    }
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/**
 * `withPageEstimate`: the same bare document, laid out by docx's page estimator as Bocage's writer
 * asks it to (to print the table of contents' page numbers): what that estimate costs on its own.
 */
async function bareDocx(report: ReportDocument, charts: ReadonlyMap<string, RenderedChart>, withPageEstimate = false): Promise<Uint8Array> {
  const { cover } = report;
  const coverLines = [cover.kind, cover.title, cover.territory, cover.sponsor, cover.date, cover.author, cover.version, cover.fictitiousNotice ?? ''];
  const children = [
    ...coverLines.filter((line) => line !== '').map(textParagraph),
    new Paragraph({ children: [new PageBreak()] }),
    ...report.sections.flatMap((section, index) => [textParagraph(numberedSectionTitle(section, index)), ...section.blocks.flatMap((block) => bareBlock(block, charts))]),
  ];
  const pageNumbers = withPageEstimate ? estimatePageNumbers : undefined;
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }], pageNumbers })));
}

async function oursDocx(source: MissionDeliverableSource, options: PreDiagnosticOptions, rasterize: SvgRasterizer): Promise<{ bytes: Uint8Array; reportMs: number }> {
  const started = performance.now();
  const report = buildPreDiagnosticReport(source, options);
  const reportMs = performance.now() - started;
  return { bytes: await buildPreDiagnosticDocx(report, { rasterize, chartSvg: barChartSvg }), reportMs };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

async function pages(bytes: Uint8Array, name: string, workDir: string): Promise<number> {
  const path = join(workDir, name);
  writeFileSync(path, bytes);
  return pdfPageCount(await convertToPdf(path, join(workDir, 'pdf'), 180_000));
}

export async function runDocxBench(workDir: string, log: Log) {
  const loadAverage1mAtStart = loadAverage1m();
  const count = runCount(DEFAULT_RUNS);
  log(`Pré-diagnostic Word : mission exemple à l’échelle du benchmark, ${count} passages de chaque écriture…`);
  const source = demoDeliverableSource(BENCHMARK_DEMO_SCALE);
  const generatedAt = new Date(DEMO_EXPORT_NOW);
  const options: PreDiagnosticOptions = { sections: defaultSectionChoices(), author: DEMO_AUTHOR_NAME, version: 'Version 1', generatedAt };
  const report = buildPreDiagnosticReport(source, options);
  const { charts, ms: chartsMs } = await renderCharts(report);
  const cachedRasterizer: SvgRasterizer = async (svg) => {
    const chart = charts.get(svg);
    if (!chart) throw new Error('Graphique absent du cache du benchmark.');
    return chart.png;
  };

  // One of each first, left out: the modules' first run compiles their code.
  await oursDocx(source, options, cachedRasterizer);
  await bareDocx(report, charts);
  await bareDocx(report, charts, true);
  const ours: number[] = [];
  const oursReport: number[] = [];
  const bare: number[] = [];
  const bareEstimated: number[] = [];
  let oursBytes: Uint8Array = new Uint8Array();
  let bareBytes: Uint8Array = new Uint8Array();
  for (let run = 0; run < count; run += 1) {
    const measureOurs = async () => {
      const { result, ms } = await timed(() => oursDocx(source, options, cachedRasterizer));
      ours.push(ms);
      oursReport.push(result.reportMs);
      oursBytes = result.bytes;
    };
    const measureBare = async () => {
      const { result, ms } = await timed(() => bareDocx(report, charts));
      bare.push(ms);
      bareBytes = result;
      bareEstimated.push((await timed(() => bareDocx(report, charts, true))).ms);
    };
    if (run % 2 === 0) {
      await measureOurs();
      await measureBare();
    } else {
      await measureBare();
      await measureOurs();
    }
  }

  log('Pré-diagnostic Word : comptage des pages avec LibreOffice (hors mesure)…');
  const figures = report.sections.flatMap((section) => section.blocks.filter((block) => block.kind === 'figure')).length;
  const summaries = { ours: summarize(ours), bare: summarize(bare), bareEstimated: summarize(bareEstimated) };
  return {
    loadAverage1mAtStart,
    settings: { runs: count, scale: BENCHMARK_DEMO_SCALE, sections: report.sections.length, figures },
    document: {
      pages: { ours: await pages(oursBytes, 'bocage.docx', workDir), bare: await pages(bareBytes, 'docx-nu.docx', workDir) },
      bytes: { ours: oursBytes.byteLength, bare: bareBytes.byteLength },
    },
    bocage: { wallMs: summaries.ours, reportMs: summarize(oursReport) },
    bareDocx: { wallMs: summaries.bare, withPageEstimateMs: summaries.bareEstimated },
    chartsRasterizeMs: roundMs(chartsMs),
    ratio: { wallMs: ratio(summaries.ours, summaries.bare), wallMsVsBareWithPageEstimate: ratio(summaries.ours, summaries.bareEstimated) },
  };
}
