/**
 * `npm run demo:export -- --out <folder>`: writes every deliverable of the demo mission ("Mission
 * exemple") to a folder, through the code the app saves them with. Exit code 1, with a French
 * message, when the folder is missing, is a file, or cannot be written.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_AUTHOR_NAME } from '../../src-shared/demo/demo-people';
import { buildMissionDeliverables } from '../../src-shared/export/deliverables/mission-deliverables';
import { defaultSectionChoices } from '../../src-shared/export/report/report-options';
import { DEMO_EXPORT_NOW, demoDeliverableSource } from './demo-source';
import { rasterizeSvgInNode } from './node-svg-rasterizer';

const USAGE = 'Utilisation : npm run demo:export -- --out <dossier>';

class ExportFailure extends Error {}

function outputFolder(argv: readonly string[]): string {
  const position = argv.indexOf('--out');
  const inline = argv.find((argument) => argument.startsWith('--out='));
  const folder = inline !== undefined ? inline.slice('--out='.length) : position >= 0 ? argv[position + 1] : undefined;
  if (folder === undefined || folder.trim() === '' || folder.startsWith('--')) {
    throw new ExportFailure(`Indiquez le dossier où écrire les livrables. ${USAGE}`);
  }
  return resolve(folder);
}

/** Creates the folder when needed; refuses a path that is a file. */
function prepareFolder(folder: string): void {
  let isFile = false;
  try {
    isFile = !statSync(folder).isDirectory();
  } catch {
    // Absent: created below.
  }
  if (isFile) throw new ExportFailure(`« ${folder} » est un fichier, pas un dossier : indiquez un dossier pour les livrables. ${USAGE}`);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new ExportFailure(`Le dossier « ${folder} » ne peut pas être créé : ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'droits insuffisants.';
  if (code === 'ENOTDIR') return 'un élément du chemin est un fichier.';
  if (code === 'ENOSPC') return 'le disque est plein.';
  if (code === 'EROFS') return 'le disque est en lecture seule.';
  return error instanceof Error ? error.message : String(error);
}

async function main(argv: readonly string[]): Promise<void> {
  const folder = outputFolder(argv);
  prepareFolder(folder);
  const generatedAt = new Date(DEMO_EXPORT_NOW);
  const deliverables = await buildMissionDeliverables(demoDeliverableSource(), {
    generatedAt,
    rasterize: rasterizeSvgInNode,
    preDiagnostic: { sections: defaultSectionChoices(), author: DEMO_AUTHOR_NAME, version: 'Version 1 – document de travail', generatedAt },
  });
  const written: string[] = [];
  for (const deliverable of deliverables) {
    const path = join(folder, deliverable.fileName);
    try {
      writeFileSync(path, deliverable.bytes);
    } catch (error) {
      throw new ExportFailure(`« ${path} » ne peut pas être écrit : ${reason(error)}`);
    }
    written.push(path);
  }
  process.stdout.write(`Livrables de la mission exemple écrits dans « ${folder} » :\n${written.map((path) => `  ${path}\n`).join('')}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof ExportFailure ? error.message : `L’export de la mission exemple a échoué : ${reason(error)}`;
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
});
