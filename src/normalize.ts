// Normalize (SPEC 1.2): every step edits a MappedText, so the result maps back to the original text.
import { MappedText, regexFinder, type Finder } from './mapped.js';
import { isHanCode } from './han.js';
import { endsSentence, isDotText } from './sentences.js';
import { endianness } from 'node:os';
import { T2S_FROM, T2S_TO, SIMPLIFIED_ONLY } from './tables/script-chars.js';
import { TONE_VOWELS, NEUTRAL_SYLLABLES, DOUBLED_PUNCTUATION, UNIT_STARTS, NUMBER_SPACES } from './tables/normalization.js';

export interface GarbledSpan {
  /** normalized offsets */
  start: number;
  end: number;
  /** original offsets (UTF-16) */
  origStart: number;
  origEnd: number;
  sample: string;
}

export interface Normalized {
  mapped: MappedText;
  script: 'simplified' | 'traditional' | 'mixed';
  stats: {
    pinyin_annotations: number;
    doubled_punctuation: number;
    width_fixes: number;
    number_spaces: number;
    script_conversions: number;
  };
  garbled: GarbledSpan[];
}

const esc = (s: string) => s.replace(/[\\\]^-]/g, '\\$&');
const PINYIN = `(?:[a-zü]*[${TONE_VOWELS}][a-zü${TONE_VOWELS}]*|${NEUTRAL_SYLLABLES.join('|')})`;

/** a table with 1 for each code unit of `chars` (all in the BMP) */
function codeTable(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

// A Han character followed by a pinyin annotation, (\p{Script=Han})\(PINYIN\): the annotation goes, the
// character stays. Matched by hand, as the pattern says: PINYIN's letters are [a-zü] and the tone vowels, so the
// annotation is the letters up to the first `)`, and it is pinyin when it has a tone vowel (the first branch)
// or is one of the neutral syllables (the second).
const PINYIN_LETTER = codeTable('abcdefghijklmnopqrstuvwxyzü' + TONE_VOWELS);
const TONE_VOWEL = codeTable(TONE_VOWELS);
const NEUTRAL = new Set(NEUTRAL_SYLLABLES);
const HAN_AT = /\p{Script=Han}/uy;
/** The next pinyin annotation after a Han character at or after `from`: found from the `(` it starts with. */
const findPinyin: Finder = (src, from, edit) => {
  for (let p = src.indexOf('(', from + 1); p >= 0; p = src.indexOf('(', p + 1)) {
    // the annotation: letters, then `)`
    let q = p + 1;
    let tone = false;
    for (let c = src.charCodeAt(q); PINYIN_LETTER[c] === 1; c = src.charCodeAt(++q)) if (TONE_VOWEL[c] === 1) tone = true;
    const letters = q;
    // a converter's space before the `)`: 樂(lè )
    while (src.charCodeAt(q) === 0x20 && q - letters < 2) q++;
    if (letters === p + 1 || src.charCodeAt(q) !== 0x29 || !(tone || NEUTRAL.has(src.slice(p + 1, letters)))) continue;
    // the Han character before it; one outside the BMP is a surrogate pair
    let s = p - 1;
    const c = src.charCodeAt(s);
    if (c >= 0xdc00 && c <= 0xdfff && s > 0) {
      const h = src.charCodeAt(s - 1);
      if (h >= 0xd800 && h <= 0xdbff) s--;
    }
    if (s < from) continue;
    if (s === p - 1 ? !isHanCode(c) : !((HAN_AT.lastIndex = s), HAN_AT.test(src))) continue;
    edit.start = s;
    edit.end = q + 1;
    edit.by = null; // the Han character stays
    edit.keep = p - s;
    return true;
  }
  return false;
};
/** garbled spans: U+FFFD runs; `?` (with mojibake junk) between Han characters; a pinyin annotation after a
 * non-Han character (the remains of a mis-decoded character) */
// (every alternative starts with one of the characters of the leading look-ahead: it lets the engine skip the
// other positions at once instead of trying each look-behind there)
const GARBLED = new RegExp(
  '(?=[\\uFFFD?!,.A-Za-z])(?:' +
    [
      `\\uFFFD+`,
      `\\?+[!,.A-Za-z]{0,3}\\(?${PINYIN}\\)`,
      `(?<=[\\p{Script=Han},])\\?+[!,]?(?=\\p{Script=Han})`,
      `(?<!\\p{Script=Han})[!,.A-Za-z]{1,3}\\(${PINYIN}\\)`,
    ].join('|') +
    ')',
  'gu',
);

const GARBLED_AT = new RegExp(GARBLED.source, 'uy');
const GARBLED_MARK = codeTable('!,.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');

/** The places where GARBLED can match in a text, in order, as the global scan of
 * /[\uFFFD?]|[!,.A-Za-z]{1,3}\(/ finds them: at U+FFFD, at ?, and at the marks and letters standing one to three
 * characters before a parenthesis. Each of the three is looked up with indexOf, and kept until passed. */
class GarbledStarts {
  private fffd = -2;
  private question = -2;
  /** the next run of marks before a parenthesis: its first position and the parenthesis */
  private runStart = -2;
  private paren = -2;
  /** the last position to try from the place `next` returned */
  last = 0;
  constructor(private readonly src: string) {}

  /** The first place at or after `from`, or -1. */
  next(from: number): number {
    const src = this.src;
    if (this.fffd !== -1 && this.fffd < from) this.fffd = src.indexOf('\uFFFD', from);
    if (this.question !== -1 && this.question < from) this.question = src.indexOf('?', from);
    if (this.runStart !== -1 && this.runStart < from) {
      this.runStart = -1;
      for (let p = src.indexOf('(', from + 1); p >= 0; p = src.indexOf('(', p + 1)) {
        // the marks right before the parenthesis, at most three, none before `from`
        let i = p;
        while (i > from && i > p - 3 && GARBLED_MARK[src.charCodeAt(i - 1)] === 1) i--;
        if (i < p) {
          this.runStart = i;
          this.paren = p;
          break;
        }
      }
    }
    let at = this.fffd;
    if (this.question >= 0 && (at < 0 || this.question < at)) at = this.question;
    if (this.runStart >= 0 && (at < 0 || this.runStart < at)) at = this.runStart;
    this.last = at === this.runStart ? this.paren - 1 : at;
    return at;
  }
}

// opencc-js's tw → cn table, character by character (generated into tables/script-chars.ts): one lookup per
// character keeps the conversion length-preserving, so the offset map stays exact, and fast.
// Which characters are traditional (have a simplified form) and which simplified-only, as bit sets (8 KB each:
// they stay in the cache, where the 128 KB table of forms would not; that is read for traditional ones only).
const T2S = new Uint16Array(65536);
for (let i = 0; i < T2S_FROM.length; i++) T2S[T2S_FROM.charCodeAt(i)] = T2S_TO.charCodeAt(i);
const TRADITIONAL = new Int32Array(2048);
const SIMPLIFIED = new Int32Array(2048);
for (let c = 0; c < 65536; c++) if (T2S[c] !== 0) TRADITIONAL[c >> 5]! |= 1 << (c & 31);
for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) {
  const c = SIMPLIFIED_ONLY.charCodeAt(i);
  if (T2S[c] === 0) SIMPLIFIED[c >> 5]! |= 1 << (c & 31);
}
const utf16 = new TextDecoder('utf-16le');
const LITTLE_ENDIAN = endianness() === 'LE';
/** The UTF-16 code units of a string, in a new array (copied natively where the platform's order allows). */
function codeUnits(s: string): Uint16Array {
  if (LITTLE_ENDIAN) {
    const b = Buffer.alloc(s.length * 2);
    b.write(s, 'utf16le');
    return new Uint16Array(b.buffer, b.byteOffset, s.length);
  }
  const u = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

function convertScript(m: MappedText): { mapped: MappedText; changed: number; script: Normalized['script'] } {
  const src = m.text;
  const n = src.length;
  let codes: Uint16Array | null = null;
  let tradOnly = 0;
  let simpOnly = 0;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    const bit = 1 << (c & 31);
    if ((TRADITIONAL[c >> 5]! & bit) !== 0) {
      codes ??= codeUnits(src);
      codes[i] = T2S[c]!;
      tradOnly++;
    } else if ((SIMPLIFIED[c >> 5]! & bit) !== 0) simpOnly++;
  }
  const total = tradOnly + simpOnly;
  const script = total === 0 || tradOnly / total < 0.1 ? 'simplified' : tradOnly / total > 0.9 ? 'traditional' : 'mixed';
  return { mapped: codes ? m.sameLength(utf16.decode(codes)) : m, changed: tradOnly, script };
}

// the look-behinds come after the character they guard: the same matches, found without trying a look-behind
// at every position
const FULLWIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]|[％．，](?<=[0-9\uFF10-\uFF19][％．，])(?=[0-9\uFF10-\uFF19])|％(?<=[0-9\uFF10-\uFF19]％)/g;
/** the characters a FULLWIDTH match starts with */
let FULLWIDTH_FIRST = '％．，';
for (const [a, b] of [[0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a]] as const) for (let c = a; c <= b; c++) FULLWIDTH_FIRST += String.fromCharCode(c);
const SP = `[${esc(NUMBER_SPACES)}]`;
const CN_NUM = '零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟';
/** circles that typesetting puts for 〇, and the characters around one inside a numeral */
const ZERO_CIRCLES = '○◯';
const CN_DIGITS_AND_POINT = '零〇一二两三四五六七八九十点';
// every alternative starts with a space or [.,] (the leading look-ahead lets the engine skip other positions)
const NUMBER_SPACE = new RegExp(
  `(?=[${esc(NUMBER_SPACES)}.,\r\n])(?:` +
  [
    // a line break inside a 百分之 numeral (百分之\n十二点五), which web pages break where they like
    // (one line break; not before a list's 二、)
    `(?<=百分之[${CN_NUM}]{0,8})${SP}*\r?\n${SP}*(?=[${CN_NUM}]{1,8}[^${CN_NUM}、．.\r\n])`,
    `(?<=[0-9])${SP}+(?=[${esc(UNIT_STARTS)}])`,
    `(?<=[0-9])${SP}*([.,])${SP}*(?=[0-9])`,
    // 2 0.5亿元: digits split by a space, when what follows runs on to a unit
    `(?<=[0-9])${SP}+(?=[0-9.,]+${SP}*[${esc(UNIT_STARTS)}])`,
    // inside a Chinese numeral, or between it and its unit: 四点 五个百分点, 一百五十 个百分点
    `(?<=[${CN_NUM}])${SP}+(?=[${CN_NUM}${esc(UNIT_STARTS)}])`,
  ].join('|') +
  ')',
  'g',
);
const findNumberSpace = regexFinder(
  NUMBER_SPACE,
  (x) => (x[1] === undefined ? '' : x[1]),
  codeTable(NUMBER_SPACES + '.,\r\n'),
  codeTable('0123456789之' + CN_NUM),
);

const findFullwidth = regexFinder(
  FULLWIDTH,
  (x) => {
    const c = x[0].charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
    return null;
  },
  codeTable(FULLWIDTH_FIRST),
);

/** a circle standing for zero inside a Chinese numeral (一點○六億元, 二○二三年): 〇 */
const findCircleZero = regexFinder(
  new RegExp(`[${ZERO_CIRCLES}](?<=[${CN_DIGITS_AND_POINT}][${ZERO_CIRCLES}])(?=[${CN_DIGITS_AND_POINT}${ZERO_CIRCLES}])`, 'g'),
  () => '〇',
  codeTable(ZERO_CIRCLES),
);

/** An ASCII full stop that ends a Chinese sentence (see endsSentence: not in a number, a Latin word, an address or
 * after a list number) becomes 。, as web converters' text had it before them: every rule that knows 。 then reads
 * it, and the records of a text with `.` are those of the same text with 。. An ellipsis (`...`), a stop after a Latin
 * letter (an English sentence) and one with nothing before it stay. */
function sentenceStops(dotText: boolean): Finder {
  return (src, from, edit) => {
    for (let i = src.indexOf('.', from); i >= 0; i = src.indexOf('.', i + 1)) {
      const prev = src.charCodeAt(i - 1);
      if (i === 0 || prev === 0x2e || src.charCodeAt(i + 1) === 0x2e || (prev >= 0x41 && prev <= 0x5a) || (prev >= 0x61 && prev <= 0x7a)) continue;
      if (!endsSentence(src, i, dotText)) continue;
      edit.start = i;
      edit.end = i + 1;
      edit.by = '。';
      return true;
    }
    return false;
  };
}

/** a run of two or more of the doubled punctuation marks keeps its last mark */
const findDoubled = regexFinder(new RegExp(`[${esc(DOUBLED_PUNCTUATION)}]{2,}`, 'g'), (x) => x[0][x[0].length - 1]!);

/** The first k in [lo, hi) for which `ok` holds, or hi; `ok` must be false and then true over the range. */
function firstWhere(lo: number, hi: number, ok: (k: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function normalize(original: string): Normalized {
  let m = MappedText.identity(original);
  const stats = { pinyin_annotations: 0, doubled_punctuation: 0, width_fixes: 0, number_spaces: 0, script_conversions: 0 };

  // garbled spans are found on the original text, before anything is removed from it
  const garbledOrig: [number, number, string][] = [];
  // (the global scan of GARBLED, trying the pattern only where a match can start: at U+FFFD, at ?, and at the
  // marks and letters standing one to three characters before a parenthesis)
  const starts = new GarbledStarts(original);
  for (let c = starts.next(0); c >= 0; ) {
    const last = starts.last;
    let g: RegExpExecArray | null = null;
    for (let q = c; q <= last && !g; q++) {
      GARBLED_AT.lastIndex = q;
      g = GARBLED_AT.exec(original);
    }
    if (g) {
      garbledOrig.push([g.index, g.index + g[0].length, g[0]]);
      c = starts.next(g.index + g[0].length);
    } else c = starts.next(last + 1);
  }

  let r = m.rewrite(findPinyin);
  m = r.text;
  stats.pinyin_annotations = r.edits;

  const s = convertScript(m);
  m = s.mapped;
  stats.script_conversions = s.changed;

  r = m.rewrite(findFullwidth);
  m = r.text;
  stats.width_fixes = r.edits;

  r = m.rewrite(findCircleZero);
  m = r.text;
  stats.width_fixes += r.edits;

  r = m.rewrite(findNumberSpace);
  m = r.text;
  stats.number_spaces = r.edits;

  if (m.text.includes('.')) m = m.rewrite(sentenceStops(isDotText(m.text))).text;

  r = m.rewrite(findDoubled);
  m = r.text;
  stats.doubled_punctuation = r.edits;

  // garbled spans in normalized offsets: the normalized characters whose source lies inside the span (the map is
  // in order, so both ends are found by bisection)
  const garbled: GarbledSpan[] = [];
  let i = 0;
  for (const [os, oe, sample] of garbledOrig) {
    i = firstWhere(i, m.text.length, (k) => m.endOf(k) > os);
    const j = firstWhere(i, m.text.length, (k) => m.startOf(k) >= oe);
    garbled.push({ start: i, end: j, origStart: os, origEnd: oe, sample });
  }
  return { mapped: m, script: s.script, stats, garbled };
}
