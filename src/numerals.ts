// The numeral parser shared by every extractor. It reads Arabic numerals (thousands separators, decimals,
// a k suffix), Chinese numerals in everyday and financial characters (一千二百三十四, 两亿, 壹仟玖佰, 十二点五,
// 二〇二三), mixed forms (1.2万亿, 3千万, 5万4千6百, 2千零30万), and approximate forms that name a range
// (八九亿, 二三十, 数十亿). It is pure and knows nothing of units: `scanNumber` reads one numeral at a position
// and says where it ends.
import { codeUnitTest } from './han.js';

export const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 幺: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
/** Multipliers below 万: they scale the digit before them inside a section. */
export const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** Section multipliers: they scale everything smaller accumulated before them. */
export const CN_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 兆: 1e12 };
/** Characters that make a numeral approximate: 数十亿 = between 十亿 and 百亿. */
const APPROX_DIGIT = '数';
const DECIMAL_POINTS = '点點';

export interface NumberMatch {
  value: number;
  start: number;
  end: number;
  /** the numeral's last character is a big multiplier (万, 亿) that may instead belong to a unit (亿元) */
  endsWithBigUnit: boolean;
  /** written with Arabic digits (possibly followed by Chinese multipliers) */
  arabic: boolean;
  /** an approximate numeral naming a range (八九亿 → 8e8..9e8, 数十亿 → 1e9..1e10): its upper end */
  approxMax?: number;
  /** the multiplier characters the numeral ends with (161.2亿 → 亿, 三千万 → 千万, 五百 → '') */
  suffix: string;
  /** the numeral is one digit or one Arabic number without any multiplier */
  bare: boolean;
}

type Tok =
  | { k: 'num'; v: number; arabic: boolean; len: number }
  | { k: 'zero'; len: number }
  | { k: 'small'; v: number; len: number }
  | { k: 'big'; v: number; len: number }
  | { k: 'dec'; digits: string; len: number }
  | { k: 'approx'; len: number };

const ARABIC_RE = /(?:[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+)(?:[kK](?![A-Za-z]))?/y;

/** Multiply without binary noise: 161.2 * 1e8 = 16120000000 exactly. */
export function scale(value: number, factor: number): number {
  return round15(value * factor);
}

/** Number(x.toPrecision(15)): x rounded to 15 significant digits. An integer below 1e15 has at most 15 digits and
 * is its own rounding (0 for -0, as the string round trip gives), so only the others go through the string. */
export function round15(x: number): number {
  if (Number.isInteger(x) && x < 1e15 && x > -1e15) return x === 0 ? 0 : x;
  return Number(x.toPrecision(15));
}

/** The value of an Arabic number as ARABIC_RE reads it (1,234.5, 3k). */
function arabicValue(raw: string): number {
  if (/[kK]$/.test(raw)) return scale(Number(raw.slice(0, -1).replace(/,/g, '')), 1000);
  return Number(raw.replace(/,/g, ''));
}

/** CN_DIGITS by character code (-1: none). */
const DIGIT_BY_CODE = new Int8Array(0x10000).fill(-1);
for (const [ch, v] of Object.entries(CN_DIGITS)) if (ch.length === 1) DIGIT_BY_CODE[ch.charCodeAt(0)] = v;
/** CN_SMALL_UNITS and CN_BIG_UNITS by character code: the value, and the kind (0: none, 1: small, 2: big; small
 * first, as tokenize asks). */
const UNIT_BY_CODE = new Float64Array(0x10000);
const UNIT_KIND = new Uint8Array(0x10000);
for (const [table, kind] of [[CN_BIG_UNITS, 2], [CN_SMALL_UNITS, 1]] as const) {
  for (const [ch, v] of Object.entries(table)) {
    if (ch.length !== 1) continue;
    UNIT_BY_CODE[ch.charCodeAt(0)] = v;
    UNIT_KIND[ch.charCodeAt(0)] = kind;
  }
}
/** Characters after which tokenize reads on (digits, ., Chinese digits and multipliers, 廿 卅, 点, 数), by code. */
const READS_ON = new Uint8Array(0x10000);
for (const ch of ['0123456789.', ...Object.keys(CN_DIGITS), ...Object.keys(CN_SMALL_UNITS), ...Object.keys(CN_BIG_UNITS), '廿卅', DECIMAL_POINTS, APPROX_DIGIT].join('')) {
  READS_ON[ch.charCodeAt(0)] = 1;
}

function tokenize(text: string, pos: number): Tok[] {
  const toks: Tok[] = [];
  let i = pos;
  // the tables are read by character code (DIGIT_BY_CODE, UNIT_BY_CODE): what CN_DIGITS, CN_SMALL_UNITS and
  // CN_BIG_UNITS give for the one-character string
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const a = (c >= 48 && c <= 57) || c === 46 ? arabicAt(text, i) : null;
    if (a && !(c === 46 && toks.length > 0)) {
      const raw = a[0];
      const v = arabicValue(raw);
      toks.push({ k: 'num', v, arabic: true, len: raw.length });
      i += raw.length;
      continue;
    }
    const d = DIGIT_BY_CODE[c]!;
    if (d !== -1) {
      toks.push(d === 0 ? { k: 'zero', len: 1 } : { k: 'num', v: d, arabic: false, len: 1 });
      i++;
      continue;
    }
    const kind = UNIT_KIND[c]!;
    if (kind !== 0) {
      toks.push(kind === 1 ? { k: 'small', v: UNIT_BY_CODE[c]!, len: 1 } : { k: 'big', v: UNIT_BY_CODE[c]!, len: 1 });
      i++;
      continue;
    }
    const ch = text[i]!;
    if (ch === '廿' || ch === '卅') {
      toks.push({ k: 'num', v: ch === '廿' ? 2 : 3, arabic: false, len: 0 }, { k: 'small', v: 10, len: 1 });
      i++;
      continue;
    }
    if (DECIMAL_POINTS.includes(ch) && toks.length > 0) {
      let j = i + 1;
      let digits = '';
      while (j < text.length && DIGIT_BY_CODE[text.charCodeAt(j)] !== -1) digits += String(DIGIT_BY_CODE[text.charCodeAt(j)]), j++;
      if (digits === '') break;
      toks.push({ k: 'dec', digits, len: j - i });
      i = j;
      continue;
    }
    if (ch === APPROX_DIGIT && toks.length === 0 && /[十百千万亿]/.test(text[i + 1] ?? '')) {
      toks.push({ k: 'approx', len: 1 });
      i++;
      continue;
    }
    break;
  }
  return toks;
}

/** ARABIC_RE's match at `i`, or null. */
function arabicAt(text: string, i: number): RegExpExecArray | null {
  ARABIC_RE.lastIndex = i;
  return ARABIC_RE.exec(text);
}

interface Parsed {
  value: number;
  approxMax?: number;
}

/** Evaluate a token list, or null if it is not a well-formed numeral. */
function evaluate(toks: Tok[]): Parsed | null {
  if (toks.length === 0) return null;
  const first = toks[0]!;
  if (first.k === 'big' || first.k === 'dec') return null;
  // 数十亿: one to ten times the rest
  if (first.k === 'approx') {
    const rest = evaluate([{ k: 'num', v: 1, arabic: false, len: 0 }, ...toks.slice(1)]);
    return rest ? { value: rest.value, approxMax: rest.value * 10 } : null;
  }
  // only digits: 二〇二三 (a written-out year or code), 八九 / 二三 (an approximate pair)
  if (toks.every((t) => t.k === 'num' || t.k === 'zero') && toks.length > 1) {
    if (toks.some((t) => t.k === 'num' && t.arabic)) return null;
    const ds = toks.map((t) => (t.k === 'num' ? t.v : 0));
    if (toks.length === 2 && ds[1] === ds[0]! + 1 && ds[0]! > 0) return { value: ds[0]!, approxMax: ds[1]! };
    if (toks.length < 3 && !toks.some((t) => t.k === 'zero')) return null;
    return { value: Number(ds.join('')) };
  }
  // 八九亿, 二三十: an approximate pair followed by units
  if (toks.length > 2 && toks[0]!.k === 'num' && toks[1]!.k === 'num' && !toks[0]!.arabic && !toks[1]!.arabic) {
    const a = toks[0]!.v;
    const b = toks[1]!.v;
    if (b !== a + 1) return null;
    const lo = evaluate([toks[0]!, ...toks.slice(2)]);
    const hi = evaluate([toks[1]!, ...toks.slice(2)]);
    return lo && hi ? { value: lo.value, approxMax: hi.value } : null;
  }
  let total = 0;
  let lastBig = Infinity; // the smallest big unit applied so far
  let sec = 0;
  let num: number | null = null;
  let numArabic = false;
  let lastUnit = 0;
  let zeroSeen = false;
  let decimal = false;
  let tail = 0; // a fraction after a big unit: 四百亿点零五
  for (let t = 0; t < toks.length; t++) {
    const tok = toks[t]!;
    switch (tok.k) {
      case 'num':
        if (num !== null) return null;
        num = tok.v;
        numArabic = tok.arabic;
        break;
      case 'zero':
        if (num !== null) return null;
        zeroSeen = true;
        break;
      case 'dec': {
        // 十二点五, 两千三点一 (= 2300.1), 四百亿点零五: the integer so far, then the fraction
        if (decimal) return null;
        if (num === null && sec === 0) {
          if (total === 0) {
            if (!zeroSeen) return null;
            num = Number(`0.${tok.digits}`); // 零点五
            decimal = true;
            lastUnit = 1;
            break;
          }
          tail = Number(`0.${tok.digits}`);
          decimal = true;
          lastUnit = 1;
          break;
        }
        if (num !== null && !zeroSeen && lastUnit >= 100 && num < 10 && Number.isInteger(num)) num = num * (lastUnit / 10);
        const int: number = sec + (num ?? 0);
        num = Number(`${int}.${tok.digits}`);
        sec = 0;
        decimal = true;
        lastUnit = 1;
        break;
      }
      case 'small':
        if (decimal) return null;
        if (lastUnit !== 0 && lastUnit < 1e4 && tok.v >= lastUnit && num === null) return null; // 十百
        if (numArabic && num !== null && !Number.isInteger(num) && sec !== 0) return null;
        sec += scale(num ?? 1, tok.v);
        num = null;
        lastUnit = tok.v;
        zeroSeen = false;
        break;
      case 'big': {
        const chunk = sec + (num ?? 0);
        if (chunk === 0 && total === 0) {
          // 万 alone after nothing is not reached (first token), so this is 万万 after a zero-sized chunk
          return null;
        }
        // 一万亿, 3千万亿, 四万万: a unit at least as big as the last one scales everything so far
        if (total === 0 || tok.v >= lastBig) total = scale(total + chunk, tok.v);
        else total += scale(chunk, tok.v);
        lastBig = tok.v;
        sec = 0;
        num = null;
        lastUnit = tok.v;
        zeroSeen = false;
        decimal = false;
        break;
      }
      default:
        return null;
    }
  }
  if (num !== null) {
    // 一万五 = 15000, 三百五 = 350, 1万2 = 12000: a single digit straight after a unit, without 零, is one step below it
    if (!zeroSeen && lastUnit >= 100 && num < 10 && Number.isInteger(num) && !decimal) sec += num * (lastUnit / 10);
    else sec += num;
  }
  return { value: round15(total + sec + tail) };
}

/** Parse a whole string as one numeral (no units after it), or null. */
export function parseChineseNumeral(s: string): number | null {
  const toks = tokenize(s, 0);
  const len = toks.reduce((n, t) => n + t.len, 0);
  if (len !== s.length) return null;
  const p = evaluate(toks);
  return p && p.approxMax === undefined ? p.value : null;
}

/**
 * Read one numeral starting exactly at `pos` in `text`, or return null. The longest well-formed prefix of the
 * run of numeral characters wins. A numeral does not start with 万 or 亿, nor with 百/千 unless more follows
 * (百三, 千万), so 百分之 and 亿元以上 are not numbers.
 */
export function scanNumber(text: string, pos: number, options: { allowBareUnit?: boolean } = {}): NumberMatch | null {
  // fast path: one Chinese digit standing alone (一是, 统一, 三年), by far the most common numeral character
  // (by character code: no one-character string and no property look-up per numeral character)
  const d = pos >= 0 && pos < text.length ? DIGIT_BY_CODE[text.charCodeAt(pos)]! : -1;
  if (d > 0 && !(pos + 1 < text.length && continuesAt(text.charCodeAt(pos + 1)))) {
    return { value: d, approxMax: undefined, start: pos, end: pos + 1, endsWithBigUnit: false, arabic: false, suffix: '', bare: true };
  }
  // fast path: an Arabic number that nothing of a numeral follows (2023年, 7.3%, 591个): tokenize reads it as one
  // token and evaluate gives its value, as here
  if (d === -1 && pos >= 0 && pos < text.length) {
    const c0 = text.charCodeAt(pos);
    if (c0 >= 48 && c0 <= 57) {
      // what ARABIC_RE matches at pos, read by character code: digits, groups of a comma and three digits, a
      // decimal part, a k not followed by a letter
      let i = pos;
      let digits = 0;
      let plain = true; // no comma, no k: the number reads as it is written
      while (isDigitAt(text, i)) i++, digits++;
      while (text.charCodeAt(i) === 44 && isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3)) {
        i += 4;
        digits += 3;
        plain = false;
      }
      let integer = true;
      if (text.charCodeAt(i) === 46 && isDigitAt(text, i + 1)) {
        integer = false;
        i++;
        while (isDigitAt(text, i)) i++, digits++;
      }
      const k = text.charCodeAt(i);
      if ((k === 107 || k === 75) && !isAsciiLetter(text.charCodeAt(i + 1))) {
        i++;
        plain = false;
      }
      const end = i;
      if (end >= text.length || READS_ON[text.charCodeAt(end)] !== 1) {
        let value: number;
        if (!plain) value = round15(arabicValue(text.slice(pos, end)));
        else if (integer && digits <= 15) {
          // at most 15 digits: summed exactly, and their own 15-digit rounding
          value = 0;
          for (let j = pos; j < end; j++) value = value * 10 + (text.charCodeAt(j) - 48);
        } else {
          // a decimal of at most 15 digits survives the 15-digit rounding unchanged
          const v = Number(text.slice(pos, end));
          value = digits <= 15 ? v : round15(v);
        }
        return { value, approxMax: undefined, start: pos, end, endsWithBigUnit: false, arabic: true, suffix: '', bare: true };
      }
    }
  }
  let toks = tokenize(text, pos);
  while (toks.length > 0) {
    const first = toks[0]!;
    const okStart =
      first.k === 'num' || first.k === 'zero' || first.k === 'approx' ||
      (first.k === 'small' && (first.v === 10 || toks.length > 1 || options.allowBareUnit || /^[余多]/.test(text[pos + 1] ?? '')));
    if (!okStart) return null;
    const p = evaluate(toks);
    if (p) {
      let len = 0;
      let arabic = false;
      for (const t of toks) {
        len += t.len;
        if (t.k === 'num' && t.arabic) arabic = true;
      }
      const end = pos + len;
      const last = toks[toks.length - 1]!;
      // the multiplier characters a unit takes from the numeral: the tail of one Arabic number (161.2亿 → 亿,
      // 3千万 → 千万); the big-unit tail of a Chinese numeral (一千二百三十四万 → 万, 九百亿 → 亿)
      let suffix = '';
      let tail = end;
      while (tail > pos && MULTIPLIER_CODES[text.charCodeAt(tail - 1)] !== 0) tail--;
      // a mixed form (1亿8千万, 两亿三千万) has the unit of its first part (SPEC 3): the first run of big units,
      // when digits follow it
      let firstBig = pos;
      while (firstBig < end && MULTIPLIER_CODES[text.charCodeAt(firstBig)] !== 2) firstBig++;
      let runEnd = firstBig;
      while (runEnd < end && MULTIPLIER_CODES[text.charCodeAt(runEnd)] === 2) runEnd++;
      if (firstBig < end && runEnd < tail) suffix = text.slice(firstBig, runEnd);
      else if (tail < end) {
        if (arabic) {
          if (toks.length === 1 + (end - tail)) suffix = text.slice(tail, end);
        } else {
          let big = end;
          while (big > tail && MULTIPLIER_CODES[text.charCodeAt(big - 1)] === 2) big--;
          suffix = text.slice(big, end);
        }
      }
      return {
        value: p.value,
        approxMax: p.approxMax,
        start: pos,
        end,
        endsWithBigUnit: last.k === 'big',
        arabic,
        suffix,
        bare: toks.length === 1 && first.k === 'num',
      };
    }
    toks = toks.slice(0, -1);
  }
  return null;
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN past the end
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** The multiplier characters a numeral may end with, by code: 1 below 万 (十百千拾佰仟), 2 from 万 up (万亿萬億兆). */
const MULTIPLIER_CODES = new Uint8Array(0x10000);
for (const ch of '十百千拾佰仟') MULTIPLIER_CODES[ch.charCodeAt(0)] = 1;
for (const ch of '万亿萬億兆') MULTIPLIER_CODES[ch.charCodeAt(0)] = 2;

/** Characters that can continue a numeral after a Chinese digit. */
const NUMERAL_CONTINUES = /[0-9零〇一壹幺二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億兆点點廿卅]/;


/** NUMERAL_CONTINUES.test of one code unit. */
const continuesAt = codeUnitTest(NUMERAL_CONTINUES);

/** Characters a numeral may start with (for the scanners that look for numerals in a text). */
export const NUMERAL_START = /[0-9零〇一壹幺二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟廿卅数]/g;
