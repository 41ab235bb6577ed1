// Named projects (SPEC 3, project). Four shapes, all read clause by clause:
//  - lists before 等…项目 / 等…工程 (北营料场环保改造、绿色矿山提效等本钢集团项目), whose items may carry a place and an
//    amount before the name (桓仁满族自治县109.6亿元大雅河抽水蓄能);
//  - 、-lists whose items end with facility heads (弥师路、锁平高速公路);
//  - names that end with a head (雷打滩水电站, 东关街历史文化街区改造项目), their left edge found on jieba's tokens;
//  - quoted names (“竹浆纸一体化项目”).
// Categories, programmes, organisations and anonymous projects are told apart by the tables in tables/project.ts.
import type { Doc } from '../src/doc.js';
import type { Token } from '../src/segment.js';
import type { ProjectRecord } from '../src/schemas.js';
import type { Extractor, ProjectDraft } from './types.js';
import * as T from './tables/project.js';
import { codeUnitTest, isHanAt, isHanCode } from '../src/han.js';
import { wordList } from './shared.js';

type Status = ProjectRecord['status'];

// the tables matched at a position or at an end, indexed by first and last character, longest word first
const NOUN_HEADS = wordList(T.NOUN_HEADS);
const WEAK_HEADS = wordList(T.WEAK_HEADS);
const VERB_HEADS = wordList(T.VERB_HEADS);
const STATUS_KEYS = wordList(Object.keys(T.STATUS_WORDS));
const PLACE_SUFFIXES = wordList(T.PLACE_SUFFIXES);
const PLACE_SUFFIX_SET = new Set(T.PLACE_SUFFIXES);
const STAGE_WORDS = wordList(T.STAGE_WORDS);
const ORG_ENDINGS = wordList(T.ORG_ENDINGS);
const PROGRAMME_ENDINGS = wordList(T.PROGRAMME_ENDINGS);
const PROJECT_BLOCKERS = wordList(T.PROJECT_BLOCKERS);
const HEAD_BLOCKERS = wordList(T.HEAD_BLOCKERS);
const CLOSERS = wordList(T.ACTION_CLOSERS);
const LIST_NOUNS = wordList(T.LIST_NOUNS);
const P = T.PROJECT_NOUN;
const W = T.WORKS_NOUN;
const QUOTED_CATEGORY = new RegExp(`^[“"「『][^”"」』]+[”"」』](?:${T.QUOTED_CATEGORY_ENDINGS.join('|')})$`);
// a status word opens a name's left context too (建成投产|深圳至茂名铁路)
const FRAME = new Set([...T.FRAME_WORDS, ...Object.keys(T.STATUS_WORDS).filter((w) => w.length >= 2)]);
const GOAL = new Set(T.GOAL_FRAMES);
const STOP_TAGS = new Set(T.STOP_TAGS);
const PROPER_TAGS = new Set(T.PROPER_TAGS);
const SECTORS = new Set(T.SECTORS);
const GENERIC = new Set([...T.GENERIC_WORDS, ...T.SECTORS]);
const VERB_HEAD_SET = new Set(T.VERB_HEADS);
const NOUN_HEAD_SET = new Set(T.NOUN_HEADS);
const SECTOR_WORDS = wordList(T.SECTORS);

const QUOTE_CHARS = /[“”"‘’'「」『』《》〈〉【】()（）\s]/;
const HAN = /\p{Script=Han}/u;
/** An amount written before a name: 7亿元, 109.6亿元, 两亿元 (the amount extractor reads its value). */
const AMOUNT_RE = /(?:[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+)(?:多|余)?(?:万亿|千亿|百亿|亿|千万|百万|万|千)?(?:美元|港元|元)/g;
const COUNT_RE = T.COUNT_RE;
const CLASSIFIERS = new Set([...T.CLASSIFIER_CHARS]);
/** Single characters that carry no name: function words and bare place suffixes. */
const EMPTY_CHARS = new Set([...T.EMPTY_CHARS]);

interface Cand {
  start: number;
  end: number;
  location: string | null;
  status: Status;
  prio: number;
}

const CLAUSE_CODES = new Uint8Array(0x10000);
for (const c of '，,；;：:。！？!?\n') CLAUSE_CODES[c.charCodeAt(0)] = 1;
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** The clauses of the document, flat: start, end, and 1 when the clause holds a 、 or a 等 (a list may be there). */
function clausesOf(doc: Doc): number[] {
  const out: number[] = [];
  const text = doc.text;
  const n = text.length;
  let start = 0;
  let list = 0;
  for (let i = 0; i <= n; i++) {
    let mark = i === n;
    if (!mark) {
      const c = text.charCodeAt(i);
      if (c === 0x3001 || c === 0x7b49) list = 1; // 、 等
      // a comma or colon between digits is part of a number
      mark = CLAUSE_CODES[c] === 1 && !((c === 44 || c === 58) && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1)));
    }
    if (mark) {
      if (i > start) out.push(start, i, list);
      start = i + 1;
      list = 0;
    }
  }
  return out;
}


/** Characters that stand alone in a text, never as a piece of an unknown name. */
const FUNCTION_CHARS = new Set([...T.FUNCTION_CHARS]);
/** FUNCTION_CHARS by code (its one-unit members: the only ones a one-unit word can equal) */
const FUNCTION_CODES = new Uint8Array(0x10000);
for (const c of FUNCTION_CHARS) if (c.length === 1) FUNCTION_CODES[c.charCodeAt(0)] = 1;

/** A token of the name view: jieba's, or a run of single characters joined (tag x). The tag is read lazily. */
class NameTok implements Token {
  constructor(
    readonly word: string,
    readonly start: number,
    readonly end: number,
    private readonly src: Token | null,
  ) {}
  get tag(): string {
    return this.src ? this.src.tag : 'x';
  }
}

interface NameView {
  toks: Token[];
  /** index of the token holding each character, -1 for none */
  at: Int32Array;
  /** 1 where a token ends */
  ends: Uint8Array;
  /** where a head may start (see headPositions), ascending, with the start of the token each comes from */
  headPos: Int32Array;
  headTok: Int32Array;
  /** the code of each token for the left-edge walk (see stopCode), 0 until first needed */
  codes: Uint16Array;
}

/** A one-character Han word that is no function word (a word of `len` code units whose first is `c`): a piece of
 * a name jieba does not know. */
function isSingle(len: number, c: number): boolean {
  return len === 1 && isHanCode(c) && FUNCTION_CODES[c] !== 1;
}

/** the key of a document's name view in its memo */
const VIEW = {};
/** jieba's tokens, with runs of single characters joined into one unknown word (本|桓 → 本桓, 老|旧 → 老旧):
 * jieba's cut leaves the names it does not know in pieces; and the positions where a head may start. Computed
 * once per document, in one pass over the tokens. */
// the view of the document being read, in front of the document's memo (nameView is asked for in every helper)
let lastDoc: Doc | null = null;
let lastView: NameView | null = null;
function nameView(doc: Doc): NameView {
  if (doc === lastDoc) return lastView!;
  const v = doc.memo(VIEW, buildView);
  lastDoc = doc;
  lastView = v;
  return v;
}

function buildView(doc: Doc): NameView {
  const toks: Token[] = [];
  const raw = doc.tokens;
  const text = doc.text;
  const at = new Int32Array(text.length + 1).fill(-1);
  const ends = new Uint8Array(text.length + 1);
  const heads = new HeadPositions();
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    // a token's word is the text between its offsets: read there, where the reads are close together
    if (isSingle(t.end - t.start, text.charCodeAt(t.start))) {
      let j = i;
      while (j + 1 < raw.length && raw[j + 1]!.start === raw[j]!.end && isSingle(raw[j + 1]!.end - raw[j + 1]!.start, text.charCodeAt(raw[j + 1]!.start))) j++;
      if (j > i) {
        t = new NameTok(text.slice(t.start, raw[j]!.end), t.start, raw[j]!.end, null);
        i = j;
      }
    }
    const k = toks.length;
    toks.push(t);
    const e = t.end;
    for (let p = t.start; p < e; p++) at[p] = k;
    ends[e] = 1;
    heads.add(text, t.start, e);
  }
  return { toks, at, ends, headPos: heads.pos.subarray(0, heads.n), headTok: heads.tok.subarray(0, heads.n), codes: new Uint16Array(toks.length) };
}

/** Tokens clipped to [from, to). */
function clipped(doc: Doc, from: number, to: number): Token[] {
  const { toks, at } = nameView(doc);
  let lo = -1;
  for (let p = from; p < to && lo < 0; p++) lo = at[p]!;
  const out: Token[] = [];
  if (lo < 0) return out;
  for (let i = lo; i < toks.length && toks[i]!.start < to; i++) {
    const t = toks[i]!;
    if (t.start >= from && t.end <= to) out.push(t);
    else {
      const start = Math.max(t.start, from);
      const end = Math.min(t.end, to);
      if (end > start) out.push({ word: doc.text.slice(start, end), tag: t.tag, start, end });
    }
  }
  return out;
}

/** 0-9, A-Z, a-z, × and ±: the characters besides Han ones that make a word more than punctuation. */
const WORD_CODES = new Uint8Array(0x10000);
for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz×±') WORD_CODES[c.charCodeAt(0)] = 1;
/** Whether `word` holds no Han character, digit, Latin letter, × or ± (/[\p{Script=Han}0-9A-Za-z×±]/u), read code
 * unit by code unit; a surrogate pair is one code point. */
function isPunct(word: string): boolean {
  const n = word.length;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (WORD_CODES[c] === 1 || isHanCode(c)) return false;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = word.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (HAN.test(word.slice(i, i + 2))) return false;
        i++;
      }
    }
  }
  return true;
}

/** Characters that join letters and digits inside a name (TFT-LCD, 10.5代, 2×300MW). */
const JOINERS = /^[-.·×/]$/;

const PHASE_TOKEN = new RegExp(`^[一二三四五六七八九十0-9]{1,2}期(?:${T.WORKS_NOUN})?$`);

const LONG_FRAMES = T.FRAME_WORDS.filter((f) => f.length >= 2);
/** A frame word, or a longer verb token that ends with one (妥善解决). */
const frameMemo = new Map<string, boolean>();
function isFrame(t: Token): boolean {
  return isFrameWord(t.word, t.tag);
}
/** isFrame of a word and its tag (the tag is read only for a longer word that ends with a frame word). */
function isFrameWord(word: string, tag: string): boolean {
  if (FRAME.has(word)) return true;
  if (word.length < 3) return false;
  let r = frameMemo.get(word);
  if (r === undefined) {
    r = LONG_FRAMES.some((f) => word.endsWith(f));
    if (frameMemo.size < 50000) frameMemo.set(word, r);
  }
  return r && tag.startsWith('v');
}

/** Whether `name` can be cut entirely into sector words (多式联运 + 物联网). */
function coveredBySectors(name: string): boolean {
  const ok = new Uint8Array(name.length + 1);
  ok[0] = 1;
  for (let i = 0; i < name.length; i++) {
    if (!ok[i]) continue;
    const cands = SECTOR_WORDS.startingWith(name.charCodeAt(i));
    if (cands) for (const w of cands) if (name.startsWith(w, i)) ok[i + w.length] = 1;
  }
  return ok[name.length] === 1;
}

// What the left-edge walk needs to know of a token, as bits of a code (see stopCode): what stops() makes of it,
// whatever the name's length, and some traits of its word and tag.
/** the code is computed (a code is never 0) */
const SC_DONE = 1;
/** stops() is true */
const SC_TRUE = 2;
/** stops() is false (a phase: 二期) */
const SC_FALSE = 4;
/** 至 or 到: stops() when less than two characters follow to the name's end */
const SC_TO = 8;
/** a noun head: stops() is false when two characters or more follow */
const SC_NOUN_HEAD = 16;
/** stops() by its tag (a preposition, a classifier, money or a count) */
const SC_TAG_STOP = 32;
/** an action or a company's ending: stops() when four characters or more follow */
const SC_LONG = 64;
/** 地: stops() is false before a noun */
const SC_DI = 128;
/** the tag starts with n */
const SC_NOUN_TAG = 256;
/** the tag starts with v */
const SC_VERB_TAG = 512;
/** JOINERS.test(word) */
const SC_JOINER = 1024;
/** isPunct(word) */
const SC_PUNCT = 2048;
/** SEPARATORS.test(word) */
const SC_SEPARATOR = 4096;
/** a word jieba does not know (tag x) that holds a conjunction (沟及) */
const SC_CONJ_X = 8192;

/** a government body's name: stops() */
const SC_BODY = 16384;
/** 项目: stops() when two characters or more follow (a part of a project: …一期项目|研发中心) */
const SC_PROJECT = 32768;
const PHASE_AT = /^第?[一二三四五六七八九十0-9]{1,2}期/;
const PHASE_IN = /[一二三四五六七八九十0-9]期/;

/** The code of a token (its word and tag): the tests of stops() in their order, up to the first that decides
 * whatever the length of the name to the right. */
function stopCode(w: string, tag: string): number {
  let c = SC_DONE;
  if (tag.charCodeAt(0) === 110) c |= SC_NOUN_TAG; // n
  if (tag.startsWith('v')) c |= SC_VERB_TAG;
  const punct = isPunct(w);
  if (punct) c |= SC_PUNCT;
  if (JOINERS.test(w)) c |= SC_JOINER;
  if (SEPARATORS.test(w)) c |= SC_SEPARATOR;
  const conj = tag === 'x' && CONJ_CHAR.test(w);
  if (conj) c |= SC_CONJ_X;
  if (punct || isFrameWord(w, tag)) return c | SC_TRUE;
  // 地 before a noun ends a place name (油麻|地|避风塘), it is no particle there
  if (w === '地') c |= SC_DI;
  // 武汉至宜昌高铁, 巡检至西三连乡公路: 至 joins the two ends of a line
  if (LINE_JOINERS.has(w)) return c | SC_TO;
  // an unknown word that holds a conjunction: 沟及|排洪沟道路工程
  if (conj) return c | SC_TRUE;
  if (PHASE_TOKEN.test(w)) return c | SC_FALSE;
  // a head inside a longer name is a noun whatever jieba tags it (京港澳|高速/d|改扩建工程)
  if (NOUN_HEAD_SET.has(w)) c |= SC_NOUN_HEAD;
  if (
    // a time word ends it, not a modifier or a section jieba tags as one (年产800万吨|现代/t|钢铁基地, 铁路|北段/t)
    (STOP_TAGS.has(tag) && tag !== 'q' && !/[0-9A-Za-z]/.test(w) && !(tag === 't' && (GENERIC.has(w) || T.PHASE_RE.exec(w)?.[0] === w))) ||
    (tag === 'q' && CLASSIFIERS.has(w)) ||
    // money and counts end a name's left context (109.6亿元|大雅河抽水蓄能, 16个|建设项目); measures stay (800千伏)
    (tag === 'm' && /[元个项批]/.test(w))
  )
    c |= SC_TAG_STOP;
  // a second name glued after an action: 巡检司电厂扩建|巡小运煤专用公路; the company that builds it:
  // …有限责任公司|龙羊峡水光互补光伏电站
  if (VERB_HEAD_SET.has(w) || T.COMPANY_ENDINGS.some((e) => w.endsWith(e))) c |= SC_LONG;
  if (w === P) c |= SC_PROJECT;
  // the government body that runs it: 水务局|大桥的…
  if (!tag.startsWith('v') && T.BODY_ENDINGS.some((e) => w.endsWith(e)) && !T.NOT_BODIES.includes(w)) c |= SC_BODY;
  return c;
}

/** Whether a token of code `c` ends the left context of a name, `rightLen` characters before the name's end. */
function stops(c: number, rightLen: number, nextIsNoun: boolean): boolean {
  if (c & SC_TRUE) return true;
  if (c & SC_DI && nextIsNoun) return false;
  if (c & SC_TO) return rightLen < 2;
  if (c & SC_FALSE) return false;
  if (c & SC_NOUN_HEAD && rightLen >= 2) return false;
  if (c & SC_TAG_STOP) return true;
  if (c & SC_BODY) return true;
  if (c & SC_PROJECT && rightLen >= 2) return true;
  return (c & SC_LONG) !== 0 && rightLen >= 4;
}

/** The code of the token `k` of the name view, computed once. */
function codeOf(view: NameView, k: number): number {
  let c = view.codes[k]!;
  if (c === 0) {
    const t = view.toks[k]!;
    c = stopCode(t.word, t.tag);
    view.codes[k] = c;
  }
  return c;
}

/** The index of the first token of the name view holding a position of [from, to), or -1 (the first token
 * clipped() returns). */
function firstTokenIn(view: NameView, from: number, to: number): number {
  const at = view.at;
  for (let p = from; p < to; p++) if (at[p]! >= 0) return at[p]!;
  return -1;
}

/** The index of the last token of the name view that starts before `to`, from the token `k0` on (k0 included). */
function lastTokenBefore(view: NameView, k0: number, to: number): number {
  const toks = view.toks;
  let k1 = k0;
  while (k1 + 1 < toks.length && toks[k1 + 1]!.start < to) k1++;
  return k1;
}

/** The word of a token clipped to [from, to), as clipped() gives it. */
function clippedWord(text: string, t: Token, from: number, to: number): string {
  const s = Math.max(t.start, from);
  const e = Math.min(t.end, to);
  return s === t.start && e === t.end ? t.word : text.slice(s, e);
}

/** 0-9, A-Z, a-z by code */
const ALNUM_CODES = new Uint8Array(0x10000);
for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') ALNUM_CODES[c.charCodeAt(0)] = 1;
/** /[0-9A-Za-z]/.test(text[pos] ?? '') */
const isAlnumAt = (text: string, pos: number) => ALNUM_CODES[text.charCodeAt(pos)] === 1;

/** Where a name that ends at `end` starts, walking back over jieba's tokens no further than `from`; -1 when no
 * sensible left edge is found within MAX_NAME_CHARS. */
function leftEdge(doc: Doc, from: number, end: number): number {
  const text = doc.text;
  const view = nameView(doc);
  const toks = view.toks;
  // a window a little longer than the longest name: reaching its start means no edge was found; its tokens are
  // those of clipped(doc, lo, end): k0 to k1, the first and the last maybe cut
  const lo = Math.max(from, end - T.MAX_NAME_CHARS - 4);
  const k0 = firstTokenIn(view, lo, end);
  if (k0 < 0) return end;
  const k1 = lastTokenBefore(view, k0, end);
  let pos = end;
  for (let k = k1; k >= k0; k--) {
    const t = toks[k]!;
    const ts = Math.max(t.start, lo);
    const te = Math.min(t.end, end);
    const whole = ts === t.start && te === t.end;
    const word = whole ? t.word : text.slice(ts, te);
    let c = whole ? codeOf(view, k) : stopCode(word, t.tag);
    // 项目 before its phase stays in the name (…仓储物流项目|一期)
    if (c & SC_PROJECT && PHASE_AT.test(text.slice(te, Math.min(end, te + 4)))) c &= ~SC_PROJECT;
    const joiner =
      (c & SC_JOINER) !== 0 &&
      ((isAlnumAt(text, ts - 1) && isAlnumAt(text, te)) ||
        // a brand and its project: 碧桂园·天玺
        (word === '·' && isHanAt(text, ts - 1) && isHanAt(text, te)));
    const nextIsNoun = k < k1 && (codeOf(view, k + 1) & SC_NOUN_TAG) !== 0;
    if (!joiner && ((c & SC_JOINER) !== 0 || stops(c, end - te, nextIsNoun))) {
      // a pinyin annotation left in the name (乐(lè )金): walk on before it
      const py = c & SC_PUNCT && isCloseParen(text.charCodeAt(te - 1)) ? PINYIN_BEFORE.exec(text.slice(Math.max(lo, te - 12), te)) : null;
      if (py) {
        const at = te - py[0].length;
        while (k > k0 && toks[k - 1]!.end > at) k--;
        pos = at;
        continue;
      }
      // a name cut by junk (a garbled span, a stray backslash) is not a name
      if (c & SC_PUNCT && !(c & SC_SEPARATOR)) return -1;
      if (c & SC_CONJ_X) return ts + lastConjChar(word) + 1;
      let s = te;
      // a verb's complement glued to the name by jieba: 解决|好脚落沼煤矿
      if (c & SC_VERB_TAG && RESULTATIVES.has(text[s] ?? '') && end - s > 3) s++;
      return s;
    }
    pos = ts;
    if (end - pos > T.MAX_NAME_CHARS) return -1;
  }
  return pos;
}

const SEPARATORS = /^[、，,。；;：:.．“”"‘’《》〈〉()（）【】「」『』\s—\-·…]+$/;
const RESULTATIVES = new Set([...T.RESULTATIVE_CHARS]);

/** A stage or progress word right after a name (可研, 已完成主体工程, 正式开工): a specific project even when
 * its words are generic (城市生活垃圾处理工程可研已上报). */
function stageAfter(text: string, end: number, ce: number): boolean {
  const rest = text.slice(end, Math.min(ce, end + 12));
  const adv = T.STAGE_ADVERBS.exec(rest)![0];
  return STAGE_WORDS.at(rest, adv.length) !== null;
}

/** A goal verb (打造, 争创) shortly before the name: the name is an aim, not a project. */
function goalBefore(doc: Doc, cs: number, s: number): boolean {
  const view = nameView(doc);
  const from = Math.max(cs, s - 8);
  const k0 = firstTokenIn(view, from, s);
  if (k0 < 0) return false;
  const k1 = lastTokenBefore(view, k0, s);
  for (let k = k0; k <= k1; k++) if (GOAL.has(clippedWord(doc.text, view.toks[k]!, from, s))) return true;
  return false;
}

const NUMERAL_CHARS = new Set([...'一二三四五六七八九十']);
/** First characters of every head: positions that cannot start one are skipped at once. */
const HEAD_LAST = new Uint8Array(0x10000);
for (const w of [...T.NOUN_HEADS, ...T.WEAK_HEADS, '期']) HEAD_LAST[w.charCodeAt(w.length - 1)] = 1;
const FACILITY_END = new Uint8Array(0x10000);
for (const c of T.FACILITY_CHARS) FACILITY_END[c.charCodeAt(0)] = 1;
/** First characters of every head, action, 项目 and phase; and the heads a token may end with. */
const HEAD_FIRST = new Uint8Array(0x10000);
for (const w of [...T.NOUN_HEADS, ...T.VERB_HEADS, P, ...NUMERAL_CHARS]) HEAD_FIRST[w.charCodeAt(0)] = 1;
const HEAD_SET = new Set([...T.NOUN_HEADS, ...T.VERB_HEADS, P]);
/** A capacity opening the name before `i`: 年产 and a number, no clause or list mark after it. */
const CAPACITY_BEFORE = new RegExp(`${T.CAPACITY_RE.source.slice(1)}[^，,、。；;：:]*$`);
const PLAN_NOUNS = wordList(T.TRADITIONAL_WORKS_NOUNS);
const VENUE = new RegExp(`^(?:隆重)?(?:${T.VENUE_VERBS.join('|')})`);
const COMPONENT_OPENER = new RegExp(`^\\s*(?:${T.COMPONENT_OPENERS.join('|')})`);
const AREA_AFTER = new RegExp(`^[\\u4e00-\\u9fff]{0,4}(?:${T.AREA_WORDS.join('|')})`);
const CATEGORY_ADJ = new Set(T.CATEGORY_ADJECTIVES);

const KINDS_AFTER = new RegExp(`^[两二三四五六七八九十]大[^，,。；;]{0,6}?(?:${T.LIST_KIND_WORDS.join('|')})`);
const QUANTITY_AFTER = /^(?:[0-9.]+|[一二三四五六七八九十百千万两]+)(?:多|余)?(?:个|座|条|处|所|家|台|套|公里|千米|米|万|千)/;

/** Evidence of a proper name in [s, e): a place, person or brand token, a word jieba does not know, digits or
 * Latin letters, a lone character (names jieba splits), or an organisation word (通用技术集团机床研发基地). */
function hasNameEvidence(doc: Doc, s: number, e: number): boolean {
  const text = doc.text.slice(s, e);
  // digits, Latin letters, an ordinal or a phase (竹园一期防洪堤): a specific one
  if (/[0-9A-Za-z]|第[一二三四五六七八九十]|[一二三四五六七八九十]期/.test(text)) return true;
  for (const t of clipped(doc, s, e)) {
    if (isPunct(t.word) || GENERIC.has(t.word)) continue;
    if (PROPER_TAGS.has(t.tag)) return true;
    if (t.word.length === 1 && isHanCode(t.word.charCodeAt(0)) && !EMPTY_CHARS.has(t.word)) return true;
    if (ORG_ENDINGS.ending(t.word)) return true;
  }
  return false;
}

/** Stronger evidence, for names with no head: a brand, person or organisation token, an unknown word of two
 * characters or more, or Latin letters. A place alone is not enough (玉溪市集中开工项目). */
function hasStrongEvidence(doc: Doc, s: number, e: number): boolean {
  if (/[A-Za-z]/.test(doc.text.slice(s, e))) return true;
  return clipped(doc, s, e).some((t) => !GENERIC.has(t.word) && ((STRONG_TAGS.has(t.tag) && t.word.length >= 2) || (t.tag === 'ns' && t.word.length >= 2 && !PLACE_SUFFIXES.ending(t.word)) || (t.tag === 'x' && HAN.test(t.word) && t.word.length >= 2)));
}
const STRONG_TAGS = new Set(['nr', 'nrt', 'nrfg', 'nz', 'nt']);

/** A name before a bare 项目: four characters or more, a noun at the end, no verb at the start, and strong
 * evidence of a proper name (吉利汽车整车项目; not 杜绝产能过剩项目, 百大项目). */
function bareName(doc: Doc, s: number, e: number): boolean {
  if (e - s < 4) return false;
  if (T.CAPACITY_RE.test(doc.text.slice(s, e))) return classify(doc, s, e) === 'name';
  const toks = clipped(doc, s, e).filter((t) => !isPunct(t.word));
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last) return false;
  if (first.tag.startsWith('v') || first.tag === 'a' || first.tag === 'ad') return false;
  if (!/^(?:n|vn|eng)/.test(last.tag)) return false;
  return hasStrongEvidence(doc, s, e) && classify(doc, s, e) === 'name';
}

/** Whether every word of [s, e) is a generic modifier or sector (保障性安居, 绿色能源储运). */
function allGeneric(doc: Doc, s: number, e: number): boolean {
  return allGenericTokens(clipped(doc, s, e).filter((t) => !isPunct(t.word)));
}
/** allGeneric of the tokens of a span, punctuation left out. */
function allGenericTokens(toks: Token[]): boolean {
  if (toks.length === 0) return true;
  return toks.every((t) => GENERIC.has(t.word) || (t.word.length === 1 && EMPTY_CHARS.has(t.word)));
}

type ItemKind = 'name' | 'plain' | 'sector';
/** 某项目, 若干项目 …: each anonymous marker before 项目. */
const ANONYMOUS_PROJECTS = T.ANONYMOUS_MARKERS.map((m) => m + P);

/** How many code points of `s` are Han characters, counted up to `upTo` ([...s].filter(HAN.test).length, without
 * the array). */
function hanCount(s: string, upTo: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n < upTo; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (HAN.test(s.slice(i, i + 2))) n++;
        i++;
        continue;
      }
    }
    if (isHanCode(c)) n++;
  }
  return n;
}

/** How a list item reads: a name, a plain common word (counts against the list), or a sector/programme/
 * organisation/anonymous item (never a project). */
function classify(doc: Doc, s: number, e: number): ItemKind {
  const name = doc.text.slice(s, e);
  if (hanCount(name, 2) < 2) return 'sector';
  if (SECTORS.has(name)) return 'sector';
  if (COUNT_RE.test(name)) return 'sector';
  // a quoted label before the head is a programme: “菜篮子”工程, “互联互通”工程
  if (QUOTED_CATEGORY.test(name)) return 'sector';
  if (T.ANONYMOUS_MARKERS.some((m) => name.startsWith(m)) || (name.includes(P) && ANONYMOUS_PROJECTS.some((m) => name.includes(m)))) return 'sector';
  if (name.includes('某')) return 'sector';
  if (PROGRAMME_ENDINGS.ending(name)) return 'sector';
  if (PROGRAMME_NUMERALS.test(name)) return 'sector';
  if (ORG_ENDINGS.ending(name)) return 'sector';
  const toks = clipped(doc, s, e).filter((t) => !isPunct(t.word));
  if (toks.length > 0 && toks.every((t) => SECTORS.has(t.word))) return 'sector';
  if (coveredBySectors(name.replace(/[“”"‘’「」『』]/g, ''))) return 'sector';
  if (toks.length === 1 && !PROPER_TAGS.has(toks[0]!.tag)) {
    // a word of jieba's that ends with a facility head after two characters or more names one (环湖公路)
    const h = NOUN_HEADS.ending(name);
    return h && name.length - h.length >= 2 && !GENERIC.has(name.slice(0, -h.length)) ? 'name' : 'plain';
  }
  if (toks.length === 1 && toks[0]!.tag === 'ns' && PLACE_SUFFIXES.ending(name)) return 'sector';
  if (allGenericTokens(toks)) return 'sector';
  return 'name';
}

/** 一 to 十 and 0-9 by code */
const PHASE_NUMERAL_CODES = new Uint8Array(0x10000);
for (const c of '一二三四五六七八九十0123456789') PHASE_NUMERAL_CODES[c.charCodeAt(0)] = 1;
/** Where the phase that ends `part` starts (the match of /(?:[一二三四五六七八九十0-9]{1,2}期)$/: one or two
 * numerals and 期), or -1. */
function phaseAtEnd(part: string): number {
  const n = part.length;
  if (part.charCodeAt(n - 1) !== 0x671f) return -1; // 期
  let r = 0;
  while (r < 2 && n - 2 - r >= 0 && PHASE_NUMERAL_CODES[part.charCodeAt(n - 2 - r)] === 1) r++;
  return r > 0 ? n - 1 - r : -1;
}

/** The facility head that ends at `end` (a noun head, a phase, or a weak head when `weak`). */
function headEndingAt(text: string, s: number, end: number, weak: boolean): string | null {
  let part = text.slice(s, end);
  if (part.endsWith(P)) part = part.slice(0, -P.length);
  const phase = phaseAtEnd(part);
  if (phase > 0) return part.slice(phase);
  const h = NOUN_HEADS.ending(part);
  if (h && part.length > h.length) return h;
  if (weak) {
    const w = WEAK_HEADS.ending(part);
    if (w && part.length > w.length) return w;
  }
  return null;
}

/** A name may go on after its head to 项目 through nouns (区人民医院|新院区|项目): the end of that 项目, or -1. */
function nounsToProject(doc: Doc, end: number, limit: number): number {
  const toks = clipped(doc, end, Math.min(limit, end + 10));
  let pos = end;
  for (const t of toks) {
    if (t.start !== pos) return -1;
    if (t.word.startsWith(P)) {
      if (pos === end) return -1;
      return PROJECT_BLOCKERS.at(doc.text, pos + P.length) ? -1 : pos + P.length;
    }
    // a sector word may (产业园|基础设施|项目), a generic one may not (园区|建设|项目)
    if (!/^(?:n|b|j|s|a$)/.test(t.tag) || isFrame(t) || (GENERIC.has(t.word) && !SECTORS.has(t.word) && t.word.length > 1)) return -1;
    pos = t.end;
  }
  return -1;
}

/** The end of the first head inside [s, e) that closes at a token boundary: for the last item of an
 * unterminated list (锁平高速公路|征地拆迁工作). */
function firstHeadEnd(doc: Doc, s: number, e: number): number {
  const toks = clipped(doc, s, e);
  for (const t of toks) {
    if (t.end - s < 2 || !HEAD_LAST[doc.text.charCodeAt(t.end - 1)]) continue;
    if (headEndingAt(doc.text, s, t.end, true)) {
      let end = t.end;
      const ph = T.PHASE_RE.exec(doc.text.slice(end, e));
      if (ph) end += ph[0].length;
      // 污水处理厂|提标改造工程: an action on the facility, closed by 工程/项目, is part of the name
      const act = VERB_HEADS.at(doc.text, end);
      const plan = act && doc.script !== 'simplified' ? PLAN_NOUNS.at(doc.text, end + act.length) : null;
      const closer = act ? CLOSERS.at(doc.text, end + act.length) ?? plan : null;
      if (act && closer && end + act.length + closer.length <= e) {
        end += act.length + closer.length;
        // 扩建计划|第一期
        const phase = plan ? /^第?[一二三四五六七八九十0-9]{1,2}期/.exec(doc.text.slice(end, e)) : null;
        if (phase) return end + phase[0].length;
      }
      let more = nounsToProject(doc, end, e);
      if (more < 0 && doc.text.startsWith(P, end) && end + P.length <= e && !PROJECT_BLOCKERS.at(doc.text, end + P.length)) more = end + P.length;
      if (more < 0) return end;
      const bp = BRACKET_PHASE.exec(doc.text.slice(more, e));
      return bp ? more + bp[0].length : more;
    }
  }
  return -1;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && isQuoteCode(text.charCodeAt(s))) s++;
  // a phase in brackets at the end stays: …项目(一期)
  while (e > s && isQuoteCode(text.charCodeAt(e - 1)) && !(isCloseParen(text.charCodeAt(e - 1)) && BRACKET_PHASE_END.test(text.slice(s, e)))) e--;
  return [s, e];
}
const BRACKET_PHASE_END = /[^(（][(（]第?[一二三四五六七八九十0-9]{1,2}期(?:工程)?[)）]$/;

/** QUOTE_CHARS.test of one code unit. */
const isQuoteCode = codeUnitTest(QUOTE_CHARS);

/** Status the text gives: a status word in `words` (the list's own words, 储备重点), else one in the rest of the
 * clause after the name, unless the clause speaks of a plan (确保年内动工). */
function statusOf(doc: Doc, clauseStart: number, nameStart: number, clauseEnd: number, after: number, words = ''): Status {
  for (let i = 0; i < words.length; i++) {
    const w = STATUS_KEYS.at(words, i);
    if (w) return T.STATUS_WORDS[w]!;
  }
  const rest = doc.text.slice(after, clauseEnd);
  for (let i = 0; i < rest.length; i++) {
    const w = STATUS_KEYS.at(rest, i);
    if (!w) continue;
    // a plan said between the name and the word (争取尽快…动工, 如期完工) or just before the name (确保…)
    const between = rest.slice(0, i);
    const before = doc.text.slice(Math.max(clauseStart, nameStart - 6), nameStart);
    if (T.MODAL_WORDS.some((m) => between.includes(m) || before.includes(m))) return null;
    return T.STATUS_WORDS[w]!;
  }
  return null;
}

/** A status word standing straight before the name (新建龙母沟水库, 续建…). */
function statusBefore(doc: Doc, pos: number): Status {
  // the tokens of clipped(doc, pos - 8, pos): k0 to k1
  const view = nameView(doc);
  const from = Math.max(0, pos - 8);
  const k0 = firstTokenIn(view, from, pos);
  if (k0 < 0) return null;
  const k1 = lastTokenBefore(view, k0, pos);
  // the word before the name, or the one before that (新开工|建设|金鹰大厦), within the clause
  for (let k = k1; k >= k0 && k >= k1 - 1; k--) {
    const w = clippedWord(doc.text, view.toks[k]!, from, pos);
    if (isPunct(w)) break;
    if (T.STATUS_WORDS[w]) return T.STATUS_WORDS[w]!;
  }
  return null;
}

/** Peel a place and an amount written before the name (桓仁满族自治县109.6亿元大雅河抽水蓄能): the name's start
 * and its location. */
function peelPlaceAmount(doc: Doc, s: number, e: number): { start: number; location: string | null } {
  if (indexIn(doc.text, 0x5143, s, e) < 0) return { start: s, location: null }; // 元
  const part = doc.text.slice(s, e);
  AMOUNT_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = AMOUNT_RE.exec(part); m; m = AMOUNT_RE.exec(part)) last = m;
  if (!last || last.index + last[0].length >= part.length - 1) return { start: s, location: null };
  const amountStart = s + last.index;
  const nameStart = amountStart + last[0].length;
  const toks = clipped(doc, s, amountStart);
  const place = toks[toks.length - 1];
  let location: string | null = null;
  if (place && place.end === amountStart && PLACE_SUFFIXES.ending(place.word)) {
    // a bare suffix joins the place name before it: 雄安|新区
    const prev = toks[toks.length - 2];
    if (PLACE_SUFFIX_SET.has(place.word) && prev && !isPunct(prev.word) && !STOP_TAGS.has(prev.tag) && !isFrame(prev)) location = prev.word + place.word;
    else if (place.word.length >= 2) location = place.word;
  }
  return { start: nameStart, location };
}

/** Peel a place with an administrative suffix that opens a name (天城县行政办公楼 → 天城县 + 行政办公楼). */
function peelPlace(doc: Doc, s: number, e: number): { start: number; location: string | null } {
  const toks = clipped(doc, s, e);
  const first = toks[0];
  if (!first || first.tag !== 'ns') return { start: s, location: null };
  let placeEnd = first.end;
  let place = first.word;
  const suffix = PLACE_SUFFIXES.ending(place);
  if (!suffix) {
    const next = toks[1];
    const suf = next ? PLACE_SUFFIXES.at(doc.text, next.start) : null;
    if (!next || !suf || next.word !== suf) return { start: s, location: null };
    placeEnd = next.end;
    place += next.word;
  } else if (place.length - suffix.length < 2) return { start: s, location: null };
  if (e - placeEnd < 3) return { start: s, location: null };
  return { start: placeEnd, location: place };
}

const TIME_RE = T.TIME_RE;
const LEAD_AFTER_AMOUNT = new RegExp(`^(?:的|${T.LEAD_VERBS.join('|')})+`);
const NUMBERING = /^(?:[0-9]{1,2}[.．、]|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}是)/;

function pushName(doc: Doc, out: Cand[], s: number, e: number, prio: number, status: Status, location: string | null, peel = true): void {
  [s, e] = trimSpan(doc.text, s, e);
  const num = NUMBERING.exec(doc.text.slice(s, e));
  if (num) [s, e] = trimSpan(doc.text, s + num[0].length, e);
  // a time is not part of a name: 2020年一季度建设项目
  if (TIME_RE.test(doc.text.slice(s, e))) return;
  if (e - s < 2 || e - s > T.MAX_NAME_CHARS) return;
  if (doc.crossesGarbled(Math.max(0, s - 1), e + 1)) return;
  if (peel && !location) {
    const p = peelPlace(doc, s, e);
    const noun = LIST_NOUNS.before(doc.text, e);
    const core = noun && e - noun.length >= p.start ? e - noun.length : e;
    if (p.location && core - p.start >= 2 && !allGeneric(doc, p.start, core)) {
      s = p.start;
      location = p.location;
    }
  }
  out.push({ start: s, end: e, location, status, prio });
}

interface Item {
  start: number;
  end: number;
  location: string | null;
}

const CONJUNCTIONS = new Set(T.CONJUNCTIONS);
/** A one-character conjunction of the table, anywhere in a string. */
const CONJ_CHAR = new RegExp(`[${T.CONJUNCTIONS.filter((c) => c.length === 1).join('')}]`);
/** Where the last one-character conjunction is in `w` (-1 if none). */
function lastConjChar(w: string): number {
  for (let i = w.length - 1; i >= 0; i--) if (isConjCode(w.charCodeAt(i))) return i;
  return -1;
}
const isConjCode = codeUnitTest(CONJ_CHAR);
const LINE_JOINERS = new Set(T.LINE_JOINERS);

/** Items of a list: split at 、 and at the conjunction before the last item (本桓高速和徐大堡核电站). */
function splitItems(doc: Doc, from: number, to: number): Item[] {
  const text = doc.text;
  const items: Item[] = [];
  // searched within [from, to): a search of the whole text would run on to the next 、 of the document
  let s = from;
  for (let i = indexIn(text, 0x3001, from, to); i >= 0; i = indexIn(text, 0x3001, i + 1, to)) {
    items.push({ start: s, end: i, location: null });
    s = i + 1;
  }
  // the conjunctions after the last 、 (they come after every 、, in order)
  if (items.length > 0) {
    // the tokens of clipped(doc, s, to): k0 to k1
    const view = nameView(doc);
    const from = s;
    const k0 = firstTokenIn(view, from, to);
    const k1 = k0 < 0 ? -1 : lastTokenBefore(view, k0, to);
    for (let k = k0; k >= 0 && k <= k1; k++) {
      const t = view.toks[k]!;
      // 的 before it makes it the first character of a name (投资8833万元的|和铁公路)
      if (CONJUNCTIONS.has(clippedWord(text, t, from, to)) && t.tag === 'c' && text[t.start - 1] !== '的') {
        items.push({ start: s, end: Math.max(t.start, from), location: null });
        s = Math.min(t.end, to);
      }
    }
  }
  items.push({ start: s, end: to, location: null });
  return items;
}

const isOpenParen = (c: number) => c === 0x28 || c === 0xff08; // ( （
const isCloseParen = (c: number) => c === 0x29 || c === 0xff09; // ) ）
/** Where a parenthesis that runs to `end` opens in [s, end), or -1 (the match of /[(（][^(（)）]*[)）]?$/ in that
 * part of the text: the last opening one, with no parenthesis after it but a closing one at the very end). */
function parenAtEnd(text: string, s: number, end: number): number {
  let i = end - 1;
  if (i >= s && isCloseParen(text.charCodeAt(i))) i--;
  for (; i >= s; i--) {
    const c = text.charCodeAt(i);
    if (isOpenParen(c)) return i;
    if (isCloseParen(c)) return -1;
  }
  return -1;
}

/** Prepare an item: peel a place + amount, trim the first item's left context. Returns null when no name is left. */
function prepareItem(doc: Doc, it: Item, first: boolean): Item | null {
  let [s, e] = trimSpan(doc.text, it.start, it.end);
  if (e <= s) return null;
  // a parenthesis after the name (总投资50亿元) is not part of it
  let paren = parenAtEnd(doc.text, s, it.end);
  // …but a phase in brackets is (…项目(一期)(开工滞后))
  if (paren > s && BRACKET_PHASE.test(doc.text.slice(paren, it.end))) {
    e = it.end;
    paren = -1;
  }
  if (paren > s) [s, e] = trimSpan(doc.text, s, paren);
  if (e <= s) return null;
  const pa = peelPlaceAmount(doc, s, e);
  if (pa.start > s) {
    // 投资50亿元的|华晟…基地, 投资12亿元建设|…
    const lead = LEAD_AFTER_AMOUNT.exec(doc.text.slice(pa.start, e));
    const ns = pa.start + (lead ? lead[0].length : 0);
    return e - ns >= 2 ? { start: ns, end: e, location: pa.location } : null;
  }
  if (first) {
    const from = s;
    // an item that ends with actions, closed by 项目/工程 or not (海西重汽产业|提升, …核心区|建设|提升|工程): the walk
    // starts before them, an action is no frame there
    const closer = LIST_NOUNS.before(doc.text, e);
    let at = closer ? e - closer.length : e;
    for (let act = VERB_HEADS.before(doc.text, at); act && at - act.length - s >= 2; act = VERB_HEADS.before(doc.text, at)) at -= act.length;
    const whole = leftEdge(doc, s, e);
    s = whole >= at && at < e - (closer?.length ?? 0) ? leftEdge(doc, s, at) : whole;
    if (s < 0) return null;
    // the parts of a project named before (…一期项目|研发中心、专家公寓) are no projects
    if (s > from && doc.text.startsWith(P, s - P.length) && s - P.length >= from) return null;
    // over a conjunction inside the name (…科学与技术实验室项目)
    const noun = LIST_NOUNS.before(doc.text, e);
    const core = noun ? e - noun.length : e;
    s = acrossConjunction(doc, from, s, core - (NOUN_HEADS.before(doc.text, core)?.length ?? 0), e, false);
    [s, e] = trimSpan(doc.text, s, e);
    if (e <= s) return null;
  }
  return { start: s, end: e, location: null };
}

/** 等, then up to 18 characters of one clause, then a list noun (等本钢集团项目). */
const LIST_TAIL = new RegExp(`^等((?:[^，,；;：:。！？!?、\\n“”"《》等]){0,18}?)(${T.LIST_NOUNS.join('|')})(?!${T.LIST_TAIL_NOT_BEFORE.join('|')})`);

/** The first position of the code unit `c` in [from, to) of `text`, or -1 (a search bounded by the clause). */
function indexIn(text: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === c) return i;
  return -1;
}

/** Lists of names in one clause (one that holds a 、 or a 等); returns the spans of items judged categories
 * (blocked for the head rule). */
function lists(doc: Doc, cs: number, ce: number, out: Cand[], blocked: [number, number][]): void {
  const text = doc.text;
  const view = nameView(doc);
  const etcs: Token[] = [];
  for (let q = indexIn(text, 0x7b49, cs, ce); q >= 0; q = indexIn(text, 0x7b49, q + 1, ce)) {
    const k = view.at[q]!;
    const t = k >= 0 ? view.toks[k]! : null;
    if (t && t.word === '等' && t.tag.startsWith('u')) etcs.push(t);
  }
  let from = cs;
  for (const etc of etcs) {
    const tail = LIST_TAIL.exec(text.slice(etc.start, ce));
    const rawItems = splitItems(doc, from, etc.start);
    const items = prepareItems(doc, rawItems);
    if (items.length === 0) continue;
    if (tail) {
      const modifier = tail[1]!;
      const listEnd = etc.start + tail[0].length;
      const kinds: ReturnType<typeof classify>[] = [];
      let weak = 0;
      for (const it of items) {
        const k = classify(doc, it.start, it.end);
        kinds.push(k);
        if (k !== 'name') weak++;
      }
      const category = T.CATEGORY_MODIFIERS.some((m) => modifier.includes(m)) || weak * 2 >= items.length;
      if (category) {
        blocked.push([from, listEnd]);
      } else {
        const status = statusOf(doc, cs, items[0]!.start, ce, listEnd, modifier) ?? statusBefore(doc, items[0]!.start);
        items.forEach((it, i) => {
          if (kinds[i] === 'sector') return;
          // a list of one must show a name of its own (轨道交通5号线等105个项目)
          if (items.length === 1 && !hasNameEvidence(doc, it.start, it.end) && !headEndingAt(text, it.start, it.end, false)) return;
          pushName(doc, out, it.start, it.end, 2, status ?? statusBefore(doc, it.start), it.location);
        });
        blocked.push([from, listEnd]);
      }
      from = listEnd;
    } else {
      // 等 followed by a kind of place or body (等重点片区, 等企业, 等领域): the items are areas or organisations
      if (T.LIST_KIND_WORDS.some((w) => text.slice(etc.end, Math.min(ce, etc.end + 8)).includes(w))) blocked.push([from, etc.end]);
      else siblings(doc, items, out);
      from = etc.end;
    }
  }
  // an unterminated 、-list after the last 等: 弥师路、锁平高速公路征地拆迁工作已完成
  if (indexIn(text, 0x3001, from, ce) >= 0) {
    const raw = splitItems(doc, from, ce);
    const last = raw[raw.length - 1]!;
    const lastEnd = firstHeadEnd(doc, last.start, last.end);
    if (lastEnd > 0) {
      last.end = lastEnd;
      const items = prepareItems(doc, raw);
      siblings(doc, items, out);
    }
  }
}

/** The items of a list that prepareItem keeps. (Loops here and in the list code, not map and filter: the arrays
 * those return change their element kind from one list to the next, which threw the callers' optimised code away
 * again and again at the start of a run.) */
function prepareItems(doc: Doc, raw: Item[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < raw.length; i++) {
    const it = prepareItem(doc, raw[i]!, i === 0);
    if (it) items.push(it);
  }
  return items;
}

/** A 、-list not closed by 等…项目 is a list of names when its items end with facility heads. */
function siblings(doc: Doc, items: Item[], out: Cand[]): void {
  if (items.length < 2) return;
  const listStatus = statusBefore(doc, items[0]!.start);
  const headed: boolean[] = [];
  let without = 0;
  for (const it of items) {
    const h = !!headEndingAt(doc.text, it.start, it.end, true) || firstHeadEnd(doc, it.start, it.end) === it.end || actionClosed(doc.text, it.start, it.end);
    headed.push(h);
    if (!h) without++;
  }
  const strong = items.some((it) => !!headEndingAt(doc.text, it.start, it.end, false));
  if (!strong || without > 1 || items.length - without < 2) return;
  items.forEach((it, i) => {
    if (classify(doc, it.start, it.end) !== 'name') return;
    if (!headed[i] && !hasNameEvidence(doc, it.start, it.end)) return;
    pushName(doc, out, it.start, it.end, 2, listStatus ?? statusBefore(doc, it.start), it.location);
  });
}

/** A name whose left edge `s` follows a conjunction may reach over it, to `s2`: one facility and its works
 * (县城第二水厂及配套管网工程), one action on two facilities (甲饲料厂及乙化制厂臭味整体改善计划, `verb`: the head at `i` is
 * an action), or a name whose part after the conjunction has no name of its own (福建光电信息科学与技术实验室). */
function acrossConjunction(doc: Doc, cs: number, s: number, i: number, end: number, verb: boolean): number {
  const text = doc.text;
  if (s <= cs + 1 || !CONJUNCTIONS.has(text[s - 1]!)) return s;
  const fh = firstHeadEnd(doc, s, i);
  const both = verb && headEndingAt(text, s, fh > 0 ? fh : s, true) !== null;
  const works = (i - s < 2 || allGeneric(doc, s, i) || both) && headEndingAt(text, Math.max(cs, s - 13), s - 1, both);
  const s2 = leftEdge(doc, cs, s - 1);
  if (s2 < 0 || s - 1 - s2 < 2 || end - s2 > T.MAX_NAME_CHARS) return s;
  if (works) return s2;
  // the part after the conjunction is one common word (技术|实验室), the part before it holds a name
  const right = clipped(doc, s, i).filter((t) => !isPunct(t.word));
  if (right.length === 1 && right[0]!.tag.startsWith('n') && !hasNameEvidence(doc, s, i) && hasNameEvidence(doc, s2, s - 1) && !headEndingAt(text, s2, s - 1, true)) return s2;
  return s;
}

/** Whether [s, e) ends with an action closed by 项目/工程 (…拆迁安置项目), after two characters or more. */
function actionClosed(text: string, s: number, e: number): boolean {
  const noun = LIST_NOUNS.before(text, e);
  if (!noun) return false;
  const act = VERB_HEADS.before(text, e - noun.length);
  return !!act && e - noun.length - act.length - s >= 2;
}

/** T.FACILITY_CHARS (its one-character entries, the ones a character can equal) and NUMERAL_CHARS by code. */
const FACILITY_SINGLE = new Uint8Array(0x10000);
for (const c of T.FACILITY_CHARS) if (c.length === 1) FACILITY_SINGLE[c.charCodeAt(0)] = 1;
const NUMERAL_CODES = new Uint8Array(0x10000);
for (const c of NUMERAL_CHARS) if (c.length === 1) NUMERAL_CODES[c.charCodeAt(0)] = 1;

/** Last characters of the words of HEAD_SET: a token whose last character is none of them ends with no head. */
const HEAD_SET_LAST = new Uint8Array(0x10000);
for (const w of HEAD_SET) HEAD_SET_LAST[w.charCodeAt(w.length - 1)] = 1;

/** The words of HEAD_SET by last character, longest first. */
const HEAD_SET_BY_LAST = new Map<number, string[]>();
for (const w of [...HEAD_SET].sort((a, b) => b.length - a.length)) {
  const k = w.charCodeAt(w.length - 1);
  if (!HEAD_SET_BY_LAST.has(k)) HEAD_SET_BY_LAST.set(k, []);
  HEAD_SET_BY_LAST.get(k)!.push(w);
}

/** The positions where a head may start, for the whole document, ascending: token starts with a head's first
 * character where a head of some kind may start, and heads that end a token (扩建|工程, 建设|项目, 会展|中心); with the start of their token. Filled
 * token by token, in order, by nameView. */
class HeadPositions {
  pos = new Int32Array(256);
  tok = new Int32Array(256);
  n = 0;
  private push(p: number, t: number): void {
    if (this.n === this.pos.length) {
      const pos = new Int32Array(this.n * 2);
      pos.set(this.pos);
      this.pos = pos;
      const tok = new Int32Array(this.n * 2);
      tok.set(this.tok);
      this.tok = tok;
    }
    this.pos[this.n] = p;
    this.tok[this.n] = t;
    this.n++;
  }
  /** The positions of the token [start, end) of `text`. */
  add(text: string, start: number, end: number): void {
    const n = end - start;
    const last = text.charCodeAt(end - 1);
    const c0 = text.charCodeAt(start);
    if (
      (HEAD_FIRST[c0] || (n >= 2 && FACILITY_END[last])) &&
      // and a head of some kind may start there (see heads): this word ends with a facility character, or a noun
      // head, an action or 项目 starts there (by their first two characters), or a one-character head, or a
      // numeral (a phase); elsewhere heads() would find none
      ((n >= 2 && FACILITY_SINGLE[last] === 1) || HEAD_PAIRS[pairKey(c0, text.charCodeAt(start + 1))] === 1 || HEAD_SINGLES[c0] === 1 || NUMERAL_CODES[c0] === 1)
    )
      this.push(start, start);
    // the heads of two to five characters the word ends with (the word itself excluded); ascending: the longest
    // suffix first
    if (n > 2 && HEAD_SET_LAST[last]) {
      for (const h of HEAD_SET_BY_LAST.get(last)!) {
        if (h.length >= 2 && h.length <= 5 && h.length < n && text.startsWith(h, end - h.length)) this.push(end - h.length, start);
      }
    }
  }
}

/** A hash of two code units, for HEAD_PAIRS. */
const pairKey = (a: number, b: number) => (Math.imul(a, 0x9e37) ^ b) & 0xffff;
/** The first two characters of every noun head, action and 项目, hashed: 0 where no such word starts with the two
 * characters (a hash shared with another pair only lets a position through to the exact tests). */
const HEAD_PAIRS = new Uint8Array(0x10000);
/** Noun heads of one character. */
const HEAD_SINGLES = new Uint8Array(0x10000);
for (const w of HEAD_SET) {
  if (w.length >= 2) HEAD_PAIRS[pairKey(w.charCodeAt(0), w.charCodeAt(1))] = 1;
  else HEAD_SINGLES[w.charCodeAt(0)] = 1;
}

/** The token of the name view holding `pos`, when `pos` is before `limit`. */
function tokenAt(view: NameView, pos: number, limit: number): Token | undefined {
  const k = pos < limit ? view.at[pos]! : -1;
  return k >= 0 ? view.toks[k] : undefined;
}

/** Names ending with a head, anywhere in the clause. */
function heads(doc: Doc, cs: number, ce: number, out: Cand[], first: number): void {
  const text = doc.text;
  const view = nameView(doc);
  const ends = view.ends;
  const tokEnds = (pos: number) => pos === ce || ends[pos] === 1;
  // the positions where a head may start: token starts where a head of some kind may start, and heads that end
  // a token (扩建|工程, 建设|项目, 会展|中心)
  // (computed once per document, in order: the positions after cs of the tokens that start before ce;
  // `first` is the index of the first position after cs)
  const headPos = view.headPos;
  const headTok = view.headTok;
  const traditional = doc.script !== 'simplified';
  const planAt = (pos: number) => traditional && PLAN_NOUNS.at(text, pos) !== null;
  let skipUntil = -1;
  let prevPos = -1;
  for (let x = first; x < headPos.length && headTok[x]! < ce; x++) {
    let i = headPos[x]!;
    if (i < skipUntil || i === prevPos) continue;
    prevPos = i;
    // a word that ends with a facility character: 实训楼, 标准厂房, 体育馆
    const k = view.at[i]!;
    const t = k >= 0 ? view.toks[k]! : null;
    const facility = t !== null && t.start === i && t.end - i >= 2 && FACILITY_SINGLE[text.charCodeAt(t.end - 1)] === 1;
    let head = NOUN_HEADS.at(text, i);
    let verb = false;
    if (!head && facility && !GENERIC.has(t.word)) head = t.word;
    if (!head && NUMERAL_CODES[text.charCodeAt(i)] === 1) {
      const ph = /^[一二三四五六七八九十]{1,2}期/.exec(text.slice(i, i + 3));
      if (ph) head = ph[0];
    }
    let bare = false;
    if (!head && text.startsWith(P, i) && tokEnds(i)) {
      // most 项目 follow a generic word (重点, 新开工, 储备): only a noun of a name can stand before a bare 项目
      const prev = tokenAt(view, i - 1, ce);
      if (!prev || !/^(?:n|vn|eng|x)/.test(prev.tag) || GENERIC.has(prev.word) || FRAME.has(prev.word) || isPunct(prev.word)) {
        // …a capacity may (年产5万套光伏模块生产|项目)
        if (!prev || !prev.tag.startsWith('v') || !CAPACITY_BEFORE.test(text.slice(Math.max(cs, i - T.MAX_NAME_CHARS), i))) continue;
      }
      if (PROJECT_BLOCKERS.at(text, i + P.length)) continue;
      head = P;
      bare = true;
    }
    if (!head) {
      const v = VERB_HEADS.at(text, i);
      if (v && (LIST_NOUN_AT(text, i + v.length) || planAt(i + v.length))) {
        head = v;
        verb = true;
      }
    }
    if (!head) continue;
    let end = i + head.length;
    // actions chained before an action head belong to it (核心区|建设|提升|工程)
    if (verb) {
      for (let k = i > cs ? view.at[i - 1]! : -1; k >= 0 && view.toks[k]!.end === i && VERB_HEAD_SET.has(view.toks[k]!.word); k = i > cs ? view.at[i - 1]! : -1) i = view.toks[k]!.start;
    }
    if (!bare && !tokEnds(end) && !LIST_NOUN_AT(text, end) && end !== ce) continue;
    // the head names an area around it: 北京大兴国际机场|临空经济区
    if (AREA_AFTER.test(text.slice(end, Math.min(ce, end + 8)))) continue;
    // a kind, not a name: 标志性工程, 示范工程, 民生工程
    const adj = tokenAt(view, i - 1, ce);
    if (adj && adj.end === i && CATEGORY_ADJ.has(adj.word)) continue;
    // the head starts a word, or ends a compound whose first part is a word (扩建|工程), not 加|工厂
    const holder = tokenAt(view, i, ce);
    if (holder && holder.start < i && i - holder.start < 2) continue;
    // a head glued to a one-character noun is part of a longer word (非煤矿|石)
    const next = tokenAt(view, end, ce);
    if (next && next.start === end && next.word.length === 1 && next.tag === 'n') continue;
    if (HEAD_BLOCKERS.at(text, end)) continue;
    const ph = T.PHASE_RE.exec(text.slice(end, ce));
    if (ph) end += ph[0].length;
    // a facility and the work done on it: 巡检司电厂扩建
    const work = !verb ? VERB_HEADS.at(text, end) : null;
    if (work && (tokEnds(end + work.length) || LIST_NOUN_AT(text, end + work.length)) && (!T.WEAK_WORK.includes(work) || LIST_NOUN_AT(text, end + work.length))) end += work.length;
    const more = !bare && !verb ? nounsToProject(doc, end, ce) : -1;
    if (more > 0) end = more;
    else if (!bare && text.startsWith(P, end) && !PROJECT_BLOCKERS.at(text, end + P.length)) end += P.length;
    else if (verb && text.startsWith(W, end) && !HEAD_BLOCKERS.at(text, end + W.length)) end += W.length;
    else if (!bare && work && text.startsWith(W, end) && !HEAD_BLOCKERS.at(text, end + W.length)) end += W.length;
    else if ((verb || work) && planAt(end)) {
      end += PLAN_NOUNS.at(text, end)!.length;
      // its phase, not the works of it (扩建计划第一期|工程)
      const phase = /^第?[一二三四五六七八九十0-9]{1,2}期/.exec(text.slice(end, ce));
      if (phase) end += phase[0].length;
    }
    // a phase in brackets after 项目: …基础设施项目(一期)
    if (LIST_NOUNS.before(text, end)) end += BRACKET_PHASE.exec(text.slice(end, ce))?.[0].length ?? 0;
    // an action on a facility followed by 计划/方案 is a plan, not a name (…中心兴建计划已经上报)
    if ((verb || work) && PROGRAMME_ENDINGS.at(text, end)) continue;
    let s = leftEdge(doc, cs, i);
    if (s < 0) continue;
    // one facility and its works: 县城第二水厂及配套管网工程
    s = acrossConjunction(doc, cs, s, i, end, verb);
    // a numbered line is a name of its own (1号线)
    if (i - s < 2 && !(head === '号线' && /^[0-9]+$/.test(text.slice(s, i)) && i > s)) continue;
    // a part of the project named before it (…一期项目|研发中心)
    if (s - P.length >= cs && text.startsWith(P, s - P.length)) continue;
    // a kind counted (完成1所|乡镇卫生院主体工程), the venue of an event (在…宾馆|举行), an address
    if (T.COUNT_BEFORE_RE.test(text.slice(Math.max(cs, s - 4), s))) continue;
    if (text[s - 1] === '在' && VENUE.test(text.slice(end, Math.min(ce, end + 4)))) continue;
    if (T.ADDRESS_RE.test(text.slice(s, end))) continue;
    if (goalBefore(doc, cs, s)) continue;
    // a facility in operation, not a project: 萧山国际机场货邮吞吐量83万吨
    const rest = text.slice(end, ce);
    if (T.OPERATION_WORDS.some((w) => rest.includes(w))) continue;
    // a kind of facility counted, not a named one: 新建5G基站3200个
    if (QUANTITY_AFTER.test(rest)) continue;
    // named as one of some areas or bodies (甲新区和乙新城两大开放平台)
    if (KINDS_AFTER.test(rest)) continue;
    if (QUOTE_CHARS.test(text[s - 1] ?? '') && /[”"」』》]/.test(text[s - 1] ?? '')) continue;
    const nameText = text.slice(s, i);
    // a phase alone is no name (一期工程完工后)
    if (/^第?[一二三四五六七八九十0-9]{1,2}期$/.test(nameText)) continue;
    if (T.ANONYMOUS_MARKERS.some((m) => nameText.startsWith(m)) || nameText.includes('某')) continue;
    if (allGeneric(doc, s, i) && !CONJ_CHAR.test(text.slice(s, i))) continue;
    // a bare 项目 needs a name of its own: a brand, an organisation, a word jieba does not know (吉利汽车整车项目)
    if (bare && !bareName(doc, s, i)) continue;
    const stage = stageAfter(text, end, ce);
    // a phase after the head is evidence too (孵化基地|一期项目)
    if (!hasNameEvidence(doc, s, i) && !PHASE_IN.test(text.slice(i, end)) && !stage) continue;
    // an institution on its own (市第一人民医院开展义诊) is a project only when the text speaks of building it
    if (T.INSTITUTION_HEADS.includes(head) && end === i + head.length && !stage && !statusOf(doc, cs, s, ce, end) && !statusBefore(doc, s)) continue;
    if (COUNT_RE.test(nameText) || PROGRAMME_NUMERALS.test(nameText)) continue;
    pushName(doc, out, s, end, bare ? 0 : 1, statusBefore(doc, s) ?? statusOf(doc, cs, s, ce, end), null);
    skipUntil = end;
  }
}

function LIST_NOUN_AT(text: string, pos: number): boolean {
  return LIST_NOUNS.at(text, pos) !== null && !T.LIST_NOUN_BLOCKERS.some((b) => text.startsWith(b, pos));
}

const PROGRAMME_NUMERALS = T.PROGRAMME_NUMERALS;

const QUOTED = /[“"「『]([^“”"「」『』\n]{2,30})[”"」』]/g;

/** Quoted names: “竹浆纸一体化项目”. A quote that names a programme or a document is not one. */
function quoted(doc: Doc, out: Cand[]): void {
  const text = doc.text;
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const s = m.index + 1;
    const e = s + m[1]!.length;
    const inner = m[1]!;
    const noun = LIST_NOUNS.ending(inner);
    if (!noun) continue;
    const core = inner.slice(0, -noun.length);
    if (core.length < 2) continue;
    if (PROGRAMME_ENDINGS.ending(core) || ORG_ENDINGS.ending(core)) continue;
    if (T.ANONYMOUS_MARKERS.some((a) => core.startsWith(a)) || core.includes('某')) continue;
    if (PROGRAMME_NUMERALS.test(core)) continue;
    if (allGeneric(doc, s, s + core.length)) continue;
    const clause = { start: doc.clauseStart(s), end: doc.clauseEnd(e) };
    pushName(doc, out, s, e, 3, statusOf(doc, clause.start, s - 1, clause.end, e + 1), null, false);
  }
}

/** An investment that opens a name: 总投资50亿元的, 投资1亿8千万元的 (the amount extractor reads its value). */
const OPENED = new RegExp(`(?:${T.INVESTMENT_OPENERS.join('|')})(?:约|达|为|近|超|逾)?[0-9.零〇一二两三四五六七八九十百千万亿]+(?:多|余)?(?:美元|港元|元)(?:左右)?的`, 'g');
const WORK_AFTER = wordList(T.WORK_AFTER_NAME);
/** Tags of the words that end a name opened by its investment: adverbs, prepositions, pronouns, particles. */
const OPENED_STOP_TAGS = new Set(['d', 'ad', 'p', 'r', 'u', 'uj', 'ul', 'uz', 'ug']);

/** Names opened by their investment, in a list or alone in a clause (投资6000万元的浙商工业园, 总投资2.6亿元的洪川实业
 * 有限公司冶金阀门、…): what follows 的 up to the next item, the end of the clause or the first word of what is said of
 * it (正式开工, 等, 已) is the name, whatever its head, when it reads as a name (SPEC 3: a specific undertaking). */
function openedByAmount(doc: Doc, cs: number, ce: number, out: Cand[]): void {
  const text = doc.text;
  const clause = text.slice(cs, ce);
  if (clause.indexOf('元的') < 0) return;
  const view = nameView(doc);
  OPENED.lastIndex = 0;
  for (let m = OPENED.exec(clause); m; m = OPENED.exec(clause)) {
    const s = cs + m.index + m[0].length;
    let e = s;
    for (let k = view.at[s]!; k >= 0 && k < view.toks.length; k++) {
      const t = view.toks[k]!;
      if (t.start >= ce) break;
      const w = t.word;
      if (t.start > s) {
        // a phase in brackets belongs to the name: …项目(一期)
        const ph = isOpenParen(w.charCodeAt(0)) ? BRACKET_PHASE.exec(text.slice(t.start, ce)) : null;
        if (ph) {
          e = t.start + ph[0].length;
          break;
        }
        if (isPunct(w) || OPENED_STOP_TAGS.has(t.tag) || STATUS_KEYS.at(text, t.start) || STAGE_WORDS.at(text, t.start)) break;
        // the next item of the list: 、 is punctuation; 和/以及 before another investment
        if (CONJUNCTIONS.has(w) && /^(?:总)?投资/.test(text.slice(t.end, t.end + 3))) break;
      }
      e = t.end;
    }
    if (e > ce) e = ce;
    // what is said of it, in verbs at the end: …项目|备受关注 (an action that ends a name stays: 升级改造)
    let v = e;
    for (let k = view.at[e - 1]!; k >= 0 && view.toks[k]!.start > s; k--) {
      const t = view.toks[k]!;
      if (t.end !== v || !t.tag.startsWith('v') || t.tag === 'vn' || VERB_HEAD_SET.has(t.word)) break;
      v = t.start;
    }
    if (v < e && (LIST_NOUNS.before(text, v) || headEndingAt(text, s, v, false))) e = v;
    // 工程|建设: the work on the named works
    const work = WORK_AFTER.ending(text.slice(s, e));
    if (work && LIST_NOUNS.before(text, e - work.length)) e -= work.length;
    if (e - s < 2 || classify(doc, s, e) !== 'name' || allGeneric(doc, s, e)) continue;
    pushName(doc, out, s, e, 2, statusBefore(doc, cs + m.index) ?? statusOf(doc, cs, s, ce, e), null);
  }
}

/** Taiwan's 计画 (計畫) is written 计划 in a simplified name. */
const taiwanPlan = (doc: Doc, name: string) => (doc.script !== 'simplified' ? name.replace(/计画/g, '计划') : name);

/** A pinyin annotation the normalizer left because of a space in it: 乐(lè )金. */
const PINYIN_LEFT = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\s+[)）]/g;

const PINYIN_BEFORE = /(?<=\p{Script=Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\s+[)）]$/u;

/** A phase in brackets: (一期), （第二期）. */
const BRACKET_PHASE = /^[(（]第?[一二三四五六七八九十0-9]{1,2}期(?:工程)?[)）]/;

export const project: Extractor = {
  type: 'project',
  version: 1,
  extract(doc: Doc): ProjectDraft[] {
    const cands: Cand[] = [];
    quoted(doc, cands);
    const view = nameView(doc);
    const headPos = view.headPos;
    const headTok = view.headTok;
    let x = 0;
    const clauses = clausesOf(doc);
    const blocked: [number, number][] = [];
    const headCands: Cand[] = [];
    for (let c = 0; c < clauses.length; c += 3) {
      const cs = clauses[c]!;
      const ce = clauses[c + 1]!;
      // the parts of a project listed after 主要建设 are not projects
      if (COMPONENT_OPENER.test(doc.text.slice(cs, cs + 8))) continue;
      // items of a list, kept or judged categories, are not read again as head names
      if (blocked.length > 0) blocked.length = 0;
      if (clauses[c + 2] === 1) lists(doc, cs, ce, cands, blocked);
      openedByAmount(doc, cs, ce, cands);
      // a clause with no place where a head may start has no head names
      while (x < headPos.length && headPos[x]! <= cs) x++;
      if (x >= headPos.length || headTok[x]! >= ce) continue;
      if (headCands.length > 0) headCands.length = 0;
      heads(doc, cs, ce, headCands, x);
      for (const h of headCands) if (blocked.length === 0 || !blocked.some(([a, b]) => h.start < b && h.end > a)) cands.push(h);
    }
    // one record per mention: the better-founded shape first, then the longer span
    if (cands.length === 0) return [];
    cands.sort((a, b) => b.prio - a.prio || b.end - b.start - (a.end - a.start) || a.start - b.start);
    // a candidate is kept when it shares no character with one kept before
    const kept: Cand[] = [];
    for (const c of cands) if (c.end <= c.start || !kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
    kept.sort((a, b) => a.start - b.start);
    const drafts = kept.map((c) => ({
      type: 'project' as const,
      start: c.start,
      end: c.end,
      name: taiwanPlan(doc, doc.text.slice(c.start, c.end).replace(/[“”"‘’「」『』《》]/g, '').replace(PINYIN_LEFT, '')),
      location: c.location,
      status: c.status,
      amounts: [],
    }));
    placePrefixes(doc, drafts);
    return drafts;
  },
};

/** A short prefix that the document also leaves off the same name (新哨夸竹褐煤开发 … 夸竹褐煤开发) is where the
 * project is, when it reads as a place (a place-name word, or a word jieba does not know): it goes to location. */
function placePrefixes(doc: Doc, drafts: ProjectDraft[]): void {
  const bare = (n: string) => (n.endsWith(P) ? n.slice(0, -P.length) : n);
  const names = new Set(drafts.map((d) => bare(d.name)));
  for (const d of drafts) {
    if (d.location) continue;
    const len = bare(d.name).length;
    for (let k = 2; k <= 4 && len - k >= 4; k++) {
      const rest = d.name.slice(k);
      if (!names.has(bare(rest))) continue;
      const toks = doc.tokensIn(d.start, d.start + k);
      const aligned = toks.length > 0 && toks[0]!.start === d.start && toks[toks.length - 1]!.end === d.start + k;
      if (aligned && toks.every((t) => t.tag === 'ns' || t.tag === 'x' || t.word.length === 1)) {
        d.location = d.name.slice(0, k);
        d.name = rest;
      }
      break;
    }
  }
}
