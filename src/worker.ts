// A worker thread of the extract pool: receives a batch of files' bytes, extracts them (see runBatch), and sends
// back the lines to write for the whole batch in one message, encoded here as UTF-8 into a buffer shared with the
// main thread, which only writes them and then hands the buffer back (see outs).
import { parentPort, workerData } from 'node:worker_threads';
import { readdirSync, readFileSync } from 'node:fs';
import { draftGroup, extractPrepared, pdfTextOf, prepareBytes, type Prepared } from './pipeline.js';
import { getJieba, withCutMemo } from './segment.js';
import { DecodeError } from './decode.js';
import { formatOfPath } from './formats.js';
import { describeError, errorLine } from './errors.js';

export interface Task {
  seq: number;
  rel: string;
  /** the file, to read again if the worker holding this task dies */
  file: string | Buffer;
  bytes: ArrayBuffer;
  sha256: string;
}

export interface TaskResult {
  seq: number;
  /** the lines to append to records.jsonl, documents.jsonl and errors.jsonl, UTF-8, one after the other (complete
   * lines, possibly none): `bytes` holds `len[0] + len[1] + len[2]` bytes. A worker encodes the lines of a whole
   * batch into one buffer, so the main thread neither copies strings out of a message nor encodes them: it only
   * writes (measured on the 43 MB bench archive with --jobs 2: the main thread's share of the CPU 0.13 → 0.10
   * of a core, MB/s +4%; --jobs 1 -2%, the encoding being the worker's now). */
  bytes: Uint8Array;
  /** to call once `bytes` are written: the worker may then reuse the memory they are in */
  release?: () => void;
  len: [number, number, number];
  nRecords: number;
  /** whether a document line is there */
  doc: boolean;
  errorKinds: string[];
  warningKinds: string[];
}

/** A batch's output: UTF-8 lines in a buffer shared with the main thread, grown as lines are added (a string of
 * n UTF-16 code units takes at most 3n bytes). */
class OutBytes {
  buf: Buffer;
  pos = 0;
  constructor(
    readonly id: number,
    public sab: SharedArrayBuffer,
  ) {
    this.buf = Buffer.from(sab);
  }
  /** append `s` and, when `nl`, a newline */
  put(s: string, nl: boolean): void {
    const need = this.pos + 3 * s.length + 1;
    if (need > this.buf.length) {
      if (need > MAX_OUT_BYTES) throw new OutputTooLarge(`the output would need ${mb(need)} MB in memory, over the limit of ${mb(MAX_OUT_BYTES)} MB`);
      this.grow(Math.max(2 * this.buf.length, need));
    }
    this.pos += this.buf.write(s, this.pos);
    if (nl) this.buf[this.pos++] = 10;
  }

  /** make room for `bytes` in all at once, when a document is about to write many lines: growing by doubling
   * left every smaller buffer, full, until V8 collected it (measured on a 15 MB line with 786 432 records: 2.2 GB
   * of buffers for 561 MB of lines, peak RSS 3.3 GB); memory that is reserved and not written is not taken */
  reserve(bytes: number): void {
    if (bytes > this.buf.length) this.grow(bytes);
  }

  private grow(bytes: number): void {
    // the new buffer replaces the old one only once it holds its bytes: a buffer that cannot be had (out of memory)
    // leaves this one as it was, so that the document's error line can still be written here (the buffer used to
    // be replaced first, and its failed copy sent an errors.jsonl line of one zero byte)
    const sab = new SharedArrayBuffer(Math.min(MAX_OUT_BYTES, bytes));
    const b = Buffer.from(sab);
    this.buf.copy(b, 0, 0, this.pos);
    this.sab = sab;
    this.buf = b;
  }
}

/** The most one batch's output may take in a worker's memory (a document's records included): 1 GiB. A document
 * of 16 MiB whose sentences never end gives about 35 times its size in records (measured: 15.7 MB of one comma
 * separated line, 561 MB). */
const MAX_OUT_BYTES = 1 << 30;
const mb = (n: number) => (n / 1048576).toFixed(0);

/** a document whose lines do not fit in the output buffer */
class OutputTooLarge extends RangeError {}

/** What the worker was doing for a document when it failed, to say in its error line. */
type Stage = { what: 'extract' } | { what: 'record'; n: number; of: number; line?: number } | { what: 'document' } | { what: 'errors' };

function stageText(rel: string, st: Stage): string {
  switch (st.what) {
    case 'extract':
      return `extracting ${rel} failed`;
    case 'record':
      return `writing the records of ${rel} failed at record ${st.n} of ${st.of}${st.line === undefined ? '' : ` (a line of ${st.line} characters)`}`;
    case 'document':
      return `writing the document line of ${rel} failed`;
    case 'errors':
      return `writing the error lines of ${rel} failed`;
  }
}

/** the kind of an error thrown while a document's lines were written: too large when a string or buffer could not
 * be made that long */
function outputKind(e: unknown): string {
  if (e instanceof OutputTooLarge || (e as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') return 'output-too-large';
  if (e instanceof RangeError && /string length|allocation failed|Array buffer/i.test(e.message)) return 'output-too-large';
  return 'internal-error';
}

/** The worker's output buffers. Each batch's lines go into a free one, which is shared with the main thread, not
 * copied or transferred, and comes back free when the main thread has written them (its id in a later
 * message). So no memory is allocated per batch, and nothing detached: transferring a buffer detaches it, and a
 * thread's first detach invalidates an assumption of V8's optimised code for typed arrays, which is then
 * compiled again (measured with a transferred buffer per batch: the first batch of a run 2.7 times slower, runs
 * 20-30% slower). Copying the bytes into a new buffer per batch instead was 2.5-3.6% slower, the main thread
 * marking its heap about twice as much (the received buffers count as memory outside V8's heap, which it
 * reclaims with full collections). */
const outs = {
  all: [] as OutBytes[],
  free: [] as OutBytes[],
  take(): OutBytes {
    const o = this.free.pop() ?? new OutBytes(this.all.length, new SharedArrayBuffer(4 << 20));
    if (o.id === this.all.length) this.all.push(o);
    o.pos = 0;
    return o;
  },
  release(ids: number[]): void {
    for (const id of ids) {
      const o = this.all[id];
      if (o && !this.free.includes(o)) this.free.push(o);
    }
  },
};

/** What the main thread sends a worker: a batch of tasks, and the ids of output buffers it is done with. */
export interface BatchMessage {
  tasks: Task[];
  freed: number[];
}

/** What a worker sends back for a batch: the results, their bytes being views into `buffer` at `at`; `out` is the
 * buffer's id, to send back in `freed` once every result is written. */
export interface BatchReply {
  results: (Omit<TaskResult, 'bytes' | 'release'> & { at: number })[];
  buffer: SharedArrayBuffer;
  out: number;
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
    const pdf = pdfTexts.get(t);
    if (pdf && typeof pdf !== 'string') throw pdf.error;
    return prepareBytes(new Uint8Array(t.bytes), t.rel, t.sha256, pdf);
  } catch (e) {
    return { error: e };
  }
}

/** The text layers of a batch's PDFs, read before the batch runs (pdf.js is asynchronous, the rest of the pipeline
 * not), or what stopped them. */
const pdfTexts = new WeakMap<Task, string | { error: unknown }>();

async function readPdfs(tasks: Task[], current: Int32Array): Promise<void> {
  for (const t of tasks) {
    Atomics.store(current, 0, t.seq);
    try {
      const text = await pdfTextOf(new Uint8Array(t.bytes), t.rel);
      if (text !== undefined) pdfTexts.set(t, text);
    } catch (e) {
      pdfTexts.set(t, { error: e });
    }
  }
  Atomics.store(current, 0, -1);
}


/** tests only: the document whose output fails to be written (an error with no message, after its first record) */
const OUTPUT_FAILS_ON = process.env.BULLETIN_MINER_OUTPUT_FAILS_ON;

/** Extract a prepared document and append its lines to `out`. An error says which document and what failed:
 * extracting it, or writing which of its lines. */
function finishTask(t: Task, p: Prepared | { error: unknown }, out: OutBytes): BatchReply['results'][number] {
  const at = out.pos;
  let stage: Stage = { what: 'extract' };
  try {
    if ('error' in p) throw p.error;
    // each record written as it is made (a document may have hundreds of thousands)
    let nRecords = 0;
    const r = extractPrepared(p, (rec, n, of) => {
      const st: Stage & { what: 'record' } = { what: 'record', n, of };
      stage = st;
      const line = JSON.stringify(rec);
      st.line = line.length;
      // room for all the document's records, at three bytes a character of its first line (lines differ little)
      if (n === 1 && of > 1000) out.reserve(out.pos + Math.ceil(of * (3 * line.length + 1) * 1.2));
      if (n === 2 && OUTPUT_FAILS_ON !== undefined && t.rel === OUTPUT_FAILS_ON) throw new RangeError();
      out.put(line, true);
      nRecords++;
      stage = { what: 'extract' };
    });
    const l0 = out.pos - at;
    stage = { what: 'document' };
    out.put(JSON.stringify(r.document), true);
    const l1 = out.pos - at - l0;
    const errorKinds: string[] = [];
    stage = { what: 'errors' };
    for (const inv of r.invalid) {
      out.put(errorLine({ path: t.rel, kind: 'invalid-record', message: inv.message.slice(0, 2000) }), true);
      errorKinds.push('invalid-record');
    }
    return {
      seq: t.seq,
      at,
      len: [l0, l1, out.pos - at - l0 - l1],
      nRecords,
      doc: true,
      errorKinds,
      warningKinds: r.document.warnings.map((w) => w.kind),
    };
  } catch (e) {
    out.pos = at; // lines of a document that failed half-way are not kept
    // an error before the extraction (decoding, an extractor) says what it is; one after says where it happened
    const extracting = stage.what === 'extract';
    const kind = extracting ? errorKind(e) : outputKind(e);
    const message = extracting && e instanceof DecodeError ? describeError(e) : `${stageText(t.rel, stage)}: ${describeError(e)}`;
    out.put(errorLine({ path: t.rel, kind, message }), true);
    return { seq: t.seq, at, len: [0, 0, out.pos - at], nRecords: 0, doc: false, errorKinds: [kind], warningKinds: [] };
  }
}

/** Documents are prepared (decoded, normalized, segmented) a group at a time, then extracted one by one (see
 * extractPrepared); a group ends after this many bytes, so a large document is prepared on its own and memory
 * holds a few small documents' tokens at most. */
const GROUP_BYTES = 128 * 1024;

/** Run a batch of tasks, a group at a time; `current` says which document the worker is on. */
export function runBatch(tasks: Task[], current: Int32Array): BatchReply {
  const results: BatchReply['results'] = [];
  const out = outs.take();
  for (let i = 0; i < tasks.length; ) {
    const group: Task[] = [];
    let bytes = 0;
    while (i < tasks.length && (group.length === 0 || bytes < GROUP_BYTES)) {
      bytes += tasks[i]!.bytes.byteLength;
      group.push(tasks[i++]!);
    }
    // (loops, here and in draftGroup, not map and forEach: with those, the worker's optimised batch code was thrown
    // away twice in a 5000-document run, 'wrong map' on the arrays they made, and compiled again; MB/s did not
    // measurably change)
    const prepared: (Prepared | { error: unknown })[] = [];
    for (const t of group) {
      Atomics.store(current, 0, t.seq);
      prepared.push(prepareTask(t));
    }
    // the extractors over the group, one after the other
    const ok: Prepared[] = [];
    const okAt: number[] = [];
    for (let k = 0; k < prepared.length; k++) {
      const p = prepared[k]!;
      if (!('error' in p)) {
        ok.push(p);
        okAt.push(k);
      }
    }
    const failed = draftGroup(ok, (j) => Atomics.store(current, 0, group[okAt[j]!]!.seq));
    for (let j = 0; j < ok.length; j++) {
      const f = failed[j];
      if (f) prepared[okAt[j]!] = f;
    }
    for (let k = 0; k < group.length; k++) {
      Atomics.store(current, 0, group[k]!.seq);
      results.push(finishTask(group[k]!, prepared[k]!, out));
      prepared[k] = { error: null }; // its tokens can go
    }
  }
  Atomics.store(current, 0, -1);
  return { results, buffer: out.sab, out: out.id };
}

const SAMPLE =
  '1-8月份,全市完成固定资产投资161.2亿元,同比增长7.3%,高于全省平均水平3.8个百分点。其中,基础设施建设完成投资52.4亿元,' +
  '增长12.1%;房地产开发投资下降4.5%。全市591个重点项目开复工,完成年度计划的73.6%,总投资约4000亿元。\n';

/** Run the pipeline on `bytes` of bulletin text before taking work, so that the JIT compiles the hot paths and the
 * first documents of a run are not slower than the rest (start-up is timed apart). The pool asks for it only when
 * the work is large (see run.ts). Uses the package's corpus/ when it is there; stops when `stop[1]` becomes 1. */
const WARM_UP_MS = 3000;
function warmUp(bytes: number, stop: Int32Array): void {
  if (bytes <= 0) return;
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
  // V8 optimises a function after enough calls, not after enough time: the warm-up is an amount of text, with a
  // time limit for slow machines. The texts are cut by jieba once, not at every round: the native cut needs no
  // warming, and the rest of the pipeline then goes through twice the text in the same time. Measured with one
  // worker on the 4.4 MB bench archive: compiled after the warm-up, in the worker and the main thread, 2 MB of
  // text each cut 219 ms of code, 4 MB with the cuts remembered 111 ms (8 MB no less), start-up the same; MB/s
  // +12% with two workers, whose compiling takes turns with them (+1% with one).
  const until = performance.now() + WARM_UP_MS;
  let done = 0;
  withCutMemo(() => {
    for (let n = 0; (n < 2 || (done < bytes && performance.now() < until)) && Atomics.load(stop, 1) === 0; n++) {
      // the tasks as a message brings them (structured clones have their own object shapes, which the optimised
      // code should have seen)
      const reply = runBatch(
        structuredClone(texts.map((t, i) => ({ seq: -1, rel: `warm-up/${i}.txt`, file: '', bytes: t.buffer.slice(t.byteOffset, t.byteOffset + t.byteLength) as ArrayBuffer, sha256: '0'.repeat(64) }))),
        new Int32Array(1),
      );
      outs.release([reply.out]);
      for (const t of texts) done += t.length;
    }
  });
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as { current?: Int32Array; warmUpBytes?: number } | null;
  // the seq of the document being extracted, shared with the pool (see run.ts)
  const current = data?.current ?? new Int32Array(2);
  // load the dictionaries before saying we are ready, so the run's timings separate start-up from work
  getJieba();
  warmUp(data?.warmUpBytes ?? 0, current);
  // tests only: workers that fail at the end of their start-up, one while another may still be in its own
  if (process.env.BULLETIN_MINER_WORKER_START_FAILS) throw new Error('this worker failed to start (BULLETIN_MINER_WORKER_START_FAILS)');
  // batches one after the other: a batch with PDFs waits for pdf.js, and the next batch must not overtake it
  let last: Promise<void> = Promise.resolve();
  port.on('message', (m: BatchMessage) => {
    outs.release(m.freed);
    const run = () => port.postMessage(runBatch(m.tasks, current));
    if (m.tasks.some((t) => formatOfPath(t.rel) === 'pdf')) last = last.then(() => readPdfs(m.tasks, current)).then(run);
    else last = last.then(run);
  });
  port.postMessage({ ready: true });
}
