import { useEffect, useEffectEvent, useId, useState } from 'react';
import type { SavableFileKind } from '@shared/ipc/ipc-contract';
import type { MissionSnapshot } from '@shared/model/mission';
import { useSession } from '../../app/session-context';
import { exportMission } from './export-mission';

type MissionFileKind = Extract<SavableFileKind, 'docx' | 'xlsx'>;

const LABELS: Record<MissionFileKind, string> = {
  docx: 'Document Word (.docx)',
  xlsx: 'Classeur Excel (.xlsx)',
};

/** "Exporter" opens the two formats; the desktop menu's export items land here too. */
export function ExportMenu({ mission }: { mission: MissionSnapshot }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<MissionFileKind | null>(null);
  const [message, setMessage] = useState('');
  const panelId = useId();

  async function run(kind: MissionFileKind) {
    setBusy(kind);
    setMessage(`Préparation du fichier ${kind === 'docx' ? 'Word' : 'Excel'}…`);
    try {
      const result = await exportMission(session.bridge, mission, kind);
      if (result.status === 'saved') setMessage(`Fichier enregistré : ${result.fileName}`);
      else if (result.status === 'cancelled') setMessage('Export annulé.');
      else setMessage(`L’export a échoué : ${result.message}`);
    } catch (error) {
      setMessage(`L’export a échoué : ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  }

  const onMenuCommand = useEffectEvent((command: string) => {
    if (command === 'export-docx') void run('docx');
    if (command === 'export-xlsx') void run('xlsx');
  });
  useEffect(() => session.bridge.onMenuCommand(onMenuCommand), [session]);

  return (
    <div className="export-menu">
      <button type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Exporter
      </button>
      <div id={panelId} className="export-menu__panel" hidden={!open} role="group" aria-label="Formats d’export">
        {(Object.keys(LABELS) as MissionFileKind[]).map((kind) => (
          <button key={kind} type="button" className="button" disabled={busy !== null} onClick={() => void run(kind)}>
            {LABELS[kind]}
          </button>
        ))}
      </div>
      <p className="export-menu__message" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
