import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Observation } from '@shared/qualitative/qualitative-model';
import { restoreObservation, trashObservation } from '@shared/qualitative/observation-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { MissingRecord } from '../diagnostic-links/record-page';
import { TrashList, TrashNotice, type TrashedNotice } from '../diagnostic-links/trash';
import { useIndicatorDefinitions, useQualitativeSnapshot } from '../diagnostic-links/use-document-reader';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { NewObservationForm } from './new-observation-form';
import { ObservationList } from './observation-list';
import { ObservationPage } from './observation-page';
import { observationTitle } from './observation-labels';

/** "Constats": what was seen, heard or read on the territory, with its sources. */
export function ObservationsSection({ mission, snapshot: missionSnapshot, readOnly, itemId }: MissionSectionProps) {
  const doc = mission.doc;
  const missionId = missionSnapshot.id;
  const snapshot = useQualitativeSnapshot(doc);
  const indicators = useIndicatorDefinitions(doc);
  const [, navigate] = useLocation();
  const [notice, setNotice] = useState<TrashedNotice | null>(null);
  const [added, setAdded] = useState('');
  const listHref = recordHref(missionId, 'observations');
  const restore = (id: string) => restoreObservation(doc, id, LOCAL_ORIGIN);

  function trash(observation: Observation) {
    trashObservation(doc, observation.id, LOCAL_ORIGIN);
    setNotice({ id: observation.id, label: observationTitle(observation) });
    navigate(listHref);
  }

  if (itemId !== null) {
    const observation = snapshot.observations.find((candidate) => candidate.id === itemId);
    if (observation) {
      return (
        <ObservationPage
          key={observation.id}
          doc={doc}
          missionId={missionId}
          snapshot={snapshot}
          observation={observation}
          indicators={indicators}
          readOnly={readOnly}
          onTrash={trash}
        />
      );
    }
    return <MissingRecord missionId={missionId} collection="observations" itemId={itemId} trash={snapshot.trash} readOnly={readOnly} onRestore={restore} />;
  }

  return (
    <section aria-labelledby="observations-title" className="qualitative-section">
      <h2 id="observations-title">Constats</h2>
      <p className="hint">
        Ce qui a été vu, entendu ou lu sur le territoire (entretiens, ateliers, visites, documents, statistiques), avec sa
        source. Les constats fondent les enjeux.
      </p>
      <NewObservationForm doc={doc} readOnly={readOnly} onCreated={() => setAdded('Constat ajouté à la liste.')} />
      <p role="status" className="confirmation">
        {added}
      </p>
      <TrashNotice notice={notice} onRestore={restore} onDismiss={() => setNotice(null)} />
      <ObservationList missionId={missionId} snapshot={snapshot} />
      <TrashList
        title="Corbeille des constats"
        records={snapshot.trash.filter((record) => record.collection === 'observations')}
        readOnly={readOnly}
        onRestore={restore}
      />
    </section>
  );
}
