// Segmentation with nodejieba and the repository's user dictionary of bulletin vocabulary (SPEC 1.3).
// jieba splits "161.2" into characters: numbers are read from the text by the numeral parser; words, parts of
// speech and boundaries come from here.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { codeUnitTest } from './han.js';

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

/** Part-of-speech tags of jieba's dictionary and the user dictionary ("word freq tag" lines; where a word is in
 * both, the user dictionary's), loaded on first use. Kept as a hash table of offsets into the dictionaries' own
 * text, not as a Map of 350 000 strings: that Map took 57 MB of each worker's heap, which every full collection
 * marked again, and 330 ms to build; this takes 6 MB of heap (the text) and 7 MB of typed arrays, and 110 ms.
 * Measured on the 4.4 MB bench archive: a worker's first full collection after the warm-up 25 → 3-7 ms, start-up
 * 0.2-0.3 s shorter, peak RSS with two workers 884 → 812 MB, MB/s +4% with one worker and with two. */
class TagTable {
  private readonly text: string;
  /** by slot: 1 + the offset of the word in `text`, 0 for an empty slot */
  private readonly at: Int32Array;
  private readonly len: Uint16Array;
  private readonly tag: Uint8Array;
  private readonly tags: string[] = [];
  private readonly mask: number;

  constructor(files: string[]) {
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    this.text = text;
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    let size = 1024;
    while (size < 2 * lines) size *= 2;
    this.mask = size - 1;
    this.at = new Int32Array(size);
    this.len = new Uint16Array(size);
    this.tag = new Uint8Array(size);
    const tagIds = new Map<string, number>();
    // each line as line.trim().split(/\s+/) reads it: at least three fields, the first the word, the third its tag
    const n = text.length;
    const skip = (p: number, end: number, white: boolean): number => {
      while (p < end && isWhiteSpace(text.charCodeAt(p)) === white) p++;
      return p;
    };
    for (let i = 0; i < n; ) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      const ws = skip(i, end, true);
      const we = skip(ws, end, false);
      const ts = skip(skip(skip(we, end, true), end, false), end, true);
      const te = skip(ts, end, false);
      i = end + 1;
      if (ts === te || we - ws > 0xffff) continue;
      const t = text.slice(ts, te);
      let id = tagIds.get(t);
      if (id === undefined) {
        id = this.tags.length;
        if (id > 0xff) throw new Error('jieba dictionaries: more than 256 part-of-speech tags');
        this.tags.push(t);
        tagIds.set(t, id);
      }
      const wl = we - ws;
      let slot = fnv1a(text, ws, we) & this.mask;
      while (this.at[slot] !== 0 && !(this.len[slot] === wl && this.sameRange(this.at[slot]! - 1, ws, wl))) slot = (slot + 1) & this.mask;
      this.at[slot] = ws + 1;
      this.len[slot] = wl;
      this.tag[slot] = id;
    }
  }

  private sameRange(a: number, b: number, len: number): boolean {
    for (let k = 0; k < len; k++) if (this.text.charCodeAt(a + k) !== this.text.charCodeAt(b + k)) return false;
    return true;
  }

  /** The tag of `word`, or undefined when it is in neither dictionary. */
  get(word: string): string | undefined {
    const wl = word.length;
    for (let slot = fnv1a(word, 0, wl) & this.mask; this.at[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.len[slot] === wl && this.text.startsWith(word, this.at[slot]! - 1)) return this.tags[this.tag[slot]!];
    }
    return undefined;
  }
}

/** FNV-1a over the code units of s[start, end): the table's hash, of a dictionary word in place and of a word
 * looked up alike */
function fnv1a(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** whether /\s/ matches a code unit (the characters trim() removes) */
const isWhiteSpace = codeUnitTest(/\s/);

let posTags: TagTable | null = null;

/** jieba's dictionary tag of `word` (the user dictionary's where it has the word), or undefined. */
export function dictionaryTag(word: string): string | undefined {
  if (!posTags) {
    const j = require('nodejieba') as { DEFAULT_DICT: string };
    posTags = new TagTable([j.DEFAULT_DICT, USER_DICT]);
  }
  return posTags.get(word);
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
  const t = dictionaryTag(word);
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
