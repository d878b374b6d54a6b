/**
 * Reasons the sync server gives a refused client. The client turns these exact strings into French
 * messages: they are part of the protocol between versions, never rename one.
 */
export const REFUSAL_REASON = {
  invalidToken: 'invalid-token',
  invalidDocumentName: 'invalid-document-name',
} as const;
