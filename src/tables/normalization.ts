// Data for normalization (SPEC 1.2). Reviewable without reading the code that applies it.

/** Vowels with tone marks: a parenthesised Latin syllable is pinyin when it has one of these. */
export const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/** Neutral-tone syllables that converters write without a tone mark. */
export const NEUTRAL_SYLLABLES = ['de', 'le', 'men', 'zi', 'me', 'ne', 'ma', 'ba', 'zhe', 'guo', 'li', 'shang', 'xia', 'tou', 'ge'];
/** Punctuation that bad conversions double (`,,` `,、` `。。`); a run of two or more keeps its last mark. */
export const DOUBLED_PUNCTUATION = ',，、。;；';
/** Characters that may follow a number as (the start of) its unit; spaces between are removed. */
export const UNIT_STARTS = '亿億万萬千百元%％个個倍项項美港欧歐日英台新人澳亩畝平公吨噸';
/** Whitespace inside numbers: ASCII space, no-break space, ideographic space, thin spaces. */
export const NUMBER_SPACES = ' \u00a0\u3000\u2009\u202f';
