import { useCallback, useEffect, useRef } from 'react';

/**
 * A native modal dialog shown while `open` is true. It remembers what had the focus when it
 * opened, so its close handler can give the focus back there (`restoreFocus`).
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  const restoreFocus = useCallback(() => {
    opener.current?.focus();
    opener.current = null;
  }, []);
  return { dialog, restoreFocus };
}
