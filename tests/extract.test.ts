import { describe, it, expect } from 'vitest';
import { ofType } from './helpers.js';

describe('amounts', () => {
  it('reads the units, qualifiers and values bulletins use', () => {
    const a = ofType('1-8月份,全市完成固定资产投资161.2亿元,总投资近4000亿元,争取资金超过3千万元。', 'amount');
    expect(a.map((r) => [r.text, r.value, r.unit, r.qualifier])).toEqual([
      ['161.2亿元', 16120000000, '亿元', 'exact'],
      ['近4000亿元', 400000000000, '亿元', 'under'],
      ['超过3千万元', 30000000, '千万元', 'over'],
    ]);
    expect(a[0]!.subject).toBe('固定资产投资');
  });
  it('reads Chinese numerals, ranges and trailing qualifiers', () => {
    const a = ofType('计划投资两亿元,另有一千二百三十四万元;总额10-20亿元,预计3至5亿元,约1.2万亿元,100亿元左右,10亿元以上。', 'amount');
    expect(a.map((r) => [r.value, r.min, r.max, r.qualifier])).toEqual([
      [2e8, null, null, 'exact'],
      [12340000, null, null, 'exact'],
      [null, 1e9, 2e9, 'range'],
      [null, 3e8, 5e8, 'range'],
      [1.2e12, null, null, 'approx'],
      [1e10, null, null, 'approx'],
      [1e9, null, null, 'over'],
    ]);
  });
  it('knows currencies, and a document currency carries to later bare 元 amounts', () => {
    const a = ofType('预算新台币2229.5亿元,其中建设经费300亿元。另引进外资5000万美元,港币3亿元。', 'amount');
    expect(a.map((r) => r.currency)).toEqual(['TWD', 'TWD', 'USD', 'HKD']);
    expect(a[2]!.value).toBe(5e7);
  });
  it('does not take quantities without a currency', () => {
    expect(ofType('新增耕地1.2万亩,接待游客4000万人次,储能50GWh。', 'amount')).toEqual([]);
  });
  it('reads 余 and 多 between number and unit', () => {
    const a = ofType('完成投资50余亿元,带动3000多万元。', 'amount');
    expect(a.map((r) => [r.value, r.qualifier])).toEqual([[5e9, 'over'], [3e7, 'over']]);
  });
});

describe('a unit shared by a list of numbers (SPEC 3)', () => {
  it('gives each number the unit of the last one, with its multiplier', () => {
    const a = ofType('城区和陵川县分别完成投资47.2和11.1亿元,分别为3、5和8千万元。', 'amount');
    expect(a.map((r) => [r.text, r.value, r.unit])).toEqual([
      ['47.2', 4.72e9, '亿元'], ['11.1亿元', 1.11e9, '亿元'], ['3', 3e7, '千万元'], ['5', 5e7, '千万元'], ['8千万元', 8e7, '千万元'],
    ]);
    const p = ofType('增速分别比全国和全省平均水平高14.2和10.5个百分点。', 'percentage');
    expect(p.map((r) => [r.text, r.value, r.unit])).toEqual([['14.2', 14.2, 'point'], ['10.5个百分点', 10.5, 'point']]);
  });
});

describe('percentages', () => {
  it('reads percent, points and multiples with direction and basis', () => {
    const p = ofType('全市完成固定资产投资161.2亿元,完成全年序时进度63.7%,同比增长7.3%、高于全省平均水平3.8个百分点。房地产开发投资增长3.3倍,更新改造投资下降94.5%。', 'percentage');
    expect(p.map((r) => [r.value, r.unit, r.direction, r.basis])).toEqual([
      [63.7, 'percent', null, 'progress'],
      [7.3, 'percent', 'up', 'yoy'],
      [3.8, 'point', 'up', null],
      [3.3, 'times', 'up', 'yoy'],
      [94.5, 'percent', 'down', 'yoy'],
    ]);
  });

  it('carries a yoy cue forward in its paragraph to growth figures with no reference of their own (SPEC 3)', () => {
    const basis = (t: string) => ofType(t, 'percentage').map((r) => [r.text, r.basis]);
    expect(basis('全市投资同比增长29.6%。其中,第一产业投资增长33.9%,增幅比1—3月回落13.2个百分点,拉动全市投资增长2.9个百分点。\n制造业投资增长5%。')).toEqual([
      ['29.6%', 'yoy'], ['33.9%', 'yoy'], ['13.2个百分点', null], ['2.9个百分点', null], ['5%', null],
    ]);
    // a target is no measured change; 比上年全年 is no yoy cue
    expect(basis('1-9月投资同比增长3.2%。下一步,力争全年投资增长7%左右。')).toEqual([['3.2%', 'yoy'], ['7%左右', null]]);
    // only a yoy cue carries; a two-year average is no yoy
    expect(basis('全市投资同比增长5.2%,两年平均增长5.1%,增速比上月回落0.5个百分点。分领域看,工业投资增长10.1%。')).toEqual([
      ['5.2%', 'yoy'], ['5.1%', null], ['0.5个百分点', 'mom'], ['10.1%', 'yoy'],
    ]);
    expect(basis('投资增长18.2%,增幅分别比上年同期、上年全年提高3.0和1.6个百分点。')).toEqual([
      ['18.2%', null], ['3.0', 'yoy'], ['1.6个百分点', null],
    ]);
  });

  it('a widening decline is down; a qualifier before a list holds for the list', () => {
    const p = ofType('新开工项目数同比下降14.4%,降幅与上年同期相比扩大了4.2个百分点。两者分别占总工程费用比重约50%和35%。', 'percentage');
    expect(p.map((r) => [r.text, r.direction, r.qualifier])).toEqual([
      ['14.4%', 'down', 'exact'], ['4.2个百分点', 'down', 'exact'], ['约50%', null, 'approx'], ['35%', null, 'approx'],
    ]);
  });

  it('reads a share and its levels, and growth rates after a share word', () => {
    const p = ofType('项目投资1543亿元,同比增长22.2%,占比由上年同期的63%提高到65.1%,其中占比最大的交通运输业、水利业分别增长35.2%和31.8%。', 'percentage');
    expect(p.map((r) => [r.text, r.basis])).toEqual([
      ['22.2%', 'yoy'], ['63%', 'share'], ['65.1%', 'share'], ['35.2%', 'yoy'], ['31.8%', 'yoy'],
    ]);
  });
  it('reads 百分之 numerals and ranges', () => {
    const p = ofType('利用率达到百分之十二点五,增速保持在5%-8%,占比约30%。', 'percentage');
    expect(p.map((r) => [r.value, r.min, r.max, r.qualifier])).toEqual([
      [12.5, null, null, 'exact'],
      [null, 5, 8, 'range'],
      [30, null, null, 'approx'],
    ]);
    expect(p[2]!.basis).toBe('share');
  });
});

describe('subjects', () => {
  it('take the measured phrase and carry it along the sentence', () => {
    const recs = ofType('1-8月份,全市完成固定资产投资161.2亿元,完成全年序时进度63.7%,同比增长7.3%、高于全省平均水平3.8个百分点。', 'percentage');
    expect(recs.map((r) => r.subject)).toEqual(['固定资产投资', '固定资产投资', '固定资产投资']);
  });
  it('peel counts, lists and lead verbs', () => {
    const a = ofType('截至8月份,省市级82个重点项目累计完成投资55亿元。全年累计争取上级政策性资金238.6亿元。绿色建材、生物医药、高端装备等制造业项目完成投资49.4亿元。', 'amount');
    expect(a.map((r) => r.subject)).toEqual(['累计完成投资', '上级政策性资金', '制造业项目完成投资']);
  });
  it('is null when the sentence names nothing measured', () => {
    expect(ofType('较常规流程压缩70%。', 'percentage')[0]!.subject).toBeNull();
  });
});

describe('statistical-communiqué style sentences', () => {
  const text =
    '全年全省地区生产总值GDP53850.8亿元,比上年增长5.5%。其中,第一产业增加值4452.8亿元,增长4.1%;' +
    '进出口总额5102.5亿元,下降3.2%。实际使用外资12.3亿美元。居民消费价格比上年上涨0.2%,涨幅比全国低0.1个百分点。' +
    '一般公共预算收入完成3200亿元,同比增长8%,完成预算的95.6%。第三产业增加值占地区生产总值的比重为55.2%。';
  it('finds every amount with its currency and unit', () => {
    const a = ofType(text, 'amount');
    expect(a.map((r) => [r.value, r.currency, r.unit])).toEqual([
      [5385080000000, 'CNY', '亿元'],
      [445280000000, 'CNY', '亿元'],
      [510250000000, 'CNY', '亿元'],
      [1230000000, 'USD', '亿美元'],
      [320000000000, 'CNY', '亿元'],
    ]);
  });
  it('gives each percentage its direction and basis', () => {
    const p = ofType(text, 'percentage');
    expect(p.map((r) => [r.value, r.unit, r.direction, r.basis])).toEqual([
      [5.5, 'percent', 'up', 'yoy'],
      // 其中 goes on with the figures of the sentence before, and ; joins the next to it: both share its 比上年
      [4.1, 'percent', 'up', 'yoy'],
      [3.2, 'percent', 'down', 'yoy'],
      [0.2, 'percent', 'up', 'yoy'],
      [0.1, 'point', 'down', null],
      [8, 'percent', 'up', 'yoy'],
      [95.6, 'percent', null, 'progress'],
      [55.2, 'percent', null, 'share'],
    ]);
  });
});

describe('more amount shapes', () => {
  it('reads 百余亿元, 数百亿元, 约合人民币 and ranges of full amounts', () => {
    const a = ofType('完成投资百余亿元,带动数百亿元,约合人民币3亿元,预算5000万元至1亿元。', 'amount');
    expect(a.map((r) => [r.value, r.min, r.max, r.qualifier, r.currency])).toEqual([
      [1e10, null, null, 'over', 'CNY'],
      [null, 1e10, 1e11, 'range', 'CNY'],
      [3e8, null, null, 'approx', 'CNY'],
      [null, 5e7, 1e8, 'range', 'CNY'],
    ]);
  });
});

describe('qualifier characters inside words', () => {
  it('the 约 of 签约 and 节约 is no qualifier', () => {
    const a = ofType('全市签约14亿元,节约资金5亿元,约3亿元。', 'amount');
    expect(a.map((r) => r.qualifier)).toEqual(['exact', 'exact', 'approx']);
  });
});
