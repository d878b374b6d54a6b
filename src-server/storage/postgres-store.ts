import pg from 'pg';
import { asBuffer, asUint8Array, mergeDocumentStates } from './document-state';
import { migratePostgres } from './postgres-migrations';
import { inTransaction } from './postgres-transaction';
import type { MissionGrant, ServerStore, StoredAttachment, StoredUser } from './server-store';
import { checkAttachmentHash, newUserId, parseMissionRole, UserNameTakenError } from './store-rules';

/** Arbitrary, fixed: namespaces the per-document advisory locks taken while storing a state. */
const DOCUMENT_LOCK_NAMESPACE = 0x646f6373;

/** A database that does not answer within this delay is reported instead of hanging the start. */
const CONNECTION_TIMEOUT_MS = 10_000;

interface UserRow {
  id: string;
  name: string;
  team: boolean;
  // int8 columns arrive as strings: JavaScript numbers cannot hold every 64-bit value.
  created_at: string;
  revoked_at: string | null;
}

interface GrantRow {
  user_id: string;
  mission_id: string;
  role: string;
  granted_at: string;
}

function toStoredUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    name: row.name,
    team: row.team,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  return error instanceof pg.DatabaseError && error.code === '23505' && error.constraint === constraint;
}

/**
 * The store for an office that runs several server instances behind a load balancer: they share
 * one PostgreSQL database, so every write here is safe against the other instances' writes.
 */
export class PostgresServerStore implements ServerStore {
  readonly kind = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and brings the schema up to date; instances starting together migrate one at a time. */
  static async open(databaseUrl: string): Promise<PostgresServerStore> {
    const pool = new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS });
    // An idle pooled connection that dies (database restarted) emits this; unhandled, it would end
    // the process and every client's session. The next query reconnects or reports the failure.
    pool.on('error', () => undefined);
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresServerStore(pool);
  }

  async loadDocument(name: string): Promise<Uint8Array | null> {
    // One statement, so one snapshot: a store committed by another instance between reading the
    // state and reading the log could otherwise hide the updates it moved into the state.
    const result = await this.pool.query<{ data: Buffer }>(
      `SELECT data FROM (
         SELECT data, 0::bigint AS seq FROM documents WHERE name = $1
         UNION ALL
         SELECT data, seq FROM document_updates WHERE name = $1
       ) AS parts ORDER BY seq`,
      [name],
    );
    return result.rows.length === 0 ? null : mergeDocumentStates(result.rows.map((row) => row.data));
  }

  async appendUpdate(name: string, update: Uint8Array): Promise<number> {
    const result = await this.pool.query<{ seq: string }>('INSERT INTO document_updates (name, data) VALUES ($1, $2) RETURNING seq', [
      name,
      asBuffer(update),
    ]);
    return Number(result.rows[0]?.seq);
  }

  async storeDocument(name: string, state: Uint8Array, coversThrough: number | null): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // Two instances storing the same document one after the other: the second merges what the
      // first stored instead of overwriting it with a state that may lack the first one's updates.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_LOCK_NAMESPACE, name]);
      const stored = await client.query<{ data: Buffer }>('SELECT data FROM documents WHERE name = $1', [name]);
      const covered =
        coversThrough === null
          ? []
          : (await client.query<{ data: Buffer }>('DELETE FROM document_updates WHERE name = $1 AND seq <= $2 RETURNING data', [name, coversThrough]))
              .rows;
      const merged = mergeDocumentStates([...stored.rows.map((row) => row.data), state, ...covered.map((row) => row.data)]);
      await client.query('INSERT INTO documents (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = excluded.data', [
        name,
        asBuffer(merged),
      ]);
    });
  }

  async documentExists(name: string): Promise<boolean> {
    const result = await this.pool.query<{ found: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM documents WHERE name = $1) OR EXISTS (SELECT 1 FROM document_updates WHERE name = $1) AS found',
      [name],
    );
    return result.rows[0]?.found === true;
  }

  async addUser(user: { name: string; team: boolean; tokenHash: Uint8Array }): Promise<StoredUser> {
    const stored: StoredUser = { id: newUserId(), name: user.name, team: user.team, createdAt: Date.now(), revokedAt: null };
    try {
      await this.pool.query('INSERT INTO users (id, name, team, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
        stored.id,
        stored.name,
        stored.team,
        asBuffer(user.tokenHash),
        stored.createdAt,
      ]);
    } catch (error) {
      if (isUniqueViolationOf(error, 'users_name_key')) throw new UserNameTakenError(user.name);
      throw error;
    }
    return stored;
  }

  async findUserByTokenHash(tokenHash: Uint8Array): Promise<StoredUser | null> {
    const result = await this.pool.query<UserRow>('SELECT id, name, team, created_at, revoked_at FROM users WHERE token_hash = $1', [asBuffer(tokenHash)]);
    const row = result.rows[0];
    return row ? toStoredUser(row) : null;
  }

  async findUserByName(name: string): Promise<StoredUser | null> {
    const result = await this.pool.query<UserRow>('SELECT id, name, team, created_at, revoked_at FROM users WHERE name = $1', [name]);
    const row = result.rows[0];
    return row ? toStoredUser(row) : null;
  }

  async listUsers(): Promise<StoredUser[]> {
    // COLLATE "C": the same order as SQLite's, whatever locale the database was created with.
    const result = await this.pool.query<UserRow>('SELECT id, name, team, created_at, revoked_at FROM users ORDER BY name COLLATE "C"');
    return result.rows.map(toStoredUser);
  }

  async revokeUser(userId: string, at: number): Promise<void> {
    // The first revocation date is the one that counts: revoking twice does not move it.
    await this.pool.query('UPDATE users SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, userId]);
  }

  async replaceToken(userId: string, tokenHash: Uint8Array): Promise<void> {
    await this.pool.query('UPDATE users SET token_hash = $1 WHERE id = $2', [asBuffer(tokenHash), userId]);
  }

  async grantMission(grant: MissionGrant): Promise<void> {
    await this.pool.query(
      `INSERT INTO mission_grants (user_id, mission_id, role, granted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, mission_id) DO UPDATE SET role = excluded.role, granted_at = excluded.granted_at`,
      [grant.userId, grant.missionId, grant.role, grant.grantedAt],
    );
  }

  async revokeMission(userId: string, missionId: string): Promise<void> {
    await this.pool.query('DELETE FROM mission_grants WHERE user_id = $1 AND mission_id = $2', [userId, missionId]);
  }

  async listGrants(filter: { userId?: string; missionId?: string }): Promise<MissionGrant[]> {
    const result = await this.pool.query<GrantRow>(
      `SELECT user_id, mission_id, role, granted_at FROM mission_grants
       WHERE ($1::text IS NULL OR user_id = $1) AND ($2::text IS NULL OR mission_id = $2)
       ORDER BY mission_id COLLATE "C", user_id COLLATE "C"`,
      [filter.userId ?? null, filter.missionId ?? null],
    );
    return result.rows.map((row) => ({
      userId: row.user_id,
      missionId: row.mission_id,
      role: parseMissionRole(row.role),
      grantedAt: Number(row.granted_at),
    }));
  }

  async putAttachment(missionId: string, attachment: StoredAttachment): Promise<void> {
    checkAttachmentHash(attachment);
    await inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO attachments (hash, media_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING', [
        attachment.hash,
        attachment.mediaType,
        asBuffer(attachment.bytes),
      ]);
      await client.query('INSERT INTO mission_attachments (mission_id, hash) VALUES ($1, $2) ON CONFLICT DO NOTHING', [missionId, attachment.hash]);
    });
  }

  async getAttachment(missionId: string, hash: string): Promise<StoredAttachment | null> {
    const result = await this.pool.query<{ hash: string; media_type: string; bytes: Buffer }>(
      `SELECT attachments.hash, attachments.media_type, attachments.bytes FROM mission_attachments
       JOIN attachments ON attachments.hash = mission_attachments.hash
       WHERE mission_attachments.mission_id = $1 AND mission_attachments.hash = $2`,
      [missionId, hash],
    );
    const row = result.rows[0];
    return row ? { hash: row.hash, mediaType: row.media_type, bytes: asUint8Array(row.bytes) } : null;
  }

  async listAttachmentHashes(missionId: string): Promise<string[]> {
    const result = await this.pool.query<{ hash: string }>('SELECT hash FROM mission_attachments WHERE mission_id = $1 ORDER BY hash', [missionId]);
    return result.rows.map((row) => row.hash);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
