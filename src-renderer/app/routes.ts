/** Hash routes: they work the same from file:// in the desktop app and over http in the browser. */
export const ROUTES = {
  missions: '/',
  newMission: '/missions/nouvelle',
  mission: (id: string) => `/missions/${encodeURIComponent(id)}`,
  settings: '/parametres',
} as const;
