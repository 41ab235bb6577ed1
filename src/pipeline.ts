// The library: extractText (normalize → segment → extract → link → validate on a decoded string) and
// extractFile (which also reads and decodes). The CLI, the worker pool and the writers only move what these return.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Doc } from './doc.js';
import { decodeBytes, DecodeError, type Decoded } from './decode.js';
import { declaredCharset, htmlToText, isHtmlPath } from './html.js';
import { codePointIndex } from './mapped.js';
import { link } from './link.js';
import { EXTRACTORS } from '../extractors/index.js';
import type { Draft } from '../extractors/types.js';
import { AnyRecord, DocumentRecord, type OutRecord, type Warning } from './schemas.js';

export interface ExtractResult {
  document: DocumentRecord;
  records: OutRecord[];
  /** records that failed validation: a bug, reported by the caller, never written */
  invalid: { record: unknown; message: string }[];
}

export interface TextOptions {
  path?: string;
  /** identity of the bytes the text was decoded from, when there were any */
  source?: { bytes: number; sha256: string; encoding: string; confidence: number; warnings?: { kind: string; message: string }[] };
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
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
  const docId = src.sha256.slice(0, 16);
  const doc = new Doc(text, path);
  const drafts: Draft[] = [];
  for (const ex of EXTRACTORS) drafts.push(...ex.extract(doc));
  link(doc, drafts);

  const cp = codePointIndex(text);
  const ids = new Map<Draft, string>();
  const seen = new Set<string>();
  const kept: { draft: Draft; start: number; end: number; id: string }[] = [];
  for (const d of drafts) {
    const [os, oe] = doc.mapped.toOriginal(d.start, d.end);
    const start = cp(os);
    const end = cp(oe);
    const id = `${docId}-${d.type}-${start}-${end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    ids.set(d, id);
    kept.push({ draft: d, start, end, id });
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.draft.type.localeCompare(b.draft.type));

  const records: OutRecord[] = [];
  const invalid: ExtractResult['invalid'] = [];
  for (const { draft, start, end, id } of kept) {
    const sent = doc.sentenceAt(draft.start);
    const { start: _s, end: _e, ...fields } = draft;
    let body: Record<string, unknown> = fields;
    if (draft.type === 'project') {
      const { amounts, ...rest } = draft;
      void _s;
      void _e;
      body = { ...rest, amount_ids: amounts.map((a) => ids.get(a)).filter((x): x is string => !!x) };
      delete body.start;
      delete body.end;
    }
    const candidate = {
      id,
      doc_id: docId,
      path,
      start,
      end,
      text: doc.text.slice(draft.start, draft.end),
      context: doc.text.slice(sent.start, sent.end).trim(),
      ...body,
    };
    const parsed = AnyRecord.safeParse(candidate);
    if (parsed.success) records.push(parsed.data);
    else invalid.push({ record: candidate, message: parsed.error.message });
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

  const counts = { amount: 0, percentage: 0, count: 0, project: 0 };
  for (const r of records) counts[r.type]++;
  const firstLine = doc.text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? null;
  const document = DocumentRecord.parse({
    doc_id: docId,
    path,
    bytes: src.bytes,
    sha256: src.sha256,
    encoding: src.encoding,
    encoding_confidence: src.confidence,
    script: doc.script,
    chars: cp(text.length),
    title: firstLine ? firstLine.slice(0, 200) : null,
    counts,
    normalization: doc.stats,
    warnings,
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
  return extractBytes(bytes, relPath ?? basename(file));
}

/** A document's original text from its bytes: a web page (.htm/.html) is decoded honouring its declared charset
 * and its visible text is the original text; anything else is the decoded text. Every offset points into it. */
export function decodeDocument(bytes: Uint8Array, path: string): { text: string; decoded: Decoded } {
  const html = isHtmlPath(path);
  const decoded = decodeBytes(bytes, html ? { declared: declaredCharset(bytes) } : {});
  return { text: html ? htmlToText(decoded.text) : decoded.text, decoded };
}

/** Decode and extract bytes. `path` decides the format: `.htm`/`.html` is read as a web page whose visible
 * text (honouring its <meta charset>) becomes the original text; anything else is plain text.
 * `hash` may pass the SHA-256 of `bytes` when the caller already has it. */
export function extractBytes(bytes: Uint8Array, path: string, hash?: string): ExtractResult {
  const { text, decoded: dec } = decodeDocument(bytes, path);
  return extractText(text, {
    path,
    source: { bytes: bytes.length, sha256: hash ?? sha256(bytes), encoding: dec.encoding, confidence: dec.confidence, warnings: dec.warnings },
  });
}
