import { useEffect } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { MissionListPage } from '../features/missions/mission-list-page';
import { NewMissionPage } from '../features/missions/new-mission-page';
import { MissionPage } from '../features/mission-editor/mission-page';
import { SettingsPage } from '../features/settings/settings-page';
import { SyncStatusIndicator } from '../features/sync-status/sync-status-indicator';
import { ROUTES } from './routes';
import { useSession } from './session-context';

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
              <Link href={ROUTES.settings}>Paramètres</Link>
            </li>
          </ul>
        </nav>
        <SyncStatusIndicator />
      </header>
      <main id="contenu" tabIndex={-1}>
        <Switch>
          <Route path={ROUTES.missions} component={MissionListPage} />
          <Route path={ROUTES.newMission} component={NewMissionPage} />
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
          <Route>
            <h1>Page introuvable</h1>
            <p>
              <Link href={ROUTES.missions}>Revenir aux missions</Link>
            </p>
          </Route>
        </Switch>
      </main>
    </>
  );
}

export function App() {
  return (
    <Router hook={useHashLocation}>
      <Shell />
    </Router>
  );
}
