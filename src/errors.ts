// The lines of errors.jsonl: every one has a `kind` and a message that says what failed, whatever was thrown
// (an Error without a message, a RangeError from a string too long to build, a value that is not an Error).
import type { ErrorRecord } from './schemas.js';

/** What an error says, never empty: its message; else its name and code and where it was thrown (the first
 * frame of its stack, not the whole trace); else what was thrown. */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    if (e.message.trim()) return e.message;
    const code = (e as NodeJS.ErrnoException).code;
    const at = e.stack
      ?.split('\n')
      .find((l) => /^\s+at /.test(l))
      ?.trim();
    return `${e.name || 'Error'}${code ? ` (${code})` : ''} without a message${at ? `, thrown ${at}` : ''}`;
  }
  const s = e === undefined || e === null ? '' : String(e);
  return s.trim() ? s : `a ${e === null ? 'null' : typeof e} value thrown, with nothing to say`;
}

/** An errors.jsonl line (without its newline) for the input `path`: an empty kind becomes `internal-error`, an
 * empty message says that nothing was said. */
export function errorLine(error: ErrorRecord): string {
  const kind = error.kind.trim() ? error.kind : 'internal-error';
  const message = error.message.trim() ? error.message : `${kind}, and the error gave no message`;
  return JSON.stringify({ path: error.path, kind, message });
}
