import type { ComponentType } from 'react';
import { ActionSheetsSection } from '../action-sheets/action-sheets-section';
import { AfomSection } from '../afom/afom-section';
import { EnjeuxSection } from '../enjeux/enjeux-section';
import { ObservationsSection } from '../observations/observations-section';
import { OrientationsSection } from '../orientations/orientations-section';
import { IndicatorsSection } from '../indicators/indicators-section';
import { MissionDetailsSection } from './mission-details-section';
import type { MissionSectionProps } from './mission-section';

export interface MissionSection {
  /** The address segment after /missions/<id>/; '' for the mission's own fields. */
  slug: string;
  label: string;
  Component: ComponentType<MissionSectionProps>;
}

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
