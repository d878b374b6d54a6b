import { useEffect } from 'react';

/** RGAA asks for a distinct page title per view. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — Bocage` : 'Bocage';
  }, [title]);
}
