import { Link } from 'wouter';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import type { QualitativeSnapshot } from '@shared/qualitative/qualitative-model';
import { actionSheetEvidence } from '@shared/qualitative/qualitative-navigation';
import { ROUTES } from '../../app/routes';
import { LinkedRecords } from '../diagnostic-links/linked-records';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { indicatorName } from '../diagnostic-links/use-document-reader';
import { observationDetail, observationTitle } from '../observations/observation-labels';

interface ActionSheetEvidenceProps {
  missionId: string;
  snapshot: QualitativeSnapshot;
  sheetId: string;
  definitions: readonly IndicatorDefinition[];
}

/** What the fiche stands on: its orientation, its enjeux and, through them, the observations and indicators. */
export function ActionSheetEvidenceSection({ missionId, snapshot, sheetId, definitions }: ActionSheetEvidenceProps) {
  const evidence = actionSheetEvidence(snapshot, sheetId);
  return (
    <section aria-labelledby="evidence-title" className="evidence">
      <h3 id="evidence-title">Ce qui fonde cette fiche</h3>
      <LinkedRecords
        level={4}
        title="Orientation"
        empty="Aucune orientation choisie."
        links={evidence.orientation ? [{ id: evidence.orientation.id, label: evidence.orientation.title, href: recordHref(missionId, 'orientations', evidence.orientation.id) }] : []}
      />
      <LinkedRecords
        level={4}
        title="Enjeux liés"
        empty="Aucun enjeu lié : cochez ci-dessus les enjeux auxquels la fiche répond."
        links={evidence.enjeux.map((enjeu) => ({ id: enjeu.id, label: enjeu.title, href: recordHref(missionId, 'enjeux', enjeu.id), detail: `priorité ${enjeu.rank}` }))}
      />
      <LinkedRecords
        level={4}
        title="Constats (par les enjeux)"
        empty="Les enjeux liés ne citent encore aucun constat."
        links={evidence.observations.map((observation) => ({
          id: observation.id,
          label: observationTitle(observation),
          href: recordHref(missionId, 'observations', observation.id),
          detail: observationDetail(observation),
        }))}
      />
      <section aria-labelledby="evidence-indicators-title" className="linked-records">
        <h4 id="evidence-indicators-title">Indicateurs (par les enjeux et leurs constats)</h4>
        {evidence.indicatorCodes.length === 0 ? (
          <p className="hint">Aucun indicateur cité.</p>
        ) : (
          <ul>
            {evidence.indicatorCodes.map((code) => (
              <li key={code}>
                <Link href={ROUTES.missionSection(missionId, 'indicateurs', code)}>{indicatorName(code, definitions)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
