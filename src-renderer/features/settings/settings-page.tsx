import { useId, useState, type FormEvent } from 'react';
import { parseSyncServerAddress, validateAccessToken } from '@shared/validation/sync-server-address';
import { useSession } from '../../app/session-context';
import { usePageTitle } from '../../app/use-page-title';

interface SettingsErrors {
  serverUrl?: string;
  accessToken?: string;
}

export function SettingsPage() {
  usePageTitle('Paramètres');
  const session = useSession();
  const current = session.getSyncSettings();
  const [serverUrl, setServerUrl] = useState(current?.serverUrl ?? '');
  const [accessToken, setAccessToken] = useState(current?.accessToken ?? '');
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [confirmation, setConfirmation] = useState('');
  const urlErrorId = useId();
  const tokenErrorId = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    const address = parseSyncServerAddress(serverUrl);
    const tokenError = validateAccessToken(accessToken);
    const nextErrors: SettingsErrors = {};
    if (!address.ok) nextErrors.serverUrl = address.message;
    if (tokenError) nextErrors.accessToken = tokenError;
    setErrors(nextErrors);
    setConfirmation('');
    if (!address.ok || tokenError) return;
    await session.configureSync({ serverUrl: address.url, accessToken: accessToken.trim() });
    setServerUrl(address.url);
    setConfirmation('Paramètres de synchronisation enregistrés.');
  }

  async function disable() {
    await session.configureSync(null);
    setServerUrl('');
    setAccessToken('');
    setErrors({});
    setConfirmation('Synchronisation désactivée : vos missions restent sur cet ordinateur.');
  }

  return (
    <>
      <h1>Paramètres</h1>
      <form className="form" onSubmit={(event) => void save(event)} noValidate>
        <fieldset>
          <legend>Synchronisation avec le serveur de l’équipe</legend>
          <p className="hint">
            Sans serveur, Bocage fonctionne entièrement sur cet ordinateur. Avec un serveur, vos missions se
            synchronisent avec vos collègues dès que le réseau est disponible.
          </p>
          <div className="field">
            <label htmlFor="sync-server-url">Adresse du serveur de synchronisation</label>
            <input
              id="sync-server-url"
              type="text"
              inputMode="url"
              autoComplete="url"
              placeholder="wss://sync.exemple.fr"
              value={serverUrl}
              aria-invalid={errors.serverUrl ? true : undefined}
              aria-describedby={errors.serverUrl ? urlErrorId : undefined}
              onChange={(event) => setServerUrl(event.target.value)}
            />
            {errors.serverUrl && (
              <p id={urlErrorId} className="field-error">
                {errors.serverUrl}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="sync-access-token">Jeton d’accès</label>
            <input
              id="sync-access-token"
              type="password"
              autoComplete="off"
              value={accessToken}
              aria-invalid={errors.accessToken ? true : undefined}
              aria-describedby={errors.accessToken ? tokenErrorId : undefined}
              onChange={(event) => setAccessToken(event.target.value)}
            />
            {errors.accessToken && (
              <p id={tokenErrorId} className="field-error">
                {errors.accessToken}
              </p>
            )}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button--primary">
            Enregistrer
          </button>
          {current && (
            <button type="button" className="button" onClick={() => void disable()}>
              Désactiver la synchronisation
            </button>
          )}
        </div>
        <p className="confirmation" aria-live="polite">
          {confirmation}
        </p>
      </form>
    </>
  );
}
