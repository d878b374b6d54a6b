/**
 * French wording of a participation's answers, shared by the participant lists and the access
 * export so a person reads the same words in both.
 */
import type { ConsentAnswer } from '../meetings/meeting-model';

export const SIGNATURE_RECORDED = 'signature enregistrée';

export function consentAnswerLabel(answer: ConsentAnswer | null): string {
  if (answer === 'yes') return 'Oui';
  if (answer === 'no') return 'Non';
  return 'Non demandé';
}

export function invitationLabel(invited: boolean): string {
  return invited ? 'Invité·e' : 'Venu·e sans invitation';
}
