// The pass after the extractors and linkers (SPEC 7): each amount, percentage and count gets the region and period
// the text gives it, and each amount and percentage the canonical metric its subject names. Pure: reads the Doc
// and the drafts' subjects, writes the drafts' region, period_start, period_end and metric.
import type { Doc } from './doc.js';
import type { Draft } from '../extractors/types.js';
import { documentWhere, nearestYear, periodFields, type DocumentWhere, type PeriodMention, type WhereContext } from '../extractors/where.js';
import { metricOf } from '../extractors/metric.js';
import { AREA_NAME, PLACE_LEAD, PLACE_THEN } from '../extractors/tables/place.js';
import { SAME_PERIOD_LAST_YEAR } from '../extractors/tables/period.js';
import type { PlaceMention } from './gazetteer.js';

type Located = Extract<Draft, { type: 'amount' | 'percentage' | 'count' }>;

/** Start of the paragraph holding `pos` (after the last line break before it). */

/** Where the phrase of the number at `pos` starts: after the clause mark, a list mark 、 or the previous number. */
function phraseStart(doc: Doc, pos: number, prevEnd: number): number {
  const from = Math.max(doc.clauseStart(pos), prevEnd);
  for (let i = pos - 1; i >= from; i--) if (doc.text.charCodeAt(i) === 0x3001) return i + 1;
  return from;
}

/** The region the text gives the number at `pos`: the first place of the gazetteer in its phrase, or an area
 * (开发区, 成都经济区) that starts it; else the first place that starts a clause of its sentence before it
 * (新北市原估45.95亿元补助，实际核定13.49亿元 → 新北市). */
function regionOf(doc: Doc, places: RegionPlace[], phrase: number, sentence: number, pos: number): { name: string; own: boolean; at: number } | null {
  // (places are in text order: the search starts at the first one in the sentence)
  let lo = 0;
  for (let hi = places.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (places[mid]!.start < sentence) lo = mid + 1;
    else hi = mid;
  }
  let last: RegionPlace | null = null;
  for (let i = lo; i < places.length && places[i]!.start < pos; i++) {
    const m = places[i]!;
    if (m.start >= phrase && m.end <= pos) return { name: m.name, own: true, at: m.start };
    if (m.clauseFirst) last = m;
  }
  const area = areaAt(doc.text, phrase, pos);
  if (area) return { name: area, own: true, at: phrase };
  return last ? { name: last.name, own: false, at: last.start } : null;
}

/** A place that can give numbers their region: its name as the region, and whether it starts a clause. */
interface RegionPlace {
  start: number;
  end: number;
  name: string;
  clauseFirst: boolean;
}

/** The places of the text that name the region of the numbers after them (see PLACE_THEN): a county's short form
 * only where the text gives its full name, and in the fullest form the text gives. */
function regionPlaces(doc: Doc, places: PlaceMention[]): RegionPlace[] {
  const full = new Set(places.filter((m) => !m.short).map((m) => m.place.name));
  const out: RegionPlace[] = [];
  for (const m of places) {
    if (m.short && m.place.level === 3 && !full.has(m.place.name)) continue;
    if (!PLACE_THEN.test(doc.text.slice(m.end, m.end + 4))) continue;
    const name = full.has(m.place.name) ? m.place.name : doc.text.slice(m.start, m.end);
    const clauseFirst = m.start === doc.clauseStart(m.start) || PLACE_LEAD.test(doc.text.slice(Math.max(0, m.start - 2), m.start));
    out.push({ start: m.start, end: m.end, name, clauseFirst });
  }
  return out;
}

/** An area not in the gazetteer (开发区, 成都经济区) that starts the phrase [from, to). */
function areaAt(text: string, from: number, to: number): string | null {
  const phrase = text.slice(from, to);
  // (every area name ends in 区: most phrases are done with one search)
  if (!phrase.includes('区')) return null;
  for (let end = Math.min(phrase.length, 10); end >= 3; end--) {
    const m = AREA_NAME.exec(phrase.slice(0, end));
    if (m && m.index === 0) return m[0];
  }
  return null;
}

/** The period the text gives the number at `pos`: one stated in its own phrase (a plan's year only for the amount
 * it names), else the nearest before it in the paragraph; a year alone (2022年) after a part of a year in the same
 * sentence (截至10月底,石泉县2022年…) gives that part its year. Null when none: the document's then holds. */
function periodBefore(periods: PeriodMention[], d: Located, phrase: number, sentence: number, paragraph: number): { p: PeriodMention; year: number | null } | null {
  let chosen: PeriodMention | null = null;
  let year: number | null = null;
  // from the first period of the paragraph (the periods are in order of start)
  let lo = 0;
  for (let hi = periods.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (periods[mid]!.start < paragraph) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < periods.length; k++) {
    const p = periods[k]!;
    if (p.start >= d.start) break;
    if (p.comparison || p.start < paragraph) continue;
    if (p.plan && (d.type !== 'amount' || p.start < phrase)) continue;
    if (p.yearOnly && chosen && !chosen.whole && chosen.start >= sentence && p.start >= sentence) {
      if (chosen.year === null && p.year !== null) year = p.year;
      continue;
    }
    chosen = p;
    year = null;
  }
  return chosen ? { p: chosen, year } : null;
}

const yearBack = (f: { period_start: string | null; period_end: string | null }) => {
  const back = (s: string | null) => (s === null ? null : `${Number(s.slice(0, 4)) - 1}${s.slice(4)}`);
  return { period_start: back(f.period_start), period_end: back(f.period_end) };
};

/** Run the pass; returns the document's own fields. */
export function linkWhere(doc: Doc, drafts: Draft[]): DocumentWhere {
  const ctx = documentWhere(doc);
  const text = doc.text;
  const places = regionPlaces(doc, ctx.places);
  const located = drafts.filter((d): d is Located => d.type !== 'project').sort((a, b) => a.start - b.start);
  let prevEnd = 0;
  let prevSentence = -1;
  // the start of the paragraph of the number in hand, found by one pass over the text (the numbers are in order)
  let paragraph = 0;
  let scanned = 0;
  let ownRegion: { sentence: number; name: string | null; at: number } = { sentence: -1, name: null, at: -1 };
  for (const d of located) {
    const sentence = doc.sentenceAt(d.start).start;
    if (sentence !== prevSentence) prevEnd = sentence;
    const phrase = phraseStart(doc, d.start, prevEnd);
    // the region of this number's own words, else the last one a number of this sentence had or a clause gave
    const r = regionOf(doc, places, phrase, sentence, d.start);
    if (sentence !== ownRegion.sentence) ownRegion = { sentence, name: null, at: -1 };
    if (r?.own) ownRegion = { sentence, name: r.name, at: r.at };
    d.region = r?.own ? r.name : ownRegion.name !== null && (r === null || ownRegion.at > r.at) ? ownRegion.name : r?.name ?? ctx.document.region;
    for (; scanned < d.start; scanned++) if (text.charCodeAt(scanned) === 0x0a) paragraph = scanned + 1;
    const found = periodBefore(ctx.periods, d, phrase, sentence, paragraph);
    let fields: { period_start: string | null; period_end: string | null };
    if (found) {
      const { p, year } = found;
      // a year the period does not state: the one written with it in the sentence, else (for 今年, 本年度, or
      // nothing) the nearest before it in the paragraph, else the document's
      const fallback = year ?? (p.relative === null ? nearestYear(ctx.periods, p.start, paragraph) : null) ?? ctx.year;
      fields = periodFields(p, p.year === null ? fallback : null);
    } else fields = { period_start: ctx.document.period_start, period_end: ctx.document.period_end };
    // 占比由上年同期的63%: the same months a year back
    if (SAME_PERIOD_LAST_YEAR.test(text.slice(Math.max(0, d.start - 6), d.start))) fields = yearBack(fields);
    d.period_start = fields.period_start;
    d.period_end = fields.period_end;
    prevEnd = d.end;
    prevSentence = sentence;
  }
  metricOf(doc, drafts);
  return ctx.document;
}
