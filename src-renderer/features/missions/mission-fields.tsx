import { useId, type ReactNode } from 'react';
import { MISSION_STATUSES, MISSION_THEMES, type MissionStatusId, type MissionThemeId } from '@shared/model/mission-vocabulary';
import type { NewMissionInput, ValidationErrors } from '@shared/validation/mission-validation';

interface MissionFieldsProps {
  values: NewMissionInput;
  errors: ValidationErrors;
  readOnly: boolean;
  onChange: <K extends keyof NewMissionInput>(field: K, value: NewMissionInput[K]) => void;
  /** The territory picker, placed right after the title as users think of it. */
  territory: ReactNode;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** The fields of a mission, the same when creating it and when editing it. */
export function MissionFields({ values, errors, readOnly, onChange, territory }: MissionFieldsProps) {
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;
  const describedBy = (name: keyof ValidationErrors) => (errors[name] ? id(`${name}-error`) : undefined);

  function toggleTheme(theme: MissionThemeId, included: boolean) {
    onChange('themes', included ? [...values.themes, theme] : values.themes.filter((t) => t !== theme));
  }

  return (
    <>
      <div className="field">
        <label htmlFor={id('title')}>Titre</label>
        <input
          id={id('title')}
          type="text"
          required
          aria-required="true"
          readOnly={readOnly}
          value={values.title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy('title')}
          onChange={(event) => onChange('title', event.target.value)}
        />
        <FieldError id={id('title-error')} message={errors.title} />
      </div>
      {territory}
      <div className="field">
        <label htmlFor={id('sponsor')}>Commanditaire</label>
        <input
          id={id('sponsor')}
          type="text"
          readOnly={readOnly}
          placeholder="Ex. : Caf de la Somme, communauté de communes…"
          value={values.sponsor}
          aria-invalid={errors.sponsor ? true : undefined}
          aria-describedby={describedBy('sponsor')}
          onChange={(event) => onChange('sponsor', event.target.value)}
        />
        <FieldError id={id('sponsor-error')} message={errors.sponsor} />
      </div>
      <fieldset className="field themes">
        <legend>Thématiques</legend>
        <div className="checkbox-grid">
          {MISSION_THEMES.map((theme) => (
            <label key={theme.id} className="checkbox">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={values.themes.includes(theme.id)}
                onChange={(event) => toggleTheme(theme.id, event.target.checked)}
              />
              {theme.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('start')}>Date de début</label>
          <input
            id={id('start')}
            type="date"
            readOnly={readOnly}
            value={values.startDate ?? ''}
            aria-invalid={errors.startDate ? true : undefined}
            aria-describedby={describedBy('startDate')}
            onChange={(event) => onChange('startDate', event.target.value || null)}
          />
          <FieldError id={id('startDate-error')} message={errors.startDate} />
        </div>
        <div className="field">
          <label htmlFor={id('end')}>Date de fin</label>
          <input
            id={id('end')}
            type="date"
            readOnly={readOnly}
            value={values.endDate ?? ''}
            aria-invalid={errors.endDate ? true : undefined}
            aria-describedby={describedBy('endDate')}
            onChange={(event) => onChange('endDate', event.target.value || null)}
          />
          <FieldError id={id('endDate-error')} message={errors.endDate} />
        </div>
        <div className="field">
          <label htmlFor={id('status')}>Statut</label>
          <select
            id={id('status')}
            disabled={readOnly}
            value={values.status}
            onChange={(event) => onChange('status', event.target.value as MissionStatusId)}
          >
            {MISSION_STATUSES.map((status) => (
              <option key={status.id} value={status.id}>
                {status.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('description')}>Description</label>
        <textarea
          id={id('description')}
          rows={6}
          readOnly={readOnly}
          value={values.description}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy('description')}
          onChange={(event) => onChange('description', event.target.value)}
        />
        <FieldError id={id('description-error')} message={errors.description} />
      </div>
    </>
  );
}
