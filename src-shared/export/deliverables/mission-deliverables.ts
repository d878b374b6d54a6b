/**
 * Every deliverable of a mission from one snapshot: the Word pre-diagnostic and the Excel
 * workbooks. The app and `npm run demo:export` both call this, so a folder written by the script
 * holds exactly what the app would save.
 */
import { missionDeliverableFileName, type MissionDeliverableKind } from '../export-file-names';
import type { DocxTemplate } from '../report/docx-template';
import { buildPreDiagnosticReport } from '../report/pre-diagnostic-content';
import { barChartSvg } from '../report/report-chart-svg';
import { buildPreDiagnosticDocx } from '../report/report-docx';
import type { PreDiagnosticOptions } from '../report/report-options';
import type { SvgRasterizer } from '../report/svg-rasterizer';
import { buildActionPlanWorkbook } from '../workbooks/action-plan-xlsx';
import { buildIndicatorsWorkbook } from '../workbooks/indicators-xlsx';
import { buildParticipationWorkbook } from '../workbooks/participation-xlsx';
import { buildWorkshopBoardsWorkbook } from '../workbooks/workshop-boards-xlsx';
import type { MissionDeliverableSource } from './deliverable-source';

export interface MissionDeliverable {
  fileName: string;
  kind: 'docx' | 'xlsx';
  bytes: Uint8Array;
}

export interface MissionDeliverablesOptions {
  /** The date every file states it was produced on. */
  generatedAt: Date;
  rasterize: SvgRasterizer;
  preDiagnostic: PreDiagnosticOptions;
  /** The user's Word template for the pre-diagnostic; Bocage's look otherwise. */
  template?: DocxTemplate | null;
  /** Told, in French, when the template could not be applied. */
  onWarning?: (message: string) => void;
}

type WorkbookBuilder = (source: MissionDeliverableSource, options: { generatedAt: Date }) => Promise<Uint8Array>;

const WORKBOOKS: Record<Exclude<MissionDeliverableKind, 'pre-diagnostic'>, WorkbookBuilder> = {
  indicators: buildIndicatorsWorkbook,
  'action-plan': buildActionPlanWorkbook,
  participation: buildParticipationWorkbook,
  'workshop-boards': buildWorkshopBoardsWorkbook,
};

/** In the order a chargé de mission hands them over: the pre-diagnostic first, then the workbooks. */
export const MISSION_DELIVERABLE_KINDS: readonly MissionDeliverableKind[] = ['pre-diagnostic', 'indicators', 'action-plan', 'participation', 'workshop-boards'];

/** One deliverable, as the app's buttons save it. */
export async function buildMissionDeliverable(
  kind: MissionDeliverableKind,
  source: MissionDeliverableSource,
  options: MissionDeliverablesOptions,
): Promise<MissionDeliverable> {
  const fileName = missionDeliverableFileName(source.mission, kind);
  if (kind !== 'pre-diagnostic') return { fileName, kind: 'xlsx', bytes: await WORKBOOKS[kind](source, { generatedAt: options.generatedAt }) };
  const bytes = await buildPreDiagnosticDocx(buildPreDiagnosticReport(source, options.preDiagnostic), {
    rasterize: options.rasterize,
    chartSvg: barChartSvg,
    template: options.template ?? null,
    onWarning: options.onWarning,
  });
  return { fileName, kind: 'docx', bytes };
}

/** Every deliverable, built one after the other to keep memory low. */
export async function buildMissionDeliverables(source: MissionDeliverableSource, options: MissionDeliverablesOptions): Promise<MissionDeliverable[]> {
  const deliverables: MissionDeliverable[] = [];
  for (const kind of MISSION_DELIVERABLE_KINDS) deliverables.push(await buildMissionDeliverable(kind, source, options));
  return deliverables;
}
