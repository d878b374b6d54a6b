import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSectionChoices } from '@shared/export/report/report-options';
import { LocalDatabase } from '../../src-renderer/storage/local-database';
import {
  DEFAULT_REPORT_VERSION,
  loadMissionReportPreferences,
  loadReportAuthor,
  loadWordTemplate,
  saveMissionReportPreferences,
  saveReportAuthor,
  saveWordTemplate,
} from '../../src-renderer/features/deliverables/deliverable-preferences';
import { moveSectionChoice, setSectionIncluded } from '../../src-renderer/features/deliverables/section-arrangement';

let db: LocalDatabase;

beforeEach(() => {
  db = new LocalDatabase(`bocage-deliverables-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

describe('the deliverables’ settings kept on this machine', () => {
  it('a mission never arranged gets every section, in the default order, and a first version', async () => {
    expect(await loadMissionReportPreferences(db, 'mission-a')).toEqual({ sections: defaultSectionChoices(), version: DEFAULT_REPORT_VERSION });
    expect(await loadReportAuthor(db)).toBe('');
    expect(await loadWordTemplate(db)).toBeNull();
  });

  it('the sections a user reordered and excluded for a mission are found again after a restart, and other missions keep theirs', async () => {
    const sections = setSectionIncluded(moveSectionChoice(defaultSectionChoices(), 'afom', 'up'), 'workshops', false);
    await saveMissionReportPreferences(db, 'mission-a', { sections, version: 'Version 2 – pour le COPIL' });
    db.close();
    const reopened = new LocalDatabase(db.name);
    expect(await loadMissionReportPreferences(reopened, 'mission-a')).toEqual({ sections, version: 'Version 2 – pour le COPIL' });
    expect(await loadMissionReportPreferences(reopened, 'mission-b')).toEqual({ sections: defaultSectionChoices(), version: DEFAULT_REPORT_VERSION });
    reopened.close();
  });

  it('an arrangement saved by another Bocage version loses unknown sections and gains the missing ones, included at the end', async () => {
    await db.settings.put({
      key: 'deliverables.mission.mission-a',
      value: { sections: [{ id: 'annexes', included: false }, { id: 'section-of-the-future', included: true }, { id: 'afom', included: true }], version: 'V3' },
    });
    const { sections } = await loadMissionReportPreferences(db, 'mission-a');
    expect(sections.slice(0, 2)).toEqual([
      { id: 'annexes', included: false },
      { id: 'afom', included: true },
    ]);
    expect(sections).toHaveLength(defaultSectionChoices().length);
    expect(sections.every((choice, index) => index < 2 || choice.included)).toBe(true);
  });

  it('the author is the same for every mission of this machine', async () => {
    await saveReportAuthor(db, 'Claire Dupont, chargée de mission');
    expect(await loadReportAuthor(db)).toBe('Claire Dupont, chargée de mission');
  });

  it('the institution’s Word template keeps its bytes and name until it is removed', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await saveWordTemplate(db, { fileName: 'Charte Département.dotx', bytes });
    const stored = await loadWordTemplate(db);
    expect(stored?.fileName).toBe('Charte Département.dotx');
    expect([...(stored?.bytes ?? [])]).toEqual([...bytes]);
    await saveWordTemplate(db, null);
    expect(await loadWordTemplate(db)).toBeNull();
  });
});
