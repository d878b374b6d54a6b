export type SyncAddressResult = { ok: true; url: string } | { ok: false; message: string };

const WEB_TO_SOCKET_PROTOCOL: Record<string, string | undefined> = { 'http:': 'ws:', 'https:': 'wss:', 'ws:': 'ws:', 'wss:': 'wss:' };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Accepts ws(s):// and http(s):// addresses (an http address is turned into its ws twin, as users
 * copy the address from a browser). Plain ws:// is accepted only for this machine.
 */
export function parseSyncServerAddress(raw: string): SyncAddressResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, message: 'Indiquez l’adresse du serveur de synchronisation.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'Cette adresse n’est pas une URL valide (exemple : wss://sync.exemple.fr).' };
  }
  const protocol = WEB_TO_SOCKET_PROTOCOL[url.protocol];
  if (!protocol || url.hostname === '') {
    return { ok: false, message: 'L’adresse doit commencer par wss:// (ou ws:// pour un serveur sur cet ordinateur).' };
  }
  if (protocol === 'ws:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, message: 'Pour un serveur distant, utilisez une adresse chiffrée wss://.' };
  }
  url.protocol = protocol;
  return { ok: true, url: url.toString().replace(/\/$/, '') };
}

export function validateAccessToken(raw: string): string | null {
  const token = raw.trim();
  if (token === '') return 'Indiquez le jeton d’accès fourni par l’administrateur du serveur.';
  if (token.length > 512 || /\s/.test(token)) return 'Ce jeton d’accès n’a pas un format valide.';
  return null;
}
