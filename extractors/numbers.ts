// Finds every numeral in a normalized text once, for the extractors that read numbers (amount, percentage,
// count). A numeral glued to a preceding digit, letter or decimal point is not a new number.
import { scanNumber, type NumberMatch } from '../src/numerals.js';
import type { Doc } from '../src/doc.js';

const START = /[0-9零〇一二两三四五六七八九十百千万亿廿]/g;
const cache = new WeakMap<Doc, NumberMatch[]>();

export function numbersOf(doc: Doc): NumberMatch[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const text = doc.text;
  const out: NumberMatch[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    const pos = m.index;
    const prev = text[pos - 1];
    if (prev !== undefined && /[0-9.A-Za-z]/.test(prev)) continue;
    const n = scanNumber(text, pos);
    if (!n) continue;
    out.push(n);
    START.lastIndex = n.end;
  }
  cache.set(doc, out);
  return out;
}
