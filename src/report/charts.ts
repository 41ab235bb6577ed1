// The report's charts as inline SVG (no library, no network): amounts per document on a log scale, and growth
// percentages by metric. Each dot links to its record (#r=ID) so a click shows it in the text.
import type { AmountRecord, PercentageRecord } from '../schemas.js';
import { esc } from './escape.js';

export interface ChartRow<R> {
  label: string;
  href: string;
  records: R[];
}

const W = 920;
const LEFT = 260;
const RIGHT = 30;
const ROW = 20;
const TOP = 28;

const ZH_POW: Record<number, string> = { 0: '1', 1: '10', 2: '100', 3: '1千', 4: '1万', 5: '10万', 6: '100万', 7: '1千万', 8: '1亿', 9: '10亿', 10: '100亿', 11: '1千亿', 12: '1万亿', 13: '10万亿', 14: '100万亿' };

/** 16120000000 → "161.2亿" */
export function zhAmount(v: number): string {
  const a = Math.abs(v);
  const f = (x: number) => String(Number(x.toPrecision(6)));
  if (a >= 1e12) return `${f(v / 1e12)}万亿`;
  if (a >= 1e8) return `${f(v / 1e8)}亿`;
  if (a >= 1e4) return `${f(v / 1e4)}万`;
  return f(v);
}

export function amountValue(r: AmountRecord): number | null {
  const v = r.value ?? r.max ?? r.min;
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

/** Link to a record: on this page (document href is an anchor) or on the document's own page. */
function recordHref(docHref: string, id: string): string {
  return `${docHref.startsWith('#') ? '' : docHref}#r=${encodeURIComponent(id)}`;
}

function minMax(vs: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of vs) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** At most MAX_DOTS items of a row, evenly spread, keeping the first and the last (the caller sorts). */
export const MAX_DOTS = 200;
function thin<T>(xs: T[]): T[] {
  if (xs.length <= MAX_DOTS) return xs;
  const out: T[] = [];
  for (let i = 0; i < MAX_DOTS; i++) out.push(xs[Math.round((i * (xs.length - 1)) / (MAX_DOTS - 1))]!);
  return out;
}

function truncate(s: string, n: number): string {
  const cps = Array.from(s);
  return cps.length <= n ? s : cps.slice(0, n - 1).join('') + '…';
}

function frame(height: number, inner: string, label: string): string {
  return `<svg class="chart" role="img" aria-label="${esc(label)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg">${inner}</svg>`;
}

/** One row per document, one dot per amount, x = value on a log scale. */
export function amountsChart(rows: ChartRow<AmountRecord>[]): string {
  // (a row holds at most MAX_DOTS dots, spread over its range, so that the SVG stays small)
  const vals = rows.flatMap((r) => r.records.map(amountValue).filter((v): v is number => v !== null));
  if (!vals.length) return '<p class="empty">No amounts.</p>';
  const [vmin, vmax] = minMax(vals);
  let lo = Math.floor(Math.log10(vmin));
  let hi = Math.ceil(Math.log10(vmax));
  if (hi === lo) hi = lo + 1;
  lo = Math.max(lo, 0);
  const x = (v: number) => LEFT + ((Math.log10(v) - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const height = TOP + rows.length * ROW + 10;
  const parts: string[] = [];
  for (let p = lo; p <= hi; p++) {
    const xp = x(10 ** p);
    parts.push(`<line class="grid" x1="${xp.toFixed(1)}" y1="${TOP - 6}" x2="${xp.toFixed(1)}" y2="${height - 8}"/>`);
    parts.push(`<text class="tick" x="${xp.toFixed(1)}" y="${TOP - 10}" text-anchor="middle">${esc(ZH_POW[p] ?? `1e${p}`)}</text>`);
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW + ROW / 2;
    parts.push(`<a href="${esc(row.href)}"><text class="label" x="${LEFT - 8}" y="${y + 4}" text-anchor="end">${esc(truncate(row.label, 30))} (${row.records.length})</text></a>`);
    parts.push(`<line class="row" x1="${LEFT}" y1="${y}" x2="${W - RIGHT}" y2="${y}"/>`);
    const plotted = row.records.filter((r) => amountValue(r) !== null).sort((a, b) => amountValue(a)! - amountValue(b)!);
    for (const r of thin(plotted)) {
      const v = amountValue(r)!;
      const cls = r.currency === 'CNY' ? 'dot' : 'dot foreign';
      const tip = `${r.text} = ${zhAmount(v)} ${r.currency}${r.subject ? ` · ${r.subject}` : ''}`;
      parts.push(`<a href="${esc(recordHref(row.href, r.id))}"><circle class="${cls}" data-ref="${esc(r.id)}" cx="${x(v).toFixed(1)}" cy="${y}" r="5"><title>${esc(tip)}</title></circle></a>`);
    }
  });
  return frame(height, parts.join(''), 'amounts per document');
}

/** Growth rates: percentages in percent with a direction, other than shares and plan progress. */
export function isGrowth(r: PercentageRecord): boolean {
  return r.unit === 'percent' && r.direction !== null && r.basis !== 'share' && r.basis !== 'progress' && signed(r) !== null;
}

export function signed(r: PercentageRecord): number | null {
  const v = r.value ?? (r.min !== null && r.max !== null ? (r.min + r.max) / 2 : null);
  if (v === null || !Number.isFinite(v)) return null;
  return r.direction === 'down' ? -v : v;
}

function niceStep(span: number): number {
  const raw = span / 8;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * p) return m * p;
  return 10 * p;
}

export interface GrowthRow {
  /** the row's metric (SPEC 7), or what stands for a missing one */
  label: string;
  points: { r: PercentageRecord; href: string }[];
}

/** One row per metric: a dot per growth rate (down = negative), a bar at their mean. */
export function growthChart(rows: GrowthRow[]): string {
  const vals = rows.flatMap((r) => r.points.map((p) => signed(p.r)!));
  if (!vals.length) return '<p class="empty">No growth percentages.</p>';
  const [vmin, vmax] = minMax([...vals, 0]);
  const step = niceStep(vmax - vmin || 10);
  const lo = Math.floor(vmin / step) * step;
  const hi = Math.ceil(vmax / step) * step || step;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const height = TOP + rows.length * ROW + 10;
  const parts: string[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) {
    const xt = x(t);
    parts.push(`<line class="${Math.abs(t) < step / 2 ? 'zero' : 'grid'}" x1="${xt.toFixed(1)}" y1="${TOP - 6}" x2="${xt.toFixed(1)}" y2="${height - 8}"/>`);
    parts.push(`<text class="tick" x="${xt.toFixed(1)}" y="${TOP - 10}" text-anchor="middle">${esc(String(Number(t.toPrecision(6))))}%</text>`);
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const vs = row.points.map((p) => signed(p.r)!);
    const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
    parts.push(`<text class="label" x="${LEFT - 8}" y="${y + 4}" text-anchor="end">${esc(truncate(row.label, 24))} (${vs.length})</text>`);
    const x0 = x(0);
    const xm = x(mean);
    parts.push(`<rect class="${mean < 0 ? 'bar down' : 'bar up'}" x="${Math.min(x0, xm).toFixed(1)}" y="${y - 6}" width="${Math.abs(xm - x0).toFixed(1)}" height="12"><title>${esc(`${row.label}: mean ${mean.toFixed(2)}% over ${vs.length}`)}</title></rect>`);
    for (const p of thin(row.points.slice().sort((a, b) => signed(a.r)! - signed(b.r)!))) {
      const v = signed(p.r)!;
      const tip = `${p.r.text}: ${v > 0 ? '+' : ''}${v}%${p.r.basis ? ` (${p.r.basis})` : ''} · ${p.r.path}`;
      parts.push(`<a href="${esc(recordHref(p.href, p.r.id))}"><circle class="dot" data-ref="${esc(p.r.id)}" cx="${x(v).toFixed(1)}" cy="${y}" r="4"><title>${esc(tip)}</title></circle></a>`);
    }
  });
  return frame(height, parts.join(''), 'growth percentages by metric');
}
