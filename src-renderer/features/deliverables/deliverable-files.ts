import type { MissionDeliverableSource } from '@shared/export/deliverables/deliverable-source';
import { missionDeliverableFileName, type MissionDeliverableKind } from '@shared/export/export-file-names';
import type { SaveFileRequest } from '@shared/ipc/ipc-contract';
import type { PreDiagnosticOptions } from '@shared/export/report/report-options';
import type { WordTemplateFile } from './deliverable-preferences';
import { rasterizeSvgWithCanvas } from './canvas-svg-rasterizer';

/** The buttons of the « Livrables » section, in the order a chargé de mission hands the files over. */
export const DELIVERABLE_BUTTONS: readonly { kind: MissionDeliverableKind; label: string }[] = [
  { kind: 'pre-diagnostic', label: 'Pré-diagnostic Word (.docx)' },
  { kind: 'indicators', label: 'Indicateurs (.xlsx)' },
  { kind: 'action-plan', label: 'Plan d’actions (.xlsx)' },
  { kind: 'participation', label: 'Réunions et participants (.xlsx)' },
  { kind: 'workshop-boards', label: 'Ateliers : cartes et votes (.xlsx)' },
];

/** The PDF printed from the preview carries the Word file's name: the same document in another format. */
export function preDiagnosticPdfName(mission: { title: string }): string {
  return missionDeliverableFileName(mission, 'pre-diagnostic').replace(/\.docx$/, '.pdf');
}

export interface DeliverableRequest {
  source: MissionDeliverableSource;
  options: PreDiagnosticOptions;
  template: WordTemplateFile | null;
  /** Said to the user, in French: the template was set aside and Bocage's look used instead. */
  onWarning: (message: string) => void;
}

/**
 * One deliverable as the bridge saves it, built by the same core function as `npm run demo:export`.
 * The builders (docx, exceljs) load with the first export, not with the section.
 */
export async function deliverableFile(kind: MissionDeliverableKind, { source, options, template, onWarning }: DeliverableRequest): Promise<SaveFileRequest> {
  const [{ buildMissionDeliverable }, { readDocxTemplate }] = await Promise.all([
    import('@shared/export/deliverables/mission-deliverables'),
    import('@shared/export/report/docx-template'),
  ]);
  let docxTemplate = null;
  if (template && kind === 'pre-diagnostic') {
    const reading = readDocxTemplate(template.bytes, template.fileName);
    if (reading.ok) docxTemplate = reading.template;
    else onWarning(`${reading.message} Le document garde la mise en forme de Bocage.`);
  }
  const file = await buildMissionDeliverable(kind, source, {
    generatedAt: options.generatedAt,
    rasterize: rasterizeSvgWithCanvas,
    preDiagnostic: options,
    template: docxTemplate,
    onWarning,
  });
  return { fileKind: file.kind, suggestedName: file.fileName, bytes: file.bytes };
}
