// Best-effort subject of amounts and percentages: the phrase the clause gives before the number, or, for a
// clause that names none (同比增长7.3%, 占总投资的15.5%), the subject of the number before it in the same
// sentence. Runs as a linker over all drafts, so percentages inherit from amounts and projects can name what
// an amount is the investment of.
import type { Doc } from '../src/doc.js';
import type { AmountDraft, Draft, PercentageDraft } from './types.js';
import {
  REFERENCE_WORDS, VERB_WORDS, TRAILING_WORDS, LEADING_WORDS, VERBS_BEFORE_SPECIFIC, GENERIC_OBJECTS, LEADING_TIME,
  COUNT_CLASSIFIERS, MEASURE_VERBS, MAX_SUBJECT_CHARS, CONJUNCTIONS,
} from './tables/subject.js';
import { isSpaceCode } from './shared.js';
import { codeUnitTest } from '../src/han.js';

const leading = [...LEADING_WORDS].sort((a, b) => b.length - a.length);
const LEADING_SET = new Set(leading);
const TRAILING_SET = new Set(TRAILING_WORDS);

/** Words by first character, each list in the order of `words` (an empty word is in every list). */
function byFirstChar(words: readonly string[]): (s: string, i: number) => readonly string[] {
  if (words.includes('')) return () => words;
  const m = new Map<number, string[]>();
  // the first characters also as a bitset, which answers most positions (no word starts there) in one read
  const bits = new Uint32Array(0x10000 >> 5);
  for (const w of words) {
    const c = w.charCodeAt(0);
    if (!m.has(c)) m.set(c, []);
    m.get(c)!.push(w);
    bits[c >> 5]! |= 1 << (c & 31);
  }
  const none: readonly string[] = [];
  return (s, i) => {
    const c = s.charCodeAt(i);
    if (((bits[c >> 5]! >>> (c & 31)) & 1) === 0) return none;
    return m.get(c) ?? none;
  };
}
const leadingAt = byFirstChar(leading);
const PLACE_ONLY = /^[\p{Script=Han}]{1,8}(?:省|市|县|区|自治县|自治州|新区|开发区|州|旗|镇|乡)$/u;

const OPENING_MARKS = /^[\s,，、:：;；“”"'‘’()（）]+/;
/** Whether one code unit is one of OPENING_MARKS' characters. */
const isOpeningMark = codeUnitTest(new RegExp(OPENING_MARKS.source.slice(1, -1)));

function peel(s: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    if (s.length > 0 && isOpeningMark(s.charCodeAt(0))) s = s.replace(OPENING_MARKS, '');
    const t = LEADING_TIME.exec(s);
    if (t && t[0].length > 0) {
      s = s.slice(t[0].length);
      changed = true;
      continue;
    }
    for (const w of leadingAt(s, 0)) {
      if (s.startsWith(w) && s.length > w.length) {
        s = s.slice(w.length);
        changed = true;
        break;
      }
    }
    for (const v of VERBS_BEFORE_SPECIFIC) {
      // 完成固定资产投资 → 固定资产投资; but 完成投资 and 完成率 stay whole
      if (s.startsWith(v) && s.length > v.length + 1 && !GENERIC_OBJECTS.includes(s.slice(v.length))) {
        s = s.slice(v.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

const FRAMES = new Map<string, boolean>([...REFERENCE_WORDS.map((w) => [w, false] as const), ...VERB_WORDS.map((w) => [w, true] as const)]);
/** the framing words longest first, by first character: the word a regexp alternation of them matches at a position */
const framesAt = byFirstChar([...FRAMES.keys()].sort((a, b) => b.length - a.length));

/** The first framing word in [from, to): at a token boundary, and a whole token when it is one character. */
function firstFrame(doc: Doc, from: number, to: number): { at: number; word: string; verb: boolean } | null {
  const text = doc.text;
  for (let i = from; i < to; i++) {
    // the longest framing word at i; the search ends at the first one that does not end by `to`
    let w: string | null = null;
    for (const f of framesAt(text, i)) {
      if (text.startsWith(f, i)) {
        w = f;
        break;
      }
    }
    if (w === null) continue;
    const e = i + w.length;
    if (e > to) return null;
    // whole words only: 增加 is not a frame inside 增加值
    const whole = (i === from || doc.tokenAt(i)?.start === i) && (e === to || doc.tokenAt(e - 1)?.end === e);
    if (whole) return { at: i, word: w, verb: FRAMES.get(w)! };
  }
  return null;
}

function clean(s: string, doc: Doc, end: number): string {
  s = peel(s);
  // what follows a number in the phrase: 82个重点项目累计完成投资 → 累计完成投资
  if (/[0-9%]/.test(s)) {
    s = s.replace(/^.*[0-9%]/, '');
    if (COUNT_CLASSIFIERS.includes(s[0] ?? '')) {
      // the first measure verb after the classifier (a loop: see prepareItems in project.ts)
      let first = -1;
      for (const m of MEASURE_VERBS) {
        const i = s.indexOf(m);
        if (i > 0 && (first < 0 || i < first)) first = i;
      }
      s = first > 0 ? s.slice(first) : s.slice(1);
    }
    s = peel(s);
  }
  // a bracket still open before the number says what the number is: 扩建计划第一期(核准工程预算 → 核准工程预算
  const open = Math.max(s.lastIndexOf('('), s.lastIndexOf('（'));
  if (open >= 0 && !/[)）]/.test(s.slice(open))) s = s.slice(open + 1) || s.slice(0, open);
  if (s.includes('(') || s.includes('（')) s = s.replace(/[(（][^()（）]*[)）]/g, '');
  for (const c of CONJUNCTIONS) {
    const i = s.lastIndexOf(c);
    if (i >= 0 && i + c.length < s.length - 1) s = s.slice(i + c.length);
  }
  if (s[0] === '的') s = s.replace(/^的+/, '');
  // the end of a list: 绿色建材、生物医药、高端装备等制造业项目完成投资 → 制造业项目完成投资
  const deng = s.lastIndexOf('等');
  if (deng >= 0 && deng < s.length - 2) s = s.slice(deng + 1);
  for (let changed = true; changed; ) {
    changed = false;
    if (s.length > 0 && (s[s.length - 1] === '的' || isSpaceCode(s.charCodeAt(s.length - 1)))) s = s.replace(/[的\s]+$/, '');
    for (const w of TRAILING_WORDS) {
      if (s.endsWith(w) && s.length > w.length + 1) {
        s = s.slice(0, -w.length);
        changed = true;
      }
    }
  }
  if (s.length > MAX_SUBJECT_CHARS) {
    // keep the last characters, from the start of a word
    let cut = s.length - MAX_SUBJECT_CHARS;
    if (doc.text.slice(end - s.length, end) === s) {
      const t = doc.tokenAt(end - s.length + cut);
      if (t && t.start < end - s.length + cut) cut = Math.min(s.length, t.end - (end - s.length));
    }
    s = s.slice(cut);
  }
  // a frame word alone (全年累计 → 累计) names nothing
  if (LEADING_SET.has(s) || TRAILING_SET.has(s)) return '';
  return s.length >= 2 ? s : '';
}

/** The subject the clause itself gives for the number at `pos`, or null. `from` is where the phrase starts
 * for this number (after the clause mark, a list mark or the previous number). */
export function subjectBefore(doc: Doc, pos: number, from: number): string | null {
  for (let start = from; start < pos; ) {
    const f = firstFrame(doc, start, pos);
    const left = clean(doc.text.slice(start, f ? f.at : pos), doc, f ? f.at : pos);
    if (left) return left;
    if (!f || !f.verb) return null;
    start = f.at + f.word.length;
  }
  return null;
}

type Measured = AmountDraft | PercentageDraft;

/** Assigns subjects to every amount and percentage draft, in order of position. */
export function assignSubjects(doc: Doc, drafts: Draft[]): void {
  const text = doc.text;
  const measured = drafts.filter((d): d is Measured => d.type === 'amount' || d.type === 'percentage').sort((a, b) => a.start - b.start);
  let sentence = -1;
  let prev: string | null = null;
  let prevEnd = 0;
  for (const d of measured) {
    const sent = doc.sentenceAt(d.start).start;
    if (sent !== sentence) {
      prev = null;
      prevEnd = sent;
    }
    // the phrase for this number starts after the clause mark, a list mark 、, or the number before it
    let from = Math.max(doc.clauseStart(d.start), prevEnd);
    // the last 、 before the number, looked for only back to `from`
    for (let i = d.start - 1; i >= from; i--) {
      if (text.charCodeAt(i) === 0x3001) {
        from = i + 1;
        break;
      }
    }
    const own = subjectBefore(doc, d.start, from);
    d.subject = own ?? prev;
    prev = d.subject;
    prevEnd = d.end;
    sentence = sent;
  }
  // an amount tied to a named project measures that project (桓仁满族自治县109.6亿元大雅河抽水蓄能)
  for (const p of drafts) {
    if (p.type !== 'project') continue;
    for (const a of p.amounts) if (a.subject === null || PLACE_ONLY.test(a.subject) || a.subject === p.location) a.subject = p.name;
  }
}
