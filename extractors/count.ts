// Counts of projects (SPEC 3, count): a number with a classifier (个 项 条 批) and the project noun it counts,
// in either word order — `591个项目`, `100个投资体量大、带动效应强的市级重点项目` (noun after), `新开工项目26个`,
// `谋划储备项目超过1300个` (noun before), `市级签约14个` (noun elided), `17个列省、354个市级重大产业项目`
// (coordinated counts sharing a noun), `新开工、续建项目分别为30个、50个` (nouns and numbers paired by 分别).
// Words come from ./tables/count.ts; word boundaries and parts of speech from jieba's tokens.
import type { Doc } from '../src/doc.js';
import type { Token } from '../src/segment.js';
import type { Qualifier } from '../src/schemas.js';
import { scanNumber, type NumberMatch } from '../src/numerals.js';
import type { CountDraft, Extractor } from './types.js';
import * as T from './tables/count.js';
import { QUALIFIERS_BEFORE, QUALIFIERS_INSIDE, RANGE_SEPARATORS } from './tables/qualifiers.js';
import { numbersOf, numberAt } from './numbers.js';
import { wordsOf, qualifierBefore, qualifierAfter, isSpaceCode } from './shared.js';
import { codeUnitTest, isHanAt, isHanChar } from '../src/han.js';

type Category = CountDraft['category'];

const set = (words: readonly string[]): Readonly<Record<string, true>> =>
  Object.fromEntries(words.map((w) => [w, true as const]));
const HEADS = set(T.PROJECT_HEADS);
const HEAD_BLOCKERS = set(T.HEAD_BLOCKING_SUFFIXES);
const GOVERNING = new Set(T.GOVERNING_STATUS);
const STATUS_BLOCKERS = set(T.STATUS_AFTER_BLOCKERS);
const LEVELS = set(T.LEVEL_WORDS);
const FILLERS = set(T.REVERSE_FILLERS);
const STOPS = set(T.NOUN_STOP_WORDS);
const NOUN_WORDS = set(T.NOUN_WORDS);
const COORD = set(T.COORDINATORS);
const RESPECTIVELY = set(T.RESPECTIVELY);
const NP_TAGS = new Set(T.NOUN_PHRASE_TAGS);
const SCALE_END = new RegExp(`(?:${T.SCALE_PHRASE})$`);
const SCALE_ANY = new RegExp(T.SCALE_PHRASE);
const SCALE_AT = new RegExp(`^(?:${T.SCALE_PHRASE})`);
/** A year inside a noun: 25个2023年重点建设项目 */
const YEAR_AT = new RegExp(`^(?:${T.YEAR_IN_NOUN})`);
const QUOTES = /[“”‘’"'《》「」〈〉]/g;
const PARENS = /[(（][^()（）]*[)）]/g;
/** QUOTES.test of one code unit (without its g flag) */
const isQuoteCode = codeUnitTest(new RegExp(QUOTES.source));
const OPEN_QUOTES = new Set([...'“‘"\'《「〈']);
const QUOTE_PAIRS: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '「': '」', '〈': '〉', '"': '"', "'": "'" };
const HAN = /\p{Script=Han}/u;
const NUMERAL_CHAR = /[0-9零〇一二两三四五六七八九十百千万]/;
/** NUMERAL_CHAR.test of the code unit at `pos`, memoized by code (0: not asked yet, 1: yes, 2: no); false outside
 * the text, as NUMERAL_CHAR.test(undefined) is */
const numeralMemo = new Uint8Array(0x10000);
function numeralCharAt(text: string, pos: number): boolean {
  if (pos < 0 || pos >= text.length) return false;
  const c = text.charCodeAt(pos);
  let v = numeralMemo[c]!;
  if (v === 0) {
    v = NUMERAL_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    numeralMemo[c] = v;
  }
  return v === 1;
}
/** NOT_PROJECT_NOUNS by first character (an empty one could be written anywhere) */
const NOT_PROJECT_ANY = T.NOT_PROJECT_NOUNS.includes('');
const NOT_PROJECT_BY_FIRST = new Map<number, string[]>();
for (const w of T.NOT_PROJECT_NOUNS) {
  const c = w.charCodeAt(0);
  if (!NOT_PROJECT_BY_FIRST.has(c)) NOT_PROJECT_BY_FIRST.set(c, []);
  NOT_PROJECT_BY_FIRST.get(c)!.push(w);
}
const INSIDE_W = wordsOf(QUALIFIERS_INSIDE);
const QUALIFIERS_BEFORE_W = wordsOf(QUALIFIERS_BEFORE);
const CLASSIFIERS_W = wordsOf(T.COUNT_CLASSIFIERS);
const CHANGE_W = wordsOf(T.CHANGE_WORDS);
const STATUS_W = wordsOf(T.STATUS_WORDS);
const HEADS_W = wordsOf(HEADS);
const HEAD_BLOCKERS_W = wordsOf(HEAD_BLOCKERS);
const STATUS_BLOCKERS_W = wordsOf(STATUS_BLOCKERS);
const LEVELS_W = wordsOf(LEVELS);
const FILLERS_W = wordsOf(FILLERS);
const STOPS_W = wordsOf(STOPS);
const NOUN_WORDS_W = wordsOf(NOUN_WORDS);
const COORD_W = wordsOf(COORD);
const RESPECTIVELY_W = wordsOf(RESPECTIVELY);
const SCALE_W = wordsOf(set(T.SCALE_WORDS));
/** After 项目中, a clause mark: the noun is the whole that the counts after it divide (全市新签约产业项目中，…). */
const SUBSET_NOUN_END = /[，,：:]/;
/** What may follow a count whose noun is elided: a mark, or a word of what is said of it (需要, 为, 已). */
const LABEL_END = /[，,。；;、：:（(\n需为已均]/;

const BARE_UNIT = new RegExp(`[百千万](?=[余多]?[${Object.keys(T.COUNT_CLASSIFIERS).join('')}])`);
const BARE_UNIT_ALL = new RegExp(BARE_UNIT.source, 'g');

function tokenStartingAt(doc: Doc, pos: number): Token | undefined {
  const t = doc.tokenAt(pos);
  return t && t.start === pos ? t : undefined;
}
/** Whether a word may end at `pos`: a token ends there, or what follows is no Han character. */
function wordEnds(doc: Doc, pos: number): boolean {
  return !isHanAt(doc.text, pos) || doc.tokenEndingAt(pos) !== undefined;
}
function wordStarts(doc: Doc, pos: number): boolean {
  return !isHanAt(doc.text, pos - 1) || tokenStartingAt(doc, pos) !== undefined;
}
function npTag(t: Token): boolean {
  if (!NP_TAGS.has(t.tag)) return false;
  if (t.tag === 'x') return HAN.test(t.word);
  if (t.tag === 'eng') return /[A-Za-z]/.test(t.word);
  return true;
}
function singleHan(t: Token | undefined): boolean {
  return t !== undefined && isHanChar(t.word) && !STOPS[t.word];
}
/** Whether a token may stand inside a noun phrase: a noun-like tag, or one character of a word that jieba
 * does not know and cut into single characters, whatever their tags (央/j 地/uv, 列/v 省/n). */
function npToken(doc: Doc, t: Token): boolean {
  if (npTag(t)) return true;
  if (!singleHan(t)) return false;
  return singleHan(doc.tokenEndingAt(t.start)) || singleHan(tokenStartingAt(doc, t.end));
}

/** A number with its classifier and qualifiers. */
interface Counted {
  n: NumberMatch;
  /** start of the number or of the qualifier before it */
  start: number;
  unit: string;
  qualifier: Qualifier;
  /** after the classifier and a qualifier after it (10个以上) */
  after: number;
}

function parseCount(doc: Doc, n: NumberMatch): Counted | null {
  const text = doc.text;
  let pos = n.end;
  let qualifier: Qualifier = 'exact';
  const inside = INSIDE_W.at(text, pos);
  if (inside) {
    pos += inside.length;
    qualifier = QUALIFIERS_INSIDE[inside]!;
  }
  const cls = CLASSIFIERS_W.at(text, pos);
  if (!cls) return null;
  // 5项目: 项 is the start of a head, not a classifier
  if (T.PROJECT_HEADS.some((h) => text.startsWith(h, pos))) return null;
  let after = pos + cls.length;
  let start = n.start;
  // a qualifier is a word of its own: the 约 of 签约14个 is not 约 (approx)
  const qb = qualifierBefore(text, n.start);
  if (qb && wordStarts(doc, qb.start)) {
    start = qb.start;
    if (!inside) qualifier = qb.qualifier;
  }
  const qa = qualifierAfter(text, after);
  if (qa && !text.startsWith('多', after)) {
    after = qa.end;
    qualifier = qa.qualifier;
  }
  return { n, start, unit: T.COUNT_CLASSIFIERS[cls]!, qualifier, after };
}

/** The count starting with a number at `pos`, if one is written there. */
function countAt(doc: Doc, pos: number): Counted | null {
  const n = numberAt(doc, pos);
  return n ? parseCount(doc, n) : null;
}

/** Whether the number is not a count of anything: an ordinal, a vague or indefinite numeral, the end of a
 * range, a change in a number. */
function notACount(doc: Doc, c: Counted): boolean {
  const text = doc.text;
  const { n } = c;
  if (!Number.isInteger(n.value) || n.value < 0) return true;
  if (n.approxMax !== undefined) return true; // 数十个, 八九个: no one number
  if (T.INDEFINITE_NUMERALS.includes(text.slice(n.start, n.end))) return true;
  if (T.NOT_COUNT_BEFORE.includes(text[n.start - 1] ?? '') && !T.COUNT_BEFORE.some((w) => text.startsWith(w, n.start - w.length))) return true;
  let sep: string | undefined;
  for (const s of RANGE_SEPARATORS) {
    if (text.startsWith(s, n.start - s.length)) {
      sep = s;
      break;
    }
  }
  if (sep && NUMERAL_CHAR.test(text[n.start - sep.length - 1] ?? '')) return true;
  const change = CHANGE_W.before(text, c.start);
  if (change && T.CHANGE_WORDS[change]) return true;
  return false;
}

/** After a noun, the words that may stand before its number (数量, 共计, 达到, 超过 …). */
function skipFillers(doc: Doc, pos: number): number {
  const text = doc.text;
  for (let moved = true; moved; ) {
    moved = false;
    const w = FILLERS_W.at(text, pos) ?? QUALIFIERS_BEFORE_W.at(text, pos);
    if (w) {
      pos += w.length;
      moved = true;
    }
  }
  return pos;
}

/** A counted thing that is not a project, written at `pos` (after 多/余): 产业集群, 月, 县区 … */
function notProjectAt(doc: Doc, pos: number): boolean {
  const text = doc.text;
  if (text[pos] === '多' || text[pos] === '余') pos++;
  if (LEVELS_W.at(text, pos)) return false;
  // only the nouns that start with the character at pos (all of them if one is empty)
  const nouns = NOT_PROJECT_ANY ? T.NOT_PROJECT_NOUNS : NOT_PROJECT_BY_FIRST.get(text.charCodeAt(pos < 0 ? 0 : pos));
  if (nouns) for (const w of nouns) if (text.startsWith(w, pos) && wordEnds(doc, pos + w.length)) return true;
  return false;
}

/** Where a head (项目, 工程) written at `pos` ends, if it is a head there. */
function headAt(doc: Doc, pos: number): number | null {
  const text = doc.text;
  const h = HEADS_W.at(text, pos);
  if (!h) return null;
  const end = pos + h.length;
  if (!wordEnds(doc, end)) return null;
  // 项目库, 项目部 (but not 项目部分投产)
  const b = HEAD_BLOCKERS_W.at(text, end);
  if (b && wordEnds(doc, end + b.length)) return null;
  return end;
}

/** A status or scale word straight before the 的 at `de`: it describes the noun after it (已开工的, 亿元以上的). */
function wordBeforeDe(doc: Doc, de: number): string {
  const text = doc.text;
  // a status word that ends with the 的 (已完成的), or one before it
  const s = STATUS_W.before(text, de + 1) ?? STATUS_W.before(text, de) ?? SCALE_W.before(text, de);
  if (s) return s;
  const scale = SCALE_END.exec(text.slice(Math.max(0, de - 12), de));
  return scale ? scale[0] : '';
}

function clean(s: string): string {
  // each replacement only where it has something to remove: a bracket opening, a quote, a space
  let paren = false;
  let quote = false;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) paren = true;
    else if (isQuoteCode(c)) quote = true;
    else if (isSpaceCode(c)) space = true;
  }
  if (paren) s = s.replace(PARENS, '');
  if (quote) s = s.replace(QUOTES, '');
  if (space) s = s.replace(/\s+/g, '');
  return s;
}
function stripLevel(noun: string): string {
  const l = LEVELS_W.at(noun, 0);
  return l ? noun.slice(l.length) : noun;
}

interface Hit {
  start: number;
  end: number;
  noun: string;
  /** the words that may give a status or a scale: the noun plus a verb governing it (储备 …) */
  phrase: string;
  order: 'after' | 'before' | 'elided';
}

/** Whether [from, to) reads as a noun phrase: status, level and scale words, quotes, 、, and tokens with a
 * noun-like tag; a verb only straight before the head (转化项目). */
function nounPhrase(doc: Doc, from: number, to: number, headStart: number): boolean {
  const text = doc.text;
  let p = from;
  while (p < to) {
    const ch = text[p]!;
    // a quoted term is a name, whatever its words (12个“两重”…项目)
    const close = OPEN_QUOTES.has(ch) ? QUOTE_PAIRS[ch] : undefined;
    if (close !== undefined) {
      const q = text.indexOf(close, p + 1);
      if (q > p && q < to && q - p <= T.MAX_QUOTED_TERM) {
        p = q + 1;
        continue;
      }
    }
    if (ch === '、' || OPEN_QUOTES.has(ch) || /[”’》」〉]/.test(ch)) {
      p++;
      continue;
    }
    if (ch === '(' || ch === '（') {
      const close = text.slice(p, to).search(/[)）]/);
      if (close < 0) return false;
      p += close + 1;
      continue;
    }
    const w = STATUS_W.at(text, p) ?? LEVELS_W.at(text, p) ?? NOUN_WORDS_W.at(text, p);
    if (w) {
      p += w.length;
      continue;
    }
    // 续建及竣工项目: statuses joined by a conjunction
    const coord = p > from ? COORD_W.at(text, p) : null;
    if (coord && STATUS_W.before(text, p) && STATUS_W.at(text, p + coord.length)) {
      p += coord.length;
      continue;
    }
    const scale = SCALE_AT.exec(text.slice(p, to)) ?? YEAR_AT.exec(text.slice(p, to));
    if (scale && wordEnds(doc, p + scale[0].length)) {
      p += scale[0].length;
      continue;
    }
    const t = doc.tokenAt(p);
    if (!t) return false;
    if (t.end > headStart && t.start <= headStart) return true; // the token holding the head (建设项目)
    // a verb or an adverb inside the phrase, followed by a noun (新材料相关领域项目), or a verb straight before the
    // head (转化项目); not at its start
    const next = tokenStartingAt(doc, t.end);
    const inside = p > from && T.INNER_TAGS.includes(t.tag) && next !== undefined && next.end <= headStart && npTag(next);
    if (!npToken(doc, t) && !(t.tag.startsWith('v') && t.end === headStart) && !inside) return false;
    p = t.end;
  }
  return true;
}

/** The noun written after the classifier: 591个项目, 100个投资体量大、带动效应强的市级重点项目, 17个列省、354个…项目. */
function nounAfter(doc: Doc, c: Counted, depth = 0): Hit | 'blocked' | null {
  const text = doc.text;
  const a = c.after;
  if (notProjectAt(doc, a)) return 'blocked';
  // a noun written after the classifier starts with a word, not with a mark (新开工项目120个、续建项目180个)
  if (!isHanAt(text, a) && !OPEN_QUOTES.has(text[a] ?? '') && !SCALE_AT.test(text.slice(a, a + 12)) && !YEAR_AT.test(text.slice(a, a + 6))) return null;
  const clauseEnd = doc.clauseEnd(a);
  const limit = Math.min(clauseEnd, a + T.MAX_MODIFIER + T.MAX_NOUN_AFTER);
  let headStart = -1;
  let headEnd = -1;
  for (let p = a; p < limit; p++) {
    const coord = COORD_W.at(text, p);
    if (coord && p > a && depth < 3) {
      const next = countAt(doc, p + coord.length);
      if (next) return coordinated(doc, c, p, next, depth);
    }
    if (p > a && numeralCharAt(text, p) && countAt(doc, p)) return null;
    const e = headAt(doc, p);
    if (e !== null && e <= clauseEnd) {
      headStart = p;
      headEnd = e;
      break;
    }
  }
  if (headStart < 0) {
    // heads that count only with their own classifier: 5项计画, 三项基建
    const own = [...(T.CLASSIFIER_HEADS[c.unit] ?? []), ...(doc.script !== 'simplified' ? T.CLASSIFIER_HEADS_TRADITIONAL[c.unit] ?? [] : [])];
    if (own.length === 0) return null;
    for (let p = a; p < limit && headStart < 0; p++) {
      const h = own.find((w) => text.startsWith(w, p) && wordEnds(doc, p + w.length));
      if (h) {
        headStart = p;
        headEnd = p + h.length;
      }
    }
    if (headStart < 0) return null;
  }
  // a longer noun with a later head: 5个重点工程建设项目
  for (let q = headEnd; q < clauseEnd && q - a < T.MAX_MODIFIER + T.MAX_NOUN_AFTER; ) {
    const t = doc.tokenAt(q);
    if (!t || t.start !== q || !npToken(doc, t)) break;
    const h = T.PROJECT_HEADS.find((x) => t.word.endsWith(x) && headAt(doc, t.end - x.length) !== null);
    if (h) {
      headStart = t.end - h.length;
      headEnd = t.end;
    }
    q = t.end;
  }
  // a noun followed by its own number belongs to that count: 分两批集中开工项目48个
  if (countAt(doc, skipFillers(doc, headEnd))) return null;
  // only a 的 at or after `a` matters: search there, not back through the whole text
  const deAt = text.slice(a, headStart).lastIndexOf('的');
  const de = deAt >= 0 ? a + deAt : -1;
  let np = a;
  if (de >= a) {
    if (de - a > T.MAX_MODIFIER) return null;
    // a modifier with a subject of its own counts that subject: 12个省份实施的项目
    const t1 = tokenStartingAt(doc, a);
    const t2 = t1 && tokenStartingAt(doc, t1.end);
    if (t1 && t2 && /^n[rstz]?$/.test(t1.tag) && t2.tag === 'v' && !T.STATUS_WORDS[t2.word]) return null;
    np = de + 1;
  }
  if (headEnd - np > T.MAX_NOUN_AFTER) return null;
  if (!nounPhrase(doc, np, headStart, headStart)) return null;
  let noun = clean(text.slice(np, headEnd));
  const level = LEVELS_W.before(text, c.start);
  if (level && !LEVELS_W.at(noun, 0) && wordStarts(doc, c.start - level.length)) noun = level + noun;
  const modifier = de >= a ? wordBeforeDe(doc, de) : '';
  return { start: c.start, end: headEnd, noun, phrase: modifier + noun, order: 'after' };
}

/** 17个列省、354个市级重大产业项目: the first count takes the noun of the next one, its own words first. */
function coordinated(doc: Doc, c: Counted, at: number, next: Counted, depth: number): Hit | null {
  const text = doc.text;
  const own = text.slice(c.after, at);
  if (own.length === 0 || own.length > T.MAX_COORDINATED_PART || own.includes('的')) return null;
  if (!nounPhrase(doc, c.after, at, at)) return null;
  const r = nounAfter(doc, next, depth + 1);
  if (!r || r === 'blocked') return null;
  const noun = clean(own) + stripLevel(r.noun);
  return { start: c.start, end: at, noun, phrase: noun, order: 'after' };
}

/** Reads a noun phrase leftwards from `headStart` (the start of its head, or its end when it has none):
 * status, level and scale words, noun-like tokens, a parenthesis; it stops at 等, 的, scope words, places,
 * verbs. A governing status verb (储备 …) before other modifiers is left out of the noun but kept in the
 * phrase; a status or scale word before a 的 is kept as `modifier`. */
function walkNoun(doc: Doc, headStart: number): { start: number; phraseStart: number; modifier: string } {
  const text = doc.text;
  let p = headStart;
  let phraseStart = -1;
  let modifiers = false;
  let status_ = false;
  let modifier = '';
  let parenEnd = -1;
  while (headStart - p < T.MAX_NOUN_BEFORE && p > 0) {
    const ch = text[p - 1]!;
    if (ch === ')' || ch === '）') {
      // (looked for only as far back as it may be: a search back to the start of the text, for every count after a
      // `)` with no `(` near, made a long text's time grow with its square)
      const near = text.slice(Math.max(0, p - 21), p);
      const at = Math.max(near.lastIndexOf('('), near.lastIndexOf('（'));
      const open = at < 0 ? -1 : p - near.length + at;
      if (open < 0 || p - open > 20) break;
      parenEnd = p;
      p = open;
      continue;
    }
    if (/[”’》」〉“‘《「〈"']/.test(ch)) break;
    const stop = STOPS_W.before(text, p);
    if (stop && wordStarts(doc, p - stop.length)) {
      if (stop === '的') modifier = wordBeforeDe(doc, p - 1);
      break;
    }
    const s = STATUS_W.before(text, p);
    if (s && wordStarts(doc, p - s.length)) {
      if (GOVERNING.has(s) && modifiers) {
        phraseStart = p - s.length;
        break;
      }
      p -= s.length;
      status_ = true;
      continue;
    }
    const w = LEVELS_W.before(text, p) ?? NOUN_WORDS_W.before(text, p) ?? SCALE_W.before(text, p);
    if (w && wordStarts(doc, p - w.length)) {
      p -= w.length;
      continue;
    }
    const scale = SCALE_END.exec(text.slice(Math.max(0, p - 12), p));
    if (scale && wordStarts(doc, p - scale[0].length)) {
      p -= scale[0].length;
      modifiers = true;
      continue;
    }
    // before a status word only levels, scales and more status words belong to the noun (省级新开工项目,
    // 亿元以上在建项目)
    if (status_) break;
    const t = doc.tokenAt(p - 1);
    if (!t) break;
    // a verb straight before the head is part of the noun at the start of a clause (，转化项目8个) or after a
    // noun (乡村振兴项目), not after an adverb or a time (全年推进项目)
    const before = doc.tokenEndingAt(t.start);
    const verbInNoun = t.tag.startsWith('v') && t.end === headStart &&
      (t.start === 0 || /[，,；;：:。！？!?、\n\s“‘《]/.test(text[t.start - 1]!) || (before !== undefined && before.tag === 'n'));
    if (npToken(doc, t) || verbInNoun) {
      p = t.start;
      modifiers = true;
      continue;
    }
    break;
  }
  // a parenthesis belongs to the noun only with words before it: not （一）新开工项目
  if (parenEnd >= 0 && p < parenEnd && /[(（]/.test(text[p]!)) p = parenEnd;
  return { start: p, phraseStart: phraseStart >= 0 ? phraseStart : p, modifier };
}

/** The noun written before the number: 新开工项目26个, 储备重大工程清单项目285个, 谋划储备项目超过1300个,
 * 中央预算内资金(含省本级)项目50个; or elided after a status word: 市级签约14个. */
function nounBefore(doc: Doc, c: Counted, prev: CountDraft | undefined): Hit | null {
  const text = doc.text;
  let e = c.start;
  let status = '';
  for (let moved = true; moved; ) {
    moved = false;
    // spaces and a colon between a label and its number (新开工项目 26 个, 新开工项目：26个)
    while (e > 0 && /[\s\u3000:：]/.test(text[e - 1]!)) {
      e--;
      moved = true;
    }
    const f = FILLERS_W.before(text, e);
    if (f) {
      e -= f.length;
      moved = true;
    }
    const q = qualifierBefore(text, e);
    if (q && wordStarts(doc, q.start)) {
      e = q.start;
      moved = true;
    }
    const s = !status ? STATUS_W.before(text, e) : null;
    if (s && HEADS_W.before(text, e - s.length)) {
      // 重点项目开工120个: the status is said of the noun before it
      status = s;
      e -= s.length;
      moved = true;
    }
  }
  const head = HEADS_W.before(text, e);
  if (!head) return elided(doc, c, e, prev);
  const w = walkNoun(doc, e - head.length);
  const phrase = w.modifier + clean(text.slice(w.phraseStart, e)) + status;
  return { start: w.phraseStart, end: c.after, noun: clean(text.slice(w.start, e)), phrase, order: 'before' };
}

/** No noun: 市级签约14个, 其中新开工85个、续建120个 (a status word) or 省级重点项目10个、市级25个 (a level
 * after a count of the same sentence). Only in a sentence about projects. */
function elided(doc: Doc, c: Counted, e: number, prev: CountDraft | undefined): Hit | null {
  const text = doc.text;
  const sent = doc.sentenceAt(c.n.start);
  // the sentence, or the one before it (全市实施项目300个。其中新开工85个、续建120个。)
  const sentence = text.slice(sent.start > 0 ? doc.sentenceAt(sent.start - 1).start : sent.start, sent.end);
  const heads = T.PROJECT_HEADS.filter((h) => sentence.includes(h));
  if (heads.length === 0) return null;
  const status = STATUS_W.before(text, e);
  if (status && wordStarts(doc, e - status.length)) {
    const s = e - status.length;
    const level = LEVELS_W.before(text, s);
    const start = level && wordStarts(doc, s - level.length) ? s - level.length : s;
    const noun = text.slice(start, e) + heads[0]!;
    return { start, end: c.after, noun, phrase: noun, order: 'elided' };
  }
  const level = LEVELS_W.before(text, e);
  if (level && prev && prev.noun && doc.sentenceAt(prev.start) === sent && wordStarts(doc, e - level.length)) {
    const noun = level + stripLevel(prev.noun);
    return { start: e - level.length, end: c.after, noun, phrase: noun, order: 'elided' };
  }
  // a size band as the noun: 其中投资亿元以上18个, 5-10亿元12个
  const scale = SCALE_END.exec(text.slice(Math.max(0, e - 12), e));
  if (scale) {
    const noun = scale[0] + heads[0]!;
    return { start: e - scale[0].length, end: c.after, noun, phrase: noun, order: 'elided' };
  }
  // the noun of a whole that the sentence divides: 其中有70个, 项目23项，未达序时进度2项, 新签约产业项目中，甲产业43个
  if (text[c.after] !== undefined && !LABEL_END.test(text[c.after]!)) return null;
  // the label: from the clause's start or the last 、 (其中甲市45个、乙市30个)
  let from = e;
  for (const c = doc.clauseStart(e); from > c && text[from - 1] !== '、'; ) from--;
  const label = text.slice(from, e);
  if (label.length > T.MAX_LABEL) return null;
  const subsetLead = T.SUBSET_LEADS.find((w) => w !== '中' && label.startsWith(w));
  // the label's own words, after 其中 (有)
  const own = subsetLead ? from + subsetLead.length + (FILLERS_W.at(text, from + subsetLead.length)?.length ?? 0) : from;
  if (T.NOT_PROJECT_NOUNS.some((w) => w && label.endsWith(w)) && !(own < e && placeLabel(doc, own, e))) return null;
  const whole = prev && prev.unit === c.unit && doc.sentenceAt(prev.start) === sent ? prev : undefined;
  if (subsetLead) return { start: own, end: c.after, noun: whole?.noun ?? heads[0]!, phrase: '', order: 'elided' };
  const divided = heads.some((h) => text.slice(sent.start, from).includes(h + '中'));
  if ((whole || divided) && label.length > 0 && !HEADS_W.before(text, e)) {
    const noun = whole?.noun ?? heads[0]!;
    return { start: from, end: c.after, noun, phrase: '', order: 'elided' };
  }
  return null;
}

/** Whether [from, to) names a place (甲市, 福州, 鼓楼区): a place name by jieba, or words of a name ending with an
 * administrative suffix, not a generic word (县区) nor a verb's object (涉及县区). */
function placeLabel(doc: Doc, from: number, to: number): boolean {
  const label = doc.text.slice(from, to);
  const last = doc.tokenEndingAt(to);
  if (last && last.start >= from && last.tag === 'ns') return true;
  if (T.GENERIC_PLACES.includes(label) || !T.PLACE_SUFFIXES.some((w) => label.endsWith(w))) return false;
  return doc.tokensIn(from, to).every((t) => t.start >= from && (npTag(t) || t.tag === 'ns' || singleHan(t)));
}

/** The status words of a phrase: the status of the last one written (储备新开工项目 → new, a governing verb and the
 * noun's own word), and whether the noun itself names two statuses (续建及竣工项目), which makes its status
 * none. */
function statusIn(phrase: string, noun: string): { status: Category; twoInNoun: boolean } {
  let found: Category = null;
  for (let i = 0; i < phrase.length; ) {
    const w = STATUS_W.at(phrase, i);
    if (w) {
      found = T.STATUS_WORDS[w]!;
      i += w.length;
    } else i++;
  }
  const inNoun = new Set<Category>();
  for (let i = 0; i < noun.length; ) {
    const w = STATUS_W.at(noun, i);
    if (w) {
      inNoun.add(T.STATUS_WORDS[w]!);
      i += w.length;
    } else i++;
  }
  return { status: found, twoInNoun: inNoun.size > 1 };
}

/** A status word at `i` said of projects counted elsewhere in the clause (not 开工率, not 签约项目). */
function statusWordAt(doc: Doc, i: number): Category {
  const text = doc.text;
  const w = STATUS_W.at(text, i);
  if (!w) return null;
  const end = i + w.length;
  if (STATUS_BLOCKERS_W.at(text, end) || HEADS_W.at(text, end)) return null;
  if (T.NEGATIONS.some((n) => text.startsWith(n, i - n.length))) return null;
  return T.STATUS_WORDS[w]!;
}

/** The status the clause gives the counted projects: after the count (26个…项目开工建设), or before the noun
 * (开工建设16个项目, 新签外商直接投资项目263个). */
function statusOfClause(doc: Doc, hit: Hit): Category {
  const text = doc.text;
  const end = doc.clauseEnd(hit.end);
  for (let i = hit.end; i < end; i++) {
    if (numeralCharAt(text, i) && countAt(doc, i)) break;
    const s = statusWordAt(doc, i);
    if (s) return s;
  }
  if (hit.order === 'after' || hit.order === 'before') {
    // 开工建设16个项目, 全年新签外商直接投资项目263个: a status word earlier in the clause, with no other noun between;
    // the names of a list closed by 等 before the count (新开工建设甲工程、乙项目等133个项目) are the counted
    // projects themselves, not other nouns
    const from = doc.clauseStart(hit.start);
    const listEnd = hit.order === 'after' && T.LIST_CLOSERS.some((w) => text.startsWith(w, hit.start - w.length))
      ? from : hit.start;
    let found: Category = null;
    for (let i = from; i < hit.start; i++) {
      const w = STATUS_W.at(text, i);
      if (w) {
        found = statusWordAt(doc, i);
        i += w.length - 1;
      } else if (i < listEnd && HEADS_W.at(text, i)) found = null; // a status before another noun belongs to that noun
    }
    if (found) return found;
  }
  return null;
}

/** 新开工、续建项目分别为30个、50个: a list of nouns, 分别, and as many numbers, paired in order. The numbers
 * may share the last one's classifier (分别为30、50个). Returns the drafts, or null when the text is no such
 * list. */
function respectively(doc: Doc, first: NumberMatch): { drafts: CountDraft[]; numbers: NumberMatch[] } | null {
  const text = doc.text;
  const r = RESPECTIVELY_W.before(text, first.start);
  if (!r || !wordStarts(doc, first.start - r.length)) return null;
  // the numbers
  const items: { n: NumberMatch; c: Counted | null }[] = [];
  for (let n: NumberMatch | null = first; n; ) {
    const c = parseCount(doc, n);
    items.push({ n, c });
    const pos: number = c ? c.after : n.end;
    const coord: string | null = COORD_W.at(text, pos);
    n = coord ? numberAt(doc, pos + coord.length) : null;
  }
  while (items.length > 0 && !items[items.length - 1]!.c) items.pop();
  const last = items[items.length - 1]?.c;
  if (items.length < 2 || !last) return null;
  // the nouns, separated by coordinators, the last one with the head
  const e = first.start - r.length;
  const from = doc.clauseStart(e);
  const parts: { start: number; end: number }[] = [];
  let end = e;
  for (let i = e - 1; i >= from && parts.length < items.length - 1; i--) {
    const coord = COORD_W.before(text, i + 1);
    if (!coord) continue;
    parts.unshift({ start: i + 1, end });
    end = i + 1 - coord.length;
    i = end;
  }
  if (parts.length !== items.length - 1) return null;
  parts.unshift({ start: from, end });
  const head = HEADS_W.before(text, e);
  if (!head) return null;
  const lastStart = walkNoun(doc, e - head.length).start;
  if (lastStart !== parts[parts.length - 1]!.start) return null;
  const lastNoun = clean(text.slice(lastStart, e));
  // what the nouns share: the last one without its own status or level word (续建项目 → 项目, 市级重点项目 →
  // 重点项目), else its head (工业、服务业项目 → 工业项目)
  const lead = STATUS_W.at(lastNoun, 0) ?? LEVELS_W.at(lastNoun, 0);
  const shared = lead ? lastNoun.slice(lead.length) : head;
  const nouns: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) {
    const { start, end: pe } = parts[i]!;
    const s = walkNoun(doc, pe).start;
    if (s === pe || (i > 0 && s !== start) || notProjectAt(doc, s)) return null;
    const own = clean(text.slice(s, pe));
    nouns.push(T.PROJECT_HEADS.some((h) => own.endsWith(h)) ? own : own + shared);
  }
  nouns.push(lastNoun);
  const drafts: CountDraft[] = [];
  items.forEach(({ n, c }, i) => {
    if (!Number.isInteger(n.value) || n.approxMax !== undefined) return;
    const start = c ? c.start : n.start;
    const end = c ? c.after : n.end;
    if (doc.crossesGarbled(start, end)) return;
    const hit: Hit = { start, end, noun: nouns[i]!, phrase: nouns[i]!, order: 'before' };
    drafts.push({
      type: 'count', start, end, value: n.value, unit: (c ?? last).unit, noun: nouns[i]!,
      category: categoryOf(doc, hit, drafts), qualifier: c ? c.qualifier : 'exact',
    });
  });
  return { drafts, numbers: items.map((x) => x.n) };
}

/** The category SPEC 3 gives a count: a status word in its noun first (two statuses there: none), then the status its
 * clause gives the counted projects, then that of the count it is a subset of (谋划项目511个，其中百亿级项目21个),
 * then a scale word (重点, 亿元以上 …). */
function categoryOf(doc: Doc, hit: Hit, before: readonly CountDraft[]): Category {
  const own = statusIn(hit.phrase, hit.noun);
  if (own.twoInNoun) return null;
  if (own.status) return own.status;
  const said = statusOfClause(doc, hit);
  if (said) return said;
  const whole = subsetOf(doc, hit, before);
  if (whole && whole.category !== 'key' && whole.category !== null) return whole.category;
  if (T.SCALE_WORDS.some((w) => hit.phrase.includes(w)) || SCALE_ANY.test(hit.phrase)) return 'key';
  return null;
}

/** What `hit` is a subset of in its sentence: the nearest count before it that a subset lead (其中, 当中, 中)
 * follows (谋划项目511个，其中甲项目21个、乙项目8个: both are of the 511), or else the status of a noun
 * written with its status and a subset lead (全市新签约产业项目中，甲项目43个). */
function subsetOf(doc: Doc, hit: Hit, before: readonly CountDraft[]): { category: Category } | undefined {
  const text = doc.text;
  const sent = doc.sentenceAt(hit.start);
  let next = hit.start;
  for (let k = before.length - 1; k >= 0; k--) {
    const d = before[k]!;
    if (d.end > hit.start) continue;
    if (d.start < sent.start) break;
    const between = text.slice(d.end, next);
    if (T.SUBSET_LEADS.some((w) => (w === '中' ? between.startsWith(w) : between.includes(w)))) return d;
    next = d.start;
  }
  // a status noun followed by 中 and a clause mark: the status of the whole
  const lead = text.slice(sent.start, hit.start);
  for (const h of T.PROJECT_HEADS) {
    const i = lead.lastIndexOf(h + '中');
    if (i < 0 || !SUBSET_NOUN_END.test(lead[i + h.length + 1] ?? '')) continue;
    const from = doc.clauseStart(sent.start + i);
    const status = statusIn(text.slice(from, sent.start + i), '').status;
    if (status) return { category: status };
  }
  return undefined;
}

/** The numerals of the text, and a bare 百, 千 or 万 after a qualifier before a classifier (近百个项目, 逾千个),
 * which the numeral scanner leaves alone elsewhere (百分之, 百大项目). */
function candidates(doc: Doc): NumberMatch[] {
  const text = doc.text;
  const nums = numbersOf(doc);
  const extra: NumberMatch[] = [];
  const re = BARE_UNIT_ALL;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const q = qualifierBefore(text, m.index);
    if (!q) continue;
    const n = scanNumber(text, m.index, { allowBareUnit: true });
    if (n) extra.push(n);
  }
  if (extra.length === 0) return nums;
  return [...nums, ...extra].sort((x, y) => x.start - y.start);
}

/** A Chinese numeral written straight before a project noun at the start of a clause, with no classifier: a
 * headline's 四工程项目 (SPEC 3: unit null). Not 一 (一项目 is an article), not Arabic digits (5项目 is a
 * code or a list's number more often than a count). */
function bareCount(doc: Doc, n: NumberMatch): CountDraft | null {
  const text = doc.text;
  if (n.arabic || n.approxMax !== undefined || !Number.isInteger(n.value) || n.value < 2) return null;
  if (doc.clauseStart(n.start) !== n.start && !/[\s“‘《【「]/.test(text[n.start - 1] ?? '')) return null;
  const noun = T.BARE_COUNT_NOUNS.find((w) => text.startsWith(w, n.end) && wordEnds(doc, n.end + w.length));
  if (!noun) return null;
  const end = n.end + noun.length;
  if (doc.crossesGarbled(n.start, end)) return null;
  return { type: 'count', start: n.start, end, value: n.value, unit: null, noun, category: null, qualifier: 'exact' };
}

export const count: Extractor = {
  type: 'count',
  version: 1,
  extract(doc: Doc): CountDraft[] {
    const out: CountDraft[] = [];
    const done = new Set<number>();
    for (const n of candidates(doc)) {
      if (done.has(n.start)) continue;
      const list = respectively(doc, n);
      if (list) {
        out.push(...list.drafts);
        for (const x of list.numbers) done.add(x.start);
        continue;
      }
      const c = parseCount(doc, n);
      if (!c) {
        const bare = bareCount(doc, n);
        if (bare) out.push(bare);
        continue;
      }
      if (notACount(doc, c)) continue;
      const after = nounAfter(doc, c);
      if (after === 'blocked') continue;
      const hit = after ?? nounBefore(doc, c, out[out.length - 1]);
      if (!hit || !hit.noun) continue;
      if (doc.crossesGarbled(hit.start, hit.end)) continue;
      out.push({
        type: 'count',
        start: hit.start,
        end: hit.end,
        value: n.value,
        unit: c.unit,
        noun: hit.noun,
        category: categoryOf(doc, hit, out),
        qualifier: c.qualifier,
      });
    }
    return out;
  },
};
