import { useLocation } from 'wouter';
import { restoreActionSheet, trashActionSheet } from '@shared/qualitative/action-sheet-operations';
import type { ActionSheet } from '@shared/qualitative/qualitative-model';
import { actionSheetLabel } from '@shared/qualitative/qualitative-snapshot';
import { CollectionSection, RecordRoute, useCollectionSection } from '../diagnostic-links/collection-section';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { useIndicatorDefinitions } from '../diagnostic-links/use-document-reader';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { ActionSheetList } from './action-sheet-list';
import { ActionSheetPage } from './action-sheet-page';
import { NewActionSheetForm } from './new-action-sheet-form';

/** "Fiches actions": the actions answering the enjeux, each on its own page. */
export function ActionSheetsSection(props: MissionSectionProps) {
  const section = useCollectionSection<ActionSheet, 'actionSheets'>(props, {
    collection: 'actionSheets',
    trash: trashActionSheet,
    restore: restoreActionSheet,
    nameOf: actionSheetLabel,
  });
  const { doc, missionId, snapshot, readOnly } = section.page;
  const definitions = useIndicatorDefinitions(doc);
  const [, navigate] = useLocation();

  if (props.itemId !== null) {
    return (
      <RecordRoute section={section} itemId={props.itemId} records={snapshot.actionSheets}>
        {(sheet) => <ActionSheetPage key={sheet.id} {...section.page} sheet={sheet} definitions={definitions} />}
      </RecordRoute>
    );
  }

  return (
    <CollectionSection
      section={section}
      title="Fiches actions"
      hint="Les actions qui répondent aux enjeux : objectifs, pilote, calendrier, moyens et indicateurs d’évaluation."
      trashTitle="Corbeille des fiches actions"
      form={<NewActionSheetForm doc={doc} readOnly={readOnly} onCreated={(id) => navigate(recordHref(missionId, 'actionSheets', id))} />}
    >
      <ActionSheetList doc={doc} missionId={missionId} snapshot={snapshot} readOnly={readOnly} />
    </CollectionSection>
  );
}
