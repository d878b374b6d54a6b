import { lazy, type ComponentType } from 'react';
import type { MissionSectionProps } from './mission-section';

export interface PreloadableSection {
  Component: ComponentType<MissionSectionProps>;
  preload: () => Promise<unknown>;
}

/**
 * A section whose code loads on demand, and which renders at once when its code was preloaded:
 * React.lazy alone suspends on first render even for a module already fetched, and React then
 * holds the fallback for a few hundred milliseconds, a visible wait on every first visit.
 */
export function preloadableSection(load: () => Promise<ComponentType<MissionSectionProps>>): PreloadableSection {
  let loaded: ComponentType<MissionSectionProps> | null = null;
  let loading: Promise<ComponentType<MissionSectionProps>> | null = null;
  const preload = () => {
    loading ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Section(props: MissionSectionProps) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Component: Section, preload };
}
