import type * as Y from 'yjs';
import { diagnosticEditableTypes } from './diagnostic-structure';
import { meetingsMap } from './meeting-structure';

/**
 * Root types of the documents. Root types are created by name, so two offline replicas that both
 * create them never conflict; nested maps are only ever created by the operation that creates
 * their record. Field names below are synced: never reuse or rename one.
 */
export const ROOT = {
  meta: 'meta',
  mission: 'mission',
  territoryCommunes: 'territory.communes',
  territoryEpcis: 'territory.epcis',
  workspaceMissions: 'missions',
} as const;

export const META_FIELD = {
  schemaVersion: 'schemaVersion',
  kind: 'kind',
} as const;

export const MISSION_FIELD = {
  id: 'id',
  title: 'title',
  sponsor: 'sponsor',
  themes: 'themes',
  startDate: 'startDate',
  endDate: 'endDate',
  status: 'status',
  description: 'description',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  /** True on a demonstration mission: its figures are made up, and every deliverable says so. */
  fictitiousData: 'fictitiousData',
} as const;

export const WORKSPACE_ENTRY_FIELD = {
  createdAt: 'createdAt',
  trashedAt: 'trashedAt',
} as const;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}

export function missionMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.mission);
}

export function missionText(doc: Y.Doc, field: 'title' | 'sponsor' | 'description'): Y.Text {
  return doc.getText(`${ROOT.mission}.${field}`);
}

export function missionThemesMap(doc: Y.Doc): Y.Map<boolean> {
  return doc.getMap(`${ROOT.mission}.${MISSION_FIELD.themes}`);
}

export function territoryCommunesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.territoryCommunes);
}

export function territoryEpcisMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.territoryEpcis);
}

export function workspaceMissionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.workspaceMissions);
}

/** Every root type a user edits in a mission document: the scope of the mission's undo history. */
export function missionEditableTypes(doc: Y.Doc): (Y.Map<unknown> | Y.Text | Y.Map<boolean> | Y.Map<Y.Map<unknown>>)[] {
  return [
    missionMap(doc),
    missionText(doc, 'title'),
    missionText(doc, 'sponsor'),
    missionText(doc, 'description'),
    missionThemesMap(doc),
    territoryCommunesMap(doc),
    territoryEpcisMap(doc),
    ...diagnosticEditableTypes(doc),
    meetingsMap(doc),
  ];
}
