// Units of money (SPEC 3, amount). A unit is an optional multiplier written before the currency word
// (亿元 = 亿 × 元); the multiplier is read by the numeral parser, the currency word from here.

/** Currency words written after the number, with their ISO 4217 code; null = the document's currency. */
export const CURRENCY_WORDS: Readonly<Record<string, string | null>> = {
  元: null, 圆: null,
  元人民币: 'CNY', 人民币: 'CNY',
  美元: 'USD', 美金: 'USD', 港元: 'HKD', 港币: 'HKD', 欧元: 'EUR', 日元: 'JPY', 日圆: 'JPY', 日币: 'JPY', 英镑: 'GBP',
  澳门元: 'MOP', 澳门币: 'MOP', 葡币: 'MOP', 澳元: 'AUD', 新台币: 'TWD', 台币: 'TWD', 卢布: 'RUB', 韩元: 'KRW',
  加元: 'CAD', 瑞士法郎: 'CHF', 新加坡元: 'SGD', 新元: 'SGD', 泰铢: 'THB', 林吉特: 'MYR',
};

/** Currency words written before the number (人民币100亿元, 新台币2229.5亿元, 美元100万). */
export const CURRENCY_PREFIXES: Readonly<Record<string, string>> = {
  人民币: 'CNY', 新台币: 'TWD', 台币: 'TWD', 港币: 'HKD', 港元: 'HKD', 美元: 'USD', 欧元: 'EUR', 日元: 'JPY',
  澳门元: 'MOP', 澳门币: 'MOP', 英镑: 'GBP',
};

/** Multipliers written between a number and the currency word when the numeral did not take them itself
 * (50余亿元: 50, 余, 亿, 元), and the classifier some write before them (两个亿). */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 十亿: 1e9, 亿: 1e8, 千万: 1e7, 百万: 1e6, 十万: 1e5, 万: 1e4, 千: 1e3, 百: 1e2, 十: 10,
  个亿: 1e8, 个万: 1e4,
};

/** Sub-units after 元: 123元1角1分. */
export const SUBUNITS: Readonly<Record<string, number>> = { 角: 0.1, 分: 0.01 };

/** Words after 元 that only close the amount (壹仟玖佰圆整). */
export const CLOSERS: readonly string[] = ['整', '正'];

/** The currency of amounts whose unit names none (bare 元), when the document names no other. */
export const DEFAULT_CURRENCY = 'CNY';

/** Currencies that name a document's own money (Hong Kong, Taiwan, Macau bulletins): once a document has given
 * one, its later bare 元/亿元 amounts are in it too (SPEC 3). Foreign currencies mentioned in passing (美元) do not. */
export const DOCUMENT_CURRENCIES: readonly string[] = ['HKD', 'TWD', 'MOP'];
