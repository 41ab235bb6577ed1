// Counts of projects (SPEC 3, count): the classifiers, the project nouns, the words that give a category,
// and the things that are counted but are not projects. The matching code in ../count.ts reads only these.
import type { CountRecord } from '../../src/schemas.js';

export type CountCategory = NonNullable<CountRecord['category']>;

/** Classifiers written after the number: 591个项目, 项目120项, 6条在建高速公路项目, 三批项目. */
export const COUNT_CLASSIFIERS: Readonly<Record<string, string>> = { 个: '个', 项: '项', 条: '条', 批: '批', 件: '件', 处: '处' };

/** Numerals that are an indefinite article with a classifier, not a count: 一个项目, 一批重点项目. */
export const INDEFINITE_NUMERALS: readonly string[] = ['一'];

/** Characters straight before a number that make it an ordinal or a vague quantity, not a count (第二批,
 * 每个项目, 几十个, 上百个). The numeral parser reads 数十, 数百 as approximate numerals, which are no count
 * either. */
export const NOT_COUNT_BEFORE: readonly string[] = ['第', '每', '几', '上'];
/** Words that end with one of those characters and leave the number a count (亿元以上18个). */
export const COUNT_BEFORE: readonly string[] = ['以上'];

/** Heads of the counted noun phrase: the phrase ends with one of them at a word boundary. */
export const PROJECT_HEADS: readonly string[] = ['项目', '工程'];

/** Project nouns that a Chinese numeral may count with no classifier, at the start of a clause (a headline's
 * 四工程项目). */
export const BARE_COUNT_NOUNS: readonly string[] = ['工程项目', '项目'];

/** Heads that name projects only after their own classifier (Taiwan and Hong Kong: 5项计画, 9项水资源开发计画,
 * 五项基建; 两处控制性工程 has the generic head). 计画 is Taiwan's word, wherever it is converted to. */
export const CLASSIFIER_HEADS: Readonly<Record<string, readonly string[]>> = {
  项: ['基建', '建设', '计画'],
};
/** The same, in documents written in traditional characters only: there 計畫/計劃 names a project, in mainland
 * bulletins a 计划 is a plan or a programme. */
export const CLASSIFIER_HEADS_TRADITIONAL: Readonly<Record<string, readonly string[]>> = {
  项: ['计划'],
};

/** Written straight after a head, these make it another noun (项目库, 项目部, 工程师): not a project. */
export const HEAD_BLOCKING_SUFFIXES: readonly string[] = [
  '库', '部', '组', '师', '院', '处', '办', '单位', '法人', '业主', '方', '公司', '局', '队', '化', '量', '学',
  '专班', '服务', '清单', '办公室', '负责人', '经理', '团队', '推进会', '观摩会', '工作组', '指挥部', '用地', '措施',
];

/** Status words, in the noun (295个续建项目) or said of the counted projects (26个…项目开工建设). */
export const STATUS_WORDS: Readonly<Record<string, CountCategory>> = {
  新开工: 'new', 新建: 'new', 新上: 'new', 计划新开工: 'new', 计划开工: 'new', 拟开工: 'new', 拟新开工: 'new',
  续建: 'continuing', 在建: 'continuing', 施工: 'continuing',
  竣工: 'completed', 新竣工: 'completed', 建成: 'completed', 完工: 'completed', 竣工投产: 'completed',
  建成投产: 'completed', 新建成: 'completed', 投产: 'completed', 建成投用: 'completed', 已完成的: 'completed',
  已竣工: 'completed', 已建成: 'completed', 已完工: 'completed',
  储备: 'reserve', 谋划: 'reserve', 谋划储备: 'reserve', 入库储备: 'reserve', 策划: 'reserve', 策划包装: 'reserve',
  前期: 'reserve',
  签约: 'signed', 新签约: 'signed', 新签: 'signed', 签约落地: 'signed', 集中签约: 'signed', 签订: 'signed', 签下: 'signed',
  开工: 'started', 已开工: 'started', 按计划开工: 'started', 已按计划开工: 'started', 复工: 'started', 开复工: 'started', 集中开工: 'started', 开工建设: 'started',
  复工复产: 'started', 已复工: 'started',
};

/** Status words that are verbs governing the noun after them: 储备重大工程清单项目285个 counts 重大工程清单项目
 * (category reserve), 签约重大项目43个 counts 重大项目 (signed); written straight before the head (谋划储备项目,
 * 省级签约项目) they stay in the noun. The others (新开工重大产业项目) always stay in it. */
export const GOVERNING_STATUS: readonly string[] = [
  '储备', '谋划', '谋划储备', '入库储备', '策划', '策划包装', '签约', '集中签约', '新签约', '新签', '签订', '签下', '开工建设',
];

/** After a count, a status word followed by one of these is a noun, not a status (开工率, 签约金额). */
export const STATUS_AFTER_BLOCKERS: readonly string[] = [
  '率', '数', '量', '额', '金额', '面', '仪式', '时间', '计划', '工作', '手续', '任务', '进度',
];

/** Scale words in the noun: category key (82个重点项目, 26个亿元以上项目, 百亿级项目). */
export const SCALE_WORDS: readonly string[] = [
  '重点', '重大', '大型', '规模大', '亿元以上', '亿以上', '亿元及以上', '亿元级', '亿级', '千万元以上',
];

/** Written between a count and a later count of the same sentence, these make the later one a subset of the
 * earlier (谋划项目511个，其中百亿级项目21个; 集中开工的31个项目中，有两个…项目): it takes the earlier one's
 * status when it has none of its own. */
/** Words that close a list of the counted projects' names before the count (甲工程、乙项目等133个项目): the
 * names' heads are no other nouns that a status word before them could belong to. */
export const LIST_CLOSERS: readonly string[] = ['等'];

export const SUBSET_LEADS: readonly string[] = ['其中', '当中', '中'];

/** A scale phrase written with a number inside the noun (50亿元级, 10亿元以上, 5000万元及以上, 百亿级), as a
 * regular expression source. */
export const SCALE_PHRASE =
  '(?:(?:[0-9.]+|[一二三四五六七八九十百千两]+)?(?:万亿|千亿|百亿|十亿|亿|千万|百万|万)元?及?(?:以上|级)' +
  // a bracket of sizes: 5亿元至10亿元项目, 1-5亿元项目
  '|(?:[0-9.]+|[一二三四五六七八九十百千两]+)(?:万亿|千亿|百亿|十亿|亿|千万|百万|万)?元?(?:至|到|-|—|~)(?:[0-9.]+|[一二三四五六七八九十百千两]+)(?:万亿|千亿|百亿|十亿|亿|千万|百万|万)元?(?:之间的?)?)';

/** A year written inside a counted noun (25个2023年重点建设项目), as a regular expression source. */
export const YEAR_IN_NOUN = '(?:19|20)[0-9]{2}年度?';

/** Administrative levels: part of the noun (省市级82个重点项目 → 省市级重点项目, 市级签约14个). */
export const LEVEL_WORDS: readonly string[] = [
  '国家级', '国家', '中央', '省部级', '省级', '省市级', '省市', '市级', '地市级', '州级', '市县', '市县级', '县级',
  '区级', '县区级', '乡镇级', '镇级', '省重点', '市重点', '县重点', '区重点', '省列', '市列', '列省',
];

/** Words between a noun written first and its number: 项目数量近5万个, 项目共计120个, 项目总数达到50个. */
export const REVERSE_FILLERS: readonly string[] = [
  '数', '数量', '个数', '总数', '总量', '共', '共计', '合计', '累计', '总计', '共有', '有', '为', '已有', '已达',
  '增至', '增加到', '增加至', '增长到', '增长至', '达', '达到', '已经达到', '合共', '合共有', '则有', '也有', '计', '的有', '的共有',
];

/** Written between a list of nouns and a list of numbers paired with them in order: 新开工、续建项目分别为30个、
 * 50个. */
export const RESPECTIVELY: readonly string[] = ['分别为', '分别是', '分别达', '分别达到', '分别有', '分别'];

/** Words straight before a number that make it a change in a number of projects (同比增加20个), not a count;
 * `false` marks longer words that are not changes although they end like one (新增项目 counts projects). */
export const CHANGE_WORDS: Readonly<Record<string, boolean>> = {
  增加: true, 增长: true, 减少: true, 下降: true, 增: true, 减: true, 多: true, 少: true, 多出: true, 少了: true,
  增加了: true, 减少了: true, 净增: true, 净减: true, 新增: false, 增多: true, 提高: true, 降低: true,
};

/** Counted things that are not projects, written after the classifier (or after 多/余) and ending at a word
 * boundary: 13个产业集群, 3个月, 3个县区, 60条103.52公里 … A count followed by one of them is not a record.
 * (家 is no project classifier: 12家科研机构 is never read.) */
export const NOT_PROJECT_NOUNS: readonly string[] = [
  '企业', '家', '机构', '科研机构', '集群', '产业集群', '公里', '千米', '米', '亩', '公顷', '平方米', '人次', '人', '户',
  '月', '百分点', '季度', '年度', '财年', '小时', '工作日', '星期', '周', '年', '天', '日', '县', '区', '市', '省', '乡', '镇', '村',
  '乡镇', '县区', '县市区', '领域', '方面', '产业链', '部门', '单位', '问题', '批次', '类', '种', '次', '场', '名', '位',
  '套', '台', '座', '所', '处', '方案', '机制', '指标',
];

/** Words that end a noun phrase read leftwards from its head: 等, scope words, conjunctions. */
export const NOUN_STOP_WORDS: readonly string[] = [
  '等', '的', '和', '及', '与', '或', '以及', '其中', '共', '全市', '全省', '全县', '全区', '全州', '全国', '全镇',
  '我市', '我省', '我县', '我区', '本市', '各地', '今年', '全年', '年内', '累计', '包括', '中', '获批', '已获', '获',
  '有', '共有', '拥有', '现有', '已有', '还有',
];

/** Words that stand inside a noun phrase whatever tag jieba gives them (在/p 库/n → 在库项目). */
export const NOUN_WORDS: readonly string[] = ['在库', '入库', '新入库', '在统', '入统', '纳统', '新纳统', '现代'];

/** Connectors between coordinated counts sharing one noun: 17个列省、354个市级重大产业项目. */
export const COORDINATORS: readonly string[] = ['、', '和', '及', '与', '以及'];

/** jieba tags of words that may stand inside a noun phrase (nouns, verbal nouns, adjectives, distinguishers,
 * abbreviations, idioms, unknown Han words). Place names and person names end it. */
export const NOUN_PHRASE_TAGS: readonly string[] = ['n', 'nz', 'nt', 'nl', 'ng', 'vn', 'a', 'an', 'b', 'j', 'l', 'x', 'i', 'eng'];

/** Longest stretches, in characters: a noun read leftwards from its head, the words between a classifier and
 * its head, and a 的-modifier before the noun (100个投资体量大、带动效应强的市级重点项目). */
export const MAX_NOUN_BEFORE = 16;
export const MAX_NOUN_AFTER = 18;
export const MAX_MODIFIER = 24;
/** jieba tags of words that may stand between the words of a counted noun phrase when a noun follows them, not at
 * its start: verbs and adverbs that modify that noun (新材料相关领域项目). */
export const INNER_TAGS: readonly string[] = ['v', 'vd', 'd', 'ad'];
/** The longest quoted term inside a counted noun (12个“两重”超长期特别国债资金项目). */
export const MAX_QUOTED_TERM = 12;

/** Suffixes of administrative areas: a label before a count that ends with one and is a name (甲市45个,
 * 鼓楼区12个) gives the projects' place, not a number of areas. */
export const PLACE_SUFFIXES: readonly string[] = ['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡'];
/** Generic words for areas, which such a label is not (县区15个 counts areas). */
export const GENERIC_PLACES: readonly string[] = ['省', '市', '县', '区', '乡', '镇', '村', '县区', '县市区', '乡镇', '市县', '区县', '省市'];

/** The longest label before a count whose noun is elided (未达序时进度2项, 战略性新兴产业43个). */
export const MAX_LABEL = 10;
/** The first part of a coordination sharing the next count's noun (17个列省、…) is at most this long. */
export const MAX_COORDINATED_PART = 6;

/** Negations before a status word: 尚未开工 says the projects have not started. */
export const NEGATIONS: readonly string[] = ['尚未', '还未', '暂未', '仍未', '未能', '未', '没有', '还没有', '还没'];
