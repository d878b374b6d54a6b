import { lazy, type ComponentType } from 'react';
import { MissionDetailsSection } from './mission-details-section';
import type { MissionSectionProps } from './mission-section';

export interface MissionSection {
  /** The address segment after /missions/<id>/; '' for the mission's own fields. */
  slug: string;
  label: string;
  Component: ComponentType<MissionSectionProps>;
}

/*
 * The diagnostic sections load on first visit: the home screen and the mission's own fields start
 * without the chart library, the importer or the qualitative editors.
 */
const IndicatorsSection = lazy(() => import('../indicators/indicators-section').then((module) => ({ default: module.IndicatorsSection })));
const ObservationsSection = lazy(() => import('../observations/observations-section').then((module) => ({ default: module.ObservationsSection })));
const AfomSection = lazy(() => import('../afom/afom-section').then((module) => ({ default: module.AfomSection })));
const EnjeuxSection = lazy(() => import('../enjeux/enjeux-section').then((module) => ({ default: module.EnjeuxSection })));
const OrientationsSection = lazy(() => import('../orientations/orientations-section').then((module) => ({ default: module.OrientationsSection })));
const ActionSheetsSection = lazy(() => import('../action-sheets/action-sheets-section').then((module) => ({ default: module.ActionSheetsSection })));

/** The mission's sections, in the order of the section navigation. */
export const MISSION_SECTIONS: readonly MissionSection[] = [
  { slug: '', label: 'Fiche mission', Component: MissionDetailsSection },
  { slug: 'indicateurs', label: 'Indicateurs', Component: IndicatorsSection },
  { slug: 'constats', label: 'Constats', Component: ObservationsSection },
  { slug: 'afom', label: 'AFOM', Component: AfomSection },
  { slug: 'enjeux', label: 'Enjeux', Component: EnjeuxSection },
  { slug: 'orientations', label: 'Orientations', Component: OrientationsSection },
  { slug: 'fiches-actions', label: 'Fiches actions', Component: ActionSheetsSection },
];
