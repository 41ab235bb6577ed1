// Percentages, percentage points and multiples (SPEC 3, percentage).

/** Unit words after the number, longest first is how they are tried. */
export const PERCENT_UNIT_WORDS: Readonly<Record<string, 'percent' | 'point' | 'times'>> = {
  '%': 'percent', '％': 'percent', '个百分点': 'point', '百分点': 'point', '倍': 'times',
};
/** Prefixes that make the following numeral a percentage: 百分之十二点五. */
export const PERCENT_PREFIXES: readonly string[] = ['百分之'];

/** Direction verbs, searched backwards from the number within its clause; the nearest wins. */
export const DIRECTION_WORDS: Readonly<Record<string, 'up' | 'down'>> = {
  增长: 'up', 增加: 'up', 提高: 'up', 上升: 'up', 提升: 'up', 高于: 'up', 超过: 'up', 上涨: 'up', 攀升: 'up',
  扩大: 'up', 加快: 'up', 升至: 'up', 增至: 'up', 升到: 'up', 高出: 'up', 多出: 'up', 超出: 'up', 拉动: 'up', 增速: 'up', 增幅: 'up', 涨幅: 'up', 翻番: 'up',
  下降: 'down', 减少: 'down', 降低: 'down', 回落: 'down', 低于: 'down', 收窄: 'down', 下滑: 'down', 下跌: 'down',
  缩小: 'down', 缩减: 'down', 放缓: 'down', 压缩: 'down', 降至: 'down', 降到: 'down', 减至: 'down', 跌至: 'down', 低出: 'down', 少于: 'down', 缩短: 'down', 降幅: 'down', 减少了: 'down',
};
/** Single-character verbs count only straight before the number (增5%, 比全国高2.3个百分点), not inside words. */
export const DIRECTION_ADJACENT: Readonly<Record<string, 'up' | 'down'>> = { 增: 'up', 降: 'down', 减: 'down', 高: 'up', 低: 'down', 涨: 'up', 跌: 'down' };

/** Rates of progress: a percentage that measures one is a progress figure. */
const PROGRESS_RATES_LIST = ['开工率', '完成率', '入统率', '到位率', '开复工率', '竣工率', '签约率', '履约率', '支付率', '执行率', '拨付率', '投产率', '落地率', '转化率', '使用率'];
export const PROGRESS_RATES: readonly string[] = PROGRESS_RATES_LIST;

/** What the percentage is relative to. Checked in this order; the first family with a cue in the clause wins. */
export const BASIS_WORDS: readonly { basis: 'yoy' | 'mom' | 'share' | 'progress'; words: readonly string[] }[] = [
  { basis: 'progress', words: [...PROGRESS_RATES_LIST, '占年度计划', '占计划', '占全年计划', '完成年度计划', '完成全年计划', '完成预算', '预算的', '完成年度目标', '年度目标的', '目标任务的', '年度计划的', '序时进度', '进度', ] },
  { basis: 'yoy', words: ['同比', '比上年', '比去年', '较去年', '较上年', '与去年同期相比', '与上年同期相比', '比上年同期', '比去年同期', '较去年同期', '较上年同期', '上年同期', '上年度', '上一年度', '上一个财政年度', '上个财政年度', '上一财政年度'] },
  { basis: 'mom', words: ['环比', '比上月', '较上月', '比上季', '较上季'] },
  { basis: 'share', words: ['占总投资', '占全部投资', '占比', '比重', '占全', '占总', '占全市', '占全省', '占全县', '占'] },
];


/** Comparisons with another reference (高于全省平均水平3.8个百分点): a basis cue before one of these does not
 * reach the number after it. */
export const COMPARATIVE_WORDS: readonly string[] = ['高于', '低于', '快于', '慢于', '领先', '落后'];
/** Comparisons give the direction of the difference after them (超序时进度6.2个百分点, 低于全省0.5个百分点). */
export const COMPARATIVE_DIRECTION: Readonly<Record<string, 'up' | 'down'>> = {
  高于: 'up', 快于: 'up', 领先: 'up', 超: 'up', 超过: 'up', 低于: 'down', 慢于: 'down', 落后: 'down',
};
/** Sentences that go on with the figures of the sentence before (…比上年增长5.6%。其中,第一产业…增长3.1%): a
 * change in them shares the basis of that sentence's changes. */
export const CONTINUATION_LEADS: readonly string[] = ['其中', '分产业看', '分行业看', '分领域看', '从产业看', '分地区看', '分区域看', '具体来看', '分类型看', '分经济类型看'];

/** Words straight after a percentage that make it a progress rate (实现100%开复工, 完成80%的工程量 is by 完成). */
export const PROGRESS_AFTER: readonly string[] = ['开复工', '开工', '复工', '竣工', '完工', '建成', '投产', '到位', '入统', '签约', '履约', '完成'];
/** Nouns straight after a percentage that make it a share of them (30%以上项目具备…, 60%的资金). */
export const SHARE_AFTER: readonly string[] = ['的项目', '项目', '的企业', '企业', '的资金', '资金', '的投资', '以上的项目'];
/** Verbs straight before a percentage that make it a progress rate (已完成80%, 完成工程总量的90%). */
export const PROGRESS_VERBS: readonly string[] = ['已完成', '完成了', '完成'];
/** Change verbs: a change stated with one of these, with no basis of its own, shares the basis (同比, 环比) of
 * the change before it in the same sentence (与去年同期相比下降22%,基本建设投资增长150.8%). Nouns like 增速 and
 * comparisons like 高于 do not. */
export const CHANGE_VERBS: readonly string[] = ['增长', '下降', '增加', '减少', '提高', '降低', '上升', '回落', '提升'];
