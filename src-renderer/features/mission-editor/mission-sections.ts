import type { ComponentType } from 'react';
import { MissionDetailsSection } from './mission-details-section';
import type { MissionSectionProps } from './mission-section';
import { preloadableSection, type PreloadableSection } from './preloadable-section';

export interface MissionSection {
  /** The address segment after /missions/<id>/; '' for the mission's own fields. */
  slug: string;
  label: string;
  Component: ComponentType<MissionSectionProps>;
}

/*
 * The diagnostic sections are not in the start-up bundle: the home screen and the mission's own
 * fields start without the chart library, the importer or the qualitative editors. The mission
 * layout preloads them once it is idle, so switching sections does not wait.
 */
const DIAGNOSTIC_SECTIONS: readonly (Omit<MissionSection, 'Component'> & PreloadableSection)[] = [
  {
    slug: 'indicateurs',
    label: 'Indicateurs',
    ...preloadableSection(() => import('../indicators/indicators-section').then((module) => module.IndicatorsSection)),
  },
  {
    slug: 'constats',
    label: 'Constats',
    ...preloadableSection(() => import('../observations/observations-section').then((module) => module.ObservationsSection)),
  },
  { slug: 'afom', label: 'AFOM', ...preloadableSection(() => import('../afom/afom-section').then((module) => module.AfomSection)) },
  { slug: 'enjeux', label: 'Enjeux', ...preloadableSection(() => import('../enjeux/enjeux-section').then((module) => module.EnjeuxSection)) },
  {
    slug: 'orientations',
    label: 'Orientations',
    ...preloadableSection(() => import('../orientations/orientations-section').then((module) => module.OrientationsSection)),
  },
  {
    slug: 'fiches-actions',
    label: 'Fiches actions',
    ...preloadableSection(() => import('../action-sheets/action-sheets-section').then((module) => module.ActionSheetsSection)),
  },
  {
    slug: 'reunions',
    label: 'Réunions',
    ...preloadableSection(() => import('../meetings/meetings-section').then((module) => module.MeetingsSection)),
  },
  {
    slug: 'livrables',
    label: 'Livrables',
    ...preloadableSection(() => import('../deliverables/deliverables-section').then((module) => module.DeliverablesSection)),
  },
];

/** The mission's sections, in the order of the section navigation. */
export const MISSION_SECTIONS: readonly MissionSection[] = [
  { slug: '', label: 'Fiche mission', Component: MissionDetailsSection },
  ...DIAGNOSTIC_SECTIONS,
];

export function preloadMissionSections(): Promise<unknown> {
  return Promise.all(DIAGNOSTIC_SECTIONS.map((section) => section.preload()));
}
