import { describe, expect, it } from 'vitest';
import { inspect, utf8 } from './import-test-helpers';

const TARGET_BYTES = 50 * 1024 * 1024;

/** A national file of about 50 Mo: long names keep the cell count (and the test's memory) reasonable. */
function largeCsv(): { bytes: Uint8Array; rowCount: number } {
  const header = 'CODGEO;LIBGEO;P21_POP;TP6021\n';
  const lines: string[] = [header];
  let length = header.length;
  let rowCount = 0;
  while (length < TARGET_BYTES) {
    const code = String(1001 + (rowCount % 95_000)).padStart(5, '0');
    const line = `${code};Commune de démonstration numéro ${String(rowCount).padStart(7, '0')} en France;${rowCount % 90_000};${rowCount % 7 === 0 ? 's' : `${rowCount % 40},${rowCount % 10}`}\n`;
    lines.push(line);
    length += line.length;
    rowCount += 1;
  }
  return { bytes: utf8(lines.join('')), rowCount };
}

describe('a 50 Mo file', () => {
  it('is read whole with a moving progress bar, so the user sees it working and no row is lost', { timeout: 60_000 }, async () => {
    const { bytes, rowCount } = largeCsv();
    expect(bytes.length).toBeGreaterThanOrEqual(TARGET_BYTES);
    const progress: number[] = [];
    const inspection = await inspect(bytes, 'national.csv', { onProgress: (fraction) => progress.push(fraction) });

    expect(inspection.rows).toHaveLength(rowCount);
    expect(inspection.rowLines.at(-1)).toBe(rowCount + 1);
    expect(inspection.columns.map((column) => column.type)).toEqual(['geo-code', 'geo-name', 'number', 'number']);
    expect(inspection.columns[3]?.counts.secret).toBe(Math.ceil(rowCount / 7));

    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((fraction, index) => index === 0 || fraction > (progress[index - 1] ?? 0))).toBe(true);
    // Progress moves during the parse itself, not only at its start and end.
    expect(progress.filter((fraction) => fraction > 0.1 && fraction < 0.7).length).toBeGreaterThanOrEqual(5);
  });
});
