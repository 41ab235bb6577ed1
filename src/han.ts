// Whether one UTF-16 code unit is a Han character (what /\p{Script=Han}/u says of the one-unit string), memoized
// per code unit: the extractors ask it of single characters in their hottest loops.
const HAN = /\p{Script=Han}/u;
/** 0: not asked yet, 1: Han, 2: not Han */
const memo = new Uint8Array(0x10000);

export function isHanCode(c: number): boolean {
  let v = memo[c]!;
  if (v === 0) {
    v = HAN.test(String.fromCharCode(c)) ? 1 : 2;
    memo[c] = v;
  }
  return v === 1;
}

/** HAN.test(text[pos] ?? ''): whether the code unit at `pos` is a Han character (false outside the text). */
export function isHanAt(text: string, pos: number): boolean {
  return pos >= 0 && pos < text.length && isHanCode(text.charCodeAt(pos));
}

/** HAN.test(word) for a word of one code unit. */
export function isHanChar(word: string): boolean {
  return word.length === 1 && isHanCode(word.charCodeAt(0));
}
