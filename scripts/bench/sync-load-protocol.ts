/** What the load benchmark and its server process (sync-load-server.ts) say to each other over IPC. */

export type ServerKind = 'bocage' | 'bare';

export interface ServerResources {
  rssBytes: number;
  /** The process's peak resident memory so far. */
  maxRssBytes: number;
  /** User + system CPU time used so far. */
  cpuMicros: number;
}

export type ServerMessage =
  | { kind: 'ready'; port: number; tokens: string[][]; resources: ServerResources }
  | { kind: 'sample'; resources: ServerResources };

/** The same mission ids on both servers, valid in a document name (`bocage.mission.<id>`). */
export function benchMissionId(index: number): string {
  return `mission-charge-${String(index + 1).padStart(3, '0')}`;
}
