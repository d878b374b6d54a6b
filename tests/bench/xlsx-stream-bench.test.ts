import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchRows, loadWriter, readBack, XLSX_STREAM_MODES } from '../../scripts/bench/xlsx-stream-writers';

const ROWS = 2_000;

describe('the xlsx-stream benchmark', () => {
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'bocage-xlsx-stream-bench-'));
  });

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('feeds both writers the same rows, with secret shares, and both files read back whole with the same last row', async () => {
    const rows = [...benchRows(ROWS)];
    expect([...benchRows(ROWS)]).toEqual(rows);
    expect(rows.filter((row) => row.share === null).length).toBeGreaterThan(ROWS * 0.04);
    const readBacks = [];
    for (const mode of XLSX_STREAM_MODES) {
      const path = join(workDir, `${mode}.xlsx`);
      let samples = 0;
      await (await loadWriter(mode))(path, ROWS, () => (samples += 1));
      expect(samples).toBeGreaterThan(1);
      readBacks.push(await readBack(path));
    }
    const last = rows[ROWS - 1];
    for (const { dataRows, lastRow } of readBacks) {
      expect(dataRows).toBe(ROWS);
      expect(lastRow).toEqual([last?.code, last?.commune, last?.indicator, last?.year, last?.value, last?.share ?? 'secret stat.', last?.updatedAt, last?.source]);
    }
  });
});
