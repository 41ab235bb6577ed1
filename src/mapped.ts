// A text that remembers where each of its characters came from. Every normalization step is an edit of a
// MappedText that returns a new MappedText, so composing steps composes the offset map (unified/vfile style).
// Offsets here are UTF-16 indices; conversion to code points happens once, when records are written.
//
// The map gives each normalized character i the original span [start(i), end(i)) it stands for. It is kept as
// runs of characters (normalization edits a small part of a text, so it has far fewer runs than characters):
// in a run that follows the original, character i stands for the one original character at a fixed distance;
// in a run that replaced something, every character stands for the whole replaced span.

/** The runs of a map, n of them, three numbers each in `d`: run k starts at normalized offset d[3k] (AT); when
 * d[3k + 2] (TO) is FOLLOWS its character i stands for the original [from + (i - at), that + 1) with from =
 * d[3k + 1] (FROM), else every character stands for [from, to). */
interface Runs {
  n: number;
  d: Int32Array;
}
const AT = 0;
const FROM = 1;
const TO = 2;
const FOLLOWS = -1;

export class MappedText {
  private constructor(
    readonly text: string,
    private readonly runs: Runs,
  ) {}

  static identity(text: string): MappedText {
    return new MappedText(text, text.length > 0 ? { n: 1, d: Int32Array.of(0, 0, FOLLOWS) } : { n: 0, d: new Int32Array(0) });
  }

  /** The run holding normalized offset `i` (0 <= i < text.length), times 3: its index in the runs' array. */
  private runOf(i: number): number {
    const d = this.runs.d;
    let lo = 0;
    let hi = this.runs.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (d[3 * mid + AT]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return 3 * lo;
  }

  /** Original start of normalized character `i`. */
  startOf(i: number): number {
    const k = this.runOf(i);
    const d = this.runs.d;
    return d[k + TO] === FOLLOWS ? d[k + FROM]! + (i - d[k + AT]!) : d[k + FROM]!;
  }

  /** Original end of normalized character `i`. */
  endOf(i: number): number {
    const k = this.runOf(i);
    const d = this.runs.d;
    return d[k + TO] === FOLLOWS ? d[k + FROM]! + (i - d[k + AT]!) + 1 : d[k + TO]!;
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
   * Apply every edit `find` finds, left to right: each replaces [start, end) by something. A replacement of the same
   * length maps character by character; otherwise every new character stands for the whole replaced span, so a
   * span that includes any of it includes all of it.
   */
  rewrite(find: Finder): { text: MappedText; edits: number } {
    const src = this.text;
    const edit: Edit = { start: 0, end: 0, by: null, keep: 0 };
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
      let n: number;
      if (r === null) {
        // the kept characters go with the text before them
        n = edit.keep;
        if (a + n > last) parts.push(src.slice(last, a + n));
      } else {
        n = r.length;
        if (a > last) parts.push(src.slice(last, a));
        parts.push(r);
      }
      out.copy(last, a);
      if (n === b - a) out.copy(a, b);
      else out.fill(this.startOf(a), this.endOf(b - 1), n);
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

/** An edit: replace [start, end) by `by`, or when `by` is null, by its own first `keep` characters. */
export interface Edit {
  start: number;
  end: number;
  by: string | null;
  keep: number;
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

/** Builds the runs of a rewritten text from the runs of its source, left to right. */
class RunsBuilder {
  readonly runs: Runs;
  /** characters so far */
  private len = 0;
  /** the source run the last copy ended in, times 3 (copies only move forward) */
  private k = 0;
  constructor(private readonly src: Runs) {
    this.runs = { n: 0, d: new Int32Array(3 * (src.n + 32)) };
  }

  /** Appends the map of the source's characters [a, b). */
  copy(a: number, b: number): void {
    if (b <= a) return;
    const s = this.src.d;
    const end = 3 * this.src.n;
    let k = this.k;
    while (k + 3 < end && s[k + 3 + AT]! <= a) k += 3;
    // the run holding a, from a on
    let e = k + 3 < end ? Math.min(b, s[k + 3 + AT]!) : b;
    this.push(s[k + FROM]! + (s[k + TO] === FOLLOWS ? a - s[k + AT]! : 0), s[k + TO]!, e - a);
    // the runs that start inside [a, b), whole (but perhaps the last)
    if (e < b) {
      const shift = this.len - e;
      while (e < b) {
        k += 3;
        this.reserve();
        const r = this.runs;
        const j = 3 * r.n++;
        r.d[j + AT] = e + shift;
        r.d[j + FROM] = s[k + FROM]!;
        r.d[j + TO] = s[k + TO]!;
        e = k + 3 < end ? Math.min(b, s[k + 3 + AT]!) : b;
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
    const k = 3 * (r.n - 1);
    const d = r.d;
    // a run that continues the last one joins it (the same map, fewer runs)
    const joins = k >= 0 && d[k + TO] === to && (to === FOLLOWS ? d[k + FROM]! + (this.len - d[k + AT]!) === from : d[k + FROM] === from);
    if (!joins) {
      this.reserve();
      const j = 3 * r.n++;
      r.d[j + AT] = this.len;
      r.d[j + FROM] = from;
      r.d[j + TO] = to;
    }
    this.len += n;
  }

  /** Makes room for one more run. */
  private reserve(): void {
    const r = this.runs;
    if (3 * (r.n + 1) <= r.d.length) return;
    const d = new Int32Array(r.d.length * 2);
    d.set(r.d);
    r.d = d;
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
