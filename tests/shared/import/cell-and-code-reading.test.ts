import { describe, expect, it } from 'vitest';
import { markerMeaning, parseNumber } from '@shared/import/cell-values';
import { codeAtLevel, geoHeaderHint, joinSplitCommuneCode, resolveGeoCode } from '@shared/import/geo-codes';

describe('reading a figure the way French files write it', () => {
  it.each([
    ['25820', 'comma', 25820],
    ['42,0', 'comma', 42],
    ['-14,8', 'comma', -14.8],
    ['\u221214,8', 'comma', -14.8],
    ['1 234,5', 'comma', 1234.5],
    ['1\u00a0234,5', 'comma', 1234.5],
    ['12\u202f345', 'comma', 12345],
    ['1.234.567,8', 'comma', 1234567.8],
    ['1.234', 'comma', 1234],
    ['42.5', 'comma', 42.5],
    ['12,5 %', 'comma', 12.5],
    ['0', 'comma', 0],
    ['15.95', 'point', 15.95],
    ['16,339', 'point', 16339],
    ['1,234.5', 'point', 1234.5],
    ['42,5', 'point', 42.5],
    ['1e-7', 'point', 1e-7],
  ] as const)('"%s" with a decimal %s is %d', (cell, mark, expected) => {
    expect(parseNumber(cell, mark)).toBe(expected);
  });

  it.each(['', 'abc', '12abc', '1 23', '1,2,3', '12,3.4,5', ',', '-', 's'])('"%s" is not a figure', (cell) => {
    expect(parseNumber(cell, 'comma')).toBeNull();
  });

  it('markers are recognised whatever their case and spacing, and a figure is not a marker', () => {
    expect(markerMeaning('S')).toBe('secret');
    expect(markerMeaning('n/a  -  secret statistique')).toBe('secret');
    expect(markerMeaning('N/A - Résultat non disponible')).toBe('missing');
    expect(markerMeaning('0')).toBeNull();
    expect(markerMeaning('Angers')).toBeNull();
  });
});

describe('geographic codes', () => {
  it('a code that lost its leading zero in a spreadsheet gets it back, at each level', () => {
    expect(codeAtLevel('1001', 'commune')).toEqual({ code: '01001', repaired: true });
    expect(codeAtLevel('1', 'departement')).toEqual({ code: '01', repaired: true });
    expect(codeAtLevel('4', 'region')).toEqual({ code: '04', repaired: true });
    expect(codeAtLevel('2a004', 'commune')).toEqual({ code: '2A004', repaired: false });
    expect(codeAtLevel('200071876', 'epci')).toEqual({ code: '200071876', repaired: false });
    expect(codeAtLevel('ZZZZZZZZZ', 'epci')).toBeNull();
  });

  it('split département and commune columns make the commune code, overseas included', () => {
    expect(joinSplitCommuneCode('49', '002')).toEqual({ code: '49002', repaired: false });
    expect(joinSplitCommuneCode('1', '1')).toEqual({ code: '01001', repaired: true });
    expect(joinSplitCommuneCode('2B', '033')).toEqual({ code: '2B033', repaired: false });
    expect(joinSplitCommuneCode('974', '422')).toEqual({ code: '97422', repaired: false });
    expect(joinSplitCommuneCode('971', '01')).toEqual({ code: '97101', repaired: false });
    expect(joinSplitCommuneCode('49', 'Angers')).toBeNull();
  });

  it('INSEE prefixes and names of France tell the level of a code', () => {
    expect(resolveGeoCode('COM-49007', null)?.candidates).toEqual([{ level: 'commune', code: '49007' }]);
    expect(resolveGeoCode('EPCI-200071876', null)?.candidates).toEqual([{ level: 'epci', code: '200071876' }]);
    expect(resolveGeoCode('DEP-2A', null)?.candidates).toEqual([{ level: 'departement', code: '2A' }]);
    expect(resolveGeoCode('REG-52', null)?.candidates).toEqual([{ level: 'region', code: '52' }]);
    for (const france of ['FR', 'France', 'FRANCE', 'FE', 'FRA']) {
      expect(resolveGeoCode(france, null)?.candidates).toEqual([{ level: 'france', code: 'FR' }]);
    }
    expect(resolveGeoCode('52', null)?.candidates).toEqual([
      { level: 'departement', code: '52' },
      { level: 'region', code: '52' },
    ]);
    expect(resolveGeoCode('52', 'region')?.candidates).toEqual([{ level: 'region', code: '52' }]);
    expect(resolveGeoCode('Angers', null)).toBeNull();
  });

  it('headers are read as geography only when they name it ("Code sexe" is not a code of territory)', () => {
    expect(geoHeaderHint('CODGEO')).toEqual({ role: 'code', level: null });
    expect(geoHeaderHint('Code Insee de la commune')).toEqual({ role: 'code', level: 'commune' });
    expect(geoHeaderHint('Code du département (Maire)')).toEqual({ role: 'code', level: 'departement' });
    expect(geoHeaderHint('Libellé de la commune')).toEqual({ role: 'name', level: 'commune' });
    expect(geoHeaderHint('Région')).toEqual({ role: 'code-or-name', level: 'region' });
    expect(geoHeaderHint('NIVGEO')).toEqual({ role: 'level', level: null });
    expect(geoHeaderHint('Code sexe')).toBeNull();
    expect(geoHeaderHint('Nature d\'EPCI')).toBeNull();
    expect(geoHeaderHint('NB_COM')).toBeNull();
  });
});
