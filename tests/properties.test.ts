// Properties that must hold on any input, checked on random strings built from the pieces bulletins are made
// of (seeded, so a failure reproduces): no exception, every record valid, offsets inside the text, and the
// original slice of a record normalizes to its text.
import { describe, it, expect } from 'vitest';
import { extractText } from '../src/pipeline.js';
import { normalize } from '../src/normalize.js';

const PIECES = [
  '亿元', '万元', '元', '%', '个百分点', '倍', '个项目', '项目', '约', '近', '超过', '以上', '左右', '-', '至', '、', ',', '。',
  '百分之', '两', '十', '百', '千', '万', '亿', '点', '0', '1', '2', '9', '.', '123', '4.5', '😀', '𠀀', '(xiàng)', '項', '億',
  '?', '\uFFFD', ' ', '\n', '工程', '高速', '等', '“', '”', '新开工', '续建', '增长', '下降', '同比', '占', '的', '(', ')',
  '港元', '新台币', '美元', '人民币', '数', '余', '多', '１', '２', '．', '％', ',,', '签约',
];

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

describe('properties on random bulletin-like text', () => {
  it('records are valid, inside the text, and their original slice normalizes to their text', () => {
    const rand = rng(20261126);
    let records = 0;
    for (let i = 0; i < 1500; i++) {
      let s = '';
      const len = 1 + Math.floor(rand() * 35);
      for (let j = 0; j < len; j++) s += PIECES[Math.floor(rand() * PIECES.length)];
      const r = extractText(s);
      expect(r.invalid, s).toEqual([]);
      const cps = [...s];
      for (const rec of r.records) {
        records++;
        expect(rec.start <= rec.end && rec.end <= cps.length, s).toBe(true);
        expect(normalize(cps.slice(rec.start, rec.end).join('')).mapped.text, s).toBe(rec.text);
      }
    }
    expect(records).toBeGreaterThan(300);
  });
});
