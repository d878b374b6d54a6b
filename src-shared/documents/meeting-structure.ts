import type * as Y from 'yjs';

/**
 * Layout of a mission's meetings, in the mission document. Participants of a meeting are keyed by
 * contact id, so two laptops checking people in offline merge person by person. Signatures are
 * kept in the document (see meetings/signature.ts), so they sync with the attendance and are erased
 * with it. Every name below is synced: never reuse or rename one.
 */
export const MEETING_ROOT = {
  meetings: 'meetings',
} as const;

export const MEETING_FIELD = {
  kind: 'kind',
  title: 'title',
  /** ISO date (YYYY-MM-DD). */
  date: 'date',
  /** 'single' (one sitting) or 'full-day' (a morning and an afternoon slot, signed separately). */
  schedule: 'schedule',
  /** 'HH:MM' */
  startTime: 'startTime',
  endTime: 'endTime',
  communeCode: 'communeCode',
  communeName: 'communeName',
  room: 'room',
  /** Nested Y.Text. */
  agenda: 'agenda',
  organiser: 'organiser',
  /** Nested Y.Map: contact id → Y.Map of PARTICIPANT_FIELD. */
  participants: 'participants',
  /**
   * Nested Y.Map: SHA-256 content hash (hex) → Y.Map of PHOTO_FIELD. The bytes are attachments,
   * stored outside the document under the same hash.
   */
  photos: 'photos',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  trashedAt: 'trashedAt',
} as const;

export const PARTICIPANT_FIELD = {
  /** True when the contact was on the invitation list; false for a walk-in. */
  invited: 'invited',
  /** 'expected' until checked in, then 'present', 'excused' or 'absent'. */
  attendance: 'attendance',
  /** Time the status was last set in the room (ms since epoch). */
  checkedAt: 'checkedAt',
  /** Nested Y.Map: slot id → encoded signature (see meetings/signature.ts). */
  signatures: 'signatures',
  /** 'yes' | 'no'; absent when not asked. */
  photoConsent: 'photoConsent',
  recordingConsent: 'recordingConsent',
  updatedAt: 'updatedAt',
} as const;

/** A photo of a paper board attached to the meeting; its bytes are the attachment of the same hash. */
export const PHOTO_FIELD = {
  fileName: 'fileName',
  caption: 'caption',
  /** 'image/jpeg' | 'image/png' | 'image/webp' */
  mediaType: 'mediaType',
  byteLength: 'byteLength',
  /** Pixels, as displayed (after the orientation the camera recorded). */
  width: 'width',
  height: 'height',
  addedAt: 'addedAt',
} as const;

export function meetingsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(MEETING_ROOT.meetings);
}
