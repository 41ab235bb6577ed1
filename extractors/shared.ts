// Matching helpers shared by the extractors: reading a word from a table at a position, qualifiers around a
// number, the clause before a number.
import type { Qualifier } from '../src/schemas.js';
import { QUALIFIERS_BEFORE, QUALIFIERS_AFTER, RANGE_SEPARATORS, NOT_QUALIFIERS, UNIT_SHARING_COORDINATORS,
  MAX_UNIT_SHARING } from './tables/qualifiers.js';
import { scanNumber, type NumberMatch } from '../src/numerals.js';

/** Table keys sorted longest first, so matching is greedy. */
export function keysLongestFirst<T>(table: Readonly<Record<string, T>>): string[] {
  return Object.keys(table).sort((a, b) => b.length - a.length);
}

/** A table's keys, compiled once for the look-ups at and before a position. */
export class Words<T> {
  /** the keys, longest first */
  readonly keys: string[];
  /** the keys by first and by last character, each list in the order of `keys` */
  private readonly first = new Map<number, string[]>();
  private readonly last = new Map<number, string[]>();
  /** the table has an empty key: the indexes cannot answer, the keys are scanned */
  private readonly empty: boolean;

  constructor(readonly table: Readonly<Record<string, T>>) {
    this.keys = keysLongestFirst(table);
    for (const k of this.keys) {
      if (k.length === 0) continue;
      const f = k.charCodeAt(0);
      const l = k.charCodeAt(k.length - 1);
      if (!this.first.has(f)) this.first.set(f, []);
      this.first.get(f)!.push(k);
      if (!this.last.has(l)) this.last.set(l, []);
      this.last.get(l)!.push(k);
    }
    this.empty = this.keys.includes('');
  }

  /** The longest key written at `pos` in `text`. */
  at(text: string, pos: number): string | null {
    // only the keys that start with the character at pos can be written there (startsWith reads a negative
    // position as 0)
    if (this.empty) {
      for (const k of this.keys) if (text.startsWith(k, pos)) return k;
      return null;
    }
    const keys = this.first.get(text.charCodeAt(pos < 0 ? 0 : pos));
    if (!keys) return null;
    // a key of one character is that character
    for (const k of keys) if (k.length === 1 || text.startsWith(k, pos)) return k;
    return null;
  }

  /** The keys that start with the code unit `c`, longest first (none for a table with an empty key). */
  startingWith(c: number): string[] | undefined {
    return this.first.get(c);
  }

  /** The longest key that ends `s`. */
  ending(s: string): string | null {
    return this.before(s, s.length);
  }

  /** The longest key that ends exactly at `pos`. */
  before(text: string, pos: number): string | null {
    // only the keys that end with the character before pos can end there
    if (this.empty) {
      for (const k of this.keys) if (pos - k.length >= 0 && text.startsWith(k, pos - k.length)) return k;
      return null;
    }
    const keys = this.last.get(text.charCodeAt(pos - 1));
    if (!keys) return null;
    // a key of one character is that character
    for (const k of keys) if (k.length === 1 || (pos - k.length >= 0 && text.startsWith(k, pos - k.length))) return k;
    return null;
  }
}

/** A list of words, compiled as the keys of a table. */
export function wordList(words: readonly string[]): Words<true> {
  return new Words(Object.fromEntries(words.map((w) => [w, true])));
}

const cache = new WeakMap<object, Words<unknown>>();
/** The compiled keys of `table`, made once per table. */
export function wordsOf<T>(table: Readonly<Record<string, T>>): Words<T> {
  let w = cache.get(table) as Words<T> | undefined;
  if (!w) {
    w = new Words(table);
    cache.set(table, w);
  }
  return w;
}

/** The longest key of `table` written at `pos` in `text`. */
export function wordAt<T>(text: string, pos: number, table: Readonly<Record<string, T>>): string | null {
  return wordsOf(table).at(text, pos);
}

/** The longest key of `table` that ends exactly at `pos`. */
export function wordBefore<T>(text: string, pos: number, table: Readonly<Record<string, T>>): string | null {
  return wordsOf(table).before(text, pos);
}

const BEFORE = wordsOf(QUALIFIERS_BEFORE);
const AFTER = wordsOf(QUALIFIERS_AFTER);

export interface QualifierBefore {
  qualifier: Qualifier;
  start: number;
}
/** A qualifier word straight before `pos` (约, 近, 超过 …) that is not the end of a longer word: the 约 of
 * 签约 is none. */
export function qualifierBefore(text: string, pos: number): QualifierBefore | null {
  const w = BEFORE.before(text, pos);
  if (!w) return null;
  const start = pos - w.length;
  for (const n of NOT_QUALIFIERS) if (n.length > w.length && text.startsWith(n, pos - n.length)) return null;
  return { qualifier: QUALIFIERS_BEFORE[w]!, start };
}

/** A qualifier word straight after `pos` (左右, 以上 …). */
export function qualifierAfter(text: string, pos: number): { qualifier: Qualifier; end: number } | null {
  const w = AFTER.at(text, pos);
  if (!w) return null;
  return { qualifier: QUALIFIERS_AFTER[w]!, end: pos + w.length };
}

const SHARING = wordsOf(Object.fromEntries(UNIT_SHARING_COORDINATORS.map((w) => [w, true])));
/** A unit shared by a number without one and the numbers coordinated after it (the 亿元 of 47.2和11.1亿元): from
 * `pos`, the end of the number, a coordinator and a number, as many times as it takes to reach a number that
 * `unitAt` finds a unit for (the unit written after it, with a multiplier the numeral took in); that unit, or
 * null. */
export function sharedUnitAfter(text: string, pos: number, unitAt: (m: NumberMatch) => string | null): string | null {
  for (let k = 0; k < MAX_UNIT_SHARING; k++) {
    const c = SHARING.at(text, pos);
    if (!c) return null;
    const m = scanNumber(text, pos + c.length);
    if (!m) return null;
    const u = unitAt(m);
    if (u) return u;
    pos = m.end;
  }
  return null;
}

/** A second number after a range separator: the `20` of `10-20`. */
export function rangeEnd(text: string, pos: number): { sep: string; num: NumberMatch } | null {
  // 1万(含)-5万元: an inclusion note before the separator
  const c = text.charCodeAt(pos);
  if (c === 0x28 || c === 0xff08) {
    const note = /^[(（](?:含|不含)[)）]/.exec(text.slice(pos, pos + 4));
    if (note) pos += note[0].length;
  }
  const sep = rangeSeparatorAt(text, pos);
  if (!sep) return null;
  const num = scanNumber(text, pos + sep.length);
  return num ? { sep, num } : null;
}

/** A range separator at `pos`; a dash may be doubled (1万元--5万元, 2——3万). */
export function rangeSeparatorAt(text: string, pos: number): string | null {
  let sep: string | undefined;
  if (SEPARATORS_BY_FIRST) {
    // only the separators that start with the character at pos, in the order of RANGE_SEPARATORS
    const seps = SEPARATORS_BY_FIRST.get(text.charCodeAt(pos < 0 ? 0 : pos));
    if (seps) for (const s of seps) if (text.startsWith(s, pos)) { sep = s; break; }
  } else sep = RANGE_SEPARATORS.find((s) => text.startsWith(s, pos));
  if (!sep) return null;
  if (sep.length === 1 && /[-—–－~～]/.test(sep) && text[pos + 1] === sep) return sep + sep;
  return sep;
}

/** RANGE_SEPARATORS by first character, each list in the table's order (null if one is empty: then the list is
 * scanned). */
const SEPARATORS_BY_FIRST = ((): Map<number, string[]> | null => {
  if (RANGE_SEPARATORS.includes('')) return null;
  const m = new Map<number, string[]>();
  for (const s of RANGE_SEPARATORS) {
    const c = s.charCodeAt(0);
    if (!m.has(c)) m.set(c, []);
    m.get(c)!.push(s);
  }
  return m;
})();

/** /\s/.test of one code unit, memoized (0: not asked yet, 1: yes, 2: no). */
const spaceMemo = new Uint8Array(0x10000);
export function isSpaceCode(code: number): boolean {
  let v = spaceMemo[code]!;
  if (v === 0) {
    v = /\s/.test(String.fromCharCode(code)) ? 1 : 2;
    spaceMemo[code] = v;
  }
  return v === 1;
}
