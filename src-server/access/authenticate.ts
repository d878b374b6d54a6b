import type { ServerStore, StoredUser } from '../storage/server-store';
import { hashToken } from './user-tokens';

/**
 * The active user holding `token`, or null for no token, an unknown one or a revoked account: the
 * three are indistinguishable to the caller, so nobody learns which tokens once existed.
 */
export async function findActiveUser(store: ServerStore, token: string | null): Promise<StoredUser | null> {
  if (token === null || token === '') return null;
  const user = await store.findUserByTokenHash(hashToken(token));
  return user !== null && user.revokedAt === null ? user : null;
}
