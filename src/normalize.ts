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
/** garbled spans: U+FFFD runs; `?` (with mojibake junk) between Han characters; a pinyin annotation after a
 * non-Han character (the remains of a mis-decoded character) */
const GARBLED = new RegExp(
  [
    `\\uFFFD+`,
    `\\?+[!,.A-Za-z]{0,3}\\(?${PINYIN}\\)`,
    `(?<=[\\p{Script=Han},])\\?+[!,]?(?=\\p{Script=Han})`,
    `(?<!\\p{Script=Han})[!,.A-Za-z]{1,3}\\(${PINYIN}\\)`,
  ].join('|'),
  'gu',
);

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

const FULLWIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]|(?<=[0-9\uFF10-\uFF19])[％．，](?=[0-9\uFF10-\uFF19])|(?<=[0-9\uFF10-\uFF19])％/g;
const SP = `[${esc(NUMBER_SPACES)}]`;
const CN_NUM = '零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟';
const NUMBER_SPACE = new RegExp(
  [
    `(?<=[0-9])${SP}+(?=[${esc(UNIT_STARTS)}])`,
    `(?<=[0-9])${SP}*([.,])${SP}*(?=[0-9])`,
    // 2 0.5亿元: digits split by a space, when what follows runs on to a unit
    `(?<=[0-9])${SP}+(?=[0-9.,]+${SP}*[${esc(UNIT_STARTS)}])`,
    // inside a Chinese numeral, or between it and its unit: 四点 五个百分点, 一百五十 个百分点
    `(?<=[${CN_NUM}])${SP}+(?=[${CN_NUM}${esc(UNIT_STARTS)}])`,
  ].join('|'),
  'g',
);
const DOUBLED = new RegExp(`[${esc(DOUBLED_PUNCTUATION)}]{2,}`, 'g');

export function normalize(original: string): Normalized {
  let m = MappedText.identity(original);
  const stats = { pinyin_annotations: 0, doubled_punctuation: 0, width_fixes: 0, number_spaces: 0, script_conversions: 0 };

  // garbled spans are found on the original text, before anything is removed from it
  const garbledOrig: [number, number, string][] = [];
  GARBLED.lastIndex = 0;
  for (let g = GARBLED.exec(original); g; g = GARBLED.exec(original)) {
    garbledOrig.push([g.index, g.index + g[0].length, g[0]]);
  }

  let r = m.rewrite(PINYIN_AFTER_HAN, (x) => x[1]!);
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
