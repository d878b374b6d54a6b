import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { META_FIELD, MISSION_FIELD, metaMap, missionMap } from '@shared/documents/document-structure';
import { meetingsMap } from '@shared/documents/meeting-structure';
import { trashMeeting } from '@shared/meetings/meeting-operations';
import { attachPhoto, removePhoto, setPhotoCaption, type PhotoToAttach } from '@shared/meetings/meeting-photo-operations';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { ReadOnlyDocumentError } from '@shared/operations/document-guards';
import { LOCAL_EDIT, exchangeUpdates, missionUndoManager } from '../domain-fixtures';
import { LATER, MUCH_LATER, addMeeting, meetingOf, missionDoc, missionOnTwoMachines } from './meeting-fixtures';

const PAPERBOARD_HASH = 'a'.repeat(64);
const POST_IT_WALL_HASH = 'b'.repeat(64);

function photo(overrides: Partial<PhotoToAttach> = {}): PhotoToAttach {
  return {
    hash: PAPERBOARD_HASH,
    fileName: 'IMG_2041.jpg',
    mediaType: 'image/jpeg',
    byteLength: 812_345,
    width: 2560,
    height: 1920,
    ...overrides,
  };
}

describe('attaching photos of paper boards to a meeting', () => {
  test('an attached photo is listed with the meeting, described as stored, and the mission shows it was modified', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);

    attachPhoto(doc, LOCAL_EDIT, meeting, photo({ fileName: '  IMG_2041.jpg ', caption: ' Paperboard des attentes ' }), LATER);

    expect(meetingOf(doc, meeting).photos).toEqual([
      {
        hash: PAPERBOARD_HASH,
        fileName: 'IMG_2041.jpg',
        caption: 'Paperboard des attentes',
        mediaType: 'image/jpeg',
        byteLength: 812_345,
        width: 2560,
        height: 1920,
        addedAt: LATER,
      },
    ]);
    expect(meetingOf(doc, meeting).updatedAt).toBe(LATER);
    expect(missionMap(doc).get(MISSION_FIELD.updatedAt)).toBe(LATER);
  });

  test('photos are listed in the order they were taken into the meeting, whatever order they are stored in', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo({ hash: POST_IT_WALL_HASH, fileName: 'mur.png', mediaType: 'image/png' }), MUCH_LATER);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo(), LATER);

    expect(meetingOf(doc, meeting).photos.map((entry) => entry.fileName)).toEqual(['IMG_2041.jpg', 'mur.png']);
  });

  test('the same photo attached twice to a meeting is refused, so it never shows twice', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo(), LATER);

    expect(() => attachPhoto(doc, LOCAL_EDIT, meeting, photo({ fileName: 'copie.jpg' }), MUCH_LATER)).toThrow('Cette photo est déjà jointe à la réunion.');
    expect(meetingOf(doc, meeting).photos.map((entry) => entry.fileName)).toEqual(['IMG_2041.jpg']);
  });

  test.each([
    [{ hash: 'not-a-hash' }, 'La photo n’a pas pu être identifiée'],
    [{ hash: 'A'.repeat(64) }, 'La photo n’a pas pu être identifiée'],
    [{ mediaType: 'image/gif' as never }, 'Seules les photos au format JPEG, PNG ou WebP'],
    [{ mediaType: 'text/plain' as never }, 'Seules les photos au format JPEG, PNG ou WebP'],
    [{ fileName: '   ' }, 'Le nom du fichier de la photo est obligatoire.'],
    [{ fileName: `${'x'.repeat(300)}.jpg` }, 'Le nom du fichier ne doit pas dépasser 255 caractères.'],
    [{ caption: 'x'.repeat(501) }, 'La légende ne doit pas dépasser 500 caractères.'],
    [{ byteLength: 0 }, 'La photo doit peser plus de 0 octet et au plus 25 Mo.'],
    [{ byteLength: 26 * 1024 * 1024 }, 'La photo doit peser plus de 0 octet et au plus 25 Mo.'],
    [{ width: 4000 }, 'Les dimensions de la photo sont invalides'],
    [{ height: 0 }, 'Les dimensions de la photo sont invalides'],
    [{ width: 12.5 }, 'Les dimensions de la photo sont invalides'],
  ])('a photo described as %j is refused with a French reason and the meeting is left unchanged', (overrides, message) => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    const before = meetingOf(doc, meeting);

    expect(() => attachPhoto(doc, LOCAL_EDIT, meeting, photo(overrides), LATER)).toThrow(message);
    expect(meetingOf(doc, meeting)).toEqual(before);
  });

  test('a photo cannot be attached to a meeting in the trash, nor to a meeting deleted meanwhile', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    trashMeeting(doc, meeting, LOCAL_EDIT, LATER);

    expect(() => attachPhoto(doc, LOCAL_EDIT, meeting, photo(), MUCH_LATER)).toThrow('Cette réunion est dans la corbeille : restaurez-la pour y joindre des photos.');
    expect(() => attachPhoto(doc, LOCAL_EDIT, 'inconnue', photo(), MUCH_LATER)).toThrow('Cette réunion est introuvable');
    expect(meetingOf(doc, meeting).photos).toEqual([]);
  });

  test('a mission written by a newer Bocage gets no photo', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    metaMap(doc).set(META_FIELD.schemaVersion, 999);

    expect(() => attachPhoto(doc, LOCAL_EDIT, meeting, photo(), LATER)).toThrow(ReadOnlyDocumentError);
  });
});

describe('captions and removal', () => {
  test('a caption is kept as typed, space between two words included, and clearing it leaves the photo without caption', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo(), LATER);

    setPhotoCaption(doc, LOCAL_EDIT, meeting, PAPERBOARD_HASH, 'Atelier 2 ', MUCH_LATER);
    expect(meetingOf(doc, meeting).photos[0]?.caption).toBe('Atelier 2 ');
    expect(meetingOf(doc, meeting).updatedAt).toBe(MUCH_LATER);

    setPhotoCaption(doc, LOCAL_EDIT, meeting, PAPERBOARD_HASH, '  ', MUCH_LATER);
    expect(meetingOf(doc, meeting).photos[0]?.caption).toBe('');
  });

  test('a caption longer than 500 characters is refused and the saved one is kept', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo({ caption: 'Mur des idées' }), LATER);

    expect(() => setPhotoCaption(doc, LOCAL_EDIT, meeting, PAPERBOARD_HASH, 'x'.repeat(501), MUCH_LATER)).toThrow('La légende ne doit pas dépasser 500 caractères.');
    expect(meetingOf(doc, meeting).photos[0]?.caption).toBe('Mur des idées');
  });

  test('captioning a photo a colleague removed meanwhile says so instead of failing silently', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);

    expect(() => setPhotoCaption(doc, LOCAL_EDIT, meeting, PAPERBOARD_HASH, 'Légende', LATER)).toThrow('Cette photo n’est plus jointe à la réunion');
  });

  test('a removed photo disappears from the meeting, and removing it again is harmless', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo(), LATER);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo({ hash: POST_IT_WALL_HASH, fileName: 'mur.jpg' }), LATER);

    removePhoto(doc, LOCAL_EDIT, meeting, PAPERBOARD_HASH, MUCH_LATER);
    removePhoto(doc, LOCAL_EDIT, meeting, PAPERBOARD_HASH, MUCH_LATER);

    expect(meetingOf(doc, meeting).photos.map((entry) => entry.fileName)).toEqual(['mur.jpg']);
    expect(meetingOf(doc, meeting).updatedAt).toBe(MUCH_LATER);
  });

  test('undo brings back a photo removed by mistake, with its caption', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo({ caption: 'Arbre à problèmes' }), LATER);
    const undo = missionUndoManager(doc, LOCAL_EDIT);

    removePhoto(doc, LOCAL_EDIT, meeting, PAPERBOARD_HASH, MUCH_LATER);
    undo.undo();

    expect(meetingOf(doc, meeting).photos.map((entry) => entry.caption)).toEqual(['Arbre à problèmes']);
  });

  test('an entry that is not a photo (a damaged or foreign key) is left out of the list rather than breaking it', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo(), LATER);
    const photos = meetingsMap(doc).get(meeting)?.get('photos');
    if (!(photos instanceof Y.Map)) throw new Error('the meeting has no photos map');
    photos.set('pas-une-empreinte', new Y.Map());
    photos.set(POST_IT_WALL_HASH, 'pas une photo');

    expect(meetingOf(doc, meeting).photos.map((entry) => entry.hash)).toEqual([PAPERBOARD_HASH]);
  });
});

describe('two laptops attaching photos offline', () => {
  test('two offline replicas attaching different photos to the same meeting both keep theirs', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const meeting = addMeeting(mine);
    exchangeUpdates(mine, theirs);

    attachPhoto(mine, LOCAL_EDIT, meeting, photo({ caption: 'Paperboard du groupe 1' }), LATER);
    attachPhoto(theirs, LOCAL_EDIT, meeting, photo({ hash: POST_IT_WALL_HASH, fileName: 'mur.png', mediaType: 'image/png' }), MUCH_LATER);
    exchangeUpdates(mine, theirs);

    expect(readMeetings(mine)).toEqual(readMeetings(theirs));
    expect(meetingOf(theirs, meeting).photos.map((entry) => [entry.hash, entry.caption])).toEqual([
      [PAPERBOARD_HASH, 'Paperboard du groupe 1'],
      [POST_IT_WALL_HASH, ''],
    ]);
  });

  test('a caption typed on one laptop and a photo added on the other both survive', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const meeting = addMeeting(mine);
    attachPhoto(mine, LOCAL_EDIT, meeting, photo(), LATER);
    exchangeUpdates(mine, theirs);

    setPhotoCaption(mine, LOCAL_EDIT, meeting, PAPERBOARD_HASH, 'Restitution', MUCH_LATER);
    attachPhoto(theirs, LOCAL_EDIT, meeting, photo({ hash: POST_IT_WALL_HASH, fileName: 'mur.jpg' }), MUCH_LATER);
    exchangeUpdates(mine, theirs);

    expect(readMeetings(mine)).toEqual(readMeetings(theirs));
    expect(meetingOf(mine, meeting).photos.map((entry) => entry.caption)).toEqual(['Restitution', '']);
  });

  test('a photo removed on one laptop while the other captions it stays removed on both', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const meeting = addMeeting(mine);
    attachPhoto(mine, LOCAL_EDIT, meeting, photo(), LATER);
    exchangeUpdates(mine, theirs);

    removePhoto(mine, LOCAL_EDIT, meeting, PAPERBOARD_HASH, MUCH_LATER);
    setPhotoCaption(theirs, LOCAL_EDIT, meeting, PAPERBOARD_HASH, 'Trop tard', MUCH_LATER);
    exchangeUpdates(mine, theirs);

    expect(meetingOf(mine, meeting).photos).toEqual([]);
    expect(meetingOf(theirs, meeting).photos).toEqual([]);
  });
});
