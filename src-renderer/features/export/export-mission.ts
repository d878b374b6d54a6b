import { GEOGRAPHY_VINTAGE } from '@shared/geography/geography-vintage';
import type { SavableFileKind, SaveFileResult } from '@shared/ipc/ipc-contract';
import type { MissionSnapshot } from '@shared/model/mission';
import type { Bridge } from '../../bridge/bridge';

/** Builds the mission summary and hands the bytes to the bridge (save dialog or download). */
export async function exportMission(bridge: Bridge, mission: MissionSnapshot, fileKind: Extract<SavableFileKind, 'docx' | 'xlsx'>): Promise<SaveFileResult> {
  const options = { generatedAt: new Date(), geographyVintage: GEOGRAPHY_VINTAGE };
  // The builders pull in docx and exceljs, which only this action needs: load them on demand.
  const [{ missionExportFileName }, bytes] = await Promise.all([
    import('@shared/export/export-file-names'),
    fileKind === 'docx'
      ? import('@shared/export/mission-docx').then(({ buildMissionDocx }) => buildMissionDocx(mission, options))
      : import('@shared/export/mission-xlsx').then(({ buildMissionXlsx }) => buildMissionXlsx(mission, options)),
  ]);
  return bridge.saveFile({ fileKind, suggestedName: missionExportFileName(mission, fileKind), bytes });
}
