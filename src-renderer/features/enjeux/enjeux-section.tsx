import { useState } from 'react';
import { restoreEnjeu, trashEnjeu } from '@shared/qualitative/enjeu-operations';
import type { Enjeu } from '@shared/qualitative/qualitative-model';
import { CollectionSection, RecordRoute, useCollectionSection } from '../diagnostic-links/collection-section';
import { useIndicatorDefinitions } from '../diagnostic-links/use-document-reader';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { EnjeuList } from './enjeu-list';
import { EnjeuPage } from './enjeu-page';
import { NewEnjeuForm } from './new-enjeu-form';

/** "Enjeux": the stakes drawn from the diagnostic, by priority. */
export function EnjeuxSection(props: MissionSectionProps) {
  const section = useCollectionSection<Enjeu, 'enjeux'>(props, {
    collection: 'enjeux',
    trash: trashEnjeu,
    restore: restoreEnjeu,
    nameOf: (enjeu) => enjeu.title || 'Enjeu sans titre',
  });
  const { doc, missionId, snapshot, readOnly } = section.page;
  const indicators = useIndicatorDefinitions(doc);
  const [added, setAdded] = useState('');

  if (props.itemId !== null) {
    return (
      <RecordRoute section={section} itemId={props.itemId} records={snapshot.enjeux}>
        {(enjeu) => <EnjeuPage key={enjeu.id} {...section.page} enjeu={enjeu} indicators={indicators} />}
      </RecordRoute>
    );
  }

  return (
    <CollectionSection
      section={section}
      title="Enjeux"
      hint="Les enjeux tirés des constats et des indicateurs, du plus prioritaire au moins prioritaire. Ouvrez un enjeu pour le relier aux constats et aux indicateurs qui le fondent."
      trashTitle="Corbeille des enjeux"
      form={<NewEnjeuForm doc={doc} readOnly={readOnly} onCreated={(title) => setAdded(`Enjeu « ${title} » ajouté en dernière priorité.`)} />}
      added={added}
    >
      <EnjeuList doc={doc} missionId={missionId} snapshot={snapshot} readOnly={readOnly} />
    </CollectionSection>
  );
}
