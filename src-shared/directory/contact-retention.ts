/**
 * Retention of personal data: each contact has a date after which it must be reviewed (kept with
 * a reason, or erased). The GDPR page lists the contacts past that date, or without one.
 */
import { isIsoDate } from '../validation/mission-validation';
import type { Contact } from './contact-model';
import type { DirectorySnapshot } from './directory-snapshot';

/** `isoDate` plus `months` calendar months, clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonthsToIsoDate(isoDate: string, months: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`Invalid ISO date: ${isoDate}`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return date.toISOString().slice(0, 10);
}

/** The retention date a new contact gets: today plus the workspace's retention period. */
export function defaultRetentionDate(todayIso: string, retentionMonths: number): string {
  return addMonthsToIsoDate(todayIso, retentionMonths);
}

/**
 * Live contacts whose retention date is past (strictly before today) or missing, those without a
 * date first, then the oldest date first.
 */
export function contactsDueForReview(snapshot: Pick<DirectorySnapshot, 'contacts'>, todayIso: string): Contact[] {
  return snapshot.contacts
    .filter((contact) => contact.trashedAt === null && (contact.retentionUntil === null || contact.retentionUntil < todayIso))
    .sort((left, right) => (left.retentionUntil ?? '').localeCompare(right.retentionUntil ?? '') || left.id.localeCompare(right.id));
}

/** The calendar date of `date` where the user is ("2025-03-12"), not in UTC: late evening stays today. */
export function localIsoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
