// Reading an output folder for the report: documents, records, errors and run.json, and finding each
// document's original text again (the run's inputs + the document's path, checked against its sha256).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { decodeDocument, pdfTextOf } from '../pipeline.js';
import type { DocumentRecord, ErrorRecord, OutRecord } from '../schemas.js';

export interface OutputFolder {
  dir: string;
  documents: DocumentRecord[];
  /** records per document key (docKey) */
  records: Map<string, OutRecord[]>;
  recordCount: number;
  errors: ErrorRecord[];
  run: { inputs?: string[]; inputs_absolute?: string[]; [k: string]: unknown } | null;
  /** lines that were not valid JSON, per file */
  badLines: { file: string; line: number }[];
}

export const docKey = (doc_id: string, path: string) => `${doc_id}\u0000${path}`;

async function eachLine(file: string, fn: (line: string, n: number) => void): Promise<void> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim()) fn(line, n);
  }
}

export async function loadOutput(dir: string): Promise<OutputFolder> {
  const out: OutputFolder = { dir, documents: [], records: new Map(), recordCount: 0, errors: [], run: null, badLines: [] };
  const parse = (file: string) => (line: string, n: number) => {
    try {
      return JSON.parse(line);
    } catch {
      out.badLines.push({ file, line: n });
      return null;
    }
  };
  const p = parse('documents.jsonl');
  await eachLine(join(dir, 'documents.jsonl'), (line, n) => {
    const d = p(line, n);
    if (d && typeof d === 'object') out.documents.push(d);
  });
  const known = new Set(out.documents.map((d) => docKey(d.doc_id, d.path)));
  const pr = parse('records.jsonl');
  if (existsSync(join(dir, 'records.jsonl'))) {
    await eachLine(join(dir, 'records.jsonl'), (line, n) => {
      const r = pr(line, n) as OutRecord | null;
      if (!r || typeof r !== 'object' || typeof r.id !== 'string') return;
      const key = docKey(r.doc_id, r.path);
      if (!known.has(key)) {
        // a record of a document missing from documents.jsonl still gets shown
        known.add(key);
        out.documents.push(placeholderDocument(r));
      }
      let list = out.records.get(key);
      if (!list) out.records.set(key, (list = []));
      list.push(r);
      out.recordCount++;
    });
  }
  const pe = parse('errors.jsonl');
  if (existsSync(join(dir, 'errors.jsonl'))) {
    await eachLine(join(dir, 'errors.jsonl'), (line, n) => {
      const e = pe(line, n);
      if (e && typeof e === 'object') out.errors.push(e);
    });
  }
  try {
    out.run = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8'));
  } catch {
    out.run = null;
  }
  return out;
}

function placeholderDocument(r: OutRecord): DocumentRecord {
  return {
    doc_id: r.doc_id,
    path: r.path,
    bytes: 0,
    sha256: '',
    encoding: '?',
    encoding_confidence: 0,
    format: 'text',
    script: 'simplified',
    chars: 0,
    title: null,
    counts: { amount: 0, percentage: 0, count: 0, project: 0 },
    normalization: { pinyin_annotations: 0, doubled_punctuation: 0, width_fixes: 0, number_spaces: 0, script_conversions: 0 },
    warnings: [{ kind: 'missing-document', start: 0, end: 0, message: 'records refer to this document but documents.jsonl does not list it' }],
    region: null,
    period_start: null,
    period_end: null,
    published: null,
  };
}

export type Source =
  | { ok: true; file: string; text: string; html: boolean }
  | { ok: false; reason: string };

/** Largest source file the report embeds; bigger ones are shown as a list of records. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** Where the run's inputs are: explicit --source paths first, else run.json's inputs: each as the run resolved it
 * (`inputs_absolute`) when that is still there, else as typed, resolved against the current folder, then against
 * the output folder's parent (outputs of runs that did not record absolute paths, or inputs moved since). */
export function inputRoots(out: OutputFolder, sources: string[] | undefined, cwd = process.cwd()): string[] {
  if (sources && sources.length) return sources.map((s) => resolve(cwd, s));
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const inputs = strings(out.run?.inputs);
  const absolute = strings(out.run?.inputs_absolute);
  const roots: string[] = [];
  inputs.forEach((inp, i) => {
    const cands = [...(absolute.length === inputs.length ? [absolute[i]!] : []), ...(isAbsolute(inp) ? [inp] : [resolve(cwd, inp), resolve(dirname(resolve(out.dir)), inp)])];
    roots.push(cands.find((c) => existsSync(c)) ?? cands[0]!);
  });
  return roots;
}

/** Find, read and decode a document's original text; the bytes must still hash to the document's sha256. */
export async function loadSource(doc: DocumentRecord, roots: string[]): Promise<Source> {
  const candidates: string[] = [];
  for (const root of roots) {
    let isFile = false;
    try {
      isFile = statSync(root).isFile();
    } catch {
      continue;
    }
    if (isFile) {
      if (basename(root) === doc.path) candidates.push(root);
    } else candidates.push(join(root, doc.path));
  }
  if (!doc.sha256) return { ok: false, reason: 'the document is not listed in documents.jsonl' };
  let changed = false;
  let tooBig = false;
  for (const file of candidates) {
    let bytes: Buffer;
    try {
      const st = statSync(file);
      if (!st.isFile()) continue;
      if (st.size > MAX_SOURCE_BYTES) {
        tooBig = true;
        continue;
      }
      bytes = await readFile(file);
    } catch {
      continue;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== doc.sha256) {
      changed = true;
      continue;
    }
    try {
      // the original text as the pipeline made it (a web page's visible text, a PDF's text layer), so that offsets
      // point into it
      const { text, html } = decodeDocument(bytes, doc.path, await pdfTextOf(bytes, doc.path));
      return { ok: true, file, text, html };
    } catch (e) {
      return { ok: false, reason: `the source could not be decoded: ${(e as Error).message}` };
    }
  }
  if (changed) return { ok: false, reason: 'the source file changed since the run (its SHA-256 differs): records shown without the text' };
  if (tooBig) return { ok: false, reason: `the source file is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB: records shown without the text` };
  if (!roots.length) return { ok: false, reason: 'run.json names no inputs (use --source PATH): records shown without the text' };
  return { ok: false, reason: 'the source file was not found under the run\'s inputs (use --source PATH): records shown without the text' };
}
