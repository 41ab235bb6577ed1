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
    let out = '';
    const starts: number[] = [];
    const ends: number[] = [];
    let last = 0;
    let edits = 0;
    const copy = (from: number, to: number) => {
      out += src.slice(from, to);
      for (let i = from; i < to; i++) {
        starts.push(this.start[i]!);
        ends.push(this.end[i]!);
      }
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
      if (r.length === b - a) {
        out += r;
        for (let i = a; i < b; i++) {
          starts.push(this.start[i]!);
          ends.push(this.end[i]!);
        }
      } else {
        out += r;
        for (let i = 0; i < r.length; i++) {
          starts.push(this.start[a]!);
          ends.push(this.end[b - 1]!);
        }
      }
      last = b;
    }
    if (edits === 0) return { text: this, edits: 0 };
    copy(last, src.length);
    return { text: new MappedText(out, Int32Array.from(starts), Int32Array.from(ends)), edits };
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
