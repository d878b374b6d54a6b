import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import { DEMO_SOURCE } from '@shared/demo/demo-context';
import { ROUTES } from '../../app/routes';
import { useSession } from '../../app/session-context';

/**
 * The home screen's offer of a complete example: one click fills a mission (figures, interviews,
 * workshops, fiches actions) so a new user sees every screen and every deliverable at once.
 */
export function DemoMissionPanel() {
  const session = useSession();
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState('');
  const headingId = useId();
  const hintId = useId();

  async function create() {
    setCreating(true);
    setFailure('');
    try {
      // Loaded on use: the demo's texts and figures are not needed to show the home screen.
      const { createDemoMissionInSession } = await import('./create-demo-mission');
      navigate(ROUTES.mission(await createDemoMissionInSession(session)));
    } catch (error) {
      setCreating(false);
      setFailure(`La mission exemple n’a pas pu être créée : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <section className="form" aria-labelledby={headingId}>
      <h2 id={headingId}>Découvrir Bocage avec une mission exemple</h2>
      <p id={hintId} className="hint">
        La mission exemple porte sur des communes réelles, mais ses chiffres, ses personnes, ses réunions et ses fiches actions sont
        fictifs : chaque chiffre a pour source « {DEMO_SOURCE} » et chaque document produit le rappelle. Ses personnes
        fictives s’ajoutent à l’annuaire.
      </p>
      <button type="button" className="button" aria-describedby={hintId} disabled={creating} onClick={() => void create()}>
        Créer la mission exemple
      </button>
      <p role="status">{creating && 'Création de la mission exemple…'}</p>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
    </section>
  );
}
