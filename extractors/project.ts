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
import { isHanCode } from '../src/han.js';

type Status = ProjectRecord['status'];

const longestFirst = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length);
const VERB_HEADS_LONGEST = longestFirst(T.VERB_HEADS);
const NOUN_HEADS = longestFirst(T.NOUN_HEADS);
const WEAK_HEADS = longestFirst(T.WEAK_HEADS);
const VERB_HEADS = longestFirst(T.VERB_HEADS);
const STATUS_KEYS = longestFirst(Object.keys(T.STATUS_WORDS));
const PLACE_SUFFIXES = longestFirst(T.PLACE_SUFFIXES);
const FRAME = new Set(T.FRAME_WORDS);
const GOAL = new Set(T.GOAL_FRAMES);
const STOP_TAGS = new Set(T.STOP_TAGS);
const PROPER_TAGS = new Set(T.PROPER_TAGS);
const SECTORS = new Set(T.SECTORS);
const GENERIC = new Set([...T.GENERIC_WORDS, ...T.SECTORS]);
const VERB_HEAD_SET = new Set(T.VERB_HEADS);
const NOUN_HEAD_SET = new Set(T.NOUN_HEADS);
const SECTOR_WORDS = longestFirst(T.SECTORS);

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

function clausesOf(doc: Doc): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const text = doc.text;
  const n = text.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    let mark = i === n;
    if (!mark) {
      const c = text.charCodeAt(i);
      // a comma or colon between digits is part of a number
      mark = CLAUSE_CODES[c] === 1 && !((c === 44 || c === 58) && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1)));
    }
    if (mark) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

type CharIndex = Map<number, string[]>;
const BY_FIRST = Symbol('words by first character');
const BY_LAST = Symbol('words by last character');
const byFirstChar = new WeakMap<readonly string[], CharIndex>();
const byLastChar = new WeakMap<readonly string[], CharIndex>();
/** The index of a table by the first (or last) character of its words, in table order; built once and kept on
 * the table itself (a property read is cheaper than a WeakMap look-up), or in a WeakMap for a frozen table. */
function charIndex(words: readonly string[], last: boolean): CharIndex {
  const key = last ? BY_LAST : BY_FIRST;
  const own = (words as unknown as Record<symbol, CharIndex | undefined>)[key];
  if (own !== undefined) return own;
  const map = last ? byLastChar : byFirstChar;
  let index = map.get(words);
  if (index) return index;
  index = new Map();
  for (const w of words) {
    const k = w.charCodeAt(last ? w.length - 1 : 0);
    if (!index.has(k)) index.set(k, []);
    index.get(k)!.push(w);
  }
  if (Object.isExtensible(words)) Object.defineProperty(words, key, { value: index, enumerable: false });
  else map.set(words, index);
  return index;
}
/** The first (longest, for sorted tables) word of `words` written at `pos`; tables are indexed by first character. */
function startsWithAny(text: string, pos: number, words: readonly string[]): string | null {
  const cands = charIndex(words, false).get(text.charCodeAt(pos));
  if (!cands) return null;
  for (const w of cands) if (text.startsWith(w, pos)) return w;
  return null;
}
/** The first (longest, for sorted tables) word of `words` that ends `s`; tables are indexed by last character. */
function endsWithAny(s: string, words: readonly string[]): string | null {
  const cands = charIndex(words, true).get(s.charCodeAt(s.length - 1));
  if (!cands) return null;
  for (const w of cands) if (s.endsWith(w)) return w;
  return null;
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
  /** where a head may start (see heads), ascending, with the start of the token each comes from; null until
   * first needed */
  headPos: Int32Array | null;
  headTok: Int32Array | null;
}

const views = new WeakMap<Doc, NameView>();
/** jieba's tokens, with runs of single characters joined into one unknown word (本|桓 → 本桓, 老|旧 → 老旧):
 * jieba's cut leaves the names it does not know in pieces. Computed once per document. */
// the view of the document being read, in front of the WeakMap (nameView is asked for in every helper)
let lastDoc: Doc | null = null;
let lastView: NameView | null = null;
function nameView(doc: Doc): NameView {
  if (doc === lastDoc) return lastView!;
  let v = views.get(doc);
  if (v) {
    lastDoc = doc;
    lastView = v;
    return v;
  }
  const toks: Token[] = [];
  const raw = doc.tokens;
  const single = (t: Token) => {
    const w = t.word;
    return w.length === 1 && isHanCode(w.charCodeAt(0)) && FUNCTION_CODES[w.charCodeAt(0)] !== 1;
  };
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (single(t) && i + 1 < raw.length && single(raw[i + 1]!) && raw[i + 1]!.start === t.end) {
      let j = i;
      while (j + 1 < raw.length && single(raw[j + 1]!) && raw[j + 1]!.start === raw[j]!.end) j++;
      toks.push(new NameTok(doc.text.slice(t.start, raw[j]!.end), t.start, raw[j]!.end, null));
      i = j;
    } else toks.push(t);
  }
  const at = new Int32Array(doc.text.length + 1).fill(-1);
  const ends = new Uint8Array(doc.text.length + 1);
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const e = t.end;
    for (let p = t.start; p < e; p++) at[p] = k;
    ends[e] = 1;
  }
  v = { toks, at, ends, headPos: null, headTok: null };
  views.set(doc, v);
  lastDoc = doc;
  lastView = v;
  return v;
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

const punctMemo = new Map<string, boolean>();
function isPunct(word: string): boolean {
  let r = punctMemo.get(word);
  if (r === undefined) {
    r = !/[\p{Script=Han}0-9A-Za-z×±]/u.test(word);
    if (punctMemo.size < 50000) punctMemo.set(word, r);
  }
  return r;
}

/** Characters that join letters and digits inside a name (TFT-LCD, 10.5代, 2×300MW). */
const JOINERS = /^[-.·×/]$/;

const PHASE_TOKEN = /^[一二三四五六七八九十0-9]{1,2}期(?:工程)?$/;

const LONG_FRAMES = T.FRAME_WORDS.filter((f) => f.length >= 2);
/** A frame word, or a longer verb token that ends with one (妥善解决). */
const frameMemo = new Map<string, boolean>();
function isFrame(t: Token): boolean {
  if (FRAME.has(t.word)) return true;
  if (t.word.length < 3) return false;
  let r = frameMemo.get(t.word);
  if (r === undefined) {
    r = LONG_FRAMES.some((f) => t.word.endsWith(f));
    if (frameMemo.size < 50000) frameMemo.set(t.word, r);
  }
  return r && t.tag.startsWith('v');
}

/** Whether `name` can be cut entirely into sector words (多式联运 + 物联网). */
function coveredBySectors(name: string): boolean {
  const ok: boolean[] = new Array(name.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < name.length; i++) {
    if (!ok[i]) continue;
    for (const w of SECTOR_WORDS) if (name.startsWith(w, i)) ok[i + w.length] = true;
  }
  return ok[name.length]!;
}

function stops(t: Token, rightLen: number, nextIsNoun = false): boolean {
  const w = t.word;
  if (isPunct(w)) return true;
  if (isFrame(t)) return true;
  // 地 before a noun ends a place name (油麻|地|避风塘), it is no particle there
  if (w === '地' && nextIsNoun) return false;
  // 武汉至宜昌高铁, 巡检至西三连乡公路: 至 joins the two ends of a line
  if (w === '至' || w === '到') return rightLen < 2;
  // an unknown word that holds a conjunction: 沟及|排洪沟道路工程
  if (t.tag === 'x' && /[及和与]/.test(w)) return true;
  if (PHASE_TOKEN.test(w)) return false;
  // a head inside a longer name is a noun whatever jieba tags it (京港澳|高速/d|改扩建工程)
  if (NOUN_HEAD_SET.has(w) && rightLen >= 2) return false;
  if (STOP_TAGS.has(t.tag) && t.tag !== 'q' && !/[0-9A-Za-z]/.test(w)) return true;
  if (t.tag === 'q' && CLASSIFIERS.has(w)) return true;
  // money and counts end a name's left context (109.6亿元|大雅河抽水蓄能, 16个|建设项目); measures stay (800千伏)
  if (t.tag === 'm' && /[元个项批]/.test(w)) return true;
  if (PHASE_TOKEN.test(w)) return false;
  // a second name glued after an action: 巡检司电厂扩建|巡小运煤专用公路
  if (VERB_HEAD_SET.has(w) && rightLen >= 4) return true;
  // the company that builds it: …有限责任公司|龙羊峡水光互补光伏电站
  if (rightLen >= 4 && T.COMPANY_ENDINGS.some((c) => w.endsWith(c))) return true;
  return false;
}

/** Where a name that ends at `end` starts, walking back over jieba's tokens no further than `from`; -1 when no
 * sensible left edge is found within MAX_NAME_CHARS. */
function leftEdge(doc: Doc, from: number, end: number): number {
  // a window a little longer than the longest name: reaching its start means no edge was found
  const toks = clipped(doc, Math.max(from, end - T.MAX_NAME_CHARS - 4), end);
  let pos = end;
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    const joiner =
      JOINERS.test(t.word) &&
      ((/[0-9A-Za-z]/.test(doc.text[t.start - 1] ?? '') && /[0-9A-Za-z]/.test(doc.text[t.end] ?? '')) ||
        // a brand and its project: 碧桂园·天玺
        (t.word === '·' && HAN.test(doc.text[t.start - 1] ?? '') && HAN.test(doc.text[t.end] ?? '')));
    const next = toks[i + 1];
    if (!joiner && (JOINERS.test(t.word) || stops(t, end - t.end, !!next && /^n/.test(next.tag)))) {
      // a name cut by junk (a garbled span, a stray backslash) is not a name
      if (isPunct(t.word) && !SEPARATORS.test(t.word)) return -1;
      if (t.tag === 'x' && /[及和与]/.test(t.word)) return t.start + Math.max(t.word.lastIndexOf('及'), t.word.lastIndexOf('和'), t.word.lastIndexOf('与')) + 1;
      let s = t.end;
      // a verb's complement glued to the name by jieba: 解决|好脚落沼煤矿
      if (t.tag.startsWith('v') && RESULTATIVES.has(doc.text[s] ?? '') && end - s > 3) s++;
      return s;
    }
    pos = t.start;
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
  return startsWithAny(rest, adv.length, T.STAGE_WORDS) !== null;
}

/** A goal verb (打造, 争创) shortly before the name: the name is an aim, not a project. */
function goalBefore(doc: Doc, cs: number, s: number): boolean {
  const toks = clipped(doc, Math.max(cs, s - 8), s);
  return toks.some((t) => GOAL.has(t.word));
}

const NUMERAL_CHARS = new Set([...'一二三四五六七八九十']);
/** First characters of every head: positions that cannot start one are skipped at once. */
const HEAD_LAST = new Uint8Array(0x10000);
for (const w of [...T.NOUN_HEADS, ...T.WEAK_HEADS, '期']) HEAD_LAST[w.charCodeAt(w.length - 1)] = 1;
const FACILITY_END = new Uint8Array(0x10000);
for (const c of T.FACILITY_CHARS) FACILITY_END[c.charCodeAt(0)] = 1;
/** First characters of every head, action, 项目 and phase; and the heads a token may end with. */
const HEAD_FIRST = new Uint8Array(0x10000);
for (const w of [...T.NOUN_HEADS, ...T.VERB_HEADS, '项目', ...NUMERAL_CHARS]) HEAD_FIRST[w.charCodeAt(0)] = 1;
const HEAD_SET = new Set([...T.NOUN_HEADS, ...T.VERB_HEADS, '项目']);
const AREA_AFTER = new RegExp(`^[\\u4e00-\\u9fff]{0,4}(?:${T.AREA_WORDS.join('|')})`);
const CATEGORY_ADJ = new Set(T.CATEGORY_ADJECTIVES);

const QUANTITY_AFTER = /^(?:[0-9.]+|[一二三四五六七八九十百千万两]+)(?:多|余)?(?:个|座|条|处|所|家|台|套|公里|千米|米|万|千)/;

/** Evidence of a proper name in [s, e): a place, person or brand token, a word jieba does not know, digits or
 * Latin letters, a lone character (names jieba splits), or an organisation word (通用技术集团机床研发基地). */
function hasNameEvidence(doc: Doc, s: number, e: number): boolean {
  const text = doc.text.slice(s, e);
  if (/[0-9A-Za-z]|第[一二三四五六七八九十]/.test(text)) return true;
  for (const t of clipped(doc, s, e)) {
    if (isPunct(t.word) || GENERIC.has(t.word)) continue;
    if (PROPER_TAGS.has(t.tag)) return true;
    if (t.word.length === 1 && isHanCode(t.word.charCodeAt(0)) && !EMPTY_CHARS.has(t.word)) return true;
    if (endsWithAny(t.word, T.ORG_ENDINGS)) return true;
  }
  return false;
}

/** Stronger evidence, for names with no head: a brand, person or organisation token, an unknown word of two
 * characters or more, or Latin letters. A place alone is not enough (玉溪市集中开工项目). */
function hasStrongEvidence(doc: Doc, s: number, e: number): boolean {
  if (/[A-Za-z]/.test(doc.text.slice(s, e))) return true;
  return clipped(doc, s, e).some((t) => !GENERIC.has(t.word) && ((STRONG_TAGS.has(t.tag) && t.word.length >= 2) || (t.tag === 'ns' && t.word.length >= 2 && !endsWithAny(t.word, PLACE_SUFFIXES)) || (t.tag === 'x' && HAN.test(t.word) && t.word.length >= 2)));
}
const STRONG_TAGS = new Set(['nr', 'nrt', 'nrfg', 'nz', 'nt']);

/** A name before a bare 项目: four characters or more, a noun at the end, no verb at the start, and strong
 * evidence of a proper name (吉利汽车整车项目; not 杜绝产能过剩项目, 百大项目). */
function bareName(doc: Doc, s: number, e: number): boolean {
  if (e - s < 4) return false;
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
  const toks = clipped(doc, s, e).filter((t) => !isPunct(t.word));
  if (toks.length === 0) return true;
  return toks.every((t) => GENERIC.has(t.word) || (t.word.length === 1 && EMPTY_CHARS.has(t.word)));
}

type ItemKind = 'name' | 'plain' | 'sector';

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
  if (/^[“"「『][^”"」』]+[”"」』](?:工程|项目|行动|计划)$/.test(name)) return 'sector';
  if (T.ANONYMOUS_MARKERS.some((m) => name.startsWith(m) || name.includes(m + '项目'))) return 'sector';
  if (name.includes('某')) return 'sector';
  if (endsWithAny(name, T.PROGRAMME_ENDINGS)) return 'sector';
  if (PROGRAMME_NUMERALS.test(name)) return 'sector';
  if (endsWithAny(name, T.ORG_ENDINGS)) return 'sector';
  const toks = clipped(doc, s, e).filter((t) => !isPunct(t.word));
  if (toks.length > 0 && toks.every((t) => SECTORS.has(t.word))) return 'sector';
  if (coveredBySectors(name.replace(/[“”"‘’「」『』]/g, ''))) return 'sector';
  if (toks.length === 1 && !PROPER_TAGS.has(toks[0]!.tag)) return 'plain';
  if (toks.length === 1 && toks[0]!.tag === 'ns' && endsWithAny(name, PLACE_SUFFIXES)) return 'sector';
  if (allGeneric(doc, s, e)) return 'sector';
  return 'name';
}

/** The facility head that ends at `end` (a noun head, a phase, or a weak head when `weak`). */
function headEndingAt(text: string, s: number, end: number, weak: boolean): string | null {
  let part = text.slice(s, end);
  if (part.endsWith('项目')) part = part.slice(0, -2);
  const phase = /(?:[一二三四五六七八九十0-9]{1,2}期)$/.exec(part);
  if (phase && phase.index > 0) return phase[0];
  const h = endsWithAny(part, NOUN_HEADS);
  if (h && part.length > h.length) return h;
  if (weak) {
    const w = endsWithAny(part, WEAK_HEADS);
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
    if (t.word === '项目' || t.word.startsWith('项目')) {
      if (pos === end) return -1;
      return startsWithAny(doc.text, pos + 2, T.PROJECT_BLOCKERS) ? -1 : pos + 2;
    }
    if (!/^(?:n|b|j|s|a$)/.test(t.tag) || isFrame(t) || (GENERIC.has(t.word) && t.word.length > 1)) return -1;
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
      const act = startsWithAny(doc.text, end, VERB_HEADS_LONGEST);
      const closer = act ? startsWithAny(doc.text, end + act.length, ['工程', '项目']) : null;
      if (act && closer && end + act.length + closer.length <= e) end += act.length + closer.length;
      const more = nounsToProject(doc, end, e);
      if (more > 0) return more;
      if (doc.text.startsWith('项目', end) && end + 2 <= e && !startsWithAny(doc.text, end + 2, T.PROJECT_BLOCKERS)) return end + 2;
      return end;
    }
  }
  return -1;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && QUOTE_CHARS.test(text[s]!)) s++;
  while (e > s && QUOTE_CHARS.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Status the text gives: a status word in `words` (the list's own words, 储备重点), else one in the rest of the
 * clause after the name, unless the clause speaks of a plan (确保年内动工). */
function statusOf(doc: Doc, clauseStart: number, nameStart: number, clauseEnd: number, after: number, words = ''): Status {
  for (let i = 0; i < words.length; i++) {
    const w = startsWithAny(words, i, STATUS_KEYS);
    if (w) return T.STATUS_WORDS[w]!;
  }
  const rest = doc.text.slice(after, clauseEnd);
  for (let i = 0; i < rest.length; i++) {
    const w = startsWithAny(rest, i, STATUS_KEYS);
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
  const toks = clipped(doc, Math.max(0, pos - 8), pos).filter((t) => t.end <= pos);
  // the word before the name, or the one before that (新开工|建设|金鹰大厦), within the clause
  for (const t of toks.slice(-2).reverse()) {
    if (isPunct(t.word)) break;
    if (T.STATUS_WORDS[t.word]) return T.STATUS_WORDS[t.word]!;
  }
  return null;
}

/** Peel a place and an amount written before the name (桓仁满族自治县109.6亿元大雅河抽水蓄能): the name's start
 * and its location. */
function peelPlaceAmount(doc: Doc, s: number, e: number): { start: number; location: string | null } {
  const part = doc.text.slice(s, e);
  if (!part.includes('元')) return { start: s, location: null };
  AMOUNT_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = AMOUNT_RE.exec(part); m; m = AMOUNT_RE.exec(part)) last = m;
  if (!last || last.index + last[0].length >= part.length - 1) return { start: s, location: null };
  const amountStart = s + last.index;
  const nameStart = amountStart + last[0].length;
  const toks = clipped(doc, s, amountStart);
  const place = toks[toks.length - 1];
  let location: string | null = null;
  if (place && place.end === amountStart && endsWithAny(place.word, PLACE_SUFFIXES)) {
    // a bare suffix joins the place name before it: 雄安|新区
    const prev = toks[toks.length - 2];
    if (PLACE_SUFFIXES.includes(place.word) && prev && !isPunct(prev.word) && !STOP_TAGS.has(prev.tag) && !isFrame(prev)) location = prev.word + place.word;
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
  const suffix = endsWithAny(place, PLACE_SUFFIXES);
  if (!suffix) {
    const next = toks[1];
    const suf = next ? startsWithAny(doc.text, next.start, PLACE_SUFFIXES) : null;
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
    const core = /(?:项目|工程)$/.test(doc.text.slice(p.start, e)) ? e - 2 : e;
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

/** Items of a list: split at 、 and at the conjunction before the last item (本桓高速和徐大堡核电站). */
function splitItems(doc: Doc, from: number, to: number): Item[] {
  const cuts: [number, number][] = [];
  // searched in the slice: a search of the whole text would run on to the next 、 of the document
  const part = doc.text.slice(from, to);
  for (let i = part.indexOf('、'); i >= 0; i = part.indexOf('、', i + 1)) cuts.push([from + i, from + i + 1]);
  if (cuts.length > 0) {
    const lastCut = cuts[cuts.length - 1]![1];
    for (const t of clipped(doc, lastCut, to)) if (CONJUNCTIONS.has(t.word) && t.tag === 'c') cuts.push([t.start, t.end]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const items: Item[] = [];
  let s = from;
  for (const [a, b] of cuts) {
    items.push({ start: s, end: a, location: null });
    s = b;
  }
  items.push({ start: s, end: to, location: null });
  return items;
}

/** Prepare an item: peel a place + amount, trim the first item's left context. Returns null when no name is left. */
function prepareItem(doc: Doc, it: Item, first: boolean): Item | null {
  let [s, e] = trimSpan(doc.text, it.start, it.end);
  if (e <= s) return null;
  // a parenthesis after the name (总投资50亿元) is not part of it
  const paren = /[(（][^(（)）]*[)）]?$/.exec(doc.text.slice(s, it.end));
  if (paren && paren.index > 0) [s, e] = trimSpan(doc.text, s, s + paren.index);
  if (e <= s) return null;
  const pa = peelPlaceAmount(doc, s, e);
  if (pa.start > s) {
    // 投资50亿元的|华晟…基地, 投资12亿元建设|…
    const lead = LEAD_AFTER_AMOUNT.exec(doc.text.slice(pa.start, e));
    const ns = pa.start + (lead ? lead[0].length : 0);
    return e - ns >= 2 ? { start: ns, end: e, location: pa.location } : null;
  }
  if (first) {
    s = leftEdge(doc, s, e);
    if (s < 0) return null;
    [s, e] = trimSpan(doc.text, s, e);
    if (e <= s) return null;
  }
  return { start: s, end: e, location: null };
}

const LIST_TAIL = /^等((?:[^，,；;：:。！？!?、\n“”"《》等]){0,18}?)(项目|工程)(?!部)/;

/** Lists of names in one clause; returns the spans of items judged categories (blocked for the head rule). */
function lists(doc: Doc, cs: number, ce: number, out: Cand[], blocked: [number, number][]): void {
  const text = doc.text;
  const clause = text.slice(cs, ce);
  if (!clause.includes('、') && !clause.includes('等')) return;
  const view = nameView(doc);
  const etcs: Token[] = [];
  for (let q = clause.indexOf('等'); q >= 0; q = clause.indexOf('等', q + 1)) {
    const k = view.at[cs + q]!;
    const t = k >= 0 ? view.toks[k]! : null;
    if (t && t.word === '等' && t.tag.startsWith('u')) etcs.push(t);
  }
  let from = cs;
  for (const etc of etcs) {
    const tail = LIST_TAIL.exec(text.slice(etc.start, ce));
    const rawItems = splitItems(doc, from, etc.start);
    const items = rawItems.map((it, i) => prepareItem(doc, it, i === 0)).filter((x): x is Item => !!x);
    if (items.length === 0) continue;
    if (tail) {
      const modifier = tail[1]!;
      const listEnd = etc.start + tail[0].length;
      const kinds = items.map((it) => classify(doc, it.start, it.end));
      const weak = kinds.filter((k) => k !== 'name').length;
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
  if (text.slice(from, ce).includes('、')) {
    const raw = splitItems(doc, from, ce);
    const last = raw[raw.length - 1]!;
    const lastEnd = firstHeadEnd(doc, last.start, last.end);
    if (lastEnd > 0) {
      last.end = lastEnd;
      const items = raw.map((it, i) => prepareItem(doc, it, i === 0)).filter((x): x is Item => !!x);
      siblings(doc, items, out);
    }
  }
}

/** A 、-list not closed by 等…项目 is a list of names when its items end with facility heads. */
function siblings(doc: Doc, items: Item[], out: Cand[]): void {
  if (items.length < 2) return;
  const listStatus = statusBefore(doc, items[0]!.start);
  const headed = items.map((it) => !!headEndingAt(doc.text, it.start, it.end, true) || firstHeadEnd(doc, it.start, it.end) === it.end);
  const strong = items.some((it) => !!headEndingAt(doc.text, it.start, it.end, false));
  const without = headed.filter((h) => !h).length;
  if (!strong || without > 1 || items.length - without < 2) return;
  items.forEach((it, i) => {
    if (classify(doc, it.start, it.end) !== 'name') return;
    if (!headed[i] && !hasNameEvidence(doc, it.start, it.end)) return;
    pushName(doc, out, it.start, it.end, 2, listStatus ?? statusBefore(doc, it.start), it.location);
  });
}

/** T.FACILITY_CHARS (its one-character entries, the ones a character can equal) and NUMERAL_CHARS by code. */
const FACILITY_SINGLE = new Uint8Array(0x10000);
for (const c of T.FACILITY_CHARS) if (c.length === 1) FACILITY_SINGLE[c.charCodeAt(0)] = 1;
const NUMERAL_CODES = new Uint8Array(0x10000);
for (const c of NUMERAL_CHARS) if (c.length === 1) NUMERAL_CODES[c.charCodeAt(0)] = 1;

/** Last characters of the words of HEAD_SET: a token whose last character is none of them ends with no head. */
const HEAD_SET_LAST = new Uint8Array(0x10000);
for (const w of HEAD_SET) HEAD_SET_LAST[w.charCodeAt(w.length - 1)] = 1;

/** The positions where a head may start, for the whole document, ascending: token starts with a head's first
 * character, and heads that end a token (扩建|工程, 建设|项目, 会展|中心); with the start of their token. */
function headPositions(view: NameView): Int32Array {
  const pos: number[] = [];
  const tok: number[] = [];
  for (const t of view.toks) {
    const w = t.word;
    const start = t.start;
    const end = t.end;
    const n = w.length;
    if (HEAD_FIRST[w.charCodeAt(0)] || (n >= 2 && FACILITY_END[w.charCodeAt(n - 1)])) {
      pos.push(start);
      tok.push(start);
    }
    // ascending: the longest suffix first
    if (n > 2 && HEAD_SET_LAST[w.charCodeAt(n - 1)]) {
      for (let L = Math.min(5, n - 1); L >= 2; L--) {
        if (HEAD_SET.has(w.slice(n - L))) {
          pos.push(end - L);
          tok.push(start);
        }
      }
    }
  }
  view.headPos = Int32Array.from(pos);
  view.headTok = Int32Array.from(tok);
  return view.headPos;
}

/** Names ending with a head, anywhere in the clause. */
function heads(doc: Doc, cs: number, ce: number, out: Cand[], first: number): void {
  const text = doc.text;
  const view = nameView(doc);
  const tokEnds = { has: (pos: number) => pos === ce || view.ends[pos] === 1 };
  const tokAt = (pos: number): Token | undefined => (pos < ce && view.at[pos]! >= 0 ? view.toks[view.at[pos]!] : undefined);
  // the positions where a head may start: token starts with a head's first character, and heads that end a
  // token (扩建|工程, 建设|项目, 会展|中心)
  // (computed once per document, in order: the positions after cs of the tokens that start before ce;
  // `first` is the index of the first position after cs)
  const headPos = view.headPos ?? headPositions(view);
  const headTok = view.headTok!;
  const positions: number[] = [];
  for (let x = first; x < headPos.length && headTok[x]! < ce; x++) positions.push(headPos[x]!);
  if (positions.length === 0) return;
  let skipUntil = -1;
  let prevPos = -1;
  for (const i of positions) {
    if (i < skipUntil || i === prevPos) continue;
    prevPos = i;
    let head = startsWithAny(text, i, NOUN_HEADS);
    let verb = false;
    if (!head && view.at[i]! >= 0) {
      // a word that ends with a facility character: 实训楼, 标准厂房, 体育馆
      const t = view.toks[view.at[i]!]!;
      if (t.start === i && t.word.length >= 2 && FACILITY_SINGLE[t.word.charCodeAt(t.word.length - 1)] === 1 && !GENERIC.has(t.word)) head = t.word;
    }
    if (!head && NUMERAL_CODES[text.charCodeAt(i)] === 1) {
      const ph = /^[一二三四五六七八九十]{1,2}期/.exec(text.slice(i, i + 3));
      if (ph) head = ph[0];
    }
    let bare = false;
    if (!head && text.startsWith('项目', i) && tokEnds.has(i)) {
      // most 项目 follow a generic word (重点, 新开工, 储备): only a noun of a name can stand before a bare 项目
      const prev = tokAt(i - 1);
      if (!prev || !/^(?:n|vn|eng|x)/.test(prev.tag) || GENERIC.has(prev.word) || FRAME.has(prev.word) || isPunct(prev.word)) continue;
      if (startsWithAny(text, i + 2, T.PROJECT_BLOCKERS)) continue;
      head = '项目';
      bare = true;
    }
    if (!head) {
      const v = startsWithAny(text, i, VERB_HEADS);
      if (v && LIST_NOUN_AT(text, i + v.length)) {
        head = v;
        verb = true;
      }
    }
    if (!head) continue;
    let end = i + head.length;
    if (!bare && !tokEnds.has(end) && !LIST_NOUN_AT(text, end) && end !== ce) continue;
    // the head names an area around it: 北京大兴国际机场|临空经济区
    if (AREA_AFTER.test(text.slice(end, Math.min(ce, end + 8)))) continue;
    // a kind, not a name: 标志性工程, 示范工程, 民生工程
    const adj = tokAt(i - 1);
    if (adj && adj.end === i && CATEGORY_ADJ.has(adj.word)) continue;
    // the head starts a word, or ends a compound whose first part is a word (扩建|工程), not 加|工厂
    const holder = tokAt(i);
    if (holder && holder.start < i && i - holder.start < 2) continue;
    // a head glued to a one-character noun is part of a longer word (非煤矿|石)
    const next = tokAt(end);
    if (next && next.start === end && next.word.length === 1 && next.tag === 'n') continue;
    if (startsWithAny(text, end, T.HEAD_BLOCKERS)) continue;
    const ph = T.PHASE_RE.exec(text.slice(end, ce));
    if (ph) end += ph[0].length;
    // a facility and the work done on it: 巡检司电厂扩建
    const work = !verb ? startsWithAny(text, end, VERB_HEADS) : null;
    if (work && (tokEnds.has(end + work.length) || LIST_NOUN_AT(text, end + work.length)) && (!T.WEAK_WORK.includes(work) || LIST_NOUN_AT(text, end + work.length))) end += work.length;
    const more = !bare && !verb ? nounsToProject(doc, end, ce) : -1;
    if (more > 0) end = more;
    else if (!bare && text.startsWith('项目', end) && !startsWithAny(text, end + 2, T.PROJECT_BLOCKERS)) end += 2;
    else if (verb && text.startsWith('工程', end) && !startsWithAny(text, end + 2, T.HEAD_BLOCKERS)) end += 2;
    else if (!bare && work && text.startsWith('工程', end) && !startsWithAny(text, end + 2, T.HEAD_BLOCKERS)) end += 2;
    let s = leftEdge(doc, cs, i);
    if (s < 0) continue;
    // one facility and its works: 县城第二水厂及配套管网工程
    if (s > cs + 1 && CONJUNCTIONS.has(text[s - 1]!) && (i - s < 2 || allGeneric(doc, s, i)) && headEndingAt(text, Math.max(cs, s - 13), s - 1, false)) {
      const s2 = leftEdge(doc, cs, s - 1);
      if (s2 >= 0 && s - 1 - s2 >= 2 && end - s2 <= T.MAX_NAME_CHARS) s = s2;
    }
    if (i - s < 2) continue;
    if (goalBefore(doc, cs, s)) continue;
    // a facility in operation, not a project: 萧山国际机场货邮吞吐量83万吨
    const rest = text.slice(end, ce);
    if (T.OPERATION_WORDS.some((w) => rest.includes(w))) continue;
    // a kind of facility counted, not a named one: 新建5G基站3200个
    if (QUANTITY_AFTER.test(rest)) continue;
    if (QUOTE_CHARS.test(text[s - 1] ?? '') && /[”"」』》]/.test(text[s - 1] ?? '')) continue;
    const nameText = text.slice(s, i);
    // a phase alone is no name (一期工程完工后)
    if (/^第?[一二三四五六七八九十0-9]{1,2}期$/.test(nameText)) continue;
    if (T.ANONYMOUS_MARKERS.some((m) => nameText.startsWith(m)) || nameText.includes('某')) continue;
    if (allGeneric(doc, s, i) && !CONJUNCTIONS.has(text.slice(s, i).match(/[及和与]/)?.[0] ?? '')) continue;
    // a bare 项目 needs a name of its own: a brand, an organisation, a word jieba does not know (吉利汽车整车项目)
    if (bare && !bareName(doc, s, i)) continue;
    const stage = stageAfter(text, end, ce);
    if (!hasNameEvidence(doc, s, i) && !stage) continue;
    // an institution on its own (市第一人民医院开展义诊) is a project only when the text speaks of building it
    if (T.INSTITUTION_HEADS.includes(head) && end === i + head.length && !stage && !statusOf(doc, cs, s, ce, end)) continue;
    if (COUNT_RE.test(nameText) || PROGRAMME_NUMERALS.test(nameText)) continue;
    pushName(doc, out, s, end, bare ? 0 : 1, statusBefore(doc, s) ?? statusOf(doc, cs, s, ce, end), null);
    skipUntil = end;
  }
}

function LIST_NOUN_AT(text: string, pos: number): boolean {
  return T.LIST_NOUNS.some((n) => text.startsWith(n, pos)) && !text.startsWith('项目部', pos);
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
    if (!/(项目|工程)$/.test(inner)) continue;
    const core = inner.replace(/(项目|工程)$/, '');
    if (core.length < 2) continue;
    if (endsWithAny(core, T.PROGRAMME_ENDINGS) || endsWithAny(core, T.ORG_ENDINGS)) continue;
    if (T.ANONYMOUS_MARKERS.some((a) => core.startsWith(a)) || core.includes('某')) continue;
    if (PROGRAMME_NUMERALS.test(core)) continue;
    if (allGeneric(doc, s, s + core.length)) continue;
    const clause = { start: doc.clauseStart(s), end: doc.clauseEnd(e) };
    pushName(doc, out, s, e, 3, statusOf(doc, clause.start, s - 1, clause.end, e + 1), null, false);
  }
}

export const project: Extractor = {
  type: 'project',
  version: 1,
  extract(doc: Doc): ProjectDraft[] {
    const cands: Cand[] = [];
    quoted(doc, cands);
    const view = nameView(doc);
    const headPos = view.headPos ?? headPositions(view);
    const headTok = view.headTok!;
    let x = 0;
    for (const c of clausesOf(doc)) {
      // items of a list, kept or judged categories, are not read again as head names
      const blocked: [number, number][] = [];
      lists(doc, c.start, c.end, cands, blocked);
      // a clause with no place where a head may start has no head names
      while (x < headPos.length && headPos[x]! <= c.start) x++;
      if (x >= headPos.length || headTok[x]! >= c.end) continue;
      const headCands: Cand[] = [];
      heads(doc, c.start, c.end, headCands, x);
      for (const h of headCands) if (!blocked.some(([a, b]) => h.start < b && h.end > a)) cands.push(h);
    }
    // one record per mention: the better-founded shape first, then the longer span
    cands.sort((a, b) => b.prio - a.prio || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken = new Uint8Array(doc.text.length + 1);
    const kept: Cand[] = [];
    for (const c of cands) {
      let free = true;
      for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, c.start, c.end);
      kept.push(c);
    }
    kept.sort((a, b) => a.start - b.start);
    const drafts = kept.map((c) => ({
      type: 'project' as const,
      start: c.start,
      end: c.end,
      name: doc.text.slice(c.start, c.end).replace(/[“”"‘’「」『』《》]/g, ''),
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
  const bare = (n: string) => n.replace(/项目$/, '');
  const names = new Set(drafts.map((d) => bare(d.name)));
  for (const d of drafts) {
    if (d.location) continue;
    for (let k = 2; k <= 4 && bare(d.name).length - k >= 4; k++) {
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
