import type { Board, BoardCard, BoardTimer } from './board-model';

/** Vote results and other figures derived from a board snapshot. */

export interface CardResult {
  card: BoardCard;
  /** Dots of identified voters plus dots counted without a voter. */
  total: number;
  voters: number;
}

/** Dots per card, identified voters and paper tallies together. */
export function cardVoteTotals(board: Pick<Board, 'voting'>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const dots of board.voting.dots) totals.set(dots.cardId, (totals.get(dots.cardId) ?? 0) + dots.count);
  for (const [cardId, count] of Object.entries(board.voting.tallies)) totals.set(cardId, (totals.get(cardId) ?? 0) + count);
  return totals;
}

/** Cards ranked by dots, most first; ties keep capture order. Cards without a dot are left out. */
export function rankCards(board: Pick<Board, 'voting' | 'cards'>): CardResult[] {
  const totals = cardVoteTotals(board);
  const voters = new Map<string, number>();
  for (const dots of board.voting.dots) voters.set(dots.cardId, (voters.get(dots.cardId) ?? 0) + 1);
  return board.cards
    .map((card, index) => ({ card, total: totals.get(card.id) ?? 0, voters: voters.get(card.id) ?? 0, index }))
    .filter((result) => result.total > 0)
    .sort((left, right) => right.total - left.total || left.index - right.index)
    .map(({ card, total, voters: count }) => ({ card, total, voters: count }));
}

/** Dots a voter has used, and on which cards. */
export function voterDots(board: Pick<Board, 'voting'>, voterId: string): { used: number; byCard: Map<string, number> } {
  const byCard = new Map<string, number>();
  let used = 0;
  for (const dots of board.voting.dots) {
    if (dots.voterId !== voterId) continue;
    byCard.set(dots.cardId, dots.count);
    used += dots.count;
  }
  return { used, byCard };
}

/** Ms left on the countdown at `now`; the full duration when it was never started or was reset. */
export function timerRemainingMs(timer: BoardTimer, now: number): number {
  if (timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  if (timer.remainingMs !== null) return Math.max(0, timer.remainingMs);
  return timer.durationMs;
}

export function timerIsRunning(timer: BoardTimer, now: number): boolean {
  return timer.endsAt !== null && timer.endsAt > now;
}

/** "04:59": minutes and seconds, rounded up so the display reaches 00:00 exactly at the end. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
