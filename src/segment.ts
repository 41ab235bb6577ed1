// Segmentation with nodejieba and the repository's user dictionary of bulletin vocabulary (SPEC 1.3).
// jieba splits "161.2" into characters: numbers are read from the text by the numeral parser; words, parts of
// speech and boundaries come from here.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

export interface Token {
  word: string;
  /** part-of-speech tag from jieba's dictionaries (n, v, ns, nr, m, x, ...) */
  readonly tag: string;
  /** normalized offsets */
  start: number;
  end: number;
}

interface Jieba {
  load(opts: { userDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): { word: string; tag: string }[];
}

let jieba: Jieba | null = null;

/** The package root: the nearest folder above this module with a package.json (works from src/ and dist/src/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The user dictionary shipped with the project (dict/bulletin.dict.utf8 at the package root). */
export const USER_DICT = join(packageRoot(), 'dict', 'bulletin.dict.utf8');

export function getJieba(): Jieba {
  if (!jieba) {
    const j = require('nodejieba') as Jieba;
    j.load({ userDict: USER_DICT });
    jieba = j;
  }
  return jieba;
}

let posTags: Map<string, string> | null = null;

/** Part-of-speech tags of jieba's dictionary and the user dictionary, loaded on first use. */
function posTagsMap(): Map<string, string> {
  if (!posTags) {
    const m = new Map<string, string>();
    const j = require('nodejieba') as { DEFAULT_DICT: string };
    for (const file of [j.DEFAULT_DICT, USER_DICT]) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const parts = line.trim().split(/\s+/);
        if (parts.length >= 3 && parts[0]) m.set(parts[0], parts[2]!);
      }
    }
    posTags = m;
  }
  return posTags;
}

/** jieba's tag for a word (cppjieba PosTagger::LookupTag): the dictionary's, else m for ASCII digits, eng for
 * other ASCII, x for the rest. */
export function tagOf(word: string): string {
  // one-character words (about half of all) by their code unit, without hashing the string
  if (word.length === 1) {
    const c = word.charCodeAt(0);
    let t = singleTags[c];
    if (t === undefined) singleTags[c] = t = lookupTag(word);
    return t;
  }
  // the words of bulletins are few: a small memo answers most look-ups without probing the big dictionary map
  let t = tagMemo.get(word);
  if (t !== undefined) return t;
  t = lookupTag(word);
  if (tagMemo.size >= 100000) tagMemo.clear();
  tagMemo.set(word, t);
  return t;
}
const tagMemo = new Map<string, string>();
const singleTags: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);

function lookupTag(word: string): string {
  const t = posTagsMap().get(word);
  if (t) return t;
  let ascii = 0;
  let digits = 0;
  const n = word.length;
  for (let i = 0; i < n && ascii < n / 2; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) {
      ascii++;
      if (c >= 48 && c <= 57) digits++;
    }
  }
  if (ascii === 0) return 'x';
  return digits === ascii ? 'm' : 'eng';
}

class Tok implements Token {
  private _tag: string | undefined;
  constructor(
    readonly word: string,
    public start: number,
    public end: number,
  ) {}
  get tag(): string {
    return (this._tag ??= tagOf(this.word));
  }
}

/** While a worker warms up (see withCutMemo): jieba's words by text. */
let cutMemo: Map<string, string[]> | null = null;

/** jieba's words for `text` (from the memo while there is one: the same call site either way, so that the code
 * V8 optimises during a warm-up is the code a run uses). */
function cut(text: string): string[] {
  let words = cutMemo?.get(text);
  if (!words) {
    words = getJieba().cut(text, false);
    cutMemo?.set(text, words);
  }
  return words;
}

/** Run `f` with jieba's cut remembered by text, so that the same text is cut only once: for a warm-up that runs the
 * same texts many times to have V8 optimise the JavaScript around the cut (the cut itself is native code, and
 * needs no warming up). */
export function withCutMemo<T>(f: () => T): T {
  cutMemo = new Map();
  try {
    return f();
  } finally {
    cutMemo = null;
  }
}

export interface IndexedTokens {
  tokens: Token[];
  /** for each position of the text (and its end): the index of the first token that ends after it */
  from: Int32Array;
  /** the tokens' start offsets */
  starts: Int32Array;
}

/** Tokens with offsets into `text`, from jieba's cut (its tag() is cut plus a dictionary look-up, which is done
 * here lazily, only for the tokens whose tag is read), with their index by position, built in the same pass.
 * Tokens are matched back onto the text in order, so whatever jieba drops or changes cannot shift the offsets of
 * the rest. */
export function segmentIndexed(text: string): IndexedTokens {
  // without HMM, as bare nodejieba.cut: unknown words come as single characters, which the extractors join where
  // a name needs it (the project name view); with HMM the cut costs 10% more and gave no record more on the dev
  // gold, the held-out set or a 500-document archive (one subject changed, to the gold's reading)
  const words = cut(text);
  // sized once (growing by push copied the array several times over: a fifth of the pipeline's allocations)
  const tokens: Token[] = new Array<Token>(words.length);
  const from = new Int32Array(text.length + 1);
  const starts = new Int32Array(words.length);
  let pos = 0;
  let p = 0;
  let k = 0;
  for (const word of words) {
    if (word.length === 0) continue;
    const at = text.startsWith(word, pos) ? pos : text.indexOf(word, pos);
    if (at < 0) continue;
    const end = at + word.length;
    tokens[k] = new Tok(word, at, end);
    starts[k] = at;
    for (; p < end; p++) from[p] = k;
    k++;
    pos = end;
  }
  tokens.length = k;
  from.fill(k, p);
  return { tokens, from, starts: starts.subarray(0, k) };
}
