import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { GdprSettings } from '@shared/directory/contact-model';
import { MAX_RETENTION_MONTHS, validateGdprSettings, writeGdprSettings } from '@shared/directory/gdpr-settings';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';

/** Who is responsible for the contacts, where people exercise their rights, how long data is kept. */
export function GdprSettingsForm({ doc, settings, readOnly }: { doc: Y.Doc; settings: GdprSettings; readOnly: boolean }) {
  const [controllerName, setControllerName] = useState(settings.controllerName);
  const [rightsContact, setRightsContact] = useState(settings.rightsContact);
  const [retentionMonths, setRetentionMonths] = useState(String(settings.retentionMonths));
  const [errors, setErrors] = useState<Partial<Record<keyof GdprSettings, string>>>({});
  const [confirmation, setConfirmation] = useState('');
  const retentionErrorId = useId();

  function save(event: FormEvent) {
    event.preventDefault();
    setConfirmation('');
    const patch = { controllerName, rightsContact, retentionMonths: Number(retentionMonths.trim() || Number.NaN) };
    const found = validateGdprSettings(patch);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const refusal = attempt(() => writeGdprSettings(doc, patch, LOCAL_ORIGIN));
    if (refusal) setErrors({ controllerName: refusal });
    else setConfirmation('Paramètres du traitement enregistrés : ils figurent sur les feuilles d’émargement et dans le registre.');
  }

  return (
    <form className="form" onSubmit={save} noValidate>
      <fieldset disabled={readOnly}>
        <legend>Paramètres du traitement</legend>
        <div className="field">
          <label htmlFor="gdpr-controller">Responsable du traitement</label>
          <input
            id="gdpr-controller"
            type="text"
            placeholder="Département de la Vienne"
            value={controllerName}
            aria-invalid={errors.controllerName ? true : undefined}
            onChange={(event) => setControllerName(event.target.value)}
          />
          {errors.controllerName && <p className="field-error">{errors.controllerName}</p>}
        </div>
        <div className="field">
          <label htmlFor="gdpr-rights-contact">Contact pour exercer ses droits (délégué à la protection des données)</label>
          <input
            id="gdpr-rights-contact"
            type="text"
            placeholder="dpo@departement.fr"
            value={rightsContact}
            aria-invalid={errors.rightsContact ? true : undefined}
            onChange={(event) => setRightsContact(event.target.value)}
          />
          {errors.rightsContact && <p className="field-error">{errors.rightsContact}</p>}
        </div>
        <div className="field">
          <label htmlFor="gdpr-retention">Durée de conservation après la dernière participation (mois)</label>
          <input
            id="gdpr-retention"
            type="number"
            min={1}
            max={MAX_RETENTION_MONTHS}
            step={1}
            value={retentionMonths}
            aria-invalid={errors.retentionMonths ? true : undefined}
            aria-describedby={errors.retentionMonths ? retentionErrorId : undefined}
            onChange={(event) => setRetentionMonths(event.target.value)}
          />
          {errors.retentionMonths && (
            <p id={retentionErrorId} className="field-error">
              {errors.retentionMonths}
            </p>
          )}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={readOnly}>
          Enregistrer les paramètres
        </button>
      </div>
      <p className="confirmation" aria-live="polite">
        {confirmation}
      </p>
    </form>
  );
}
