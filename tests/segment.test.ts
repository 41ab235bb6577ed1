import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dictionaryTag, segmentIndexed, tagOf, USER_DICT, withCutMemo } from '../src/segment.js';

const corpus = readdirSync('corpus')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`corpus/${f}`, 'utf8'));

describe('the warm-up cut memo', () => {
  it('gives the tokens of a plain cut, for every text, however often it is cut', () => {
    const plain = corpus.map((t) => segmentIndexed(t));
    const memo = withCutMemo(() => [0, 1, 2].map(() => corpus.map((t) => segmentIndexed(t))));
    for (const round of memo) {
      round.forEach((s, k) => {
        expect(s.tokens.map((t) => [t.word, t.start, t.end])).toEqual(plain[k]!.tokens.map((t) => [t.word, t.start, t.end]));
        expect(Array.from(s.from)).toEqual(Array.from(plain[k]!.from));
      });
    }
  });
});

describe('part-of-speech tags of the dictionaries', () => {
  // the dictionaries read as plain lines: line.trim().split(/\s+/), the third field the tag, the last line of a word
  // (the user dictionary's) winning
  const jieba = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string };
  const reference = new Map<string, string>();
  for (const file of [jieba.DEFAULT_DICT, USER_DICT]) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const parts = line.trim().split(/\s+/);
      if (parts.length >= 3 && parts[0]) reference.set(parts[0], parts[2]!);
    }
  }

  it('gives every word of both dictionaries its tag', () => {
    expect(reference.size).toBeGreaterThan(340000);
    const wrong: string[] = [];
    for (const [word, tag] of reference) if (dictionaryTag(word) !== tag) wrong.push(`${word}: ${tag} ≠ ${dictionaryTag(word)}`);
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('has no tag for a word in neither, however close to one', () => {
    const hits: string[] = [];
    let tried = 0;
    for (const word of reference.keys()) {
      if (tried > 100000) break;
      for (const w of [word + '丁', word.slice(1), `0${word}`, word.slice(0, -1)]) {
        if (!w || reference.has(w)) continue;
        tried++;
        if (dictionaryTag(w) !== undefined) hits.push(w);
      }
    }
    expect(hits.slice(0, 10)).toEqual([]);
  });

  it('falls back as cppjieba does for words outside the dictionaries', () => {
    expect(tagOf('2024')).toBe('m');
    expect(tagOf('GDP')).toBe('eng');
    expect(tagOf('丁丁丁丁丁丁')).toBe('x');
    expect(tagOf('项目')).toBe(reference.get('项目'));
  });
});
