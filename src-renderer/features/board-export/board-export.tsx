import { useId, useState } from 'react';
import type { Board } from '@shared/boards/board-model';
import { boardToSvg } from '@shared/boards/board-svg';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { boardExportFileName } from '@shared/export/export-file-names';
import { formatIsoDate } from '@shared/format/french-format';
import { meetingKindLabel, type Meeting } from '@shared/meetings/meeting-model';
import { UNKNOWN_CONTACT_NAME } from '@shared/meetings/participant-rows';
import type { BoardPanelProps } from '../boards/board-panel-props';
import { AuthorDirectory } from '../boards/board-people';
import { useFileExport } from '../export/use-file-export';
import { svgToPng } from './svg-to-png';

/** A card author's name for the files; an author missing from the directory (erased) is not named. */
function authorNames(meeting: Meeting, directory: DirectorySnapshot): (contactId: string) => string | null {
  const authors = new AuthorDirectory(meeting, directory);
  return (contactId) => {
    const { name } = authors.get(contactId);
    return name === UNKNOWN_CONTACT_NAME ? null : name;
  };
}

/** "Atelier – Atelier parentalité, 12 avril 2024". */
function meetingName(meeting: Meeting): string {
  const name = [meetingKindLabel(meeting.kind), meeting.title.trim()].filter((part) => part !== '').join(' – ');
  const date = formatIsoDate(meeting.date);
  return date ? `${name}, ${date}` : name;
}

function hasVotes(board: Board): boolean {
  return board.voting.dots.length > 0 || Object.keys(board.voting.tallies).length > 0;
}

/**
 * The board's « Exporter » panel: the whole board as an image (PNG to paste in a report or a
 * mail, SVG to print at any size), and its cards with zone, cluster, author and dots as a workbook.
 */
export function BoardExport({ doc, board, meeting, directory }: BoardPanelProps) {
  const headingId = useId();
  const hiddenId = useId();
  const fileExport = useFileExport();
  const [includeHidden, setIncludeHidden] = useState(true);
  const hiddenCount = board.cards.filter((card) => card.hidden).length;

  function boardSvg(): string {
    return boardToSvg(board, { meetingTitle: meetingName(meeting), authorName: authorNames(meeting, directory), showHidden: includeHidden });
  }

  function exportPng() {
    return fileExport.run('png', async () => ({
      fileKind: 'png' as const,
      suggestedName: boardExportFileName(board, meeting, 'png'),
      bytes: await svgToPng(boardSvg()),
    }));
  }

  function exportSvg() {
    return fileExport.run('svg', async () => ({
      fileKind: 'svg' as const,
      suggestedName: boardExportFileName(board, meeting, 'svg'),
      bytes: new TextEncoder().encode(boardSvg()),
    }));
  }

  function exportXlsx() {
    return fileExport.run('xlsx', async () => {
      const { buildBoardCardsXlsx } = await import('@shared/export/board-cards-xlsx');
      const bytes = await buildBoardCardsXlsx({
        board,
        missionTitle: readMissionSnapshot(doc).title,
        meeting,
        authorName: authorNames(meeting, directory),
        generatedAt: new Date(),
      });
      return { fileKind: 'xlsx' as const, suggestedName: boardExportFileName(board, meeting, 'xlsx'), bytes };
    });
  }

  const busy = fileExport.busy !== null;
  return (
    <section className="board-export" aria-labelledby={headingId}>
      <h2 id={headingId}>Exporter le tableau</h2>
      <p className="hint">
        L’image reprend le tableau entier tel qu’il est dessiné ; le tableur liste chaque carte avec sa zone, son regroupement, son auteur et ses gommettes.
      </p>
      {hiddenCount > 0 && (
        <label className="checkbox" htmlFor={hiddenId}>
          <input id={hiddenId} type="checkbox" checked={includeHidden} onChange={(event) => setIncludeHidden(event.target.checked)} />
          {hiddenCount === 1
            ? 'Inclure dans l’image la carte encore masquée (phase silencieuse)'
            : `Inclure dans l’image les ${hiddenCount} cartes encore masquées (phase silencieuse)`}
        </label>
      )}
      {hasVotes(board) && !board.voting.revealed && (
        <p className="hint">Les gommettes ne figurent dans les exports qu’une fois les résultats révélés.</p>
      )}
      <div className="toolbar">
        <button type="button" className="button" disabled={busy} onClick={() => void exportPng()}>
          Image PNG
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportSvg()}>
          Image SVG
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportXlsx()}>
          Tableur Excel (.xlsx)
        </button>
      </div>
      <p className="confirmation" aria-live="polite">
        {fileExport.message}
      </p>
    </section>
  );
}
