import { listWorkspaceMissions } from '@shared/documents/workspace-listing';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { parseDocumentName } from '@shared/documents/document-names';
import {
  eraseContactFromDirectory,
  eraseContactFromMission,
  findNameMentions,
  missionHoldsContacts,
  readErasures,
  type NameMention,
  type PersonNames,
} from '@shared/erasure/person-erasure';
import { storedDocumentNames, type OpenDocument } from '../storage/document-store';
import type { LocalDatabase } from '../storage/local-database';
import { purgeLocalStorage, type LocalPurgeResult } from '../storage/local-purge';
import type { WorkspaceSession } from './workspace-session';
import { ERASURE_ORIGIN } from './local-origin';

/** Erasure ids whose mission-side removal already ran on this machine. */
const APPLIED_ERASURES_KEY = 'erasures.applied';
/** Set when the documents lost a person but the storage files were not rewritten yet. */
const PURGE_PENDING_KEY = 'erasures.purgePending';

export interface MissionMention {
  missionId: string;
  missionTitle: string;
  mention: NameMention;
}

export interface ForgetPersonReport {
  missions: number;
  meetingsTouched: number;
  authorFieldsCleared: number;
  /** Board cards the person wrote, now anonymous. */
  cardsAnonymised: number;
  /** Cards the person had put dots on: the dots now count without a voter. */
  votesAnonymised: number;
  /** Free texts still naming the person: shown to the user to review, never rewritten. */
  mentions: MissionMention[];
}

async function readStringSet(db: LocalDatabase, key: string): Promise<Set<string>> {
  const value = (await db.settings.get(key))?.value;
  return new Set(Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []);
}

/** In one transaction: a colleague's erasure and this machine's own may be recorded at the same moment. */
async function recordAppliedErasures(db: LocalDatabase, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const applied = await readStringSet(db, APPLIED_ERASURES_KEY);
    for (const id of ids) applied.add(id);
    await db.settings.put({ key: APPLIED_ERASURES_KEY, value: [...applied] });
  });
}

/** Every mission document this machine holds, listed by the workspace or only stored. */
export async function localMissions(session: WorkspaceSession): Promise<OpenDocument[]> {
  const ids = new Set(listWorkspaceMissions(session.workspace.doc).map((entry) => entry.id));
  for (const name of await storedDocumentNames()) {
    const parsed = parseDocumentName(name);
    if (parsed?.kind === 'mission') ids.add(parsed.id);
  }
  const missions: OpenDocument[] = [];
  for (const id of ids) missions.push(await session.openMission(id));
  return missions;
}

/**
 * Removes a contact's attendance, signatures and authorship from every mission, for the erasures
 * listed in `contactIds`; `names` (known only on the machine that erases) also clears the author
 * of constats signed with the name.
 */
async function eraseFromMissions(
  session: WorkspaceSession,
  contactIds: readonly string[],
  names: PersonNames | null,
): Promise<ForgetPersonReport> {
  const report: ForgetPersonReport = { missions: 0, meetingsTouched: 0, authorFieldsCleared: 0, cardsAnonymised: 0, votesAnonymised: 0, mentions: [] };
  for (const mission of await localMissions(session)) {
    if (mission.isReadOnly()) continue;
    const result = eraseContactFromMission(mission.doc, contactIds, names, ERASURE_ORIGIN);
    report.missions += 1;
    report.meetingsTouched += result.meetingsTouched;
    report.authorFieldsCleared += result.authorFieldsCleared;
    report.cardsAnonymised += result.cardsAnonymised;
    report.votesAnonymised += result.votesAnonymised;
    if (names) {
      const snapshot = readMissionSnapshot(mission.doc);
      for (const mention of findNameMentions(mission.doc, names)) {
        report.mentions.push({ missionId: snapshot.id, missionTitle: snapshot.title, mention });
      }
    }
  }
  return report;
}

/**
 * "Oublier cette personne", the first step: the contact and every reference to it leave the
 * documents (and, through sync, the server and every colleague). The second step,
 * `finishErasure`, rewrites this machine's storage files and reloads the page.
 */
export async function forgetPerson(session: WorkspaceSession, contactId: string): Promise<ForgetPersonReport> {
  const directory = await session.openDirectory();
  const erasure = eraseContactFromDirectory(directory.doc, contactId, ERASURE_ORIGIN);
  await session.db.settings.put({ key: PURGE_PENDING_KEY, value: true });
  const erasedIds = [contactId, ...erasure.formerIds];
  const report = await eraseFromMissions(session, erasedIds, erasure.names);
  const ownEntries = readErasures(directory.doc).filter((entry) => erasedIds.includes(entry.contactId));
  await recordAppliedErasures(
    session.db,
    ownEntries.map((entry) => entry.id),
  );
  return report;
}

/**
 * Erasures made by colleagues, heard through sync: removes what this machine still holds of
 * those contacts (attendance recorded offline before it heard of the erasure). Returns true when
 * this machine's storage held the person, so it must be purged. `heldContactIds` are the contacts
 * the synced deletion removed from this machine's directory; 'unknown' for erasures found already
 * applied to the stored directory (heard in a session that ended before handling them), which are
 * purged to be safe. A machine that joins after an erasure never held the person: no purge.
 */
export async function applyErasuresFromColleagues(
  session: WorkspaceSession,
  directory: OpenDocument,
  heldContactIds: ReadonlySet<string> | 'unknown',
): Promise<boolean> {
  const applied = await readStringSet(session.db, APPLIED_ERASURES_KEY);
  const pending = readErasures(directory.doc).filter((entry) => !applied.has(entry.id));
  if (pending.length === 0) return false;
  let held = heldContactIds === 'unknown' || pending.some((entry) => heldContactIds.has(entry.contactId));
  if (held) await session.db.settings.put({ key: PURGE_PENDING_KEY, value: true });
  const report = await eraseFromMissions(
    session,
    pending.map((entry) => entry.contactId),
    null,
  );
  if (!held && report.meetingsTouched + report.cardsAnonymised + report.votesAnonymised > 0) {
    held = true;
    await session.db.settings.put({ key: PURGE_PENDING_KEY, value: true });
  }
  await recordAppliedErasures(
    session.db,
    pending.map((entry) => entry.id),
  );
  return held;
}

/**
 * The erasure log works as a set of tombstones: attendance, board cards and dots of an erased
 * contact that reach this machine later (from a laptop that was offline, or before this machine's
 * own copy had synced) are removed or anonymised as they arrive. Returns true when something was
 * removed, so the storage held it and must be purged.
 */
export async function enforceErasures(db: LocalDatabase, directory: OpenDocument, mission: OpenDocument): Promise<boolean> {
  const erased = [...new Set(readErasures(directory.doc).map((entry) => entry.contactId))];
  if (erased.length === 0 || mission.isReadOnly()) return false;
  if (!missionHoldsContacts(mission.doc, erased)) return false;
  await db.settings.put({ key: PURGE_PENDING_KEY, value: true });
  eraseContactFromMission(mission.doc, erased, null, ERASURE_ORIGIN);
  return true;
}

export async function isPurgePending(db: LocalDatabase): Promise<boolean> {
  return (await db.settings.get(PURGE_PENDING_KEY))?.value === true;
}

/**
 * Rewrites every stored document without the erased content and deletes the old storage files.
 * The session is unusable afterwards: the caller reloads the page.
 */
export async function finishErasure({ store, db, bridge }: Pick<WorkspaceSession, 'store' | 'db' | 'bridge'>): Promise<LocalPurgeResult> {
  const result = await purgeLocalStorage({ store, db, clearLocalStorage: () => bridge.clearLocalStorage() });
  await db.settings.put({ key: PURGE_PENDING_KEY, value: false });
  return result;
}
