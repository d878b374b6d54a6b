import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { CONTACT_CATEGORIES, type Contact, type Organisation } from '@shared/directory/contact-model';
import { frenchCollator } from '@shared/directory/contact-search';
import { readDirectorySnapshot, type DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readGdprSettings } from '@shared/directory/gdpr-settings';
import type { GdprSettings } from '@shared/directory/contact-model';
import { normalizeForSearch } from '@shared/text/normalize-search';
import { useDocumentReader } from '../diagnostic-links/use-document-reader';
import { useGeography } from '../territory/use-geography';

export function useDirectorySnapshot(doc: Y.Doc): DirectorySnapshot {
  return useDocumentReader(doc, readDirectorySnapshot);
}

export function useGdprSettings(doc: Y.Doc): GdprSettings {
  return useDocumentReader(doc, readGdprSettings);
}

/** Live organisations in French alphabetical order, for pickers and filters. */
export function liveOrganisations(snapshot: DirectorySnapshot): Organisation[] {
  return snapshot.organisations.filter((organisation) => organisation.trashedAt === null).sort((left, right) => frenchCollator.compare(left.name, right.name));
}

export function useOrganisationNames(snapshot: DirectorySnapshot): ReadonlyMap<string, string> {
  return useMemo(() => new Map(snapshot.organisations.map((organisation) => [organisation.id, organisation.name])), [snapshot]);
}

/** "Élu·e" without the parenthesis of the partners' label, for narrow table cells. */
export function shortCategoryLabel(contact: Pick<Contact, 'category'>): string {
  const label = CONTACT_CATEGORIES.find((entry) => entry.id === contact.category)?.label ?? '';
  return label.replace(/ \(.*\)$/, '');
}

/**
 * The INSEE code of a commune written by name, from the geography shipped with the app: known
 * only when exactly one commune of France has that name (there are several Saint-Martin).
 */
export function useCommuneCodeOf(): (name: string) => string | null {
  const { loaded } = useGeography();
  const byName = useMemo(() => {
    const codes = new Map<string, string | null>();
    for (const commune of loaded?.geography.communes ?? []) {
      const key = normalizeForSearch(commune.name);
      codes.set(key, codes.has(key) ? null : commune.code);
    }
    return codes;
  }, [loaded]);
  return useCallback((name: string) => byName.get(normalizeForSearch(name)) ?? null, [byName]);
}
