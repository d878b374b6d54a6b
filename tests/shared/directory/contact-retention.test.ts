import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_RETENTION_MONTHS } from '@shared/directory/contact-model';
import { addMonthsToIsoDate, contactsDueForReview, defaultRetentionDate } from '@shared/directory/contact-retention';
import { readGdprSettings, writeGdprSettings } from '@shared/directory/gdpr-settings';
import { createContact } from '@shared/directory/contact-operations';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { InvalidOperationError } from '@shared/operations/document-guards';
import { COLLEAGUE_EDIT, LOCAL_EDIT } from '../domain-fixtures';
import { contact, snapshotOf } from './directory-fixtures';

describe('how long personal data is kept', () => {
  it('a new contact is kept for the workspace retention period, month ends clamped', () => {
    expect(defaultRetentionDate('2025-03-12', 36)).toBe('2028-03-12');
    expect(addMonthsToIsoDate('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsToIsoDate('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonthsToIsoDate('2025-12-15', 1)).toBe('2026-01-15');
    expect(() => addMonthsToIsoDate('2025-02-30', 1)).toThrow(RangeError);
  });

  it('contacts past their retention date, or without one, are listed for review; trashed ones and those still within their date are not', () => {
    const due = contactsDueForReview(
      snapshotOf([
        contact('future', { retentionUntil: '2026-01-01' }),
        contact('today', { retentionUntil: '2025-03-12' }),
        contact('past', { retentionUntil: '2024-12-31' }),
        contact('older', { retentionUntil: '2023-06-30' }),
        contact('none', { retentionUntil: null }),
        contact('trashed', { retentionUntil: '2020-01-01', trashedAt: 1 }),
      ]),
      '2025-03-12',
    );
    expect(due.map((entry) => entry.id)).toEqual(['none', 'older', 'past']);
  });
});

describe('GDPR settings of the workspace', () => {
  it('unset settings read as empty with the default retention', () => {
    expect(readGdprSettings(new Y.Doc())).toEqual({ controllerName: '', rightsContact: '', retentionMonths: DEFAULT_RETENTION_MONTHS });
  });

  it('settings are written, cleared by an empty text, and reach a colleague', () => {
    const doc = new Y.Doc();
    writeGdprSettings(doc, { controllerName: ' Département de Maine-et-Loire ', rightsContact: 'dpo@example.fr', retentionMonths: 24 }, LOCAL_EDIT);
    writeGdprSettings(doc, { rightsContact: '' }, LOCAL_EDIT);
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc), COLLEAGUE_EDIT);
    expect(readGdprSettings(colleague)).toEqual({ controllerName: 'Département de Maine-et-Loire', rightsContact: '', retentionMonths: 24 });
  });

  it('a retention period that is not a whole number of months between 1 and 120 is refused', () => {
    const doc = new Y.Doc();
    for (const retentionMonths of [0, 2.5, 121]) {
      expect(() => writeGdprSettings(doc, { retentionMonths }, LOCAL_EDIT)).toThrow(InvalidOperationError);
    }
    expect(readGdprSettings(doc).retentionMonths).toBe(DEFAULT_RETENTION_MONTHS);
  });

  it('a contact created without a retention date (form, walk-in, import) gets the workspace period, so nobody is kept without a review date', () => {
    const doc = new Y.Doc();
    writeGdprSettings(doc, { retentionMonths: 24 }, LOCAL_EDIT);
    const walkIn = createContact(doc, { lastName: 'Lefèvre', firstName: 'Amandine' }, LOCAL_EDIT, new Date(2026, 2, 12, 10).getTime());
    const dated = createContact(doc, { lastName: 'Roux', retentionUntil: '2027-01-31' }, LOCAL_EDIT, new Date(2026, 2, 12, 10).getTime());
    const byId = new Map(readDirectorySnapshot(doc).contacts.map((entry) => [entry.id, entry.retentionUntil]));
    expect(byId.get(walkIn)).toBe('2028-03-12');
    expect(byId.get(dated)).toBe('2027-01-31');
  });
});
