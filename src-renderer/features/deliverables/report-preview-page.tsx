import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { buildPreDiagnosticReport } from '@shared/export/report/pre-diagnostic-content';
import type { ReportDocument } from '@shared/export/report/report-model';
import { ROUTES } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { usePageTitle } from '../../app/use-page-title';
import type { OpenDocument } from '../../storage/document-store';
import { useMissionDocument, useMissionSnapshot } from '../mission-editor/use-mission-document';
import { preDiagnosticPdfName } from './deliverable-files';
import { ReportDocumentView } from './report-document-view';
import { runningTexts } from './running-header-style';
import { useDeliverableSource } from './use-deliverable-source';
import { preDiagnosticOptions, useReportPreferences } from './use-report-preferences';
import './deliverables.css';

type ReportBuild = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; report: ReportDocument };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The pre-diagnostic of the mission, built with this machine's section choices, as the Word export builds it. */
function useReport(mission: OpenDocument, missionId: string): ReportBuild {
  const source = useDeliverableSource(missionId, mission.doc);
  const preferences = useReportPreferences(missionId);
  const read = source.state === 'ready' ? source.read : null;
  const chosen = preferences.state === 'ready' ? preferences.preferences : null;
  const build = useMemo<ReportBuild | null>(() => {
    if (!read || !chosen) return null;
    try {
      return { state: 'ready', report: buildPreDiagnosticReport(read(), preDiagnosticOptions(chosen)) };
    } catch (error) {
      return { state: 'failed', message: `Le pré-diagnostic n’a pas pu être préparé : ${errorText(error)}` };
    }
  }, [read, chosen]);
  if (source.state === 'failed') return { state: 'failed', message: `Le pré-diagnostic n’a pas pu être préparé : ${source.message}.` };
  if (preferences.state === 'failed') return { state: 'failed', message: `Les réglages des livrables n’ont pas pu être lus : ${preferences.message}` };
  return build ?? { state: 'loading' };
}

function PreviewToolbar({ missionId, missionTitle, ready }: { missionId: string; missionTitle: string; ready: boolean }) {
  const session = useSession();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function exportPdf() {
    setBusy(true);
    setMessage('Préparation du PDF…');
    try {
      const result = await session.bridge.exportPdf(preDiagnosticPdfName({ title: missionTitle }));
      if (result.status === 'saved') setMessage(`PDF enregistré : ${result.fileName}`);
      else if (result.status === 'print-dialog') setMessage('Dans la fenêtre d’impression, choisissez « Enregistrer au format PDF ».');
      else if (result.status === 'cancelled') setMessage('Enregistrement du PDF annulé.');
      else setMessage(`Le PDF n’a pas pu être produit : ${result.message}`);
    } catch (error) {
      setMessage(`Le PDF n’a pas pu être produit : ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <header className="report-preview__toolbar">
      <p className="report-preview__name">
        <strong>Aperçu avant impression</strong> — {missionTitle || 'Mission sans titre'}
      </p>
      <Link className="button" href={ROUTES.missionSection(missionId, 'livrables')}>
        Retour aux livrables
      </Link>
      <button type="button" className="button button--primary" disabled={busy || !ready} onClick={() => void exportPdf()}>
        Imprimer / Exporter en PDF
      </button>
      <p className="report-preview__status" role="status">
        {message}
      </p>
    </header>
  );
}

function Preview({ mission, missionId }: { mission: OpenDocument; missionId: string }) {
  const snapshot = useMissionSnapshot(mission.doc);
  const build = useReport(mission, missionId);
  const main = useRef<HTMLElement>(null);
  usePageTitle(`Aperçu avant impression — ${snapshot.title || 'Mission'}`);
  const report = build.state === 'ready' ? build.report : null;
  const ready = report !== null;
  useEffect(() => {
    // The page replaced the mission's: a screen reader starts on the document, not at the old focus.
    if (ready) main.current?.focus();
  }, [ready]);
  useEffect(() => {
    // Printed pages inherit custom properties from the root element, not from the preview's own elements.
    if (report === null) return;
    const root = document.documentElement;
    const texts = Object.entries(runningTexts(report));
    for (const [name, value] of texts) root.style.setProperty(name, value);
    return () => {
      for (const [name] of texts) root.style.removeProperty(name);
    };
  }, [report]);

  return (
    <div className="report-preview">
      <PreviewToolbar missionId={missionId} missionTitle={snapshot.title} ready={ready} />
      <main id="contenu" ref={main} tabIndex={-1}>
        {build.state === 'loading' && <p role="status">Préparation de l’aperçu…</p>}
        {build.state === 'failed' && <p role="alert">{build.message}</p>}
        {report && <ReportDocumentView report={report} />}
      </main>
    </div>
  );
}

function PreviewOrNotFound({ mission, missionId }: { mission: OpenDocument; missionId: string }) {
  const snapshot = useMissionSnapshot(mission.doc);
  if (snapshot.id !== '') return <Preview mission={mission} missionId={missionId} />;
  return (
    <main id="contenu">
      <h1>Mission introuvable</h1>
      <p>
        Cette mission n’existe pas sur cet ordinateur. <Link href={ROUTES.missions}>Revenir aux missions</Link>
      </p>
    </main>
  );
}

/**
 * The pre-diagnostic as it prints, outside the app's frame: the printed page is exactly the
 * document (deliverables.css), which is what the desktop's printToPDF and the browser's print save.
 */
export function ReportPreviewPage({ missionId }: { missionId: string }) {
  const load = useMissionDocument(missionId);
  if (load.state === 'loading') return <p role="status">Ouverture de la mission…</p>;
  if (load.state === 'failed') {
    return (
      <main id="contenu">
        <h1>Mission inaccessible</h1>
        <p role="alert">La mission n’a pas pu être ouverte : {load.message}</p>
      </main>
    );
  }
  return <PreviewOrNotFound mission={load.mission} missionId={missionId} />;
}
