import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A port nothing listens on right now, for servers that must be restarted on the same address. */
export async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('The system gave no port');
  return address.port;
}

/** What the child entry prints on its standard output once the server listens. */
export interface ServerReadyLine {
  ready: true;
  url: string;
}

const CHILD_ENTRY = fileURLToPath(new URL('./server-process-entry.ts', import.meta.url));
const TSX_LOADER = fileURLToPath(new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));

export interface ServerProcessOptions {
  dataDir: string;
  port: number;
  /** A token the child registers as a team member's before it starts listening. */
  teamToken: string;
}

/**
 * The sync server in a child process (tests/helpers/server-process-entry.ts), so that a test can
 * kill it without warning, as a power cut or the system's out-of-memory killer would.
 */
export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly exited: Promise<unknown>,
  ) {}

  static async start(options: ServerProcessOptions, timeoutMs = 20_000): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, CHILD_ENTRY], {
      env: {
        ...process.env,
        BOCAGE_TEST_DATA_DIR: options.dataDir,
        BOCAGE_TEST_PORT: String(options.port),
        BOCAGE_TEST_TEAM_TOKEN: options.teamToken,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    let output = '';
    const ready = new Promise<ServerReadyLine>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The server process did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      child.stdout?.setEncoding('utf8');
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        output += chunk;
      });
      child.stdout?.on('data', (chunk: string) => {
        output += chunk;
        const line = output.split('\n').find((candidate) => candidate.startsWith('{"ready":true'));
        if (line === undefined) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as ServerReadyLine);
      });
      void exited.then(([code, signal]) => {
        clearTimeout(timer);
        reject(new Error(`The server process exited before listening (code ${String(code)}, signal ${String(signal)}):\n${output}`));
      });
    });
    try {
      const { url } = await ready;
      return new ServerProcess(child, url, exited);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  /** Kills the process at once: no store, no close, nothing flushed. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM), or nothing when the process is already gone. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }
}
