import { useState, useSyncExternalStore } from 'react';
import { useSession } from '../../app/session-context';
import type { WorkspaceSession } from '../../app/workspace-session';
import { announceStoragePurged } from '../../storage/storage-purged-signal';

/** Set just before the reload that ends an erasure, so the reloaded page can say it is done. */
const FINISHED_ERASURE_KEY = 'bocage.erasureFinished';

/**
 * Rewrites this machine's storage without what was erased and reloads the app, which says on
 * its return whether the storage files themselves could be deleted.
 */
export async function finishErasureAndReload(session: WorkspaceSession): Promise<void> {
  const result = await session.finishErasure();
  sessionStorage.setItem(FINISHED_ERASURE_KEY, result.filesDeleted ? 'files-deleted' : 'records-deleted');
  announceStoragePurged();
  window.location.reload();
}

function readFinishedErasure(): string | null {
  const value = sessionStorage.getItem(FINISHED_ERASURE_KEY);
  sessionStorage.removeItem(FINISHED_ERASURE_KEY);
  return value;
}

/**
 * Tells the user an erasure finished (after the reload), or that a colleague's erasure still has
 * to be purged from this machine's storage, which reloads the app.
 */
export function ErasureBanner() {
  const session = useSession();
  const pending = useSyncExternalStore(session.subscribeToErasures, session.getErasurePending);
  const [finished, setFinished] = useState(readFinishedErasure);
  const [purging, setPurging] = useState(false);
  const [error, setError] = useState('');

  async function purge() {
    setPurging(true);
    try {
      await finishErasureAndReload(session);
    } catch (caught) {
      setPurging(false);
      setError(`Le nettoyage a échoué (${caught instanceof Error ? caught.message : String(caught)}) ; il sera repris au prochain démarrage.`);
    }
  }

  if (finished) {
    return (
      <div className="notice notice--success" role="status">
        <p>
          {finished === 'files-deleted'
            ? 'Effacement terminé : le stockage de cet ordinateur a été réécrit sans aucune trace de la personne.'
            : 'Effacement terminé dans Bocage. Ce navigateur n’a pas pu supprimer ses anciens fichiers de stockage : ils peuvent en garder une trace jusqu’à leur prochain nettoyage. La version de bureau n’a pas cette limite.'}
        </p>
        <button type="button" className="button" onClick={() => setFinished(null)}>
          Fermer
        </button>
      </div>
    );
  }
  if (!pending) return null;
  return (
    <div className="notice notice--warning" role="alert">
      <p>
        Un collègue a effacé une personne de l’annuaire à sa demande (RGPD). Ses présences ont été retirées de vos missions ;
        Bocage doit maintenant réécrire le stockage de cet ordinateur pour qu’il n’en reste aucune trace. L’application se
        recharge ensuite.
      </p>
      <button type="button" className="button button--primary" onClick={() => void purge()} disabled={purging}>
        {purging ? 'Nettoyage en cours…' : 'Nettoyer maintenant'}
      </button>
      {error && <p>{error}</p>}
    </div>
  );
}
