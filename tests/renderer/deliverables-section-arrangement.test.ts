import { describe, expect, it } from 'vitest';
import { PRE_DIAGNOSTIC_SECTION_IDS } from '@shared/export/report/report-model';
import { defaultSectionChoices } from '@shared/export/report/report-options';
import {
  includedSectionCount,
  moveAnnouncement,
  moveSectionChoice,
  setSectionIncluded,
} from '../../src-renderer/features/deliverables/section-arrangement';

describe('the arrangement of the pre-diagnostic’s sections', () => {
  it('moving a section up or down swaps it with its neighbour and keeps every other section in place', () => {
    const moved = moveSectionChoice(defaultSectionChoices(), 'afom', 'up');
    expect(moved.map((choice) => choice.id)).toEqual([
      'context-method',
      'territory-portrait',
      'afom',
      'thematic-diagnostics',
      'enjeux',
      'orientations',
      'action-sheets',
      'workshops',
      'annexes',
    ]);
    expect(moveSectionChoice(moved, 'afom', 'down')).toEqual(defaultSectionChoices());
  });

  it('a section at an end stays there, so a repeated key press cannot lose or duplicate it', () => {
    const choices = defaultSectionChoices();
    expect(moveSectionChoice(choices, 'context-method', 'up')).toEqual(choices);
    expect(moveSectionChoice(choices, 'annexes', 'down')).toEqual(choices);
    expect(new Set(moveSectionChoice(choices, 'annexes', 'down').map((choice) => choice.id)).size).toBe(PRE_DIAGNOSTIC_SECTION_IDS.length);
  });

  it('excluding a section keeps its place, so including it again puts it back where the user had it', () => {
    const arranged = moveSectionChoice(defaultSectionChoices(), 'enjeux', 'up');
    const excluded = setSectionIncluded(arranged, 'enjeux', false);
    expect(excluded.map((choice) => choice.id)).toEqual(arranged.map((choice) => choice.id));
    expect(excluded.find((choice) => choice.id === 'enjeux')?.included).toBe(false);
    expect(includedSectionCount(excluded)).toBe(PRE_DIAGNOSTIC_SECTION_IDS.length - 1);
    expect(setSectionIncluded(excluded, 'enjeux', true)).toEqual(arranged);
  });

  it('a screen reader hears where the moved section now stands', () => {
    const moved = moveSectionChoice(defaultSectionChoices(), 'annexes', 'up');
    expect(moveAnnouncement(moved, 'annexes')).toBe('« Annexes : participants et sources » est maintenant en position 8 sur 9.');
  });
});
