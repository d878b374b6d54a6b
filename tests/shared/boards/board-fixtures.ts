import * as Y from 'yjs';
import type { BoardTemplate } from '@shared/boards/board-model';
import { createBoard } from '@shared/boards/board-operations';
import { readBoard } from '@shared/boards/board-snapshot';
import type { Board } from '@shared/boards/board-model';
import { inviteContacts } from '@shared/meetings/meeting-operations';
import { CREATED_AT, LOCAL_EDIT } from '../domain-fixtures';
import { addMeeting, missionDoc } from '../meetings/meeting-fixtures';

export { LOCAL_EDIT, COLLEAGUE_EDIT, CREATED_AT, exchangeUpdates } from '../domain-fixtures';

/** Random-looking contact ids, as the directory hands them out. */
export const CLAIRE = '8f6a0d2e-1c3b-4a5d-9e7f-0a1b2c3d4e5f';
export const KARIM = '1d2c3b4a-5e6f-4a8b-9c0d-e1f2a3b4c5d6';

export interface BoardFixture {
  doc: Y.Doc;
  meetingId: string;
  boardId: string;
}

/** A mission with one workshop (Claire and Karim invited) and one board of the given template. */
export function boardFixture(template: BoardTemplate = 'afom'): BoardFixture {
  const doc = missionDoc();
  const meetingId = addMeeting(doc);
  inviteContacts(doc, meetingId, [CLAIRE, KARIM], LOCAL_EDIT, CREATED_AT);
  const boardId = createBoard(doc, LOCAL_EDIT, { meetingId, template, title: 'Atelier AFOM' }, CREATED_AT);
  return { doc, meetingId, boardId };
}

export function boardOf(doc: Y.Doc, boardId: string): Board {
  const board = readBoard(doc, boardId);
  if (!board) throw new Error(`no board ${boardId}`);
  return board;
}

export function cardOf(doc: Y.Doc, boardId: string, cardId: string) {
  const card = boardOf(doc, boardId).cards.find((candidate) => candidate.id === cardId);
  if (!card) throw new Error(`no card ${cardId}`);
  return card;
}

/** A copy of the document on a colleague's laptop, already in sync. */
export function colleagueCopy(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
