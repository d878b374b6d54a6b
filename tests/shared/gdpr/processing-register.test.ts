import { beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_CATEGORIES } from '@shared/directory/contact-model';
import { processingRegisterFileName } from '@shared/export/export-file-names';
import {
  buildProcessingRegisterEntry,
  registerEntryDocx,
  registerEntrySections,
  registerEntryXlsx,
  type ProcessingRegisterEntry,
} from '@shared/gdpr/processing-register';
import {
  CONFIGURED_SETTINGS,
  EMPTY_SETTINGS,
  HAS_LIBREOFFICE,
  LIBREOFFICE_SKIP_NOTE,
  LIBREOFFICE_TIMEOUT_MS,
  libreOfficeScratch,
  openDocx,
  readWorkbook,
  textOf,
} from './test-support';

describe('register entry of the processing (RGPD article 30)', () => {
  let entry: ProcessingRegisterEntry;

  beforeAll(() => {
    entry = buildProcessingRegisterEntry(CONFIGURED_SETTINGS, '2026-03-20');
  });

  it('covers every heading article 30 asks for, in the register’s order', () => {
    expect(registerEntrySections(entry).map((section) => section.label)).toEqual([
      'Traitement',
      'Mise à jour',
      'Responsable du traitement',
      'Contact pour l’exercice des droits',
      'Finalités',
      'Bases légales',
      'Catégories de personnes',
      'Catégories de données',
      'Données sensibles',
      'Origine des données',
      'Destinataires',
      'Transferts hors de l’Union européenne',
      'Durée de conservation',
      'Droits des personnes',
      'Mesures de sécurité',
    ]);
    expect(registerEntrySections(entry).every((section) => section.values.length > 0 && section.values.every((value) => value.trim() !== ''))).toBe(true);
  });

  it('names the controller, the purpose, both legal bases, every category of person and the data the app holds', () => {
    expect(entry.controller).toBe('Département du Nord');
    expect(entry.rightsContact).toBe('dpo@lenord.fr');
    expect(entry.purposes[0]).toBe('L’organisation et le suivi des réunions et ateliers de la démarche de diagnostic et de projet social de territoire.');
    expect(entry.legalBases.join(' ')).toMatch(/6\.1\.e[\s\S]*6\.1\.a/);
    expect(entry.personCategories).toEqual(CONTACT_CATEGORIES.map((category) => category.label));
    const data = entry.dataCategories.join(' ');
    for (const category of ['nom, prénom', 'fonction', 'adresse électronique, téléphone', 'Commune', 'présence', 'Signatures', 'photos', 'enregistrements', 'Notes libres', 'auteur de constats']) {
      expect(data).toContain(category);
    }
    expect(entry.transfersOutsideEu).toMatch(/^Aucun transfert hors de l’Union européenne/);
    expect(entry.retention[0]).toBe('36 mois (3 ans) après la dernière participation de la personne à la démarche.');
  });

  it('describes the security honestly: local profile not encrypted by the app, server behind a token, erasure on request', () => {
    const security = entry.securityMeasures.join(' ');
    expect(security).toContain('dans le profil de l’application');
    expect(security).toContain('l’application ne les chiffre pas elle-même');
    expect(security).toContain('jeton d’accès');
    expect(security).toContain('Effacement sur demande');
    expect(security).not.toMatch(/chiffrées sur l’ordinateur|chiffrement de bout en bout/);
  });

  it('says a setting is missing instead of inventing it, and reports it to the UI', () => {
    const unset = buildProcessingRegisterEntry(EMPTY_SETTINGS, '2026-03-20');
    expect(unset.controller).toBe('Non renseigné dans les réglages RGPD de Bocage');
    expect(unset.rightsContact).toBe('Non renseigné dans les réglages RGPD de Bocage');
    expect(unset.missingSettings.map((missing) => missing.setting)).toEqual(['controllerName', 'rightsContact']);
  });

  it('exports as a Word document with a real Heading 1 and one table row per heading', async () => {
    const docx = await openDocx(await registerEntryDocx(entry));
    expect(docx.document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Registre des activités de traitement/);
    const text = textOf(docx.document);
    expect(text).toContain('Fiche de traitement (article 30 du RGPD)');
    expect(text).toContain('20 mars 2026');
    expect(text).toContain('Département du Nord');
    expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect((docx.document.match(/<w:tr[ >]/g) ?? []).length).toBe(15);
  });

  it('exports as an Excel sheet, one value per row under its heading, printable on A4', async () => {
    const workbook = await readWorkbook(await registerEntryXlsx(entry));
    const [sheet] = workbook.worksheets;
    if (!sheet) throw new Error('Le classeur n’a aucune feuille.');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Rubrique', 'Contenu']);
    expect(sheet.getCell('A2').text).toBe('Traitement');
    expect(sheet.getCell('A4').text).toBe('Responsable du traitement');
    expect(sheet.getCell('B4').text).toBe('Département du Nord');
    const totalValues = registerEntrySections(entry).reduce((total, section) => total + section.values.length, 0);
    expect(sheet.rowCount).toBe(1 + totalValues);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '1:1' });
    expect(sheet.getCell('B10').alignment?.wrapText).toBe(true);
  });

  it('is saved as "registre-traitement-participants" in both formats', () => {
    expect(processingRegisterFileName('docx')).toBe('registre-traitement-participants.docx');
    expect(processingRegisterFileName('xlsx')).toBe('registre-traitement-participants.xlsx');
  });

  describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
    const office = libreOfficeScratch('bocage-register-');

    it(
      'prints both files with the controller, the legal bases and the security measures',
      async () => {
        for (const [name, bytes] of [
          ['registre.docx', await registerEntryDocx(entry)],
          ['registre.xlsx', await registerEntryXlsx(entry)],
        ] as const) {
          const text = await office.pdfText(name, bytes);
          expect(text).toContain('Département du Nord');
          expect(text).toContain('Mesures de sécurité');
          expect(text).toContain('6.1.e');
          expect(text).toContain('jeton d’accès');
        }
      },
      LIBREOFFICE_TIMEOUT_MS,
    );
  });
});
