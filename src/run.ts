// `extract` over whole archives (SPEC 2, 4, 6). The inputs are walked lazily in a deterministic order (each
// folder's entries sorted); files are read through a p-queue and extracted by a pool of worker threads; the
// results are written in input order as soon as every earlier input is written, so memory holds only a
// bounded window of documents however large the archive. State for resuming lives in DIR/.bulletin-miner/
// (see state.ts): an interrupted run leaves valid output, and the same command run again only does what is
// not done yet; unchanged documents (same bytes, same extractors version) are not extracted twice.
import { readdir, stat, realpath, open, access, unlink } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { mkdirs } from './fsutil.js';
import { constants, readFileSync, readdirSync, readSync, closeSync, existsSync, fstatSync, ftruncateSync, openSync, rmSync, writeFileSync, writeSync, renameSync } from 'node:fs';
import { join, basename, extname, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import cliProgress from 'cli-progress';
import { DecodeError } from './decode.js';
import { catchSignals, signalAt, type CaughtSignals } from './signals.js';
import { createHash } from 'node:crypto';
import { EXTRACTORS_VERSION } from '../extractors/index.js';
import type { ErrorRecord } from './schemas.js';
import type { BatchMessage, BatchReply, Task, TaskResult } from './worker.js';
import { packResult } from './result.js';
import { describeError, errorLine } from './errors.js';
import {
  STATE_DIR, DATA_FILES, compareKeys, LineCursor, readHeader, copyRange, listGens, openGen, makeGen, committedEnd, truncateFile, fileSize,
  takeLock, type Entry, type Header, type Key, type Source,
} from './state.js';

export interface RunOptions {
  inputs: string[];
  outDir: string;
  jobs?: number;
  quiet?: boolean;
  /** files larger than this are refused with an error (default 16 MB) */
  maxFileBytes?: number;
  /** forget the state of earlier runs and extract everything again */
  fresh?: boolean;
  /** show the progress bar (default: when stderr is a terminal and not quiet) */
  progress?: boolean;
}

export interface RunSummary {
  documents: number;
  records: number;
  errors: number;
  extracted: number;
  skipped: number;
  interrupted: boolean;
}

/** What extract reads (.doc too, to say in errors.jsonl that it is not read, rather than ignore it) */
export const INPUT_EXTENSIONS = new Set(['.txt', '.htm', '.html', '.pdf', '.docx', '.doc']);
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** One item of the walk, in output order: a file to read, or something that could not be read. The file is
 * a Buffer when its path is not UTF-8 (see RawEntry); `rel` is then the decoded path. */
export interface WalkItem extends Key {
  rel: string;
  file?: string | Buffer;
  error?: ErrorRecord;
}

/** An entry of a folder whose names are not all UTF-8 (archives unpacked from Windows often have GBK names):
 * read by its bytes, so that it can be opened, and shown by its name decoded (nameOf). */
class RawEntry {
  readonly name: string;
  constructor(
    readonly raw: Buffer,
    private readonly d: Dirent<Buffer>,
  ) {
    this.name = nameOf(raw);
  }
  isDirectory(): boolean {
    return this.d.isDirectory();
  }
  isFile(): boolean {
    return this.d.isFile();
  }
  isSymbolicLink(): boolean {
    return this.d.isSymbolicLink();
  }
}

/** A file name's bytes as text: UTF-8 when they are UTF-8, else GB18030 (GBK is its subset) when they are that,
 * else UTF-8 with each byte that is not part of a character written %XX. */
function nameOf(raw: Buffer): string {
  if (isUtf8(raw)) return raw.toString('utf8');
  const gb = iconv.decode(raw, 'gb18030');
  if (!gb.includes('\uFFFD')) return gb;
  let out = '';
  for (let i = 0; i < raw.length; ) {
    let n = 0;
    const b = raw[i]!;
    if (b < 0x80) n = 1;
    else for (const len of [2, 3, 4]) if (i + len <= raw.length && isUtf8(raw.subarray(i, i + len))) n = len;
    if (n) {
      out += raw.toString('utf8', i, i + n);
      i += n;
    } else out += '%' + raw[i++]!.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
const SEP_BYTES = Buffer.from(sep);
/** `dir`/`name` as bytes, in memory of its own: a pooled Buffer would take its whole pool along when the path
 * goes to a worker with its task. */
function rawPath(dir: Buffer, name: Buffer): Buffer {
  const p = Buffer.allocUnsafeSlow(dir.length + SEP_BYTES.length + name.length);
  dir.copy(p, 0);
  SEP_BYTES.copy(p, dir.length);
  name.copy(p, dir.length + SEP_BYTES.length);
  return p;
}

/** Every input under the given paths, lazily, in a deterministic order (inputs as given, then each folder's
 * entries sorted by name, depth first). What cannot be read comes as an item with `error`. */
export async function* walkInputs(inputs: string[]): AsyncGenerator<WalkItem> {
  for await (const chunk of walkChunks(inputs)) yield* chunk;
}

/** walkInputs' items, a folder's run of them at a time (the items between two of its subfolders), which the
 * folder's listing holds anyway: the run's reader then takes them in a plain loop, and the generator resumes
 * once a run instead of once an item, through as many generators as the folder is deep (measured on the 4.4 MB
 * bench archive, five folders of 100 files, against the reader taking walkInputs' items: --jobs 2 +3.1% MB/s,
 * --jobs 1 the same, the walk's work being the main thread's, which takes turns with the workers only when they
 * occupy every core; the generators' compiling after the workers' start-up, ~25 ms, is gone). */
async function* walkChunks(inputs: string[], ignored?: Map<string, number>): AsyncGenerator<WalkItem[]> {
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      yield [{ i, k: [], rel: input, error: { path: input, kind: kindOf(e), message: messageOf(e) } }];
      continue;
    }
    if (info.isFile()) {
      const rel = basename(input);
      yield [{ i, k: [rel], rel, file: input }];
      continue;
    }
    if (!info.isDirectory()) {
      yield [{ i, k: [], rel: input, error: { path: input, kind: 'not-a-file', message: 'not a regular file or folder (fifo, socket or device): skipped' } }];
      continue;
    }
    const seen = new Set<string>();
    const ancestors: string[] = [];
    const item = (rel: string, error: Omit<ErrorRecord, 'path'>): WalkItem => ({
      i,
      k: rel ? rel.split(sep) : [],
      rel: rel || input,
      error: { path: rel || input, ...error },
    });
    // A folder's entries in order: the items, and in their places the subfolders to walk. (Apart from the
    // generator, and with an entry's path relative to the input carried down as its parts instead of computed with
    // path.relative for each file: the generator that did all this took 25 ms to compile, in a run of 0.5 s.)
    const listDir = async (dir: string | Buffer, parts: string[], entries: (Dirent | RawEntry)[]): Promise<(WalkItem | { sub: string | Buffer; k: string[] })[]> => {
      const out: (WalkItem | { sub: string | Buffer; k: string[] })[] = [];
      for (const ent of entries) {
        const p = ent instanceof RawEntry ? rawPath(dir as Buffer, ent.raw) : join(dir as string, ent.name);
        const k = parts.concat(ent.name);
        const r = k.join(sep);
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        if (ent.isSymbolicLink()) {
          try {
            const t = await stat(p);
            isDir = t.isDirectory();
            isFile = t.isFile();
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            if (code === 'ELOOP') out.push(item(r, { kind: 'symlink-loop', message: 'a symbolic link that points back to itself: skipped' }));
            else if (code === 'ENOENT') out.push(item(r, { kind: 'dangling-link', message: 'a symbolic link to nothing: skipped' }));
            else out.push(item(r, { kind: kindOf(e), message: messageOf(e) }));
            continue;
          }
        }
        if (isDir) out.push({ sub: p, k });
        else {
          const ext = extname(ent.name).toLowerCase();
          if (INPUT_EXTENSIONS.has(ext)) {
            if (isFile) out.push({ i, k, rel: r, file: p });
            else out.push(item(r, { kind: 'not-a-file', message: 'not a regular file (fifo, socket or device): skipped' }));
          } else if (ignored && isFile) ignored.set(ext, (ignored.get(ext) ?? 0) + 1);
        }
      }
      return out;
    };
    async function* walk(dir: string | Buffer, parts: string[]): AsyncGenerator<WalkItem[]> {
      const rel = parts.join(sep);
      let real: string;
      try {
        // compared by its bytes (as latin1 text): a path that is not UTF-8 would not survive decoding
        real = (await realpath(dir, { encoding: 'buffer' })).toString('latin1');
      } catch (e) {
        yield [item(rel, { kind: kindOf(e), message: messageOf(e) })];
        return;
      }
      if (ancestors.includes(real)) {
        yield [item(rel, { kind: 'symlink-loop', message: 'a symbolic link back to a folder that holds it: skipped' })];
        return;
      }
      if (seen.has(real)) {
        yield [item(rel, { kind: 'already-visited', message: 'this folder was already read through another link: skipped' })];
        return;
      }
      seen.add(real);
      let entries: (Dirent | RawEntry)[];
      try {
        // names that are not UTF-8 come back with U+FFFD in them, under which they cannot be opened: such a
        // folder (and every folder under it) is read by the bytes of its names
        const named = typeof dir === 'string' ? await readdir(dir, { withFileTypes: true }) : null;
        if (named && !named.some((e) => e.name.includes('\uFFFD'))) entries = named;
        else {
          dir = typeof dir === 'string' ? Buffer.from(dir) : dir;
          entries = (await readdir(dir, { withFileTypes: true, encoding: 'buffer' })).map((d) => new RawEntry(d.name, d));
        }
      } catch (e) {
        yield [item(rel, { kind: kindOf(e), message: `cannot read this folder: ${messageOf(e)}` })];
        return;
      }
      ancestors.push(real);
      entries.sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : a instanceof RawEntry && b instanceof RawEntry ? Buffer.compare(a.raw, b.raw) : 0,
      );
      let chunk: WalkItem[] = [];
      for (const e of await listDir(dir, parts, entries)) {
        if ('sub' in e) {
          if (chunk.length) yield chunk;
          chunk = [];
          yield* walk(e.sub, e.k);
        } else chunk.push(e);
      }
      if (chunk.length) yield chunk;
      ancestors.pop();
    }
    yield* walk(input, []);
  }
}

export function kindOf(e: unknown): string {
  if (e instanceof DecodeError) return e.kind;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'not-found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission';
  if (code === 'ELOOP') return 'symlink-loop';
  if (code === 'EISDIR') return 'is-directory';
  return code ? code.toLowerCase() : 'error';
}

export function messageOf(e: unknown): string {
  return describeError(e);
}

/** Fail before any work if the output folder cannot be written. */
export async function checkOutDir(outDir: string): Promise<void> {
  const { UsageError } = await import('./cli.js');
  try {
    await mkdirs(outDir);
    await access(outDir, constants.W_OK);
    const probe = join(outDir, `.write-probe-${process.pid}`);
    const fh = await open(probe, 'w');
    await fh.close();
    await unlink(probe);
  } catch (e) {
    throw new UsageError(`cannot write to the output folder ${outDir}: ${messageOf(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// the worker pool

/** Documents go to a worker in batches, and their results come back in one message per batch: each message
 * wakes the other thread, and on a virtual machine a wake-up costs the sender about as much as extracting a
 * small document (measured: 5-8% of a worker's time with one message per document). A batch takes what waits,
 * up to these limits; each worker holds BATCHES of them, so the next one is queued while it works. */
const BATCHES = 2;
const BATCH_DOCS = 32;
const BATCH_BYTES = 1 << 20;

/** A worker's young generation: a group of documents being extracted (see worker.ts) is alive at every
 * scavenge, and a larger young generation scavenges it less often (measured on the 43 MB bench archive, MB/s
 * against V8's default: 48 MB about the same, 96 MB +6% with one worker and +5% with two, 192 MB no better). */
const YOUNG_GENERATION_MB = 96;

/** Start-up for the work at hand. Before the workers start, the inputs are walked up to SIZING_BYTES (or
 * SIZING_FILES files): a run whose inputs end within that knows its work, and starts no more workers than it has
 * files or WORKER_BYTES of them (a worker's dictionaries take a second of CPU to load, more than extracting 2 MB).
 * No worker is warmed up (see worker.ts): a warm-up extracts 4 MB of corpus text that is then thrown away, which
 * a short run never earns back (one short document took 3.5 s end to end with it), and measured side by side it
 * did not pay on large runs either (npm run bench, --jobs 2, wall clock of three rounds each, with / without:
 * 4.4 MB archive 24.0 31.9 27.3 / 19.6 27.7 24.8 s; 43 MB archive 95.1 95.8 99.5 / 82.9 90.7 92.4 s, and MB/s of
 * the extraction phase 0.54 / 0.62: the JIT's work on the first real documents costs less than extracting 4 MB
 * for nothing; on a 2-core machine at load 11-14). BULLETIN_MINER_WARM_UP=on turns it on (the bench measures
 * both). */
const SIZING_BYTES = 32 << 20;
const SIZING_FILES = 4096;
const WORKER_BYTES = 2 << 20;
const WARM_UP_BYTES = 4_000_000;

interface Sizing {
  files: number;
  bytes: number;
  /** the walk ended within the limits: files and bytes are the whole input */
  whole: boolean;
}

async function sizeInputs(inputs: string[]): Promise<Sizing> {
  let files = 0;
  let bytes = 0;
  for await (const chunk of walkChunks(inputs)) {
    for (const it of chunk) {
      if (!it.file) continue;
      files++;
      try {
        bytes += (await stat(it.file)).size;
      } catch {
        /* the run reports it */
      }
      if (bytes >= SIZING_BYTES || files >= SIZING_FILES) return { files, bytes, whole: false };
    }
  }
  return { files, bytes, whole: true };
}

/** How many workers to start and how much each warms up, for `jobs` asked and the input's size. */
function startup(jobs: number, size: Sizing): { workers: number; warmUp: number } {
  const forced = process.env.BULLETIN_MINER_WARM_UP;
  const warm = forced === 'on';
  const workers = size.whole ? Math.max(1, Math.min(jobs, size.files, Math.ceil(size.bytes / WORKER_BYTES))) : jobs;
  return { workers, warmUp: warm ? WARM_UP_BYTES : 0 };
}

interface Pending {
  task: Task;
  resolve: (r: TaskResult) => void;
}

interface Slot {
  w: Worker;
  ready: boolean;
  /** batches sent and not answered, oldest first */
  batches: Pending[][];
  /** shared with the worker: the seq of the document it is extracting, -1 between documents (so that when it
   * dies, the document that killed it is known without a message per document) */
  current: Int32Array;
  /** ids of the worker's output buffers whose results are all written, to tell it with the next batch */
  freed: number[];
}

// (No V8 flags are set: a run used to turn off incremental marking and, with the workers on every core, parallel
// scavenging, and raise ticks-before-optimization after the warm-up: process-wide state that a library user or a
// queue worker inherits, for +4.3%, +4% and -0.4% MB/s on the 43 MB bench archive with --jobs 2 when they were
// measured. Issue 17 kept a flag only if it earned 5% or more; measured again side by side on the 43 MB archive
// (the bench's --flags section, commit 23a6c95; 2026-12-08, three rounds each, load 11-14), none did: --jobs 2,
// best MB/s, all
// flags 1.00, without incremental marking 0.99, without parallel scavenge 1.18, without the ticks 1.11, none 1.25;
// --jobs 1: 1.15, 0.76, 1.30, 1.60, 2.52, every variant's rounds spreading ±40% or more.)

class Pool {
  private workers: Slot[] = [];
  private waiting: Pending[] = [];
  readonly ready: Promise<void>;
  /** each first worker's start-up */
  private starting: Promise<void>[] = [];
  private closed = false;
  /** no work goes out before every first worker is ready: the run's timings separate start-up from work, and a
   * worker that starts first would otherwise take work the others then wait for */
  private allReady = false;

  constructor(
    size: number,
    private readonly warmUpBytes = 0,
  ) {
    for (let n = 0; n < size; n++) this.starting.push(this.spawn());
    this.ready = Promise.all(this.starting).then(() => {
      this.allReady = true;
      this.pump();
    });
  }

  private spawn(): Promise<void> {
    // [0]: the document the worker is on; [1]: 1 when the pool closes (a warm-up stops there)
    const current = new Int32Array(new SharedArrayBuffer(8)).fill(-1);
    current[1] = 0;
    const w = new Worker(new URL('./worker.js', import.meta.url), {
      stdout: false,
      stderr: false,
      workerData: { current, warmUpBytes: this.warmUpBytes },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const slot: Slot = { w, ready: false, batches: [], current, freed: [] };
    this.workers.push(slot);
    return new Promise((resolveReady, rejectReady) => {
      w.on('message', (m: BatchReply | { ready: true }) => {
        if ('ready' in m) {
          slot.ready = true;
          resolveReady();
          this.pump();
          return;
        }
        const batch = slot.batches.shift() ?? [];
        if (!this.closed) this.pump();
        // the buffer goes back to the worker when every result in it is written
        let left = m.results.length;
        const release = () => {
          if (--left === 0) slot.freed.push(m.out);
        };
        if (!left) slot.freed.push(m.out);
        // the results come in the batch's order: each completed in place, the message's object being the result
        // (instead of a Map by seq and two copies of each result; measured on the 43 MB bench archive with --jobs 2:
        // the main thread 0.092 → 0.089 of a core, the means of four runs)
        let bySeq: Map<number, Pending> | null = null;
        for (let k = 0; k < m.results.length; k++) {
          const r = m.results[k]! as TaskResult & { at: number };
          r.bytes = new Uint8Array(m.buffer, r.at, r.len[0] + r.len[1] + r.len[2]);
          r.release = release;
          let p: Pending | undefined = batch[k];
          if (p?.task.seq !== r.seq) p = (bySeq ??= new Map(batch.map((q) => [q.task.seq, q]))).get(r.seq);
          p?.resolve(r);
        }
        this.checkIdle();
      });
      const failed = (message: string) => {
        const idx = this.workers.indexOf(slot);
        if (idx >= 0) this.workers.splice(idx, 1);
        if (!slot.ready) {
          // it could not even start (dictionaries missing, a broken build): no point in trying again
          rejectReady(new Error(`a worker thread could not start: ${message}`));
          return;
        }
        // a worker that died (out of memory, a native crash): the document it was on fails, the others it held
        // go back in line, and a new worker takes its place
        const kind = /memory/i.test(message) ? 'out-of-memory' : 'worker-crash';
        const on = Atomics.load(slot.current, 0);
        const again: Pending[] = [];
        for (const { task, resolve } of slot.batches.flat()) {
          if (task.seq === on) {
            resolve(packResult(task.seq, '', '', errorLine({ path: task.rel, kind, message: `extraction failed: ${message}` }) + '\n', { nRecords: 0, errorKinds: [kind], warningKinds: [] }));
            continue;
          }
          // its bytes went to the dead worker: read the file again
          try {
            const b = readFileSync(task.file);
            again.push({ task: { ...task, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer }, resolve });
          } catch (e) {
            resolve(packResult(task.seq, '', '', errorLine({ path: task.rel, kind: kindOf(e), message: messageOf(e) }) + '\n', { nRecords: 0, errorKinds: [kindOf(e)], warningKinds: [] }));
          }
        }
        this.waiting.unshift(...again);
        slot.batches = [];
        this.checkIdle();
        if (!this.closed) void this.spawn();
      };
      w.on('error', (e) => failed(messageOf(e)));
      w.on('exit', (code) => {
        if (!this.closed && this.workers.includes(slot)) failed(`worker exited with code ${code}`);
      });
    });
  }

  run(task: Task): Promise<TaskResult> {
    return new Promise((resolve) => {
      if (this.closed) return; // stopping: never resolved, never written
      this.waiting.push({ task, resolve });
      this.pump();
    });
  }

  /** The inputs are all walked: what waits now is the last of the work. */
  endOfInput(): void {
    this.ending = true;
    this.pump();
  }
  private ending = false;

  private pump(): void {
    if (!this.allReady) return;
    // at the end of the input, a worker gets a batch only when it has none, and batches shrink with what is left,
    // so that the workers finish together instead of one working alone through its last batches (measured on the
    // 4.4 MB bench archive with --jobs 2: without this the last worker finished about 50 ms after the other, in a run
    // of 0.8 s)
    const depth = this.ending ? 1 : BATCHES;
    for (let round = 0; round < depth; round++) {
      for (const slot of this.workers) {
        if (!this.waiting.length) return;
        if (!slot.ready || slot.batches.length > round) continue;
        const most = this.ending ? Math.min(BATCH_DOCS, Math.ceil(this.waiting.length / (2 * this.workers.length))) : BATCH_DOCS;
        let n = 0;
        let bytes = 0;
        while (n < this.waiting.length && n < most && (n === 0 || bytes + this.waiting[n]!.task.bytes.byteLength <= BATCH_BYTES)) {
          bytes += this.waiting[n]!.task.bytes.byteLength;
          n++;
        }
        const batch = this.waiting.splice(0, n);
        slot.batches.push(batch);
        // the bytes are transferred, not copied
        const message: BatchMessage = { tasks: batch.map((p) => p.task), freed: slot.freed };
        slot.freed = [];
        slot.w.postMessage(
          message,
          batch.map((p) => p.task.bytes),
        );
      }
    }
  }

  /** Event-loop utilisation of the workers since `since` (per worker, 0..1): near 1 means they never waited for
   * work. Snapshot with no argument. */
  utilisation(since?: Map<Worker, ReturnType<Worker['performance']['eventLoopUtilization']>>) {
    const now = new Map<Worker, ReturnType<Worker['performance']['eventLoopUtilization']>>();
    const out: number[] = [];
    for (const s of this.workers) {
      const u = s.w.performance.eventLoopUtilization();
      now.set(s.w, u);
      const before = since?.get(s.w);
      if (before) out.push(s.w.performance.eventLoopUtilization(u, before).utilization);
    }
    return { now, out };
  }

  /** Stop: drop what waits, let each worker finish the document it is on (terminating a thread inside jieba's
   * native code aborts the process), then end the threads. */
  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.workers) Atomics.store(s.current, 1, 1);
    this.waiting = [];
    // a worker still loading its dictionaries is in native code too: when one could not start, the others are
    // waited for (ending one inside jieba aborted the whole process, with no message)
    await Promise.allSettled(this.starting);
    while (this.workers.some((s) => s.batches.length > 0)) await new Promise<void>((r) => (this.onIdle = r));
    await Promise.all(this.workers.map((s) => s.w.terminate()));
  }

  private onIdle: (() => void) | null = null;
  private checkIdle(): void {
    if (this.onIdle && !this.workers.some((s) => s.batches.length > 0)) {
      const r = this.onIdle;
      this.onIdle = null;
      r();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// the run

interface Item extends WalkItem {
  seq: number;
  /** earlier output of the same key, by source */
  candidates: { source: Source; entry: Entry; index: number; start: number; end: number }[];
  /** main-file entries skipped before this item (deleted inputs): the output must be rewritten from here */
}

interface Done {
  item: Item;
  sig: string;
  bytes: number;
  reuse?: { source: Source; entry: Entry; index: number; start: number; end: number };
  result?: TaskResult;
}

function done(item: Item, sig: string, bytes: number, reuse: Done['reuse'], result: TaskResult | undefined): Done {
  return { item, sig, bytes, reuse, result };
}

interface OpenedOutput {
  stateNote: string;
  headerLength: number;
  /** where the writer starts in the data files and the journal */
  ends: [number, number, number];
  jpos: number;
  /** inputs committed in the main files by an earlier run of the same command */
  mainEntries: number;
  gens: Source[];
  dataFds: number[];
  journalFd: number;
}

/** The output folder's files, opened for this run: resumed from an earlier run of the same command (what a killed
 * run wrote after its last journal line cut off) or started afresh. */
function openOutput(header: Header, journalPath: string, dataPaths: string[], stateDir: string, fresh: boolean): OpenedOutput {
  const sameRun = (h: Header) => h.extractors === header.extractors && JSON.stringify(h.inputs) === JSON.stringify(header.inputs);
  let stateNote = 'fresh';
  let headerLength = 0;
  let ends: [number, number, number] = [0, 0, 0];
  let jpos = 0;
  let mainEntries = 0;
  const old = fresh ? null : readHeader(journalPath);
  if (old && sameRun(old.header) && dataPaths.every((p) => existsSync(p))) {
    const c = committedEnd(journalPath, old.length);
    if (dataPaths.every((p, n) => fileSize(p) >= c.ends[n]!)) {
      headerLength = old.length;
      ends = c.ends;
      jpos = c.journal;
      mainEntries = c.entries;
      // cut what a killed run wrote after its last journal line
      dataPaths.forEach((p, n) => {
        if (fileSize(p) > ends[n]!) truncateFile(p, ends[n]!);
      });
      if (fileSize(journalPath) > jpos) truncateFile(journalPath, jpos);
      // the writer starts at the top, moving over the main files' entries as long as the inputs match them
      ends = [0, 0, 0];
      jpos = old.length;
      stateNote = `resumed: ${mainEntries} inputs in the output folder`;
    } else {
      stateNote = 'fresh: the output files were shorter than the journal says';
    }
  } else if (old) {
    stateNote = fresh
      ? 'fresh: --fresh'
      : !sameRun(old.header)
        ? 'fresh: the extractors or the inputs changed'
        : 'fresh: an output file was missing';
  } else if (fresh) stateNote = 'fresh: --fresh';
  const gens: Source[] = [];
  if (headerLength === 0) {
    // start afresh: empty output, a new journal, no gens
    for (const g of listGens(stateDir)) rmSync(g, { recursive: true, force: true });
    for (const p of dataPaths) writeFileSync(p, '');
    const h = Buffer.from(JSON.stringify(header) + '\n');
    writeFileSync(journalPath, h);
    headerLength = h.length;
    jpos = headerLength;
  } else {
    for (const g of listGens(stateDir)) {
      const s = openGen(g, header.extractors, header.inputs);
      if (s) gens.push(s);
      else rmSync(g, { recursive: true, force: true });
    }
  }
  const dataFds: number[] = [];
  try {
    for (const p of dataPaths) dataFds.push(openSync(p, 'r+'));
    const journalFd = openSync(journalPath, 'r+');
    return { stateNote, headerLength, ends, jpos, mainEntries, gens, dataFds, journalFd };
  } catch (e) {
    for (const fd of dataFds) closeSync(fd);
    throw e;
  }
}

export async function runExtract(opts: RunOptions): Promise<RunSummary> {
  // Ctrl-C is caught from here to the end (and by the CLI's entry from before this module was loaded): whenever it
  // comes, the run stops at an input boundary and writes run.json
  const signals = catchSignals();
  try {
    signalAt('start');
    return await extractRun(opts, signals);
  } finally {
    signals.release();
  }
}

async function extractRun(opts: RunOptions, signals: CaughtSignals): Promise<RunSummary> {
  await checkOutDir(opts.outDir);
  const { UsageError } = await import('./cli.js');
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const jobsAsked = opts.jobs ?? availableParallelism();
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const out = opts.outDir;
  const stateDir = join(out, STATE_DIR);
  const journalPath = join(stateDir, 'journal.jsonl');
  const dataPaths = DATA_FILES.map((f) => join(out, f));
  const say = (s: string) => {
    if (!opts.quiet) process.stderr.write(`bulletin-miner: ${s}\n`);
  };

  await mkdirs(stateDir);
  let releaseLock: () => void;
  try {
    releaseLock = takeLock(stateDir);
  } catch (e) {
    throw new UsageError(`${messageOf(e)}: ${out}`);
  }

  // start the workers now: they load their dictionaries while the state is checked and the walk begins (none when
  // the run was interrupted already: it only writes run.json)
  const sizing = await sizeInputs(opts.inputs);
  const { workers: jobs, warmUp } = startup(jobsAsked, sizing);
  const pool = new Pool(signals.received ? 0 : jobs, warmUp);
  signalAt('workers');
  let tReady = 0;
  let cpuAtReady: NodeJS.CpuUsage | null = null;
  let eluAtReady: ReturnType<Pool['utilisation']>['now'] | undefined;
  let workerBusy: number[] = [];
  const poolReady = pool.ready.then(() => {
    tReady = performance.now();
    cpuAtReady = process.cpuUsage();
    eluAtReady = pool.utilisation().now;
  });
  poolReady.catch(() => undefined);

  // ---- the state of earlier runs
  const header: Header = { bulletin_miner_journal: 1, extractors: EXTRACTORS_VERSION, inputs: opts.inputs };
  let opened: OpenedOutput;
  try {
    opened = openOutput(header, journalPath, dataPaths, stateDir, !!opts.fresh);
  } catch (e) {
    // the workers are starting: a run that cannot open its output must still end them, or they keep the
    // process alive after the message (an output file that is a folder would hang the CLI)
    await pool.close();
    releaseLock();
    throw new UsageError(`cannot open the output files in ${out}: ${messageOf(e)}`);
  }
  const { stateNote, headerLength, mainEntries, gens, dataFds, journalFd } = opened;
  let { ends, jpos } = opened;
  const mainSource: Source & { dead?: boolean } = {
    name: 'main',
    cursor: new LineCursor(journalFd, headerLength),
    dataFds,
    base: [0, 0, 0],
    journalFd,
  };
  if (mainEntries === 0) mainSource.dead = true;
  const sources: (Source & { dead?: boolean })[] = [mainSource, ...gens];
  let prefix = !mainSource.dead; // writing in place over the main files' identical prefix
  let mainNext = 0; // index of the next main entry the writer expects in prefix mode

  // ---- totals
  const t = {
    documents: 0, records: 0, errors: 0, extracted: 0, skipped: 0, inputs: 0,
    bytes: 0, bytesExtracted: 0, errorsByKind: new Map<string, number>(), warningsByKind: new Map<string, number>(),
  };
  const count = (e: Pick<Entry, 'n' | 'd' | 'b' | 'x' | 'w'>) => {
    t.inputs++;
    t.records += e.n;
    t.documents += e.d;
    if (e.d) t.bytes += e.b;
    t.errors += e.x.length;
    for (const k of e.x) t.errorsByKind.set(k, (t.errorsByKind.get(k) ?? 0) + 1);
    for (const k of e.w) t.warningsByKind.set(k, (t.warningsByKind.get(k) ?? 0) + 1);
  };

  // files in the input folders that are not inputs (other extensions), by extension: counted, so that an
  // archive of .shtml pages or of files without an extension does not give 0 documents without a word
  const ignored = new Map<string, number>();

  // ---- writing, in input order
  // tests only: BULLETIN_MINER_CRASH=N:phase kills the process (SIGKILL, as `kill -9` would) while writing the
  // N-th input this run writes, after its records, its document line or its journal line
  const crashAt = /^(\d+):(records|document|journal)$/.exec(process.env.BULLETIN_MINER_CRASH ?? '');
  let writtenHere = 0;
  const crashPoint = (phase: string) => {
    if (crashAt && Number(crashAt[1]) === writtenHere && crashAt[2] === phase) process.kill(process.pid, 'SIGKILL');
  };
  const divergence = () => {
    // the output differs from the main files from here on: move their tail to a gen, copy from there
    prefix = false;
    const journalSize = fstatSync(journalFd).size;
    if (journalSize > jpos) {
      const g = makeGen(stateDir, header, journalFd, jpos, dataFds, ends);
      const genJournal = openSync(join(g.dir, 'journal.jsonl'), 'r');
      mainSource.cursor.moveTo(genJournal, jpos - g.headerLength);
      mainSource.journalFd = genJournal;
      mainSource.dataFds = DATA_FILES.map((f) => openSync(join(g.dir, f), 'r'));
      mainSource.base = [...ends];
      mainSource.name = g.dir;
    } else {
      mainSource.dead = true;
    }
    dataFds.forEach((fd, n) => ftruncateSync(fd, ends[n]!));
    ftruncateSync(journalFd, jpos);
  };
  const writeBytes = (fd: number, data: Uint8Array, from: number, len: number, at: number) => {
    let done = 0;
    while (done < len) done += writeSync(fd, data, from + done, len - done, at + done);
  };
  const writeEntry = (e: Entry) => {
    const b = Buffer.from(JSON.stringify(e) + '\n');
    writeSync(journalFd, b, 0, b.length, jpos);
    jpos += b.length;
  };
  const write = (d: Done) => {
    if (prefix) {
      if (d.reuse && d.reuse.source === mainSource && d.reuse.index === mainNext) {
        const e = d.reuse.entry;
        ends = [e.o[0] + e.l[0], e.o[1] + e.l[1], e.o[2] + e.l[2]];
        jpos = d.reuse.end;
        mainNext++;
        t.skipped += e.d;
        count(e);
        return;
      }
      divergence();
    }
    const o: [number, number, number] = [...ends];
    let entry: Entry;
    if (d.reuse) {
      const { source, entry: e } = d.reuse;
      for (let n = 0; n < 3; n++) copyRange(source.dataFds[n]!, e.o[n]! - source.base[n]!, e.l[n]!, dataFds[n]!, o[n]!);
      entry = { i: d.item.i, k: d.item.k, s: d.sig, o, l: e.l, n: e.n, d: e.d, b: e.b, x: e.x, w: e.w };
      t.skipped += e.d;
    } else {
      const r = d.result!;
      // records first, the document line after them, the journal line last: the journal commits the input
      const l = r.len;
      writeBytes(dataFds[0]!, r.bytes, 0, l[0], o[0]);
      crashPoint('records');
      writeBytes(dataFds[1]!, r.bytes, l[0], l[1], o[1]);
      writeBytes(dataFds[2]!, r.bytes, l[0] + l[1], l[2], o[2]);
      r.release?.();
      crashPoint('document');
      entry = { i: d.item.i, k: d.item.k, s: d.sig, o, l, n: r.nRecords, d: r.doc ? 1 : 0, b: d.bytes, x: r.errorKinds, w: r.warningKinds };
      if (entry.d) {
        t.extracted++;
        t.bytesExtracted += d.bytes;
      }
    }
    ends = [o[0] + entry.l[0], o[1] + entry.l[1], o[2] + entry.l[2]];
    writeEntry(entry);
    count(entry);
    crashPoint('journal');
    writtenHere++;
    signalAt(`written:${writtenHere}`);
  };

  // ---- progress
  const showBar = opts.progress ?? (!opts.quiet && !!process.stderr.isTTY);
  let bar: cliProgress.SingleBar | null = null;
  let tFirst = 0;
  if (showBar) {
    bar = new cliProgress.SingleBar(
      {
        format: 'extract {bar} {value}/{total} docs | {mbs} MB/s | ETA {left} | {errors} errors',
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 200,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0, { mbs: '0.0', errors: 0, left: '…' });
    // count the inputs in the background so the bar has a total (the walk itself is lazy)
    void (async () => {
      let n = 0;
      for await (const it of walkInputs(opts.inputs)) {
        void it;
        n++;
        if (n % 500 === 0) bar?.setTotal(n);
      }
      bar?.setTotal(n);
    })().catch(() => undefined);
  }

  // ---- interruption: stop taking inputs, finish the input being written, leave the files valid
  let interrupted = false;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((r) => (stop = r));
  const onSignal = (sig: NodeJS.Signals) => {
    if (interrupted) {
      // a second Ctrl-C: the files are valid at every input boundary anyway; run.json says where the run was
      writeRunJson(false);
      releaseLock();
      process.exit(130);
    }
    interrupted = true;
    bar?.stop();
    bar = null;
    say(`${sig}: stopping; the output written so far is kept, run the same command again to go on`);
    stop();
  };
  signals.listen(onSignal);

  // ---- the pipeline: walk → read (p-queue) → reuse or extract (pool) → reorder → write
  // how far reading runs ahead of writing: twice what the workers' batches hold, so that a worker that finishes a
  // batch before an older one is written still finds documents read, and the end of the input is seen while
  // there is work left to share out (see Pool.endOfInput) (measured on the 4.4 MB bench archive with --jobs 2,
  // against just what the batches hold: +2.5-4.5% MB/s, the workers finishing within 4 ms of each other instead of
  // up to 46 ms apart); while the workers start, only their first batches. And a cap on their bytes, so that
  // memory stays flat whatever the files' sizes.
  const inFlight = Math.max(16, jobs * BATCHES * BATCH_DOCS);
  const window = 2 * inFlight;
  const AHEAD_BYTES = 64 << 20;
  let aheadBytes = 0;
  const io = new PQueue({ concurrency: Math.max(4, jobs * 2) });
  const pending = new Map<number, Done>();
  let nextWrite = 0;
  let seq = 0;
  let wake: (() => void) | null = null;
  // reading goes on to the full window once the workers are ready
  poolReady.then(
    () => {
      const w = wake;
      wake = null;
      w?.();
    },
    () => undefined,
  );
  let failure: unknown = null;

  const flush = () => {
    while (!interrupted && failure === null && pending.has(nextWrite)) {
      const d = pending.get(nextWrite)!;
      pending.delete(nextWrite);
      aheadBytes -= d.bytes;
      try {
        write(d);
      } catch (e) {
        failure = e;
        stop();
        return;
      }
      nextWrite++;
      if (bar) bar.update(t.inputs, { mbs: mbps().toFixed(2), errors: t.errors, left: eta() });
    }
    if (wake) {
      const w = wake;
      wake = null;
      w();
    }
  };
  const eta = (): string => {
    const total = bar?.getTotal() ?? 0;
    const s = (performance.now() - (tFirst || t0)) / 1000;
    if (!total || t.inputs === 0 || s <= 0) return '…';
    const left = Math.max(0, Math.round(((total - t.inputs) * s) / t.inputs));
    const h = Math.floor(left / 3600);
    const m = Math.floor((left % 3600) / 60);
    return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(left % 60).padStart(2, '0')}s` : `${left}s`;
  };
  const mbps = () => {
    const s = (performance.now() - (tFirst || t0)) / 1000;
    return s > 0 ? t.bytesExtracted / 1e6 / s : 0;
  };
  const finish = (d: Done) => {
    pending.set(d.item.seq, d);
    flush();
  };

  const process1 = async (item: Item): Promise<void> => {
    if (item.error) {
      const sig = `e:${item.error.kind}:${item.error.message}`;
      const reuse = item.candidates.find((c) => c.entry.s === sig);
      finish(done(item, sig, 0, reuse, errorResult(item, item.error)));
      return;
    }
    let bytes: Buffer;
    try {
      bytes = (await io.add(() => readInput(item.file!, maxFileBytes))) as Buffer;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const kind = code === 'TOOLARGE' ? 'too-large' : code === 'NOTAFILE' ? 'not-a-file' : kindOf(e);
      const error = { path: item.rel, kind, message: messageOf(e) };
      const sig = `e:${kind}:${error.message}`;
      finish(done(item, sig, 0, item.candidates.find((c) => c.entry.s === sig), errorResult(item, error)));
      return;
    }
    aheadBytes += bytes.length;
    const sig = createHash('sha256').update(bytes).digest('hex');
    const reuse = item.candidates.find((c) => c.entry.s === sig);
    if (reuse) {
      finish(done(item, sig, bytes.length, reuse, undefined));
      return;
    }
    // hand the bytes to a worker without copying them when they own their memory
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const size = bytes.length;
    const result = await pool.run({ seq: item.seq, rel: item.rel, file: item.file!, bytes: own as ArrayBuffer, sha256: sig });
    // a crash is not a property of the bytes: such an entry is never reused, the next run tries again
    const retry = result.errorKinds.some((k) => k === 'worker-crash' || k === 'out-of-memory' || k === 'internal-error');
    finish(done(item, retry ? `retry:${sig}` : sig, size, undefined, result));
  };

  const inflight = new Set<Promise<void>>();
  let allWritten = false; // every input walked and written (an interrupt that comes after that does not undo it)
  let tDone = 0; // when the last input was written
  let cpuExtract = 0; // CPU seconds of the whole process (all threads) from the workers being ready to tDone
  try {
    // the walk and the first reads go on while the workers start, so that their first batches are there when they
    // are ready (measured on the 4.4 MB bench archive: read after start-up, the first documents reached the workers
    // 8-20 ms after they were ready, in a run of 0.6 s)
    const walker = walkChunks(opts.inputs, ignored);
    const pump = (async () => {
      walking: for await (const chunk of walker) for (const w of chunk) {
        if (interrupted || failure) break walking;
        while ((seq - nextWrite >= (tReady ? window : inFlight) || aheadBytes >= AHEAD_BYTES) && !interrupted && !failure) {
          await new Promise<void>((r) => (wake = r));
        }
        if (interrupted || failure) break walking;
        if (!tFirst) tFirst = performance.now();
        // (every item and every Done of one shape, made by one literal: with shapes that differed by the walk item's
        // kind, the main thread's reads of them were megamorphic)
        const item: Item = { i: w.i, k: w.k, rel: w.rel, file: w.file, error: w.error, seq: seq++, candidates: [] };
        for (const s of sources) {
          if (s.dead) continue;
          let p = s.cursor.peek();
          while (p && compareKeys(p.value, item) < 0) {
            s.cursor.next();
            p = s.cursor.peek();
          }
          if (p && compareKeys(p.value, item) === 0) {
            const e = s.cursor.next()!;
            item.candidates.push({ source: s, entry: e.value, index: e.index, start: e.start, end: e.end });
          }
        }
        const pr = process1(item).catch((e) => {
          failure = e;
          stop();
        });
        inflight.add(pr);
        void pr.finally(() => inflight.delete(pr));
      }
      pool.endOfInput();
      await Promise.all([...inflight]);
    })();
    try {
      await Promise.race([poolReady, stopped]);
    } catch (e) {
      failure = e;
      stop();
      throw e;
    }
    await Promise.race([pump, stopped]);
    if (!interrupted && failure === null) {
      await pump;
      allWritten = nextWrite === seq;
      signalAt('done');
    }
    tDone = performance.now();
    if (eluAtReady) workerBusy = pool.utilisation(eluAtReady).out;
    if (cpuAtReady) {
      const c = process.cpuUsage(cpuAtReady);
      cpuExtract = (c.user + c.system) / 1e6;
    }
  } catch {
    /* failure holds it */
  } finally {
    bar?.update(t.inputs);
    bar?.stop();
    await pool.close();
  }
  if (failure) {
    closeAll(dataFds, journalFd, sources);
    releaseLock();
    throw failure;
  }

  const complete = allWritten;
  if (complete) {
    // inputs that were in the old output but are gone now: drop them
    dataFds.forEach((fd, n) => ftruncateSync(fd, ends[n]!));
    ftruncateSync(journalFd, jpos);
  } else if (!prefix) {
    // nothing to do: the main files end at the last committed input
  }
  closeAll(dataFds, journalFd, sources);
  if (complete) {
    for (const g of listGens(stateDir)) rmSync(g, { recursive: true, force: true });
    // a gen whose copy was cut short by a kill
    for (const n of readdirSync(stateDir)) if (/^gen-\d+\.tmp$/.test(n)) rmSync(join(stateDir, n), { recursive: true, force: true });
  }

  const { run, seconds, ignoredSorted, ignoredTotal } = writeRunJson(complete);
  releaseLock();
  const kinds = [...t.errorsByKind].map(([k, n]) => `${n} ${k}`).join(', ');
  say(
    `${interrupted ? 'interrupted after ' : ''}${t.documents} documents (${t.extracted} extracted, ${t.skipped} unchanged and skipped), ` +
      `${t.records} records, ${t.errors} errors${kinds ? ` (${kinds})` : ''} → ${out} in ${seconds.total}s` +
      (run.mb_per_second ? `, ${run.mb_per_second} MB/s` : ''),
  );
  if (ignoredTotal) {
    const exts = ignoredSorted.slice(0, 5).map(([e, n]) => `${n} ${e || 'without an extension'}`).join(', ');
    say(`${ignoredTotal} other files ignored, not ${[...INPUT_EXTENSIONS].join('/')} (${exts}${ignoredSorted.length > 5 ? ', …' : ''}; see run.json)`);
  }
  return { documents: t.documents, records: t.records, errors: t.errors, extracted: t.extracted, skipped: t.skipped, interrupted };

  /** run.json: the totals so far, written whole (a temporary file renamed over it). */
  function writeRunJson(complete: boolean) {
    const tEnd = performance.now();
    const extractStart = Math.max(tReady || tEnd, tFirst || tEnd);
    const seconds = {
      total: round((tEnd - t0) / 1000),
      startup: round(((tReady || tEnd) - t0) / 1000),
      extract: round(((tDone || tEnd) - Math.min(extractStart, tDone || tEnd)) / 1000),
    };
    const ignoredSorted = [...ignored].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const ignoredTotal = ignoredSorted.reduce((a, [, n]) => a + n, 0);
    const run = {
      extractors: EXTRACTORS_VERSION,
      inputs: opts.inputs,
      // the inputs resolved against the folder the run was started in: what `report` reads the texts from, from
      // wherever it is run (`inputs` keeps what the user typed)
      inputs_absolute: opts.inputs.map((p) => resolve(p)),
      jobs,
      jobs_asked: jobsAsked,
      warm_up_mb: warmUp / 1e6,
      started_at: startedAt,
      finished_at: new Date().toISOString(),
      complete,
      interrupted,
      state: stateNote,
      documents: t.documents,
      extracted: t.extracted,
      skipped_unchanged: t.skipped,
      records: t.records,
      errors: t.errors,
      errors_by_kind: Object.fromEntries(t.errorsByKind),
      warnings_by_kind: Object.fromEntries(t.warningsByKind),
      ignored_files: ignoredTotal,
      ignored_by_extension: Object.fromEntries(ignoredSorted.map(([e, n]) => [e || '(none)', n])),
      bytes: t.bytes,
      bytes_extracted: t.bytesExtracted,
      seconds,
      mb_per_second: seconds.extract > 0 ? round(t.bytesExtracted / 1e6 / seconds.extract) : null,
      cpu_seconds_extract: round(cpuExtract),
      worker_busy: workerBusy.map((u) => Math.round(u * 1000) / 1000),
      mb_per_cpu_second: cpuExtract > 0 ? round(t.bytesExtracted / 1e6 / cpuExtract) : null,
      mb_per_second_wall: seconds.total > 0 ? round(t.bytesExtracted / 1e6 / seconds.total) : null,
      documents_per_second: seconds.extract > 0 ? round(t.extracted / seconds.extract) : null,
      peak_rss_mb: peakRssMb(),
    };
    const tmp = join(out, `run.json.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(run, null, 2) + '\n');
    renameSync(tmp, join(out, 'run.json'));
    return { run, seconds, ignoredSorted, ignoredTotal };
  }
}

/** readInput's scratch byte, for the read that checks a file ends where fstat said. */
const probe = Buffer.alloc(1);

/** A file's bytes, read with blocking calls: for the small files of an archive, four system calls cost the main
 * thread less than the promise-based stat and readFile, whose every step wakes a thread-pool thread and then
 * the main thread again (measured: about 85 against 20 microseconds a file). Opened non-blocking, so that a fifo
 * is refused at once instead of waiting for a writer; refused too when larger than `max`. The buffer owns its
 * memory, so it can be handed to a worker without a copy. */
export function readInput(file: string | Buffer, max: number): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw Object.assign(new Error('not a regular file (fifo, socket or device): skipped'), { code: 'NOTAFILE' });
    if (info.size > max) {
      throw Object.assign(new Error(`the file is ${mib(info.size)} MiB, over the limit of ${mib(max)} MiB per file (raise it with --max-file-mb): refused`), {
        code: 'TOOLARGE',
      });
    }
    // read to the end: a file can grow after fstat (up to the limit) or be shorter than it said. The buffer has
    // the size fstat gave; when it is full, a read of one byte into a scratch buffer says whether the file ends
    // there (it nearly always does: then the buffer is returned as it is, not copied into a larger one and back)
    let buf = Buffer.allocUnsafeSlow(Math.max(info.size, 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length >= max + 1) break;
        const r = readSync(fd, probe, 0, 1, null);
        if (r === 0) break;
        const bigger = Buffer.allocUnsafeSlow(Math.min(buf.length * 2, max + 1));
        buf.copy(bigger, 0, 0, n);
        bigger[n++] = probe[0]!;
        buf = bigger;
        continue;
      }
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
    }
    if (n > max) {
      throw Object.assign(new Error(`the file grew over the limit of ${mib(max)} MiB per file while being read (raise it with --max-file-mb): refused`), {
        code: 'TOOLARGE',
      });
    }
    return n === buf.length ? buf : Buffer.from(buf.buffer.slice(0, n));
  } finally {
    closeSync(fd);
  }
}

function errorResult(item: WalkItem, error: ErrorRecord): TaskResult {
  return packResult(0, '', '', errorLine({ ...error, path: error.path || item.rel }) + '\n', { nRecords: 0, errorKinds: [error.kind], warningKinds: [] });
}

function closeAll(dataFds: number[], journalFd: number, sources: Source[]): void {
  const fds = new Set<number>([...dataFds, journalFd]);
  for (const s of sources) {
    fds.add(s.journalFd);
    for (const fd of s.dataFds) fds.add(fd);
  }
  for (const fd of fds) {
    try {
      closeSync(fd);
    } catch {
      /* closed */
    }
  }
}

/** The process's peak resident memory, MB. On Linux from /proc (VmHWM): getrusage's maxRSS, which Node reports,
 * is kept across exec, so a run started from a large process (a script that loaded a lot, the bench with its
 * dictionaries and threads) reported that process's peak instead of its own (measured: 993 MB for every 10×
 * run of the bench, --jobs 1 included, whose own peak is 500 MB). */
function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    /* not Linux */
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function mib(n: number): string {
  return String(Math.round((n / 1048576) * 10) / 10);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
