import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Server, type Extension } from '@hocuspocus/server';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { StorePersistence } from '../../src-server/storage/persistence-extension';
import type { ServerStore } from '../../src-server/storage/server-store';

export const READER_TOKEN = 'jeton-lecteur';

export interface StoreBackedServer {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/**
 * A bare Hocuspocus server whose only persistence is StorePersistence over `store`: the storage
 * slice tested without the access rules of the real server. A client whose token is READER_TOKEN
 * gets a read-only connection, as a lecteur would.
 */
export async function startStoreBackedServer(
  store: ServerStore,
  options: { debounceMs?: number; extensions?: Extension[] } = {},
): Promise<StoreBackedServer> {
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    debounce: options.debounceMs ?? 60_000,
    maxDebounce: options.debounceMs ?? 60_000,
    extensions: [
      new StorePersistence(store),
      {
        async onAuthenticate({ token, connectionConfig }) {
          connectionConfig.readOnly = token === READER_TOKEN;
        },
      },
      ...(options.extensions ?? []),
    ],
  });
  await server.listen();
  return { server, url: `ws://127.0.0.1:${server.address.port}`, stop: () => server.destroy() };
}

/** A provider on its own socket, as in Node (no global WebSocket in Node 20) the socket needs ws. */
export function connectProvider(url: string, name: string, doc: Y.Doc, token: string): { provider: HocuspocusProvider; close(): void } {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ name, document: doc, token, websocketProvider: socket });
  // A provider given a socket does not attach itself (version 4).
  provider.attach();
  return {
    provider,
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}
