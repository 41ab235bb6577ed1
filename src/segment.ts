// Segmentation with nodejieba and the repository's user dictionary of bulletin vocabulary (SPEC 1.3).
// jieba splits "161.2" into characters: numbers are read from the text by the numeral parser; words, parts of
// speech and boundaries come from here.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);

export interface Token {
  word: string;
  /** part-of-speech tag from jieba (n, v, ns, nr, m, x, ...) */
  tag: string;
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

/** Tokens with offsets into `text`. Tokens that jieba returns are matched back onto the text in order, so
 * whatever it drops or changes cannot shift the offsets of the rest. */
export function segment(text: string): Token[] {
  const tagged = getJieba().tag(text);
  const tokens: Token[] = [];
  let pos = 0;
  for (const { word, tag } of tagged) {
    if (word.length === 0) continue;
    let at = text.startsWith(word, pos) ? pos : text.indexOf(word, pos);
    if (at < 0) continue;
    tokens.push({ word, tag, start: at, end: at + word.length });
    pos = at + word.length;
  }
  return tokens;
}
