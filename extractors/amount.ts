// Amounts of money (SPEC 3):
//   [currency prefix] [qualifier] number [range-separator number] [余/多] [multiplier] currency [角/分] [qualifier]
// and two complete amounts joined by a range separator (1万元--5万元).
import type { Doc } from '../src/doc.js';
import type { Qualifier } from '../src/schemas.js';
import { scale, round15, type NumberMatch } from '../src/numerals.js';
import type { AmountDraft, Extractor } from './types.js';
import { CURRENCY_WORDS, CURRENCY_PREFIXES, MULTIPLIERS, SUBUNITS, CLOSERS, DEFAULT_CURRENCY, DOCUMENT_CURRENCIES } from './tables/amount.js';
import { QUALIFIERS_INSIDE } from './tables/qualifiers.js';
import { numbersOf } from './numbers.js';
import { wordsOf, qualifierBefore, qualifierAfter, rangeEnd, rangeSeparatorAt, isSpaceCode, sharedUnitAfter } from './shared.js';
import { CN_DIGITS, CN_SMALL_UNITS, CN_BIG_UNITS } from '../src/numerals.js';

const INSIDE = wordsOf(QUALIFIERS_INSIDE);
const MULTIPLIER_WORDS = wordsOf(MULTIPLIERS);
const CURRENCIES = wordsOf(CURRENCY_WORDS);
const PREFIXES = wordsOf(CURRENCY_PREFIXES);

const unitFactor = (s: string) => [...s].reduce((f, ch) => f * (CN_SMALL_UNITS[ch] ?? CN_BIG_UNITS[ch] ?? 1), 1);
const bigTail = (s: string) => /[万亿萬億兆]+$/.exec(s)?.[0] ?? '';

/** The first number of a range takes the multiplier of the second when it has none of its own:
 * 10-20亿 → 10亿, 两到三仟 → 两仟, 七千到九千亿 → 七千亿; unless that would put it above the second (8500到3万). */
function rangeMin(text: string, n1: NumberMatch, n2: NumberMatch): number {
  if (bigTail(n1.suffix)) return n1.value;
  const tail = /[十百千万亿拾佰仟萬億兆]+$/.exec(text.slice(n2.start, n2.end))?.[0] ?? '';
  const inherit = n1.bare ? unitFactor(tail) : unitFactor(bigTail(tail));
  const v = scale(n1.value, inherit);
  return v <= n2.value ? v : n1.value;
}

/** The unit of money written after a number, with the multiplier the numeral took in (the 亿元 of 11.1亿元),
 * or null. */
function unitAfter(text: string, m: NumberMatch): string | null {
  let pos = m.end;
  const written = text.slice(m.start, m.end);
  // 8千万元 (an Arabic number's whole unit tail); 一千二百万元 (a Chinese numeral's big unit only)
  let mult = m.arabic ? /[十百千万亿拾佰仟萬億兆]+$/.exec(written)?.[0] ?? '' : bigTail(written);
  if (!mult) {
    mult = MULTIPLIER_WORDS.at(text, pos)?.replace(/^个/, '') ?? '';
    pos += mult.length;
  }
  const cur = CURRENCIES.at(text, pos);
  return cur && (mult === '' || MULTIPLIERS[mult] !== undefined) ? mult + cur : null;
}

export const amount: Extractor = {
  type: 'amount',
  version: 2,
  extract(doc: Doc): AmountDraft[] {
    const text = doc.text;
    const out: AmountDraft[] = [];
    let docCurrency = DEFAULT_CURRENCY;
    let sawBareYuan = false;
    const nums = numbersOf(doc);
    for (let k = 0; k < nums.length; k++) {
      const n1 = nums[k]!;
      let pos = n1.end;
      let n2: NumberMatch | null = null;
      const r = rangeEnd(text, pos);
      if (r) {
        n2 = r.num;
        pos = n2.end;
      }
      const last = n2 ?? n1;
      let qualifier: Qualifier = n2 || last.approxMax !== undefined ? 'range' : 'exact';
      const inside = INSIDE.at(text, pos);
      if (inside) {
        pos += inside.length;
        if (qualifier === 'exact') qualifier = QUALIFIERS_INSIDE[inside]!;
      }
      let factor = 1;
      let multWord = '';
      const mult = MULTIPLIER_WORDS.at(text, pos);
      // 两个亿 is colloquial for 两亿; 26个亿元以上项目 counts projects of a size
      const classifierMult = mult?.startsWith('个') && (last.arabic || text.startsWith('元以上', pos + mult.length));
      if (mult && !last.endsWithBigUnit && !classifierMult) {
        factor = MULTIPLIERS[mult]!;
        multWord = mult.replace(/^个/, '');
        pos += mult.length;
      }
      let cur = CURRENCIES.at(text, pos);
      let currencyFromWord: string | null = cur ? CURRENCY_WORDS[cur]! : null;
      if (cur) {
        pos += cur.length;
        // 9000元日币, 三万元欧元: a currency name after 元 says which
        const again = CURRENCY_WORDS[cur] === null ? CURRENCIES.at(text, pos) : null;
        if (again && CURRENCY_WORDS[again]) {
          currencyFromWord = CURRENCY_WORDS[again]!;
          pos += again.length;
        }
      }
      // 47.2和11.1亿元: the unit of the last number of a list (the span stays the number's)
      if (!cur && !multWord && !last.endsWithBigUnit && !n2 && !inside) {
        const shared = sharedUnitAfter(text, pos, (m) => unitAfter(text, m));
        if (shared) {
          multWord = MULTIPLIER_WORDS.at(shared, 0) ?? '';
          factor = multWord ? MULTIPLIERS[multWord]! : 1;
          cur = shared.slice(multWord.length);
          currencyFromWord = CURRENCY_WORDS[cur]!;
        }
      }
      // without a currency word, only a prefix currency before a multiplier makes an amount (below)
      if (!cur && !multWord && !last.endsWithBigUnit) continue;
      // a prefix currency: 人民币100亿元, 新台币 177.1 亿元, 美元100万 (not the currency of an amount before: 4人民币5美元)
      const q0 = qualifierBefore(text, n1.start);
      let prefixEnd = q0 ? q0.start : n1.start;
      while (prefixEnd > 0 && isSpaceCode(text.charCodeAt(prefixEnd - 1))) prefixEnd--;
      let prefix = PREFIXES.before(text, prefixEnd);
      if (prefix && /[0-9]/.test(text[prefixEnd - prefix.length - 1] ?? '')) prefix = null;
      if (!cur && !(prefix && (multWord || last.endsWithBigUnit))) continue;
      // a single Chinese digit before a bare 元 is more often a name (三元里, 二元结构) than money
      if (!n1.arabic && !n2 && n1.end - n1.start === 1 && !multWord && !q0 && !prefix && cur && CURRENCY_WORDS[cur] === null) continue;
      let sub = 0;
      if (cur && CURRENCY_WORDS[cur] === null) {
        // 123元1角1分
        for (;;) {
          const d = text[pos]!;
          const dv = /[0-9]/.test(d ?? '') ? Number(d) : CN_DIGITS[d];
          const su = text[pos + 1];
          if (dv === undefined || su === undefined || SUBUNITS[su] === undefined) break;
          sub += dv * SUBUNITS[su]!;
          pos += 2;
        }
        if (CLOSERS.some((c) => text.startsWith(c, pos))) pos++;
      }
      let currency: string;
      if (currencyFromWord) currency = currencyFromWord;
      else if (prefix) currency = CURRENCY_PREFIXES[prefix]!;
      else currency = docCurrency;
      // a document that gives its own currency (新台币2229.5亿元, 三百八十六亿港元) keeps it for later bare 元
      // amounts, unless it has already spoken of bare 元 amounts in 人民币
      if (DOCUMENT_CURRENCIES.includes(currency) && currency !== docCurrency && !sawBareYuan) docCurrency = currency;
      if (!currencyFromWord && !prefix && docCurrency === DEFAULT_CURRENCY) sawBareYuan = true;
      let start = n1.start;
      if (q0 && qualifier !== 'range') {
        // 大约十多欧元: the 多 inside says more than the 约 before
        if (!inside) qualifier = q0.qualifier;
        start = q0.start;
      }
      if (prefix) {
        start = prefixEnd - prefix.length;
        // 约合人民币3亿元
        const qp = qualifierBefore(text, start);
        if (qp && qualifier === 'exact') {
          qualifier = qp.qualifier;
          start = qp.start;
        }
      }
      const qa = qualifierAfter(text, pos);
      if (qa && qualifier !== 'range') {
        qualifier = qa.qualifier;
        pos = qa.end;
      }
      const end = pos;
      if (doc.crossesGarbled(start, end)) continue;
      let value: number | null = null;
      let min: number | null = null;
      let max: number | null = null;
      if (n2) {
        min = scale(rangeMin(text, n1, n2), factor);
        max = scale(n2.value, factor);
        if (min > max) continue;
      } else if (n1.approxMax !== undefined) {
        min = scale(n1.value, factor);
        max = scale(n1.approxMax, factor);
      } else value = round15(scale(n1.value, factor) + sub);
      const unitWord = cur ? cur : prefix!;
      out.push({
        type: 'amount', start, end, value, min, max, currency,
        unit: (multWord || last.suffix) + (cur ? unitWord.replace(/人民币$/, '') || unitWord : ''),
        qualifier, subject: null,
      });
      if (n2) k++;
    }
    const merged = mergeRanges(text, out);
    for (const d of merged) if (!d.unit) d.unit = '元';
    return merged;
  },
};

/** 1万元--5万元, 3亿元至5亿元: two exact amounts of one currency joined by a range separator are one range. */
function mergeRanges(text: string, drafts: AmountDraft[]): AmountDraft[] {
  const out: AmountDraft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const a = drafts[i]!;
    const b = drafts[i + 1];
    if (b && a.qualifier === 'exact' && b.qualifier === 'exact' && a.currency === b.currency && a.value !== null && b.value !== null) {
      const sep = rangeSeparatorAt(text, a.end);
      if (sep && a.end + sep.length === b.start && a.value < b.value) {
        out.push({ ...b, start: a.start, value: null, min: a.value, max: b.value, qualifier: 'range' });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
