import { useState } from 'react';
import { useLocation } from 'wouter';
import { restoreEnjeu, trashEnjeu } from '@shared/qualitative/enjeu-operations';
import type { Enjeu } from '@shared/qualitative/qualitative-model';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { MissingRecord } from '../diagnostic-links/record-page';
import { TrashList, TrashNotice, type TrashedNotice } from '../diagnostic-links/trash';
import { useIndicatorDefinitions, useQualitativeSnapshot } from '../diagnostic-links/use-document-reader';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { EnjeuList } from './enjeu-list';
import { EnjeuPage } from './enjeu-page';
import { NewEnjeuForm } from './new-enjeu-form';

/** "Enjeux": the stakes drawn from the diagnostic, by priority. */
export function EnjeuxSection({ mission, snapshot: missionSnapshot, readOnly, itemId }: MissionSectionProps) {
  const doc = mission.doc;
  const missionId = missionSnapshot.id;
  const snapshot = useQualitativeSnapshot(doc);
  const indicators = useIndicatorDefinitions(doc);
  const [, navigate] = useLocation();
  const [notice, setNotice] = useState<TrashedNotice | null>(null);
  const [added, setAdded] = useState('');
  const listHref = recordHref(missionId, 'enjeux');
  const restore = (id: string) => restoreEnjeu(doc, id, LOCAL_ORIGIN);

  function trash(enjeu: Enjeu) {
    trashEnjeu(doc, enjeu.id, LOCAL_ORIGIN);
    setNotice({ id: enjeu.id, label: enjeu.title || 'Enjeu sans titre' });
    navigate(listHref);
  }

  if (itemId !== null) {
    const enjeu = snapshot.enjeux.find((candidate) => candidate.id === itemId);
    if (enjeu) {
      return <EnjeuPage key={enjeu.id} doc={doc} missionId={missionId} snapshot={snapshot} enjeu={enjeu} indicators={indicators} readOnly={readOnly} onTrash={trash} />;
    }
    return <MissingRecord missionId={missionId} collection="enjeux" itemId={itemId} trash={snapshot.trash} readOnly={readOnly} onRestore={restore} />;
  }

  return (
    <section aria-labelledby="enjeux-title" className="qualitative-section">
      <h2 id="enjeux-title">Enjeux</h2>
      <p className="hint">
        Les enjeux tirés des constats et des indicateurs, du plus prioritaire au moins prioritaire. Ouvrez un enjeu pour le
        relier aux constats et aux indicateurs qui le fondent.
      </p>
      <NewEnjeuForm doc={doc} readOnly={readOnly} onCreated={(title) => setAdded(`Enjeu « ${title} » ajouté en dernière priorité.`)} />
      <p role="status" className="confirmation">
        {added}
      </p>
      <TrashNotice notice={notice} onRestore={restore} onDismiss={() => setNotice(null)} />
      <EnjeuList doc={doc} missionId={missionId} snapshot={snapshot} readOnly={readOnly} />
      <TrashList title="Corbeille des enjeux" records={snapshot.trash.filter((record) => record.collection === 'enjeux')} readOnly={readOnly} onRestore={restore} />
    </section>
  );
}
