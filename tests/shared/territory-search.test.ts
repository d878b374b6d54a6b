import { beforeAll, describe, expect, test } from 'vitest';
import { expandGeography, type Geography } from '@shared/geography/geography';
import { createTerritorySearchIndex, type TerritoryOption, type TerritorySearchIndex } from '@shared/geography/territory-search';
import { loadCompactGeography } from '../../scripts/vite/geography-plugin';

let geography: Geography;
let index: TerritorySearchIndex;

beforeAll(() => {
  geography = expandGeography(loadCompactGeography());
  index = createTerritorySearchIndex(geography);
});

function first(query: string): TerritoryOption | undefined {
  return index.search(query)[0];
}

describe('the shipped geography', () => {
  test('holds every French commune and EPCI, each EPCI member being a known commune', () => {
    expect(geography.communes.length).toBeGreaterThan(34_000);
    expect(geography.epcis.length).toBeGreaterThan(1_200);
    const unknownMembers = geography.epcis.flatMap((epci) => epci.members).filter((code) => !geography.communeByCode.has(code));
    expect(unknownMembers).toEqual([]);
  });
});

describe('finding a territory', () => {
  test.each(['Ayen', 'ayen', 'AYEN', ' ayén '])('a commune is found by its name whatever the case and accents (%j)', (query) => {
    expect(first(query)).toMatchObject({ kind: 'commune', code: '19015', label: 'Ayen (19)' });
  });

  test.each(['saint etienne', 'Saint-Étienne', 'st-etienne', 'ST ETIENNE'])(
    'Saint-Étienne comes first when typing %j, before smaller namesakes',
    (query) => {
      expect(first(query)).toMatchObject({ kind: 'commune', code: '42218', label: 'Saint-Étienne (42)' });
    },
  );

  test('a commune is found by its INSEE code, Corsican codes included', () => {
    expect(first('2A004')).toMatchObject({ kind: 'commune', code: '2A004', label: 'Ajaccio (2A)' });
    expect(first('2a004')).toMatchObject({ code: '2A004' });
  });

  test('a commune is found by its postal code', () => {
    const option = first('80000');
    expect(option).toMatchObject({ kind: 'commune', code: '80021', label: 'Amiens (80)' });
    expect(option?.detail).toContain('80000');
  });

  test('an intercommunality is found by its name and brings its member communes', () => {
    const option = first('gresivaudan');
    expect(option).toMatchObject({ kind: 'epci', code: '200018166', label: 'CC Le Grésivaudan' });
    if (option?.kind !== 'epci') throw new Error('expected an EPCI');
    expect(option.epci.members.length).toBeGreaterThan(30);
    for (const member of option.epci.members) expect(geography.communeByCode.get(member)?.epci).toBe('200018166');
    expect(option.detail).toMatch(/^EPCI · \d+ communes · [\d\u202f]+ hab\.$/);
  });

  test('an intercommunality is found by its SIREN', () => {
    expect(first('200018166')).toMatchObject({ kind: 'epci', label: 'CC Le Grésivaudan' });
  });

  test.each(['zzzzqx', '', '   ', '-', '99999'])('a query matching nothing (%j) gives an empty list', (query) => {
    expect(index.search(query)).toEqual([]);
  });

  test('a broad query shows at most twenty suggestions, or the limit asked for', () => {
    expect(index.search('saint')).toHaveLength(20);
    expect(index.search('saint', 5)).toHaveLength(5);
  });

  test('a hundred searches, as typed letter by letter, take well under two seconds', () => {
    const typed = ['a', 'ay', 'aye', 'ayen', 'sa', 'sai', 'saint', 'saint e', 'st-et', 'br', 'bri', 'brive', '2', '2a', '2a0', '80', '800', '80000', 'cc', 'cc le'];
    // CPU time rather than wall time: other test files share the machine's cores.
    const started = process.cpuUsage();
    for (let round = 0; round < 5; round += 1) for (const query of typed) index.search(query);
    const spent = process.cpuUsage(started);
    expect((spent.user + spent.system) / 1_000).toBeLessThan(2_000);
  });
});
