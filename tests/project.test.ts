// Named projects (SPEC 3, project) and their links: sentences from the corpus and bulletin-like sentences
// written for these tests, for each shape the extractor reads and for the ones that must give no project.
import { describe, it, expect } from 'vitest';
import { extractText } from '../src/pipeline.js';
import { ofType } from './helpers.js';

const names = (text: string) => ofType(text, 'project').map((r) => r.name);

/** Projects with the texts of their linked amounts, their location and status. */
function linked(text: string) {
  const { records } = extractText(text);
  const byId = new Map(records.map((r) => [r.id, r]));
  return records
    .filter((r) => r.type === 'project')
    .map((r) => {
      if (r.type !== 'project') throw new Error('unreachable');
      return { name: r.name, location: r.location, status: r.status, amounts: r.amount_ids.map((id) => byId.get(id)?.text) };
    });
}

describe('projects: lists before 等…项目', () => {
  it('takes every name of the list, whatever qualifies the 项目', () => {
    expect(names('北营料场环保改造、绿色矿山提效等本钢集团项目加快建设进度。')).toEqual(['北营料场环保改造', '绿色矿山提效']);
    expect(names('沪昆高铁扩能改造工程、成渝中线高铁等重大项目加快推进。')).toEqual(['沪昆高铁扩能改造工程', '成渝中线高铁']);
    expect(names('此外,包括本钢资源综合利用发电工程、大唐共享储能电站、中化绿色原料药等一批重点项目洽谈顺利。')).toEqual([
      '本钢资源综合利用发电工程', '大唐共享储能电站', '中化绿色原料药',
    ]);
  });
  it('reads lists of names each opened by its investment, up to 以及 and the last 项目', () => {
    const text = '投资50亿元的华晟高端轴承智能制造基地项目、总投资32亿元的金沙湾国际会展中心以及总投资约9亿元的区人民医院新院区项目备受关注。';
    expect(linked(text).map((p) => [p.name, p.amounts])).toEqual([
      ['华晟高端轴承智能制造基地项目', ['50亿元']],
      ['金沙湾国际会展中心', ['32亿元']],
      ['区人民医院新院区项目', ['约9亿元']],
    ]);
  });
  it('keeps a facility and its works joined by 及 as one name', () => {
    expect(names('县城第二水厂及配套管网工程完成投资5480万元。')).toEqual(['县城第二水厂及配套管网工程']);
  });
  it('does not read lists of areas or companies as projects', () => {
    expect(names('江北新区产业技术研创园、南京北站枢纽经济区等重点片区建设提速。')).toEqual([]);
    expect(names('发挥金龙机电、锂动芯等落地企业的乘数效应。')).toEqual([]);
  });
  it('splits the last two names at a conjunction', () => {
    expect(names('推进沈白高铁、本桓高速和徐大堡核电站等重点项目建设。')).toEqual(['沈白高铁', '本桓高速', '徐大堡核电站']);
  });
  it('cuts the first name after the verb or preposition that introduces the list', () => {
    expect(names('推动扩大滨河南路改造、辽东心脑血管医疗中心等项目有效投资。')).toEqual(['滨河南路改造', '辽东心脑血管医疗中心']);
    expect(names('举办银企对接会12场,推动金融机构为轨道交通5号线等105个项目授信277.6亿元。')).toEqual(['轨道交通5号线']);
    expect(names('妥善解决科创大厦、傲景观澜、洪庄四期等长期积压的历史遗留问题。')).toEqual(['科创大厦', '傲景观澜', '洪庄四期']);
  });
  it('reads names that carry a place and an amount, and gives them both', () => {
    const text =
      '本溪满族自治县7亿元燕兴世福地产、桓仁满族自治县109.6亿元大雅河抽水蓄能、高新区2.5亿元成大疫苗三期等26个亿元以上项目开工建设并纳入统计口径。';
    expect(linked(text)).toEqual([
      { name: '燕兴世福地产', location: '本溪满族自治县', status: 'started', amounts: ['7亿元'] },
      { name: '大雅河抽水蓄能', location: '桓仁满族自治县', status: 'started', amounts: ['109.6亿元'] },
      { name: '成大疫苗三期', location: '高新区', status: 'started', amounts: ['2.5亿元'] },
    ]);
    expect(linked('雄安新区20亿元容东片区安置房、高新区5亿元智能制造产业园等项目开工建设。').map((p) => [p.name, p.location])).toEqual([
      ['容东片区安置房', '雄安新区'],
      ['智能制造产业园', '高新区'],
    ]);
  });
  it('moves a place with an administrative suffix that opens a name to location', () => {
    expect(linked('天城县行政办公楼可研委托省工程咨询公司编制。').map((p) => [p.name, p.location])).toEqual([['行政办公楼', '天城县']]);
    expect(linked('广州白云国际机场三期扩建工程进展顺利。').map((p) => [p.name, p.location])).toEqual([['广州白云国际机场三期扩建工程', null]]);
  });
  it('points amount_ids at the ids of the amount records', () => {
    const { records } = extractText('平山区1.5亿元福耀硅砂、明山区1.9亿元太子河生态治理等项目开工建设。');
    const amounts = records.filter((r) => r.type === 'amount');
    const projects = records.filter((r) => r.type === 'project');
    expect(projects.map((p) => (p.type === 'project' ? p.amount_ids : []))).toEqual([[amounts[0]!.id], [amounts[1]!.id]]);
  });
});

describe('projects: sectors, programmes, organisations and anonymous projects are not projects', () => {
  it('gives no project for lists of sectors or kinds of work', () => {
    expect(names('绿色建材、生物医药、高端装备等制造业项目完成投资49.4亿元、同比增长4.6%。')).toEqual([]);
    expect(names('超低排放、数字化升级、绿色节能等技改项目完成投资32亿元。')).toEqual([]);
    expect(names('获支持交通、水利、冷链等专项债项目8个、获发行资金2.9亿元。')).toEqual([]);
    expect(names('促使房地产、商业新业态、金融等项目落户东部新城。')).toEqual([]);
    expect(names('积极争取专项债券额度,支持收费公路、产业园区基础设施、保障性住房等领域项目建设。')).toEqual([]);
    expect(names('争取中央预算内投资支持保障性安居工程、城镇老旧小区改造等项目。')).toEqual([]);
  });
  it('gives no project for programmes, campaigns and plans', () => {
    expect(names('持续深入开展“项目建设落实年”活动,紧盯全年投资目标任务。')).toEqual([]);
    expect(names('通过落实好“十四五”规划中期评估调整工作,结合央地合作积极储备项目。')).toEqual([]);
    expect(names('持续推进长江经济带生态环境保护修复,实施“十大工程”。')).toEqual([]);
    expect(names('把项目建设作为“一号工程”来抓,稳增长是一项系统工程。')).toEqual([]);
    expect(names('作为全省重点民心工程,农村饮水安全巩固提升工程惠及群众12万人。')).toEqual([]);
    expect(names('以省级“三个一百”工业重点项目为抓手,着力打造千亿级产业基地。')).toEqual([]);
    expect(names('加强基础设施建设,推进重大工程,实施乡村振兴示范工程。')).toEqual([]);
    expect(names('积极实施“菜篮子”工程、“村村通”工程。')).toEqual([]);
  });
  it('gives no project for organisations on their own, counts of facilities or anonymous projects', () => {
    expect(names('首批入驻中科院计算技术研究所等12家科研机构。')).toEqual([]);
    expect(names('中石化、国家电网等央企加大投资,市人民医院开展义诊活动。')).toEqual([]);
    expect(names('推行“多审合一”机制,金普新区某半导体项目从立项到开工仅用58天。')).toEqual([]);
    expect(names('全市新建5G基站3200个,改造老旧小区120个。')).toEqual([]);
    expect(names('全年新开工亿元以上项目3860个,续建项目5120个,竣工投产项目1400个。')).toEqual([]);
  });
});

describe('projects: names with heads', () => {
  it('finds names that end with a facility head, cut after the words that introduce them', () => {
    expect(names('金州湾国际机场T3航站楼完成钢结构封顶;生物医药产业引进上海联影医疗CT设备生产线。')).toEqual([
      '金州湾国际机场T3航站楼', '上海联影医疗CT设备生产线',
    ]);
    expect(names('装机8万千瓦的江边大桥电站正抓紧踏勘。')).toEqual(['江边大桥电站']);
    expect(names('京东方第10.5代TFT-LCD生产线项目正式量产。')).toEqual(['京东方第10.5代TFT-LCD生产线项目']);
    expect(names('宁波舟山港梅山港区6号至10号集装箱码头工程完成投资8.6亿元。')).toEqual(['宁波舟山港梅山港区6号至10号集装箱码头工程']);
  });
  it('keeps a section or phase with the name, and an action followed by 项目', () => {
    expect(names('近日,滇中引水工程玉溪段正式进入正洞施工。')).toEqual(['滇中引水工程玉溪段']);
    expect(names('引江济淮工程江淮沟通段已全面完工,引江济淮工程进入收尾阶段。')).toEqual(['引江济淮工程江淮沟通段', '引江济淮工程']);
    expect(names('东关街历史文化街区改造项目高标准开街运营。')).toEqual(['东关街历史文化街区改造项目']);
  });
  it('reads 、-lists whose names end with heads', () => {
    expect(names('弥师路、锁平高速公路征地拆迁工作已完成。')).toEqual(['弥师路', '锁平高速公路']);
    expect(names('合新高铁、宣绩高铁加快建设,巢马城际铁路全线贯通。')).toEqual(['合新高铁', '宣绩高铁', '巢马城际铁路']);
  });
  it('keeps measures, phases and line ends inside a name, and cuts visits and builders off', () => {
    expect(names('截至目前,白鹤滩至江苏±800千伏特高压直流输电工程累计完成投资185亿元。')).toEqual(['白鹤滩至江苏±800千伏特高压直流输电工程']);
    expect(names('加快推進廣州白雲國際機場三期擴建工程,總投資537.7億元。')).toEqual(['广州白云国际机场三期扩建工程']);
    expect(names('市长一行先后来到长沙机场改扩建工程现场调研。')).toEqual(['长沙机场改扩建工程']);
    expect(names('中国铁建十一局承建的渝昆高铁站前工程进展顺利。')).toEqual(['渝昆高铁站前工程']);
    expect(names('引江济淮工程建设管理局召开专题会议。')).toEqual([]);
  });
  it('keeps a brand joined by · and leaves the builder company out', () => {
    expect(names('碧桂园·天玺项目、万科·城市之光等房地产项目加快建设。')).toEqual(['碧桂园·天玺项目', '万科·城市之光']);
    expect(names('国家电投集团黄河上游水电开发有限责任公司龙羊峡水光互补光伏电站并网发电。')).toEqual(['龙羊峡水光互补光伏电站']);
  });
  it('reads numbered names and table rows', () => {
    expect(names('1.沈阳至白河高铁项目,总投资560亿元。')).toEqual(['沈阳至白河高铁项目']);
    expect(names('序号 项目名称 建设地点\n1 沈阳地铁4号线工程 沈阳市 180\n2 鞍山钢铁冷轧厂改造项目 鞍山市 35.6')).toEqual([
      '沈阳地铁4号线工程', '鞍山钢铁冷轧厂改造项目',
    ]);
  });
  it('takes a generic-looking name when the text gives its stage, or an ordinal', () => {
    expect(names('城市生活垃圾处理工程可研已上报省发改委。')).toEqual(['城市生活垃圾处理工程']);
    expect(names('县人民医院综合楼建设项目已完成主体工程。')).toEqual(['县人民医院综合楼建设项目']);
    expect(names('第二水厂扩建工程同步推进。')).toEqual(['第二水厂扩建工程']);
  });
  it('does not take kinds of projects, facilities at work, areas or times', () => {
    expect(names('港珠澳大桥已成为大湾区标志性工程。')).toEqual(['港珠澳大桥']);
    expect(names('萧山国际机场货邮吞吐量83万吨,北京大兴国际机场临空经济区发展迅速。')).toEqual([]);
    expect(names('全省高速公路通车里程突破8000公里,农村公路建设加快推进。')).toEqual([]);
    expect(names('玉溪市委、市政府举行全市2020年一季度建设项目集中开工仪式。')).toEqual([]);
    expect(names('一期工程完工后,将新增产能50万吨;二期工程加快建设。')).toEqual([]);
    expect(names('将打造东北亚最大的绿色能源储运基地。')).toEqual([]);
    expect(names('市第一人民医院开展义诊活动。')).toEqual([]);
    expect(names('全市应急指挥中心建成投用。')).toEqual(['应急指挥中心']);
  });
  it('reads traditional text, and an action before 工程', () => {
    expect(linked('桃園機場第三航廈新建工程預計2027年完工。')).toEqual([
      { name: '桃园机场第三航厦新建工程', location: null, status: null, amounts: [] },
    ]);
  });
  it('gives every name of a list the status said before it', () => {
    expect(linked('新建智能制造产业园项目、智慧物流园项目和数字经济产业园项目。').map((p) => [p.name, p.status])).toEqual([
      ['智能制造产业园项目', 'new'],
      ['智慧物流园项目', 'new'],
      ['数字经济产业园项目', 'new'],
    ]);
  });
  it('takes a bare 项目 only after a proper name', () => {
    expect(names('其中吉利汽车整车项目投资100亿元。')).toEqual(['吉利汽车整车项目']);
    expect(names('严格把好项目准入关口,杜绝产能过剩项目通过改头换面趁机上马。')).toEqual([]);
    expect(names('年产10万吨锂电池正极材料项目开工建设。')).toEqual(['年产10万吨锂电池正极材料项目']);
    expect(names('加快推进数字经济项目和新能源汽车项目建设。')).toEqual([]);
  });
  it('records one mention per occurrence', () => {
    expect(names('滇中引水工程玉溪段正式进入正洞施工。滇中引水工程玉溪段项目部成立了疫情防控领导小组。')).toEqual([
      '滇中引水工程玉溪段', '滇中引水工程玉溪段',
    ]);
  });
});

describe('projects: quoted names', () => {
  it('takes a quoted project name without its quotes', () => {
    expect(names('“竹浆纸一体化项目”前期工作进展顺利,《环境影响评价大纲》已通过专家评审。')).toEqual(['竹浆纸一体化项目']);
  });
});

describe('projects: links to amounts, location and status', () => {
  it('links the investment amount that follows a project standing alone in its sentence', () => {
    expect(linked('脚落沼煤矿完成投资741.17万元,占总投资的17.2%。')).toEqual([
      { name: '脚落沼煤矿', location: null, status: null, amounts: ['741.17万元'] },
    ]);
    expect(linked('其中浑河堤防加固工程获专项支持12亿元。')[0]!.amounts).toEqual(['12亿元']);
    expect(linked('总投资50亿元的华为云数据中心项目开工建设。')[0]).toEqual({
      name: '华为云数据中心项目', location: null, status: 'started', amounts: ['50亿元'],
    });
  });
  it('links an amount that opens a name to that name, not to the name before it', () => {
    expect(linked('投资12亿元建设宁德时代电池生产线,投资5亿元实施城北污水处理厂二期工程。').map((p) => [p.name, p.amounts])).toEqual([
      ['宁德时代电池生产线', ['12亿元']],
      ['城北污水处理厂二期工程', ['5亿元']],
    ]);
    expect(linked('1.沈阳至白河高铁项目,总投资560亿元,年度计划投资80亿元,目前已完成投资62亿元。')[0]!.amounts).toEqual([
      '560亿元', '80亿元', '62亿元',
    ]);
  });
  it('links the amount written in a parenthesis after the name', () => {
    expect(linked('重点推进沈白高铁(总投资560亿元)、本桓高速(总投资120亿元)等项目建设。').map((p) => [p.name, p.amounts])).toEqual([
      ['沈白高铁', ['560亿元']],
      ['本桓高速', ['120亿元']],
    ]);
  });
  it('links an amount written straight after the name', () => {
    expect(linked('签约项目包括华为数字能源总部项目12亿元、宁德时代电池生产线8亿元等。').map((p) => [p.name, p.amounts])).toEqual([
      ['华为数字能源总部项目', ['12亿元']],
      ['宁德时代电池生产线', ['8亿元']],
    ]);
  });
  it('links a bare amount in a parenthesis, and not the investment a project brings in', () => {
    expect(linked('获批项目包括将军澳跨湾连接路扩建工程(核准工程预算约82.4亿元)、东涌新市镇扩展区平整工程(约158亿元)。').map((p) => p.amounts)).toEqual([
      ['约82.4亿元'],
      ['约158亿元'],
    ]);
    expect(linked('云岭抽水蓄能电站总投资约86亿元,预计带动上下游产业投资10-20亿元。')[0]!.amounts).toEqual(['约86亿元']);
  });
  it('does not give a list member the amount that follows the list', () => {
    expect(linked('推动金融机构为轨道交通5号线等105个项目授信277.6亿元。')[0]!.amounts).toEqual([]);
    expect(linked('合新高铁、宣绩高铁完成投资30亿元。').map((p) => p.amounts)).toEqual([[], []]);
  });
  it('does not link amounts that are not investment (output, research spending)', () => {
    expect(linked('恒力聚酯园建成投产,年产值预计突破600亿元。')[0]!.amounts).toEqual([]);
  });
  it('gives the status the text says, and none for plans', () => {
    expect(linked('红河烟厂技改项目已基本完工。')[0]!.status).toBe('completed');
    expect(linked('新建龙母沟水库可研已通过州级评审。')[0]!.status).toBe('new');
    expect(linked('教育小镇、申通智慧物流、新能源智慧展厅等储备重点项目前期工作快速推进。').map((p) => p.status)).toEqual([
      'reserve', 'reserve', 'reserve',
    ]);
    expect(linked('华为数字能源总部项目签约落地。')[0]!.status).toBe('signed');
    expect(linked('竹浆纸一体化项目争取尽快获得核准,确保年内动工。')[0]!.status).toBeNull();
    expect(linked('确保虹溪排洪隧洞工程、西部连乡公路等工程如期完工。').map((p) => p.status)).toEqual([null, null]);
    expect(linked('新开工建设金鹰大厦、中央公园等项目。').map((p) => p.status)).toEqual(['new', 'new']);
    expect(linked('鄂州花湖机场正式投运,武汉至宜昌高铁开工建设。').map((p) => p.status)).toEqual(['completed', 'started']);
    expect(linked('本钢资源综合利用发电工程、大唐共享储能电站等一批重点项目洽谈顺利,实现签约指日可待。').map((p) => p.status)).toEqual([null, null]);
  });
});

describe('projects: garbled text', () => {
  it('makes no record that crosses or touches a garbled span', () => {
    const text = '巡检司至小龙?zhí)哆\\煤专用公路正抓紧开工前的准备工作;雷打滩水电站正抓紧浇筑。';
    const { document, records } = extractText(text);
    expect(document.warnings.some((w) => w.kind === 'garbled')).toBe(true);
    const projects = records.filter((r) => r.type === 'project');
    expect(projects.map((p) => p.text)).toEqual(['雷打滩水电站']);
  });
});

describe('project: compound names in lists', () => {
  it('keeps a facility and the action on it, and a head jieba tags as an adverb', () => {
    const names = (s: string) => ofType(s, 'project').map((r) => r.name);
    expect(names('此外,沈阳至白山高速公路沈阳段、浑南污水处理厂提标改造工程进展顺利。')).toEqual(['沈阳至白山高速公路沈阳段', '浑南污水处理厂提标改造工程']);
    expect(names('加快推进京港澳高速改扩建工程、新机场航站楼、长江大桥等重点项目建设。')).toEqual(['京港澳高速改扩建工程', '新机场航站楼', '长江大桥']);
  });
});

describe('project: a place the document also leaves off the name', () => {
  it('moves the prefix to location when the bare name appears too', () => {
    const recs = ofType('新哨夸竹褐煤开发项目正抓紧编制规划。抓紧做好竹浆纸一体化、夸竹褐煤开发等项目的前期工作。', 'project');
    expect(recs.map((r) => [r.name, r.location])).toEqual([
      ['夸竹褐煤开发项目', '新哨'],
      ['竹浆纸一体化', null],
      ['夸竹褐煤开发', null],
    ]);
  });
  it('leaves a name alone when no shorter mention backs the split', () => {
    expect(ofType('新哨夸竹褐煤开发项目正抓紧编制规划。', 'project').map((r) => [r.name, r.location])).toEqual([['新哨夸竹褐煤开发项目', null]]);
  });
});

// Shapes of real bulletins (issue 14); the sentences are written for these tests, of the same shapes.
describe('projects: the left edge in real bulletins', () => {
  it('leaves out verbs of speech, attention and counting before a name, and a status word', () => {
    expect(names('多位委员关注东湖隧道扩建工程的具体进度。')).toEqual(['东湖隧道扩建工程']);
    expect(names('本批共有南坪物流园标准化仓库二期、北岸污水处理厂等8个项目。')).toEqual(['南坪物流园标准化仓库二期', '北岸污水处理厂']);
    expect(names('建成投产清江至平安铁路北段、环湖公路东段等12个项目。')).toEqual(['清江至平安铁路北段', '环湖公路东段']);
  });
  it('keeps a modifier jieba tags as a time word inside a name (年产…现代钢铁基地)', () => {
    expect(names('县政府与宏达集团签约的年产300万吨现代钢铁基地项目总投资80亿元。')).toEqual(['年产300万吨现代钢铁基地项目']);
  });
  it('reads a facility with its action (扩容, 重建, 完善) as one name', () => {
    expect(names('河东污水处理厂扩容项目进展顺利。')).toEqual(['河东污水处理厂扩容项目']);
  });
  it('gives no name for a kind of works, its costs or its department', () => {
    expect(names('希望当局可检讨相关工程减幅是否可减少。')).toEqual([]);
    expect(names('其中农村饮水安全工程方面3个项目。')).toEqual([]);
    expect(names('两者分别占总工程费用比重约50%和35%。')).toEqual([]);
    expect(names('4.滨江新城建设工作指挥部：项目12项。')).toEqual([]);
    expect(names('节能、循环经济及资源节约等项目。')).toEqual([]);
  });
});

describe('projects: names opened by their investment', () => {
  it('takes what follows 投资…元的 as the name, whatever its head, up to the next item or what is said of it', () => {
    expect(names('签约项目分别为投资8000万元的华丰工业园,投资1亿2千万元的长兴塑料助剂项目。')).toEqual(['华丰工业园', '长兴塑料助剂项目']);
    expect(names('开工项目有总投资3.1亿元的港兴电力二期新型节能变压器、总投资1.8亿元的金川实业有限公司冶金阀门等。')).toEqual([
      '港兴电力二期新型节能变压器', '金川实业有限公司冶金阀门',
    ]);
    expect(names('总投资12亿元的宏达轮胎二期项目等建设有序推进。')).toEqual(['宏达轮胎二期项目']);
    expect(names('加快总投资96亿元的东河灌区工程建设。')).toEqual(['东河灌区工程']);
  });
  it('keeps a phase in brackets with the name', () => {
    expect(names('一个是总投资5亿元的清源水泥综合利用及处置危废项目(一期)。')).toEqual(['清源水泥综合利用及处置危废项目(一期)']);
  });
});

describe('projects: what real pages hold besides names', () => {
  it('gives no name for the parts of a project, a counted kind, a venue or an address', () => {
    expect(names('项目主要建设50万吨/年石灰生产线、30万吨/年骨料生产线。')).toEqual([]);
    expect(names('完成2所乡镇卫生院主体工程建设。')).toEqual([]);
    expect(names('重大项目签约仪式在江城国际宾馆举行。')).toEqual([]);
    expect(names('地址:北京市东城区东长安街15号新闻大厦5层')).toEqual([]);
  });
  it('reads a numbered line, an institution the text says is built, and a first name after 的和', () => {
    expect(names('其中,3号线正抓紧铺轨。')).toEqual(['3号线']);
    expect(names('工业方面:宏图实业建成产学研合作研发中心。')).toEqual(['产学研合作研发中心']);
    expect(names('投资6100万元的和平公路升级改造等项目完成年度任务。')).toEqual(['和平公路升级改造']);
  });
  it('leaves out a pinyin annotation the normalizer kept for its space', () => {
    expect(names('新开工建设长安(ān )汽车总装基地等项目。')).toEqual(['长安汽车总装基地']);
  });
});

describe('projects: Taiwan, Hong Kong and Macau usage', () => {
  it('reads a works action + 計畫/計劃 as one project in traditional text, with its phase, and one action on two facilities', () => {
    expect(names('另一項大型計畫為高達9億餘元的東港藝文展演中心興建計畫，縣長表示。')).toEqual(['东港艺文展演中心兴建计划']);
    expect(names('工程包括大埔醫院擴建計劃第二期（約40億元）、西貢公路擴闊工程（約9億元）。')).toEqual(['大埔医院扩建计划第二期', '西贡公路扩阔工程']);
    expect(ofType('其中，台南市垃圾廠及焚化廠臭味整體改善計畫，需要900萬元。', 'project').map((r) => [r.name, r.location])).toEqual([
      ['垃圾厂及焚化厂臭味整体改善计划', '台南市'],
    ]);
  });
  it('leaves 计划 a plan in simplified text', () => {
    expect(names('东港艺文展演中心兴建计划已经上报。')).toEqual([]);
  });
});

describe('projects: phases, sectors before 项目 and actions closed by 项目', () => {
  it('takes a phase as evidence of a specific project, and keeps a bracketed phase after 项目', () => {
    expect(names('城市建设方面:柳湾一期防洪堤完成以堤代步400米。')).toEqual(['柳湾一期防洪堤']);
    expect(names('进度滞后的有:江口隧道(投资滞后)、永泰县东部文化创意产业园基础设施项目(二期)(开工滞后)。').map((n) => n)).toEqual([
      '江口隧道', '东部文化创意产业园基础设施项目(二期)',
    ]);
  });
  it('reads a list whose first name is an action closed by 项目', () => {
    expect(names('滞后2项为:河西变电站附属工程拆迁安置项目、永泰县总部经济研发中心。')).toEqual(['河西变电站附属工程拆迁安置项目', '总部经济研发中心']);
  });
});

describe('projects: a conjunction inside a name', () => {
  it('reaches over it when the part after it has no name of its own, or is the works of a facility', () => {
    expect(names('参加集中开工的有江苏材料科学与技术实验室项目等12个重大项目。')).toEqual(['江苏材料科学与技术实验室项目']);
    expect(ofType('滞后2项为:闽清县北山片区老旧小区及周边基础设施建设工程、城区水厂扩容项目。', 'project').map((r) => [r.name, r.location])).toEqual([
      ['北山片区老旧小区及周边基础设施建设工程', '闽清县'],
      ['城区水厂扩容项目', null],
    ]);
  });
});

describe('projects: a capacity opens a name', () => {
  it('takes 年产… before a bare 项目 after a verb, each of a list', () => {
    expect(names('宏远集团投资9亿元建设年产30万千瓦风机制造项目和年产2万辆电动汽车生产项目。')).toEqual([
      '年产30万千瓦风机制造项目', '年产2万辆电动汽车生产项目',
    ]);
  });
  it('gives none for a verb before a bare 项目 without a capacity', () => {
    expect(names('加快推动制造项目。')).toEqual([]);
  });
});

describe('projects: the government body that runs a project', () => {
  it('is left out of the name, and a head right after it names nothing', () => {
    expect(names('环境保护局人工岛污水厂处理设施减少四亿多元;海事及水务局大桥的桥墩加固减少八千多万元。')).toEqual(['人工岛污水厂处理设施']);
  });
});

describe('projects: actions and parts of a project', () => {
  it('reads a first list item that ends with an action, and actions chained before an action head', () => {
    expect(names('推动12个项目签约,东风重汽产业提升等9个项目开工建设。')).toEqual(['东风重汽产业提升']);
    expect(names('东湖供水工程已竣工;桃源产业示范园核心区建设提升工程、沙河公路等项目正在建设。')).toEqual([
      '东湖供水工程', '桃源产业示范园核心区建设提升工程', '沙河公路',
    ]);
  });
  it('takes the project, not its parts named after its 项目, and a phase after the head as evidence', () => {
    expect(names('其中,生物医药孵化基地一期项目研发中心、专家公寓已完工。')).toEqual(['生物医药孵化基地一期项目']);
    expect(names('其中,粮食仓储物流项目一期等5个项目已按计划开工。')).toEqual(['粮食仓储物流项目一期']);
  });
});

describe('projects: names given as some areas or bodies', () => {
  it('gives none for names an appositive calls N大…平台/片区', () => {
    expect(names('加快建设东江新区和西港新城两大开放平台。')).toEqual([]);
    expect(names('加快建设东江大桥和西港新城两大工程。')).toEqual(['东江大桥', '西港新城']);
  });
});
