import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'wouter';
import { PRE_DIAGNOSTIC_SECTION_LABELS } from '@shared/export/report/report-model';
import { defaultSectionChoices, type SectionChoice } from '@shared/export/report/report-options';
import { ROUTES } from '../../app/routes';
import { MoveButtons } from '../diagnostic-links/move-buttons';
import { useFileExport } from '../export/use-file-export';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { DELIVERABLE_BUTTONS, deliverableFile } from './deliverable-files';
import { includedSectionCount, moveAnnouncement, moveSectionChoice, setSectionIncluded } from './section-arrangement';
import { useDeliverableSource } from './use-deliverable-source';
import { preDiagnosticOptions, useReportPreferences, type ReportPreferences } from './use-report-preferences';
import { useWordTemplate, type WordTemplateState } from './use-word-template';
import './deliverables.css';

function SectionArrangement({ sections, onChange }: { sections: readonly SectionChoice[]; onChange: (sections: SectionChoice[]) => void }) {
  const [announcement, setAnnouncement] = useState('');
  const included = includedSectionCount(sections);

  return (
    <fieldset>
      <legend className="field__label">
        Parties du pré-diagnostic, dans l’ordre du document
      </legend>
      <p className="hint">
        {included} partie{included > 1 ? 's' : ''} incluse{included > 1 ? 's' : ''} sur {sections.length}. L’ordre et les choix valent aussi
        pour l’aperçu avant impression et le PDF.
      </p>
      <ol className="section-arrangement">
        {sections.map((choice, index) => {
          const label = PRE_DIAGNOSTIC_SECTION_LABELS[choice.id];
          return (
            <li key={choice.id} className={`section-arrangement__item${choice.included ? '' : ' section-arrangement__item--excluded'}`}>
              <span className="section-arrangement__name">
                <span className="section-arrangement__position" aria-hidden="true">
                  {index + 1}.
                </span>
                {label}
              </span>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={choice.included}
                  onChange={(event) => onChange(setSectionIncluded(sections, choice.id, event.target.checked))}
                />
                Inclure<span className="visually-hidden"> « {label} »</span>
              </label>
              <MoveButtons
                name={label}
                position={index + 1}
                count={sections.length}
                readOnly={false}
                onMove={(direction) => {
                  const moved = moveSectionChoice(sections, choice.id, direction);
                  onChange(moved);
                  setAnnouncement(moveAnnouncement(moved, choice.id));
                }}
              />
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => {
          onChange(defaultSectionChoices());
          setAnnouncement('L’ordre par défaut est rétabli : toutes les parties sont incluses.');
        }}
      >
        Rétablir l’ordre par défaut
      </button>
    </fieldset>
  );
}

function ReportFields({ preferences, update }: { preferences: ReportPreferences; update: (change: Partial<ReportPreferences>) => void }) {
  const authorId = useId();
  const versionId = useId();
  const authorHint = useId();
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={authorId}>Auteur</label>
        <input
          id={authorId}
          type="text"
          autoComplete="name"
          aria-describedby={authorHint}
          value={preferences.author}
          onChange={(event) => update({ author: event.target.value })}
        />
        <p id={authorHint} className="hint">
          Imprimé sur la page de garde ; gardé sur cet ordinateur pour toutes les missions.
        </p>
      </div>
      <div className="field">
        <label htmlFor={versionId}>Version</label>
        <input id={versionId} type="text" value={preferences.version} onChange={(event) => update({ version: event.target.value })} />
      </div>
    </div>
  );
}

function WordTemplateField({ state }: { state: WordTemplateState }) {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const focusAfterRemoval = useRef(false);
  const removed = state.template === null && !state.busy;

  useEffect(() => {
    // « Retirer le modèle » disappears with the template: the focus goes to the file input instead of the page's top.
    if (!removed || !focusAfterRemoval.current) return;
    focusAfterRemoval.current = false;
    input.current?.focus();
  }, [removed]);

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it in Word) is read again.
    event.target.value = '';
    if (file) void state.choose(file);
  }

  return (
    <div className="template-file">
      <div className="field">
        <label htmlFor={inputId}>Modèle Word de votre institution (.docx ou .dotx)</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".docx,.dotx,.docm,.dotm,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.wordprocessingml.template"
          aria-describedby={hintId}
          aria-invalid={state.error !== null}
          disabled={state.busy}
          onChange={onFile}
        />
        <p id={hintId} className="hint">
          Ses styles, son en-tête, son pied de page et son logo remplacent la mise en forme de Bocage dans le pré-diagnostic Word. Le modèle
          reste sur cet ordinateur.
        </p>
      </div>
      {state.error && (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      )}
      <div className="template-file__current" role="status">
        {state.loaded &&
          (state.template ? (
            <>
              <span>
                Modèle utilisé : <strong>{state.template.fileName}</strong>
              </span>
              <button
                type="button"
                className="button"
                disabled={state.busy}
                onClick={() => {
                  focusAfterRemoval.current = true;
                  void state.remove();
                }}
              >
                Retirer le modèle
              </button>
            </>
          ) : (
            <span>Aucun modèle : le pré-diagnostic prend la mise en forme de Bocage.</span>
          ))}
      </div>
      {state.warnings.length > 0 && (
        <ul className="hint">
          {state.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * « Livrables »: what leaves the laptop for the elected officials. The pre-diagnostic's options
 * (kept on this machine), the institution's Word template, the Word and Excel files, and the print
 * preview from which the PDF is made.
 */
export function DeliverablesSection({ mission, snapshot }: MissionSectionProps) {
  const headingId = useId();
  const source = useDeliverableSource(snapshot.id, mission.doc);
  const preferences = useReportPreferences(snapshot.id);
  const template = useWordTemplate();
  const fileExport = useFileExport();
  const [warning, setWarning] = useState('');

  const ready = source.state === 'ready' && preferences.state === 'ready';

  function exportDeliverable(kind: (typeof DELIVERABLE_BUTTONS)[number]['kind']) {
    if (source.state !== 'ready' || preferences.state !== 'ready') return;
    setWarning('');
    const { read } = source;
    const chosen = preferences.preferences;
    void fileExport.run(kind, () =>
      deliverableFile(kind, { source: read(), options: preDiagnosticOptions(chosen), template: template.template, onWarning: setWarning }),
    );
  }

  return (
    <section className="deliverables" aria-labelledby={headingId}>
      <h2 id={headingId}>Livrables</h2>
      <p className="hint">
        Le pré-diagnostic Word, les classeurs Excel et le PDF sont produits à partir de la mission telle qu’elle est sur cet ordinateur.
      </p>
      {source.state === 'failed' && <p role="alert">Les livrables ne peuvent pas être produits : {source.message}.</p>}

      <h3>Pré-diagnostic</h3>
      {preferences.state === 'failed' && <p role="alert">Les réglages des livrables n’ont pas pu être lus : {preferences.message}</p>}
      {preferences.state === 'loading' && <p role="status">Lecture des réglages…</p>}
      {preferences.state === 'ready' && (
        <>
          <ReportFields preferences={preferences.preferences} update={preferences.update} />
          <SectionArrangement sections={preferences.preferences.sections} onChange={(sections) => preferences.update({ sections })} />
          {preferences.saveError && (
            <p className="field-error" role="alert">
              {preferences.saveError}
            </p>
          )}
        </>
      )}

      <h3>Modèle Word</h3>
      <WordTemplateField state={template} />

      <h3>Exporter</h3>
      <div className="deliverable-buttons" role="group" aria-label="Fichiers à enregistrer">
        {DELIVERABLE_BUTTONS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            className="button"
            disabled={!ready || fileExport.busy !== null}
            aria-busy={fileExport.busy === kind}
            onClick={() => exportDeliverable(kind)}
          >
            {label}
          </button>
        ))}
      </div>
      <p role="status">{source.state === 'loading' ? 'Chargement de l’annuaire et de la géographie…' : fileExport.message}</p>
      {warning && (
        <p className="notice notice--warning" role="alert">
          {warning}
        </p>
      )}
      <p>
        <Link className="button button--primary" href={ROUTES.deliverablesPreview(snapshot.id)}>
          Aperçu avant impression
        </Link>
      </p>
      <p className="hint">L’aperçu montre le pré-diagnostic page par page ; on l’imprime ou on l’enregistre en PDF depuis l’aperçu.</p>
    </section>
  );
}
