import { lazy, Suspense, useEffect } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { MissionListPage } from '../features/missions/mission-list-page';
import { NewMissionPage } from '../features/missions/new-mission-page';
import { MissionPage } from '../features/mission-editor/mission-page';
import { SettingsPage } from '../features/settings/settings-page';
import { ErasureBanner } from '../features/gdpr/erasure-banner';
import { SyncStatusIndicator } from '../features/sync-status/sync-status-indicator';
import { ROUTES } from './routes';
import { useSession } from './session-context';

/* Pages a user reaches from the menu, not at start-up: kept out of the first bundle. */
const DirectoryPage = lazy(() => import('../features/directory/directory-page').then((module) => ({ default: module.DirectoryPage })));
const ContactImportPage = lazy(() =>
  import('../features/contact-import/contact-import-page').then((module) => ({ default: module.ContactImportPage })),
);
const CheckInPage = lazy(() => import('../features/check-in/check-in-page').then((module) => ({ default: module.CheckInPage })));
const GdprPage = lazy(() => import('../features/gdpr/gdpr-page').then((module) => ({ default: module.GdprPage })));
const BoardPage = lazy(() => import('../features/boards/board-page').then((module) => ({ default: module.BoardPage })));
const PresenterPage = lazy(() => import('../features/presenter/presenter-page').then((module) => ({ default: module.PresenterPage })));
const ReportPreviewPage = lazy(() =>
  import('../features/deliverables/report-preview-page').then((module) => ({ default: module.ReportPreviewPage })),
);

/** Menu commands that do not depend on the open page; undo, redo and export are handled by the mission page. */
function useGlobalMenuCommands(): void {
  const session = useSession();
  const [, navigate] = useLocation();
  useEffect(
    () =>
      session.bridge.onMenuCommand((command) => {
        if (command === 'new-mission') navigate(ROUTES.newMission);
        if (command === 'open-settings') navigate(ROUTES.settings);
      }),
    [session, navigate],
  );
}

function Shell() {
  useGlobalMenuCommands();
  return (
    <>
      <a className="skip-link" href="#contenu" onClick={(event) => {
        event.preventDefault();
        document.getElementById('contenu')?.focus();
      }}>
        Aller au contenu
      </a>
      <header className="app-header">
        <p className="app-name">Bocage</p>
        <nav aria-label="Navigation principale">
          <ul>
            <li>
              <Link href={ROUTES.missions}>Missions</Link>
            </li>
            <li>
              <Link href={ROUTES.directory}>Annuaire</Link>
            </li>
            <li>
              <Link href={ROUTES.gdpr}>RGPD</Link>
            </li>
            <li>
              <Link href={ROUTES.settings}>Paramètres</Link>
            </li>
          </ul>
        </nav>
        <SyncStatusIndicator />
      </header>
      <main id="contenu" tabIndex={-1}>
        <ErasureBanner />
        <Suspense fallback={<p role="status">Chargement…</p>}>
        <Switch>
          <Route path={ROUTES.missions} component={MissionListPage} />
          <Route path={ROUTES.newMission} component={NewMissionPage} />
          <Route<{ id: string; meeting: string }> path="/missions/:id/emargement/:meeting">
            {(params) => <CheckInPage missionId={decodeURIComponent(params.id)} meetingId={decodeURIComponent(params.meeting)} />}
          </Route>
          <Route<{ id: string; board: string }> path="/missions/:id/tableaux/:board">
            {(params) => <BoardPage missionId={decodeURIComponent(params.id)} boardId={decodeURIComponent(params.board)} />}
          </Route>
          <Route<{ id: string; section?: string; item?: string }> path="/missions/:id/:section?/:item?">
            {(params) => (
              <MissionPage
                missionId={decodeURIComponent(params.id)}
                section={params.section ?? ''}
                itemId={params.item ? decodeURIComponent(params.item) : null}
              />
            )}
          </Route>
          <Route path={ROUTES.settings} component={SettingsPage} />
          <Route path={ROUTES.directory}>{() => <DirectoryPage contactId={null} />}</Route>
          <Route path={ROUTES.contactImport} component={ContactImportPage} />
          <Route<{ id: string }> path="/annuaire/:id">{(params) => <DirectoryPage contactId={decodeURIComponent(params.id)} />}</Route>
          <Route path={ROUTES.gdpr}>{() => <GdprPage contactId={null} />}</Route>
          <Route<{ contact: string }> path="/rgpd/:contact">{(params) => <GdprPage contactId={decodeURIComponent(params.contact)} />}</Route>
          <Route>
            <h1>Page introuvable</h1>
            <p>
              <Link href={ROUTES.missions}>Revenir aux missions</Link>
            </p>
          </Route>
        </Switch>
        </Suspense>
      </main>
    </>
  );
}

/** The projector's window shows the board alone: no header, no navigation, nothing to tab through. */
function PresenterShell({ missionId, boardId }: { missionId: string; boardId: string }) {
  return (
    <Suspense fallback={<p role="status">Chargement…</p>}>
      <PresenterPage missionId={missionId} boardId={boardId} />
    </Suspense>
  );
}

export function App() {
  return (
    <Router hook={useHashLocation}>
      <Switch>
        <Route<{ id: string; board: string }> path="/missions/:id/tableaux/:board/projection">
          {(params) => <PresenterShell missionId={decodeURIComponent(params.id)} boardId={decodeURIComponent(params.board)} />}
        </Route>
        {/* The print preview prints the page it shows: no header or navigation may be part of it. */}
        <Route<{ id: string }> path="/missions/:id/livrables/apercu">
          {(params) => (
            <Suspense fallback={<p role="status">Chargement…</p>}>
              <ReportPreviewPage missionId={decodeURIComponent(params.id)} />
            </Suspense>
          )}
        </Route>
        <Route>
          <Shell />
        </Route>
      </Switch>
    </Router>
  );
}
