import type { QualitativeCollection } from '@shared/qualitative/qualitative-structure';
import { ROUTES } from '../../app/routes';

/** The address segment of each qualitative section (see mission-sections.ts). */
export const QUALITATIVE_SLUG: Record<QualitativeCollection, string> = {
  observations: 'constats',
  afom: 'afom',
  enjeux: 'enjeux',
  orientations: 'orientations',
  actionSheets: 'fiches-actions',
};

/** A record's page; AFOM items have none, so they lead to the AFOM grid. */
export function recordHref(missionId: string, collection: QualitativeCollection, id?: string): string {
  return ROUTES.missionSection(missionId, QUALITATIVE_SLUG[collection], collection === 'afom' ? undefined : id);
}
