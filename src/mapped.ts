// A text that remembers where each of its characters came from. Every normalization step is an edit of a
// MappedText that returns a new MappedText, so composing steps composes the offset map (unified/vfile style).
// Offsets here are UTF-16 indices; conversion to code points happens once, when records are written.

export class MappedText {
  /** for normalized char i: the original [start[i], end[i]) it stands for */
  constructor(
    readonly text: string,
    readonly start: Int32Array,
    readonly end: Int32Array,
  ) {}

  static identity(text: string): MappedText {
    const n = text.length;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      start[i] = i;
      end[i] = i + 1;
    }
    return new MappedText(text, start, end);
  }

  /** Original span of the normalized span [s, e). */
  toOriginal(s: number, e: number): [number, number] {
    if (e <= s) {
      const at = s < this.text.length ? this.start[s]! : this.text.length === 0 ? 0 : this.end[this.text.length - 1]!;
      return [at, at];
    }
    return [this.start[s]!, this.end[e - 1]!];
  }

  /**
   * Replace every match of `re` (global) by what `replace` returns (or keep it when it returns null).
   * A replacement of the same length maps character by character; otherwise every new character stands for
   * the whole match, so a span that includes any of it includes all of it.
   */
  rewrite(re: RegExp, replace: (m: RegExpExecArray) => string | null): { text: MappedText; edits: number } {
    if (!re.global) throw new Error('rewrite needs a global RegExp');
    re.lastIndex = 0;
    const src = this.text;
    const parts: string[] = [];
    let cap = src.length + 16;
    let starts = new Int32Array(cap);
    let ends = new Int32Array(cap);
    let len = 0;
    const grow = (need: number) => {
      if (len + need <= cap) return;
      cap = Math.max(cap * 2, len + need);
      const s2 = new Int32Array(cap);
      s2.set(starts.subarray(0, len));
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends.subarray(0, len));
      ends = e2;
    };
    let last = 0;
    let edits = 0;
    const copy = (from: number, to: number) => {
      if (to <= from) return;
      parts.push(src.slice(from, to));
      grow(to - from);
      starts.set(this.start.subarray(from, to), len);
      ends.set(this.end.subarray(from, to), len);
      len += to - from;
    };
    for (let m = re.exec(src); m; m = re.exec(src)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const r = replace(m);
      if (r === null || r === m[0]) continue;
      edits++;
      const a = m.index;
      const b = a + m[0].length;
      copy(last, a);
      parts.push(r);
      grow(r.length);
      if (r.length === b - a) {
        starts.set(this.start.subarray(a, b), len);
        ends.set(this.end.subarray(a, b), len);
      } else {
        starts.fill(this.start[a]!, len, len + r.length);
        ends.fill(this.end[b - 1]!, len, len + r.length);
      }
      len += r.length;
      last = b;
    }
    if (edits === 0) return { text: this, edits: 0 };
    copy(last, src.length);
    return { text: new MappedText(parts.join(''), starts.slice(0, len), ends.slice(0, len)), edits };
  }

  /** Replace the text by one of the same UTF-16 length, character for character (script conversion). */
  sameLength(text: string): MappedText {
    if (text.length !== this.text.length) throw new Error('sameLength: length differs');
    return new MappedText(text, this.start, this.end);
  }
}

/** Converts UTF-16 offsets of a string to code point offsets. */
export function codePointIndex(s: string): (utf16: number) => number {
  let astral = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      astral = true;
      break;
    }
  }
  if (!astral) return (i) => i;
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
