import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import type * as Y from 'yjs';
import type { GdprSettings } from '@shared/directory/contact-model';
import { MAX_RETENTION_MONTHS, validateGdprSettings, writeGdprSettings } from '@shared/directory/gdpr-settings';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';

interface SettingFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  error: string | undefined;
}

/** A labelled input with its error message, tied to it for screen readers. */
function SettingField({ id, label, error, ...input }: SettingFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Who is responsible for the contacts, where people exercise their rights, how long data is kept. */
export function GdprSettingsForm({ doc, settings, readOnly }: { doc: Y.Doc; settings: GdprSettings; readOnly: boolean }) {
  const [controllerName, setControllerName] = useState(settings.controllerName);
  const [rightsContact, setRightsContact] = useState(settings.rightsContact);
  const [retentionMonths, setRetentionMonths] = useState(String(settings.retentionMonths));
  const [errors, setErrors] = useState<Partial<Record<keyof GdprSettings, string>>>({});
  const [confirmation, setConfirmation] = useState('');

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
        <SettingField
          id="gdpr-controller"
          label="Responsable du traitement"
          type="text"
          placeholder="Département de la Vienne"
          value={controllerName}
          error={errors.controllerName}
          onChange={(event) => setControllerName(event.target.value)}
        />
        <SettingField
          id="gdpr-rights-contact"
          label="Contact pour exercer ses droits (délégué à la protection des données)"
          type="text"
          placeholder="dpo@departement.fr"
          value={rightsContact}
          error={errors.rightsContact}
          onChange={(event) => setRightsContact(event.target.value)}
        />
        <SettingField
          id="gdpr-retention"
          label="Durée de conservation après la dernière participation (mois)"
          type="number"
          min={1}
          max={MAX_RETENTION_MONTHS}
          step={1}
          value={retentionMonths}
          error={errors.retentionMonths}
          onChange={(event) => setRetentionMonths(event.target.value)}
        />
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
