/** fr-FR formatting shared by the UI and the exports, so a figure reads the same everywhere. */
import { isIsoDate } from '../validation/mission-validation';

const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
const wholeEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const centsEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

/** "12 345" with the narrow no-break space French typography uses between thousands. */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** "42 500 €", or "42 500,50 €" when the amount has cents. */
export function formatEuros(amount: number): string {
  return Number.isInteger(amount) ? wholeEuros.format(amount) : centsEuros.format(amount);
}

/** "2024-03-05" → "5 mars 2024", "2024-04-01" → "1er avril 2024"; an empty or invalid date gives "". */
export function formatIsoDate(isoDate: string | null): string {
  // The engine rolls "2024-02-30" over to 1 March instead of refusing it, hence the strict check.
  if (!isoDate || !isIsoDate(isoDate)) return '';
  const text = dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
  // French writes the first of the month as an ordinal; Intl does not.
  return text.startsWith('1 ') ? `1er ${text.slice(2)}` : text;
}

/** A timestamp as "05/03/2024 14:07", in the machine's time zone. */
export function formatDateTime(timestamp: number): string {
  return dateTimeFormat.format(new Date(timestamp));
}

export function formatTime(timestamp: number): string {
  return timeFormat.format(new Date(timestamp));
}
