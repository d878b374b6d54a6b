import { Link } from 'wouter';
import type * as Y from 'yjs';
import { indicatorUsage } from '@shared/qualitative/qualitative-navigation';
import { actionSheetLabel, excerpt } from '@shared/qualitative/qualitative-snapshot';
import { ROUTES } from '../../app/routes';
import { useQualitativeSnapshot } from '../diagnostic-links/use-document-reader';

/** The other half of the chain: the findings, enjeux and fiches actions this indicator grounds. */
export function IndicatorLinks({ doc, missionId, code }: { doc: Y.Doc; missionId: string; code: string }) {
  const snapshot = useQualitativeSnapshot(doc);
  const usage = indicatorUsage(snapshot, code);
  const sheets = [...new Map([...usage.groundedActionSheets, ...usage.evaluatingActionSheets].map((sheet) => [sheet.id, sheet])).values()];
  const empty = usage.observations.length + usage.enjeux.length + sheets.length === 0;
  return (
    <section aria-labelledby={`links-${code}`}>
      <h4 id={`links-${code}`}>Utilisé dans le diagnostic</h4>
      {empty ? (
        <p className="hint">Aucun constat, enjeu ni fiche action ne cite encore cet indicateur.</p>
      ) : (
        <ul className="link-list">
          {usage.enjeux.map((enjeu) => (
            <li key={enjeu.id}>
              Enjeu : <Link href={ROUTES.missionSection(missionId, 'enjeux', enjeu.id)}>{enjeu.title}</Link>
            </li>
          ))}
          {usage.observations.map((observation) => (
            <li key={observation.id}>
              Constat : <Link href={ROUTES.missionSection(missionId, 'constats', observation.id)}>{excerpt(observation.text)}</Link>
            </li>
          ))}
          {sheets.map((sheet) => (
            <li key={sheet.id}>
              Fiche action : <Link href={ROUTES.missionSection(missionId, 'fiches-actions', sheet.id)}>{actionSheetLabel(sheet)}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
