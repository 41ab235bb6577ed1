// Sentence ends and the bounded `context` (SPEC 3), on bulletin text as web converters leave it: ASCII marks
// instead of 。 and ，, and runs with no end at all (flattened tables and lists).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../src/pipeline.js';
import { Doc } from '../src/doc.js';
import { CONTEXT_SENTENCE, CONTEXT_SIDE, ELLIPSIS, MAX_WINDOW, endsSentence } from '../src/sentences.js';
import { CORPUS } from './helpers.js';

const corpus = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(CORPUS, f), 'utf8'));

/** a record without the fields that depend on the bytes (id, doc_id) or on the sentence's marks (context) */
const core = (r: Record<string, unknown>) => {
  const { id, doc_id, context, amount_ids, ...rest } = r;
  void id, doc_id, context;
  return { ...rest, amounts: (amount_ids as string[] | undefined)?.length };
};

const sentencesOf = (text: string) => {
  const doc = new Doc(text, 't.txt');
  return doc.sentences.map((s) => doc.text.slice(s.start, s.end));
};

describe('sentence ends', () => {
  it('end at 。！？!?；; and line breaks, and at an ASCII full stop that ends something (normalized to 。)', () => {
    expect(sentencesOf('全市完成投资1.5亿元.增长7.3%!新开工项目12个;续建项目8个?竣工5个\n其中')).toEqual([
      '全市完成投资1.5亿元。',
      '增长7.3%!',
      '新开工项目12个;',
      '续建项目8个?',
      '竣工5个\n',
      '其中',
    ]);
    expect(sentencesOf('共签约项目12.总投资35亿元。')).toEqual(['共签约项目12。', '总投资35亿元。']);
    expect(sentencesOf('咨询电话12345678.全市')).toEqual(['咨询电话12345678。', '全市']);
    expect(sentencesOf('其中:\n123.党建引领')).toEqual(['其中:\n', '123.党建引领']);
    expect(sentencesOf('投资增长7.3%.2021年上半年,增长8%.1-8月份')).toEqual(['投资增长7.3%。', '2021年上半年,增长8%。', '1-8月份']);
    // a text that ends its sentences with . (none with 。): a . before a digit ends one too; in a text with 。 it is a number
    expect(sentencesOf('全市实施项目300个.296个新开工项目中879项已办结.')).toEqual(['全市实施项目300个。', '296个新开工项目中879项已办结。']);
    expect(sentencesOf('共计划实施重点项目62项,总投资.05亿元。续建项目26项。')).toEqual(['共计划实施重点项目62项,总投资.05亿元。', '续建项目26项。']);
    expect(sentencesOf('详见www.ndrc.gov.cn. Fixed-asset investment rose 7.3%.')).toEqual(['详见www.ndrc.gov.cn.', ' Fixed-asset investment rose 7.3%。']);
  });
  it('not at a full stop inside a number, a Latin word or an address, or after a list number', () => {
    for (const s of ['项目62项,总投资.05亿元,计划', '增长1.5%', '详见www.ndrc.gov.cn公告', 'No.5地块', '完成年度计划。\n1.党建引领基层治理', '开工项目2个。1.农业项目3个']) {
      const text = s;
      const dots = [...text].map((c, i) => (c === '.' ? i : -1)).filter((i) => i >= 0);
      for (const i of dots) expect(endsSentence(text, i), `${s} at ${i}`).toBe(false);
    }
  });
  it('a bulletin whose 。 and ， are ASCII gives the same records, and the same contexts but for the marks', () => {
    for (const text of corpus) {
      const ascii = text.replace(/。/g, '.').replace(/，/g, ',');
      const a = extractText(text).records;
      const b = extractText(ascii).records;
      expect(b.map(core)).toEqual(a.map(core));
      // (the marks themselves may differ: a converter's doubled ,。 is collapsed, its ,. is not)
      const marks = (s: string) => s.replace(/[。.，,]+/g, '|');
      expect(b.map((r) => marks(r.context))).toEqual(a.map((r) => marks(r.context)));
    }
  });
});

describe('a sentence that never ends', () => {
  // the corpus's bulletins flattened into one run with commas only, as a table or list converted from a web page is
  const run = corpus
    .join('\n')
    .split(/[。！？!?；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');

  it('is read in bounded windows that cover it, cut at clause marks', () => {
    const doc = new Doc(run, 'run.txt');
    expect(doc.text.length).toBeGreaterThan(10 * MAX_WINDOW);
    let at = 0;
    for (const s of doc.sentences) {
      expect(s.start).toBe(at);
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_WINDOW);
      expect(s.run).toEqual({ start: 0, end: doc.text.length });
      at = s.end;
      if (s.end < doc.text.length) expect(doc.text[s.end - 1]).toMatch(/[,，:：、\s]/);
    }
    expect(at).toBe(doc.text.length);
  });

  it('gives each record a bounded context around its span, marked … where cut', () => {
    const { records } = extractText(run);
    const text = new Doc(run, 'run.txt').text; // normalized: contexts are
    expect(records.length).toBeGreaterThan(200);
    for (const r of records) {
      const body = r.context.replace(/^…/, '').replace(/…$/, '');
      expect(r.context.length).toBeLessThanOrEqual(2 * CONTEXT_SIDE + r.text.length + 2);
      expect(body).toContain(r.text);
      // a cut context starts after a clause mark or within the sentence, and ends before one
      if (r.start > CONTEXT_SIDE) expect(r.context.startsWith(ELLIPSIS)).toBe(true);
      expect(text.includes(body)).toBe(true);
    }
    // the cut moves to a clause mark when one is near: most contexts start a clause
    const cut = records.filter((r) => r.context.startsWith(ELLIPSIS));
    const atClause = cut.filter((r) => /[,，:：]$/.test(text.slice(0, text.indexOf(r.context.slice(1).replace(/…$/, '')))));
    expect(atClause.length).toBeGreaterThan(cut.length * 0.9);
  });

  it('a short sentence is its context whole, a long one is cut', () => {
    const short = '全市完成固定资产投资161.2亿元,同比增长7.3%。';
    expect(extractText(short).records.map((r) => r.context)).toEqual([short, short]);
    const long = '全市完成固定资产投资161.2亿元,' + '基础设施建设加快推进,'.repeat(Math.ceil(CONTEXT_SENTENCE / 11)) + '同比增长7.3%。';
    const [amount, percentage] = extractText(long).records;
    expect(amount!.context).toBe(long.slice(0, amount!.context.length - 1) + ELLIPSIS);
    expect(percentage!.context.startsWith(ELLIPSIS + '基础设施')).toBe(true);
    expect(percentage!.context.endsWith('同比增长7.3%。')).toBe(true);
  });
});
