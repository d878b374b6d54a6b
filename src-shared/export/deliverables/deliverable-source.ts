/**
 * Everything a mission's deliverables are made from, read once from its documents. The app, the
 * print preview and `npm run demo:export` all build their files from this one snapshot, so the
 * Word, Excel and PDF outputs always agree with each other and with the screen.
 */
import type * as Y from 'yjs';
import { readBoard, readBoardSummaries } from '../../boards/board-snapshot';
import type { Board } from '../../boards/board-model';
import { comparisonTerritories, type DiagnosticTerritory } from '../../diagnostic/comparison-territories';
import { readCustomIndicators } from '../../diagnostic/custom-indicators';
import { INDICATOR_CATALOGUE } from '../../diagnostic/indicator-catalogue';
import type { IndicatorDefinition } from '../../diagnostic/indicator-definition';
import { readImports, type ImportRecord } from '../../diagnostic/indicator-operations';
import { buildIndicatorTable, type IndicatorThemeGroup } from '../../diagnostic/indicator-table';
import { readIndicatorValues, type IndicatorValueIndex } from '../../diagnostic/indicator-value-index';
import { readDirectorySnapshot, type DirectorySnapshot } from '../../directory/directory-snapshot';
import { readMissionSnapshot } from '../../documents/mission-snapshot';
import type { Geography } from '../../geography/geography';
import type { Meeting } from '../../meetings/meeting-model';
import { readMeetings } from '../../meetings/meeting-snapshot';
import type { MissionSnapshot } from '../../model/mission';
import { isFictitiousMission } from '../../operations/mission-operations';
import { readQualitativeSnapshot } from '../../qualitative/qualitative-snapshot';
import type { QualitativeSnapshot } from '../../qualitative/qualitative-model';

export interface DiagnosticSource {
  /** The catalogue followed by the mission's own indicators. */
  definitions: readonly IndicatorDefinition[];
  index: IndicatorValueIndex;
  /** The mission's communes, then EPCI, département, région and France. */
  territories: readonly DiagnosticTerritory[];
  /** Rows with figures, by theme, at each indicator's latest year: what the screen shows. */
  themes: readonly IndicatorThemeGroup[];
  /** Data sources, oldest import first. */
  imports: readonly ImportRecord[];
}

export interface MissionDeliverableSource {
  missionId: string;
  mission: MissionSnapshot;
  diagnostic: DiagnosticSource;
  qualitative: QualitativeSnapshot;
  /** Not trashed, in the meetings page's order. */
  meetings: readonly Meeting[];
  /** Not trashed, oldest first. */
  boards: readonly Board[];
  directory: DirectorySnapshot;
  /** The official geography the communes come from, e.g. "COG 2026". */
  geographyVintage: string;
  /** A demonstration mission: every deliverable says its figures are fictitious. */
  fictitious: boolean;
}

export interface DeliverableDocuments {
  missionId: string;
  mission: Y.Doc;
  directory: Y.Doc;
}

export function readMissionDeliverableSource(documents: DeliverableDocuments, geography: Geography): MissionDeliverableSource {
  const mission = readMissionSnapshot(documents.mission);
  const definitions = [...INDICATOR_CATALOGUE, ...readCustomIndicators(documents.mission)];
  const index = readIndicatorValues(documents.mission);
  const territories = comparisonTerritories(mission, geography);
  const boards = readBoardSummaries(documents.mission)
    .filter((summary) => !summary.trashed)
    .flatMap((summary) => readBoard(documents.mission, summary.id) ?? []);
  return {
    missionId: documents.missionId,
    mission,
    diagnostic: {
      definitions,
      index,
      territories,
      themes: buildIndicatorTable({ definitions, index, territories }),
      imports: readImports(documents.mission),
    },
    qualitative: readQualitativeSnapshot(documents.mission),
    meetings: readMeetings(documents.mission).filter((meeting) => meeting.trashedAt === null),
    boards,
    directory: readDirectorySnapshot(documents.directory),
    geographyVintage: geography.vintage,
    fictitious: isFictitiousMission(documents.mission),
  };
}
