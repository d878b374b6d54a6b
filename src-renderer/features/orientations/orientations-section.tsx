import { useState } from 'react';
import { useLocation } from 'wouter';
import { restoreOrientation, trashOrientation } from '@shared/qualitative/orientation-operations';
import type { Orientation } from '@shared/qualitative/qualitative-model';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { MissingRecord } from '../diagnostic-links/record-page';
import { TrashList, TrashNotice, type TrashedNotice } from '../diagnostic-links/trash';
import { useQualitativeSnapshot } from '../diagnostic-links/use-document-reader';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { NewOrientationForm } from './new-orientation-form';
import { OrientationList } from './orientation-list';
import { OrientationPage } from './orientation-page';

/** "Orientations": the strategic orientations, each grouping enjeux. */
export function OrientationsSection({ mission, snapshot: missionSnapshot, readOnly, itemId }: MissionSectionProps) {
  const doc = mission.doc;
  const missionId = missionSnapshot.id;
  const snapshot = useQualitativeSnapshot(doc);
  const [, navigate] = useLocation();
  const [notice, setNotice] = useState<TrashedNotice | null>(null);
  const [added, setAdded] = useState('');
  const listHref = recordHref(missionId, 'orientations');
  const restore = (id: string) => restoreOrientation(doc, id, LOCAL_ORIGIN);

  function trash(orientation: Orientation) {
    trashOrientation(doc, orientation.id, LOCAL_ORIGIN);
    setNotice({ id: orientation.id, label: orientation.title || 'Orientation sans titre' });
    navigate(listHref);
  }

  if (itemId !== null) {
    const orientation = snapshot.orientations.find((candidate) => candidate.id === itemId);
    if (orientation) {
      return <OrientationPage key={orientation.id} doc={doc} missionId={missionId} snapshot={snapshot} orientation={orientation} readOnly={readOnly} onTrash={trash} />;
    }
    return <MissingRecord missionId={missionId} collection="orientations" itemId={itemId} trash={snapshot.trash} readOnly={readOnly} onRestore={restore} />;
  }

  return (
    <section aria-labelledby="orientations-title" className="qualitative-section">
      <h2 id="orientations-title">Orientations stratégiques</h2>
      <p className="hint">Les grandes orientations du projet de territoire ; chacune regroupe des enjeux et reçoit des fiches actions.</p>
      <NewOrientationForm doc={doc} readOnly={readOnly} onCreated={(title) => setAdded(`Orientation « ${title} » ajoutée.`)} />
      <p role="status" className="confirmation">
        {added}
      </p>
      <TrashNotice notice={notice} onRestore={restore} onDismiss={() => setNotice(null)} />
      <OrientationList doc={doc} missionId={missionId} snapshot={snapshot} readOnly={readOnly} />
      <TrashList
        title="Corbeille des orientations"
        records={snapshot.trash.filter((record) => record.collection === 'orientations')}
        readOnly={readOnly}
        onRestore={restore}
      />
    </section>
  );
}
