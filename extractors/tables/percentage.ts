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
  扩大: 'up', 加快: 'up', 拉动: 'up', 多: 'up',
  下降: 'down', 减少: 'down', 降低: 'down', 回落: 'down', 低于: 'down', 收窄: 'down', 下滑: 'down', 下跌: 'down',
  缩小: 'down', 缩减: 'down', 减: 'down', 降: 'down', 放缓: 'down',
};
/** Single-character verbs count only straight before the number (增5%, 降3%), not inside words like 增速. */
export const DIRECTION_ADJACENT_ONLY: readonly string[] = ['增', '降', '减', '多'];
export const DIRECTION_ADJACENT: Readonly<Record<string, 'up' | 'down'>> = { 增: 'up', 降: 'down', 减: 'down' };

/** What the percentage is relative to. Checked in this order; the first family with a cue in the clause wins. */
export const BASIS_WORDS: readonly { basis: 'yoy' | 'mom' | 'share' | 'progress'; words: readonly string[] }[] = [
  { basis: 'progress', words: ['占年度计划', '占计划', '占全年计划', '完成年度计划', '完成全年计划', '年度计划的', '序时进度', '进度', '开工率', '完成率', '入统率', '到位率', '开复工率', '竣工率', '签约率', '履约率'] },
  { basis: 'yoy', words: ['同比', '比上年', '比去年', '较去年', '较上年', '与去年同期相比', '与上年同期相比', '比上年同期', '比去年同期', '较去年同期', '较上年同期', '上年同期'] },
  { basis: 'mom', words: ['环比', '比上月', '较上月', '比上季', '较上季'] },
  { basis: 'share', words: ['占总投资', '占全部投资', '占比', '比重', '占全', '占总', '占全市', '占全省', '占全县', '占'] },
];


/** Comparisons with another reference (高于全省平均水平3.8个百分点): a basis cue before one of these does not
 * reach the number after it. */
export const COMPARATIVE_WORDS: readonly string[] = ['高于', '低于', '快于', '慢于', '领先', '落后'];
