/**
 * The cell styles of a streamed workbook. Each distinct look gets one entry, whatever the number of
 * cells that use it, so styles.xml stays small; it is written last, once every style is known.
 */
import { escapeXml } from './xlsx-xml';

export interface CellStyle {
  /** An Excel number format code, e.g. '#,##0.0" %"' or 'dd/mm/yyyy'. */
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  /** In points; Bocage's tables use Arial 10. */
  size?: number;
  /** Text colour as "RRGGBB". */
  color?: string;
  /** Solid background as "RRGGBB". */
  fill?: string;
  /** Wraps the text in its column, aligned to the top of the row. */
  wrap?: boolean;
}

const FONT_NAME = 'Arial';
const DEFAULT_FONT_SIZE = 10;
const GENERAL_FORMAT = 'General';
/** Excel numbers its own formats below this; a workbook's formats start here. */
const FIRST_CUSTOM_FORMAT_ID = 164;
const COLOUR = /^[0-9A-F]{6}$/;

function colour(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const upper = value.replace(/^#/, '').toUpperCase();
  if (!COLOUR.test(upper)) throw new RangeError(`Couleur invalide « ${value} » : attendu RRGGBB.`);
  return upper;
}

interface FontKey {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string | undefined;
}

interface CellFormat {
  numFmtId: number;
  fontId: number;
  fillId: number;
  wrap: boolean;
}

/** Deduplicates fonts, fills, number formats and their combinations into numbered entries. */
export class StyleRegistry {
  private readonly formatIds = new Map<string, number>([[GENERAL_FORMAT, 0]]);
  private readonly fonts: FontKey[] = [{ bold: false, italic: false, size: DEFAULT_FONT_SIZE, color: undefined }];
  private readonly fontIds = new Map<string, number>([[JSON.stringify(this.fonts[0]), 0]]);
  /** Excel requires the first two fills to be "none" and "gray125". */
  private readonly fills: string[] = [];
  private readonly fillIds = new Map<string, number>();
  private readonly cellFormats: CellFormat[] = [{ numFmtId: 0, fontId: 0, fillId: 0, wrap: false }];
  private readonly cellFormatIds = new Map<string, number>([['0|0|0|false', 0]]);
  /** Styles as callers pass them, so a row of like cells costs one lookup per cell. */
  private readonly resolved = new Map<string, number>();

  /** The index of the cell format with this look (0: Arial 10, no format). */
  styleId(style: CellStyle): number {
    const cacheKey = `${style.numFmt ?? ''}\u0000${style.bold === true}\u0000${style.italic === true}\u0000${style.size ?? ''}\u0000${style.color ?? ''}\u0000${style.fill ?? ''}\u0000${style.wrap === true}`;
    const known = this.resolved.get(cacheKey);
    if (known !== undefined) return known;
    const format: CellFormat = {
      numFmtId: this.numberFormatId(style.numFmt ?? GENERAL_FORMAT),
      fontId: this.fontId({ bold: style.bold === true, italic: style.italic === true, size: style.size ?? DEFAULT_FONT_SIZE, color: colour(style.color) }),
      fillId: this.fillId(colour(style.fill)),
      wrap: style.wrap === true,
    };
    const formatKey = `${format.numFmtId}|${format.fontId}|${format.fillId}|${format.wrap}`;
    let id = this.cellFormatIds.get(formatKey);
    if (id === undefined) {
      id = this.cellFormats.length;
      this.cellFormats.push(format);
      this.cellFormatIds.set(formatKey, id);
    }
    this.resolved.set(cacheKey, id);
    return id;
  }

  private numberFormatId(code: string): number {
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT_ID + this.formatIds.size - 1;
      this.formatIds.set(code, id);
    }
    return id;
  }

  private fontId(font: FontKey): number {
    const key = JSON.stringify(font);
    let id = this.fontIds.get(key);
    if (id === undefined) {
      id = this.fonts.length;
      this.fonts.push(font);
      this.fontIds.set(key, id);
    }
    return id;
  }

  private fillId(fill: string | undefined): number {
    if (fill === undefined) return 0;
    let id = this.fillIds.get(fill);
    if (id === undefined) {
      id = this.fills.length + 2;
      this.fills.push(fill);
      this.fillIds.set(fill, id);
    }
    return id;
  }

  toXml(): string {
    const customFormats = [...this.formatIds].filter(([, id]) => id >= FIRST_CUSTOM_FORMAT_ID);
    const numFmts =
      customFormats.length === 0
        ? ''
        : `<numFmts count="${customFormats.length}">${customFormats.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts>`;
    const fonts = this.fonts
      .map(
        (font) =>
          `<font>${font.bold ? '<b/>' : ''}${font.italic ? '<i/>' : ''}<sz val="${font.size}"/>${font.color ? `<color rgb="FF${font.color}"/>` : ''}<name val="${FONT_NAME}"/><family val="2"/></font>`,
      )
      .join('');
    const fills = [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
      ...this.fills.map((fill) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${fill}"/><bgColor indexed="64"/></patternFill></fill>`),
    ];
    const cellXfs = this.cellFormats
      .map(({ numFmtId, fontId, fillId, wrap }) => {
        const applies = `${numFmtId > 0 ? ' applyNumberFormat="1"' : ''}${fontId > 0 ? ' applyFont="1"' : ''}${fillId > 0 ? ' applyFill="1"' : ''}`;
        return wrap
          ? `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`
          : `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}/>`;
      })
      .join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      `<fonts count="${this.fonts.length}">${fonts}</fonts>` +
      `<fills count="${fills.length}">${fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.cellFormats.length}">${cellXfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}
