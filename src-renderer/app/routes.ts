/** Hash routes: they work the same from file:// in the desktop app and over http in the browser. */
export const ROUTES = {
  missions: '/',
  newMission: '/missions/nouvelle',
  mission: (id: string) => `/missions/${encodeURIComponent(id)}`,
  /** A section of a mission ("indicateurs", "enjeux"…), optionally one record in it. */
  missionSection: (id: string, section: string, itemId?: string) =>
    `/missions/${encodeURIComponent(id)}/${section}${itemId ? `/${encodeURIComponent(itemId)}` : ''}`,
  settings: '/parametres',
} as const;
