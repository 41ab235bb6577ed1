// Matching helpers shared by the extractors: reading a word from a table at a position, qualifiers around a
// number, the clause before a number.
import type { Qualifier } from '../src/schemas.js';
import { QUALIFIERS_BEFORE, QUALIFIERS_AFTER, RANGE_SEPARATORS, NOT_QUALIFIERS } from './tables/qualifiers.js';
import { scanNumber, type NumberMatch } from '../src/numerals.js';

/** Table keys sorted longest first, so matching is greedy. */
export function keysLongestFirst<T>(table: Readonly<Record<string, T>>): string[] {
  return Object.keys(table).sort((a, b) => b.length - a.length);
}

interface KeyIndex {
  /** the keys, longest first */
  keys: string[];
  /** the keys by first and by last character, each list in the order of `keys` */
  first: Map<number, string[]>;
  last: Map<number, string[]>;
  /** the table has an empty key: the indexes cannot answer, the keys are scanned */
  empty: boolean;
}
const cache = new WeakMap<object, KeyIndex>();
function keyIndex<T>(table: Readonly<Record<string, T>>): KeyIndex {
  let ix = cache.get(table);
  if (!ix) {
    const keys = keysLongestFirst(table);
    const first = new Map<number, string[]>();
    const last = new Map<number, string[]>();
    for (const k of keys) {
      if (k.length === 0) continue;
      const f = k.charCodeAt(0);
      const l = k.charCodeAt(k.length - 1);
      if (!first.has(f)) first.set(f, []);
      first.get(f)!.push(k);
      if (!last.has(l)) last.set(l, []);
      last.get(l)!.push(k);
    }
    ix = { keys, first, last, empty: keys.includes('') };
    cache.set(table, ix);
  }
  return ix;
}

/** The longest key of `table` written at `pos` in `text`. */
export function wordAt<T>(text: string, pos: number, table: Readonly<Record<string, T>>): string | null {
  const ix = keyIndex(table);
  // only the keys that start with the character at pos can be written there (startsWith reads a negative
  // position as 0)
  const keys = ix.empty ? ix.keys : ix.first.get(text.charCodeAt(pos < 0 ? 0 : pos));
  if (!keys) return null;
  for (const k of keys) if (text.startsWith(k, pos)) return k;
  return null;
}

/** The longest key of `table` that ends exactly at `pos`. */
export function wordBefore<T>(text: string, pos: number, table: Readonly<Record<string, T>>): string | null {
  const ix = keyIndex(table);
  // only the keys that end with the character before pos can end there
  const keys = ix.empty ? ix.keys : ix.last.get(text.charCodeAt(pos - 1));
  if (!keys) return null;
  for (const k of keys) if (pos - k.length >= 0 && text.startsWith(k, pos - k.length)) return k;
  return null;
}

export interface QualifierBefore {
  qualifier: Qualifier;
  start: number;
}
/** A qualifier word straight before `pos` (约, 近, 超过 …) that is not the end of a longer word: the 约 of
 * 签约 is none. */
export function qualifierBefore(text: string, pos: number): QualifierBefore | null {
  const w = wordBefore(text, pos, QUALIFIERS_BEFORE);
  if (!w) return null;
  const start = pos - w.length;
  if (NOT_QUALIFIERS.some((n) => n.length > w.length && text.startsWith(n, pos - n.length))) return null;
  return { qualifier: QUALIFIERS_BEFORE[w]!, start };
}

/** A qualifier word straight after `pos` (左右, 以上 …). */
export function qualifierAfter(text: string, pos: number): { qualifier: Qualifier; end: number } | null {
  const w = wordAt(text, pos, QUALIFIERS_AFTER);
  if (!w) return null;
  return { qualifier: QUALIFIERS_AFTER[w]!, end: pos + w.length };
}

/** A second number after a range separator: the `20` of `10-20`. */
export function rangeEnd(text: string, pos: number): { sep: string; num: NumberMatch } | null {
  // 1万(含)-5万元: an inclusion note before the separator
  const note = /^[(（](?:含|不含)[)）]/.exec(text.slice(pos, pos + 4));
  if (note) pos += note[0].length;
  const sep = rangeSeparatorAt(text, pos);
  if (!sep) return null;
  const num = scanNumber(text, pos + sep.length);
  return num ? { sep, num } : null;
}

/** A range separator at `pos`; a dash may be doubled (1万元--5万元, 2——3万). */
export function rangeSeparatorAt(text: string, pos: number): string | null {
  const sep = RANGE_SEPARATORS.find((s) => text.startsWith(s, pos));
  if (!sep) return null;
  if (sep.length === 1 && /[-—–－~～]/.test(sep) && text[pos + 1] === sep) return sep + sep;
  return sep;
}
