import { describe, expect, it } from 'vitest';
import { INDICATOR_THEMES } from '@shared/diagnostic/indicator-definition';
import { importWithBocage } from '../../scripts/bench/import-modes';
import { benchMissionScope, benchMissionTerritory, loadGeography } from '../../scripts/bench/bench-mission-territory';
import { BENCH_YEARS, buildIndicatorMission } from '../../scripts/bench/indicator-mission';
import { syntheticInseeFile } from '../../scripts/bench/synthetic-insee-file';

describe('benchmark data', () => {
  const geography = loadGeography();

  it('the import benchmark times a file of the issue’s size, with secret cells, whose rows include the 30-commune mission', async () => {
    const bytes = syntheticInseeFile();
    expect(Buffer.from(bytes).equals(syntheticInseeFile())).toBe(true);
    const { kept, import: outcome } = await importWithBocage(bytes, 'insee-synthetique.csv', new Set(benchMissionScope(geography)));
    const { inspection } = kept;
    expect(inspection.rows).toHaveLength(35_000);
    expect(inspection.columns).toHaveLength(28);
    expect(inspection.decimalMark).toBe('comma');
    expect(inspection.missingMarkers.find((marker) => marker.meaning === 'secret')?.count).toBeGreaterThan(10_000);
    expect(inspection.rows.some(([code]) => code?.startsWith('2A'))).toBe(true);
    expect(outcome).toEqual({ mappedColumns: 21, rowsKept: 30, valuesWritten: 30 * 21, territoriesNotFound: 4 });
  });

  it('the indicator benchmark’s mission fills 40 rows over every theme, 5 years, 30 communes and their comparison territories', () => {
    const mission = benchMissionTerritory(geography);
    const data = buildIndicatorMission(geography, mission, 'Mission de test');
    expect(mission.territory.communes).toHaveLength(30);
    expect(data.rows).toBe(40);
    expect(data.tables.themes.map((theme) => theme.label)).toEqual(INDICATOR_THEMES.map((theme) => theme.label));
    expect(data.territories).toEqual({ communes: 30, comparisons: 4 });
    expect(data.valueCount).toBe(40 * BENCH_YEARS.length * 34);
    for (const row of data.tables.themes.flatMap((theme) => theme.rows)) {
      expect(row.comparisons).toHaveLength(4);
      expect(row.communes).toHaveLength(30);
    }
  });
});
