// Metrics (SPEC 7): the canonical indicator an amount or a percentage measures, from the words of its subject.
// Rules are tried in order on the subject (a place at its front removed); the first that matches names the metric.

export const METRICS = [
  '固定资产投资', '项目投资', '工业投资', '制造业投资', '基础设施投资', '民间投资', '房地产开发投资', '技术改造投资',
  '重点项目投资', '计划投资', '总投资', '签约金额', '到位资金', '中央预算内投资', '专项债券', '地区生产总值',
] as const;
export type Metric = (typeof METRICS)[number];

/** [what the subject matches, the metric]: the more specific first (签约项目投资总额 is a 签约金额, not a 总投资). */
export const METRIC_RULES: readonly (readonly [RegExp, Metric | null])[] = [
  // an average, a sector or an industry of the economy is none of the metrics
  [/平均|第[一二三]产业|[^房]地产业|行业/, null],
  // what a project yields is no investment: sales, output, taxes, profit
  [/销售收入|营业收入|主营业务收入|产值|利税|税收|利润|增加值/, null],
  [/中央预算内|中央投资|中央资金/, '中央预算内投资'],
  [/专项债/, '专项债券'],
  [/地区生产总值|GDP|生产总值/, '地区生产总值'],
  [/签约|协议引资|合同.{0,4}(?:金额|投资|资金)|签订.*投资/, '签约金额'],
  [/到位(?:资金|内资|外资)?|利用内资|利用外资|实际利用/, '到位资金'],
  [/计划投资|投资计划|年度投资|打算|年度完成投资|计划完成|年计划|年度任务|完成率|序时进度|时序进度|年度目标|原预算|预算案/, '计划投资'],
  [/总投资|投资总额|总经费|预算总额|总预算|工程的预算|工程预算|^累计投资/, '总投资'],
  [/民间投资|民营投资/, '民间投资'],
  [/房地产开发/, '房地产开发投资'],
  [/技改|技术改造/, '技术改造投资'],
  [/^(?:工业中)?制造业(?:完成|累计完成)?投资/, '制造业投资'],
  [/^工业(?:完成|累计完成)?投资/, '工业投资'],
  [/^基础设施(?:建设)?(?:完成|累计完成)?投资/, '基础设施投资'],
  [/固定资产投资|固投/, '固定资产投资'],
  [/(?:重点|重大)(?:建设)?(?:项目|工程)/, '重点项目投资'],
  [/^项目(?:完成|累计完成)?投资|项目投资$/, '项目投资'],
];

/** Subjects that name no indicator of their own (完成投资, 累计完成投资, a comparison): the metric comes from the
 * words before the number in its sentence, or from the number the sentence gave before it. */
export const GENERIC_SUBJECT = /^(?:(?:累计|目前|全年|已|共|共计|合计)?(?:完成|实际完成)?投资(?:额)?|增速|增幅|完成|目前|当前|截至目前)$|比|较|相比|同比|增幅|降幅|减幅|收窄|提高|下降|增长|平均水平|上年|全国/;

/** An amount whose phrase is a comparison (比去年同期增加334.9亿元) is a change, not a value of any metric. */
export const CHANGE_PHRASE = /(?:比|较|同比|相比)[^,，;；]*(?:增加|减少|多|少)$/;

/** A subject that is a named thing's completed investment (凉唐公路改造完成投资) is one project's: 项目投资. */
export const NAMED_COMPLETED = /[\p{Script=Han}A-Za-z0-9]{2,}(?:累计)?完成投资$/u;

/** The phrase of an amount that is only 投资 (续建项目27项,投资21.7亿元): the total investment of what it follows. */
export const BARE_INVESTMENT = /^(?:总)?投资(?:额)?(?:为|达|约)?$/;

/** A percentage whose basis is one of these measures the plan it is a share of (完成年度计划的92% → 计划投资),
 * unless its subject names something else (开工率 is a rate of starts). */
export const PLAN_BASES: readonly string[] = ['progress'];
export const NOT_PLAN = /开工率|竣工率|签约率/;

/** An amount just before these words, with 投资 as its subject, is the total investment of the project it
 * introduces (投资6000万元的浙商工业园). */
export const PROJECT_AFTER = /^(?:的|建设|新建|兴建)/;
/** …when the phrase before it ends with 投资 (这8个项目分别为投资6000万元的浙商工业园). */
export const INVESTMENT_BEFORE = /(?<!完成)投资(?:额)?(?:为|达|约)?$/;

/** A percentage of a plan (占年打算的61%) measures the plan's progress: 计划投资. */
export const SHARE_OF_PLAN = /^占[^,，;；]*(?:计划|打算)/;

/** Words that give a generic subject its metric when they stand earlier in the sentence or paragraph
 * (我市固定资产投资增势强劲,累计完成投资202.3亿元 → 固定资产投资); the last one before the number wins. */
export const CONTEXT_RULES: readonly (readonly [RegExp, Metric | null])[] = [
  [/固定资产投资|固投/g, '固定资产投资'],
  [/(?:重点|重大)[\p{Script=Han}]{0,4}?(?:项目|工程)/gu, '重点项目投资'],
  // a sector or an industry names none
  [/第[一二三]产业|行业|[^房]地产业/g, null],
  [/房地产开发/g, '房地产开发投资'],
  [/民间投资/g, '民间投资'],
  [/中央预算内/g, '中央预算内投资'],
  [/签约/g, '签约金额'],
];

/** The investment of a signing (四川与投资者共签订…项目750个,投资总额5663.26亿元): 投资额 or 投资总额 in a sentence
 * that signs. */
export const SIGNED_INVESTMENT = /投资额|投资总额/;
export const SIGNING = /签约|签订|签下|签署/;

/** A percentage's own words that compare (比全国平均水平高出4.3个百分点) name no metric of their own. */
export const COMPARING = /比|较|相比|平均水平|上年|去年|全国|全省|高于|低于|快于|慢于/;
