/** Plain data read from a board (see board-snapshot.ts), and the board's vocabularies. */

export const BOARD_TEMPLATES = [
  'brainstorm',
  'afom',
  'problem-tree',
  'objective-tree',
  'impact-feasibility',
  'world-cafe',
  'six-hats',
  'free',
] as const;
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number];

export const BOARD_TEMPLATE_LABELS: Record<BoardTemplate, string> = {
  brainstorm: 'Brainstorming / métaplan',
  afom: 'AFOM (atouts, faiblesses, opportunités, menaces)',
  'problem-tree': 'Arbre à problèmes',
  'objective-tree': 'Arbre à objectifs',
  'impact-feasibility': 'Matrice impact × faisabilité',
  'world-cafe': 'World Café',
  'six-hats': 'Six chapeaux',
  free: 'Tableau libre',
};

/** Templates a user starts a board from; an arbre à objectifs comes from converting an arbre à problèmes. */
export const CREATABLE_TEMPLATES: readonly BoardTemplate[] = BOARD_TEMPLATES.filter((template) => template !== 'objective-tree');

export const CARD_COLOURS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple', 'white'] as const;
export type CardColour = (typeof CARD_COLOURS)[number];

/** Pale sticky-note colours: dark text on each keeps a contrast above 7:1 (RGAA). */
export const CARD_COLOUR_STYLES: Record<CardColour, { label: string; background: string; border: string }> = {
  yellow: { label: 'Jaune', background: '#fff4a8', border: '#b59a00' },
  pink: { label: 'Rose', background: '#ffd6e5', border: '#b3416d' },
  blue: { label: 'Bleu', background: '#d3e8ff', border: '#2f6db3' },
  green: { label: 'Vert', background: '#d4f5d0', border: '#3b8a32' },
  orange: { label: 'Orange', background: '#ffe0c2', border: '#b8611a' },
  purple: { label: 'Violet', background: '#e8dcff', border: '#6a4bb3' },
  white: { label: 'Blanc', background: '#ffffff', border: '#707070' },
};

export const CARD_TEXT_COLOUR = '#1b1b1b';

export const MAX_CARD_TEXT_LENGTH = 2000;
export const MAX_TITLE_LENGTH = 200;

export interface BoardZone {
  id: string;
  title: string;
  order: string;
}

export interface BoardCard {
  id: string;
  text: string;
  colour: CardColour;
  /** Contact id; null for an anonymous card. */
  authorId: string | null;
  zoneId: string | null;
  /** Relative to the zone's top-left corner (absolute when zoneId is null). */
  x: number;
  y: number;
  clusterId: string | null;
  /** Hidden from the projection until revealed (silent phase). */
  hidden: boolean;
  round: number | null;
  sourceCardId: string | null;
  needsRewording: boolean;
  /** diagnosticLinkKey values of the records made from this card. */
  links: string[];
  createdAt: number;
  updatedAt: number;
}

export interface BoardCluster {
  id: string;
  title: string;
  createdAt: number;
  links: string[];
}

export interface VoterDots {
  voterId: string;
  cardId: string;
  count: number;
}

export interface BoardVoting {
  /** Dots per participant. */
  budget: number;
  maxPerCard: number;
  revealed: boolean;
  /** Dots of identified voters, on cards that still exist. */
  dots: VoterDots[];
  /** Card id → dots counted without a voter (paper, erased voter). */
  tallies: Record<string, number>;
}

export interface BoardTimer {
  durationMs: number;
  /** Epoch ms when a running countdown ends. */
  endsAt: number | null;
  /** Ms left on a paused countdown. */
  remainingMs: number | null;
}

export interface BoardSummary {
  id: string;
  meetingId: string;
  template: BoardTemplate;
  title: string;
  createdAt: number;
  updatedAt: number;
  trashed: boolean;
  cardCount: number;
}

export interface Board extends BoardSummary {
  zones: BoardZone[];
  cards: BoardCard[];
  clusters: BoardCluster[];
  voting: BoardVoting;
  timer: BoardTimer;
  silentPhase: boolean;
  activeZoneId: string | null;
  round: number;
  sourceBoardId: string | null;
}

export const DEFAULT_VOTE_BUDGET = 3;
export const DEFAULT_VOTE_MAX_PER_CARD = 3;
export const DEFAULT_TIMER_MS = 5 * 60_000;
