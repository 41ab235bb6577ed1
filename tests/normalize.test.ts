import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../src/normalize.js';
import { extractBytes } from '../src/pipeline.js';
import { decodeBytes } from '../src/decode.js';
import { CORPUS } from './helpers.js';

describe('normalize', () => {
  it('removes pinyin annotations but keeps real parentheses', () => {
    const n = normalize('項(xiàng)目發(fā)展,中央預算內資金(含省本級),PX(PX)項目');
    expect(n.mapped.text).toBe('项目发展,中央预算内资金(含省本级),PX(PX)项目');
    expect(n.stats.pinyin_annotations).toBe(2);
    expect(n.script).toBe('traditional');
  });
  it('removes a pinyin annotation with a space before its parenthesis', () => {
    expect(normalize('廣州樂(lè )金顯示OLED項(xiàng)目').mapped.text).toBe('广州乐金显示OLED项目');
  });
  it('fixes widths, spaces in numbers and doubled punctuation', () => {
    const n = normalize('投资１６１．２億元,,同比增长７．３％,、签约金额283 億元。。');
    expect(n.mapped.text).toBe('投资161.2亿元,同比增长7.3%、签约金额283亿元。');
  });
  it('reads a circle inside a Chinese numeral as 〇, and leaves a bullet circle alone', () => {
    const n = normalize('追加一點○六億元,二○二三年。○重点项目');
    expect(n.mapped.text).toBe('追加一点〇六亿元,二〇二三年。○重点项目');
  });
  it('joins a 百分之 numeral broken by a line break, not a list item after it', () => {
    expect(normalize('增长百分之\n十二点五。增长百分之十二\n点五。').mapped.text).toBe('增长百分之十二点五。增长百分之十二点五。');
    expect(normalize('增长百分之五\n二、下一步').mapped.text).toBe('增长百分之五\n二、下一步');
  });
  it('reports garbled spans with their original offsets', () => {
    const src = '投資工作情況報告改善?,F(xiàn)將固定資產投資';
    const n = normalize(src);
    expect(n.garbled.length).toBe(1);
    const g = n.garbled[0]!;
    expect(src.slice(g.origStart, g.origEnd)).toBe('?,F(xiàn)');
  });
  it('maps every normalized character back to the original', () => {
    const src = '項(xiàng)目投資161.2億元,,同比增長(zhǎng)7.3%';
    const n = normalize(src);
    for (let i = 0; i < n.mapped.text.length; i++) {
      const [s, e] = n.mapped.toOriginal(i, i + 1);
      expect(normalize(src.slice(s, e)).mapped.text).toBe(n.mapped.text[i]);
    }
  });
});

describe('offsets on the corpus', () => {
  for (const f of readdirSync(CORPUS).sort()) {
    it(`${f}: normalizing the original slice of every record gives its text`, () => {
      const bytes = readFileSync(join(CORPUS, f));
      const original = decodeBytes(bytes).text;
      const cps = [...original];
      const { records, document } = extractBytes(bytes, f);
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) {
        const slice = cps.slice(r.start, r.end).join('');
        expect(normalize(slice).mapped.text, `${r.id}`).toBe(r.text);
      }
      for (const w of document.warnings.filter((x) => x.kind === 'garbled')) {
        for (const r of records) expect(r.end <= w.start || r.start >= w.end, `${r.id} crosses garbled ${w.start}`).toBe(true);
      }
    });
  }
});
