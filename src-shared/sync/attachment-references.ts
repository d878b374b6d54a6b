import * as Y from 'yjs';
import { MEETING_FIELD, meetingsMap } from '../documents/meeting-structure';
import { PHOTO_MEDIA_TYPES, isContentHash } from '../meetings/meeting-model';

/**
 * What an attachment may be: the photo formats a meeting accepts, and PDF for scanned documents.
 * The server refuses anything else, so a browser never receives active content (HTML, SVG) from it.
 */
export const ATTACHMENT_MEDIA_TYPES = [...PHOTO_MEDIA_TYPES, 'application/pdf'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

export function isAttachmentMediaType(value: unknown): value is AttachmentMediaType {
  return ATTACHMENT_MEDIA_TYPES.some((mediaType) => mediaType === value);
}

/** Reads the hashes of one kind of attachment from a mission document; may yield duplicates and junk. */
type AttachmentReferenceReader = (doc: Y.Doc) => Iterable<unknown>;

/** The photos of paper boards, trashed meetings included: a meeting restored from the trash shows them again. */
function* meetingPhotoHashes(doc: Y.Doc): Iterable<string> {
  for (const meeting of meetingsMap(doc).values()) {
    if (!(meeting instanceof Y.Map)) continue;
    const photos = meeting.get(MEETING_FIELD.photos);
    if (photos instanceof Y.Map) yield* photos.keys();
  }
}

/** Every place a mission document names an attachment by its hash: a new kind of attachment adds one line. */
const ATTACHMENT_REFERENCE_READERS: readonly AttachmentReferenceReader[] = [meetingPhotoHashes];

/**
 * Every attachment hash the mission references, once each and sorted, so two replicas of the same
 * document give the same list. A key that is not a content hash (written by a faulty or hostile
 * client) is left out: it names nothing that could be fetched or verified.
 */
export function missionAttachmentHashes(doc: Y.Doc): string[] {
  const hashes = new Set<string>();
  for (const read of ATTACHMENT_REFERENCE_READERS) {
    for (const hash of read(doc)) if (isContentHash(hash)) hashes.add(hash);
  }
  return [...hashes].sort();
}
