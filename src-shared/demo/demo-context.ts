/** What every part of the demo mission is written with: the documents, a seeded randomness, a clock. */
import * as prng from 'lib0/prng';
import type * as Y from 'yjs';
import type { GeoCommune, GeoEpci, Geography } from '../geography/geography';

export interface DemoDocuments {
  workspace: Y.Doc;
  mission: Y.Doc;
  directory: Y.Doc;
}

/** How big the demo is. The default is a readable example; the benchmark asks for a heavier one. */
export interface DemoScale {
  /** The mission is a real EPCI with exactly this many communes. */
  communes: number;
  /** Rows of the indicator table (catalogue indicators, the rates they give, the mission's own). */
  indicators: number;
  actionSheets: number;
  boards: number;
  cardsPerBoard: number;
}

export interface DemoTerritory {
  epci: GeoEpci;
  /** Members as the geography gives them, largest population first. */
  communes: GeoCommune[];
  /** The most populous commune: where the meetings take place. */
  centre: GeoCommune;
  departementName: string;
}

/** The demo's own words for "where the figures come from": every figure, caption and source says it. */
export const DEMO_SOURCE = 'Données fictives (démonstration)';

const DAY_MS = 24 * 60 * 60 * 1000;

export class DemoContext {
  readonly random: prng.PRNG;
  private clock: number;

  constructor(
    readonly docs: DemoDocuments,
    readonly geography: Geography,
    readonly territory: DemoTerritory,
    readonly scale: DemoScale,
    readonly origin: unknown,
    /** The moment the demo is created: its dates are placed around it, so the example looks current. */
    readonly now: number,
    seed: number,
  ) {
    this.random = prng.create(seed);
    this.clock = now;
  }

  /**
   * A fresh timestamp for each record, one millisecond apart: lists sorted by creation keep the
   * order the demo wrote them in, whatever their random ids.
   */
  tick(): number {
    this.clock += 1;
    return this.clock;
  }

  /** "2026-03-17": the date `days` after (or before) the demo's creation, in UTC so every machine agrees. */
  isoDate(days: number): string {
    return new Date(this.now + days * DAY_MS).toISOString().slice(0, 10);
  }

  /** A number in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.random.next();
  }

  pick<T>(items: readonly T[]): T {
    return prng.oneOf(this.random, items as T[]);
  }
}
