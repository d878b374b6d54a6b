import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addPhotos } from '../../src-renderer/features/meeting-photos/add-photos';
import type * as PhotoPreparation from '../../src-renderer/features/meeting-photos/photo-preparation';
import { fitWithin, sniffPhotoMediaType } from '../../src-renderer/features/meeting-photos/photo-preparation';
import { contentHash } from '@shared/sync/content-hash';
import { LocalDatabase } from '../../src-renderer/storage/local-database';
import { addMeeting, meetingOf, missionDoc } from '../shared/meetings/meeting-fixtures';

vi.mock('../../src-renderer/features/meeting-photos/photo-preparation', async (importOriginal) => {
  const original = await importOriginal<typeof PhotoPreparation>();
  // Decoding and reducing need a browser's canvas: the end-to-end test covers them in Chromium.
  // Here the real checks run first, and a file that passes them is "reduced" to its own bytes.
  return {
    ...original,
    preparePhoto: vi.fn(async (file: File) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const mediaType = original.sniffPhotoMediaType(bytes);
      if (!mediaType) return original.preparePhoto(file);
      return { bytes, mediaType, width: 1600, height: 1200 };
    }),
  };
});

const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

let db: LocalDatabase;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB = globalThis.indexedDB;
  db = new LocalDatabase();
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('recognising a photo by its content, not its name', () => {
  it.each([
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe1, 0, 0], 'image/jpeg'],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'image/png'],
    ['a WebP', [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50], 'image/webp'],
    ['a text file renamed .jpg', [...new TextEncoder().encode('Compte rendu de l’atelier')], null],
    ['a WAV sound (RIFF, but not WebP)', [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45], null],
    ['an empty file', [], null],
  ])('%s is told apart by its first bytes (%s)', (_name, bytes, expected) => {
    expect(sniffPhotoMediaType(new Uint8Array(bytes))).toBe(expected);
  });
});

describe('reducing phone photos', () => {
  it.each([
    [4000, 3000, { width: 2560, height: 1920 }],
    [3000, 4000, { width: 1920, height: 2560 }],
    [2560, 100, { width: 2560, height: 100 }],
    [1200, 900, { width: 1200, height: 900 }],
    [10_000, 3, { width: 2560, height: 1 }],
  ])('a %i × %i photo is stored at %j, proportions kept and never enlarged', (width, height, expected) => {
    expect(fitWithin(width, height, 2560)).toEqual(expected);
  });
});

describe('adding photos to a meeting', () => {
  it('stores the photo, then attaches it under the hash of its bytes', async () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);

    const result = await addPhotos(db, doc, meeting, [new File([JPEG_BYTES], 'IMG_2041.jpg')], () => undefined);

    expect(result).toEqual({ added: 1, refusals: [] });
    const [photo] = meetingOf(doc, meeting).photos;
    expect(photo).toMatchObject({ hash: await contentHash(JPEG_BYTES.slice()), fileName: 'IMG_2041.jpg', mediaType: 'image/jpeg', width: 1600, height: 1200 });
    expect(await db.attachments.get(photo?.hash ?? '')).toMatchObject({ byteLength: JPEG_BYTES.byteLength });
  });

  it('refuses a text file renamed .jpg with a French reason naming it, storing and attaching nothing', async () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);

    const result = await addPhotos(db, doc, meeting, [new File(['Compte rendu de l’atelier'], 'compte-rendu.jpg', { type: 'image/jpeg' })], () => undefined);

    expect(result).toEqual({
      added: 0,
      refusals: ['Le fichier « compte-rendu.jpg » n’est pas une photo : seules les images JPEG, PNG ou WebP peuvent être jointes. Rien n’a été ajouté.'],
    });
    expect(meetingOf(doc, meeting).photos).toEqual([]);
    expect(await db.attachments.count()).toBe(0);
  });

  it('refuses an empty file, and still adds the good photos chosen with it', async () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    const progress: number[] = [];

    const result = await addPhotos(db, doc, meeting, [new File([], 'vide.png'), new File([JPEG_BYTES], 'mur.jpg')], (done) => progress.push(done));

    expect(result.added).toBe(1);
    expect(result.refusals).toEqual(['Le fichier « vide.png » est vide : rien n’a été ajouté.']);
    expect(meetingOf(doc, meeting).photos.map((photo) => photo.fileName)).toEqual(['mur.jpg']);
    expect(progress).toEqual([0, 1, 2]);
  });

  it('on a full disk, says so in French and leaves the meeting unchanged', async () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    const before = meetingOf(doc, meeting);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const result = await addPhotos(db, doc, meeting, [new File([JPEG_BYTES], 'IMG_2041.jpg')], () => undefined);

    expect(result.added).toBe(0);
    expect(result.refusals).toEqual([expect.stringContaining('« IMG_2041.jpg » : L’espace de stockage de cet ordinateur est plein')]);
    expect(meetingOf(doc, meeting)).toEqual(before);
  });

  it('a photo already attached to the meeting is reported, not attached twice', async () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    await addPhotos(db, doc, meeting, [new File([JPEG_BYTES], 'IMG_2041.jpg')], () => undefined);

    const result = await addPhotos(db, doc, meeting, [new File([JPEG_BYTES], 'copie.jpg')], () => undefined);

    expect(result.refusals).toEqual(['« copie.jpg » : Cette photo est déjà jointe à la réunion.']);
    expect(meetingOf(doc, meeting).photos).toHaveLength(1);
    expect(await db.attachments.count()).toBe(1);
  });

  it('the real preparation refuses a file that is not an image before decoding anything', async () => {
    const { preparePhoto } = await vi.importActual<typeof PhotoPreparation>('../../src-renderer/features/meeting-photos/photo-preparation');
    await expect(preparePhoto(new File(['%PDF-1.7'], 'programme.png'))).rejects.toThrow('Le fichier « programme.png » n’est pas une photo');
  });
});
