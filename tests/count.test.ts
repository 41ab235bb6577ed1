// The count extractor (SPEC 3, count) on real bulletin sentences: those of the corpus and others written the
// way bulletins write them. Each case gives the counts expected in the sentence, in order; [] means none.
import { describe, it, expect } from 'vitest';
import { ofType } from './helpers.js';

interface Expected {
  text: string;
  value: number;
  unit?: string | null;
  noun?: string;
  category?: string | null;
  qualifier?: string;
}

function counts(sentence: string) {
  return ofType(sentence, 'count');
}

function check(sentence: string, expected: Expected[]) {
  const got = counts(sentence);
  expect(got.map((r) => [r.text, r.value])).toEqual(expected.map((e) => [e.text, e.value]));
  got.forEach((r, i) => {
    const e = expected[i]!;
    if (e.unit !== undefined) expect(r.unit, r.text).toBe(e.unit);
    if (e.noun !== undefined) expect(r.noun, r.text).toBe(e.noun);
    if (e.category !== undefined) expect(r.category, r.text).toBe(e.category);
    expect(r.qualifier, r.text).toBe(e.qualifier ?? 'exact');
  });
}

describe('count: the noun after the number', () => {
  it('counts with a classifier and a project noun', () => {
    check('截至目前,全市591个项目已经实现100%开复工,其中295个续建项目已在3月底前复工建设,较年初目标提前一个月;', [
      { text: '591个项目', value: 591, unit: '个', noun: '项目', category: 'started' },
      { text: '295个续建项目', value: 295, noun: '续建项目', category: 'continuing' },
    ]);
  });
  it('skips a 的-modifier phrase before the noun', () => {
    check('遴选100个投资体量大、带动效应强的市级重点项目,由市政府领导实行“一对一”包保推进机制。', [
      { text: '100个投资体量大、带动效应强的市级重点项目', value: 100, noun: '市级重点项目', category: 'key' },
    ]);
  });
  it('reads a scale phrase with a number inside the noun', () => {
    check('SK海力士晶圆封装等34个50亿元级项目加速落地。', [
      { text: '34个50亿元级项目', value: 34, noun: '50亿元级项目', category: 'key' },
    ]);
  });
  it('takes 条 and the status in the noun', () => {
    check('对6条在建高速公路项目进行督查督导。', [
      { text: '6条在建高速公路项目', value: 6, unit: '条', noun: '在建高速公路项目', category: 'continuing' },
    ]);
  });
  it('gives a level written before the number to the noun', () => {
    check('截至8月份,省市级82个重点项目累计完成投资55亿元,同比增长18.1%。', [
      { text: '82个重点项目', value: 82, noun: '省市级重点项目', category: 'key' },
    ]);
  });
  it('lets coordinated counts share the noun of the last one', () => {
    check('紧盯17个列省、354个市级重大产业项目,每周调度省、市重大项目建设进展。', [
      { text: '17个列省', value: 17, noun: '列省重大产业项目', category: 'key' },
      { text: '354个市级重大产业项目', value: 354, noun: '市级重大产业项目', category: 'key' },
    ]);
  });
  it('reads a qualifier after the classifier and a multiplier in the number', () => {
    check('年内策划包装10个以上省级重点项目,储备项目总投资不低于200亿元。', [
      { text: '10个以上省级重点项目', value: 10, noun: '省级重点项目', category: 'reserve', qualifier: 'over' },
    ]);
    check('全市共3000余个项目纳入项目库管理,其中近2万个项目已开工。', [
      { text: '3000余个项目', value: 3000, qualifier: 'over' },
      { text: '近2万个项目', value: 20000, category: 'started', qualifier: 'under' },
    ]);
  });
  it('reads the longest noun, up to its last head', () => {
    check('推进5个重点工程建设项目，总投资80亿元。', [
      { text: '5个重点工程建设项目', value: 5, noun: '重点工程建设项目', category: 'key' },
    ]);
  });
  it('a noun followed by a number of its own belongs to that number (分两批)', () => {
    check('分两批集中开工项目48个，总投资120亿元。', [
      { text: '集中开工项目48个', value: 48, unit: '个', noun: '集中开工项目', category: 'started' },
    ]);
  });
  it('a word after the head that only starts like a suffix (部分 vs 项目部)', () => {
    check('全市已有27个项目竣工投产，26个项目部分投产。', [
      { text: '27个项目', value: 27, noun: '项目', category: 'completed' },
      { text: '26个项目', value: 26, noun: '项目' },
    ]);
  });
  it('a bare 百 or 千 after a qualifier, but not as a name', () => {
    check('全市近百个项目集中开工，逾千个项目完成投资。', [
      { text: '近百个项目', value: 100, category: 'started', qualifier: 'under' },
      { text: '逾千个项目', value: 1000, qualifier: 'over' },
    ]);
    check('推进“百个项目”建设。', []);
  });
  it('an adverb before the count is not a scale word of the noun', () => {
    check('重点支持老旧小区改造、公共卫生补短板等58个民生项目。', [
      { text: '58个民生项目', value: 58, noun: '民生项目', category: null },
    ]);
  });
});

describe('count: the noun before the number', () => {
  it('counts the noun written first, with the reserve verb outside the noun', () => {
    check('其中储备重大工程清单项目285个、全省排名第6位,储备央地合作清单项目261个、全省排名第5位。', [
      { text: '储备重大工程清单项目285个', value: 285, noun: '重大工程清单项目', category: 'reserve' },
      { text: '储备央地合作清单项目261个', value: 261, noun: '央地合作清单项目', category: 'reserve' },
    ]);
  });
  it('keeps status words written straight before the head, with a qualifier before the number', () => {
    check('全市各县区围绕省“一库四清单”谋划储备项目超过1300个、总投资近4000亿元。', [
      { text: '谋划储备项目超过1300个', value: 1300, noun: '谋划储备项目', category: 'reserve', qualifier: 'over' },
    ]);
  });
  it('reads 项 as a classifier and stops the noun at a time or a verb', () => {
    check('2月25日,玉溪市集中开工项目120项,投资总额163.5亿元。', [
      { text: '集中开工项目120项', value: 120, unit: '项', noun: '集中开工项目', category: 'started' },
    ]);
    check('截至3月18日,全市组织申报2020年地方专项债券项目51项。', [
      { text: '地方专项债券项目51项', value: 51, unit: '项', noun: '地方专项债券项目', category: null },
    ]);
  });
  it('drops a parenthesis and a list before 等 from the noun', () => {
    check('全市已获支持老旧管网改造、医疗提升、养老托育等中央预算内资金(含省本级)项目50个、获得资金14.2亿元;', [
      { text: '中央预算内资金(含省本级)项目50个', value: 50, noun: '中央预算内资金项目', category: null },
    ]);
  });
  it('reads the words between noun and number (数量, 共计, 达到)', () => {
    check('全省在库项目数量近5万个。', [{ text: '在库项目数量近5万个', value: 50000, noun: '在库项目', qualifier: 'under' }]);
    check('全市1至10月新开工5000万元以上产业项目达到213个，比上年同期增加35个。', [
      { text: '新开工5000万元以上产业项目达到213个', value: 213, category: 'new' },
    ]);
  });
  it('施工项目 are projects under construction', () => {
    check('1-9月，全市共有施工项目3256个，比上年同期增加156个，其中本年新开工项目1852个。', [
      { text: '施工项目3256个', value: 3256, noun: '施工项目', category: 'continuing' },
      { text: '新开工项目1852个', value: 1852, noun: '新开工项目', category: 'new' },
    ]);
  });
  it('统计公报 forms: 施工个数, a scale before a status word', () => {
    check('全市500万元及以上项目施工个数1856个。', [
      { text: '500万元及以上项目施工个数1856个', value: 1856, noun: '500万元及以上项目', category: 'continuing' },
    ]);
    check('1-11月，全市亿元以上在建项目达到1153个，同比增加86个，增长8.1%。', [
      { text: '亿元以上在建项目达到1153个', value: 1153, noun: '亿元以上在建项目', category: 'continuing' },
    ]);
  });
  it('a label and its number apart: spaces, a colon, a list number before the label', () => {
    check('新开工项目 26 个，续建项目　30 个。', [
      { text: '新开工项目 26个', value: 26, noun: '新开工项目', category: 'new' },
      { text: '续建项目　30个', value: 30, noun: '续建项目', category: 'continuing' },
    ]);
    check('（一）新开工项目：26个。', [{ text: '新开工项目：26个', value: 26, noun: '新开工项目', category: 'new' }]);
  });
  it('a status word between noun and number is said of the noun', () => {
    check('一季度，全市重点项目开工120个，开工率65%。', [
      { text: '重点项目开工120个', value: 120, noun: '重点项目', category: 'started' },
    ]);
  });
  it('a status word in the noun comes before a scale word', () => {
    check('前7月宿迁新开工重大产业项目219个,项目平均单体规模为4.7亿元;新竣工项目160个,完成投资729.5亿元。', [
      { text: '新开工重大产业项目219个', value: 219, noun: '新开工重大产业项目', category: 'new' },
      { text: '新竣工项目160个', value: 160, noun: '新竣工项目', category: 'completed' },
    ]);
  });
  it('a status or scale word before 的 describes the noun', () => {
    check('重点推进投资亿元以上的项目126个。', [{ text: '项目126个', value: 126, category: 'key' }]);
  });
});

describe('count: the noun elided', () => {
  it('a status word before the number in a sentence about projects', () => {
    check('完成省级签约项目6个、签约金额283亿元,已开工项目2个;市级签约14个、签约金额38亿元,已开工项目7个。', [
      { text: '省级签约项目6个', value: 6, noun: '省级签约项目', category: 'signed' },
      { text: '已开工项目2个', value: 2, noun: '已开工项目', category: 'started' },
      { text: '市级签约14个', value: 14, noun: '市级签约项目', category: 'signed' },
      { text: '已开工项目7个', value: 7, noun: '已开工项目', category: 'started' },
    ]);
    check('全市共实施项目300个。其中，新开工85个、续建120个、竣工30个。', [
      { text: '项目300个', value: 300, noun: '项目', category: null },
      { text: '新开工85个', value: 85, noun: '新开工项目', category: 'new' },
      { text: '续建120个', value: 120, noun: '续建项目', category: 'continuing' },
      { text: '竣工30个', value: 30, noun: '竣工项目', category: 'completed' },
    ]);
  });
  it('a level after a count of the same sentence', () => {
    check('全省共有国家级重点项目12个、省级重点项目230个、市级560个。', [
      { text: '国家级重点项目12个', value: 12, noun: '国家级重点项目', category: 'key' },
      { text: '省级重点项目230个', value: 230, noun: '省级重点项目', category: 'key' },
      { text: '市级560个', value: 560, noun: '市级重点项目', category: 'key' },
    ]);
  });
  it('no project in the sentence: no count', () => {
    check('全市新签约14个，签约金额38亿元。', []);
  });
});

describe('count: nouns and numbers paired by 分别', () => {
  it('pairs a list of nouns with a list of numbers, in order', () => {
    check('新开工、续建项目分别为30个、50个。', [
      { text: '30个', value: 30, noun: '新开工项目', category: 'new' },
      { text: '50个', value: 50, noun: '续建项目', category: 'continuing' },
    ]);
    check('全市新开工项目和竣工项目分别为120个和85个。', [
      { text: '120个', value: 120, noun: '新开工项目', category: 'new' },
      { text: '85个', value: 85, noun: '竣工项目', category: 'completed' },
    ]);
    check('省级、市级重点项目分别达到12个、35个。', [
      { text: '达到12个', value: 12, noun: '省级重点项目', category: 'key' },
      { text: '35个', value: 35, noun: '市级重点项目', category: 'key' },
    ]);
  });
  it('numbers sharing the last classifier', () => {
    check('其中工业、服务业项目分别为30、50个。', [
      { text: '30', value: 30, unit: '个', noun: '工业项目', category: null },
      { text: '50个', value: 50, unit: '个', noun: '服务业项目', category: null },
    ]);
  });
  it('not when a listed noun is no project', () => {
    check('全市企业、项目分别为12个、30个。', []);
    check('两项指标分别增长5%和8%。', []);
  });
});

describe('count: the status the sentence gives', () => {
  it('after the count, in the same clause', () => {
    check('本溪满族自治县7亿元燕兴世福地产、高新区2.5亿元成大疫苗三期等26个亿元以上项目开工建设并纳入统计口径。', [
      { text: '26个亿元以上项目', value: 26, noun: '亿元以上项目', category: 'started' },
    ]);
    check('3月13日上午,红塔区16个建设项目在红塔工业园区集中开工,总投资达30.86亿元。', [
      { text: '16个建设项目', value: 16, category: 'started' },
    ]);
  });
  it('not from another clause, nor from a noun such as 开工率 or 完成投资', () => {
    check('聘请智库团队,谋划项目511个,其中百亿级项目21个。', [
      { text: '谋划项目511个', value: 511, category: 'reserve' },
      { text: '百亿级项目21个', value: 21, category: 'reserve' },
    ]);
    check('新开工项目26个,开工率89.7%,竣工项目10个,转化项目8个。', [
      { text: '新开工项目26个', value: 26, category: 'new' },
      { text: '竣工项目10个', value: 10, category: 'completed' },
      { text: '转化项目8个', value: 8, noun: '转化项目', category: null },
    ]);
    check('全市126个重点项目累计完成投资55亿元。', [{ text: '126个重点项目', value: 126, category: 'key' }]);
  });
  it('before a noun written after the number', () => {
    check('全区开工建设16个项目，总投资30亿元。', [{ text: '16个项目', value: 16, category: 'started' }]);
  });
});

describe('count: what is not a count of projects', () => {
  it.each([
    ['enterprises and institutions', '首批入驻中科院计算技术研究所等12家科研机构,落地人工智能芯片研发中心等前沿项目。'],
    ['clusters', '结合央地合作、13个产业集群、三类资源以及年内可再争取的专项资金等方向,积极储备一批高质量建设项目。'],
    ['roads by length', '农村公路建设再掀高潮,全县开工建设农村公路60条103.52公里。'],
    ['months and percentage points', '确保项目资金3个月内形成实物工作量,开工率提高5个百分点。'],
    ['a change in a number of projects', '新开工项目个数同比增加20个，增长15%。'],
    ['a change after a comparison', '全市累计开工项目较上年同期多出15个。'],
    ['an indefinite 一个 and 一批', '落实“一个项目、一名区级领导、一套班子、一抓到底”的工作机制,推动一批重点项目落地。'],
    ['vague quantities', '全市谋划了上百个重大项目，推进数十个重点项目建设。'],
    ['ordinals', '第三批重点项目清单已经公布，每个项目都有专班。'],
    ['a range (a count is one integer)', '推动3-5个百亿级项目落地。'],
    ['slogans of numbers', '以省级“三个一百”工业重点项目为抓手,聚焦十大重点行业投资。'],
    ['a project office, not a project', '全市有3个项目部获评优秀。'],
    ['project teams and lists', '组建12个项目服务专班，5个项目清单已经报送。'],
    ['a modifier with its own subject', '全国有12个省份实施的项目纳入了试点。'],
    ['counts of other things near projects', '15条重点产业链,编制13个领域三年行动方案,建立1个市级专班、3项绿色通道。'],
    ['households and area', '新建农村公路120公里，改造危房300户，征收土地12宗3200亩。'],
  ])('%s', (_what, sentence) => {
    expect(counts(sentence).map((r) => r.text)).toEqual([]);
  });
  it('other things counted with 项 after a count of projects', () => {
    check('296个新开工项目中879项前期工作已在8月底前全部办结。', [
      { text: '296个新开工项目', value: 296, category: 'new' },
    ]);
  });
});

describe('count: spans and input artefacts', () => {
  it('reads traditional text with pinyin annotations, with offsets into the original', () => {
    const text = '新開工項(xiàng)目26個,竣工項(xiàng)目10個。';
    const got = counts(text);
    expect(got.map((r) => [r.text, r.value, r.category])).toEqual([
      ['新开工项目26个', 26, 'new'],
      ['竣工项目10个', 10, 'completed'],
    ]);
    expect(text.slice(got[0]!.start, got[0]!.end)).toBe('新開工項(xiàng)目26個');
  });
  it('never crosses a garbled span', () => {
    expect(counts('全市新开工项\uFFFD26个，竣工项目10个。').map((r) => r.text)).toEqual(['竣工项目10个']);
  });
});

describe('count: negation, 新签 and size brackets', () => {
  it('a negated status gives no category', () => {
    expect(counts('另有6个项目因用地、环评等原因尚未开工。').map((r) => [r.value, r.category])).toEqual([[6, null]]);
  });
  it('新签 before the noun says signed', () => {
    expect(counts('全年新签外商直接投资项目263个。').map((r) => [r.value, r.category])).toEqual([[263, 'signed']]);
  });
  it('a bracket of sizes is a scale', () => {
    expect(counts('其中,10亿元以上项目6个,5亿元至10亿元项目11个。').map((r) => [r.value, r.category])).toEqual([
      [6, 'key'],
      [11, 'key'],
    ]);
  });
});

describe('count: status words and their scope (SPEC 3 as amended)', () => {
  it('a 其中-subset takes the status of the count it belongs to, before its scale word', () => {
    check('全年新开工项目1486个,比上年增加93个,其中计划总投资亿元以上项目412个。', [
      { text: '新开工项目1486个', value: 1486, category: 'new' },
      { text: '计划总投资亿元以上项目412个', value: 412, category: 'new' },
    ]);
    check('当天集中开工的31个重点工业项目中,有两个重点工业项目投资最多。', [
      { text: '31个重点工业项目', value: 31, category: 'started' },
      { text: '两个重点工业项目', value: 2, category: 'started' },
    ]);
  });
  it('a status given to a list of named projects closed by 等', () => {
    check('新开工建设甲乙铁路、丙丁水系连通工程、戊己显示项目等133个项目。', [
      { text: '133个项目', value: 133, category: 'new' },
    ]);
  });
  it('前期 and 策划 are reserve, 拟开工 and 计划开工 new, 签订 signed; two statuses in the noun are none', () => {
    check('重大前期项目1个,项目总投资8亿元。', [{ text: '重大前期项目1个', value: 1, category: 'reserve' }]);
    check('近期拟开工项目2个。', [{ text: '拟开工项目2个', value: 2, category: 'new' }]);
    check('共签订投资额3000万元以上的正式合同项目750个。', [{ text: '合同项目750个', value: 750, category: 'signed' }]);
    check('15个续建及竣工项目,一季度完成投资10.93亿元。', [{ text: '15个续建及竣工项目', value: 15, category: null }]);
  });
  it('nothing carries over from an earlier sentence', () => {
    check('谋划储备项目826个。这8个项目总投资50亿元。', [
      { text: '谋划储备项目826个', value: 826, category: 'reserve' },
      { text: '8个项目', value: 8, category: null },
    ]);
  });
});

describe('count: shapes of real bulletins', () => {
  it('a count whose noun is the whole the sentence divides, or a size band', () => {
    check('共完成项目开发80个,占年任务的133.3%,其中投资亿元以上18个,比上年增加3个。', [
      { text: '亿元以上18个', value: 18, category: 'key' },
    ]);
    check('城乡建设指挥部:项目23项,未达序时进度2项。', [
      { text: '项目23项', value: 23, unit: '项' },
      { text: '未达序时进度2项', value: 2, unit: '项' },
    ]);
    check('全市新签约产业项目中,战略性新兴产业43个、现代服务业项目40个。', [
      { text: '战略性新兴产业43个', value: 43, category: 'signed' },
      { text: '现代服务业项目40个', value: 40, category: 'signed' },
    ]);
    check('工程项目合共有600个,当中有70个需要追加拨款。', [
      { text: '工程项目合共有600个', value: 600 },
      { text: '70个', value: 70 },
    ]);
    // no whole to divide: a bare number of other things
    check('全市实施项目300个。涉及县区15个。', [{ text: '实施项目300个', value: 300 }]);
    // places in a list after a total: each counts the total's projects
    check('全省集中开工项目300个,其中甲市45个、乙市30个,涉及县区15个。', [
      { text: '集中开工项目300个', value: 300, category: 'started' },
      { text: '甲市45个', value: 45, noun: '集中开工项目', category: 'started' },
      { text: '乙市30个', value: 30, noun: '集中开工项目', category: 'started' },
    ]);
  });
  it('nouns with a quoted term, a verb before a noun, a provincial list', () => {
    check('争取12个“两重”超长期特别国债资金项目支持资金10.1亿元。', [{ text: '12个“两重”超长期特别国债资金项目', value: 12 }]);
    check('等5个新材料相关领域项目集中签约落户。', [{ text: '5个新材料相关领域项目', value: 5, category: 'signed' }]);
    check('安排15个省列重大项目。', [{ text: '15个省列重大项目', value: 15, category: 'key' }]);
    check('列入省重点项目的有25个。', [{ text: '省重点项目的有25个', value: 25, category: 'key' }]);
    // ten fiscal years of projects, not ten projects
    check('审视2003-04年至2012-13年十个年度甲级工程项目的情况。', []);
    // a verb after a noun starts the predicate, not the noun: 五个着力点 are no projects
    check('围绕“五个着力点”统筹推进项目建设。', []);
  });
  it('other classifiers and heads: 件, 处, and 项 with 基建, or 计画 in traditional text', () => {
    check('工程计32件,两处控制性工程。', [
      { text: '工程计32件', value: 32, unit: '件' },
      { text: '两处控制性工程', value: 2, unit: '处' },
    ]);
    check('推进9项水资源开发计画。', [{ text: '9项水资源开发计画', value: 9 }]);
    check('縣府提出5項計畫,推動五項基建。', [
      { text: '5项计画', value: 5, unit: '项' },
      { text: '五项基建', value: 5, unit: '项' },
    ]);
    check('开展三项计划。', []);
    // a headline's number with no classifier: unit null; not 一 (an article)
    check('四工程項目減預算六點一億', [{ text: '四工程项目', value: 4, unit: null }]);
    check('一项目建成投产。', []);
  });
});
