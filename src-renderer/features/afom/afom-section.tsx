import { restoreAfomItem, trashAfomItem } from '@shared/qualitative/afom-operations';
import type { AfomItem } from '@shared/qualitative/qualitative-model';
import { excerpt } from '@shared/qualitative/qualitative-snapshot';
import { AFOM_QUADRANTS } from '@shared/qualitative/qualitative-vocabulary';
import { CollectionSection, useCollectionSection } from '../diagnostic-links/collection-section';
import { useIndicatorDefinitions } from '../diagnostic-links/use-document-reader';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { AfomQuadrantRegion } from './afom-quadrant';

/** "AFOM": atouts, faiblesses, opportunités, menaces of the territory, in a 2×2 grid. */
export function AfomSection(props: MissionSectionProps) {
  const section = useCollectionSection<AfomItem, 'afom'>(props, {
    collection: 'afom',
    trash: trashAfomItem,
    restore: restoreAfomItem,
    nameOf: (item) => excerpt(item.text) || 'Élément sans texte',
  });
  const { doc, snapshot, readOnly, onTrash } = section.page;
  const indicators = useIndicatorDefinitions(doc);

  return (
    <CollectionSection
      section={section}
      title="AFOM"
      hint="Atouts et faiblesses du territoire aujourd’hui, opportunités et menaces à venir. Chaque élément peut citer les constats et les indicateurs qui l’appuient."
      trashTitle="Corbeille de l’AFOM"
    >
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
            onTrash={onTrash}
          />
        ))}
      </div>
    </CollectionSection>
  );
}
