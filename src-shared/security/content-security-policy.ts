/**
 * The Content-Security-Policy of the built app: a meta tag in the page (web and desktop) and a
 * response header from the desktop app's scheme. connect-src allows WebSockets and HTTP(S) because
 * the sync server is chosen by the user: its WebSocket carries the documents, and the same address
 * answers which missions this user may sync and serves the attachments.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss: http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_DIRECTIVES.join('; ');
