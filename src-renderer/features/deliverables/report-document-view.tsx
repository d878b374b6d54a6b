import type { CSSProperties, MouseEvent, ReactNode } from 'react';
import { escapeXml } from '@shared/boards/board-svg';
import { barChartSvg } from '@shared/export/report/report-chart-svg';
import { numberedSectionTitle, type InlineRun, type ReportBlock, type ReportCell, type ReportColumn, type ReportDocument, type ReportSection } from '@shared/export/report/report-model';

/**
 * The pre-diagnostic as a web page: the same ReportDocument the Word file is written from, as
 * semantic HTML (the cover title is the h1, each section an h2 like Word's « Titre 1 »), laid out
 * on A4 sheets on screen and paginated by the print style sheet (deliverables.css).
 */

export function sectionAnchor(section: Pick<ReportSection, 'id'>): string {
  return `rapport-${section.id}`;
}


function Runs({ runs }: { runs: readonly InlineRun[] }) {
  return runs.map((run, index) => {
    let content: ReactNode = run.text;
    if (run.italics) content = <em>{content}</em>;
    if (run.bold) content = <strong>{content}</strong>;
    return <span key={index}>{content}</span>;
  });
}

function cellClassName(cell: ReportCell, column: ReportColumn | undefined): string {
  const align = cell.align ?? column?.align ?? 'left';
  return [`report-cell--${align}`, cell.tone && cell.tone !== 'normal' ? `report-cell--${cell.tone}` : ''].filter(Boolean).join(' ');
}

function columnWidths(columns: readonly ReportColumn[]): CSSProperties[] {
  const total = columns.reduce((sum, column) => sum + column.weight, 0) || 1;
  return columns.map((column) => ({ width: `${((column.weight / total) * 100).toFixed(2)}%` }));
}

/** Header rows beyond the column titles are the first data rows: they repeat on every printed page too. */
function ReportTable({ block }: { block: Extract<ReportBlock, { kind: 'table' }> }) {
  const extraHeaderRows = Math.max(0, (block.headerRowCount ?? 1) - 1);
  const headRows = block.rows.slice(0, extraHeaderRows);
  const bodyRows = block.rows.slice(extraHeaderRows);
  return (
    <table className="report-table">
      {block.caption && <caption>{block.caption}</caption>}
      <colgroup>
        {columnWidths(block.columns).map((style, index) => (
          <col key={index} style={style} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {block.columns.map((column, index) => (
            <th key={index} scope="col" className={`report-cell--${column.align ?? 'left'}`}>
              {column.header}
            </th>
          ))}
        </tr>
        {headRows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, index) => (
              <th key={index} scope="col" colSpan={cell.columnSpan} className={cellClassName(cell, block.columns[index])}>
                {cell.text}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {bodyRows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, index) => {
              const className = cellClassName(cell, block.columns[index]);
              // The first column names the row (a territory, an indicator): a row header for screen readers.
              return index === 0 ? (
                <th key={index} scope="row" colSpan={cell.columnSpan} className={className}>
                  {cell.text}
                </th>
              ) : (
                <td key={index} colSpan={cell.columnSpan} className={className}>
                  {cell.text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The core's own drawing, the one the Word file embeds as an image (the core escapes its text),
 * named by the figure's alternative text: the drawing is already role="img", it needs its label.
 */
function labelledChartSvg(block: Extract<ReportBlock, { kind: 'figure' }>): string {
  return barChartSvg(block.chart).svg.replace(/^<svg /, `<svg aria-label="${escapeXml(block.altText)}" `);
}

function ReportFigure({ block }: { block: Extract<ReportBlock, { kind: 'figure' }> }) {
  return (
    <figure className="report-figure">
      <div className="report-figure__chart" dangerouslySetInnerHTML={{ __html: labelledChartSvg(block) }} />
      <figcaption>{block.caption}</figcaption>
    </figure>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case 'heading': {
      // Word's « Titre 1 » is the section's own h2: a block's level n is one below, h(n+1).
      const Heading = (['h2', 'h3', 'h4'] as const)[block.level - 1] ?? 'h4';
      return <Heading className="report-heading">{block.text}</Heading>;
    }
    case 'paragraph':
      if (block.look === 'quote') {
        return (
          <blockquote className="report-quote">
            <p>
              <Runs runs={block.runs} />
            </p>
          </blockquote>
        );
      }
      return (
        <p className={`report-paragraph report-paragraph--${block.look ?? 'normal'}`}>
          <Runs runs={block.runs} />
        </p>
      );
    case 'bullets':
      return (
        <ul className="report-bullets">
          {block.items.map((item, index) => (
            <li key={index}>
              <Runs runs={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return <ReportTable block={block} />;
    case 'fields':
      return (
        <table className="report-fields">
          <tbody>
            {block.rows.map((row, index) => (
              <tr key={index}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'figure':
      return <ReportFigure block={block} />;
    case 'page-break':
      return <div className="report-page-break" aria-hidden="true" />;
  }
}

function SectionView({ section, index }: { section: ReportSection; index: number }) {
  const anchor = sectionAnchor(section);
  return (
    <section id={anchor} className="report-sheet report-section" aria-labelledby={`${anchor}-titre`}>
      <h2 id={`${anchor}-titre`} className="report-section__title" tabIndex={-1}>
        {numberedSectionTitle(section, index)}
      </h2>
      {section.blocks.map((block, blockIndex) => (
        <Block key={blockIndex} block={block} />
      ))}
    </section>
  );
}

const COVER_FACTS: readonly { label: string; field: 'territory' | 'sponsor' | 'date' | 'author' | 'version' }[] = [
  { label: 'Territoire', field: 'territory' },
  { label: 'Commanditaire', field: 'sponsor' },
  { label: 'Date', field: 'date' },
  { label: 'Auteur', field: 'author' },
  { label: 'Version', field: 'version' },
];

/**
 * The sommaire's links move the focus to the section's heading: the address bar already holds the
 * app's route after its « # », so a plain in-page link would navigate away from the preview.
 */
function goToSection(event: MouseEvent<HTMLAnchorElement>, anchor: string) {
  event.preventDefault();
  const heading = document.getElementById(`${anchor}-titre`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

export function ReportDocumentView({ report }: { report: ReportDocument }) {
  const { cover } = report;
  return (
    <article className="report-document" aria-labelledby="rapport-titre">
      <section className="report-sheet report-cover">
        <p className="report-cover__kind">{cover.kind}</p>
        <h1 id="rapport-titre" className="report-cover__title">
          {cover.title}
        </h1>
        {cover.fictitiousNotice && <p className="report-cover__notice">{cover.fictitiousNotice}</p>}
        <dl className="report-cover__facts">
          {COVER_FACTS.filter(({ field }) => cover[field].trim() !== '').map(({ label, field }) => (
            <div key={field}>
              <dt>{label}</dt>
              <dd>{cover[field]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <nav className="report-sheet report-contents" aria-labelledby="rapport-sommaire">
        <h2 id="rapport-sommaire">Sommaire</h2>
        {report.sections.length === 0 ? (
          <p>Aucune partie n’est incluse dans ce document.</p>
        ) : (
          <ol>
            {report.sections.map((section, index) => (
              <li key={section.id}>
                <a href={`#${sectionAnchor(section)}`} onClick={(event) => goToSection(event, sectionAnchor(section))}>
                  {numberedSectionTitle(section, index)}
                </a>
              </li>
            ))}
          </ol>
        )}
      </nav>
      {report.sections.map((section, index) => (
        <SectionView key={section.id} section={section} index={index} />
      ))}
    </article>
  );
}
