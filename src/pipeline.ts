// The library: extractText (normalize → segment → extract → link → validate on a decoded string) and
// extractFile (which also reads and decodes). The CLI, the worker pool and the writers only move what these return.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Doc } from './doc.js';
import { CONTEXT_SENTENCE, contextOf } from './sentences.js';
import { decodeBytes, DecodeError, type Decoded } from './decode.js';
import { declaredCharset, htmlToText, isHtmlPath, looksLikeHtml } from './html.js';
import { docxText, formatOfPath, pdfText, type Format } from './formats.js';
import { codePointIndex } from './mapped.js';
import { link } from './link.js';
import { linkWhere } from './link-where.js';
import { EXTRACTORS } from '../extractors/index.js';
import type { Draft } from '../extractors/types.js';
import { z } from 'zod';
import { AnyRecord, DocumentRecord, type OutRecord, type Warning } from './schemas.js';

// The schemas compiled once (zod's AOT fast path; it falls back to the runtime parser for anything it cannot
// model, so the results and error messages are zod's own).
const RecordSchema = z.compile(AnyRecord);
const DocumentSchema = z.compile(DocumentRecord);

export interface ExtractResult {
  document: DocumentRecord;
  records: OutRecord[];
  /** records that failed validation: a bug, reported by the caller, never written */
  invalid: { record: unknown; message: string }[];
}

export interface TextOptions {
  path?: string;
  /** identity of the bytes the text was decoded from, when there were any */
  source?: { bytes: number; sha256: string; encoding: string; confidence: number; format?: Format; warnings?: { kind: string; message: string }[] };
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

type Source = NonNullable<TextOptions['source']>;

/** Append `more` to `to` (push(...more) passes every element as an argument on the stack: a document of a few MB
 * whose sentences never end has hundreds of thousands of drafts, and that overflowed the stack). */
function append<T>(to: T[], more: T[]): void {
  for (let i = 0; i < more.length; i++) to.push(more[i]!);
}

/** Run the whole pipeline on text that is already decoded; offsets point into `text`. */
export function extractText(text: string, options: TextOptions = {}): ExtractResult {
  const path = options.path ?? '<text>';
  const src = options.source ?? {
    bytes: Buffer.byteLength(text, 'utf8'),
    sha256: sha256(text),
    encoding: 'string',
    confidence: 1,
  };
  return extractDoc(new Doc(text, path), src);
}

/** Where a caller that writes records as they are made wants them (the `n`th of `of`, from 1): they are then not
 * kept in the result, so that a document with hundreds of thousands of records never holds them all at once. */
export type RecordSink = (record: OutRecord, n: number, of: number) => void;

/** The pipeline on a Doc: extractors (unless their drafts are given), link, records (to `sink` when given), the
 * document record. */
function extractDoc(doc: Doc, src: Source, given?: Draft[], sink?: RecordSink): ExtractResult {
  const text = doc.original;
  const path = doc.path;
  const docId = src.sha256.slice(0, 16);
  let drafts = given;
  if (!drafts) {
    drafts = [];
    for (const ex of EXTRACTORS) append(drafts, ex.extract(doc));
  }
  link(doc, drafts);
  const where = linkWhere(doc, drafts);
  doc.dropDerived();

  const cp = codePointIndex(text);
  // each draft's original offsets (code points); of the drafts with the same type and offsets (the same id),
  // only the first is kept
  const kept: { draft: Draft; start: number; end: number; id: string }[] = [];
  for (const d of drafts) {
    const [os, oe] = doc.mapped.toOriginal(d.start, d.end);
    kept.push({ draft: d, start: cp(os), end: cp(oe), id: '' });
  }
  // (the sort is stable, so the first of equal drafts comes first; types are lower-case ASCII words: comparing
  // code units orders them as localeCompare does, without ICU)
  kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.draft.type < b.draft.type ? -1 : a.draft.type > b.draft.type ? 1 : 0));
  const ids = new Map<Draft, string>();
  let n = 0;
  for (const k of kept) {
    const prev = n > 0 ? kept[n - 1]! : null;
    if (prev && prev.start === k.start && prev.end === k.end && prev.draft.type === k.draft.type) continue;
    k.id = `${docId}-${k.draft.type}-${k.start}-${k.end}`;
    ids.set(k.draft, k.id);
    kept[n++] = k;
  }
  kept.length = n;

  const records: OutRecord[] = [];
  const invalid: ExtractResult['invalid'] = [];
  const counts = { amount: 0, percentage: 0, count: 0, project: 0 };
  let made = 0;
  // the context of each short sentence, trimmed once however many records it holds; a long sentence gives each
  // record a bounded window around its span (contextOf)
  const contexts = new Map<object, string>();
  for (const { draft, start, end, id } of kept) {
    const sent = doc.sentenceAt(draft.start);
    let context = contexts.get(sent.run);
    if (context === undefined) {
      context = contextOf(doc.text, sent, draft.start, draft.end);
      if (sent.run.end - sent.run.start <= CONTEXT_SENTENCE) contexts.set(sent.run, context);
    }
    // the draft's fields in their order, after the record's own (a draft's start and end, normalized offsets,
    // take the places of the record's and get its values back); a project's amounts become the ids of the amount
    // records, last
    let candidate: Record<string, unknown>;
    if (draft.type === 'project') {
      const { amounts, ...fields } = draft;
      candidate = { id, doc_id: docId, path, start, end, text: doc.text.slice(draft.start, draft.end), context, ...(fields as object) };
      // (a loop, not map and filter: the arrays those return changed their element kind between documents, and
      // each change threw this function's optimised code away)
      const amountIds: string[] = [];
      for (const a of amounts) {
        const aid = ids.get(a);
        if (aid) amountIds.push(aid);
      }
      candidate.amount_ids = amountIds;
    } else candidate = { id, doc_id: docId, path, start, end, text: doc.text.slice(draft.start, draft.end), context, ...(draft as object) };
    candidate.start = start;
    candidate.end = end;
    const parsed = RecordSchema.safeParse(candidate);
    if (parsed.success) {
      counts[parsed.data.type]++;
      if (sink) sink(parsed.data, ++made, kept.length);
      else records.push(parsed.data);
    } else invalid.push({ record: candidate, message: parsed.error.message });
  }

  const warnings: Warning[] = [];
  for (const w of src.warnings ?? []) warnings.push({ kind: w.kind, start: 0, end: 0, message: w.message });
  for (const g of doc.garbled) {
    warnings.push({
      kind: 'garbled',
      start: cp(g.origStart),
      end: cp(g.origEnd),
      message: `garbled text ${JSON.stringify(g.sample)}: no record crosses it`,
    });
  }
  if (!/\p{Script=Han}/u.test(text)) warnings.push({ kind: 'no-chinese', start: 0, end: 0, message: 'the text holds no Chinese characters' });
  for (const inv of invalid) warnings.push({ kind: 'invalid-record', start: 0, end: 0, message: inv.message.slice(0, 500) });

  let firstLine: string | null = null;
  for (let at = 0; at <= doc.text.length; ) {
    const nl = doc.text.indexOf('\n', at);
    const line = doc.text.slice(at, nl < 0 ? doc.text.length : nl).trim();
    if (line.length > 0) {
      firstLine = line;
      break;
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  const document = DocumentSchema.parse({
    doc_id: docId,
    path,
    bytes: src.bytes,
    sha256: src.sha256,
    encoding: src.encoding,
    encoding_confidence: src.confidence,
    format: src.format ?? 'text',
    script: doc.script,
    chars: cp(text.length),
    title: firstLine ? firstLine.slice(0, 200) : null,
    counts,
    normalization: doc.stats,
    warnings,
    ...where,
  });
  return { document, records, invalid };
}

/** Read, decode and extract one file. `path` in the records is `relPath` (default: the file name).
 * Throws DecodeError for files that are not text, or larger than `maxBytes` (default 16 MiB). */
export async function extractFile(file: string, relPath?: string, maxBytes = 16 * 1024 * 1024): Promise<ExtractResult> {
  const info = await stat(file);
  if (!info.isFile()) throw new DecodeError('undecodable', 'not a regular file');
  if (info.size > maxBytes) {
    throw new DecodeError('too-large', `the file is ${(info.size / 1048576).toFixed(1)} MiB, over the limit of ${(maxBytes / 1048576).toFixed(1)} MiB: refused`);
  }
  const bytes = await readFile(file);
  const path = relPath ?? basename(file);
  return extractPrepared(prepareBytes(bytes, path, undefined, await pdfTextOf(bytes, path)));
}

/** The text layer of a PDF (by its name: see formatOfPath), which only an asynchronous reader gives: to pass to
 * decodeDocument, prepareBytes or extractBytes with the file's bytes. Undefined for any other file. Throws
 * DecodeError for a PDF without a text layer, damaged or protected by a password. */
export async function pdfTextOf(bytes: Uint8Array, path: string): Promise<string | undefined> {
  if (formatOfPath(path) !== 'pdf' || bytes.length === 0) return undefined;
  return pdfText(bytes);
}

/** A document's original text from its bytes: a web page (.htm/.html, or a file of another name that starts as
 * one: see looksLikeHtml) is decoded honouring its declared charset and its visible text is the original text; a
 * .docx's text is its paragraphs (formats.ts); a PDF's is its text layer, which the caller reads first (pdfTextOf,
 * asynchronous) and passes as `pdf`; anything else is the decoded text. Every offset points into it. */
export function decodeDocument(bytes: Uint8Array, path: string, pdf?: string): { text: string; decoded: Decoded; html: boolean; format: Format } {
  const other = formatOfPath(path);
  if (other) {
    if (bytes.length === 0) throw new DecodeError('empty', 'the file is empty');
    if (other === 'doc') throw new DecodeError('unsupported-format', 'a Word 97-2003 document (.doc) is not read: save it as .docx or PDF to extract it');
    if (other === 'pdf' && pdf === undefined) throw new DecodeError('unsupported-format', 'a PDF is read asynchronously: use extractFile (or pdfTextOf, then extractBytes)');
    const text = other === 'pdf' ? pdf! : docxText(bytes);
    return { text, decoded: { text, encoding: other, confidence: 1, warnings: [] }, html: false, format: other };
  }
  const named = isHtmlPath(path);
  const html = named || looksLikeHtml(bytes);
  const decoded = decodeBytes(bytes, html ? { declared: declaredCharset(bytes) } : {});
  if (html && !named) {
    decoded.warnings.push({ kind: 'html', message: 'a web page in a file not named .htm/.html: its visible text was read, without tags, scripts and styles' });
  }
  return { text: html ? htmlToText(decoded.text) : decoded.text, decoded, html, format: html ? 'html' : 'text' };
}

/** A document decoded, normalized and segmented, ready for the extractors (see extractPrepared). */
export interface Prepared {
  doc: Doc;
  source: Source;
  /** the extractors' drafts, when draftGroup ran them */
  drafts?: Draft[];
}

/** The first half of extractBytes: decode, normalize, segment. Throws as extractBytes does. */
export function prepareBytes(bytes: Uint8Array, path: string, hash?: string, pdf?: string): Prepared {
  const { text, decoded: dec, format } = decodeDocument(bytes, path, pdf);
  const doc = new Doc(text, path);
  void doc.tokens;
  return { doc, source: { bytes: bytes.length, sha256: hash ?? sha256(bytes), encoding: dec.encoding, confidence: dec.confidence, format, warnings: dec.warnings } };
}

/** The second half of extractBytes: extract, link, validate. A caller with several documents prepares a few
 * before extracting them: jieba's cut and the extractors then each run over several documents in a row, with
 * their code and tables still in the processor's caches (measured: 10% less time than one whole document
 * after another, in groups of 8 to 16 documents of 9 KB). */
export function extractPrepared(p: Prepared, sink?: RecordSink): ExtractResult {
  return extractDoc(p.doc, p.source, p.drafts, sink);
}

/** Run the extractors over a group of prepared documents, each extractor over all of them before the next (its
 * code and tables stay in cache), keeping each document's drafts for extractPrepared. `each(k)` is called
 * before each extractor reads document k. Returns, by document, the error an extractor threw on it, if any
 * (that document's drafts are then incomplete and must not be used). */
export function draftGroup(ps: Prepared[], each: (k: number) => void = () => {}): ({ error: unknown } | undefined)[] {
  // (loops, not map and forEach: see runBatch in worker.ts)
  const failed: ({ error: unknown } | undefined)[] = [];
  for (let k = 0; k < ps.length; k++) {
    ps[k]!.drafts = [];
    failed.push(undefined);
  }
  for (const ex of EXTRACTORS) {
    for (let k = 0; k < ps.length; k++) {
      if (failed[k]) continue;
      each(k);
      try {
        append(ps[k]!.drafts!, ex.extract(ps[k]!.doc));
      } catch (e) {
        failed[k] = { error: e };
      }
    }
  }
  return failed;
}

/** Decode and extract bytes. `path` decides the format: `.htm`/`.html` is read as a web page whose visible
 * text (honouring its <meta charset>) becomes the original text; `.docx` as a Word document; `.pdf` needs its
 * text layer in `pdf` (pdfTextOf); anything else is plain text.
 * `hash` may pass the SHA-256 of `bytes` when the caller already has it. */
export function extractBytes(bytes: Uint8Array, path: string, hash?: string, pdf?: string): ExtractResult {
  return extractPrepared(prepareBytes(bytes, path, hash, pdf));
}
