import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { missionDocumentName, parseDocumentName } from '../../src-shared/documents/document-names';
import { isContentHash } from '../../src-shared/meetings/meeting-model';
import { isAttachmentMediaType } from '../../src-shared/sync/attachment-references';
import { REFUSAL_REASON } from '../../src-shared/sync/refusal-reasons';
import { MAX_ATTACHMENT_BYTES, attachmentCollectionPath, type AttachmentList } from '../../src-shared/sync/sync-protocol';
import { decideDocumentAccess, type DocumentAccessDecision } from '../access/access-policy';
import type { ServerStore, StoredUser } from '../storage/server-store';
import { sendJson } from './http-responses';

export interface AttachmentRequestContext {
  request: IncomingMessage;
  response: ServerResponse;
  /** The user the request's bearer token names, revoked ones included; null without a known token. */
  user: StoredUser | null;
  store: ServerStore;
  /** The largest body accepted; MAX_ATTACHMENT_BYTES when absent. */
  maxBytes?: number;
}

type AttachmentRoute = { missionId: string; hash: string | null };

/** The two ends of attachmentCollectionPath around the mission id, so the routes follow the shared contract. */
const [COLLECTION_PREFIX = '', COLLECTION_SUFFIX = ''] = attachmentCollectionPath('ID').split('ID');

const MESSAGE = {
  unauthenticated: 'Jeton d’accès manquant, inconnu ou révoqué : demandez un accès à l’administrateur du serveur.',
  forbidden: 'Vous n’avez pas accès à cette mission : demandez à la personne qui la pilote de la partager avec vous.',
  readOnly: 'Vous consultez cette mission en lecture seule : vous ne pouvez pas y ajouter de pièce jointe.',
  notFound: 'Cette pièce jointe n’est pas sur le serveur.',
  badAddress: 'Adresse de pièce jointe invalide.',
  methodNotAllowed: 'Cette opération n’est pas possible sur une pièce jointe.',
  unsupportedType: 'Seules les photos (JPEG, PNG, WebP) et les documents PDF peuvent être envoyés.',
  tooLarge: (maxBytes: number) => `La pièce jointe dépasse la taille maximale acceptée par le serveur (${Math.floor(maxBytes / (1024 * 1024))} Mo).`,
  hashMismatch: 'La pièce jointe reçue ne correspond pas à son empreinte (elle a pu être abîmée en route) : elle n’a pas été enregistrée.',
} as const;

/** Null for a path that is not an attachment's; the mission id and hash are as the client wrote them. */
function parseAttachmentRoute(url: string | undefined): AttachmentRoute | null {
  const { pathname } = new URL(url ?? '/', 'http://localhost');
  if (!pathname.startsWith(COLLECTION_PREFIX)) return null;
  const rest = pathname.slice(COLLECTION_PREFIX.length);
  const idEnd = rest.indexOf('/');
  if (idEnd === -1) return null;
  const afterId = rest.slice(idEnd);
  let hash: string | null;
  if (afterId === COLLECTION_SUFFIX) hash = null;
  else if (afterId.startsWith(`${COLLECTION_SUFFIX}/`)) hash = afterId.slice(COLLECTION_SUFFIX.length + 1);
  else return null;
  let missionId: string;
  try {
    missionId = decodeURIComponent(rest.slice(0, idEnd));
  } catch {
    // Malformed escapes name no mission; the access policy refuses an empty id like any invalid one.
    missionId = '';
  }
  return { missionId, hash };
}

/**
 * A refusal answered before the body is read. When a body is on its way, the connection is closed
 * after the answer instead of being kept alive: Node would otherwise read (and throw away) megabytes
 * the client is still sending.
 */
function refuse(context: AttachmentRequestContext, status: number, message: string, headers: Record<string, string> = {}): void {
  const { request, response } = context;
  const bodyExpected = request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
  const closing = bodyExpected || request.headers['transfer-encoding'] !== undefined;
  sendJson(response, status, { message }, closing ? { ...headers, Connection: 'close' } : headers);
}

/**
 * The documents' own rule, so attachments can never be more open than the mission they belong to.
 * `known: true` because an attachment never claims a mission: a team member becomes a new mission's
 * editor by opening its document, which the client does before sending its attachments.
 */
async function decideAccess(store: ServerStore, user: StoredUser, missionId: string): Promise<DocumentAccessDecision> {
  const documentName = missionDocumentName(missionId);
  if (parseDocumentName(documentName)?.kind !== 'mission') return decideDocumentAccess(user, documentName, null);
  const [grant] = user.revokedAt === null ? await store.listGrants({ userId: user.id, missionId }) : [];
  return decideDocumentAccess(user, documentName, { role: grant?.role ?? null, known: true });
}

function mediaTypeOf(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

type ReadBody = { ok: true; bytes: Uint8Array; hash: string } | { ok: false };

/**
 * Reads the body while hashing it, and gives up as soon as it passes `maxBytes`: a client sending a
 * huge file costs the server at most `maxBytes` of memory.
 */
function readBody(request: IncomingMessage, maxBytes: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const digest = createHash('sha256');
    let length = 0;
    const stopReading = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.pause();
    };
    const onData = (chunk: Buffer): void => {
      length += chunk.length;
      if (length > maxBytes) {
        stopReading();
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
      digest.update(chunk);
    };
    const onEnd = (): void => {
      stopReading();
      resolve({ ok: true, bytes: new Uint8Array(Buffer.concat(chunks, length)), hash: digest.digest('hex') });
    };
    const onError = (error: Error): void => {
      stopReading();
      reject(error);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

async function sendAttachment(context: AttachmentRequestContext, missionId: string, hash: string): Promise<void> {
  const { request, response, store } = context;
  const attachment = await store.getAttachment(missionId, hash);
  if (!attachment) {
    refuse(context, 404, MESSAGE.notFound);
    return;
  }
  // The bytes under a hash never change: a client may keep them as long as it likes, but only for
  // itself, since another user of the same machine may not be allowed to see them.
  const headers = { ETag: `"${hash}"`, 'Cache-Control': 'private, max-age=31536000, immutable' };
  if (request.headers['if-none-match'] === headers.ETag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': attachment.mediaType,
    'Content-Length': attachment.bytes.byteLength,
    // The server only ever stores images and PDFs; this keeps a browser from guessing otherwise.
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(attachment.bytes);
}

async function receiveAttachment(context: AttachmentRequestContext, missionId: string, hash: string): Promise<void> {
  const { request, response, store, maxBytes = MAX_ATTACHMENT_BYTES } = context;
  const mediaType = mediaTypeOf(request);
  if (!isAttachmentMediaType(mediaType)) {
    refuse(context, 415, MESSAGE.unsupportedType);
    return;
  }
  const declaredLength = Number(request.headers['content-length'] ?? Number.NaN);
  if (declaredLength > maxBytes) {
    refuse(context, 413, MESSAGE.tooLarge(maxBytes));
    return;
  }
  const body = await readBody(request, maxBytes);
  if (!body.ok) {
    sendJson(response, 413, { message: MESSAGE.tooLarge(maxBytes) }, { Connection: 'close' });
    return;
  }
  if (body.hash !== hash) {
    sendJson(response, 422, { message: MESSAGE.hashMismatch });
    return;
  }
  await store.putAttachment(missionId, { hash, mediaType, bytes: body.bytes });
  response.writeHead(204, { 'Cache-Control': 'no-store' });
  response.end();
}

/**
 * The attachments of a mission (photos of paper boards, scanned documents), content-addressed under
 * the documents' access rules: a user reads a mission's attachments when they may open the mission,
 * and adds to them when they may edit it. Returns false, having done nothing, when the path is not
 * an attachment's. A store failure rejects the promise before anything is sent, so the caller can
 * answer 500 and log it.
 */
export async function handleAttachmentRequest(context: AttachmentRequestContext): Promise<boolean> {
  const { request, response, user, store } = context;
  const route = parseAttachmentRoute(request.url);
  if (route === null) return false;
  const decision = user === null ? null : await decideAccess(store, user, route.missionId);
  if (decision === null || (!decision.allowed && decision.reason === REFUSAL_REASON.invalidToken)) {
    refuse(context, 401, MESSAGE.unauthenticated, { 'WWW-Authenticate': 'Bearer' });
    return true;
  }
  if (!decision.allowed) {
    if (decision.reason === REFUSAL_REASON.invalidDocumentName) refuse(context, 404, MESSAGE.badAddress);
    else refuse(context, 403, MESSAGE.forbidden);
    return true;
  }
  const { missionId, hash } = route;
  if (hash !== null && !isContentHash(hash)) {
    refuse(context, 404, MESSAGE.badAddress);
    return true;
  }
  const allowed = hash === null ? ['GET', 'HEAD'] : ['GET', 'HEAD', 'PUT'];
  if (!allowed.includes(request.method ?? '')) {
    refuse(context, 405, MESSAGE.methodNotAllowed, { Allow: allowed.join(', ') });
    return true;
  }
  if (hash === null) {
    const list: AttachmentList = { hashes: await store.listAttachmentHashes(missionId) };
    sendJson(response, 200, list);
  } else if (request.method !== 'PUT') {
    await sendAttachment(context, missionId, hash);
  } else if (decision.readOnly) {
    refuse(context, 403, MESSAGE.readOnly);
  } else {
    await receiveAttachment(context, missionId, hash);
  }
  return true;
}
