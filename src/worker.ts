// A worker thread of the extract pool: receives a batch of files' bytes, extracts them (see runBatch), and sends
// back the lines to write for the whole batch in one message (serialised here, so the main thread only encodes
// strings and moves them to the files).
import { parentPort, workerData } from 'node:worker_threads';
import { readdirSync, readFileSync } from 'node:fs';
import { draftGroup, extractPrepared, prepareBytes, type Prepared } from './pipeline.js';
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

/** Decode, normalize and segment a task's document, or the error that stopped it. */
function prepareTask(t: Task): Prepared | { error: unknown } {
  // tests only: a worker that dies on this document, as one out of memory or in a native crash would
  if (process.env.BULLETIN_MINER_WORKER_DIES_ON && t.rel === process.env.BULLETIN_MINER_WORKER_DIES_ON) process.exit(3);
  try {
    return prepareBytes(new Uint8Array(t.bytes), t.rel, t.sha256);
  } catch (e) {
    return { error: e };
  }
}

/** Extract a prepared document and serialise its lines. */
function finishTask(t: Task, p: Prepared | { error: unknown }): TaskResult {
  try {
    if ('error' in p) throw p.error;
    const r = extractPrepared(p);
    let recs = '';
    for (const rec of r.records) recs += JSON.stringify(rec) + '\n';
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

/** Documents are prepared (decoded, normalized, segmented) a group at a time, then extracted one by one (see
 * extractPrepared); a group ends after this many bytes, so a large document is prepared on its own and memory
 * holds a few small documents' tokens at most. */
const GROUP_BYTES = 128 * 1024;

/** Run a batch of tasks, a group at a time; `current` says which document the worker is on. */
export function runBatch(tasks: Task[], current: Int32Array): TaskResult[] {
  const results: TaskResult[] = [];
  for (let i = 0; i < tasks.length; ) {
    const group: Task[] = [];
    let bytes = 0;
    while (i < tasks.length && (group.length === 0 || bytes < GROUP_BYTES)) {
      bytes += tasks[i]!.bytes.byteLength;
      group.push(tasks[i++]!);
    }
    const prepared = group.map((t) => {
      Atomics.store(current, 0, t.seq);
      return prepareTask(t);
    });
    // the extractors over the group, one after the other
    const ok = prepared.flatMap((p, k) => ('error' in p ? [] : [{ p, k }]));
    const failed = draftGroup(
      ok.map((x) => x.p),
      (j) => Atomics.store(current, 0, group[ok[j]!.k]!.seq),
    );
    failed.forEach((f, j) => {
      if (f) prepared[ok[j]!.k] = f;
    });
    for (let k = 0; k < group.length; k++) {
      Atomics.store(current, 0, group[k]!.seq);
      results.push(finishTask(group[k]!, prepared[k]!));
      prepared[k] = { error: null }; // its tokens can go
    }
  }
  Atomics.store(current, 0, -1);
  return results;
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
    runBatch(
      texts.map((t) => ({ seq: -1, rel: 'warm-up.txt', file: '', bytes: t.slice().buffer as ArrayBuffer, sha256: '0'.repeat(64) })),
      new Int32Array(1),
    );
    for (const t of texts) done += t.length;
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
    port.postMessage({ results: runBatch(tasks, current) });
  });
  port.postMessage({ ready: true });
}
