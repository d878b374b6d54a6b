import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { SessionContext } from './app/session-context';
import { finishErasure, isPurgePending } from './app/person-erasure';
import { WorkspaceSession } from './app/workspace-session';
import { selectBridge } from './bridge/select-bridge';
import { isPresenterRoute } from './app/routes';
import { DocumentStore } from './storage/document-store';
import { reloadWhenStoragePurged } from './storage/storage-purged-signal';
import { LocalDatabase } from './storage/local-database';
import './app/styles.css';

async function startBocage(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  try {
    const bridge = selectBridge();
    const db = new LocalDatabase();
    // An erasure whose storage rewrite was interrupted (the window closed, the machine stopped)
    // is finished before anything else reads the storage. Never by a presenter window: it opens
    // while the facilitator's window is live, and would wipe the storage under it.
    if (!isPresenterRoute(window.location.hash) && (await isPurgePending(db))) await finishErasure({ store: new DocumentStore(), db, bridge });
    const session = await WorkspaceSession.start(db, new DocumentStore(), bridge);
    reloadWhenStoragePurged();
    root.render(
      <StrictMode>
        <SessionContext.Provider value={session}>
          <App />
        </SessionContext.Provider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <main className="startup-error">
        <h1>Bocage n’a pas pu démarrer</h1>
        <p role="alert">
          Le stockage local de ce navigateur est inaccessible ({error instanceof Error ? error.message : String(error)}). Vos
          données n’ont pas été modifiées. Fermez les autres fenêtres de Bocage puis relancez l’application.
        </p>
      </main>,
    );
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('Élément racine introuvable.');
void startBocage(container);
