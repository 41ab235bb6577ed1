// SPEC 7 scoring in eval: document fields over gold documents, record fields over matched pairs, regions
// compared without one trailing 省/市/县/区/…, keys the gold leaves out not scored, the wrong ones listed.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, formatReport, regionKey, type GoldItem } from '../src/eval.js';
import { extractText } from '../src/pipeline.js';

const TEXT = '甘肃省1-11月固定资产投资同比增长6.1%。其中，兰州市完成投资300亿元。';

function run(gold: object[], patch: (r: Record<string, unknown>) => void = () => {}, doc: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'where-eval-'));
  writeFileSync(join(dir, 'a.txt'), TEXT);
  const { document, records } = extractText(TEXT, { path: 'a.txt' });
  for (const r of records) patch(r as unknown as Record<string, unknown>);
  return evaluate(gold as GoldItem[], records, dir, [{ ...document, ...doc } as typeof document]);
}

describe('eval: where and when', () => {
  it('compares regions without one trailing 省/市/县/区/自治区/自治州/自治县/特别行政区', () => {
    expect(regionKey('甘肃省')).toBe('甘肃');
    expect(regionKey('香港特别行政区')).toBe('香港');
    expect(regionKey('桓仁满族自治县')).toBe('桓仁满族');
    expect(regionKey('全国')).toBe('全国');
    expect(regionKey(undefined)).toBe(null);
  });
  it('scores document fields over the gold documents that give them, and lists the wrong ones', () => {
    const gold = [{ type: 'document', doc: 'a.txt', region: '甘肃', period_start: '2023-01', published: null }];
    const rep = run(gold, () => {}, { region: '甘肃省', period_start: '2023-02', published: null });
    const d = rep.whereWhen!.documents;
    expect([d.region!.right, d.region!.total, d.period_start!.right, d.published!.right]).toEqual([1, 1, 0, 1]);
    expect(d.period_end).toBeUndefined();
    expect(d.period_start!.wrong).toEqual(['a.txt period_start: gold "2023-01", got "2023-02"']);
    expect(formatReport(rep)).toContain('wrong     document: a.txt period_start');
  });
  it('scores record fields over matched pairs only, for the keys the gold gives', () => {
    const gold = [
      { type: 'document', doc: 'a.txt' },
      { doc: 'a.txt', type: 'percentage', quote: '6.1%', nth: 0, value: 6.1, metric: '固定资产投资', region: '甘肃省', period_end: '2023-11' },
      { doc: 'a.txt', type: 'amount', quote: '300亿元', nth: 0, value: 3e10, region: '兰州' },
      // not matched (wrong value): not scored
      { doc: 'a.txt', type: 'amount', quote: '300亿元', nth: 0, value: 1, region: '兰州' },
    ];
    const rep = run(gold, (r) => {
      if (r.type === 'percentage') Object.assign(r, { metric: '固定资产投资', region: '甘肃', period_end: '2023-10' });
      if (r.type === 'amount') r.region = '兰州市';
    });
    const w = rep.whereWhen!;
    expect(w.records.metric).toMatchObject({ right: 1, total: 1 });
    expect(w.records.region).toMatchObject({ right: 2, total: 2 });
    expect(w.records.period_end).toMatchObject({ right: 0, total: 1 });
    expect(w.records.period_start).toBeUndefined();
    expect(w.byType.amount!.region).toMatchObject({ right: 1, total: 1 });
    expect(w.records.period_end!.wrong[0]).toContain('6.1% #0 period_end: gold "2023-11", got "2023-10"');
  });
  it('counts a field the output lacks as null', () => {
    const gold = [{ type: 'document', doc: 'a.txt', region: null, published: '2023-12-01' }];
    const rep = run(gold, () => {}, { region: undefined, published: undefined });
    expect(rep.whereWhen!.documents.region!.right).toBe(1);
    expect(rep.whereWhen!.documents.published!.right).toBe(0);
  });
});
