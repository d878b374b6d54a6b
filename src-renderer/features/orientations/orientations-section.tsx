import { useState } from 'react';
import { restoreOrientation, trashOrientation } from '@shared/qualitative/orientation-operations';
import type { Orientation } from '@shared/qualitative/qualitative-model';
import { CollectionSection, RecordRoute, useCollectionSection } from '../diagnostic-links/collection-section';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { NewOrientationForm } from './new-orientation-form';
import { OrientationList } from './orientation-list';
import { OrientationPage } from './orientation-page';

/** "Orientations": the strategic orientations, each grouping enjeux. */
export function OrientationsSection(props: MissionSectionProps) {
  const section = useCollectionSection<Orientation, 'orientations'>(props, {
    collection: 'orientations',
    trash: trashOrientation,
    restore: restoreOrientation,
    nameOf: (orientation) => orientation.title || 'Orientation sans titre',
  });
  const { doc, missionId, snapshot, readOnly } = section.page;
  const [added, setAdded] = useState('');

  if (props.itemId !== null) {
    return (
      <RecordRoute section={section} itemId={props.itemId} records={snapshot.orientations}>
        {(orientation) => <OrientationPage key={orientation.id} {...section.page} orientation={orientation} />}
      </RecordRoute>
    );
  }

  return (
    <CollectionSection
      section={section}
      title="Orientations stratégiques"
      hint="Les grandes orientations du projet de territoire ; chacune regroupe des enjeux et reçoit des fiches actions."
      trashTitle="Corbeille des orientations"
      form={<NewOrientationForm doc={doc} readOnly={readOnly} onCreated={(title) => setAdded(`Orientation « ${title} » ajoutée.`)} />}
      added={added}
    >
      <OrientationList doc={doc} missionId={missionId} snapshot={snapshot} readOnly={readOnly} />
    </CollectionSection>
  );
}
