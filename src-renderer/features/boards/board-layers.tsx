import { memo, useCallback } from 'react';
import type { BoardTemplate } from '@shared/boards/board-model';
import type { BoardLayout } from '@shared/boards/board-templates';
import { CLUSTER_TITLE_HEIGHT, type ClusterOutline } from './board-geometry';

/** The id of a zone's hint, which the zone's group of cards names as its description. */
export function zoneHintId(prefix: string, zoneId: string): string {
  return `${prefix}-zone-hint-${zoneId}`;
}

interface ZonesLayerProps {
  layout: BoardLayout;
  template: BoardTemplate;
  activeZoneId: string | null;
  hintIdPrefix: string;
}

/** Zones with their title and hint, the active one highlighted; the matrix with its two axes. */
export const ZonesLayer = memo(function ZonesLayer({ layout, template, activeZoneId, hintIdPrefix }: ZonesLayerProps) {
  return (
    <>
      {layout.zones.map((zone) => (
        <div
          key={zone.id}
          className={`board-zone${zone.id === activeZoneId ? ' board-zone--active' : ''}${template === 'impact-feasibility' ? ' board-zone--matrix' : ''}`}
          style={{ transform: `translate(${zone.x}px, ${zone.y}px)`, width: zone.width, height: zone.height }}
        >
          <p className="board-zone__title">
            {zone.title}
            {zone.id === activeZoneId && <span className="board-zone__active"> · zone active</span>}
          </p>
          {zone.hint && (
            <p className="board-zone__hint" id={zoneHintId(hintIdPrefix, zone.id)}>
              {zone.hint}
            </p>
          )}
          {template === 'impact-feasibility' && (
            <>
              <span className="board-matrix__midline board-matrix__midline--vertical" />
              <span className="board-matrix__midline board-matrix__midline--horizontal" />
              <span className="board-matrix__axis board-matrix__axis--x">Faisabilité →</span>
              <span className="board-matrix__axis board-matrix__axis--y">Impact →</span>
            </>
          )}
        </div>
      ))}
    </>
  );
});

interface ClusterLayerProps {
  outlines: readonly ClusterOutline[];
  register: (clusterId: string, element: HTMLElement | null) => void;
}

const ClusterOutlineView = memo(function ClusterOutlineView({
  outline,
  register,
}: {
  outline: ClusterOutline;
  register: (clusterId: string, element: HTMLElement | null) => void;
}) {
  const id = outline.id;
  const ref = useCallback((element: HTMLDivElement | null) => register(id, element), [register, id]);
  return (
    <div ref={ref} className="board-cluster" style={{ transform: `translate(${outline.x}px, ${outline.y}px)`, width: outline.width, height: outline.height }}>
      <p
        className="board-cluster__title"
        data-cluster-id={id}
        title="Cliquer pour sélectionner le regroupement, glisser pour le déplacer, double-cliquer pour le renommer"
        style={{ height: CLUSTER_TITLE_HEIGHT }}
      >
        {outline.title}
      </p>
    </div>
  );
});

/**
 * Outlines around each cluster's cards. Their titles take pointer presses (select, drag, rename);
 * the keyboard reaches the same actions from the « Carte » panel.
 */
export function ClusterLayer({ outlines, register }: ClusterLayerProps) {
  return (
    <>
      {outlines.map((outline) => (
        <ClusterOutlineView key={outline.id} outline={outline} register={register} />
      ))}
    </>
  );
}
