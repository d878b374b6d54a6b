import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link, useLocation } from 'wouter';
import type { TerritoryCommune, TerritoryEpci } from '@shared/model/mission';
import { DEFAULT_MISSION_STATUS } from '@shared/model/mission-vocabulary';
import { hasErrors, validateNewMission, type NewMissionInput, type ValidationErrors } from '@shared/validation/mission-validation';
import { ROUTES } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { usePageTitle } from '../../app/use-page-title';
import type { TerritoryChoice } from '../../app/workspace-session';
import { TerritoryField } from '../territory/territory-field';
import type { TerritorySelectionChip } from '../territory/territory-picker';
import { MissionFields } from './mission-fields';

const EMPTY_MISSION: NewMissionInput = {
  title: '',
  sponsor: '',
  themes: [],
  startDate: null,
  endDate: null,
  status: DEFAULT_MISSION_STATUS,
  description: '',
};

/** The communes a list of territory choices adds up to, as the mission will hold them. */
function communesOf(choices: readonly TerritoryChoice[]): TerritoryCommune[] {
  const byCode = new Map<string, TerritoryCommune>();
  for (const choice of choices) {
    const entries = choice.kind === 'commune' ? [{ commune: choice.commune, via: null }] : choice.members.map((commune) => ({ commune, via: choice.epci.code }));
    for (const { commune, via } of entries) {
      if (!byCode.has(commune.code)) {
        byCode.set(commune.code, { ...commune, viaEpci: via });
      }
    }
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export function NewMissionPage() {
  usePageTitle('Nouvelle mission');
  const session = useSession();
  const [, navigate] = useLocation();
  const [values, setValues] = useState<NewMissionInput>(EMPTY_MISSION);
  const [territory, setTerritory] = useState<TerritoryChoice[]>([]);
  const [errors, setErrors] = useState<ValidationErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState('');

  const epcis: TerritoryEpci[] = territory.flatMap((choice) => (choice.kind === 'epci' ? [{ code: choice.epci.code, name: choice.epci.name }] : []));
  const communes = communesOf(territory);

  function change<K extends keyof NewMissionInput>(field: K, value: NewMissionInput[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  }

  function addTerritory(choice: TerritoryChoice) {
    const code = choice.kind === 'commune' ? choice.commune.code : choice.epci.code;
    setTerritory((previous) =>
      previous.some((existing) => existing.kind === choice.kind && (existing.kind === 'commune' ? existing.commune.code : existing.epci.code) === code)
        ? previous
        : [...previous, choice],
    );
  }

  function removeTerritory(chip: TerritorySelectionChip) {
    setTerritory((previous) =>
      previous.filter((choice) => !(choice.kind === chip.kind && (choice.kind === 'commune' ? choice.commune.code : choice.epci.code) === chip.code)),
    );
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    const found = validateNewMission(values);
    // Rendered at once so the first invalid field can take the focus right away.
    flushSync(() => setErrors(found));
    if (hasErrors(found)) {
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSaving(true);
    try {
      const missionId = await session.createMission(values, territory);
      navigate(ROUTES.mission(missionId));
    } catch (error) {
      setSaving(false);
      setFailure(`La mission n’a pas pu être enregistrée : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <>
      <h1>Nouvelle mission</h1>
      <form className="form" onSubmit={(event) => void create(event)} noValidate>
        <MissionFields
          values={values}
          errors={errors}
          readOnly={false}
          onChange={change}
          territory={
            <TerritoryField epcis={epcis} communes={communes} readOnly={false} onAdd={addTerritory} onRemove={removeTerritory} />
          }
        />
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            Créer
          </button>
          <Link href={ROUTES.missions} className="button">
            Retour aux missions
          </Link>
        </div>
      </form>
    </>
  );
}
