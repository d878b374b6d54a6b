import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_DIRECTIVES } from '@shared/security/content-security-policy';

/**
 * The policy main sends as a response header: the one the built page carries in its meta tag, but
 * a header applies from the first byte and cannot be removed by the page.
 */
export const BUILT_PAGE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;

/**
 * The same policy, loosened only where Vite's hot reload needs it during development: the React
 * Refresh preamble is an inline module script and Vite injects stylesheets as inline style
 * elements. A packaged app never uses it.
 */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_DIRECTIVES.map((directive) =>
  directive.startsWith('script-src ') || directive.startsWith('style-src ') ? `${directive} 'unsafe-inline'` : directive,
).join('; ');
