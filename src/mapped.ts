// A text that remembers where each of its characters came from. Every normalization step is an edit of a
// MappedText that returns a new MappedText, so composing steps composes the offset map (unified/vfile style).
// Offsets here are UTF-16 indices; conversion to code points happens once, when records are written.
//
// The map gives each normalized character i the original span [start(i), end(i)) it stands for. It is kept as
// runs of characters (normalization edits few places, so a text has a few runs, not one entry per character):
// in a run that follows the original, character i stands for the one original character at a fixed distance;
// in a run that replaced something, every character stands for the whole replaced span.

/** The runs of a map, in parallel arrays of length n: run k starts at normalized offset at[k]; when to[k] is
 * FOLLOWS its character i stands for the original [from[k] + (i - at[k]), that + 1), else every character
 * stands for [from[k], to[k]). */
interface Runs {
  n: number;
  at: number[];
  from: number[];
  to: number[];
}
const FOLLOWS = -1;

export class MappedText {
  private constructor(
    readonly text: string,
    private readonly runs: Runs,
  ) {}

  static identity(text: string): MappedText {
    return new MappedText(text, text.length > 0 ? { n: 1, at: [0], from: [0], to: [FOLLOWS] } : newRuns());
  }

  /** The run holding normalized offset `i` (0 <= i < text.length). */
  private runOf(i: number): number {
    const at = this.runs.at;
    let lo = 0;
    let hi = this.runs.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Original start of normalized character `i`. */
  startOf(i: number): number {
    const k = this.runOf(i);
    const r = this.runs;
    return r.to[k] === FOLLOWS ? r.from[k]! + (i - r.at[k]!) : r.from[k]!;
  }

  /** Original end of normalized character `i`. */
  endOf(i: number): number {
    const k = this.runOf(i);
    const r = this.runs;
    return r.to[k] === FOLLOWS ? r.from[k]! + (i - r.at[k]!) + 1 : r.to[k]!;
  }

  /** Original span of the normalized span [s, e). */
  toOriginal(s: number, e: number): [number, number] {
    if (e <= s) {
      const at = s < this.text.length ? this.startOf(s) : this.text.length === 0 ? 0 : this.endOf(this.text.length - 1);
      return [at, at];
    }
    return [this.startOf(s), this.endOf(e - 1)];
  }

  /**
   * Apply every edit `find` finds, left to right: each replaces [start, end) by `by`. A replacement of the same
   * length maps character by character; otherwise every new character stands for the whole replaced span, so a
   * span that includes any of it includes all of it.
   */
  rewrite(find: Finder): { text: MappedText; edits: number } {
    const src = this.text;
    const edit: Edit = { start: 0, end: 0, by: '' };
    const parts: string[] = [];
    // the new map is started with the first edit: many steps find nothing to change in a text
    let out: RunsBuilder | null = null;
    let last = 0;
    let edits = 0;
    while (find(src, last, edit)) {
      out ??= new RunsBuilder(this.runs);
      edits++;
      const a = edit.start;
      const b = edit.end;
      const r = edit.by;
      if (a > last) parts.push(src.slice(last, a));
      out.copy(last, a);
      parts.push(r);
      if (r.length === b - a) out.copy(a, b);
      else out.fill(this.startOf(a), this.endOf(b - 1), r.length);
      last = b;
    }
    if (!out) return { text: this, edits: 0 };
    parts.push(src.slice(last));
    out.copy(last, src.length);
    return { text: new MappedText(parts.join(''), out.runs), edits };
  }

  /** Replace the text by one of the same UTF-16 length, character for character (script conversion). */
  sameLength(text: string): MappedText {
    if (text.length !== this.text.length) throw new Error('sameLength: length differs');
    return new MappedText(text, this.runs);
  }
}

/** An edit: replace [start, end) by `by`. */
export interface Edit {
  start: number;
  end: number;
  by: string;
}

/** Finds the first edit that starts at or after `from` in `src`, fills it into `edit` and says whether there was
 * one. The edits found one after the other must not overlap: each search starts where the last edit ended. */
export type Finder = (src: string, from: number, edit: Edit) => boolean;

/** The edits of a global RegExp's scan: each match is replaced by what `replace` returns, or kept when that is
 * null or the match itself. `first`, when given, holds 1 for every code unit a match can start with, and
 * `before` for every code unit that can stand before a match (what its leading look-behind allows), so that the
 * pattern is only tried where both hold (the tables need a non-unicode pattern, whose scan steps by code unit). */
export function regexFinder(
  re: RegExp,
  replace: (m: RegExpExecArray) => string | null,
  first?: Uint8Array,
  before?: Uint8Array,
): Finder {
  if (!re.global) throw new Error('regexFinder needs a global RegExp');
  if ((first || before) && re.unicode) throw new Error('regexFinder: first-character tables need a non-unicode RegExp');
  const at = new RegExp(re.source, re.flags.replace('g', '') + 'y');
  return (src, from, edit) => {
    const n = src.length;
    for (let i = from; i <= n; ) {
      let m: RegExpExecArray | null;
      if (first) {
        while (i < n && (first[src.charCodeAt(i)] !== 1 || (before && (i === 0 || before[src.charCodeAt(i - 1)] !== 1)))) i++;
        if (i >= n) return false;
        at.lastIndex = i;
        m = at.exec(src);
        if (!m) {
          i++;
          continue;
        }
      } else {
        re.lastIndex = i;
        m = re.exec(src);
        if (!m) return false;
      }
      const len = m[0].length;
      if (len === 0) {
        i = m.index + 1;
        continue;
      }
      const r = replace(m);
      if (r === null || r === m[0]) {
        i = m.index + len;
        continue;
      }
      edit.start = m.index;
      edit.end = m.index + len;
      edit.by = r;
      return true;
    }
    return false;
  };
}

function newRuns(): Runs {
  return { n: 0, at: [], from: [], to: [] };
}

/** Builds the runs of a rewritten text from the runs of its source, left to right. */
class RunsBuilder {
  readonly runs = newRuns();
  /** characters so far */
  private len = 0;
  /** the source run the last copy ended in (copies only move forward) */
  private k = 0;
  constructor(private readonly src: Runs) {}

  /** Appends the map of the source's characters [a, b). */
  copy(a: number, b: number): void {
    if (b <= a) return;
    const s = this.src;
    let k = this.k;
    while (k + 1 < s.n && s.at[k + 1]! <= a) k++;
    // the run holding a, from a on
    let e = k + 1 < s.n ? Math.min(b, s.at[k + 1]!) : b;
    this.push(s.from[k]! + (s.to[k] === FOLLOWS ? a - s.at[k]! : 0), s.to[k]!, e - a);
    // the runs that start inside [a, b), whole (but perhaps the last)
    if (e < b) {
      const r = this.runs;
      const shift = this.len - e;
      while (e < b) {
        k++;
        r.n++;
        r.at.push(e + shift);
        r.from.push(s.from[k]!);
        r.to.push(s.to[k]!);
        e = k + 1 < s.n ? Math.min(b, s.at[k + 1]!) : b;
      }
      this.len = b + shift;
    }
    this.k = k;
  }

  /** Appends `n` characters that all stand for the original [from, to). */
  fill(from: number, to: number, n: number): void {
    this.push(from, to, n);
  }

  /** Appends `n` characters of a run (`to` is FOLLOWS for a run that follows the original from `from` on). */
  private push(from: number, to: number, n: number): void {
    if (n <= 0) return;
    const r = this.runs;
    const k = r.n - 1;
    // a run that continues the last one joins it (the same map, fewer runs)
    const joins = k >= 0 && r.to[k] === to && (to === FOLLOWS ? r.from[k]! + (this.len - r.at[k]!) === from : r.from[k] === from);
    if (!joins) {
      r.n++;
      r.at.push(this.len);
      r.from.push(from);
      r.to.push(to);
    }
    this.len += n;
  }
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Converts UTF-16 offsets of a string to code point offsets. */
export function codePointIndex(s: string): (utf16: number) => number {
  if (!HIGH_SURROGATE.test(s)) return (i) => i;
  const table = new Int32Array(s.length + 1);
  let cp = 0;
  for (let i = 0; i < s.length; i++) {
    table[i] = cp;
    const c = s.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) cp++;
    else table[i] = cp - 1;
  }
  table[s.length] = cp;
  return (i) => table[i]!;
}
