import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { GEOGRAPHY_VINTAGE } from '../../src-shared/geography/geography-vintage.ts';
import {
  compactGeography,
  type EtalabCommuneRecord,
  type EtalabDepartementRecord,
  type EtalabEpciRecord,
  type EtalabRegionRecord,
} from '../../src-shared/geography/geography.ts';

const VIRTUAL_ID = 'virtual:bocage-geography';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function loadCompactGeography() {
  const require = createRequire(import.meta.url);
  const read = <T>(file: string): T =>
    JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8')) as T;
  return compactGeography(
    GEOGRAPHY_VINTAGE,
    read<EtalabCommuneRecord[]>('communes.json'),
    read<EtalabEpciRecord[]>('epci.json'),
    read<EtalabDepartementRecord[]>('departements.json'),
    read<EtalabRegionRecord[]>('regions.json'),
  );
}

/**
 * Ships the official geography inside the app, in compact form, as a module the renderer imports
 * lazily: usable offline, loaded only when someone searches a territory.
 */
export function geographyPlugin(): Plugin {
  return {
    name: 'bocage-geography',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      // JSON.parse of a string literal is much faster for the engine than a huge object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(loadCompactGeography()))});`;
    },
  };
}
