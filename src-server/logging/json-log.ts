import { createHash, randomBytes } from 'node:crypto';

export type LogLevel = 'info' | 'warn' | 'error';

/**
 * Only identifiers, counts and reasons: never a token, a user name, an address in clear, a contact
 * or a byte of a document. The type keeps values flat so a whole object cannot slip in by mistake.
 */
export type LogFields = Record<string, string | number | boolean | null>;

export type LogEntry = { time: string; level: LogLevel; event: string } & LogFields;

export type LogSink = (entry: LogEntry) => void;

/** One JSON object per line on standard output, the format log collectors ingest as is. */
export const writeJsonLine: LogSink = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

export interface ServerLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function createServerLog(sink: LogSink, now: () => Date = () => new Date()): ServerLog {
  const write = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    // The fixed keys come first for whoever reads the lines, and no field may overwrite them.
    const { time: _time, level: _level, event: _event, ...rest } = fields;
    sink({ time: now().toISOString(), level, event, ...rest });
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/**
 * An error's kind without its message: messages from drivers quote the values involved (a user name
 * in a unique-key violation, a file path), and those must not reach the logs.
 */
export function describeError(error: unknown): LogFields {
  const errorName = error instanceof Error ? error.name : typeof error;
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
  return { errorName, errorCode: code };
}

/**
 * Tells repeated requests from one address apart in the logs without recording the address: the
 * salt is drawn at start and never leaves the process, so the hash cannot be matched to an address.
 */
export function createAddressHasher(salt: Uint8Array = randomBytes(16)): (address: string) => string {
  return (address) => createHash('sha256').update(salt).update(address, 'utf8').digest('hex').slice(0, 16);
}
