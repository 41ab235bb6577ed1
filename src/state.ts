// The state of resumable, incremental runs. It lives in the output folder, in DIR/.bulletin-miner/:
//
//   journal.jsonl   a header line, then one line per input written to DIR/records.jsonl, documents.jsonl and
//                   errors.jsonl, in output order: its key (input index + path parts), its signature (SHA-256 of
//                   the bytes, or the error it gave without bytes), and the byte ranges its lines occupy in the
//                   three files. A journal line is written after the lines it describes, so the journal's last
//                   complete line says how much of the three files is committed; anything after it (a run killed
//                   mid-write) is cut off when the next run starts.
//   gen-N/          an earlier output's tail, kept while a run rewrites the output (files changed, added or
//                   deleted in the middle of the archive); its unchanged documents are copied from there instead
//                   of being extracted again. Removed when a run completes.
//   lock            the pid of the run writing to DIR.
//
// The output is always in the order of the sorted inputs, and a run that completes leaves exactly what a fresh
// run would have written. Only the header's extractors version and input list must match for any reuse.
import { closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const STATE_DIR = '.bulletin-miner';
export const DATA_FILES = ['records.jsonl', 'documents.jsonl', 'errors.jsonl'] as const;

export interface Key {
  /** index of the INPUT argument the item was found under */
  i: number;
  /** its path under that input, split into parts */
  k: string[];
}

export interface Entry extends Key {
  /** signature: sha256 of the bytes, or `e:kind:message` for an input that failed before its bytes were read */
  s: string;
  /** offsets of its lines in records, documents, errors */
  o: [number, number, number];
  /** byte lengths of its lines */
  l: [number, number, number];
  /** number of records, documents (0 or 1) */
  n: number;
  d: number;
  /** bytes of the input */
  b: number;
  /** error kinds and warning kinds */
  x: string[];
  w: string[];
}

export interface Header {
  bulletin_miner_journal: 1;
  extractors: string;
  inputs: string[];
  /** for a gen: the offsets in the main files its data started at */
  base?: [number, number, number];
}

/** Order of the walk: input index, then path parts compared as the walk sorts folder entries. */
export function compareKeys(a: Key, b: Key): number {
  if (a.i !== b.i) return a.i - b.i;
  const n = Math.min(a.k.length, b.k.length);
  for (let j = 0; j < n; j++) {
    const x = a.k[j]!;
    const y = b.k[j]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.k.length - b.k.length;
}

/** Reads complete JSON lines of a file from a byte position, synchronously, in small chunks (memory stays flat). */
export class LineCursor {
  private buf = Buffer.alloc(0);
  private bufPos = 0; // file position of buf[0]
  private eof = false;
  private peeked: { value: Entry; start: number; end: number } | null = null;
  index = 0;

  constructor(
    private fd: number,
    private pos: number,
  ) {
    this.bufPos = pos;
  }

  /** Switch to another file holding the same lines, where the line at `pos` now sits at `newPos`. */
  moveTo(fd: number, delta: number): void {
    this.fd = fd;
    this.pos -= delta;
    this.bufPos -= delta;
    if (this.peeked) {
      this.peeked.start -= delta;
      this.peeked.end -= delta;
    }
  }

  private readLine(): { text: string; start: number; end: number } | null {
    for (;;) {
      const nl = this.buf.indexOf(10, this.pos - this.bufPos);
      if (nl >= 0) {
        const start = this.pos;
        const text = this.buf.toString('utf8', this.pos - this.bufPos, nl);
        this.pos = this.bufPos + nl + 1;
        return { text, start, end: this.pos };
      }
      if (this.eof) return null; // an incomplete last line is not a line
      const rest = this.buf.subarray(this.pos - this.bufPos);
      const chunk = Buffer.alloc(Math.max(1 << 16, rest.length * 2));
      rest.copy(chunk);
      const got = readSync(this.fd, chunk, rest.length, chunk.length - rest.length, this.pos + rest.length);
      if (got === 0) this.eof = true;
      this.buf = chunk.subarray(0, rest.length + got);
      this.bufPos = this.pos;
    }
  }

  peek(): { value: Entry; start: number; end: number } | null {
    while (!this.peeked) {
      const line = this.readLine();
      if (!line) return null;
      try {
        this.peeked = { value: JSON.parse(line.text) as Entry, start: line.start, end: line.end };
      } catch {
        return null; // a damaged line ends what can be trusted
      }
    }
    return this.peeked;
  }

  next(): { value: Entry; start: number; end: number; index: number } | null {
    const p = this.peek();
    if (!p) return null;
    this.peeked = null;
    return { ...p, index: this.index++ };
  }
}

export function readHeader(file: string): { header: Header; length: number } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(1 << 16);
    const got = readSync(fd, buf, 0, buf.length, 0);
    const nl = buf.subarray(0, got).indexOf(10);
    if (nl < 0) return null;
    const header = JSON.parse(buf.toString('utf8', 0, nl)) as Header;
    if (header.bulletin_miner_journal !== 1) return null;
    return { header, length: nl + 1 };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Copy bytes [from, from+len) of one open file to another at `to`. */
export function copyRange(src: number, from: number, len: number, dst: number, to: number): void {
  const buf = Buffer.alloc(Math.min(len, 1 << 20));
  let done = 0;
  while (done < len) {
    const n = readSync(src, buf, 0, Math.min(buf.length, len - done), from + done);
    if (n === 0) throw new Error('unexpected end of file while copying output');
    writeSync(dst, buf, 0, n, to + done);
    done += n;
  }
}

/** A place earlier output can be copied from: the main files (before the run rewrites them) or a gen. */
export interface Source {
  name: string;
  cursor: LineCursor;
  /** data files and the offset their first byte had in the main files */
  dataFds: number[];
  base: [number, number, number];
  journalFd: number;
}

export function listGens(stateDir: string): string[] {
  if (!existsSync(stateDir)) return [];
  return readdirSync(stateDir)
    .filter((n) => /^gen-\d+$/.test(n))
    .sort((a, b) => Number(b.slice(4)) - Number(a.slice(4)))
    .map((n) => join(stateDir, n));
}

/** Open a gen as a source, or null if it is damaged or from another extractors version / input list. */
export function openGen(dir: string, extractors: string, inputs: string[]): Source | null {
  const h = readHeader(join(dir, 'journal.jsonl'));
  if (!h || h.header.extractors !== extractors || JSON.stringify(h.header.inputs) !== JSON.stringify(inputs) || !h.header.base) return null;
  try {
    const journalFd = openSync(join(dir, 'journal.jsonl'), 'r');
    const dataFds = DATA_FILES.map((f) => openSync(join(dir, f), 'r'));
    return { name: dir, cursor: new LineCursor(journalFd, h.length), dataFds, base: h.header.base, journalFd };
  } catch {
    return null;
  }
}

/** Move the tail of the main output (from the given offsets on) into a new gen; the caller then truncates the
 * main files. Written under a temporary name and renamed, so a gen is either whole or absent. */
export function makeGen(
  stateDir: string,
  header: Header,
  journalFd: number,
  journalFrom: number,
  dataFds: number[],
  base: [number, number, number],
): { dir: string; headerLength: number } {
  const existing = listGens(stateDir).map((d) => Number(d.split('gen-').pop()));
  const n = (existing.length ? Math.max(...existing) : 0) + 1;
  const dir = join(stateDir, `gen-${n}`);
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const head = Buffer.from(JSON.stringify({ ...header, base }) + '\n');
  const jfd = openSync(join(tmp, 'journal.jsonl'), 'w');
  writeSync(jfd, head, 0, head.length, 0);
  const jlen = fstatSync(journalFd).size - journalFrom;
  copyRange(journalFd, journalFrom, jlen, jfd, head.length);
  closeSync(jfd);
  DATA_FILES.forEach((f, i) => {
    const fd = openSync(join(tmp, f), 'w');
    const len = fstatSync(dataFds[i]!).size - base[i]!;
    copyRange(dataFds[i]!, base[i]!, len, fd, 0);
    closeSync(fd);
  });
  renameSync(tmp, dir);
  return { dir, headerLength: head.length };
}

/** Find the committed end of a journal: the byte length of its complete lines and the data offsets its last
 * entry ends at. */
export function committedEnd(file: string, headerLength: number): { journal: number; ends: [number, number, number]; entries: number } {
  const fd = openSync(file, 'r');
  try {
    const cur = new LineCursor(fd, headerLength);
    let journal = headerLength;
    let ends: [number, number, number] = [0, 0, 0];
    let entries = 0;
    for (let e = cur.next(); e; e = cur.next()) {
      const v = e.value;
      if (!Array.isArray(v.o) || !Array.isArray(v.l)) break;
      ends = [v.o[0] + v.l[0], v.o[1] + v.l[1], v.o[2] + v.l[2]];
      journal = e.end;
      entries++;
    }
    return { journal, ends, entries };
  } finally {
    closeSync(fd);
  }
}

export function truncateFile(file: string, len: number): void {
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, len);
  } finally {
    closeSync(fd);
  }
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}

/** The lock of an output folder: a file with the pid of the run writing to it. */
export function takeLock(stateDir: string): () => void {
  const lock = join(stateDir, 'lock');
  let other: number | null = null;
  try {
    other = Number(readFileSync(lock, 'utf8').trim()) || null;
  } catch {
    /* no lock */
  }
  if (other && other !== process.pid) {
    let alive = false;
    try {
      process.kill(other, 0);
      alive = true;
    } catch (e) {
      alive = (e as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (alive) throw Object.assign(new Error(`another run (pid ${other}) is writing to this output folder`), { code: 'ELOCKED' });
  }
  writeFileSync(lock, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock, { force: true });
    } catch {
      /* already gone */
    }
  };
}
