import { useEffect, useState } from 'react';
import { useSession } from '../../app/session-context';
import { loadWordTemplate, saveWordTemplate, type WordTemplateFile } from './deliverable-preferences';

export interface WordTemplateState {
  /** False until read from this machine’s settings. */
  loaded: boolean;
  template: WordTemplateFile | null;
  /** What of the chosen template Bocage does not use, to show under its name. */
  warnings: readonly string[];
  /** Why the last file was refused; the previous template is kept. */
  error: string | null;
  busy: boolean;
  choose(file: File): Promise<void>;
  remove(): Promise<void>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The institution's Word template, checked with the core's reader before it replaces the previous one. */
export function useWordTemplate(): WordTemplateState {
  const session = useSession();
  const [loaded, setLoaded] = useState(false);
  const [template, setTemplate] = useState<WordTemplateFile | null>(null);
  const [warnings, setWarnings] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let active = true;
    loadWordTemplate(session.db).then(
      (stored) => {
        if (!active) return;
        setTemplate(stored);
        setLoaded(true);
      },
      (failure: unknown) => {
        if (!active) return;
        setError(`Le modèle Word enregistré n’a pas pu être lu : ${errorText(failure)}`);
        setLoaded(true);
      },
    );
    return () => {
      active = false;
    };
  }, [session]);

  async function choose(file: File) {
    setBusy(true);
    setError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { readDocxTemplate } = await import('@shared/export/report/docx-template');
      const reading = readDocxTemplate(bytes, file.name);
      if (!reading.ok) {
        setError(reading.message);
        return;
      }
      const chosen = { fileName: file.name, bytes };
      await saveWordTemplate(session.db, chosen);
      setTemplate(chosen);
      setWarnings(reading.template.warnings);
    } catch (failure) {
      setError(`Le modèle « ${file.name} » n’a pas pu être enregistré : ${errorText(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await saveWordTemplate(session.db, null);
      setTemplate(null);
      setWarnings([]);
    } catch (failure) {
      setError(`Le modèle n’a pas pu être retiré : ${errorText(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return { loaded, template, warnings, error, busy, choose, remove };
}
