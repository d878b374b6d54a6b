import { createHash, randomBytes } from 'node:crypto';

/**
 * Recognisable in a password manager, a support ticket or a secret scanner, and never mistaken for
 * the shared tokens of the walking skeleton.
 */
export const USER_TOKEN_PREFIX = 'bocage_';

const TOKEN_RANDOM_BYTES = 32;

/** A fresh token, shown once to the administrator; only its hash is kept. */
export function createUserToken(): { token: string; tokenHash: Uint8Array } {
  const token = `${USER_TOKEN_PREFIX}${randomBytes(TOKEN_RANDOM_BYTES).toString('base64url')}`;
  return { token, tokenHash: hashToken(token) };
}

/** SHA-256 is enough: a token carries 256 random bits, so there is nothing to slow a guesser down on. */
export function hashToken(token: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(token, 'utf8').digest());
}

/** The token of an `Authorization: Bearer <token>` header, or null when the header is absent or of another kind. */
export function readBearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}
