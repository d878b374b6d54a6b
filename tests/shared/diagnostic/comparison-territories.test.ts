import { beforeAll, describe, expect, test } from 'vitest';
import { comparisonTerritories, missionTerritoryKeys } from '@shared/diagnostic/comparison-territories';
import { expandGeography, type Geography } from '@shared/geography/geography';
import type { TerritoryCommune, TerritoryEpci } from '@shared/model/mission';
import { loadCompactGeography } from '../../../scripts/vite/geography-plugin';

let geography: Geography;

beforeAll(() => {
  geography = expandGeography(loadCompactGeography());
});

function territoryCommune(code: string, viaEpci: string | null = null): TerritoryCommune {
  const commune = geography.communeByCode.get(code);
  if (!commune) throw new Error(`${code} is not in the shipped geography`);
  return { code, name: commune.name, departement: commune.departement, population: commune.population, postalCodes: commune.postalCodes, viaEpci };
}

function wholeEpci(code: string): { communes: TerritoryCommune[]; epcis: TerritoryEpci[] } {
  const epci = geography.epciByCode.get(code);
  if (!epci) throw new Error(`${code} is not in the shipped geography`);
  return { communes: epci.members.map((member) => territoryCommune(member, code)), epcis: [{ code, name: epci.name }] };
}

const LUBERSAC_POMPADOUR = '200066603';
const AIRE_SUR_ADOUR = '200030435';

describe('the territories a mission is compared with', () => {
  test('the communes of the CC du Pays de Lubersac-Pompadour are compared with the CC, the Corrèze, Nouvelle-Aquitaine and France', () => {
    const territories = comparisonTerritories(wholeEpci(LUBERSAC_POMPADOUR), geography);
    const communes = territories.filter((territory) => territory.role === 'commune');
    expect(communes).toHaveLength(10);
    expect(communes.map((commune) => commune.key)).toContain('commune:19121');
    expect(communes.find((commune) => commune.key === 'commune:19121')?.name).toBe('Lubersac');
    expect(territories.filter((territory) => territory.role === 'comparison').map(({ key, name, sameAsMission }) => ({ key, name, sameAsMission }))).toEqual([
      { key: 'epci:200066603', name: 'CC du Pays de Lubersac-Pompadour', sameAsMission: true },
      { key: 'departement:19', name: 'Corrèze', sameAsMission: false },
      { key: 'region:75', name: 'Nouvelle-Aquitaine', sameAsMission: false },
      { key: 'france:FR', name: 'France', sameAsMission: false },
    ]);
  });

  test('communes chosen one by one are compared with the EPCI they belong to, which is not taken for the mission', () => {
    const territories = comparisonTerritories({ communes: [territoryCommune('19121'), territoryCommune('19011')], epcis: [] }, geography);
    expect(territories.map((territory) => territory.key)).toEqual([
      'commune:19121',
      'commune:19011',
      'epci:200066603',
      'departement:19',
      'region:75',
      'france:FR',
    ]);
    expect(territories.find((territory) => territory.key === 'epci:200066603')).toMatchObject({ role: 'comparison', sameAsMission: false });
  });

  test('a CC straddling two départements is compared with both départements and both régions', () => {
    const territories = comparisonTerritories(wholeEpci(AIRE_SUR_ADOUR), geography);
    const comparisons = territories.filter((territory) => territory.role === 'comparison').map((territory) => territory.key);
    expect(comparisons).toEqual(['epci:200030435', 'departement:32', 'departement:40', 'region:75', 'region:76', 'france:FR']);
  });

  test('an import keeps the rows of the mission’s communes and comparison territories only', () => {
    const keys = missionTerritoryKeys(wholeEpci(LUBERSAC_POMPADOUR), geography);
    expect(keys.size).toBe(14);
    expect(keys.has('commune:19011')).toBe(true);
    expect(keys.has('france:FR')).toBe(true);
    expect(keys.has('commune:19031')).toBe(false);
    expect(keys.has('departement:87')).toBe(false);
  });

  test('a commune that left the official geography (merged since) is still listed under its own name', () => {
    const merged: TerritoryCommune = { code: '19999', name: 'Commune fusionnée', departement: '19', population: 120, postalCodes: [], viaEpci: null };
    const territories = comparisonTerritories({ communes: [merged], epcis: [] }, geography);
    expect(territories.map((territory) => [territory.key, territory.name])).toEqual([
      ['commune:19999', 'Commune fusionnée'],
      ['departement:19', 'Corrèze'],
      ['region:75', 'Nouvelle-Aquitaine'],
      ['france:FR', 'France'],
    ]);
  });
});
