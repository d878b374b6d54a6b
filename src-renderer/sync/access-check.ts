import {
  MIN_SERVER_PROTOCOL_VERSION,
  SYNC_HTTP_PATH,
  SYNC_PROTOCOL_VERSION,
  accessSummarySchema,
  httpBaseFromSyncUrl,
  type AccessSummary,
} from '@shared/sync/sync-protocol';
import { CLIENT_OUTDATED_MESSAGE, SERVER_OUTDATED_MESSAGE, TOKEN_REFUSED_MESSAGE, UNEXPECTED_SERVER_ANSWER_MESSAGE } from './sync-messages';

/**
 * What the server answered before any document is attached. 'unreachable' and 'retry' are passing
 * (try again later); 'refused' waits for the user to change something (token, application, server).
 */
export type AccessCheck =
  | { kind: 'granted'; summary: AccessSummary }
  | { kind: 'unreachable' }
  | { kind: 'retry'; message: string }
  | { kind: 'refused'; message: string };

/** A server that accepts the connection and then says nothing is as good as unreachable. */
const ACCESS_TIMEOUT_MS = 15_000;

export async function checkAccess(syncUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<AccessCheck> {
  let response: Response;
  try {
    response = await fetchImpl(`${httpBaseFromSyncUrl(syncUrl)}${SYNC_HTTP_PATH.access}`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: AbortSignal.timeout(ACCESS_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.status === 401) return { kind: 'refused', message: TOKEN_REFUSED_MESSAGE };
  // The walking skeleton's server knows no such route: it is the one to update.
  if (response.status === 404) return { kind: 'refused', message: SERVER_OUTDATED_MESSAGE };
  if (!response.ok) return { kind: 'retry', message: UNEXPECTED_SERVER_ANSWER_MESSAGE };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'retry', message: UNEXPECTED_SERVER_ANSWER_MESSAGE };
  }
  const parsed = accessSummarySchema.safeParse(body);
  if (!parsed.success) return { kind: 'retry', message: UNEXPECTED_SERVER_ANSWER_MESSAGE };
  const summary = parsed.data;
  if (summary.protocol < MIN_SERVER_PROTOCOL_VERSION) return { kind: 'refused', message: SERVER_OUTDATED_MESSAGE };
  if (SYNC_PROTOCOL_VERSION < summary.minClientProtocol) return { kind: 'refused', message: CLIENT_OUTDATED_MESSAGE };
  return { kind: 'granted', summary };
}
