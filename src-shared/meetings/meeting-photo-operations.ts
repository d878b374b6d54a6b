/**
 * Named operations on the photos of paper boards attached to a meeting. The document holds what
 * describes a photo; its bytes are an attachment stored under their content hash, outside the
 * document: the mission stays light to sync, and the same photo attached twice is stored once.
 * Each operation runs in one transaction and marks the meeting and the mission modified.
 */
import * as Y from 'yjs';
import { MISSION_FIELD, missionMap } from '../documents/document-structure';
import { MEETING_FIELD, PHOTO_FIELD, meetingsMap } from '../documents/meeting-structure';
import { formatInteger } from '../format/french-format';
import { InvalidOperationError, runOperation } from '../operations/document-guards';
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTO_CAPTION_LENGTH,
  MAX_PHOTO_FILE_NAME_LENGTH,
  MAX_PHOTO_SIDE,
  isContentHash,
  isPhotoMediaType,
  type MeetingPhoto,
} from './meeting-model';

/** What the renderer knows of a photo it has just stored. */
export type PhotoToAttach = Omit<MeetingPhoto, 'addedAt' | 'caption'> & { caption?: string };

const MEETING_NOT_FOUND = 'Cette réunion est introuvable (elle a peut-être été supprimée sur un autre poste).';
const PHOTO_NOT_FOUND = 'Cette photo n’est plus jointe à la réunion (elle a peut-être été retirée sur un autre poste).';
const CAPTION_TOO_LONG = `La légende ne doit pas dépasser ${formatInteger(MAX_PHOTO_CAPTION_LENGTH)} caractères.`;

function requireMeeting(doc: Y.Doc, meetingId: string): Y.Map<unknown> {
  const record = meetingsMap(doc).get(meetingId);
  if (!(record instanceof Y.Map)) throw new InvalidOperationError(MEETING_NOT_FOUND);
  return record;
}

function touch(doc: Y.Doc, record: Y.Map<unknown>, now: number): void {
  record.set(MEETING_FIELD.updatedAt, now);
  missionMap(doc).set(MISSION_FIELD.updatedAt, now);
}

/**
 * The photos map of the meeting. A meeting created before photos existed has none: creating it
 * here is a last resort, since two replicas doing it concurrently would keep only one of the two
 * maps, and the photos attached to the other.
 */
function photosOf(record: Y.Map<unknown>): Y.Map<Y.Map<unknown>> {
  const existing = record.get(MEETING_FIELD.photos);
  if (existing instanceof Y.Map) return existing as Y.Map<Y.Map<unknown>>;
  const created = new Y.Map<Y.Map<unknown>>();
  record.set(MEETING_FIELD.photos, created);
  return created;
}

function requirePhoto(record: Y.Map<unknown>, hash: string): Y.Map<unknown> {
  const photos = record.get(MEETING_FIELD.photos);
  const photo = photos instanceof Y.Map ? photos.get(hash) : undefined;
  if (!(photo instanceof Y.Map)) throw new InvalidOperationError(PHOTO_NOT_FOUND);
  return photo;
}

function isPositiveInteger(value: unknown, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max;
}

/** Every check on the photo's description, before anything is written. */
function validatePhoto(photo: PhotoToAttach): void {
  if (!isContentHash(photo.hash)) throw new InvalidOperationError('La photo n’a pas pu être identifiée : ajoutez-la de nouveau.');
  if (!isPhotoMediaType(photo.mediaType)) throw new InvalidOperationError('Seules les photos au format JPEG, PNG ou WebP peuvent être jointes.');
  if (typeof photo.fileName !== 'string' || photo.fileName.trim() === '') {
    throw new InvalidOperationError('Le nom du fichier de la photo est obligatoire.');
  }
  if (photo.fileName.trim().length > MAX_PHOTO_FILE_NAME_LENGTH) {
    throw new InvalidOperationError(`Le nom du fichier ne doit pas dépasser ${formatInteger(MAX_PHOTO_FILE_NAME_LENGTH)} caractères.`);
  }
  if (photo.caption !== undefined && (typeof photo.caption !== 'string' || photo.caption.length > MAX_PHOTO_CAPTION_LENGTH)) {
    throw new InvalidOperationError(CAPTION_TOO_LONG);
  }
  if (!isPositiveInteger(photo.byteLength, MAX_PHOTO_BYTES)) {
    throw new InvalidOperationError(`La photo doit peser plus de 0 octet et au plus ${formatInteger(MAX_PHOTO_BYTES / (1024 * 1024))} Mo.`);
  }
  if (!isPositiveInteger(photo.width, MAX_PHOTO_SIDE) || !isPositiveInteger(photo.height, MAX_PHOTO_SIDE)) {
    throw new InvalidOperationError(`Les dimensions de la photo sont invalides : ${formatInteger(MAX_PHOTO_SIDE)} pixels au plus de chaque côté.`);
  }
}

/**
 * References a stored photo from the meeting. The bytes must be stored first: a reference without
 * its bytes would show a photo that exists nowhere, while bytes without a reference cost only space.
 */
export function attachPhoto(doc: Y.Doc, origin: unknown, meetingId: string, photo: PhotoToAttach, now: number = Date.now()): void {
  validatePhoto(photo);
  runOperation(doc, origin, () => {
    const record = requireMeeting(doc, meetingId);
    if (typeof record.get(MEETING_FIELD.trashedAt) === 'number') {
      throw new InvalidOperationError('Cette réunion est dans la corbeille : restaurez-la pour y joindre des photos.');
    }
    const photos = photosOf(record);
    if (photos.has(photo.hash)) throw new InvalidOperationError('Cette photo est déjà jointe à la réunion.');
    const entry = new Y.Map<unknown>();
    entry.set(PHOTO_FIELD.fileName, photo.fileName.trim());
    const caption = photo.caption?.trim();
    if (caption) entry.set(PHOTO_FIELD.caption, caption);
    entry.set(PHOTO_FIELD.mediaType, photo.mediaType);
    entry.set(PHOTO_FIELD.byteLength, photo.byteLength);
    entry.set(PHOTO_FIELD.width, photo.width);
    entry.set(PHOTO_FIELD.height, photo.height);
    entry.set(PHOTO_FIELD.addedAt, now);
    photos.set(photo.hash, entry);
    touch(doc, record, now);
  });
}

/** Saves the caption as typed (trimming each keystroke would swallow the space between two words); empty removes it. */
export function setPhotoCaption(doc: Y.Doc, origin: unknown, meetingId: string, hash: string, caption: string, now: number = Date.now()): void {
  if (typeof caption !== 'string' || caption.length > MAX_PHOTO_CAPTION_LENGTH) throw new InvalidOperationError(CAPTION_TOO_LONG);
  runOperation(doc, origin, () => {
    const record = requireMeeting(doc, meetingId);
    const photo = requirePhoto(record, hash);
    if (caption.trim() === '') photo.delete(PHOTO_FIELD.caption);
    else photo.set(PHOTO_FIELD.caption, caption);
    touch(doc, record, now);
  });
}

/**
 * Takes the photo off the meeting. Its bytes stay in local storage, where another meeting may
 * use the same photo; a photo already removed elsewhere is not an error.
 */
export function removePhoto(doc: Y.Doc, origin: unknown, meetingId: string, hash: string, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireMeeting(doc, meetingId);
    const photos = record.get(MEETING_FIELD.photos);
    if (!(photos instanceof Y.Map) || !photos.has(hash)) return;
    photos.delete(hash);
    touch(doc, record, now);
  });
}
