/**
 * An .xlsx writer that streams: each row becomes SpreadsheetML at once and goes through fflate's
 * streaming deflater, so memory holds the compressed output and a few rows, never the whole sheet.
 * exceljs has such a writer only in its Node build; this one runs wherever the core runs (the
 * renderer bundles exceljs's browser build, which holds every cell of a workbook in memory).
 *
 * Strings are written inline (no shared-strings table, which would have to be kept whole until the
 * end). Styles are deduplicated into styles.xml, written with the workbook's other parts once every
 * sheet is done.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { StyleRegistry, type CellStyle } from './xlsx-styles';
import { cellText, columnLetters, escapeXml, excelDateSerial, quotedSheetName, uniqueSheetName } from './xlsx-xml';

export type { CellStyle } from './xlsx-styles';

export type CellValue = string | number | Date | boolean | null;

export interface StyledCell extends CellStyle {
  /** With a formula: its result as last computed, shown by viewers that do not recalculate. */
  value: CellValue;
  /** Without the leading "=", e.g. "SUM(B5:B9)". */
  formula?: string;
}

export type Cell = CellValue | StyledCell;

export interface ColumnSpec {
  /** In characters of the default font, as Excel counts a column's width. */
  width: number;
  /** Format of this column's numbers and dates when a cell does not give its own. */
  numFmt?: string;
}

export interface SheetOptions {
  columns: readonly ColumnSpec[];
  /** Rows kept in view while scrolling (the title and header rows). */
  frozenRows?: number;
  /** Columns kept in view while scrolling sideways (the label column). */
  frozenColumns?: number;
  /** Filter buttons on this row's cells, the filter covering every row below it. */
  autoFilter?: { headerRow: number };
  landscape?: boolean;
  /** This row printed again at the top of every page. */
  printTitleRow?: number;
}

export interface RowOptions {
  /** In points. */
  height?: number;
  /** Applied under each cell's own style (a header row's colours). */
  style?: CellStyle;
}

export interface StreamingSheet {
  /** The name as written: cleaned and made unique. */
  readonly name: string;
  /** Rows written so far. */
  readonly rowCount: number;
  /** Writes the next row; returns its number (1 for the first). */
  addRow(cells: readonly Cell[], options?: RowOptions): number;
  /** Closes the sheet; adding a sheet or finishing the workbook does it too. */
  end(): void;
}

export interface StreamingWorkbook {
  addSheet(name: string, options: SheetOptions): StreamingSheet;
  /** Writes the workbook's remaining parts; onData has then received the whole file. */
  finish(): Promise<void>;
}

export interface WorkbookProperties {
  title?: string;
  creator?: string;
  /** Defaults to now. */
  created?: Date;
}

export interface StreamingWorkbookOptions extends WorkbookProperties {
  /** Receives the file's bytes in order, as they are produced. */
  onData: (chunk: Uint8Array) => void;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIP_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIP_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';
/** Excel's "Normal" margins, in inches, as src-shared/export/xlsx-print.ts sets them. */
const MARGINS = '<pageMargins left="0.6" right="0.6" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
const A4_PAPER_SIZE = 9;
/** Text is deflated in pieces of about this many characters: fewer, larger pushes compress faster. */
const FLUSH_CHARACTERS = 64 * 1024;
/**
 * Deflating takes most of the writer's time (fflate is plain JavaScript). Level 3 halves it against
 * the usual 6 for a file about 10 % larger, still smaller than exceljs's own (measured by
 * `npm run bench -- xlsx-stream`).
 */
const DEFLATE_LEVEL = 3;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

interface SheetRecord {
  name: string;
  options: SheetOptions;
  lastRow: number;
  columnCount: number;
}

function isStyledCell(cell: Cell): cell is StyledCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

function hasStyle(style: CellStyle): boolean {
  return (
    style.numFmt !== undefined ||
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.size !== undefined ||
    style.color !== undefined ||
    style.fill !== undefined ||
    style.wrap !== undefined
  );
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Nombre invalide (${value}) : il ne peut pas être écrit dans le classeur.`);
  return String(value);
}

function inlineString(text: string): string {
  return `<is><t xml:space="preserve">${escapeXml(cellText(text))}</t></is>`;
}

function checkedCount(value: number | undefined, label: string, max: number): number {
  const count = value ?? 0;
  if (!Number.isInteger(count) || count < 0 || count > max) throw new RangeError(`${label} invalide : ${value}.`);
  return count;
}

function checkedRowNumber(value: number, label: string): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_ROWS) throw new RangeError(`${label} invalide : ${value}.`);
}

function sheetViewXml(frozenRows: number, frozenColumns: number, selected: boolean): string {
  const tabSelected = selected ? ' tabSelected="1"' : '';
  if (frozenRows === 0 && frozenColumns === 0) return `<sheetViews><sheetView workbookViewId="0"${tabSelected}/></sheetViews>`;
  const pane = frozenRows > 0 && frozenColumns > 0 ? 'bottomRight' : frozenRows > 0 ? 'bottomLeft' : 'topRight';
  const topLeftCell = `${columnLetters(frozenColumns + 1)}${frozenRows + 1}`;
  const splits = `${frozenColumns > 0 ? ` xSplit="${frozenColumns}"` : ''}${frozenRows > 0 ? ` ySplit="${frozenRows}"` : ''}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"${tabSelected}>` +
    `<pane${splits} topLeftCell="${topLeftCell}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeftCell}" sqref="${topLeftCell}"/>` +
    '</sheetView></sheetViews>'
  );
}

function columnsXml(columns: readonly ColumnSpec[]): string {
  if (columns.length === 0) return '';
  const cols = columns.map((column, index) => {
    if (!(column.width > 0 && column.width <= 255)) throw new RangeError(`Largeur de colonne invalide : ${column.width}.`);
    return `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"/>`;
  });
  return `<cols>${cols.join('')}</cols>`;
}

function filterRange(sheet: SheetRecord): string | null {
  const filter = sheet.options.autoFilter;
  if (!filter) return null;
  const lastColumn = columnLetters(Math.max(1, sheet.options.columns.length, sheet.columnCount));
  return `$A$${filter.headerRow}:$${lastColumn}$${Math.max(filter.headerRow, sheet.lastRow)}`;
}

function documentPropertiesXml(properties: WorkbookProperties): { core: string; app: string } {
  const created = (properties.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const creator = escapeXml(properties.creator ?? 'Bocage');
  const core =
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (properties.title ? `<dc:title>${escapeXml(properties.title)}</dc:title>` : '') +
    `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
    '</cp:coreProperties>';
  const app =
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Bocage</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    '</Properties>';
  return { core, app };
}

function workbookXml(sheets: readonly SheetRecord[]): string {
  const definedNames = sheets.flatMap((sheet, index) => {
    const names: string[] = [];
    const range = filterRange(sheet);
    if (range) {
      names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(quotedSheetName(sheet.name))}!${range}</definedName>`);
    }
    const titleRow = sheet.options.printTitleRow;
    if (titleRow !== undefined) {
      names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(quotedSheetName(sheet.name))}!$${titleRow}:$${titleRow}</definedName>`);
    }
    return names;
  });
  return (
    XML_DECLARATION +
    `<workbook xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIP_NAMESPACE}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets.map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('')}</sheets>` +
    (definedNames.length > 0 ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
    '</workbook>'
  );
}

function workbookRelationshipsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) => `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIP_NAMESPACE}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  );
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${PACKAGE_RELATIONSHIP_NAMESPACE}">${sheets.join('')}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${RELATIONSHIP_NAMESPACE}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

const ROOT_RELATIONSHIPS =
  XML_DECLARATION +
  `<Relationships xmlns="${PACKAGE_RELATIONSHIP_NAMESPACE}">` +
  `<Relationship Id="rId1" Type="${RELATIONSHIP_NAMESPACE}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${RELATIONSHIP_NAMESPACE}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

/** One part of the package, deflated as its text arrives. */
class DeflatedPart {
  private readonly file: ZipDeflate;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(zip: Zip, path: string) {
    this.file = new ZipDeflate(path, { level: DEFLATE_LEVEL });
    zip.add(this.file);
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_CHARACTERS) this.flush(false);
  }

  end(): void {
    this.flush(true);
  }

  private flush(final: boolean): void {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.file.push(strToU8(text), final);
  }
}

function writeWholePart(zip: Zip, path: string, text: string): void {
  const part = new DeflatedPart(zip, path);
  part.write(text);
  part.end();
}

/**
 * Starts a workbook whose bytes go to `onData` as they are produced. Sheets are written one after
 * the other, rows top to bottom: a sheet cannot be reopened once the next one is added.
 */
export function createStreamingWorkbook(options: StreamingWorkbookOptions): StreamingWorkbook {
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else options.onData(chunk);
  });
  const styles = new StyleRegistry();
  const sheets: SheetRecord[] = [];
  const takenNames = new Set<string>();
  let openSheet: { record: SheetRecord; close: () => void } | null = null;

  function throwIfFailed(): void {
    if (failure) throw failure;
  }

  function closeOpenSheet(): void {
    const current = openSheet;
    openSheet = null;
    current?.close();
  }

  function addSheet(requestedName: string, sheetOptions: SheetOptions): StreamingSheet {
    if (finished) throw new Error('Le classeur est déjà terminé : aucune feuille ne peut y être ajoutée.');
    closeOpenSheet();
    const frozenRows = checkedCount(sheetOptions.frozenRows, 'Nombre de lignes figées', MAX_ROWS - 1);
    const frozenColumns = checkedCount(sheetOptions.frozenColumns, 'Nombre de colonnes figées', MAX_COLUMNS - 1);
    if (sheetOptions.autoFilter) checkedRowNumber(sheetOptions.autoFilter.headerRow, 'Ligne des filtres');
    if (sheetOptions.printTitleRow !== undefined) checkedRowNumber(sheetOptions.printTitleRow, 'Ligne répétée à l’impression');
    const name = uniqueSheetName(requestedName, takenNames, `Feuille ${sheets.length + 1}`);
    takenNames.add(name.toLocaleLowerCase('fr-FR'));
    const record: SheetRecord = { name, options: sheetOptions, lastRow: 0, columnCount: 0 };
    sheets.push(record);
    const part = new DeflatedPart(zip, `xl/worksheets/sheet${sheets.length}.xml`);
    part.write(
      XML_DECLARATION +
        `<worksheet xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIP_NAMESPACE}">` +
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
        sheetViewXml(frozenRows, frozenColumns, sheets.length === 1) +
        '<sheetFormatPr defaultRowHeight="12.75"/>' +
        columnsXml(sheetOptions.columns) +
        '<sheetData>',
    );
    // Column letters and each column's default number format, worked out once per sheet.
    const letters: string[] = [];
    const letter = (index: number): string => (letters[index] ??= columnLetters(index + 1));
    const columnFormats = sheetOptions.columns.map((column) => column.numFmt);
    let closed = false;

    // Style of a bare number or date in each column: most cells of a large sheet are bare.
    const bareNumberStyles: number[] = [];
    const bareDateStyles: number[] = [];
    const bareStyleId = (value: number | Date, columnIndex: number): number => {
      const cache = typeof value === 'number' ? bareNumberStyles : bareDateStyles;
      let id = cache[columnIndex];
      if (id === undefined) {
        const numFmt = columnFormats[columnIndex] ?? (typeof value === 'number' ? undefined : DEFAULT_DATE_FORMAT);
        id = numFmt === undefined ? 0 : styles.styleId({ numFmt });
        cache[columnIndex] = id;
      }
      return id;
    };

    function styleIdOf(cell: Cell, value: CellValue, columnIndex: number, rowStyle: CellStyle | undefined): number {
      if (!rowStyle && !isStyledCell(cell)) return typeof value === 'number' || value instanceof Date ? bareStyleId(value, columnIndex) : 0;
      const look: CellStyle = { ...rowStyle, ...(isStyledCell(cell) ? ownStyle(cell) : {}) };
      if (look.numFmt === undefined && (typeof value === 'number' || value instanceof Date)) {
        look.numFmt = columnFormats[columnIndex] ?? (value instanceof Date ? DEFAULT_DATE_FORMAT : undefined);
      }
      return hasStyle(look) ? styles.styleId(look) : 0;
    }

    function cellXml(cell: Cell, reference: string, columnIndex: number, rowStyle: CellStyle | undefined): string {
      const styled = isStyledCell(cell) ? cell : null;
      const value = styled ? styled.value : (cell as CellValue);
      const styleId = styleIdOf(cell, value, columnIndex, rowStyle);
      const s = styleId === 0 ? '' : ` s="${styleId}"`;
      const formula = styled?.formula === undefined ? '' : `<f>${escapeXml(styled.formula.replace(/^=/, ''))}</f>`;
      if (value === null) return formula !== '' ? `<c r="${reference}"${s}>${formula}</c>` : styleId === 0 ? '' : `<c r="${reference}"${s}/>`;
      if (typeof value === 'number') return `<c r="${reference}"${s}>${formula}<v>${numberText(value)}</v></c>`;
      if (value instanceof Date) return `<c r="${reference}"${s}>${formula}<v>${excelDateSerial(value)}</v></c>`;
      if (typeof value === 'boolean') return `<c r="${reference}"${s} t="b">${formula}<v>${value ? 1 : 0}</v></c>`;
      if (formula !== '') return `<c r="${reference}"${s} t="str">${formula}<v>${escapeXml(cellText(value))}</v></c>`;
      return `<c r="${reference}"${s} t="inlineStr">${inlineString(value)}</c>`;
    }

    const sheet: StreamingSheet = {
      name,
      get rowCount() {
        return record.lastRow;
      },
      addRow(cells, rowOptions) {
        if (closed) throw new Error(`La feuille « ${name} » est terminée : aucune ligne ne peut y être ajoutée.`);
        throwIfFailed();
        if (record.lastRow >= MAX_ROWS) throw new RangeError(`La feuille « ${name} » dépasse ${MAX_ROWS} lignes, la limite d’Excel.`);
        if (cells.length > MAX_COLUMNS) throw new RangeError(`Une ligne de la feuille « ${name} » dépasse ${MAX_COLUMNS} colonnes.`);
        const rowNumber = record.lastRow + 1;
        const height = rowOptions?.height;
        if (height !== undefined && !(height > 0 && height <= 409)) throw new RangeError(`Hauteur de ligne invalide : ${height}.`);
        let xml = height === undefined ? `<row r="${rowNumber}">` : `<row r="${rowNumber}" ht="${height}" customHeight="1">`;
        for (let index = 0; index < cells.length; index += 1) {
          xml += cellXml(cells[index] ?? null, `${letter(index)}${rowNumber}`, index, rowOptions?.style);
        }
        // Counted once written: a row refused halfway (a cell that is not a number) leaves no gap.
        part.write(`${xml}</row>`);
        record.lastRow = rowNumber;
        record.columnCount = Math.max(record.columnCount, cells.length);
        return rowNumber;
      },
      end() {
        if (openSheet?.record === record) openSheet = null;
        if (closed) return;
        closed = true;
        const range = filterRange(record);
        const printSetup = `<pageSetup paperSize="${A4_PAPER_SIZE}" orientation="${sheetOptions.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`;
        part.write(
          '</sheetData>' +
            (range ? `<autoFilter ref="${range.replace(/\$/g, '')}"/>` : '') +
            MARGINS +
            printSetup +
            '<headerFooter><oddFooter>&amp;C&amp;8Page &amp;P sur &amp;N</oddFooter></headerFooter>' +
            '</worksheet>',
        );
        part.end();
        throwIfFailed();
      },
    };
    openSheet = { record, close: () => sheet.end() };
    return sheet;
  }

  return {
    addSheet,
    async finish() {
      if (finished) return;
      closeOpenSheet();
      if (sheets.length === 0) throw new Error('Un classeur doit contenir au moins une feuille.');
      finished = true;
      const properties = documentPropertiesXml(options);
      writeWholePart(zip, 'xl/styles.xml', styles.toXml());
      writeWholePart(zip, 'xl/workbook.xml', workbookXml(sheets));
      writeWholePart(zip, 'xl/_rels/workbook.xml.rels', workbookRelationshipsXml(sheets.length));
      writeWholePart(zip, 'docProps/core.xml', properties.core);
      writeWholePart(zip, 'docProps/app.xml', properties.app);
      writeWholePart(zip, '_rels/.rels', ROOT_RELATIONSHIPS);
      writeWholePart(zip, '[Content_Types].xml', contentTypesXml(sheets.length));
      zip.end();
      throwIfFailed();
    },
  };
}

/** A cell's own look, without the keys it leaves unset (they must not hide its row's). */
function ownStyle(cell: StyledCell): CellStyle {
  const look: CellStyle = {};
  if (cell.numFmt !== undefined) look.numFmt = cell.numFmt;
  if (cell.bold !== undefined) look.bold = cell.bold;
  if (cell.italic !== undefined) look.italic = cell.italic;
  if (cell.size !== undefined) look.size = cell.size;
  if (cell.color !== undefined) look.color = cell.color;
  if (cell.fill !== undefined) look.fill = cell.fill;
  if (cell.wrap !== undefined) look.wrap = cell.wrap;
  return look;
}

/** Builds a workbook in memory: the compressed file, for callers that hand over bytes (a save dialog). */
export async function streamWorkbookToBytes(
  build: (workbook: StreamingWorkbook) => void | Promise<void>,
  properties: WorkbookProperties = {},
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const workbook = createStreamingWorkbook({
    ...properties,
    onData: (chunk) => {
      chunks.push(chunk);
      length += chunk.length;
    },
  });
  await build(workbook);
  await workbook.finish();
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
