// `extract --stdin`: the map step for engines that pipe records through a process (Spark's RDD.pipe, Hadoop
// Streaming, GNU parallel). NDJSON in, one document a line: {"path", "text"} (the text, as UTF-8 bytes) or
// {"path", "base64"} (the file's bytes, decoded as `extract` decodes files). NDJSON out on stdout only: each
// record, then {"type": "document", …}; or {"type": "error", "path", "kind", "message"} for an input that cannot
// be read and for a line that is not such an object. Nothing else goes to stdout; the summary goes to stderr.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { DEFAULT_MAX_FILE_BYTES } from './run.js';
import { extractOne } from './one.js';

export interface StdinSummary {
  lines: number;
  documents: number;
  records: number;
  errors: number;
}

/** A line's document, or why it is not one. */
function parseLine(line: string, no: number, maxBytes: number): { path: string; bytes: Uint8Array } | { path: string; kind: string; message: string } {
  const where = `input line ${no}`;
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return { path: where, kind: 'bad-line', message: `${where} is not JSON: ${(e as Error).message}` };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { path: where, kind: 'bad-line', message: `${where} is not a JSON object` };
  const o = obj as Record<string, unknown>;
  if (typeof o.path !== 'string' || !o.path) return { path: where, kind: 'bad-line', message: `${where} has no "path" string` };
  const path = o.path;
  const hasText = typeof o.text === 'string';
  const hasB64 = typeof o.base64 === 'string';
  if (hasText === hasB64) return { path, kind: 'bad-line', message: `${where} needs either a "text" string or a "base64" string` };
  let bytes: Buffer;
  if (hasText) bytes = Buffer.from(o.text as string, 'utf8');
  else {
    const b64 = (o.base64 as string).replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(b64)) return { path, kind: 'bad-line', message: `${where}: "base64" is not base64` };
    bytes = Buffer.from(b64, 'base64');
  }
  if (bytes.length > maxBytes) {
    return { path, kind: 'too-large', message: `the document is ${(bytes.length / 1048576).toFixed(1)} MiB, over the limit of ${(maxBytes / 1048576).toFixed(1)} MiB (raise it with --max-file-mb): refused` };
  }
  return { path, bytes };
}

export async function runStdin(input: Readable, output: Writable, opts: { maxFileBytes?: number } = {}): Promise<StdinSummary> {
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const summary: StdinSummary = { lines: 0, documents: 0, records: 0, errors: 0 };
  const write = async (s: string) => {
    if (!output.write(s)) await new Promise<void>((res) => output.once('drain', res));
  };
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    summary.lines++;
    if (!line.trim()) continue;
    const doc = parseLine(line, summary.lines, maxBytes);
    const out = 'bytes' in doc ? await extractOne(doc.bytes, doc.path) : { error: doc };
    if (out.error) {
      summary.errors++;
      await write(JSON.stringify({ type: 'error', path: out.error.path, kind: out.error.kind, message: out.error.message }) + '\n');
      continue;
    }
    const r = out.result!;
    let s = '';
    for (const rec of r.records) s += JSON.stringify(rec) + '\n';
    s += JSON.stringify({ type: 'document', ...r.document }) + '\n';
    for (const inv of r.invalid) s += JSON.stringify({ type: 'error', path: r.document.path, kind: 'invalid-record', message: inv.message.slice(0, 2000) }) + '\n';
    summary.documents++;
    summary.records += r.records.length;
    summary.errors += r.invalid.length;
    await write(s);
  }
  return summary;
}
