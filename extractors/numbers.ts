// Finds every numeral in a normalized text once, for the extractors that read numbers (amount, percentage,
// count). A numeral glued to a preceding digit or decimal point is not a new number (GDP53850.8亿元 is one).
import { scanNumber, NUMERAL_START, type NumberMatch } from '../src/numerals.js';
import type { Doc } from '../src/doc.js';

const cache = new WeakMap<Doc, NumberMatch[]>();

export function numbersOf(doc: Doc): NumberMatch[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const text = doc.text;
  const out: NumberMatch[] = [];
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
  cache.set(doc, out);
  return out;
}
