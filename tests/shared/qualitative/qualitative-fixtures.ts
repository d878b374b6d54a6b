import * as Y from 'yjs';
import { createMission } from '@shared/operations/mission-operations';
import type { ObservationInput } from '@shared/qualitative/observation-operations';
import { CREATED_AT, LOCAL_EDIT, exchangeUpdates, newMissionInput } from '../domain-fixtures';

export const LATER = CREATED_AT + 60_000;
export const MUCH_LATER = CREATED_AT + 3_600_000;

export function missionDoc(): Y.Doc {
  const doc = new Y.Doc();
  createMission(new Y.Doc(), doc, newMissionInput(), LOCAL_EDIT, CREATED_AT);
  return doc;
}

/** A mission created on one machine and already synced to a colleague's. */
export function missionOnTwoMachines(): { mine: Y.Doc; theirs: Y.Doc } {
  const mine = missionDoc();
  const theirs = new Y.Doc();
  exchangeUpdates(mine, theirs);
  return { mine, theirs };
}

export function observationInput(overrides: Partial<ObservationInput> = {}): ObservationInput {
  return {
    text: 'Les familles monoparentales peinent à trouver un mode de garde en horaires décalés.',
    theme: 'petite-enfance',
    sourceKind: 'entretien',
    date: '2024-04-12',
    author: 'Claire Martin',
    ...overrides,
  };
}
