// Percentages, percentage points and multiples (SPEC 3): [qualifier] (number | 百分之numeral) [range] unit
// [qualifier], with the direction and basis the clause gives before it.
import type { Doc } from '../src/doc.js';
import type { Qualifier } from '../src/schemas.js';
import { scanNumber, type NumberMatch } from '../src/numerals.js';
import type { Extractor, PercentageDraft } from './types.js';
import { PERCENT_UNIT_WORDS, PERCENT_PREFIXES, DIRECTION_WORDS, DIRECTION_ADJACENT, BASIS_WORDS, COMPARATIVE_WORDS,
  PROGRESS_AFTER, SHARE_AFTER, PROGRESS_VERBS, PROGRESS_RATES,
  COMPARATIVE_DIRECTION, OWN_REFERENCE, NOT_SAME_PERIOD, TARGET_WORDS, SHARE_OVER_PROGRESS, LEVEL_BEFORE,
  GROWTH_VERBS, REFERENCE_COMPARATORS, REFERENCE_LIST_END, NOT_REFERENCE, WIDEN_VERBS, DECLINE_NOUNS } from './tables/percentage.js';
import { numbersOf } from './numbers.js';
import { UNIT_SHARING_COORDINATORS } from './tables/qualifiers.js';
import { wordsOf, qualifierBefore, qualifierAfter, rangeEnd, sharedUnitAfter } from './shared.js';

const NUMERAL_CHAR = /[0-9零〇一二两三四五六七八九十百千万亿]/;
const MINUS = /[-−－负]/;
const UNITS = wordsOf(PERCENT_UNIT_WORDS);
const DIRECTIONS = wordsOf(DIRECTION_WORDS);
const ADJACENT = wordsOf(DIRECTION_ADJACENT);

export function directionBefore(doc: Doc, pos: number, from: number): 'up' | 'down' | null {
  const text = doc.text;
  // straight before the number (增5%, 比全国高2.3个百分点), allowing 了
  let p = pos;
  if (text[p - 1] === '了') p--;
  const word = DIRECTIONS.before(text, p);
  const adj = ADJACENT.before(text, p);
  // otherwise the nearest direction word before it in the clause, as whole jieba words (增加值 is not 增加)
  const toks = doc.tokensIn(from, pos);
  // a token of toks (those that overlap [from, pos)) starts at a / ends at b
  const startsAt = (a: number) => {
    const t = doc.tokenAt(a);
    return t !== undefined && t.start === a && t.end > from && t.start < pos;
  };
  const endsAt = (b: number) => {
    const t = doc.tokenEndingAt(b);
    return t !== undefined && t.end > from && t.start < pos;
  };
  const whole = (a: number, b: number) => (a === from || startsAt(a)) && (b === pos || endsAt(b));
  if (word && word.length > 1 && whole(p - word.length, p)) return DIRECTION_WORDS[word]!;
  if (adj) return DIRECTION_ADJACENT[adj]!;
  for (let i = toks.length - 1; i >= 0; i--) {
    const cmp = COMPARATIVE_DIRECTION[toks[i]!.word];
    if (cmp) return cmp;
    const end = Math.min(toks[i]!.end, pos);
    const w = DIRECTIONS.before(text, end);
    if (w && w.length > 1 && end - w.length >= from && whole(end - w.length, end)) return DIRECTION_WORDS[w]!;
  }
  return null;
}

export function basisOf(doc: Doc, start: number, end: number, from: number): PercentageDraft['basis'] {
  const text = doc.text;
  // what follows the number names what it is a rate of (实现100%入统, 30%以上项目): that decides first
  if (PROGRESS_AFTER.some((w) => text.startsWith(w, end))) return 'progress';
  if (SHARE_AFTER.some((w) => text.startsWith(w, end))) return 'share';
  let before = basisBefore(doc, start, from);
  const clauseText = text.slice(from, start);
  const shareWord = SHARE_OVER_PROGRESS.some((w) => clauseText.includes(w));
  // 占年度计划投资比重达53.3%: the share word wins; 占比由上年同期的63%提高到65.1%: a share's levels
  if (shareWord && (before === 'progress' || ((before === 'yoy' || before === 'mom') && LEVEL_BEFORE.some((w) => clauseText.endsWith(w))))) before = 'share';
  // …中占比最大的甲业分别增长35.2%: a growth rate
  if (before === 'share' && GROWTH_VERBS.some((v) => clauseText.replace(/分别$/, '').endsWith(v))) before = null;
  if (before) return before;
  // 已完成80%, 完成工程总量的90%: completion of the work
  const clause = text.slice(from, start);
  for (const v of PROGRESS_VERBS) {
    const i = clause.lastIndexOf(v);
    if (i >= 0 && !/[增降减提升]/.test(clause.slice(i + v.length))) return 'progress';
  }
  return null;
}

export function basisBefore(doc: Doc, pos: number, from: number): PercentageDraft['basis'] {
  let clause = doc.text.slice(from, pos);
  // a comparison with another reference cuts off the cues before it
  for (const w of COMPARATIVE_WORDS) {
    const i = clause.lastIndexOf(w);
    if (i >= 0) clause = clause.slice(i + w.length);
  }
  // the first family (in the table's order) with a word in the clause
  let best = BASIS_EMPTY >= 0 ? BASIS_EMPTY : BASIS_WORDS.length;
  for (let i = 0; i < clause.length && best > 0; i++) {
    const ws = BASIS_BY_FIRST.get(clause.charCodeAt(i));
    if (ws) {
      for (const { word, family } of ws) {
        if (family < best && clause.startsWith(word, i) && !insideNotSamePeriod(clause, i, word)) best = family;
      }
    }
  }
  return best < BASIS_WORDS.length ? BASIS_WORDS[best]!.basis : null;
}

/** The words of BASIS_WORDS by first character, each with the index of its family; an empty word (in every clause)
 * gives BASIS_EMPTY its family. */
const BASIS_BY_FIRST = new Map<number, { word: string; family: number }[]>();
let BASIS_EMPTY = -1;
BASIS_WORDS.forEach(({ words }, family) => {
  for (const word of words) {
    if (word === '') {
      if (BASIS_EMPTY < 0) BASIS_EMPTY = family;
      continue;
    }
    const c = word.charCodeAt(0);
    if (!BASIS_BY_FIRST.has(c)) BASIS_BY_FIRST.set(c, []);
    BASIS_BY_FIRST.get(c)!.push({ word, family });
  }
});

export const percentage: Extractor = {
  type: 'percentage',
  version: 1,
  extract(doc: Doc): PercentageDraft[] {
    const text = doc.text;
    const out: PercentageDraft[] = [];
    const nums = numbersOf(doc);
    // 百分之十二点五: the prefix makes the numeral a percentage
    const prefixedList: { n1: NumberMatch; start: number }[] = [];
    for (const pre of PERCENT_PREFIXES) {
      for (let i = text.indexOf(pre); i >= 0; i = text.indexOf(pre, i + 1)) {
        // 五百分之2.2 is a fraction, not a percentage
        if (NUMERAL_CHAR.test(text[i - 1] ?? '')) continue;
        const n = scanNumber(text, i + pre.length, { allowBareUnit: true });
        if (n) prefixedList.push({ n1: n, start: i });
      }
    }
    prefixedList.sort((a, b) => a.start - b.start);
    let consumedTo = -1;
    // the numbers and the prefixed numerals in order of start, the numbers first at the same start (the order of a
    // stable sort of the numbers followed by the prefixed numerals)
    for (let k = 0, j = 0; k < nums.length || j < prefixedList.length; ) {
      const prefixed = j < prefixedList.length && (k >= nums.length || prefixedList[j]!.start < nums[k]!.start);
      const n1 = prefixed ? prefixedList[j++]!.n1 : nums[k++]!;
      const cStart = prefixed ? prefixedList[j - 1]!.start : n1.start;
      if (n1.start < consumedTo) continue;
      // 二三十个百分点 is a vague range, not a figure
      if (n1.approxMax !== undefined) continue;
      let pos = n1.end;
      let n2: NumberMatch | null = null;
      let unitWord: string | null = null;
      if (prefixed) {
        const r = rangeEnd(text, pos);
        if (r && text.startsWith('百分之', pos + r.sep.length)) {
          const m = scanNumber(text, pos + r.sep.length + 3);
          if (m) { n2 = m; pos = m.end; }
        } else if (r) { n2 = r.num; pos = r.num.end; }
      } else {
        unitWord = UNITS.at(text, pos);
        // 5%-8%, 5%至8%
        const r = rangeEnd(text, unitWord ? pos + unitWord.length : pos);
        if (r) {
          const u2 = UNITS.at(text, r.num.end);
          if (u2 && (!unitWord || PERCENT_UNIT_WORDS[u2] === PERCENT_UNIT_WORDS[unitWord])) {
            n2 = r.num;
            unitWord = u2;
            pos = r.num.end;
          }
        }
        if (!unitWord) {
          // 分别高14.2和10.5个百分点: the unit of the last number of a list
          unitWord = sharedUnitAfter(text, pos, (m) => UNITS.at(text, m.end));
          if (!unitWord) continue;
        } else pos += unitWord.length;
      }
      // a multiple is a percentage only as a change or a ratio (增长3.3倍, 是…的2倍), not in 倍增 or 加倍
      const unit = prefixed ? 'percent' : PERCENT_UNIT_WORDS[unitWord!]!;
      let start = cStart;
      let value: number | null = n1.value;
      // a minus sign as written: 增长-5.2%
      if (!prefixed && MINUS.test(text[start - 1] ?? '') && !/[0-9%]/.test(text[start - 2] ?? '')) {
        start--;
        value = -n1.value;
      }
      let qualifier: Qualifier = n2 ? 'range' : 'exact';
      const qb = qualifierBefore(text, start);
      if (qb && !n2) {
        qualifier = qb.qualifier;
        start = qb.start;
      }
      const qa = qualifierAfter(text, pos);
      if (qa && !n2 && text[pos] !== '多') {
        qualifier = qa.qualifier;
        pos = qa.end;
      }
      const end = pos;
      consumedTo = end;
      if (doc.crossesGarbled(start, end)) continue;
      const from = doc.clauseStart(start);
      let direction = directionBefore(doc, qb && !n2 ? qb.start : start, from);
      // 降幅扩大了4.2个百分点: a decline that widens is a change down
      if (direction === 'up' && WIDEN_VERBS.some((v) => text.slice(from, start).includes(v)) &&
        DECLINE_NOUNS.some((w) => text.slice(from, start).includes(w))) direction = 'down';
      let basis = basisOf(doc, start, end, from);
      // a level (达到100%) is not a change: a yoy/mom cue nearby is about something else
      if (direction === null && (basis === 'yoy' || basis === 'mom')) basis = null;
      // a level in a sentence about a progress rate (入统率已经达到97%,…达到100%) is that rate
      if (direction === null && basis === null) {
        const lead = text.slice(doc.sentenceAt(start).start, start);
        if (PROGRESS_RATES.some((w) => lead.includes(w))) basis = 'progress';
      }
      out.push({
        type: 'percentage', start, end,
        value: n2 ? null : value,
        min: n2 ? n1.value : null,
        max: n2 ? n2.value : null,
        unit,
        direction,
        basis,
        qualifier,
        subject: null,
      });
    }
    shareListQualifier(text, out);
    pairReferences(doc, out);
    inheritBasis(doc, out);
    return out;
  },
};

/** SPEC 3: a yoy (or mom) cue carries forward in its paragraph to later growth figures that state no comparison of
 * their own (全市投资同比增长29.6%。其中，第一产业投资增长33.9% → yoy); not to a figure compared with something
 * else (增幅比1—3月回落13.2个百分点), nor to a contribution (拉动投资增长2.9个百分点), nor to a target. */
function inheritBasis(doc: Doc, drafts: PercentageDraft[]): void {
  const text = doc.text;
  // one pass over the text, as far as the clause of each figure in turn: whether its paragraph has had a yoy cue
  let pos = 0;
  let cue = false;
  for (const d of drafts) {
    const from = doc.clauseStart(d.start);
    for (; pos < from; pos++) {
      if (text.charCodeAt(pos) === 0x0a) cue = false;
      else if (!cue && changeCueAt(text, pos, 'yoy')) cue = true;
    }
    if (d.basis !== null || d.direction === null || !cue) continue;
    const lead = text.slice(from, d.start);
    const bare = NOT_REFERENCE.reduce((l, w) => l.split(w).join(''), lead);
    if (OWN_REFERENCE.some((w) => bare.includes(w))) continue;
    // a target or a forecast (力争全年增长7%左右) is no measured change
    if (TARGET_WORDS.some((w) => lead.includes(w))) continue;
    // only a yoy cue carries (SPEC 3): a month-on-month comparison is said of its own figure
    d.basis = 'yoy';
  }
}

/** A qualifier written before the first figure of a list holds for the figures joined to it (约50%和35%). */
function shareListQualifier(text: string, drafts: PercentageDraft[]): void {
  for (let k = 1; k < drafts.length; k++) {
    const d = drafts[k]!;
    const prev = drafts[k - 1]!;
    if (d.qualifier !== 'exact' || prev.qualifier === 'exact' || prev.qualifier === 'range') continue;
    if (UNIT_SHARING_COORDINATORS.includes(text.slice(prev.end, d.start))) d.qualifier = prev.qualifier;
  }
}

/** Figures of one clause paired in order with a list of references before them (分别比上年同期、上年全年提高3.0和
 * 1.6个百分点): each takes the basis of its own reference (yoy, and null for 上年全年). */
function pairReferences(doc: Doc, drafts: PercentageDraft[]): void {
  const text = doc.text;
  for (let k = 0; k < drafts.length; ) {
    const from = doc.clauseStart(drafts[k]!.start);
    let n = k + 1;
    while (n < drafts.length && doc.clauseStart(drafts[n]!.start) === from) n++;
    const group = drafts.slice(k, n);
    k = n;
    if (group.length < 2 || group.some((d) => d.direction === null)) continue;
    const lead = text.slice(from, group[0]!.start);
    const list = lead.indexOf('、');
    if (list < 0) continue;
    let c = -1;
    let cw = '';
    for (const w of REFERENCE_COMPARATORS) {
      const i = lead.lastIndexOf(w, list);
      if (i > c) {
        c = i;
        cw = w;
      }
    }
    if (c < 0) continue;
    let end = lead.length;
    for (const w of REFERENCE_LIST_END) {
      const i = lead.indexOf(w, list);
      if (i >= 0 && i < end) end = i;
    }
    const refs = lead.slice(c + cw.length, end).split('、');
    if (refs.length !== group.length) continue;
    group.forEach((d, i) => {
      const ref = refs[i]!;
      d.basis = lastChangeCue(ref, 0, ref.length);
    });
  }
}

/** Whether the cue `word` written at `i` is part of a comparison with another period (比上年全年). */
function insideNotSamePeriod(text: string, i: number, word: string): boolean {
  for (const w of NOT_SAME_PERIOD) {
    const k = w.indexOf(word);
    if (k >= 0 && text.startsWith(w, i - k)) return true;
  }
  return false;
}

/** The family (yoy or mom) of the last change cue written in [from, to), leaving out comparisons with another
 * period that begin like one (比上年全年). */
function lastChangeCue(text: string, from: number, to: number): 'yoy' | 'mom' | null {
  for (let i = to - 1; i >= from; i--) {
    const c = changeCueAt(text, i, 'yoy') ?? changeCueAt(text, i, 'mom');
    if (c) return c;
  }
  return null;
}

/** `family` when a cue of that family (yoy or mom) starts at `i`, not inside a comparison with another period. */
function changeCueAt(text: string, i: number, family: 'yoy' | 'mom'): 'yoy' | 'mom' | null {
  const ws = BASIS_BY_FIRST.get(text.charCodeAt(i));
  if (!ws) return null;
  for (const { word, family: f } of ws) {
    if (BASIS_WORDS[f]!.basis === family && text.startsWith(word, i) && !insideNotSamePeriod(text, i, word)) return family;
  }
  return null;
}
