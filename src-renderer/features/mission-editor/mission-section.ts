import type { MissionSnapshot } from '@shared/model/mission';
import type { OpenDocument } from '../../storage/document-store';

/** What every section of a mission page receives from the mission layout. */
export interface MissionSectionProps {
  mission: OpenDocument;
  snapshot: MissionSnapshot;
  readOnly: boolean;
  /** The record named in the address (a fiche action's id…), when the section shows one. */
  itemId: string | null;
}
