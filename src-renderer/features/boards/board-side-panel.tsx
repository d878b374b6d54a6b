import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CardToDiagnostic } from '../board-diagnostic/card-to-diagnostic';
import { BoardExport } from '../board-export/board-export';
import { VotingPanel } from '../board-voting/voting-panel';
import { MeetingPhotos } from '../meeting-photos/meeting-photos';
import type { BoardPanelProps } from './board-panel-props';

const TABS = [
  { id: 'card', label: 'Carte' },
  { id: 'votes', label: 'Gommettes' },
  { id: 'diagnostic', label: 'Vers le diagnostic' },
  { id: 'photos', label: 'Photos' },
  { id: 'export', label: 'Exporter' },
] as const;

type TabId = (typeof TABS)[number]['id'];

interface BoardSidePanelProps {
  panelProps: BoardPanelProps;
  /** The « Carte » tab: the selected cards' details. */
  cardPanel: ReactNode;
}

/**
 * The panels beside the board, as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs,
 * Home and End reach the ends, Tab goes into the open panel). A panel is drawn from its first
 * opening on and then only hidden, so switching tabs keeps what it holds (the voter chosen, the
 * vote mode): a facilitator goes back and forth between the card and the dots all the time.
 */
export function BoardSidePanel({ panelProps, cardPanel }: BoardSidePanelProps) {
  const id = useId();
  const [open, setOpenTab] = useState<TabId>('card');
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set<TabId>(['card']));
  const tabs = useRef(new Map<TabId, HTMLButtonElement>());

  function setOpen(tab: TabId) {
    setOpenTab(tab);
    setOpened((previous) => (previous.has(tab) ? previous : new Set([...previous, tab])));
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.findIndex((tab) => tab.id === open);
    let next: number | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    const tab = TABS[next]!;
    setOpen(tab.id);
    tabs.current.get(tab.id)?.focus();
  }

  return (
    <aside className="board-side" aria-label="Panneaux du tableau">
      <div className="board-side__tabs" role="tablist" aria-label="Panneaux du tableau">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) tabs.current.set(tab.id, element);
              else tabs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.id}`}
            aria-selected={tab.id === open}
            aria-controls={`${id}-panel-${tab.id}`}
            tabIndex={tab.id === open ? 0 : -1}
            className="board-side__tab"
            onClick={() => setOpen(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${id}-panel-${tab.id}`}
          aria-labelledby={`${id}-tab-${tab.id}`}
          tabIndex={0}
          hidden={tab.id !== open}
          className="board-side__panel"
        >
          {opened.has(tab.id) && <OpenPanel tab={tab.id} panelProps={panelProps} cardPanel={cardPanel} />}
        </div>
      ))}
    </aside>
  );
}

function OpenPanel({ tab, panelProps, cardPanel }: { tab: TabId; panelProps: BoardPanelProps; cardPanel: ReactNode }) {
  switch (tab) {
    case 'card':
      return cardPanel;
    case 'votes':
      return <VotingPanel {...panelProps} />;
    case 'diagnostic':
      return <CardToDiagnostic {...panelProps} />;
    case 'photos':
      return <MeetingPhotos missionDoc={panelProps.doc} meeting={panelProps.meeting} readOnly={panelProps.readOnly} layout="side" />;
    case 'export':
      return <BoardExport {...panelProps} />;
  }
}
