// A worker thread of the extract pool: receives a file's bytes, runs extractBytes, and sends back the lines
// to write (serialised here, so the main thread only moves strings to the files).
import { parentPort } from 'node:worker_threads';
import { extractBytes } from './pipeline.js';
import { getJieba } from './segment.js';
import { DecodeError } from './decode.js';

export interface Task {
  seq: number;
  rel: string;
  bytes: ArrayBuffer;
  sha256: string;
}

export interface TaskResult {
  seq: number;
  /** records.jsonl lines, each ending in \n */
  records: string;
  nRecords: number;
  /** the documents.jsonl line, or '' when the file failed */
  document: string;
  /** errors.jsonl lines */
  errors: string;
  errorKinds: string[];
  warningKinds: string[];
}

function errorKind(e: unknown): string {
  if (e instanceof DecodeError) return e.kind;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ERR_STRING_TOO_LONG') return 'too-large';
  return 'internal-error';
}

export function runTask(t: Task): TaskResult {
  const res: TaskResult = { seq: t.seq, records: '', nRecords: 0, document: '', errors: '', errorKinds: [], warningKinds: [] };
  try {
    const r = extractBytes(new Uint8Array(t.bytes), t.rel, t.sha256);
    let recs = '';
    for (const rec of r.records) recs += JSON.stringify(rec) + '\n';
    res.records = recs;
    res.nRecords = r.records.length;
    res.document = JSON.stringify(r.document) + '\n';
    for (const w of r.document.warnings) res.warningKinds.push(w.kind);
    for (const inv of r.invalid) {
      res.errors += JSON.stringify({ path: t.rel, kind: 'invalid-record', message: inv.message.slice(0, 2000) }) + '\n';
      res.errorKinds.push('invalid-record');
    }
  } catch (e) {
    const kind = errorKind(e);
    const message = e instanceof Error ? e.message : String(e);
    res.records = '';
    res.nRecords = 0;
    res.document = '';
    res.errors = JSON.stringify({ path: t.rel, kind, message }) + '\n';
    res.errorKinds = [kind];
    res.warningKinds = [];
  }
  return res;
}

if (parentPort) {
  const port = parentPort;
  // load the dictionaries before saying we are ready, so the run's timings separate start-up from work
  getJieba();
  extractBytes(new TextEncoder().encode('全市完成固定资产投资161.2亿元,同比增长7.3%。'), 'warmup.txt');
  port.on('message', (t: Task) => port.postMessage(runTask(t)));
  port.postMessage({ ready: true });
}
