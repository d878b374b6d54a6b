import { useId, useState } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import {
  cardsToActionSheet,
  cardsToEnjeu,
  cardsToObservation,
  clusterToActionSheet,
  clusterToEnjeu,
  clusterToObservation,
  resolveDiagnosticLinks,
  type BoardTargetCollection,
} from '@shared/boards/board-diagnostic-links';
import type { BoardCard, BoardCluster } from '@shared/boards/board-model';
import { excerpt } from '@shared/qualitative/qualitative-snapshot';
import type { BoardPanelProps } from '../boards/board-panel-props';
import { attempt } from '../diagnostic-links/operation-error';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { useQualitativeSnapshot } from '../diagnostic-links/use-document-reader';

/**
 * Origin of a conversion. Not LOCAL_ORIGIN on purpose: the board's undo history covers the board
 * only and the mission's covers the diagnostic only, so either would undo half of it (the link on
 * the card without the record, or the record without the link). A record made by mistake goes to
 * the trash from its page, like any other.
 */
const BOARD_TO_DIAGNOSTIC_ORIGIN = Object.freeze({ source: 'bocage-board-to-diagnostic' });

interface Target {
  collection: BoardTargetCollection;
  action: string;
  created: string;
  open: string;
  fromCards: (doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], now: number) => string;
  fromCluster: (doc: Y.Doc, origin: unknown, boardId: string, clusterId: string, now: number) => string;
}

const TARGETS: readonly Target[] = [
  { collection: 'observations', action: 'Créer un constat', created: 'Constat créé.', open: 'Ouvrir le constat', fromCards: cardsToObservation, fromCluster: clusterToObservation },
  { collection: 'enjeux', action: 'Créer un enjeu', created: 'Enjeu créé.', open: 'Ouvrir l’enjeu', fromCards: cardsToEnjeu, fromCluster: clusterToEnjeu },
  {
    collection: 'actionSheets',
    action: 'Créer une fiche action (brouillon)',
    created: 'Fiche action créée, à compléter.',
    open: 'Ouvrir la fiche action',
    fromCards: cardsToActionSheet,
    fromCluster: clusterToActionSheet,
  },
];

type Source = 'cards' | 'cluster';

interface Created {
  collection: BoardTargetCollection;
  recordId: string;
  message: string;
  open: string;
}

/** The cluster every selected card belongs to, if they all belong to the same one. */
function sharedCluster(cards: readonly BoardCard[], clusters: readonly BoardCluster[]): BoardCluster | null {
  const [first] = cards;
  if (!first || first.clusterId === null || cards.some((card) => card.clusterId !== first.clusterId)) return null;
  return clusters.find((cluster) => cluster.id === first.clusterId) ?? null;
}

/**
 * The board's « Vers le diagnostic » panel: the selected cards, or their cluster, become a constat,
 * an enjeu or a draft fiche action in one click, linked both ways, so the diagnostic keeps track of
 * which workshop an idea came from.
 */
export function CardToDiagnostic({ missionId, doc, board, selection, readOnly }: BoardPanelProps) {
  const headingId = useId();
  const sourceName = useId();
  const [source, setSource] = useState<Source>('cards');
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(board.cards.map((card) => [card.id, card]));
  const cards = selection.map((id) => byId.get(id)).filter((card): card is BoardCard => card !== undefined);
  const cluster = sharedCluster(cards, board.clusters);
  const from: Source = source === 'cluster' && cluster ? 'cluster' : 'cards';

  function create(target: Target) {
    let recordId = '';
    const refusal = attempt(() => {
      recordId =
        from === 'cluster' && cluster
          ? target.fromCluster(doc, BOARD_TO_DIAGNOSTIC_ORIGIN, board.id, cluster.id, Date.now())
          : target.fromCards(doc, BOARD_TO_DIAGNOSTIC_ORIGIN, board.id, cards.map((card) => card.id), Date.now());
    });
    setError(refusal);
    setCreated(refusal ? null : { collection: target.collection, recordId, message: target.created, open: target.open });
  }

  return (
    <section className="board-diagnostic" aria-labelledby={headingId}>
      <h2 id={headingId}>Vers le diagnostic</h2>
      {cards.length === 0 ? (
        <p className="hint">Sélectionnez une ou plusieurs cartes sur le tableau pour en faire un constat, un enjeu ou une fiche action.</p>
      ) : (
        <>
          {cluster ? (
            <fieldset className="board-diagnostic__source">
              <legend>À partir de</legend>
              <label className="checkbox">
                <input type="radio" name={sourceName} value="cards" checked={from === 'cards'} onChange={() => setSource('cards')} />
                {cards.length === 1 ? 'La carte sélectionnée' : `Les ${cards.length} cartes sélectionnées`}
              </label>
              <label className="checkbox">
                <input type="radio" name={sourceName} value="cluster" checked={from === 'cluster'} onChange={() => setSource('cluster')} />
                Le regroupement « {cluster.title} » et toutes ses cartes
              </label>
            </fieldset>
          ) : (
            <p>{cards.length === 1 ? `Carte sélectionnée : « ${excerpt(cards[0]?.text ?? '', 60)} »` : `${cards.length} cartes sélectionnées.`}</p>
          )}
          <div className="toolbar">
            {TARGETS.map((target) => (
              <button key={target.collection} type="button" className="button" disabled={readOnly} onClick={() => create(target)}>
                {target.action}
              </button>
            ))}
          </div>
        </>
      )}
      <div aria-live="polite" className="board-diagnostic__result">
        {created && (
          <p className="confirmation">
            {created.message} <Link href={recordHref(missionId, created.collection, created.recordId)}>{created.open}</Link>
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {cards.length > 0 && <ExistingLinks missionId={missionId} doc={doc} cards={cards} cluster={cluster} />}
    </section>
  );
}

interface ExistingLinksProps {
  missionId: string;
  doc: Y.Doc;
  cards: readonly BoardCard[];
  cluster: BoardCluster | null;
}

/** What was already made from the selection. Mounted only with a selection, so the board's other edits cost nothing here. */
function ExistingLinks({ missionId, doc, cards, cluster }: ExistingLinksProps) {
  const headingId = useId();
  const snapshot = useQualitativeSnapshot(doc);
  const fromCards = resolveDiagnosticLinks([...new Set(cards.flatMap((card) => card.links))], snapshot);
  const fromCluster = cluster ? resolveDiagnosticLinks(cluster.links, snapshot) : [];
  const groups = [
    { id: 'cards', title: cards.length === 1 ? 'Déjà tiré de cette carte' : 'Déjà tiré de ces cartes', links: fromCards },
    { id: 'cluster', title: `Déjà tiré du regroupement « ${cluster?.title ?? ''} »`, links: fromCluster },
  ].filter((group) => group.links.length > 0);
  if (groups.length === 0) return null;
  return (
    <>
      {groups.map((group) => (
        <section key={group.id} className="linked-records" aria-labelledby={`${headingId}-${group.id}`}>
          <h3 id={`${headingId}-${group.id}`}>{group.title}</h3>
          <ul>
            {group.links.map((link) => (
              <li key={`${link.collection}/${link.recordId}`}>
                {link.state === 'deleted' ? (
                  link.label
                ) : (
                  <Link href={recordHref(missionId, link.collection, link.recordId)}>{link.label}</Link>
                )}
                {link.state === 'trashed' && <span className="linked-records__detail"> — dans la corbeille</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
