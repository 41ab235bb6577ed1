// Periods (SPEC 7: period_start, period_end as YYYY-MM) and dates of issue, as bulletins write them. Numbers are
// ASCII digits after normalization; months and quarters may be Chinese numerals.

const CN = '[一二三四五六七八九十]{1,3}';
const M = `(?:\\d{1,2}|${CN})`;
const Y4 = '(?:(?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})';

/** One period: an optional year (`2023年`, `二○二五年`, `115年` of the Taiwan calendar, `今年`, `本年度`), then an
 * optional span of months. The groups name what they found; a match with neither is not a period. */
export const PERIOD = new RegExp(
  `(?<fiscal>(?<fy1>(?:19|20)\\d{2})[-／/]\\d{2}(?:年度?(?:至(?<fy2>(?:19|20)\\d{2})[-／/]\\d{2}(?:年度?)?)?|至(?<fy3>(?:19|20)\\d{2})[-／/]\\d{2}年度?))|` +
    `(?:(?<year>${Y4}|\\d{2,3}(?=年))年(?:度)?|(?<thisYear>今年|本年度)|(?<lastYear>去年|上年))?` +
    `(?:(?<plan>年度计划|年度投资计划|年计划|年度(?=完成|计划|投资|任务|目标)|全年(?=计划|项目|任务|目标))|(?<fullYear>全年)` +
    `|前?(?<from>${M})(?:月份?)?\\s*[-—–~～至到](?<to>${M})\\s*月(?:份|末|底)?` +
    `|前(?<firstN>${M})个月` +
    `|(?<first3q>前三季度|前3季度)` +
    `|(?<half>上半年|下半年)` +
    `|第?(?<quarter>[一二三四1-4])季度` +
    `|(?:截至|截止到?|至)(?<until>${M})月(?:份|底|末|中旬|下旬|\\d{1,2}日)?` +
    `|(?<month>${M})月(?:份|当月|单月)(?!\\d)` +
    `|(?<fiveYear>“?(?:十一五|十二五|十三五|十四五|十五五)”?(?:期间|时期|以来)?)` +
    `)?`,
  'gu',
);

/** First year of each five-year plan. */
export const FIVE_YEAR_PLANS: Readonly<Record<string, number>> = { 十一五: 2006, 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026 };

/** A period right after one of these is a comparison, not the number's period (比上年同期, 较一季度, 高于1-3月), or a
 * forecast (预计全年能够完成). */
export const COMPARISON_BEFORE = /(?:比|较|与|同|高于|低于|快于|慢于|上年|去年|上一年|前年|预计|力争|确保|争取)$/;

/** Hong Kong's fiscal year (2003-04年度) runs from April to March. */
export const FISCAL_YEAR_START_MONTH = 4;

/** A number right after these words is last year's (占比由上年同期的63%): its period is the one in force a year back. */
export const SAME_PERIOD_LAST_YEAR = /(?:上年|去年)同期(?:的|为|是)?$/;

/** Years of the Republic of China calendar (`115年` = 2026) are read in texts on Taiwan: the offset. */
export const ROC_YEAR_OFFSET = 1911;

/** A date: 2024年05月27日, 2022-11-17, 2020/9/14, 19.03.2015. */
export const DATE = /(?<y>(?:19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})(?!\d)日?|(?<!\d)(?<d2>\d{1,2})\.(?<m2>\d{1,2})\.(?<y2>(?:19|20)\d{2})(?!\d)/gu;
/** A date is the date of issue when it stands in the text's first lines and one of these says so: a label before
 * it, a time after it, a source after it, or a line of its own. */
export const ISSUE_LABEL_BEFORE = /(?:发布|时间|日期|date|更新|来源)[^\n]{0,12}$/i;
export const ISSUE_AFTER = /^[ \t\u3000]*(?:\d{1,2}:\d{2}|来源|作者|\|)/;
/** How far into the text the date of issue is looked for (characters), and how much more than the date a line
 * that holds it alone may have (a time, a source's name). */
export const ISSUE_WITHIN = 600;
export const ISSUE_LINE_SLACK = 20;
