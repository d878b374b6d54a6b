import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { aggregateForCommunes } from '@shared/diagnostic/aggregation';
import { readCustomIndicators } from '@shared/diagnostic/custom-indicators';
import { findIndicator } from '@shared/diagnostic/indicator-catalogue';
import {
  applyIndicatorImport,
  clearIndicatorValue,
  clearIndicatorValues,
  defineCustomIndicator,
  readImports,
  removeCustomIndicator,
  setIndicatorValue,
  updateCustomIndicator,
  type CustomIndicatorInput,
  type IndicatorImportInput,
  type IndicatorValueInput,
} from '@shared/diagnostic/indicator-operations';
import { readIndicatorValues } from '@shared/diagnostic/indicator-value-index';
import { diagnosticEditableTypes, diagnosticValuesMap } from '@shared/documents/diagnostic-structure';
import { META_FIELD, metaMap } from '@shared/documents/document-structure';
import { InvalidOperationError, ReadOnlyDocumentError } from '@shared/operations/document-guards';
import { CURRENT_SCHEMA_VERSION } from '@shared/schema/schema-version';
import { COLLEAGUE_EDIT, LOCAL_EDIT, exchangeUpdates, recordTransactionOrigins } from '../domain-fixtures';
import { IMPORTED_AT, communeKey, figure } from './value-fixtures';

const TYPED_AT = Date.UTC(2024, 6, 1, 8, 0);

function manualPoverty(overrides: Partial<IndicatorValueInput> = {}): IndicatorValueInput {
  return {
    indicator: 'TX_PAUVRETE',
    year: 2021,
    territory: 'commune:19015',
    status: 'ok',
    value: 14.2,
    source: 'INSEE, Filosofi 2021',
    ...overrides,
  };
}

function filosofiImport(overrides: Partial<IndicatorImportInput> = {}): IndicatorImportInput {
  const values = [
    figure('MED_DISP', 2021, communeKey('19015'), 21_340, ''),
    figure('TX_PAUVRETE', 2021, communeKey('19015'), 'secret', ''),
    figure('MED_DISP', 2021, communeKey('19031'), 22_010, ''),
    figure('TX_PAUVRETE', 2021, communeKey('19031'), 16.4, ''),
  ];
  return {
    importId: 'import-filosofi',
    fileName: 'insee_filosofi_2021_com.csv',
    source: 'INSEE, Filosofi 2021',
    importedAt: IMPORTED_AT,
    values,
    summary: { rowsKept: 2, rowsSkipped: 34_907, indicators: [{ indicator: 'MED_DISP', year: 2021 }, { indicator: 'TX_PAUVRETE', year: 2021 }] },
    ...overrides,
  };
}

function adherents(overrides: Partial<CustomIndicatorInput> = {}): CustomIndicatorInput {
  return {
    code: 'ADHERENTS_CS',
    label: 'Adhérents du centre social',
    theme: 'familles',
    unit: 'persons',
    definition: 'Familles adhérentes du centre social au 31 décembre.',
    source: 'Centre social du Pays d’Ayen',
    aggregation: { kind: 'sum' },
    ...overrides,
  };
}

function newerSchemaDocument(): Y.Doc {
  const doc = new Y.Doc();
  metaMap(doc).set(META_FIELD.schemaVersion, CURRENT_SCHEMA_VERSION + 1);
  return doc;
}

describe('typing or correcting a figure', () => {
  test('a typed figure is kept with its source and marked as typed by the user', () => {
    const doc = new Y.Doc();
    setIndicatorValue(doc, manualPoverty(), LOCAL_EDIT, TYPED_AT);
    expect(readIndicatorValues(doc).get('TX_PAUVRETE', 2021, 'commune:19015')).toEqual({
      indicator: 'TX_PAUVRETE',
      year: 2021,
      territory: 'commune:19015',
      status: 'ok',
      value: 14.2,
      source: 'INSEE, Filosofi 2021',
      origin: 'manual',
      updatedAt: TYPED_AT,
    });
  });

  test('a figure under statistical secret stays "secret", never zero', () => {
    const doc = new Y.Doc();
    setIndicatorValue(doc, manualPoverty({ status: 'secret', value: null }), LOCAL_EDIT);
    expect(readIndicatorValues(doc).get('TX_PAUVRETE', 2021, 'commune:19015')).toMatchObject({ status: 'secret', value: null });
  });

  test('the indexed figures follow every change: a correction shows at once, a cleared figure disappears', () => {
    const doc = new Y.Doc();
    setIndicatorValue(doc, manualPoverty(), LOCAL_EDIT);
    expect(readIndicatorValues(doc).get('TX_PAUVRETE', 2021, 'commune:19015')?.value).toBe(14.2);
    expect(readIndicatorValues(doc)).toBe(readIndicatorValues(doc));
    setIndicatorValue(doc, manualPoverty({ value: 15.1 }), LOCAL_EDIT);
    expect(readIndicatorValues(doc).get('TX_PAUVRETE', 2021, 'commune:19015')?.value).toBe(15.1);
    clearIndicatorValue(doc, { indicator: 'TX_PAUVRETE', year: 2021, territory: 'commune:19015' }, LOCAL_EDIT);
    expect(readIndicatorValues(doc).get('TX_PAUVRETE', 2021, 'commune:19015')).toBeUndefined();
    expect(readIndicatorValues(doc).size).toBe(0);
  });

  test.each<[string, Partial<IndicatorValueInput>, RegExp]>([
    ['an unknown indicator', { indicator: 'TX_BONHEUR' }, /Indicateur inconnu : « TX_BONHEUR »/],
    ['a year out of range', { year: 1850 }, /L’année doit être un nombre entier entre 1900 et 2100/],
    ['a year with decimals', { year: 2021.5 }, /L’année doit être un nombre entier/],
    ['a territory that is not one', { territory: 'canton:1901' }, /Territoire inconnu : « canton:1901 »/],
    ['a known figure without a number', { value: null }, /Une valeur connue doit être un nombre/],
    ['a known figure that is not finite', { value: Number.NaN }, /Une valeur connue doit être un nombre/],
    ['a secret figure with a number', { status: 'secret', value: 0 }, /secret statistique ou non disponible ne porte pas de chiffre/],
    ['a figure without a source', { source: '   ' }, /Indiquez la source de la valeur/],
  ])('%s is refused with a message in French, and nothing is written', (_case, overrides, message) => {
    const doc = new Y.Doc();
    const attempt = () => setIndicatorValue(doc, manualPoverty(overrides), LOCAL_EDIT);
    expect(attempt).toThrow(InvalidOperationError);
    expect(attempt).toThrow(message);
    expect(diagnosticValuesMap(doc).size).toBe(0);
  });

  test('a mission saved by a newer Bocage is never rewritten', () => {
    const doc = newerSchemaDocument();
    expect(() => setIndicatorValue(doc, manualPoverty(), LOCAL_EDIT)).toThrow(ReadOnlyDocumentError);
    expect(() => applyIndicatorImport(doc, filosofiImport(), LOCAL_EDIT)).toThrow(ReadOnlyDocumentError);
    expect(diagnosticValuesMap(doc).size).toBe(0);
  });

  test('figures typed on two machines offline are all there after they sync', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    setIndicatorValue(mine, manualPoverty(), LOCAL_EDIT);
    setIndicatorValue(theirs, manualPoverty({ territory: 'commune:19031', value: 16.4 }), COLLEAGUE_EDIT);
    exchangeUpdates(mine, theirs);
    for (const doc of [mine, theirs]) {
      expect(readIndicatorValues(doc).get('TX_PAUVRETE', 2021, 'commune:19015')?.value).toBe(14.2);
      expect(readIndicatorValues(doc).get('TX_PAUVRETE', 2021, 'commune:19031')?.value).toBe(16.4);
    }
  });

  test('all figures of an indicator can be cleared at once, for one year or all years', () => {
    const doc = new Y.Doc();
    setIndicatorValue(doc, manualPoverty(), LOCAL_EDIT);
    setIndicatorValue(doc, manualPoverty({ year: 2020 }), LOCAL_EDIT);
    setIndicatorValue(doc, manualPoverty({ indicator: 'MED_DISP', value: 21_000 }), LOCAL_EDIT);
    expect(clearIndicatorValues(doc, 'TX_PAUVRETE', LOCAL_EDIT, 2020)).toBe(1);
    expect(readIndicatorValues(doc).years('TX_PAUVRETE')).toEqual([2021]);
    expect(clearIndicatorValues(doc, 'TX_PAUVRETE', LOCAL_EDIT)).toBe(1);
    expect(readIndicatorValues(doc).indicators()).toEqual(['MED_DISP']);
  });
});

describe('importing a file of figures', () => {
  test('the file’s figures and its record in the data sources are written in one undoable step', () => {
    const doc = new Y.Doc();
    const origins = recordTransactionOrigins(doc);
    const undo = new Y.UndoManager(diagnosticEditableTypes(doc), { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 0 });
    expect(applyIndicatorImport(doc, filosofiImport(), LOCAL_EDIT)).toEqual({ written: 4, keptManual: 0 });
    expect(origins).toEqual([LOCAL_EDIT]);
    const index = readIndicatorValues(doc);
    expect(index.get('MED_DISP', 2021, 'commune:19015')).toMatchObject({
      status: 'ok',
      value: 21_340,
      source: 'INSEE, Filosofi 2021',
      origin: 'import',
      importId: 'import-filosofi',
    });
    expect(index.get('TX_PAUVRETE', 2021, 'commune:19015')).toMatchObject({ status: 'secret', value: null });
    expect(readImports(doc)).toEqual([
      {
        id: 'import-filosofi',
        fileName: 'insee_filosofi_2021_com.csv',
        source: 'INSEE, Filosofi 2021',
        importedAt: IMPORTED_AT,
        rowsKept: 2,
        rowsSkipped: 34_907,
        indicators: [{ indicator: 'MED_DISP', year: 2021 }, { indicator: 'TX_PAUVRETE', year: 2021 }],
        valueCount: 4,
        keptManual: 0,
      },
    ]);
    undo.undo();
    expect(readIndicatorValues(doc).size).toBe(0);
    expect(readImports(doc)).toEqual([]);
  });

  test('a single bad figure refuses the whole file: the mission never holds half an import', () => {
    const doc = new Y.Doc();
    const values = [...filosofiImport().values];
    values.splice(2, 0, figure('MED_DISP', 2021, communeKey('19123'), Number.POSITIVE_INFINITY));
    const attempt = () => applyIndicatorImport(doc, filosofiImport({ values }), LOCAL_EDIT);
    expect(attempt).toThrow(InvalidOperationError);
    expect(attempt).toThrow(
      'Valeur n° 3 (MED_DISP, 2021, commune:19123) : Une valeur connue doit être un nombre. Aucune valeur n’a été importée.',
    );
    expect(diagnosticValuesMap(doc).size).toBe(0);
    expect(readImports(doc)).toEqual([]);
  });

  test('a file listing an unknown indicator in its summary is refused before anything is written', () => {
    const doc = new Y.Doc();
    const summary = { rowsKept: 2, rowsSkipped: 0, indicators: [{ indicator: 'NOPE', year: 2021 }] };
    expect(() => applyIndicatorImport(doc, filosofiImport({ summary }), LOCAL_EDIT)).toThrow('Indicateur inconnu : « NOPE ».');
    expect(diagnosticValuesMap(doc).size).toBe(0);
  });

  test('a figure the user corrected by hand survives a later import of the same file', () => {
    const doc = new Y.Doc();
    setIndicatorValue(doc, manualPoverty({ territory: 'commune:19031', value: 17 }), LOCAL_EDIT);
    expect(applyIndicatorImport(doc, filosofiImport(), LOCAL_EDIT)).toEqual({ written: 3, keptManual: 1 });
    expect(readIndicatorValues(doc).get('TX_PAUVRETE', 2021, 'commune:19031')).toMatchObject({ value: 17, origin: 'manual' });
    expect(readImports(doc)[0]).toMatchObject({ valueCount: 3, keptManual: 1 });
  });

  test('a figure listed twice in a file is written once, with its last occurrence', () => {
    const doc = new Y.Doc();
    const values = [...filosofiImport().values, figure('MED_DISP', 2021, communeKey('19015'), 21_400, '')];
    expect(applyIndicatorImport(doc, filosofiImport({ values }), LOCAL_EDIT)).toEqual({ written: 4, keptManual: 0 });
    expect(readIndicatorValues(doc).get('MED_DISP', 2021, 'commune:19015')?.value).toBe(21_400);
  });

  test('the same import is not recorded twice', () => {
    const doc = new Y.Doc();
    applyIndicatorImport(doc, filosofiImport(), LOCAL_EDIT);
    expect(() => applyIndicatorImport(doc, filosofiImport(), LOCAL_EDIT)).toThrow('Ce fichier a déjà été importé dans la mission.');
  });

  test('an empty file or one without a name is refused in French', () => {
    const doc = new Y.Doc();
    expect(() => applyIndicatorImport(doc, filosofiImport({ values: [] }), LOCAL_EDIT)).toThrow(
      'Le fichier ne contient aucune valeur à importer.',
    );
    expect(() => applyIndicatorImport(doc, filosofiImport({ fileName: ' ' }), LOCAL_EDIT)).toThrow('Le nom du fichier importé manque.');
  });

  test('a figure without a source of its own is captioned with the file’s source; without either it is refused', () => {
    const doc = new Y.Doc();
    expect(() => applyIndicatorImport(doc, filosofiImport({ source: '' }), LOCAL_EDIT)).toThrow(/Indiquez la source de la valeur/);
    applyIndicatorImport(doc, filosofiImport(), LOCAL_EDIT);
    expect(readIndicatorValues(doc).get('TX_PAUVRETE', 2021, 'commune:19031')?.source).toBe('INSEE, Filosofi 2021');
  });

  test('the data sources list every import, oldest first', () => {
    const doc = new Y.Doc();
    applyIndicatorImport(doc, filosofiImport({ importId: 'later', importedAt: IMPORTED_AT + 1000 }), LOCAL_EDIT);
    applyIndicatorImport(
      doc,
      filosofiImport({
        importId: 'earlier',
        fileName: 'insee_poplegales_communes.csv',
        source: 'INSEE, populations légales 2021',
        values: [figure('POP', 2021, communeKey('19015'), 712, '')],
        summary: { rowsKept: 1, rowsSkipped: 0, indicators: [{ indicator: 'POP', year: 2021 }] },
      }),
      LOCAL_EDIT,
    );
    expect(readImports(doc).map((record) => [record.id, record.fileName])).toEqual([
      ['earlier', 'insee_poplegales_communes.csv'],
      ['later', 'insee_filosofi_2021_com.csv'],
    ]);
  });
});

describe('indicators of the mission’s own', () => {
  test('a user-defined indicator can be given figures and is read back with its description', () => {
    const doc = new Y.Doc();
    defineCustomIndicator(doc, adherents(), LOCAL_EDIT);
    expect(readCustomIndicators(doc)).toEqual([
      {
        code: 'ADHERENTS_CS',
        label: 'Adhérents du centre social',
        theme: 'familles',
        unit: 'persons',
        definition: 'Familles adhérentes du centre social au 31 décembre.',
        source: 'Centre social du Pays d’Ayen',
        aggregation: { kind: 'sum' },
        decimals: 0,
        custom: true,
      },
    ]);
    setIndicatorValue(doc, manualPoverty({ indicator: 'ADHERENTS_CS', year: 2024, value: 130, source: 'Centre social' }), LOCAL_EDIT);
    expect(readIndicatorValues(doc).get('ADHERENTS_CS', 2024, 'commune:19015')?.value).toBe(130);
  });

  test('a user-defined rate over the population is recomputed for the territory like the catalogue’s', () => {
    const doc = new Y.Doc();
    defineCustomIndicator(doc, adherents(), LOCAL_EDIT);
    defineCustomIndicator(
      doc,
      adherents({ code: 'TX_ADHESION', label: 'Taux d’adhésion', unit: 'percent', aggregation: { kind: 'ratio', numerator: 'ADHERENTS_CS', denominator: 'POP', scale: 100 } }),
      LOCAL_EDIT,
    );
    const custom = readCustomIndicators(doc);
    const rate = findIndicator('TX_ADHESION', custom);
    expect(rate?.decimals).toBe(1);
    for (const [code, members, population] of [['19015', 130, 700], ['19031', 70, 1300]] as const) {
      setIndicatorValue(doc, manualPoverty({ indicator: 'ADHERENTS_CS', year: 2024, territory: communeKey(code), value: members, source: 'Centre social' }), LOCAL_EDIT);
      setIndicatorValue(doc, manualPoverty({ indicator: 'POP', year: 2024, territory: communeKey(code), value: population, source: 'Mairie' }), LOCAL_EDIT);
    }
    const result = aggregateForCommunes(rate!, 2024, ['19015', '19031'], readIndicatorValues(doc), (code) => findIndicator(code, custom));
    expect(result).toMatchObject({ status: 'complete', value: 10 });
  });

  test.each<[string, Partial<CustomIndicatorInput>, string | RegExp]>([
    ['a code of the catalogue', { code: 'POP' }, 'Le code « POP » est déjà celui d’un indicateur du catalogue.'],
    ['a code with accents or spaces', { code: 'ADHÉRENTS CS' }, /Le code doit compter de 2 à 24 caractères/],
    ['a code too long', { code: 'A'.repeat(25) }, /Le code doit compter de 2 à 24 caractères/],
    ['an empty label', { label: ' ' }, 'Donnez un libellé à l’indicateur.'],
    ['no source', { source: '' }, /Indiquez la source de l’indicateur/],
    ['an unknown theme', { theme: 'meteo' as CustomIndicatorInput['theme'] }, 'Thème inconnu.'],
    ['an unknown unit', { unit: 'litres' as CustomIndicatorInput['unit'] }, 'Unité inconnue.'],
    [
      'a rate over an unknown count',
      { aggregation: { kind: 'ratio', numerator: 'ADHERENTS', denominator: 'HABITANTS', scale: 100 } },
      'Le numérateur « ADHERENTS » n’est pas un indicateur connu.',
    ],
    [
      'a rate over another rate',
      { aggregation: { kind: 'ratio', numerator: null, denominator: 'TX_PAUVRETE', scale: 100 } },
      /Le dénominateur doit être un effectif qui s’additionne/,
    ],
    ['a rate without a positive scale', { aggregation: { kind: 'ratio', numerator: null, denominator: 'POP', scale: 0 } }, /Mode de calcul invalide/],
  ])('defining an indicator with %s is refused in French', (_case, overrides, message) => {
    const doc = new Y.Doc();
    expect(() => defineCustomIndicator(doc, adherents(overrides), LOCAL_EDIT)).toThrow(message);
    expect(readCustomIndicators(doc)).toEqual([]);
  });

  test('two indicators of the mission cannot share a code', () => {
    const doc = new Y.Doc();
    defineCustomIndicator(doc, adherents(), LOCAL_EDIT);
    expect(() => defineCustomIndicator(doc, adherents({ code: 'adherents_cs' }), LOCAL_EDIT)).toThrow(
      'Un indicateur de la mission porte déjà le code « ADHERENTS_CS ».',
    );
  });

  test('an indicator’s description can be corrected; its calculation is checked again', () => {
    const doc = new Y.Doc();
    defineCustomIndicator(doc, adherents(), LOCAL_EDIT);
    updateCustomIndicator(doc, 'ADHERENTS_CS', { label: 'Familles adhérentes', decimals: 1 }, LOCAL_EDIT);
    expect(readCustomIndicators(doc)[0]).toMatchObject({ code: 'ADHERENTS_CS', label: 'Familles adhérentes', decimals: 1, source: 'Centre social du Pays d’Ayen' });
    expect(() =>
      updateCustomIndicator(doc, 'ADHERENTS_CS', { aggregation: { kind: 'ratio', numerator: 'ADHERENTS_CS', denominator: 'POP', scale: 100 } }, LOCAL_EDIT),
    ).toThrow('Le numérateur ne peut pas être l’indicateur lui-même.');
    expect(() => updateCustomIndicator(doc, 'INCONNU', { label: 'x' }, LOCAL_EDIT)).toThrow('Indicateur de la mission introuvable : « INCONNU ».');
  });

  test('an indicator that still has figures, or that another one is computed from, cannot be removed', () => {
    const doc = new Y.Doc();
    defineCustomIndicator(doc, adherents(), LOCAL_EDIT);
    setIndicatorValue(doc, manualPoverty({ indicator: 'ADHERENTS_CS', year: 2024, value: 130, source: 'Centre social' }), LOCAL_EDIT);
    setIndicatorValue(doc, manualPoverty({ indicator: 'ADHERENTS_CS', year: 2023, value: 120, source: 'Centre social' }), LOCAL_EDIT);
    expect(() => removeCustomIndicator(doc, 'ADHERENTS_CS', LOCAL_EDIT)).toThrow(
      'Cet indicateur a encore 2 valeurs dans la mission : supprimez-les avant de retirer l’indicateur.',
    );
    clearIndicatorValues(doc, 'ADHERENTS_CS', LOCAL_EDIT);
    defineCustomIndicator(
      doc,
      adherents({ code: 'TX_ADHESION', label: 'Taux d’adhésion', unit: 'percent', aggregation: { kind: 'ratio', numerator: 'ADHERENTS_CS', denominator: 'POP', scale: 100 } }),
      LOCAL_EDIT,
    );
    expect(() => removeCustomIndicator(doc, 'ADHERENTS_CS', LOCAL_EDIT)).toThrow(
      'L’indicateur « Taux d’adhésion » se calcule à partir de celui-ci : modifiez-le ou retirez-le d’abord.',
    );
    removeCustomIndicator(doc, 'TX_ADHESION', LOCAL_EDIT);
    removeCustomIndicator(doc, 'ADHERENTS_CS', LOCAL_EDIT);
    expect(readCustomIndicators(doc)).toEqual([]);
  });
});
