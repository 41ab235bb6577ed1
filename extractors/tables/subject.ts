// Words that frame what a number measures without being part of it (SPEC 3: subject). The subject is the
// noun phrase before the number once these are peeled off both of its ends.

/** Verbs and adverbs written between the subject and the number: 投资达161.2亿元, 同比增长7.3%. */
export const TRAILING_FRAME: readonly string[] = [
  '达到', '达', '为', '是', '约', '近', '超过', '超', '共计', '累计', '合计', '总计', '共', '计', '增长', '下降', '增加',
  '减少', '提高', '降低', '上升', '回落', '提升', '高于', '低于', '同比', '环比', '比上年', '比去年同期', '较去年同期',
  '分别', '的', '占', '突破', '逾', '仅', '已', '已经', '就', '了', '到', '至', '实现', '完成', '总额', '规模', '平均',
];
/** Words that open a clause before its subject: 全市完成固定资产投资, 争取中央预算内资金. */
export const LEADING_FRAME: readonly string[] = [
  '全市', '全县', '全省', '全区', '全州', '全国', '我市', '我县', '我省', '我区', '市本级', '全年', '今年', '去年', '当年',
  '完成', '实现', '累计完成', '累计', '争取', '获得', '落实', '下达', '到位', '带动', '拉动', '其中', '共', '共计', '合计',
  '新增', '总计', '已', '已经', '预计', '计划', '安排', '达成',
];
/** jieba tags that end a subject when walking back from the number: numbers, time words, punctuation, prepositions. */
export const STOP_TAGS: readonly string[] = ['m', 'mq', 'q', 't', 'x', 'p', 'c', 'u', 'uj', 'ul', 'r', 'w', 'f'];
/** The longest subject kept; longer phrases are cut at the left. */
export const MAX_SUBJECT_CHARS = 16;
