// Finds every numeral in a normalized text once, for the extractors that read numbers (amount, percentage,
// count). A numeral glued to a preceding digit or decimal point is not a new number (GDP53850.8亿元 is one).
import { scanNumber, NUMERAL_START, type NumberMatch } from '../src/numerals.js';
import type { Doc } from '../src/doc.js';

/** the key of a document's numbers in its memo */
const NUMBERS = {};

/** The characters of NUMERAL_START by code, one bit each (8 KB, which stays in cache while the text is scanned),
 * when it is a plain character class (else null: the regexp scans). */
const START_CODES = ((): Uint32Array | null => {
  const cls = /^\[([^\\^\]\[]*)\]$/.exec(NUMERAL_START.source);
  if (!cls || NUMERAL_START.flags.replace('g', '') !== '') return null;
  const body = cls[1]!;
  const bits = new Uint32Array(0x10000 >> 5);
  const set = (c: number) => (bits[c >> 5]! |= 1 << (c & 31));
  for (let i = 0; i < body.length; i++) {
    const a = body.charCodeAt(i);
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const b = body.charCodeAt(i + 2);
      for (let c = a; c <= b; c++) set(c);
      i += 2;
    } else if (body[i] === '-') return null;
    else set(a);
  }
  return bits;
})();

export function numbersOf(doc: Doc): NumberMatch[] {
  return doc.memo(NUMBERS, scanNumbers);
}

function scanNumbers(doc: Doc): NumberMatch[] {
  const text = doc.text;
  const out: NumberMatch[] = [];
  if (START_CODES) {
    // the characters of NUMERAL_START looked up by code: what the regexp's scan below finds, without a match
    // object per numeral character
    const len = text.length;
    for (let pos = 0; pos < len; pos++) {
      const c = text.charCodeAt(pos);
      if (((START_CODES[c >> 5]! >>> (c & 31)) & 1) === 0) continue;
      const prev = pos > 0 ? text.charCodeAt(pos - 1) : -1;
      if ((prev >= 48 && prev <= 57) || prev === 46) continue;
      const n = scanNumber(text, pos);
      if (!n) continue;
      out.push(n);
      pos = n.end - 1;
    }
  } else {
    const re = new RegExp(NUMERAL_START.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const pos = m.index;
      const prev = text[pos - 1];
      if (prev !== undefined && /[0-9.]/.test(prev)) continue;
      const n = scanNumber(text, pos);
      if (!n) continue;
      out.push(n);
      re.lastIndex = n.end;
    }
  }
  return out;
}

/** scanNumber(doc.text, pos): the document's number when one starts at `pos` (the same reading), else scanned. */
export function numberAt(doc: Doc, pos: number): NumberMatch | null {
  const nums = numbersOf(doc);
  let lo = 0;
  let hi = nums.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = nums[mid]!.start;
    if (s === pos) return nums[mid]!;
    if (s < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return scanNumber(doc.text, pos);
}
