import { useState } from 'react';
import type { Observation } from '@shared/qualitative/qualitative-model';
import { restoreObservation, trashObservation } from '@shared/qualitative/observation-operations';
import { CollectionSection, RecordRoute, useCollectionSection } from '../diagnostic-links/collection-section';
import { useIndicatorDefinitions } from '../diagnostic-links/use-document-reader';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { NewObservationForm } from './new-observation-form';
import { observationTitle } from './observation-labels';
import { ObservationList } from './observation-list';
import { ObservationPage } from './observation-page';

/** "Constats": what was seen, heard or read on the territory, with its sources. */
export function ObservationsSection(props: MissionSectionProps) {
  const section = useCollectionSection<Observation, 'observations'>(props, {
    collection: 'observations',
    trash: trashObservation,
    restore: restoreObservation,
    nameOf: observationTitle,
  });
  const { doc, missionId, snapshot, readOnly } = section.page;
  const indicators = useIndicatorDefinitions(doc);
  const [added, setAdded] = useState('');

  if (props.itemId !== null) {
    return (
      <RecordRoute section={section} itemId={props.itemId} records={snapshot.observations}>
        {(observation) => <ObservationPage key={observation.id} {...section.page} observation={observation} indicators={indicators} />}
      </RecordRoute>
    );
  }

  return (
    <CollectionSection
      section={section}
      title="Constats"
      hint="Ce qui a été vu, entendu ou lu sur le territoire (entretiens, ateliers, visites, documents, statistiques), avec sa source. Les constats fondent les enjeux."
      trashTitle="Corbeille des constats"
      form={<NewObservationForm doc={doc} readOnly={readOnly} onCreated={() => setAdded('Constat ajouté à la liste.')} />}
      added={added}
    >
      <ObservationList missionId={missionId} snapshot={snapshot} />
    </CollectionSection>
  );
}
