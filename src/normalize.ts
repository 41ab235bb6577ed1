// Normalize (SPEC 1.2): every step edits a MappedText, so the result maps back to the original text.
import { MappedText } from './mapped.js';
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
/** a Han character followed by a pinyin annotation: keep the character */
const PINYIN_AFTER_HAN = new RegExp(`(\\p{Script=Han})\\(${PINYIN}\\)`, 'gu');
const PINYIN_AFTER_HAN_AT = new RegExp(PINYIN_AFTER_HAN.source, 'uy');
/** The next match of PINYIN_AFTER_HAN at or after `from`: every match is a Han character straight before a
 * `(`, so only the characters before each `(` are tried (the global scan tries every position). */
function findPinyin(src: string, from: number): RegExpExecArray | null {
  for (let p = src.indexOf('(', from + 1); p >= 0; p = src.indexOf('(', p + 1)) {
    let s = p - 1;
    const c = src.charCodeAt(s);
    // a Han character outside the BMP: a surrogate pair before the parenthesis
    if (c >= 0xdc00 && c <= 0xdfff && s > 0) {
      const h = src.charCodeAt(s - 1);
      if (h >= 0xd800 && h <= 0xdbff) s--;
    }
    if (s < from) continue;
    PINYIN_AFTER_HAN_AT.lastIndex = s;
    const m = PINYIN_AFTER_HAN_AT.exec(src);
    if (m) return m;
  }
  return null;
}
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

const GARBLED_START = /[\uFFFD?]|[!,.A-Za-z]{1,3}\(/g;
const GARBLED_AT = new RegExp(GARBLED.source, 'uy');

// opencc-js's tw → cn table, character by character (generated into tables/script-chars.ts): one lookup per
// character keeps the conversion length-preserving, so the offset map stays exact, and fast.
const T2S = new Uint16Array(65536);
for (let i = 0; i < T2S_FROM.length; i++) T2S[T2S_FROM.charCodeAt(i)] = T2S_TO.charCodeAt(i);
const SIMP_ONLY = new Uint8Array(65536);
for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) SIMP_ONLY[SIMPLIFIED_ONLY.charCodeAt(i)] = 1;
const utf16 = new TextDecoder('utf-16le');

function convertScript(m: MappedText): { mapped: MappedText; changed: number; script: Normalized['script'] } {
  const src = m.text;
  const n = src.length;
  let codes: Uint16Array | null = null;
  let tradOnly = 0;
  let simpOnly = 0;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    const r = T2S[c]!;
    if (r !== 0) {
      if (!codes) {
        codes = new Uint16Array(n);
        for (let j = 0; j < i; j++) codes[j] = src.charCodeAt(j);
      }
      codes[i] = r;
      tradOnly++;
    } else {
      if (codes) codes[i] = c;
      simpOnly += SIMP_ONLY[c]!;
    }
  }
  const total = tradOnly + simpOnly;
  const script = total === 0 || tradOnly / total < 0.1 ? 'simplified' : tradOnly / total > 0.9 ? 'traditional' : 'mixed';
  return { mapped: codes ? m.sameLength(utf16.decode(codes)) : m, changed: tradOnly, script };
}

// the look-behinds come after the character they guard: the same matches, found without trying a look-behind
// at every position
const FULLWIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]|[％．，](?<=[0-9\uFF10-\uFF19][％．，])(?=[0-9\uFF10-\uFF19])|％(?<=[0-9\uFF10-\uFF19]％)/g;
const SP = `[${esc(NUMBER_SPACES)}]`;
const CN_NUM = '零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟';
// every alternative starts with a space or [.,] (the leading look-ahead lets the engine skip other positions)
const NUMBER_SPACE = new RegExp(
  `(?=[${esc(NUMBER_SPACES)}.,])(?:` +
  [
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
const DOUBLED = new RegExp(`[${esc(DOUBLED_PUNCTUATION)}]{2,}`, 'g');

export function normalize(original: string): Normalized {
  let m = MappedText.identity(original);
  const stats = { pinyin_annotations: 0, doubled_punctuation: 0, width_fixes: 0, number_spaces: 0, script_conversions: 0 };

  // garbled spans are found on the original text, before anything is removed from it
  const garbledOrig: [number, number, string][] = [];
  // (the global scan of GARBLED, trying the pattern only where a match can start: at U+FFFD, at ?, and at the
  // marks and letters standing one to three characters before a parenthesis)
  GARBLED_START.lastIndex = 0;
  for (let c = GARBLED_START.exec(original); c; c = GARBLED_START.exec(original)) {
    const last = c[0].length === 1 ? c.index : c.index + c[0].length - 2;
    let g: RegExpExecArray | null = null;
    for (let q = c.index; q <= last && !g; q++) {
      GARBLED_AT.lastIndex = q;
      g = GARBLED_AT.exec(original);
    }
    if (g) {
      garbledOrig.push([g.index, g.index + g[0].length, g[0]]);
      GARBLED_START.lastIndex = g.index + g[0].length;
    } else GARBLED_START.lastIndex = last + 1;
  }

  let r = m.rewrite(PINYIN_AFTER_HAN, (x) => x[1]!, findPinyin);
  m = r.text;
  stats.pinyin_annotations = r.edits;

  const s = convertScript(m);
  m = s.mapped;
  stats.script_conversions = s.changed;

  r = m.rewrite(FULLWIDTH, (x) => {
    const c = x[0].charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
    return null;
  });
  m = r.text;
  stats.width_fixes = r.edits;

  r = m.rewrite(NUMBER_SPACE, (x) => (x[1] === undefined ? '' : x[1]));
  m = r.text;
  stats.number_spaces = r.edits;

  r = m.rewrite(DOUBLED, (x) => x[0][x[0].length - 1]!);
  m = r.text;
  stats.doubled_punctuation = r.edits;

  // garbled spans in normalized offsets: the normalized characters whose source lies inside the span
  const garbled: GarbledSpan[] = [];
  if (garbledOrig.length > 0) {
    let gi = 0;
    let i = 0;
    for (const [os, oe, sample] of garbledOrig) {
      while (i < m.text.length && m.end[i]! <= os) i++;
      let j = i;
      while (j < m.text.length && m.start[j]! < oe) j++;
      garbled.push({ start: i, end: Math.max(j, i), origStart: os, origEnd: oe, sample });
      gi++;
    }
  }
  return { mapped: m, script: s.script, stats, garbled };
}
