/**
 * "Oublier cette personne" (GDPR art. 17), the document side. Erasing is not trashing: the
 * contact's record and every reference to it are deleted from the Yjs documents, and the erasure
 * is logged (by random id only) so that every replica removes what it holds and purges its
 * storage. The bytes are only gone once each store rewrites its documents from a compacted state
 * (`compactDocumentState`): a Yjs document keeps deleted content that its undo history still
 * references, and y-indexeddb keeps every update it ever appended.
 */
import * as Y from 'yjs';
import { BOARD_FIELD, BOARD_ROOT, boardsMap } from '../documents/board-structure';
import { DIRECTORY_ROOT, ERASURE_FIELD, contactAliasesMap, directoryCollection } from '../documents/directory-structure';
import { readContact } from '../directory/directory-snapshot';
import { newId } from '../model/ids';
import { InvalidOperationError, runOperation } from '../operations/document-guards';
import { MEETING_FIELD, meetingsMap } from '../documents/meeting-structure';
import { removeContactFromMeetings } from '../meetings/meeting-operations';
import { OBSERVATION_FIELD, qualitativeCollection } from '../qualitative/qualitative-structure';
import { normalizeForSearch } from '../text/normalize-search';
import { boardsHoldContacts, eraseContactsFromBoards, type BoardErasureReport } from './board-erasure';

export interface ErasureEntry {
  id: string;
  at: number;
  contactId: string;
}

/** How the person may be written in free text: what mention searches and author clean-up look for. */
export interface PersonNames {
  firstName: string;
  lastName: string;
}

export interface DirectoryErasure {
  erasureId: string;
  names: PersonNames;
  /** Ids of contacts that had been merged into this one: their references are erased too. */
  formerIds: string[];
}

export interface MissionErasureReport extends BoardErasureReport {
  meetingsTouched: number;
  authorFieldsCleared: number;
}

export function readErasures(directoryDoc: Y.Doc): ErasureEntry[] {
  const entries: ErasureEntry[] = [];
  directoryCollection(directoryDoc, DIRECTORY_ROOT.erasures).forEach((record, id) => {
    if (!(record instanceof Y.Map)) return;
    const at = record.get(ERASURE_FIELD.at);
    const contactId = record.get(ERASURE_FIELD.contactId);
    if (typeof at === 'number' && typeof contactId === 'string') entries.push({ id, at, contactId });
  });
  return entries.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/**
 * Deletes the contact from the directory, with the aliases that pointed at it, and logs the
 * erasure. Returns the person's names (for the mission side) before they are gone.
 */
export function eraseContactFromDirectory(
  directoryDoc: Y.Doc,
  contactId: string,
  origin: unknown,
  now: number = Date.now(),
  erasureId: string = newId(),
): DirectoryErasure {
  return runOperation(directoryDoc, origin, () => {
    const contacts = directoryCollection(directoryDoc, DIRECTORY_ROOT.contacts);
    const record = contacts.get(contactId);
    if (!(record instanceof Y.Map)) throw new InvalidOperationError('Ce contact est introuvable : il a peut-être déjà été effacé.');
    const contact = readContact(contactId, record);
    contacts.delete(contactId);
    const aliases = contactAliasesMap(directoryDoc);
    const formerIds = [...aliases.entries()].filter(([, target]) => target === contactId).map(([from]) => from);
    for (const from of formerIds) aliases.delete(from);
    aliases.delete(contactId);
    const entry = new Y.Map<unknown>();
    entry.set(ERASURE_FIELD.at, now);
    entry.set(ERASURE_FIELD.contactId, contactId);
    directoryCollection(directoryDoc, DIRECTORY_ROOT.erasures).set(erasureId, entry);
    for (const formerId of formerIds) {
      const formerEntry = new Y.Map<unknown>();
      formerEntry.set(ERASURE_FIELD.at, now);
      formerEntry.set(ERASURE_FIELD.contactId, formerId);
      directoryCollection(directoryDoc, DIRECTORY_ROOT.erasures).set(newId(), formerEntry);
    }
    return { erasureId, names: { firstName: contact.firstName, lastName: contact.lastName }, formerIds };
  });
}

/** The normalized forms under which a person's name is looked for; the full name in both orders. */
function fullNameForms(names: PersonNames): string[] {
  const first = normalizeForSearch(names.firstName);
  const last = normalizeForSearch(names.lastName);
  if (first && last) return [`${first} ${last}`, `${last} ${first}`];
  return [first || last].filter((form) => form !== '');
}

function containsForm(text: string, forms: readonly string[]): boolean {
  const normalized = ` ${normalizeForSearch(text)} `;
  return forms.some((form) => normalized.includes(` ${form} `));
}

/** True when a free-text author ("Claire Dupont (CCAS)", "DUPONT Claire") names the person. */
export function namesPerson(text: string, names: PersonNames): boolean {
  const forms = fullNameForms(names);
  return forms.length > 0 && containsForm(text, forms);
}

/**
 * Removes the contact's attendance and signatures from every meeting of the mission, clears the
 * author of constats written under the person's name, and takes the person off the workshop
 * boards (board-erasure.ts: their cards become anonymous, their dots count without a voter). Free
 * text that merely mentions the person is left for the user to review (`findNameMentions`):
 * rewriting someone's prose automatically would be worse than showing it.
 */
export function eraseContactFromMission(
  missionDoc: Y.Doc,
  contactIds: readonly string[],
  names: PersonNames | null,
  origin: unknown,
): MissionErasureReport {
  return runOperation(missionDoc, origin, () => {
    let meetingsTouched = 0;
    for (const contactId of contactIds) meetingsTouched += removeContactFromMeetings(missionDoc, contactId, origin);
    let authorFieldsCleared = 0;
    const forms = names ? fullNameForms(names) : [];
    if (forms.length > 0) {
      qualitativeCollection(missionDoc, 'observations').forEach((record) => {
        const author = record.get(OBSERVATION_FIELD.author);
        if (typeof author === 'string' && containsForm(author, forms)) {
          record.delete(OBSERVATION_FIELD.author);
          authorFieldsCleared += 1;
        }
      });
    }
    return { meetingsTouched, authorFieldsCleared, ...eraseContactsFromBoards(missionDoc, new Set(contactIds)) };
  });
}

/**
 * True when the mission still holds one of the contacts by id: attendance in a meeting, a board
 * card they wrote, dots they put. What a colleague's laptop brings after an erasure is caught here.
 */
export function missionHoldsContacts(missionDoc: Y.Doc, contactIds: readonly string[]): boolean {
  const ids = new Set(contactIds);
  if (ids.size === 0) return false;
  let attended = false;
  meetingsMap(missionDoc).forEach((record) => {
    const participants = record instanceof Y.Map ? record.get(MEETING_FIELD.participants) : null;
    if (participants instanceof Y.Map && contactIds.some((id) => participants.has(id))) attended = true;
  });
  return attended || boardsHoldContacts(missionDoc, ids);
}

export interface NameMention {
  /** The root type holding the text ("diagnostic.observations"…). */
  root: string;
  /** The record holding it, when the text is inside a record of a collection. */
  recordId: string | null;
  /** The field path inside the record ("text", "quotes › text"…). */
  field: string;
  excerpt: string;
  /** For a text on a workshop board: what the user needs to open the board at the right place. */
  board: BoardMentionPlace | null;
}

export interface BoardMentionPlace {
  boardId: string;
  boardTitle: string;
  /** The card whose text names the person; null for a board, zone or cluster title. */
  cardId: string | null;
  /** The cluster whose title names the person. */
  clusterId: string | null;
}

function boardPlace(doc: Y.Doc, root: string, recordId: string | null, path: readonly string[]): BoardMentionPlace | null {
  if (root !== BOARD_ROOT.boards || recordId === null) return null;
  const board = boardsMap(doc).get(recordId);
  const title = board instanceof Y.Map ? board.get(BOARD_FIELD.title) : undefined;
  const [collection, childId] = path;
  return {
    boardId: recordId,
    boardTitle: title instanceof Y.Text || typeof title === 'string' ? title.toString() : '',
    cardId: collection === BOARD_FIELD.cards && childId !== undefined ? childId : null,
    clusterId: collection === BOARD_FIELD.clusters && childId !== undefined ? childId : null,
  };
}

const EXCERPT_RADIUS = 40;

function excerptAround(text: string, lastName: string): string {
  const index = text.toLocaleLowerCase('fr-FR').indexOf(lastName.toLocaleLowerCase('fr-FR'));
  const start = Math.max(0, index - EXCERPT_RADIUS);
  const end = index === -1 ? EXCERPT_RADIUS * 2 : index + lastName.length + EXCERPT_RADIUS;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/**
 * Where the person's full name (either order) still appears in the document's texts, so the user
 * can review those passages after an erasure: diagnostic records, meetings, and on workshop boards
 * the cards' texts and the clusters' titles (with the board and card to open).
 */
export function findNameMentions(doc: Y.Doc, names: PersonNames): NameMention[] {
  const forms = fullNameForms(names);
  if (forms.length === 0) return [];
  const mentions: NameMention[] = [];
  const visit = (value: unknown, root: string, recordId: string | null, path: string[]): void => {
    if (value instanceof Y.Text || typeof value === 'string') {
      const text = value.toString();
      if (containsForm(text, forms)) {
        mentions.push({
          root,
          recordId,
          field: path.join(' › '),
          excerpt: excerptAround(text, names.lastName || names.firstName),
          board: boardPlace(doc, root, recordId, path),
        });
      }
    } else if (value instanceof Y.Map) {
      value.forEach((child, key) => {
        if (recordId === null && path.length === 0) visit(child, root, key, []);
        else visit(child, root, recordId, [...path, key]);
      });
    } else if (value instanceof Y.Array) {
      value.forEach((child, index) => visit(child, root, recordId, [...path, String(index)]));
    }
  };
  for (const [root, type] of doc.share) {
    // A root nobody asked for by kind yet is a bare AbstractType: read it as what its content is.
    const typed =
      type instanceof Y.Map || type instanceof Y.Text || type instanceof Y.Array
        ? type
        : type._map.size > 0
          ? doc.getMap(root)
          : type._start !== null
            ? doc.getText(root)
            : null;
    if (typed) visit(typed, root, null, []);
  }
  return mentions;
}

/**
 * The document's state with every deleted content dropped: what each store writes back after an
 * erasure. Re-reading the state into a fresh document is what drops it: the live document keeps
 * content its undo history references, the fresh one has no history.
 */
export function compactDocumentState(doc: Y.Doc): Uint8Array {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  const state = Y.encodeStateAsUpdate(fresh);
  fresh.destroy();
  return state;
}
