// Words that frame what a number measures without being part of it (SPEC 3: subject). The subject is the
// phrase of the clause before the number, cut at the first framing word and with its opening frame peeled off.

/** A subject ends where one of these starts: a comparison or reference that leads to the number
 * (固定资产投资|同比增长7.3%, 民间投资|占全区投资比重达45.8%). A clause that starts with one names no subject
 * of its own (完成全年序时进度63.7% takes the one before). One-character words count only as whole jieba tokens. */
export const REFERENCE_WORDS: readonly string[] = [
  '占', '较', '比上年', '比去年', '与去年', '与上年', '同比', '环比', '高于', '低于', '快于', '慢于', '达到', '达', '是',
  '增长', '下降', '提高', '降低', '增加', '减少', '上升', '提升', '回落', '突破', '超过', '逾', '约', '近', '分别',
  '预计', '共计', '合计', '总计', '增速', '增幅', '完成全年', '完成年度', '序时进度', '压缩', '仅', '不少于', '不低于',
  '保持', '稳定在', '控制在', '居', '列',
];
/** Verbs that stand between an actor and what is measured: the subject is what follows them, when something
 * does (全年累计争取|上级政策性资金238.6亿元, 涉及|投资15.7亿元), else what precedes (中央预算内资金|争取27亿元). */
export const VERB_WORDS: readonly string[] = ['已经', '已', '争取', '获批', '获得', '投入', '发行', '涉及', '授信', '为', '用好', '撬动', '拉动', '带动'];
/** Words peeled off the end of a subject (全社会固定资产投资完成, 更新改造投资大幅度, 固定资产投资的目标). */
export const TRAILING_WORDS: readonly string[] = ['完成', '大幅度', '大幅', '稳步', '持续', '明显', '有所', '的目标', '的任务', '继续', '实现', '共', '累计'];
/** Opening frames peeled off the front of a subject: time, scope and lead verbs (1-8月份,全市完成固定资产投资). */
export const LEADING_WORDS: readonly string[] = [
  '据统计', '数据显示', '其中', '同时', '此外', '另外', '截至目前', '今年以来', '年初以来', '上半年', '下半年', '一季度', '二季度',
  '三季度', '四季度', '全年', '当年', '今年', '去年', '全市', '全县', '全区', '全省', '全州', '全国', '我市', '我县', '我省', '我区',
  '各县市区', '各地', '当期', '同期', '实现', '争取', '获得', '获', '推进', '推动', '撬动', '累计撬动', '带动', '确保', '紧盯', '力争', '计划完成',
  '预计', '共', '新增', '落实', '下达', '带来', '拉动',
];
/** Lead verbs peeled only when a specific noun follows; before the bare 投资 they are part of the subject
 * (完成固定资产投资 → 固定资产投资, but 累计完成投资 stays). */
export const VERBS_BEFORE_SPECIFIC: readonly string[] = ['累计完成', '完成'];
export const GENERIC_OBJECTS: readonly string[] = ['投资'];
/** Time phrases at the front of a clause: 1-8月份, 前9个月, 截至8月份, 2023年上半年. */
export const LEADING_TIME = /^(?:截至|截止到?|到)?(?:[0-9]{4}年(?:度)?)?(?:前?[0-9一二三四五六七八九十]+(?:[-—~至][0-9一二三四五六七八九十]+)?个?月(?:份|底|末|中旬|上旬|下旬)?|[0-9一二三四五六七八九十]+季度|上半年|下半年|前三季度|[^,，。]{1,4}以来|(?:建成|投产|达产|竣工|完工|运营)后)?(?:以来|来)?/;
/** Classifiers after a count that precedes the subject (82个重点项目累计完成投资): the counted phrase is peeled up to
 * one of the measure verbs. */
export const COUNT_CLASSIFIERS = '个项家批条';
export const MEASURE_VERBS: readonly string[] = ['累计完成', '全年完成', '完成', '计划', '实际'];
/** The longest subject kept; longer phrases keep their last characters. */
export const MAX_SUBJECT_CHARS = 16;

/** Conjunctions: of X以及Y, the subject of the number after Y is Y (…工程以及总投资12亿元 → 总投资). */
export const CONJUNCTIONS: readonly string[] = ['以及', '并且', '同时'];
