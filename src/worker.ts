// A worker thread of the extract pool: receives a batch of files' bytes, runs extractBytes on each, and sends
// back the lines to write for the whole batch in one message (serialised here, so the main thread only encodes
// strings and moves them to the files).
import { parentPort, workerData } from 'node:worker_threads';
import { readdirSync, readFileSync } from 'node:fs';
import { extractBytes } from './pipeline.js';
import { getJieba } from './segment.js';
import { DecodeError } from './decode.js';

export interface Task {
  seq: number;
  rel: string;
  /** the file, to read again if the worker holding this task dies */
  file: string;
  bytes: ArrayBuffer;
  sha256: string;
}

export interface TaskResult {
  seq: number;
  /** the lines to append to records.jsonl, documents.jsonl and errors.jsonl (complete lines, possibly empty).
   * Sent as strings: structured cloning a string costs less than encoding it here and transferring the bytes
   * (measured: 5,000 results of ~40 KB, 385 ms against 870 ms); the main thread encodes them as it writes. */
  parts: [string, string, string];
  nRecords: number;
  /** whether a document line is there */
  doc: boolean;
  errorKinds: string[];
  warningKinds: string[];
}

/** A result from the three outputs' lines. */
export function packResult(
  seq: number,
  records: string,
  document: string,
  errors: string,
  rest: Pick<TaskResult, 'nRecords' | 'errorKinds' | 'warningKinds'>,
): TaskResult {
  return { seq, parts: [records, document, errors], doc: document.length > 0, ...rest };
}

function errorKind(e: unknown): string {
  if (e instanceof DecodeError) return e.kind;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ERR_STRING_TOO_LONG') return 'too-large';
  return 'internal-error';
}

export function runTask(t: Task): TaskResult {
  // tests only: a worker that dies on this document, as one out of memory or in a native crash would
  if (process.env.BULLETIN_MINER_WORKER_DIES_ON && t.rel === process.env.BULLETIN_MINER_WORKER_DIES_ON) process.exit(3);
  try {
    const r = extractBytes(new Uint8Array(t.bytes), t.rel, t.sha256);
    // joined in one go: a flat string (a string built with += is a rope, which posting the result flattens)
    const lines: string[] = new Array(r.records.length + 1);
    for (let i = 0; i < r.records.length; i++) lines[i] = JSON.stringify(r.records[i]);
    lines[r.records.length] = '';
    const recs = r.records.length ? lines.join('\n') : '';
    let errors = '';
    const errorKinds: string[] = [];
    for (const inv of r.invalid) {
      errors += JSON.stringify({ path: t.rel, kind: 'invalid-record', message: inv.message.slice(0, 2000) }) + '\n';
      errorKinds.push('invalid-record');
    }
    return packResult(t.seq, recs, JSON.stringify(r.document) + '\n', errors, {
      nRecords: r.records.length,
      errorKinds,
      warningKinds: r.document.warnings.map((w) => w.kind),
    });
  } catch (e) {
    const kind = errorKind(e);
    const message = e instanceof Error ? e.message : String(e);
    return packResult(t.seq, '', '', JSON.stringify({ path: t.rel, kind, message }) + '\n', { nRecords: 0, errorKinds: [kind], warningKinds: [] });
  }
}

const SAMPLE =
  '1-8月份,全市完成固定资产投资161.2亿元,同比增长7.3%,高于全省平均水平3.8个百分点。其中,基础设施建设完成投资52.4亿元,' +
  '增长12.1%;房地产开发投资下降4.5%。全市591个重点项目开复工,完成年度计划的73.6%,总投资约4000亿元。\n';

/** Run the pipeline on bulletin text before taking work: the dictionaries load and the JIT compiles
 * the hot paths, so the first documents of a run are not slower than the rest (start-up is timed apart). Uses the
 * package's corpus/ when it is there. */
const WARM_UP_BYTES = 2_000_000;
const WARM_UP_MS = 3000;
function warmUp(): void {
  let texts: Uint8Array[] = [];
  try {
    const dir = new URL('../../corpus/', import.meta.url);
    texts = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, dir)));
  } catch {
    /* not shipped: use the sample */
  }
  if (!texts.length) texts = [new TextEncoder().encode(SAMPLE.repeat(20))];
  // V8 optimises a function after enough calls, not after enough time: the warm-up is an amount of text (about
  // 250 documents' worth, after which a run's first documents were measured as fast as its last), with a time
  // limit for slow machines
  const until = performance.now() + WARM_UP_MS;
  let done = 0;
  for (let n = 0; n < 2 || (done < WARM_UP_BYTES && performance.now() < until); n++) {
    for (const t of texts) {
      runTask({ seq: -1, rel: 'warm-up.txt', file: '', bytes: t.slice().buffer, sha256: '0'.repeat(64) });
      done += t.length;
    }
  }
}

if (parentPort) {
  const port = parentPort;
  // load the dictionaries before saying we are ready, so the run's timings separate start-up from work
  getJieba();
  warmUp();
  // the seq of the document being extracted, shared with the pool (see run.ts)
  const current = (workerData as { current?: Int32Array } | null)?.current ?? new Int32Array(1);
  port.on('message', (tasks: Task[]) => {
    const results: TaskResult[] = [];
    for (const t of tasks) {
      Atomics.store(current, 0, t.seq);
      results.push(runTask(t));
    }
    Atomics.store(current, 0, -1);
    port.postMessage({ results });
  });
  port.postMessage({ ready: true });
}
