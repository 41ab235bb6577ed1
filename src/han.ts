// Whether one UTF-16 code unit is a Han character (what /\p{Script=Han}/u says of the one-unit string), memoized
// per code unit: the extractors ask it of single characters in their hottest loops.
const HAN = /\p{Script=Han}/u;

/** `re.test` of a one-code-unit string, memoized per code unit (0: not asked yet, 1: yes, 2: no), for the
 * character classes the extractors ask of single characters in hot loops. `re` must be neither global nor
 * sticky (test would then depend on lastIndex). */
export function codeUnitTest(re: RegExp): (c: number) => boolean {
  const memo = new Uint8Array(0x10000);
  return (c: number): boolean => {
    let v = memo[c]!;
    if (v === 0) {
      v = re.test(String.fromCharCode(c)) ? 1 : 2;
      memo[c] = v;
    }
    return v === 1;
  };
}

export const isHanCode = codeUnitTest(HAN);

/** HAN.test(text[pos] ?? ''): whether the code unit at `pos` is a Han character (false outside the text). */
export function isHanAt(text: string, pos: number): boolean {
  return pos >= 0 && pos < text.length && isHanCode(text.charCodeAt(pos));
}

/** HAN.test(word) for a word of one code unit. */
export function isHanChar(word: string): boolean {
  return word.length === 1 && isHanCode(word.charCodeAt(0));
}
