import type * as Y from 'yjs';
import type { Board } from '@shared/boards/board-model';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import type { Meeting } from '@shared/meetings/meeting-model';

/** What every panel beside a board receives from the board page. */
export interface BoardPanelProps {
  missionId: string;
  /** The mission document holding the board. */
  doc: Y.Doc;
  board: Board;
  meeting: Meeting;
  /** To name participants (authors, voters). */
  directory: DirectorySnapshot;
  /** Ids of the selected cards, in selection order. */
  selection: readonly string[];
  readOnly: boolean;
}
