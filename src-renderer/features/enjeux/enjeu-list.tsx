import { useState } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { moveEnjeu } from '@shared/qualitative/enjeu-operations';
import type { Enjeu, QualitativeSnapshot } from '@shared/qualitative/qualitative-model';
import { actionSheetsForEnjeu } from '@shared/qualitative/qualitative-navigation';
import { qualitativeThemeLabel } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { MoveButtons } from '../diagnostic-links/move-buttons';
import { attempt } from '../diagnostic-links/operation-error';
import { recordHref } from '../diagnostic-links/qualitative-routes';

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

function groundsOf(snapshot: QualitativeSnapshot, enjeu: Enjeu): string {
  const sheets = actionSheetsForEnjeu(snapshot, enjeu.id).length;
  return [
    plural(enjeu.observationIds.length, 'constat', 'constats'),
    plural(enjeu.indicatorCodes.length, 'indicateur', 'indicateurs'),
    plural(sheets, 'fiche action', 'fiches actions'),
  ].join(' · ');
}

/** The enjeux by priority, each movable up and down from the keyboard. */
export function EnjeuList({ doc, missionId, snapshot, readOnly }: { doc: Y.Doc; missionId: string; snapshot: QualitativeSnapshot; readOnly: boolean }) {
  const [announcement, setAnnouncement] = useState('');
  const enjeux = snapshot.enjeux;

  function move(enjeu: Enjeu, direction: 'up' | 'down') {
    const refusal = attempt(() => moveEnjeu(doc, enjeu.id, direction, LOCAL_ORIGIN));
    const rank = enjeu.rank + (direction === 'up' ? -1 : 1);
    setAnnouncement(refusal ?? `« ${enjeu.title} » est maintenant en priorité ${rank} sur ${enjeux.length}.`);
  }

  return (
    <section aria-labelledby="enjeu-list-title">
      <h3 id="enjeu-list-title">Enjeux par priorité ({enjeux.length})</h3>
      <p role="status" className="hint">
        {announcement}
      </p>
      {enjeux.length === 0 ? (
        <p>Aucun enjeu pour le moment.</p>
      ) : (
        <ol className="record-list record-list--ranked" aria-label="Enjeux par priorité">
          {enjeux.map((enjeu) => (
            <li key={enjeu.id} className="record-card record-card--ranked">
              <span className="record-card__rank" aria-hidden="true">
                {enjeu.rank}
              </span>
              <div className="record-card__body">
                <Link className="record-card__title" href={recordHref(missionId, 'enjeux', enjeu.id)}>
                  {enjeu.title || 'Enjeu sans titre'}
                </Link>
                <p className="record-card__meta">
                  {enjeu.theme ? `${qualitativeThemeLabel(enjeu.theme)} · ` : ''}
                  {groundsOf(snapshot, enjeu)}
                </p>
              </div>
              <MoveButtons name={enjeu.title} position={enjeu.rank} count={enjeux.length} readOnly={readOnly} onMove={(direction) => move(enjeu, direction)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
