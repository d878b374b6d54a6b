/**
 * The COG vintage of the geography the app ships: @etalab/decoupage-administratif is pinned to
 * 6.0.0, the 2026 geography. Change both together.
 */
export const GEOGRAPHY_VINTAGE = 'COG 2026';
