// One input at a time, outside the extract pool: what `extract --stdin` and the queue's workers do with each
// document. The same reading (readInput: size limit, not-a-file) and the same pipeline (extractBytes) as
// `extract`, so the same bytes and path give the same ids; every failure becomes an error record of the kinds
// `extract` writes to errors.jsonl.
import { DecodeError } from './decode.js';
import { extractBytes, pdfTextOf, type ExtractResult } from './pipeline.js';
import { kindOf, messageOf, readInput } from './run.js';
import type { ErrorRecord } from './schemas.js';

export type OneResult = { result: ExtractResult; error?: undefined } | { error: ErrorRecord; result?: undefined };

/** Extract bytes as the document `path` (a PDF by its text layer, as `extract` reads it); a document that cannot be
 * decoded is an error, not a throw. */
export async function extractOne(bytes: Uint8Array, path: string): Promise<OneResult> {
  try {
    return { result: extractBytes(bytes, path, undefined, await pdfTextOf(bytes, path)) };
  } catch (e) {
    const kind = e instanceof DecodeError ? e.kind : (e as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG' ? 'too-large' : 'internal-error';
    return { error: { path, kind, message: messageOf(e) } };
  }
}

/** Read a file (refused over `maxBytes`, as `extract --max-file-mb` does), or the error that stopped it. */
export function readOne(file: string | Buffer, path: string, maxBytes: number): { bytes: Buffer; error?: undefined } | { error: ErrorRecord; bytes?: undefined } {
  try {
    return { bytes: readInput(file, maxBytes) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const kind = code === 'TOOLARGE' ? 'too-large' : code === 'NOTAFILE' ? 'not-a-file' : kindOf(e);
    return { error: { path, kind, message: messageOf(e) } };
  }
}
