import type * as Y from 'yjs';

/**
 * Layout of a mission's workshop boards, in the mission document (a board belongs to a meeting).
 * Cards, clusters and zones are nested Y.Maps keyed by random id, so two laptops capturing cards
 * offline keep all of them. Votes are one flat map keyed by voter and card, so two laptops
 * recording different voters never overwrite each other's nested map. A card's position is
 * relative to its zone, so a zone that grows or moves (a World Café table added) carries its cards
 * with it. Every name below is synced: never reuse or rename one.
 */
export const BOARD_ROOT = {
  boards: 'boards',
} as const;

export const BOARD_FIELD = {
  meetingId: 'meetingId',
  /** One of BOARD_TEMPLATES: fixes the zones' geometry and what the board offers. */
  template: 'template',
  title: 'title',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  trashedAt: 'trashedAt',
  /** Nested Y.Map: zone id → Y.Map of ZONE_FIELD. */
  zones: 'zones',
  /** Nested Y.Map: card id → Y.Map of CARD_FIELD. */
  cards: 'cards',
  /** Nested Y.Map: cluster id → Y.Map of CLUSTER_FIELD. */
  clusters: 'clusters',
  /** Nested Y.Map: voteKey(voter, card) → number of dots that voter put on that card. */
  votes: 'votes',
  /** Nested Y.Map: card id → dots counted without a voter (a vote on paper, or an erased voter's). */
  tallies: 'tallies',
  voteBudget: 'voteBudget',
  voteMaxPerCard: 'voteMaxPerCard',
  /** True once the facilitator shows the results; until then counts stay hidden. */
  votesRevealed: 'votesRevealed',
  /** True while new cards stay hidden from the projection (silent phase). */
  silentPhase: 'silentPhase',
  /** The zone the room works on now: the current hat (six hats), the facilitator's focus. */
  activeZone: 'activeZone',
  /** World Café round, from 1. */
  round: 'round',
  timerDurationMs: 'timerDurationMs',
  /** Epoch ms at which a running countdown ends; absent when stopped or paused. */
  timerEndsAt: 'timerEndsAt',
  /** Ms left on a paused countdown; absent when running or reset. */
  timerRemainingMs: 'timerRemainingMs',
  /** For an arbre à objectifs: the arbre à problèmes it was converted from. */
  sourceBoard: 'sourceBoard',
} as const;

export const ZONE_FIELD = {
  title: 'title',
  /** Fractional-index key (qualitative/order-keys.ts). */
  order: 'order',
} as const;

export const CARD_FIELD = {
  /** Nested Y.Text. */
  text: 'text',
  colour: 'colour',
  /** Contact id of a participant of the meeting; absent for an anonymous card. */
  author: 'author',
  /** Zone id; absent on a free board or outside every zone. */
  zone: 'zone',
  /** Position of the card's top-left corner, relative to its zone (absolute without a zone). */
  x: 'x',
  y: 'y',
  cluster: 'cluster',
  /** True while the card is hidden from the projection (written during a silent phase). */
  hidden: 'hidden',
  /** World Café round in which the card was written. */
  round: 'round',
  /** For a converted card: the id of the card it came from in the source board. */
  sourceCard: 'sourceCard',
  /** True until someone reformulates a converted card (problem → objective). */
  needsRewording: 'needsRewording',
  /** Nested Y.Map: diagnosticLinkKey(collection, record id) → true, the records made from this card. */
  links: 'links',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
} as const;

export const CLUSTER_FIELD = {
  title: 'title',
  createdAt: 'createdAt',
  links: 'links',
} as const;

export function boardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(BOARD_ROOT.boards);
}

/** Voter ids and card ids are random uuids: the separator cannot occur in either. */
export function voteKey(voterId: string, cardId: string): string {
  return `${voterId}|${cardId}`;
}

export function parseVoteKey(key: string): { voterId: string; cardId: string } | null {
  const separator = key.indexOf('|');
  if (separator <= 0 || separator === key.length - 1) return null;
  return { voterId: key.slice(0, separator), cardId: key.slice(separator + 1) };
}
