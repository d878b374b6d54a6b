import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { MEETING_FIELD, meetingsMap } from '@shared/documents/meeting-structure';
import { trashMeeting } from '@shared/meetings/meeting-operations';
import { attachPhoto, removePhoto, type PhotoToAttach } from '@shared/meetings/meeting-photo-operations';
import { isAttachmentMediaType, missionAttachmentHashes } from '@shared/sync/attachment-references';
import { LOCAL_EDIT } from '../domain-fixtures';
import { LATER, addMeeting, missionDoc, missionOnTwoMachines } from '../meetings/meeting-fixtures';

const PAPERBOARD_HASH = 'c'.repeat(64);
const POST_IT_WALL_HASH = 'a'.repeat(64);
const FLIP_CHART_HASH = 'b'.repeat(64);

function photo(hash: string): PhotoToAttach {
  return { hash, fileName: `${hash.slice(0, 4)}.jpg`, mediaType: 'image/jpeg', byteLength: 1000, width: 800, height: 600 };
}

describe('the attachments a mission references', () => {
  test('a mission without photos references no attachment, so its sync sends no request', () => {
    const doc = missionDoc();
    addMeeting(doc);

    expect(missionAttachmentHashes(doc)).toEqual([]);
  });

  test('every photo of every meeting is listed once and in a stable order, even when two meetings share a photo', () => {
    const doc = missionDoc();
    const morning = addMeeting(doc, { title: 'Atelier du matin' });
    const evening = addMeeting(doc, { title: 'Réunion du soir' });
    attachPhoto(doc, LOCAL_EDIT, morning, photo(PAPERBOARD_HASH), LATER);
    attachPhoto(doc, LOCAL_EDIT, morning, photo(POST_IT_WALL_HASH), LATER);
    attachPhoto(doc, LOCAL_EDIT, evening, photo(PAPERBOARD_HASH), LATER);
    attachPhoto(doc, LOCAL_EDIT, evening, photo(FLIP_CHART_HASH), LATER);

    expect(missionAttachmentHashes(doc)).toEqual([POST_IT_WALL_HASH, FLIP_CHART_HASH, PAPERBOARD_HASH]);
  });

  test('the photos of a meeting in the trash still sync, so restoring the meeting shows them on every machine', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo(PAPERBOARD_HASH), LATER);
    trashMeeting(doc, meeting, LOCAL_EDIT, LATER);

    expect(missionAttachmentHashes(doc)).toEqual([PAPERBOARD_HASH]);
  });

  test('a removed photo is no longer referenced', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo(PAPERBOARD_HASH), LATER);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo(POST_IT_WALL_HASH), LATER);
    removePhoto(doc, LOCAL_EDIT, meeting, PAPERBOARD_HASH, LATER);

    expect(missionAttachmentHashes(doc)).toEqual([POST_IT_WALL_HASH]);
  });

  test('photos attached on two machines offline are all referenced once the replicas merge', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const meeting = addMeeting(mine);
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    attachPhoto(mine, LOCAL_EDIT, meeting, photo(PAPERBOARD_HASH), LATER);
    attachPhoto(theirs, LOCAL_EDIT, meeting, photo(FLIP_CHART_HASH), LATER);

    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));

    expect(missionAttachmentHashes(mine)).toEqual([FLIP_CHART_HASH, PAPERBOARD_HASH]);
    expect(missionAttachmentHashes(theirs)).toEqual(missionAttachmentHashes(mine));
  });

  test('a key that is not a content hash, written by a faulty client, is never asked of the server', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    attachPhoto(doc, LOCAL_EDIT, meeting, photo(PAPERBOARD_HASH), LATER);
    const photos = meetingsMap(doc).get(meeting)?.get(MEETING_FIELD.photos) as Y.Map<unknown>;
    photos.set('../../etc/passwd', new Y.Map());
    photos.set('C'.repeat(64), new Y.Map());

    expect(missionAttachmentHashes(doc)).toEqual([PAPERBOARD_HASH]);
  });
});

describe('the kinds of file an attachment may be', () => {
  test('photos and PDF are accepted; files a browser could run or that a meeting does not take are not', () => {
    expect(['image/jpeg', 'image/png', 'image/webp', 'application/pdf'].filter(isAttachmentMediaType)).toHaveLength(4);
    expect(['image/svg+xml', 'text/html', 'image/gif', 'application/octet-stream', ''].some(isAttachmentMediaType)).toBe(false);
  });
});
