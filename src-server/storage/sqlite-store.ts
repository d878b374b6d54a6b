import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { asBuffer, asUint8Array, mergeDocumentStates } from './document-state';
import type { MissionGrant, ServerStore, StoredAttachment, StoredUser } from './server-store';
import { migrateSqlite } from './sqlite-migrations';
import { checkAttachmentHash, newUserId, parseMissionRole, UserNameTakenError } from './store-rules';

export const SQLITE_DATABASE_FILE_NAME = 'bocage.sqlite';

/** How long the server waits for a lock held by another connection (a backup, an administrator's tool). */
const BUSY_TIMEOUT_MS = 5_000;

export function sqliteDatabaseFile(dataDir: string): string {
  return join(dataDir, SQLITE_DATABASE_FILE_NAME);
}

interface UserRow {
  id: string;
  name: string;
  team: number;
  created_at: number;
  revoked_at: number | null;
}

interface GrantRow {
  user_id: string;
  mission_id: string;
  role: string;
  granted_at: number;
}

interface AttachmentRow {
  hash: string;
  media_type: string;
  bytes: Buffer;
}

interface PendingAppend {
  name: string;
  update: Uint8Array;
  resolve(sequence: number): void;
  reject(error: unknown): void;
}

function toStoredUser(row: UserRow): StoredUser {
  return { id: row.id, name: row.name, team: row.team === 1, createdAt: row.created_at, revokedAt: row.revoked_at };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * The default store: one SQLite file in the data folder, for a server that runs alone.
 *
 * better-sqlite3 is synchronous: each call completes before the next event is handled, so the
 * store needs no locking of its own, and an update is on disk when appendUpdate returns.
 */
export class SqliteServerStore implements ServerStore {
  readonly kind = 'sqlite';
  /** Updates received during the current turn of the event loop, committed together. */
  private pendingAppends: PendingAppend[] = [];

  private constructor(
    readonly databaseFile: string,
    /** Also the source of online backups (backupSqliteStore), hence not private. */
    readonly db: BetterSqlite3.Database,
  ) {}

  /** Creates the data folder and the database when missing, and brings the schema up to date. */
  static open(dataDir: string): SqliteServerStore {
    mkdirSync(dataDir, { recursive: true });
    const databaseFile = sqliteDatabaseFile(dataDir);
    const db = new BetterSqlite3(databaseFile, { timeout: BUSY_TIMEOUT_MS });
    try {
      // WAL: an append costs one sync of the log file instead of a rollback journal's several, and
      // a backup reads while the server writes. FULL: that sync happens before each commit returns,
      // so an acknowledged update survives a power cut, not only a crash of the process.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // Stored states are replaced and the log is trimmed: without this, the old bytes stay in free
      // pages, and a person erased under the GDPR could still be read in the file.
      db.pragma('secure_delete = ON');
      db.pragma('foreign_keys = ON');
      migrateSqlite(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteServerStore(databaseFile, db);
  }

  async loadDocument(name: string): Promise<Uint8Array | null> {
    const parts = this.db.transaction(() => {
      const stored = this.db.prepare('SELECT data FROM documents WHERE name = ?').get(name) as { data: Buffer } | undefined;
      const logged = this.db.prepare('SELECT data FROM document_updates WHERE name = ? ORDER BY seq').all(name) as { data: Buffer }[];
      return [...(stored ? [stored.data] : []), ...logged.map((row) => row.data)];
    })();
    return parts.length === 0 ? null : mergeDocumentStates(parts);
  }

  appendUpdate(name: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ name, update, resolve, reject });
      if (this.pendingAppends.length === 1) setImmediate(() => this.commitPendingAppends());
    });
  }

  async storeDocument(name: string, state: Uint8Array, coversThrough: number | null): Promise<void> {
    this.db.transaction(() => {
      const stored = this.db.prepare('SELECT data FROM documents WHERE name = ?').get(name) as { data: Buffer } | undefined;
      const covered =
        coversThrough === null
          ? []
          : (this.db.prepare('DELETE FROM document_updates WHERE name = ? AND seq <= ? RETURNING data').all(name, coversThrough) as { data: Buffer }[]);
      // Merging what was stored and the dropped updates too makes a store unable to lose anything,
      // even from a caller whose state missed some of them (see ServerStore.storeDocument).
      const merged = mergeDocumentStates([...(stored ? [stored.data] : []), state, ...covered.map((row) => row.data)]);
      this.db
        .prepare('INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET data = excluded.data')
        .run(name, asBuffer(merged));
    })();
    this.truncateWriteAheadLog();
  }

  async documentExists(name: string): Promise<boolean> {
    const row = this.db
      .prepare('SELECT EXISTS (SELECT 1 FROM documents WHERE name = ?) OR EXISTS (SELECT 1 FROM document_updates WHERE name = ?) AS found')
      .get(name, name) as { found: number };
    return row.found === 1;
  }

  async addUser(user: { name: string; team: boolean; tokenHash: Uint8Array }): Promise<StoredUser> {
    const stored: StoredUser = { id: newUserId(), name: user.name, team: user.team, createdAt: Date.now(), revokedAt: null };
    try {
      this.db
        .prepare('INSERT INTO users (id, name, team, token_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(stored.id, stored.name, stored.team ? 1 : 0, asBuffer(user.tokenHash), stored.createdAt);
    } catch (error) {
      if (isUniqueViolation(error) && this.db.prepare('SELECT 1 FROM users WHERE name = ?').get(user.name) !== undefined) {
        throw new UserNameTakenError(user.name);
      }
      throw error;
    }
    return stored;
  }

  async findUserByTokenHash(tokenHash: Uint8Array): Promise<StoredUser | null> {
    const row = this.db.prepare('SELECT id, name, team, created_at, revoked_at FROM users WHERE token_hash = ?').get(asBuffer(tokenHash)) as UserRow | undefined;
    return row ? toStoredUser(row) : null;
  }

  async findUserByName(name: string): Promise<StoredUser | null> {
    const row = this.db.prepare('SELECT id, name, team, created_at, revoked_at FROM users WHERE name = ?').get(name) as UserRow | undefined;
    return row ? toStoredUser(row) : null;
  }

  async listUsers(): Promise<StoredUser[]> {
    const rows = this.db.prepare('SELECT id, name, team, created_at, revoked_at FROM users ORDER BY name').all() as UserRow[];
    return rows.map(toStoredUser);
  }

  async revokeUser(userId: string, at: number): Promise<void> {
    // The first revocation date is the one that counts: revoking twice does not move it.
    this.db.prepare('UPDATE users SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, userId);
  }

  async replaceToken(userId: string, tokenHash: Uint8Array): Promise<void> {
    this.db.prepare('UPDATE users SET token_hash = ? WHERE id = ?').run(asBuffer(tokenHash), userId);
  }

  async grantMission(grant: MissionGrant): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO mission_grants (user_id, mission_id, role, granted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, mission_id) DO UPDATE SET role = excluded.role, granted_at = excluded.granted_at`,
      )
      .run(grant.userId, grant.missionId, grant.role, grant.grantedAt);
  }

  async revokeMission(userId: string, missionId: string): Promise<void> {
    this.db.prepare('DELETE FROM mission_grants WHERE user_id = ? AND mission_id = ?').run(userId, missionId);
  }

  async listGrants(filter: { userId?: string; missionId?: string }): Promise<MissionGrant[]> {
    const rows = this.db
      .prepare(
        `SELECT user_id, mission_id, role, granted_at FROM mission_grants
         WHERE (@userId IS NULL OR user_id = @userId) AND (@missionId IS NULL OR mission_id = @missionId)
         ORDER BY mission_id, user_id`,
      )
      .all({ userId: filter.userId ?? null, missionId: filter.missionId ?? null }) as GrantRow[];
    return rows.map((row) => ({ userId: row.user_id, missionId: row.mission_id, role: parseMissionRole(row.role), grantedAt: row.granted_at }));
  }

  async putAttachment(missionId: string, attachment: StoredAttachment): Promise<void> {
    checkAttachmentHash(attachment);
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO attachments (hash, media_type, bytes) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING')
        .run(attachment.hash, attachment.mediaType, asBuffer(attachment.bytes));
      this.db.prepare('INSERT INTO mission_attachments (mission_id, hash) VALUES (?, ?) ON CONFLICT DO NOTHING').run(missionId, attachment.hash);
    })();
  }

  async getAttachment(missionId: string, hash: string): Promise<StoredAttachment | null> {
    const row = this.db
      .prepare(
        `SELECT attachments.hash, attachments.media_type, attachments.bytes FROM mission_attachments
         JOIN attachments ON attachments.hash = mission_attachments.hash
         WHERE mission_attachments.mission_id = ? AND mission_attachments.hash = ?`,
      )
      .get(missionId, hash) as AttachmentRow | undefined;
    return row ? { hash: row.hash, mediaType: row.media_type, bytes: asUint8Array(row.bytes) } : null;
  }

  async listAttachmentHashes(missionId: string): Promise<string[]> {
    const rows = this.db.prepare('SELECT hash FROM mission_attachments WHERE mission_id = ? ORDER BY hash').all(missionId) as { hash: string }[];
    return rows.map((row) => row.hash);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commitPendingAppends();
    this.db.close();
  }

  /**
   * Group commit: each commit waits for the disk (a few milliseconds) and blocks the event loop
   * meanwhile, so the updates of every connection that arrived in the same turn share one commit.
   * None is acknowledged before its commit returns.
   */
  private commitPendingAppends(): void {
    const batch = this.pendingAppends;
    if (batch.length === 0) return;
    this.pendingAppends = [];
    try {
      const insert = this.db.prepare('INSERT INTO document_updates (name, data) VALUES (?, ?)');
      const sequences = this.db.transaction(() => batch.map(({ name, update }) => Number(insert.run(name, asBuffer(update)).lastInsertRowid)))();
      batch.forEach((append, index) => append.resolve(sequences[index] ?? Number.NaN));
    } catch (error) {
      for (const append of batch) append.reject(error);
    }
  }

  /**
   * The write-ahead log keeps the pages a store replaced until it is overwritten, so a person erased
   * under the GDPR would stay readable in bocage.sqlite-wal. Truncating it after each store moves
   * everything into the main file (where secure_delete zeroed the freed pages) and empties the log.
   * It gives up at once, to retry at the next store, while a backup still reads an older snapshot:
   * waiting would stall every connection of the server.
   */
  private truncateWriteAheadLog(): void {
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }
}
