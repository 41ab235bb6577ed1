// Scoring against a gold file, exactly as SPEC 5 says: amount/percentage/count records match a gold item of
// the same document and type when their spans overlap and their values are equal (relative tolerance 1e-9);
// projects are scored per document on the set of distinct names (quotes and `·` anywhere and a trailing 项目
// ignored, `alt` accepted);
// optional items are neither rewarded nor punished; micro-averaged P/R/F1, attribute accuracy over matched
// pairs, and a strict F1 that needs every attribute the gold item gives to agree.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeBytes } from './decode.js';
import { codePointIndex } from './mapped.js';
import { RECORD_TYPES, type DocumentRecord, type OutRecord, type RecordType } from './schemas.js';

export interface GoldItem {
  doc: string;
  type: RecordType;
  quote: string;
  nth: number;
  optional?: boolean;
  value?: number | null;
  min?: number | null;
  max?: number | null;
  name?: string;
  alt?: string[];
  [k: string]: unknown;
}

export const STRICT_ATTRIBUTES = ['qualifier', 'unit', 'direction', 'basis', 'category', 'currency'] as const;

export interface TypeScore {
  gold: number;
  predicted: number;
  tp: number;
  precision: number;
  recall: number;
  f1: number;
  strictTp: number;
  strictF1: number;
  attributes: Record<string, { right: number; total: number; accuracy: number }>;
  subject: { right: number; total: number };
  misses: string[];
  falseHits: string[];
  wrongAttributes: string[];
  /** the matched pairs (gold item, record), for the scores of SPEC 7 (see scoreWhereWhen) */
  pairs: { gold: GoldItem; record: OutRecord }[];
}

export interface EvalReport {
  types: Record<RecordType, TypeScore>;
  unresolved: string[];
  /** SPEC 7: region, period and metric, when the gold gives them */
  whereWhen?: WhereWhenScore;
}

const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)));

function prf(tp: number, predicted: number, gold: number) {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** A project name as scored (SPEC 5): quotation marks and `·` anywhere, and a trailing 项目, ignored. */
const PROJECT_KEY_IGNORED = /[“”‘’"'「」『』《》〈〉·•・]/g;
export const projectKey = (name: string) => name.replace(PROJECT_KEY_IGNORED, '').trim().replace(/项目$/, '');

export function loadGold(file: string): GoldItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldItem);
}

export function loadRecords(file: string): OutRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as OutRecord);
}

function nthIndex(text: string, quote: string, nth: number): number {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export function evaluate(gold: GoldItem[], records: OutRecord[], corpusDir: string, documents?: DocumentRecord[]): EvalReport {
  const texts = new Map<string, string>();
  const textOf = (doc: string) => {
    if (!texts.has(doc)) {
      const files = readdirSync(corpusDir);
      const f = files.find((x) => x === doc);
      texts.set(doc, f ? decodeBytes(readFileSync(join(corpusDir, f))).text : '');
    }
    return texts.get(doc)!;
  };
  const unresolved: string[] = [];
  const types = {} as Record<RecordType, TypeScore>;
  const docs = new Set(gold.map((g) => g.doc));
  for (const type of RECORD_TYPES) {
    const s: TypeScore = {
      gold: 0, predicted: 0, tp: 0, precision: 0, recall: 0, f1: 0, strictTp: 0, strictF1: 0,
      attributes: {}, subject: { right: 0, total: 0 }, misses: [], falseHits: [], wrongAttributes: [], pairs: [],
    };
    for (const doc of docs) {
      const g = gold.filter((x) => x.doc === doc && x.type === type);
      const recs = records.filter((r) => basename(r.path) === doc && r.type === type);
      if (type === 'project') {
        const names = new Map<string, OutRecord>();
        for (const r of recs) if (r.type === 'project') names.set(projectKey(r.name), r);
        const accepted = (x: GoldItem) => [x.name ?? x.quote, ...(x.alt ?? [])].map(projectKey);
        const allGold = new Set(g.flatMap(accepted));
        for (const x of g) {
          if (x.optional) continue;
          s.gold++;
          if (accepted(x).some((n) => names.has(n))) s.tp++, s.strictTp++;
          else s.misses.push(`${doc}: ${x.name}`);
        }
        for (const [n] of names) {
          if (allGold.has(n)) {
            const x = g.find((y) => accepted(y).includes(n));
            if (x && !x.optional) s.predicted++;
            continue;
          }
          s.predicted++;
          s.falseHits.push(`${doc}: ${n}`);
        }
        // a name the gold lists twice (two alts found) counts once
        s.predicted = Math.max(s.predicted, 0);
        continue;
      }
      const text = textOf(doc);
      const cp = codePointIndex(text);
      const spans = g.map((x) => {
        const at = nthIndex(text, x.quote, x.nth);
        if (at < 0) unresolved.push(`${doc}: ${x.quote} #${x.nth}`);
        return at < 0 ? null : { start: cp(at), end: cp(at + x.quote.length) };
      });
      const used = new Set<OutRecord>();
      const matchOf = (x: GoldItem, span: { start: number; end: number } | null) => {
        if (!span) return undefined;
        return recs.find((r) => {
          if (used.has(r) || r.start >= span.end || r.end <= span.start) return false;
          const rv = r as unknown as { value: number | null; min?: number | null; max?: number | null };
          if (x.min != null || x.max != null) return close(rv.min, x.min) && close(rv.max, x.max);
          return close(rv.value, x.value) || (x.value == null && close(rv.min, x.min) && close(rv.max, x.max));
        });
      };
      const order = g.map((x, i) => i).sort((a, b) => Number(!!g[a]!.optional) - Number(!!g[b]!.optional));
      // records matched to an optional item are neither counted right nor wrong
      const optionalMatched = new Set<OutRecord>();
      for (const i of order) {
        const x = g[i]!;
        const r = matchOf(x, spans[i]!);
        if (r) used.add(r);
        if (x.optional) {
          if (r) optionalMatched.add(r);
          continue;
        }
        s.gold++;
        if (!r) {
          s.misses.push(`${doc}: ${x.quote} = ${x.value ?? `${x.min}-${x.max}`}`);
          continue;
        }
        s.tp++;
        s.pairs.push({ gold: x, record: r });
        let strict = true;
        for (const a of STRICT_ATTRIBUTES) {
          if (!(a in x)) continue;
          const att = (s.attributes[a] ??= { right: 0, total: 0, accuracy: 0 });
          att.total++;
          const rv = (r as unknown as Record<string, unknown>)[a];
          if (rv === x[a]) att.right++;
          else {
            strict = false;
            s.wrongAttributes.push(`${doc}: ${x.quote} ${a}: gold ${JSON.stringify(x[a])}, got ${JSON.stringify(rv)}`);
          }
        }
        if ('subject' in x) {
          s.subject.total++;
          if ((r as unknown as Record<string, unknown>).subject === x.subject) s.subject.right++;
        }
        if (strict) s.strictTp++;
      }
      for (const r of recs) {
        if (optionalMatched.has(r)) continue;
        s.predicted++;
        if (!used.has(r)) s.falseHits.push(`${doc}: ${r.text} [${r.start},${r.end})`);
      }
    }
    const p = prf(s.tp, s.predicted, s.gold);
    Object.assign(s, p);
    s.strictF1 = prf(s.strictTp, s.predicted, s.gold).f1;
    for (const a of Object.values(s.attributes)) a.accuracy = a.total === 0 ? 1 : a.right / a.total;
    types[type] = s;
  }
  const report: EvalReport = { types, unresolved };
  if (documents) report.whereWhen = scoreWhereWhen(gold, report, documents);
  return report;
}

export function formatReport(rep: EvalReport, verbose = true): string {
  const f = (x: number) => x.toFixed(3);
  const lines = ['type        gold  pred    tp  precision  recall     f1  strict_f1  attributes'];
  for (const [type, s] of Object.entries(rep.types)) {
    const attrs = Object.entries(s.attributes).map(([a, v]) => `${a} ${f(v.accuracy)}`).join(', ');
    lines.push(
      `${type.padEnd(10)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.tp).padStart(5)}` +
        `      ${f(s.precision)}   ${f(s.recall)}  ${f(s.f1)}      ${f(s.strictF1)}  ${attrs}` +
        (s.subject.total ? `  (subject ${f(s.subject.right / s.subject.total)})` : ''),
    );
  }
  if (verbose) {
    for (const [type, s] of Object.entries(rep.types)) {
      for (const m of s.misses) lines.push(`miss      ${type}: ${m}`);
      for (const m of s.falseHits) lines.push(`false hit ${type}: ${m}`);
      for (const m of s.wrongAttributes) lines.push(`attribute ${type}: ${m}`);
    }
    for (const u of rep.unresolved) lines.push(`gold quote not found: ${u}`);
  }
  if (rep.whereWhen) lines.push(...formatWhereWhen(rep.whereWhen, verbose));
  return lines.join('\n');
}

// ---- SPEC 7: where and when --------------------------------------------------------------------------------

export const DOCUMENT_FIELDS = ['region', 'period_start', 'period_end', 'published'] as const;
export const RECORD_FIELDS = ['metric', 'region', 'period_start', 'period_end'] as const;

/** Accuracy of one field: right of total, and the wrong ones listed. */
export interface FieldScore {
  right: number;
  total: number;
  accuracy: number;
  wrong: string[];
}

export interface WhereWhenScore {
  /** document fields, over the gold documents that give them */
  documents: Record<string, FieldScore>;
  /** record fields over matched pairs: all types together, and by type */
  records: Record<string, FieldScore>;
  byType: Record<string, Record<string, FieldScore>>;
}

/** One trailing 省/市/县/区/自治区/自治州/自治县/特别行政区 removed (SPEC 7). */
const REGION_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|省|市|县|区)$/;
export const regionKey = (r: unknown): unknown => (typeof r === 'string' ? r.replace(REGION_SUFFIX, '') : r ?? null);

const fieldEqual = (field: string, a: unknown, b: unknown) =>
  field === 'region' ? regionKey(a) === regionKey(b) : (a ?? null) === (b ?? null);

function tally(score: Record<string, FieldScore>, field: string, gold: unknown, got: unknown, label: string): void {
  const f = (score[field] ??= { right: 0, total: 0, accuracy: 0, wrong: [] });
  f.total++;
  if (fieldEqual(field, got, gold)) f.right++;
  else f.wrong.push(`${label} ${field}: gold ${JSON.stringify(gold)}, got ${JSON.stringify(got ?? null)}`);
}

const finish = (score: Record<string, FieldScore>) => {
  for (const f of Object.values(score)) f.accuracy = f.total === 0 ? 1 : f.right / f.total;
};

/** SPEC 7 scoring: each document field over the gold documents that give it (a key left out is not scored), each
 * record field over the matched pairs whose gold item gives it; regions compared without one trailing
 * 省/市/县/区/…; a field the output lacks counts as null. */
export function scoreWhereWhen(gold: GoldItem[], report: EvalReport, documents: DocumentRecord[]): WhereWhenScore {
  const out: WhereWhenScore = { documents: {}, records: {}, byType: {} };
  const byName = new Map(documents.map((d) => [basename(d.path), d as unknown as Record<string, unknown>]));
  for (const g of gold) {
    if ((g.type as string) !== 'document') continue;
    const d = byName.get(g.doc);
    for (const field of DOCUMENT_FIELDS) if (field in g) tally(out.documents, field, g[field], d?.[field], g.doc);
  }
  for (const [type, s] of Object.entries(report.types)) {
    for (const { gold: x, record } of s.pairs) {
      const r = record as unknown as Record<string, unknown>;
      const label = `${x.doc}: ${x.quote} #${x.nth}`;
      for (const field of RECORD_FIELDS) {
        if (!(field in x)) continue;
        tally(out.records, field, x[field], r[field], `${type} ${label}`);
        tally((out.byType[type] ??= {}), field, x[field], r[field], label);
      }
    }
  }
  finish(out.documents);
  finish(out.records);
  for (const t of Object.values(out.byType)) finish(t);
  return out;
}

function formatWhereWhen(w: WhereWhenScore, verbose: boolean): string[] {
  const f = (s: FieldScore) => `${s.accuracy.toFixed(3)} (${s.right}/${s.total})`;
  const lines = [
    'where and when (SPEC 7)',
    `documents  ${Object.entries(w.documents).map(([k, s]) => `${k} ${f(s)}`).join(', ')}`,
    `records    ${Object.entries(w.records).map(([k, s]) => `${k} ${f(s)}`).join(', ')}`,
  ];
  for (const [type, t] of Object.entries(w.byType)) {
    lines.push(`  ${type.padEnd(10)} ${Object.entries(t).map(([k, s]) => `${k} ${f(s)}`).join(', ')}`);
  }
  if (verbose) {
    for (const s of Object.values(w.documents)) for (const m of s.wrong) lines.push(`wrong     document: ${m}`);
    for (const s of Object.values(w.records)) for (const m of s.wrong) lines.push(`wrong     record: ${m}`);
  }
  return lines;
}
