import { describe, expect, it, vi } from 'vitest';
import { askBeforeClosingWithUnsentChanges, UNSENT_CHANGES_DIALOG, type UnloadGuardedContents } from '../../src-main/unsent-changes-dialog';

class FakeContents implements UnloadGuardedContents {
  private listener: ((event: { preventDefault(): void }) => void) | null = null;
  on(_event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void) {
    this.listener = listener;
  }
  /** The renderer's beforeunload refused to unload: true when the window closes after all. */
  refuseUnload(): boolean {
    const event = { preventDefault: vi.fn() };
    this.listener?.(event);
    return event.preventDefault.mock.calls.length > 0;
  }
}

describe('closing the desktop window with unsent changes', () => {
  it('asks in French, and the window closes when the user chooses « Quitter »', () => {
    const contents = new FakeContents();
    const showMessageBox = vi.fn(() => 0);
    askBeforeClosingWithUnsentChanges(contents, showMessageBox);
    expect(contents.refuseUnload()).toBe(true);
    expect(showMessageBox).toHaveBeenCalledWith(UNSENT_CHANGES_DIALOG);
    expect(UNSENT_CHANGES_DIALOG.message).toBe('Des modifications n’ont pas encore été envoyées au serveur. Quitter quand même ?');
    expect(UNSENT_CHANGES_DIALOG.buttons).toEqual(['Quitter', 'Rester']);
  });

  it('the window stays open when the user chooses « Rester » or dismisses the dialog', () => {
    const contents = new FakeContents();
    askBeforeClosingWithUnsentChanges(contents, () => UNSENT_CHANGES_DIALOG.cancelId ?? -1);
    expect(contents.refuseUnload()).toBe(false);
  });
});
