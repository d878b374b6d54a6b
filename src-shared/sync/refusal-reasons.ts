/**
 * Reasons the sync server gives a refused client. The client turns these exact strings into French
 * messages: they are part of the protocol between versions, never rename one.
 */
export const REFUSAL_REASON = {
  /** No token, an unknown token or a revoked one: the server does not say which. */
  invalidToken: 'invalid-token',
  invalidDocumentName: 'invalid-document-name',
  /** A valid user without a role on this mission (or a partner asking for the workspace). */
  forbidden: 'forbidden',
  /** The client speaks a protocol older than the server accepts: it must be updated. */
  clientOutdated: 'client-outdated',
} as const;
