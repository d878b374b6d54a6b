import { useState } from 'react';
import { restoreAfomItem, trashAfomItem } from '@shared/qualitative/afom-operations';
import type { AfomItem } from '@shared/qualitative/qualitative-model';
import { excerpt } from '@shared/qualitative/qualitative-snapshot';
import { AFOM_QUADRANTS } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { TrashList, TrashNotice, type TrashedNotice } from '../diagnostic-links/trash';
import { useIndicatorDefinitions, useQualitativeSnapshot } from '../diagnostic-links/use-document-reader';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { AfomQuadrantRegion } from './afom-quadrant';

/** "AFOM": atouts, faiblesses, opportunités, menaces of the territory, in a 2×2 grid. */
export function AfomSection({ mission, readOnly }: MissionSectionProps) {
  const doc = mission.doc;
  const snapshot = useQualitativeSnapshot(doc);
  const indicators = useIndicatorDefinitions(doc);
  const [notice, setNotice] = useState<TrashedNotice | null>(null);
  const restore = (id: string) => restoreAfomItem(doc, id, LOCAL_ORIGIN);

  function trash(item: AfomItem) {
    trashAfomItem(doc, item.id, LOCAL_ORIGIN);
    setNotice({ id: item.id, label: excerpt(item.text) || 'Élément sans texte' });
  }

  return (
    <section aria-labelledby="afom-title" className="qualitative-section">
      <h2 id="afom-title">AFOM</h2>
      <p className="hint">
        Atouts et faiblesses du territoire aujourd’hui, opportunités et menaces à venir. Chaque élément peut citer les constats
        et les indicateurs qui l’appuient.
      </p>
      <TrashNotice notice={notice} onRestore={restore} onDismiss={() => setNotice(null)} />
      <div className="afom-grid">
        {AFOM_QUADRANTS.map((quadrant) => (
          <AfomQuadrantRegion
            key={quadrant.id}
            doc={doc}
            quadrant={quadrant}
            items={snapshot.afom.filter((item) => item.quadrant === quadrant.id)}
            observations={snapshot.observations}
            indicators={indicators}
            readOnly={readOnly}
            onTrash={trash}
          />
        ))}
      </div>
      <TrashList title="Corbeille de l’AFOM" records={snapshot.trash.filter((record) => record.collection === 'afom')} readOnly={readOnly} onRestore={restore} />
    </section>
  );
}
