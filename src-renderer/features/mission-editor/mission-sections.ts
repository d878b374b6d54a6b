import type { ComponentType } from 'react';
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
];
