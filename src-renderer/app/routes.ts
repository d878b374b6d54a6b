/** Hash routes: they work the same from file:// in the desktop app and over http in the browser. */
export const ROUTES = {
  missions: '/',
  newMission: '/missions/nouvelle',
  mission: (id: string) => `/missions/${encodeURIComponent(id)}`,
  /** A section of a mission ("indicateurs", "enjeux"…), optionally one record in it. */
  missionSection: (id: string, section: string, itemId?: string) =>
    `/missions/${encodeURIComponent(id)}/${section}${itemId ? `/${encodeURIComponent(itemId)}` : ''}`,
  /** The pre-diagnostic's print preview, outside the app's frame so that it prints alone. */
  deliverablesPreview: (id: string) => `/missions/${encodeURIComponent(id)}/livrables/apercu`,
  settings: '/parametres',
  directory: '/annuaire',
  contactImport: '/annuaire/importer',
  contact: (id: string) => `/annuaire/${encodeURIComponent(id)}`,
  /** The check-in screen of one meeting, full width for a laptop or a tablet in the room. */
  checkIn: (missionId: string, meetingId: string) =>
    `/missions/${encodeURIComponent(missionId)}/emargement/${encodeURIComponent(meetingId)}`,
  /** A workshop board of a mission, full width for the facilitator. */
  board: (missionId: string, boardId: string) =>
    `/missions/${encodeURIComponent(missionId)}/tableaux/${encodeURIComponent(boardId)}`,
  /** The presenter view of a board: the projector's window (desktop) or a full-screen tab (browser). */
  boardPresenter: (missionId: string, boardId: string) =>
    `/missions/${encodeURIComponent(missionId)}/tableaux/${encodeURIComponent(boardId)}/projection`,
  gdpr: '/rgpd',
  /** The rights of one person: access to their data, erasure. */
  gdprPerson: (contactId: string) => `/rgpd/${encodeURIComponent(contactId)}`,
} as const;

/** The presenter view's address (a hash such as `#/missions/…/tableaux/…/projection`): no app frame, no start-up purge. */
export function isPresenterRoute(hash: string): boolean {
  return /^#?\/missions\/[^/]+\/tableaux\/[^/]+\/projection$/.test(hash);
}
