import { useState } from 'react';
import { useLocation } from 'wouter';
import { restoreActionSheet, trashActionSheet } from '@shared/qualitative/action-sheet-operations';
import type { ActionSheet } from '@shared/qualitative/qualitative-model';
import { actionSheetLabel } from '@shared/qualitative/qualitative-snapshot';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { MissingRecord } from '../diagnostic-links/record-page';
import { TrashList, TrashNotice, type TrashedNotice } from '../diagnostic-links/trash';
import { useIndicatorDefinitions, useQualitativeSnapshot } from '../diagnostic-links/use-document-reader';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { ActionSheetList } from './action-sheet-list';
import { ActionSheetPage } from './action-sheet-page';
import { NewActionSheetForm } from './new-action-sheet-form';

/** "Fiches actions": the actions answering the enjeux, each on its own page. */
export function ActionSheetsSection({ mission, snapshot: missionSnapshot, readOnly, itemId }: MissionSectionProps) {
  const doc = mission.doc;
  const missionId = missionSnapshot.id;
  const snapshot = useQualitativeSnapshot(doc);
  const definitions = useIndicatorDefinitions(doc);
  const [, navigate] = useLocation();
  const [notice, setNotice] = useState<TrashedNotice | null>(null);
  const listHref = recordHref(missionId, 'actionSheets');
  const restore = (id: string) => restoreActionSheet(doc, id, LOCAL_ORIGIN);

  function trash(sheet: ActionSheet) {
    trashActionSheet(doc, sheet.id, LOCAL_ORIGIN);
    setNotice({ id: sheet.id, label: actionSheetLabel(sheet) });
    navigate(listHref);
  }

  if (itemId !== null) {
    const sheet = snapshot.actionSheets.find((candidate) => candidate.id === itemId);
    if (sheet) {
      return <ActionSheetPage key={sheet.id} doc={doc} missionId={missionId} snapshot={snapshot} sheet={sheet} definitions={definitions} readOnly={readOnly} onTrash={trash} />;
    }
    return <MissingRecord missionId={missionId} collection="actionSheets" itemId={itemId} trash={snapshot.trash} readOnly={readOnly} onRestore={restore} />;
  }

  return (
    <section aria-labelledby="action-sheets-title" className="qualitative-section">
      <h2 id="action-sheets-title">Fiches actions</h2>
      <p className="hint">Les actions qui répondent aux enjeux : objectifs, pilote, calendrier, moyens et indicateurs d’évaluation.</p>
      <NewActionSheetForm doc={doc} readOnly={readOnly} onCreated={(id) => navigate(recordHref(missionId, 'actionSheets', id))} />
      <TrashNotice notice={notice} onRestore={restore} onDismiss={() => setNotice(null)} />
      <ActionSheetList doc={doc} missionId={missionId} snapshot={snapshot} readOnly={readOnly} />
      <TrashList
        title="Corbeille des fiches actions"
        records={snapshot.trash.filter((record) => record.collection === 'actionSheets')}
        readOnly={readOnly}
        onRestore={restore}
      />
    </section>
  );
}
