/**
 * The information notice (RGPD articles 13 and 14) printed at the foot of sign-in sheets, and the
 * wording of the processing that the register entry and the access export share with it.
 */
import type { GdprSettings, LegalBasis } from '../directory/contact-model';

/** Why Bocage holds people's data: the purpose every notice and the register state. */
export const PROCESSING_PURPOSE =
  'l’organisation et le suivi des réunions et ateliers de la démarche de diagnostic et de projet social de territoire';

export const CNIL_COMPLAINT = 'Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).';

export type GdprSettingName = keyof GdprSettings;

/** A setting the notice could not use, with what the UI should tell the user. */
export interface MissingGdprSetting {
  setting: GdprSettingName;
  label: string;
  warning: string;
}

export interface GdprNotice {
  heading: string;
  /** Self-contained paragraphs, printed in this order. */
  paragraphs: string[];
  /** Settings left empty or invalid: the notice stays true without them, but is less precise. */
  missingSettings: MissingGdprSetting[];
}

export interface GdprNoticeOptions {
  /**
   * The legal bases of the people the document concerns. Both by default, because walk-ins who
   * sign a blank row may be residents attending in a personal capacity.
   */
  legalBases?: readonly LegalBasis[];
  /** What the document collects, e.g. "nom, prénom, structure, catégorie, signature". */
  collectedData?: string;
}

const DEFAULT_COLLECTED_DATA = 'nom, prénom, structure, catégorie, signature';

const MISSING_SETTING_TEXTS: Record<GdprSettingName, Omit<MissingGdprSetting, 'setting'>> = {
  controllerName: {
    label: 'Responsable du traitement',
    warning:
      'Le responsable du traitement n’est pas renseigné : la mention d’information parle de « l’organisme qui organise la réunion » au lieu de le nommer.',
  },
  rightsContact: {
    label: 'Contact pour exercer ses droits',
    warning:
      'Le contact pour exercer ses droits n’est pas renseigné : la mention d’information renvoie vers l’organisateur de la réunion au lieu d’une adresse précise.',
  },
  retentionMonths: {
    label: 'Durée de conservation',
    warning:
      'La durée de conservation n’est pas un nombre de mois valide : la mention d’information ne donne pas de durée chiffrée.',
  },
};

function isValidRetention(months: number): boolean {
  return Number.isInteger(months) && months > 0;
}

/** The settings a notice or a register entry would have to leave vague, for the UI to warn about. */
export function missingGdprSettings(settings: GdprSettings): MissingGdprSetting[] {
  const missing: GdprSettingName[] = [];
  if (settings.controllerName.trim() === '') missing.push('controllerName');
  if (settings.rightsContact.trim() === '') missing.push('rightsContact');
  if (!isValidRetention(settings.retentionMonths)) missing.push('retentionMonths');
  return missing.map((setting) => ({ setting, ...MISSING_SETTING_TEXTS[setting] }));
}

/** "36 mois (3 ans)", "18 mois", "12 mois (1 an)"; null when the setting is not usable. */
export function retentionDurationText(months: number): string | null {
  if (!isValidRetention(months)) return null;
  if (months % 12 !== 0) return `${months} mois`;
  const years = months / 12;
  return `${months} mois (${years} ${years === 1 ? 'an' : 'ans'})`;
}

/** The sentence on how long data is kept, shared by the notice and the register. */
function retentionSentence(settings: GdprSettings): string {
  const duration = retentionDurationText(settings.retentionMonths);
  return duration
    ? `Elles sont conservées ${duration} après votre dernière participation à la démarche, puis supprimées.`
    : 'Elles sont conservées le temps du suivi de la démarche, puis supprimées.';
}

function legalBasisSentence(legalBases: readonly LegalBasis[]): string {
  const publicInterest = legalBases.includes('public-interest');
  const consent = legalBases.includes('consent');
  if (publicInterest && consent) {
    return (
      'Ce traitement relève de la mission d’intérêt public du responsable du traitement (article 6.1.e du RGPD) ; ' +
      'pour les habitantes et habitants qui participent à titre personnel, il repose sur leur consentement ' +
      '(article 6.1.a du RGPD), qu’ils peuvent retirer à tout moment.'
    );
  }
  if (consent) {
    return 'Ce traitement repose sur votre consentement (article 6.1.a du RGPD), que vous pouvez retirer à tout moment.';
  }
  return 'Ce traitement relève de la mission d’intérêt public du responsable du traitement (article 6.1.e du RGPD).';
}

/** The rights sentence, shared by the notice and the access export. */
export function rightsSentence(settings: GdprSettings): string {
  const contact = settings.rightsContact.trim();
  const where = contact
    ? `en écrivant à ${contact}`
    : 'auprès de l’organisateur de la réunion ou du délégué à la protection des données de l’organisme qui l’organise';
  return (
    'Vous pouvez accéder à vos données, les faire rectifier ou effacer, vous opposer à leur traitement ' +
    `ou en demander la limitation ${where}.`
  );
}

/**
 * The notice built from the workspace's GDPR settings. Empty settings never leave a placeholder in
 * the printed text: the sentence falls back to a true, neutral wording and the setting is listed
 * in `missingSettings`.
 */
export function buildGdprNotice(settings: GdprSettings, options: GdprNoticeOptions = {}): GdprNotice {
  const controller = settings.controllerName.trim();
  const legalBases = options.legalBases && options.legalBases.length > 0 ? options.legalBases : (['public-interest', 'consent'] as const);
  const collected = options.collectedData ?? DEFAULT_COLLECTED_DATA;
  const recorder = controller ? `${controller}, responsable du traitement,` : 'l’organisme qui organise cette réunion, responsable du traitement,';
  return {
    heading: 'Protection de vos données personnelles',
    paragraphs: [
      `Les informations recueillies (${collected}) sont enregistrées par ${recorder} pour ${PROCESSING_PURPOSE}.`,
      legalBasisSentence(legalBases),
      `Elles sont réservées aux personnes chargées de la démarche. ${retentionSentence(settings)}`,
      `${rightsSentence(settings)} ${CNIL_COMPLAINT}`,
    ],
    missingSettings: missingGdprSettings(settings),
  };
}

/** The notice as one block of text, for a single cell or a plain-text export. */
export function gdprNoticeText(notice: GdprNotice): string {
  return [notice.heading, ...notice.paragraphs].join('\n');
}
