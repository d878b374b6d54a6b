import { describe, expect, it } from 'vitest';
import { buildGdprNotice, gdprNoticeText, missingGdprSettings, retentionDurationText } from '@shared/gdpr/gdpr-notice';
import { CONFIGURED_SETTINGS, EMPTY_SETTINGS } from './test-support';

describe('GDPR notice of the sign-in sheets', () => {
  it('names the controller, the purpose, both legal bases, the retention, every right, the contact and the CNIL', () => {
    const notice = buildGdprNotice(CONFIGURED_SETTINGS);
    const text = gdprNoticeText(notice);
    expect(notice.heading).toBe('Protection de vos données personnelles');
    expect(text).toContain('enregistrées par Département du Nord, responsable du traitement,');
    expect(text).toContain(
      'pour l’organisation et le suivi des réunions et ateliers de la démarche de diagnostic et de projet social de territoire.',
    );
    expect(text).toContain('mission d’intérêt public du responsable du traitement (article 6.1.e du RGPD)');
    expect(text).toContain('consentement (article 6.1.a du RGPD), qu’ils peuvent retirer à tout moment');
    expect(text).toContain('conservées 36 mois (3 ans) après votre dernière participation');
    for (const right of ['accéder', 'rectifier', 'effacer', 'vous opposer', 'limitation']) expect(text).toContain(right);
    expect(text).toContain('en écrivant à dpo@lenord.fr.');
    expect(text).toContain('réclamation à la CNIL (www.cnil.fr)');
    expect(notice.missingSettings).toEqual([]);
  });

  it('stays true and placeholder-free when the controller and contact are empty, and lists them for the UI to warn', () => {
    const notice = buildGdprNotice(EMPTY_SETTINGS);
    const text = gdprNoticeText(notice);
    expect(text).toContain('enregistrées par l’organisme qui organise cette réunion, responsable du traitement,');
    expect(text).toContain('auprès de l’organisateur de la réunion ou du délégué à la protection des données');
    expect(text).not.toMatch(/compléter|\[|\]|undefined|null| {2}/);
    expect(notice.missingSettings.map((missing) => missing.setting)).toEqual(['controllerName', 'rightsContact']);
    expect(notice.missingSettings[0]).toMatchObject({ label: 'Responsable du traitement' });
    expect(notice.missingSettings[0]?.warning).toContain('n’est pas renseigné');
  });

  it('gives no made-up duration when the retention setting is not a number of months', () => {
    for (const retentionMonths of [0, -3, 2.5, Number.NaN]) {
      const notice = buildGdprNotice({ ...CONFIGURED_SETTINGS, retentionMonths });
      expect(gdprNoticeText(notice)).toContain('conservées le temps du suivi de la démarche, puis supprimées');
      expect(gdprNoticeText(notice)).not.toMatch(/\d+ mois/);
      expect(missingGdprSettings({ ...CONFIGURED_SETTINGS, retentionMonths }).map((missing) => missing.setting)).toEqual(['retentionMonths']);
    }
  });

  it('states only the legal basis that applies to the people concerned', () => {
    const publicOnly = gdprNoticeText(buildGdprNotice(CONFIGURED_SETTINGS, { legalBases: ['public-interest'] }));
    expect(publicOnly).toContain('article 6.1.e');
    expect(publicOnly).not.toContain('6.1.a');
    const consentOnly = gdprNoticeText(buildGdprNotice(CONFIGURED_SETTINGS, { legalBases: ['consent'] }));
    expect(consentOnly).toContain('repose sur votre consentement (article 6.1.a du RGPD), que vous pouvez retirer à tout moment.');
    expect(consentOnly).not.toContain('6.1.e');
  });

  it('says what the document collects', () => {
    const notice = buildGdprNotice(CONFIGURED_SETTINGS, { collectedData: 'nom, prénom, commune, signature' });
    expect(notice.paragraphs[0]).toMatch(/^Les informations recueillies \(nom, prénom, commune, signature\) sont enregistrées/);
  });

  it('writes retention durations the way people say them', () => {
    expect(retentionDurationText(36)).toBe('36 mois (3 ans)');
    expect(retentionDurationText(12)).toBe('12 mois (1 an)');
    expect(retentionDurationText(18)).toBe('18 mois');
    expect(retentionDurationText(0)).toBeNull();
  });
});
