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
  扩大: 'up', 加快: 'up', 升至: 'up', 增至: 'up', 升到: 'up', 高出: 'up', 多出: 'up', 超出: 'up', 拉动: 'up', 增速: 'up', 增幅: 'up', 涨幅: 'up', 升幅: 'up', 翻番: 'up', 上拉: 'up',
  同比增长: 'up', 同比增加: 'up', 同比提高: 'up', 同比上升: 'up', 同比提升: 'up',
  下降: 'down', 减少: 'down', 降低: 'down', 回落: 'down', 低于: 'down', 收窄: 'down', 下滑: 'down', 下跌: 'down',
  缩小: 'down', 缩减: 'down', 放缓: 'down', 压缩: 'down', 降至: 'down', 降到: 'down', 减至: 'down', 跌至: 'down', 低出: 'down', 少于: 'down', 缩短: 'down', 降幅: 'down', 减幅: 'down', 跌幅: 'down', 减少了: 'down', 下拉: 'down',
  同比下降: 'down', 同比减少: 'down', 同比降低: 'down', 同比回落: 'down',
};
/** Single-character verbs count only straight before the number (增5%, 比全国高2.3个百分点), not inside words. */
export const DIRECTION_ADJACENT: Readonly<Record<string, 'up' | 'down'>> = { 增: 'up', 降: 'down', 减: 'down', 高: 'up', 低: 'down', 涨: 'up', 跌: 'down' };

/** A decline (降幅) that widens (扩大) is a change down. */
export const DECLINE_NOUNS: readonly string[] = ['降幅', '减幅', '跌幅'];
export const WIDEN_VERBS: readonly string[] = ['扩大'];

/** Rates of progress: a percentage that measures one is a progress figure. */
const PROGRESS_RATES_LIST = ['开工率', '完成率', '入统率', '到位率', '开复工率', '竣工率', '签约率', '履约率', '支付率', '执行率', '拨付率', '投产率', '落地率', '转化率', '使用率'];
export const PROGRESS_RATES: readonly string[] = PROGRESS_RATES_LIST;

/** What the percentage is relative to. Checked in this order; the first family with a cue in the clause wins. */
export const BASIS_WORDS: readonly { basis: 'yoy' | 'mom' | 'share' | 'progress'; words: readonly string[] }[] = [
  { basis: 'progress', words: [...PROGRESS_RATES_LIST, '占年度计划', '占计划', '占全年计划', '完成年度计划', '完成全年计划', '完成预算', '预算的', '完成年度目标', '年度目标的', '目标任务的', '年度计划的', '序时进度', '进度',
    '计划投资的', '投资计划的', '同期计划', '同期投资计划', '年打算的', '年任务的', '年度任务的', '全年任务的']  },
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
/** Words in a figure's clause that give it a reference of its own (增幅比1—3月回落, 高于全省, 拉动投资增长, 两年平均
 * 增长): a yoy cue earlier in the paragraph does not carry to it. */
export const OWN_REFERENCE: readonly string[] = ['比', '较', '相比', '相较', '高于', '低于', '快于', '慢于', '领先', '落后',
  '高出', '低出', '超', '拉动', '上拉', '下拉', '贡献', '平均', '年均'];
/** Words that hold a comparison word without being a comparison (占比最大的…业分别增长35.2%). */
export const NOT_REFERENCE: readonly string[] = ['占比', '比重', '比例', '比率'];
/** Words before a growth figure in its sentence that make it a target or a forecast (力争全年增长7%左右, 预计增长
 * 5%): a yoy cue earlier in the paragraph does not carry to it. */
export const TARGET_WORDS: readonly string[] = ['力争', '预计', '确保', '目标', '争取', '预期'];
/** A share word in the clause wins over a progress cue (占年度计划投资比重达53.3% is a share). */
export const SHARE_OVER_PROGRESS: readonly string[] = ['比重', '占比'];
/** Written straight before a figure in a clause with a share word, these make it the share's level, whatever
 * yoy cue the clause has (占比由上年同期的63%提高到65.1%). */
export const LEVEL_BEFORE: readonly string[] = ['到', '至', '的', '为', '达'];
/** Change verbs straight before a percentage (after 分别): a growth rate, not a share, even where a share word
 * stands earlier in the clause (基础设施投资中占比最大的…业分别增长35.2%). */
export const GROWTH_VERBS: readonly string[] = ['增长', '下降', '增加', '减少'];
/** Comparators before a list of references paired in order with a list of figures (分别比上年同期、上年全年提高
 * 3.0和1.6个百分点; 增幅与上年同期、上年全年相比回落3.6和9.1个百分点). */
export const REFERENCE_COMPARATORS: readonly string[] = ['比', '与', '较', '高于', '低于', '快于', '慢于'];
/** Words that end such a list of references. */
export const REFERENCE_LIST_END: readonly string[] = ['相比', '提高', '下降', '回落', '提升', '增加', '减少', '分别', '增长', '降低'];
/** Comparisons with another period that begin like a yoy cue: not yoy (比上年全年, 较上年全年). */
export const NOT_SAME_PERIOD: readonly string[] = ['比上年全年', '较上年全年', '上年全年', '比去年全年', '较去年全年'];

/** Words straight after a percentage that make it a progress rate (实现100%开复工, 完成80%的工程量 is by 完成). */
export const PROGRESS_AFTER: readonly string[] = ['开复工', '开工', '复工', '竣工', '完工', '建成', '投产', '到位', '入统', '签约', '履约', '完成'];
/** Nouns straight after a percentage that make it a share of them (30%以上项目具备…, 60%的资金). */
export const SHARE_AFTER: readonly string[] = ['的项目', '项目', '的企业', '企业', '的资金', '资金', '的投资', '以上的项目'];
/** Verbs straight before a percentage that make it a progress rate (已完成80%, 完成工程总量的90%). */
export const PROGRESS_VERBS: readonly string[] = ['已完成', '完成了', '完成'];
