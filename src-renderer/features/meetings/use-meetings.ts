import type * as Y from 'yjs';
import { readDirectorySnapshot, type DirectorySnapshot } from '@shared/directory/directory-snapshot';
import type { Meeting } from '@shared/meetings/meeting-model';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { useDocumentReader } from '../diagnostic-links/use-document-reader';

/** The mission's meetings, trashed ones included (flagged), read once per change of the document. */
export function useMeetings(doc: Y.Doc): Meeting[] {
  return useDocumentReader(doc, readMeetings);
}

export function useDirectorySnapshot(doc: Y.Doc): DirectorySnapshot {
  return useDocumentReader(doc, readDirectorySnapshot);
}
