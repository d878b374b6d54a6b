/** Where the end-to-end run serves the web build and its sync server (see playwright.config.ts). */
export const WEB_PORT = 4173;
export const SYNC_PORT = 4321;
export const SYNC_URL = `ws://127.0.0.1:${SYNC_PORT}`;
export const SYNC_TOKEN = 'jeton-e2e';
