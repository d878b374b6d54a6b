import { useId } from 'react';
import { Link } from 'wouter';
import type { ContactImportPlan, DuplicateDecision, PlannedContact } from '@shared/directory/contact-import';
import { contactSortName } from '@shared/directory/contact-model';
import { formatInteger } from '@shared/format/french-format';
import { ROUTES } from '../../app/routes';

/** Rows listed in the "to create" table; the count says how many more there are. */
const ROWS_SHOWN = 50;

const DECISIONS: { id: DuplicateDecision; label: string }[] = [
  { id: 'skip', label: 'Ignorer' },
  { id: 'merge', label: 'Fusionner' },
  { id: 'create', label: 'Créer quand même' },
];

function plural(count: number, singular: string, pluralForm: string): string {
  return `${formatInteger(count)} ${count > 1 ? pluralForm : singular}`;
}

function rowName(row: PlannedContact): string {
  return contactSortName(row.input) || 'sans nom';
}

interface ImportPlanPreviewProps {
  plan: ContactImportPlan;
  decisions: Readonly<Record<number, DuplicateDecision>>;
  onDecide: (line: number, decision: DuplicateDecision) => void;
}

/** What "Importer" would do, row by row: the contacts to create, the possible duplicates to decide, the rows left out. */
export function ImportPlanPreview({ plan, decisions, onDecide }: ImportPlanPreviewProps) {
  const id = useId();
  const { report } = plan;
  return (
    <section aria-labelledby={`${id}-title`} className="contact-import-preview">
      <h2 id={`${id}-title`}>Aperçu de l’import</h2>
      <ul>
        <li>{plural(report.toCreate, 'contact à créer', 'contacts à créer')}</li>
        <li>{plural(report.duplicates, 'doublon possible à vérifier', 'doublons possibles à vérifier')}</li>
        <li>{plural(report.skipped, 'ligne écartée', 'lignes écartées')}</li>
        {report.organisationsToCreate.length > 0 && (
          <li>
            {plural(report.organisationsToCreate.length, 'organisation ajoutée', 'organisations ajoutées')} à l’annuaire : {report.organisationsToCreate.slice(0, 5).join(', ')}
            {report.organisationsToCreate.length > 5 ? '…' : ''}
          </li>
        )}
      </ul>

      {plan.duplicates.length > 0 && (
        <div className="table-wrapper">
          <table className="data-table">
            <caption>Doublons possibles : ces lignes ressemblent à une personne déjà connue</caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Dans le fichier</th>
                <th scope="col">Déjà connu·e</th>
                <th scope="col">Pourquoi</th>
                <th scope="col">Que faire ?</th>
              </tr>
            </thead>
            <tbody>
              {plan.duplicates.map((row) => {
                const decision = decisions[row.line] ?? row.suggested;
                return (
                  <tr key={row.line}>
                    <td className="numeric">{formatInteger(row.line)}</td>
                    <th scope="row">{rowName(row)}</th>
                    <td>
                      {row.match.kind === 'contact' ? (
                        <Link href={ROUTES.contact(row.match.contactId)}>{row.match.name}</Link>
                      ) : (
                        `${row.match.name} (ligne ${formatInteger(row.match.line)} du fichier)`
                      )}
                    </td>
                    <td>{row.reason}</td>
                    <td>
                      <fieldset className="contact-import-decision">
                        <legend className="visually-hidden">
                          Ligne {row.line} : {rowName(row)}
                        </legend>
                        {DECISIONS.map((choice) => (
                          <label key={choice.id} className="checkbox">
                            <input type="radio" name={`${id}-decision-${row.line}`} checked={decision === choice.id} onChange={() => onDecide(row.line, choice.id)} />
                            {choice.label}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint">« Fusionner » complète la fiche existante avec ce que le fichier apporte de plus, sans rien écraser.</p>
        </div>
      )}

      {plan.toCreate.length > 0 && (
        <div className="table-wrapper">
          <table className="data-table">
            <caption>Contacts à créer{plan.toCreate.length > ROWS_SHOWN ? ` (les ${ROWS_SHOWN} premiers sur ${formatInteger(plan.toCreate.length)})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Nom</th>
                <th scope="col">Fonction</th>
                <th scope="col">Organisation</th>
                <th scope="col">Commune</th>
                <th scope="col">Remarques</th>
              </tr>
            </thead>
            <tbody>
              {plan.toCreate.slice(0, ROWS_SHOWN).map((row) => (
                <tr key={row.line}>
                  <td className="numeric">{formatInteger(row.line)}</td>
                  <th scope="row">{rowName(row)}</th>
                  <td>{row.input.jobTitle}</td>
                  <td>{row.organisation?.name ?? ''}</td>
                  <td>
                    {row.input.communeName}
                    {row.input.communeCode ? ` (${row.input.communeCode})` : ''}
                  </td>
                  <td>{row.warnings.join(' ; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {plan.skipped.length > 0 && (
        <details className="contact-import-skipped" open={plan.skipped.length <= 10}>
          <summary>Lignes écartées ({formatInteger(plan.skipped.length)})</summary>
          <ul aria-label="Lignes écartées">
            {plan.skipped.map((row) => (
              <li key={row.line}>
                Ligne {formatInteger(row.line)} : {row.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
