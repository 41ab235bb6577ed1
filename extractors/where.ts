// Where and when (SPEC 7), pure functions over a Doc: the periods and places a text states, and the document's
// region, period and date of issue. src/link-where.ts gives each number its own.
import type { Doc } from '../src/doc.js';
import { gazetteer, type PlaceMention } from '../src/gazetteer.js';
import { parseChineseNumeral } from '../src/numerals.js';
import {
  COMPARISON_BEFORE, DATE, FISCAL_YEAR_START_MONTH, FIVE_YEAR_PLANS, ISSUE_AFTER, ISSUE_LABEL_BEFORE, ISSUE_LINE_SLACK, ISSUE_WITHIN, PERIOD, ROC_YEAR_OFFSET,
} from './tables/period.js';
import { BOILERPLATE_LINE, NATIONAL_WORDS } from './tables/place.js';

export interface DocumentWhere {
  region: string | null;
  period_start: string | null;
  period_end: string | null;
  published: string | null;
}

/** A period found in the text: months 1-12 and the year it names, or how it names it. */
export interface PeriodMention {
  start: number;
  end: number;
  /** the year the text writes with it, or null */
  year: number | null;
  /** 0 for 今年, -1 for 去年, null when the text says nothing of the year */
  relative: number | null;
  from: number;
  to: number;
  /** the span of years, for a five-year plan */
  years?: number;
  /** the whole year (2023年, 全年, 年度计划) rather than part of it */
  whole: boolean;
  /** a year alone (2022年, 今年): it gives its year to a part of a year stated before it in the sentence */
  yearOnly?: boolean;
  /** a plan's year (年度计划, 年计划): the period of the amount it names, not of the numbers after it */
  plan?: boolean;
  /** a comparison (比上年同期, 较一季度): not the period of the numbers near it */
  comparison: boolean;
}

const digitsOrCn = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s));
const YEAR_DIGITS: Readonly<Record<string, string>> = { '〇': '0', '○': '0', '零': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };

function yearOf(s: string, taiwan: boolean): number | null {
  const digits = /^\d+$/.test(s) ? s : [...s].map((c) => YEAR_DIGITS[c] ?? '').join('');
  if (digits.length === 4) return Number(digits);
  // 115年 is a year of the Taiwan calendar only in a text on Taiwan
  return taiwan && digits.length >= 2 ? Number(digits) + ROC_YEAR_OFFSET : null;
}

/** The characters a period can start with (see PERIOD). */
const PERIOD_FIRST = new Uint8Array(0x10000);
for (const c of '0123456789〇○零一二三四五六七八九十今本去上下前第截至全年“') PERIOD_FIRST[c.charCodeAt(0)] = 1;

const month = (m: number | null) => (m !== null && m >= 1 && m <= 12 ? m : null);

/** Every period in [from, to) of the normalized text. `taiwan`: read 2- and 3-digit years in the Taiwan calendar. */
export function periodsIn(text: string, from: number, to: number, taiwan = false): PeriodMention[] {
  const out: PeriodMention[] = [];
  // the pattern is tried only where a period can start (a digit, a numeral, 今, 前 …), as a sticky match
  const re = new RegExp(PERIOD.source, PERIOD.flags.replace('g', '') + 'y');
  const slice = text.slice(from, to);
  for (let i = 0; i < slice.length; ) {
    if (PERIOD_FIRST[slice.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    re.lastIndex = i;
    const m = re.exec(slice);
    if (!m || m[0].length === 0) {
      i++;
      continue;
    }
    i += m[0].length;
    const g = m.groups!;
    const start = from + m.index;
    const end = start + m[0].length;
    const year = g.year ? yearOf(g.year, taiwan) : null;
    const relative = g.thisYear ? 0 : g.lastYear ? -1 : null;
    let span: { from: number; to: number; whole: boolean; years?: number; yearOnly?: boolean; plan?: boolean } | null = null;
    if (g.fiscal) {
      const y1 = Number(g.fy1);
      const y2 = g.fy2 || g.fy3 ? Number(g.fy2 ?? g.fy3) : y1;
      const fm = FISCAL_YEAR_START_MONTH;
      out.push({ start, end, year: y1, relative: null, from: fm, to: fm - 1, years: y2 - y1 + 2, whole: true, comparison: false });
      continue;
    }
    if (g.plan) span = { from: 1, to: 12, whole: true, plan: true };
    else if (g.fullYear) span = { from: 1, to: 12, whole: true };
    else if (g.from !== undefined) {
      const a = month(digitsOrCn(g.from));
      const b = month(digitsOrCn(g.to!));
      if (a !== null && b !== null && a <= b) span = { from: a, to: b, whole: false };
    } else if (g.firstN !== undefined) {
      const n = month(digitsOrCn(g.firstN));
      if (n !== null) span = { from: 1, to: n, whole: false };
    } else if (g.first3q) span = { from: 1, to: 9, whole: false };
    else if (g.half) span = g.half === '上半年' ? { from: 1, to: 6, whole: false } : { from: 7, to: 12, whole: false };
    else if (g.quarter) {
      const q = digitsOrCn(g.quarter)!;
      span = { from: 3 * q - 2, to: 3 * q, whole: false };
    } else if (g.until !== undefined) {
      const n = month(digitsOrCn(g.until));
      if (n !== null) span = { from: 1, to: n, whole: false };
    } else if (g.month !== undefined) {
      const n = month(digitsOrCn(g.month));
      if (n !== null) span = { from: n, to: n, whole: false };
    } else if (g.fiveYear) {
      const plan = Object.keys(FIVE_YEAR_PLANS).find((k) => g.fiveYear!.includes(k))!;
      out.push({ start, end, year: FIVE_YEAR_PLANS[plan]!, relative: null, from: 1, to: 12, years: 5, whole: true, comparison: false });
      continue;
    }
    if (!span) {
      // a year alone: the whole year, unless it is a year of something else (2003-04年度, 年产, 2023年以前)
      if (year === null && relative === null) continue;
      if (/^[-—]\d/.test(text.slice(end, end + 3)) || /^(?:以前|前|之前|底|末|起|以来|来)/.test(text.slice(end, end + 2))) continue;
      if (/\d[-—]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
      span = { from: 1, to: 12, whole: true, yearOnly: true };
    }
    const comparison = COMPARISON_BEFORE.test(text.slice(Math.max(0, start - 4), start)) || (relative === -1 && year === null);
    out.push({ start, end, year, relative, ...span, comparison });
  }
  return out;
}

const ym = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;

/** A period as the two fields, given the year it falls back to. */
export function periodFields(p: PeriodMention, fallbackYear: number | null): { period_start: string | null; period_end: string | null } {
  let y = p.year;
  if (y === null && fallbackYear !== null) y = fallbackYear + (p.relative ?? 0);
  if (y === null) return { period_start: null, period_end: null };
  // a span of years (五年规划) or of fiscal years (2003-04年至2012-13年: April 2003 to March 2013)
  return { period_start: ym(y, p.from), period_end: ym(y + (p.years ?? 1) - 1, p.to) };
}

/** The date of issue: a full date in the text's first lines, labelled (发布时间, 日期 …), followed by a time or a
 * source, or on a short line of its own. */
export function publishedDate(text: string): string | null {
  const head = text.slice(0, ISSUE_WITHIN);
  const re = new RegExp(DATE.source, DATE.flags);
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const g = m.groups!;
    const y = Number(g.y ?? g.y2);
    const mo = Number(g.m ?? g.m2);
    const d = Number(g.d ?? g.d2);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const start = m.index;
    const end = start + m[0].length;
    const lineStart = head.lastIndexOf('\n', start - 1) + 1;
    const nl = text.indexOf('\n', end);
    const line = text.slice(lineStart, nl < 0 ? text.length : nl).trim();
    const before = text.slice(lineStart, start);
    if (ISSUE_LABEL_BEFORE.test(before) || ISSUE_AFTER.test(text.slice(end)) || line.length <= m[0].length + ISSUE_LINE_SLACK) {
      return `${ym(y, mo)}-${String(d).padStart(2, '0')}`;
    }
  }
  return null;
}

/** Whether the text is about Taiwan (its 3-digit years are then years of the Taiwan calendar). */
const TAIWAN_WORDS = /台湾|台北|新北|桃园|台中|台南|高雄|立法院|行政院|新台币|六都/;

/** The year a period without one falls in: the date of issue's, else the latest year the text writes. */
function documentYear(doc: Doc, published: string | null, periods: PeriodMention[]): number | null {
  if (published) return Number(published.slice(0, 4));
  let latest: number | null = null;
  for (const p of periods) if (p.year !== null && !p.comparison && (latest === null || p.year > latest)) latest = p.year;
  return latest;
}

export interface WhereContext {
  document: DocumentWhere;
  /** the year periods without one fall in */
  year: number | null;
  taiwan: boolean;
  periods: PeriodMention[];
  places: PlaceMention[];
}

/** Whether `pos` is on a line of a page's frame (its publisher's address, copyright, telephone): places there
 * are not what the bulletin reports on. */
function boilerplateTest(text: string): (pos: number) => boolean {
  const lines = new Map<number, boolean>();
  return (pos) => {
    const start = text.lastIndexOf('\n', pos - 1) + 1;
    let b = lines.get(start);
    if (b === undefined) {
      const nl = text.indexOf('\n', pos);
      // (a line of a page's frame is short: a long line is the bulletin's own text)
      const line = text.slice(start, nl < 0 ? text.length : nl);
      b = line.length <= MAX_FRAME_LINE && BOILERPLATE_LINE.test(line);
      lines.set(start, b);
    }
    return b;
  };
}

/** The longest line that can be a line of a page's frame. */
const MAX_FRAME_LINE = 300;

/** The end of the title: its first non-empty line. */
export function titleEndOf(text: string): number {
  const nl = text.indexOf('\n', Math.max(0, text.search(/\S/)));
  return nl < 0 ? text.length : nl;
}

/** The document's region: the place the text names most (its title counting three times), in the fullest form
 * the text gives; null when no place is named at least twice, or in the title. */
export function documentRegion(doc: Doc, places: PlaceMention[]): string | null {
  const text = doc.text;
  const titleEnd = titleEndOf(text);
  const full = new Set(places.filter((m) => !m.short).map((m) => m.place.name));
  const score = new Map<string, { score: number; first: number; written: string }>();
  const inBoilerplate = boilerplateTest(text);
  for (const m of places) {
    if (inBoilerplate(m.start)) continue;
    // a county's short form counts only where the text gives its full name too (石泉 after 石泉县)
    if (m.short && m.place.level === 3 && !full.has(m.place.name)) continue;
    const s = score.get(m.place.name) ?? { score: 0, first: m.start, written: text.slice(m.start, m.end) };
    s.score += m.start < titleEnd ? 3 : 1;
    score.set(m.place.name, s);
  }
  let best: [string, { score: number; first: number; written: string }] | null = null;
  for (const e of score) if (!best || e[1].score > best[1].score || (e[1].score === best[1].score && e[1].first < best[1].first)) best = e;
  if (!best || best[1].score < 2) {
    const title = text.slice(0, titleEnd);
    return NATIONAL_WORDS.find((w) => title.includes(w)) ?? null;
  }
  return full.has(best[0]) ? best[0] : best[1].written;
}

/** Document-wide facts the record pass needs: its region, period, date of issue, the periods and places. */
export function documentWhere(doc: Doc): WhereContext {
  const text = doc.text;
  const taiwan = TAIWAN_WORDS.test(text);
  const periods = periodsIn(text, 0, text.length, taiwan);
  const places = gazetteer().scan(text);
  const published = publishedDate(text);
  const year = documentYear(doc, published, periods);
  // the headline period: the first part of a year the text states, else the latest whole year it names
  const candidates = periods.filter((p) => !p.comparison && !p.years);
  // (a single month, 7月当月, only when no longer part of the year is stated)
  let head = candidates.find((p) => !p.whole && p.from !== p.to) ?? candidates.find((p) => !p.whole) ?? null;
  if (!head) {
    const whole = candidates.filter((p) => p.year !== null);
    head = whole.reduce<PeriodMention | null>((a, p) => (!a || p.year! > a.year! ? p : a), null) ?? candidates[0] ?? null;
  }
  const fields = head ? periodFields(head, head.year === null ? nearestYear(periods, head.start) ?? year : null) : { period_start: null, period_end: null };
  return { document: { region: documentRegion(doc, places), ...fields, published }, year, taiwan, periods, places };
}

/** The year written nearest before `pos` (2024年度计划投资…，1-6月份 → 2024), if within the same paragraph. */
export function nearestYear(periods: PeriodMention[], pos: number, from = 0): number | null {
  let y: number | null = null;
  for (const p of periods) {
    if (p.start >= pos) break;
    if (p.start >= from && p.year !== null && !p.comparison && !p.years) y = p.year;
  }
  return y;
}
