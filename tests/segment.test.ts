import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { segmentIndexed, withCutMemo } from '../src/segment.js';

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
