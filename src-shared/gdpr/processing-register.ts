/**
 * The entry of Bocage's processing in the controller's record of processing activities (registre
 * des activités de traitement, RGPD article 30), as data and as Word and Excel files. It states
 * only what the application does.
 */
import ExcelJS from 'exceljs';
import { CONTACT_CATEGORIES, type GdprSettings } from '../directory/contact-model';
import { heading } from '../export/docx-blocks';
import { a4PageSetup, BASE_FONT, estimatedWrappedRowHeight, excelHeaderFooterText, HEADER_FILL, HEADER_FONT, NORMAL_MARGINS } from '../export/xlsx-print';
import { formatIsoDate } from '../format/french-format';
import { bulletList, labelValueTable, note, packGdprDocument } from './gdpr-docx';
import { missingGdprSettings, PROCESSING_PURPOSE, retentionDurationText, type MissingGdprSetting } from './gdpr-notice';

export interface ProcessingRegisterEntry {
  processingName: string;
  /** ISO date the entry was produced. */
  updatedOn: string;
  controller: string;
  rightsContact: string;
  purposes: string[];
  legalBases: string[];
  personCategories: string[];
  dataCategories: string[];
  sensitiveData: string;
  sources: string[];
  recipients: string[];
  transfersOutsideEu: string;
  retention: string[];
  rights: string[];
  securityMeasures: string[];
  /** Settings the entry could not fill in, for the UI to warn about. */
  missingSettings: MissingGdprSetting[];
}

export interface RegisterSection {
  label: string;
  values: string[];
}

const NOT_SET = 'Non renseigné dans les réglages RGPD de Bocage';

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}

/** The entry for this workspace, from its GDPR settings. */
export function buildProcessingRegisterEntry(settings: GdprSettings, updatedOn: string): ProcessingRegisterEntry {
  const duration = retentionDurationText(settings.retentionMonths);
  const rightsContact = settings.rightsContact.trim();
  return {
    processingName: 'Participants aux réunions et ateliers du diagnostic et du projet social de territoire (application Bocage)',
    updatedOn,
    controller: settings.controllerName.trim() || NOT_SET,
    rightsContact: rightsContact || NOT_SET,
    purposes: [
      `${capitalised(PROCESSING_PURPOSE)}.`,
      'Tenue d’un annuaire des contacts de la démarche, partagé par les missions de l’espace de travail.',
      'Invitations, feuilles d’émargement (papier et signature à l’écran) et suivi des présences.',
      'Bilan de la participation : effectifs, catégories de participants, communes, retours d’une réunion à l’autre.',
      'Recueil de l’accord des participants pour les photos et les enregistrements.',
    ],
    legalBases: [
      'Mission d’intérêt public du responsable du traitement (article 6.1.e du RGPD) : élus, agents, partenaires institutionnels et associatifs participant au titre de leurs fonctions.',
      'Consentement (article 6.1.a du RGPD) : habitantes et habitants participant à titre personnel ; la date du consentement est enregistrée avec le contact.',
      'Consentement distinct, réunion par réunion, pour les photos et les enregistrements.',
    ],
    personCategories: CONTACT_CATEGORIES.map((category) => category.label),
    dataCategories: [
      'Identité : civilité, nom, prénom.',
      'Vie professionnelle : fonction, structure.',
      'Coordonnées : adresse électronique, téléphone.',
      'Commune.',
      'Catégorie de participant.',
      'Participation : réunions auxquelles la personne est invitée, présence, excuse ou absence, heure du pointage.',
      'Signatures, par séance (feuille d’émargement).',
      'Accord pour les photos et pour les enregistrements.',
      'Notes libres.',
      'Mention de la personne comme auteur de constats du diagnostic.',
      'Suivi RGPD : base légale, date du consentement, origine des données, date de fin de conservation.',
    ],
    sensitiveData:
      'Aucune donnée sensible (article 9 du RGPD) n’est demandée. Les notes libres ne doivent en contenir aucune (santé, opinions, situation sociale ou familiale…).',
    sources: [
      'Les personnes elles-mêmes : feuilles d’émargement, pointage en réunion.',
      'Fichiers publics ou de partenaires importés (par exemple le Répertoire national des élus) ; l’origine est enregistrée avec chaque contact.',
    ],
    recipients: [
      'Les agents chargés de la démarche, membres de l’espace de travail Bocage du responsable du traitement.',
      'L’administrateur du serveur de synchronisation du service, pour son exploitation.',
      'Aucune transmission à un tiers par l’application ; les documents exportés (feuilles d’émargement, listes) sont diffusés sous la responsabilité de leurs auteurs.',
    ],
    transfersOutsideEu:
      'Aucun transfert hors de l’Union européenne n’est fait par l’application : les données restent sur les ordinateurs des agents et sur le serveur de synchronisation du service.',
    retention: [
      duration
        ? `${duration} après la dernière participation de la personne à la démarche.`
        : 'Durée de conservation non renseignée dans les réglages RGPD de Bocage.',
      'Chaque contact porte une date de fin de conservation ; les contacts dont la date est passée sont listés pour revue.',
      'Effacement sur demande (« Oublier cette personne ») : le contact, ses présences, ses signatures et ses mentions comme auteur sont effacés dans toutes les missions, sur l’ordinateur et sur le serveur.',
    ],
    rights: [
      'Accès : export de tout ce que Bocage détient sur la personne, en .json et en document Word.',
      'Rectification : modification de la fiche du contact.',
      'Effacement et opposition : « Oublier cette personne ».',
      `Contact pour exercer ses droits : ${rightsContact || NOT_SET}.`,
      'Réclamation possible auprès de la CNIL (www.cnil.fr).',
    ],
    securityMeasures: [
      'Données enregistrées sur l’ordinateur de chaque agent, dans le profil de l’application ; l’application ne les chiffre pas elle-même : le chiffrement du disque de l’ordinateur est recommandé.',
      'Copie sur le serveur de synchronisation du service, qui refuse toute connexion sans jeton d’accès valide.',
      'Connexion chiffrée (wss://) exigée pour tout serveur qui n’est pas l’ordinateur lui-même.',
      'Effacement sur demande sur l’ordinateur et sur le serveur, suivi d’un compactage du stockage pour que le nom de la personne n’y figure plus.',
    ],
    missingSettings: missingGdprSettings(settings),
  };
}

/** The entry in reading order, as both files print it. */
export function registerEntrySections(entry: ProcessingRegisterEntry): RegisterSection[] {
  return [
    { label: 'Traitement', values: [entry.processingName] },
    { label: 'Mise à jour', values: [formatIsoDate(entry.updatedOn) || entry.updatedOn] },
    { label: 'Responsable du traitement', values: [entry.controller] },
    { label: 'Contact pour l’exercice des droits', values: [entry.rightsContact] },
    { label: 'Finalités', values: entry.purposes },
    { label: 'Bases légales', values: entry.legalBases },
    { label: 'Catégories de personnes', values: entry.personCategories },
    { label: 'Catégories de données', values: entry.dataCategories },
    { label: 'Données sensibles', values: [entry.sensitiveData] },
    { label: 'Origine des données', values: entry.sources },
    { label: 'Destinataires', values: entry.recipients },
    { label: 'Transferts hors de l’Union européenne', values: [entry.transfersOutsideEu] },
    { label: 'Durée de conservation', values: entry.retention },
    { label: 'Droits des personnes', values: entry.rights },
    { label: 'Mesures de sécurité', values: entry.securityMeasures },
  ];
}

const REGISTER_TITLE = 'Registre des activités de traitement';
const REGISTER_SUBTITLE = 'Fiche de traitement (article 30 du RGPD)';

/** The entry as a Word document, one table row per heading of the register. */
export function registerEntryDocx(entry: ProcessingRegisterEntry): Promise<Uint8Array> {
  return packGdprDocument({
    title: `${REGISTER_TITLE} – ${entry.processingName}`,
    subject: REGISTER_SUBTITLE,
    footerLabel: REGISTER_TITLE,
    children: [
      heading(REGISTER_TITLE, 1),
      note(REGISTER_SUBTITLE),
      labelValueTable(
        registerEntrySections(entry).map((section) => ({
          label: section.label,
          value: section.values.length === 1 ? (section.values[0] ?? '') : bulletList(section.values),
        })),
      ),
    ],
  });
}

const LABEL_COLUMN_WIDTH = 30;
const VALUE_COLUMN_WIDTH = 100;

/** The entry as an Excel sheet: a heading column and one value per row, ready to paste into a register. */
export async function registerEntryXlsx(entry: ProcessingRegisterEntry): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bocage';
  workbook.lastModifiedBy = 'Bocage';
  workbook.title = `${REGISTER_TITLE} – ${entry.processingName}`;
  workbook.subject = REGISTER_SUBTITLE;
  const sheet = workbook.addWorksheet('Fiche de traitement');
  sheet.columns = [
    { header: 'Rubrique', key: 'label', width: LABEL_COLUMN_WIDTH, style: { font: { ...BASE_FONT, bold: true } } },
    { header: 'Contenu', key: 'value', width: VALUE_COLUMN_WIDTH, style: { font: BASE_FONT } },
  ];
  const header = sheet.getRow(1);
  header.eachCell((headerCell) => {
    headerCell.font = HEADER_FONT;
    headerCell.fill = HEADER_FILL;
  });
  for (const section of registerEntrySections(entry)) {
    section.values.forEach((value, index) => {
      const row = sheet.addRow({ label: index === 0 ? section.label : '', value });
      row.alignment = { vertical: 'top', wrapText: true };
      // LibreOffice keeps the default height on rows it opens, so a wrapped value would spill over the next row.
      row.height = Math.max(
        estimatedWrappedRowHeight(value, VALUE_COLUMN_WIDTH, BASE_FONT.size ?? 10),
        estimatedWrappedRowHeight(row.getCell('label').text, LABEL_COLUMN_WIDTH, BASE_FONT.size ?? 10),
      );
    });
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  sheet.pageSetup = a4PageSetup('landscape', 1, NORMAL_MARGINS);
  sheet.headerFooter.oddFooter = `&C&8${excelHeaderFooterText(REGISTER_TITLE)} · Page &P sur &N`;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
