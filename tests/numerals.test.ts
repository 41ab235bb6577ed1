import { describe, it, expect } from 'vitest';
import { parseChineseNumeral, scanNumber } from '../src/numerals.js';

describe('Chinese numerals', () => {
  it.each([
    ['一千二百三十四万', 12340000], ['两亿', 2e8], ['十二点五', 12.5], ['十二', 12], ['一百零五', 105],
    ['三千万', 3e7], ['一亿二千万', 1.2e8], ['一万五', 15000], ['三百五', 350], ['二〇二三', 2023],
    ['四十', 40], ['五万亿', 5e12], ['一千零五', 1005], ['零点五', 0.5], ['廿三', 23],
  ])('%s = %d', (s, v) => expect(parseChineseNumeral(s)).toBe(v));
  it('rejects malformed numerals', () => {
    expect(parseChineseNumeral('十百')).toBeNull();
  });
});

describe('scanNumber', () => {
  it('reads Arabic numerals with multipliers and separators', () => {
    expect(scanNumber('1.2万亿元', 0)).toMatchObject({ value: 1.2e12, end: 5, endsWithBigUnit: true });
    expect(scanNumber('161.2亿元', 0)).toMatchObject({ value: 16120000000, end: 6 });
    expect(scanNumber('1,234.5万元', 0)).toMatchObject({ value: 12345000, end: 8 });
    expect(scanNumber('3千万元', 0)).toMatchObject({ value: 3e7, end: 3 });
  });
  it('reads Chinese numerals greedily but stops at what does not parse', () => {
    expect(scanNumber('两亿元', 0)).toMatchObject({ value: 2e8, end: 2 });
    expect(scanNumber('一千二百三十四万元', 0)).toMatchObject({ value: 12340000, end: 8 });
  });
  it('does not start a number on a bare multiplier', () => {
    expect(scanNumber('亿元以上', 0)).toBeNull();
  });
});

describe('mixed and approximate numerals', () => {
  it.each([
    ['5万4千6百', 54600], ['3万4000', 34000], ['2千零30万', 20300000], ['10万万', 1e9], ['四万万', 4e8],
    ['4.78萬億', 4.78e12], ['四十九兆九千五百九十二億', 49959200000000], ['两千三点一', 2300.1], ['拾万零五十六点叁叁', 100056.33],
    ['百三', 130], ['.5', 0.5], ['15k', 15000],
  ])('%s = %d', (s, v) => {
    const n = scanNumber(s, 0);
    expect(n?.end).toBe(s.length);
    expect(n?.value).toBeCloseTo(v, 6);
  });
  it.each([
    ['1亿8千万', '亿'], ['两亿三千万', '亿'], ['十二万三千', '万'], ['一千二百三十四万', '万'], ['1.2万亿', '万亿'], ['3千万', '千万'],
  ])('%s takes the unit of its first part: %s', (s, suffix) => {
    expect(scanNumber(s, 0)?.suffix).toBe(suffix);
  });
  it('reads 八九亿 and 数十亿 as ranges', () => {
    expect(scanNumber('八九亿', 0)).toMatchObject({ value: 8e8, approxMax: 9e8 });
    expect(scanNumber('数十亿', 0)).toMatchObject({ value: 1e9, approxMax: 1e10 });
  });
  it('does not read 二三 as twenty-three', () => {
    expect(parseChineseNumeral('二三')).toBeNull();
  });
});
