import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.BOCAGE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium: browsers are never downloaded on these machines. */
export function findChromium(): string {
  const found = CANDIDATES.find((path): path is string => typeof path === 'string' && existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium est introuvable. Installez-le avec : apt-get install -y chromium (ou indiquez son chemin dans BOCAGE_CHROMIUM).',
    );
  }
  return found;
}

/** Without these, Chromium keeps trying to reach Google's hosts, which this closed network refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=fr-FR',
];
