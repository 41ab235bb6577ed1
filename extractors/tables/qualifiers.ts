// Qualifier words shared by amounts, percentages and counts (SPEC 3). Longer words are tried first.
import type { Qualifier } from '../../src/schemas.js';

/** Words written straight before the number: 约100亿元, 近40亿元, 超过1300个. */
export const QUALIFIERS_BEFORE: Readonly<Record<string, Qualifier>> = {
  约: 'approx', 大约: 'approx', 约为: 'approx', 约占: 'approx', 约达: 'approx', 大概: 'approx', 约合: 'approx', 预计: 'approx',
  近: 'under', 将近: 'under', 接近: 'under', 不到: 'under', 不足: 'under', 不超过: 'under', 最多: 'under',
  超: 'over', 超过: 'over', 逾: 'over', 突破: 'over', 不低于: 'over', 不少于: 'over', 至少: 'over', 超出: 'over',
  多达: 'over', 高达: 'exact', 达: 'exact', 达到: 'exact',
};

/** Words written between the number and its unit: 50余亿元, 3000多万元, 3000多欧元. */
export const QUALIFIERS_INSIDE: Readonly<Record<string, Qualifier>> = { 余: 'over', 多: 'over', 几: 'over' };

/** Words written after the unit: 100亿元左右, 10亿元以上. */
export const QUALIFIERS_AFTER: Readonly<Record<string, Qualifier>> = {
  左右: 'approx', 上下: 'approx', 以上: 'over', 之多: 'over', 有余: 'over', 多: 'over',
  以下: 'under', 以内: 'under', 之内: 'under',
};

/** Range separators between two numbers: 10-20亿元, 3至5亿元. */
export const RANGE_SEPARATORS = ['-', '~', '～', '—', '–', '－', '至', '到'];

/** Coordinators between numbers that share the unit of the last one (47.2和11.1亿元, 分别高14.2和10.5个百分点). */
export const UNIT_SHARING_COORDINATORS: readonly string[] = ['和', '、', '与', '及', '以及'];
/** The most numbers one unit is shared by. */
export const MAX_UNIT_SHARING = 5;

/** Words that end in a qualifier's characters without being one: 全市签约14亿元 is exact, not 约14亿元. */
export const NOT_QUALIFIERS: readonly string[] = [
  '签约', '节约', '合约', '制约', '预约', '邀约', '履约', '特约', '相约', '公约', '条约', '集约', '违约', '践约',
  '附近', '最近', '临近', '就近', '靠近', '邻近', '亲近', '贴近', '走近', '逼近',
];
