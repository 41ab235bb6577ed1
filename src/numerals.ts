// The numeral parser shared by every extractor: Arabic numerals (with thousands separators and decimals),
// Chinese numerals (一千二百三十四, 两亿, 百分之十二点五's 十二点五, 〇/零, 廿), and mixed forms (1.2万亿, 3千万).
// It is pure and knows nothing of units: `scanNumber` reads one numeral at a position and says where it ends.

export const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
/** Multipliers below 万: they scale the digit before them inside a section. */
export const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** Section multipliers: they scale everything accumulated before them. */
export const CN_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 兆: 1e12 };

const CN_NUMERAL_CHAR = new RegExp(
  `[${Object.keys(CN_DIGITS).join('')}${Object.keys(CN_SMALL_UNITS).join('')}${Object.keys(CN_BIG_UNITS).join('')}点廿卅]`,
);

export interface NumberMatch {
  value: number;
  start: number;
  end: number;
  /** the numeral's last character is a big multiplier (万, 亿) that may instead belong to a unit (亿元) */
  endsWithBigUnit: boolean;
  /** written with Arabic digits (possibly followed by Chinese multipliers) */
  arabic: boolean;
  /** number of decimals written, for rounding products exactly */
  decimals: number;
}

/** Multiply without binary noise: 161.2 * 1e8 = 16120000000 exactly. */
export function scale(value: number, factor: number): number {
  const r = value * factor;
  const rounded = Number(r.toPrecision(15));
  return rounded;
}

/** Parse a string of Chinese numerals (no Arabic digits). Returns null if it is not a well-formed numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  // decimal part: 十二点五
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const intPart = dot === 0 ? 0 : parseChineseNumeral(s.slice(0, dot));
    const frac = s.slice(dot + 1);
    if (intPart === null || frac.length === 0) return null;
    let digits = '';
    for (const ch of frac) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      digits += String(d);
    }
    return Number(`${intPart}.${digits}`);
  }
  s = s.replace(/廿/g, '二十').replace(/卅/g, '三十');
  const chars = [...s];
  // A bare digit string without any unit: 二〇二三 → 2023
  if (chars.every((ch) => CN_DIGITS[ch] !== undefined)) {
    return Number(chars.map((ch) => CN_DIGITS[ch]).join(''));
  }
  let high = 0; // everything up to the last 亿/兆
  let wan = 0; // the 万 section
  let sec = 0; // below 万
  let num: number | null = null; // a digit waiting for its unit
  let lastUnit = 0;
  let zeroSeen = false;
  for (const ch of chars) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      if (num !== null && num !== 0 && d !== 0) return null; // 一二 inside a numeral with units
      if (d === 0) zeroSeen = true;
      else num = d;
      continue;
    }
    const small = CN_SMALL_UNITS[ch];
    if (small !== undefined) {
      if (lastUnit !== 0 && lastUnit < 1e4 && small >= lastUnit) return null; // 十百
      sec += (num ?? 1) * small;
      num = null;
      lastUnit = small;
      zeroSeen = false;
      continue;
    }
    const big = CN_BIG_UNITS[ch]!;
    const part = sec + (num ?? 0);
    if (big === 1e4) {
      wan = (wan + (part === 0 ? 1 : part)) * 1e4;
    } else {
      const below = wan + part;
      high = (high + (below === 0 ? 1 : below)) * big;
      wan = 0;
    }
    sec = 0;
    num = null;
    lastUnit = big;
    zeroSeen = false;
  }
  if (num !== null) {
    // 一万五 = 15000, 三百五 = 350: a trailing digit straight after a unit, without 零, is one step below it
    if (!zeroSeen && lastUnit >= 100) sec += num * (lastUnit / 10);
    else sec += num;
  }
  return high + wan + sec;
}

const ARABIC_RE = /[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?/y;
const CN_RUN_RE = new RegExp(`${CN_NUMERAL_CHAR.source}+`, 'y');
const MULT_RE = /(?:万亿|千万|百万|十万|亿|万|千|百)/y;

function decimalsOf(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/**
 * Read one numeral starting exactly at `pos` in `text`, or return null.
 * Arabic digits may be followed by Chinese multipliers (1.2万亿, 3千万, 10万); Chinese numerals are read
 * greedily, then shortened until they parse.
 */
export function scanNumber(text: string, pos: number): NumberMatch | null {
  ARABIC_RE.lastIndex = pos;
  const a = ARABIC_RE.exec(text);
  if (a) {
    let raw = a[0];
    // "2,3" in a list is not a thousands separator: a separator is only accepted before exactly 3 digits
    let value = Number(raw.replace(/,/g, ''));
    let end = pos + raw.length;
    let endsWithBigUnit = false;
    MULT_RE.lastIndex = end;
    const m = MULT_RE.exec(text);
    if (m) {
      const f = m[0];
      const factor = [...f].reduce((acc, ch) => acc * (CN_SMALL_UNITS[ch] ?? CN_BIG_UNITS[ch] ?? 1), 1);
      value = scale(value, factor);
      end += f.length;
      endsWithBigUnit = /[万亿]$/.test(f);
    }
    return { value, start: pos, end, endsWithBigUnit, arabic: true, decimals: decimalsOf(raw) };
  }
  CN_RUN_RE.lastIndex = pos;
  const c = CN_RUN_RE.exec(text);
  if (!c) return null;
  let run = c[0];
  while (run.length > 0) {
    // a numeral does not start with a multiplier other than 十 (十二) or end with 点
    if (/^[百千万亿兆佰仟萬億点]/.test(run)) return null;
    if (!run.endsWith('点')) {
      const v = parseChineseNumeral(run);
      if (v !== null) {
        return {
          value: v,
          start: pos,
          end: pos + run.length,
          endsWithBigUnit: /[万亿萬億]$/.test(run),
          arabic: false,
          decimals: decimalsOf(String(v)),
        };
      }
    }
    run = run.slice(0, -1);
  }
  return null;
}

export function isNumeralStart(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || CN_NUMERAL_CHAR.test(ch);
}
