// Amounts of money (SPEC 3): [currency prefix] [qualifier] number [range] [余/多] [multiplier] currency [qualifier].
import type { Doc } from '../src/doc.js';
import type { Qualifier } from '../src/schemas.js';
import { scale } from '../src/numerals.js';
import type { AmountDraft, Extractor } from './types.js';
import { CURRENCY_WORDS, CURRENCY_PREFIXES, MULTIPLIERS, DEFAULT_CURRENCY } from './tables/amount.js';
import { QUALIFIERS_INSIDE } from './tables/qualifiers.js';
import { numbersOf } from './numbers.js';
import { wordAt, wordBefore, qualifierBefore, qualifierAfter, rangeEnd } from './shared.js';
import { assignSubjects } from './subject.js';

/** The multiplier a numeral carries in its own characters (161.2亿 → 亿, 三千万 → 千万, 五百 → none). */
function ownMultiplier(raw: string, arabic: boolean): string {
  if (arabic) return raw.replace(/^[0-9.,]+/, '');
  const m = /[十百千万亿]+$/.exec(raw);
  return m && /[万亿]/.test(m[0]) ? m[0] : '';
}

export const amount: Extractor = {
  type: 'amount',
  version: 1,
  extract(doc: Doc): AmountDraft[] {
    const text = doc.text;
    const out: AmountDraft[] = [];
    let docCurrency = DEFAULT_CURRENCY;
    const nums = numbersOf(doc);
    for (let k = 0; k < nums.length; k++) {
      const n1 = nums[k]!;
      let pos = n1.end;
      let n2 = null;
      const r = rangeEnd(text, pos);
      if (r) {
        n2 = r.num;
        pos = n2.end;
      }
      let qualifier: Qualifier = n2 ? 'range' : 'exact';
      const inside = wordAt(text, pos, QUALIFIERS_INSIDE);
      if (inside) {
        pos += inside.length;
        if (!n2) qualifier = QUALIFIERS_INSIDE[inside]!;
      }
      const mult = wordAt(text, pos, MULTIPLIERS);
      let factor = 1;
      if (mult && !(n2 ?? n1).endsWithBigUnit) {
        factor = MULTIPLIERS[mult]!;
        pos += mult.length;
      }
      const cur = wordAt(text, pos, CURRENCY_WORDS);
      // a prefix currency: 人民币100亿元, 美元100万
      const q0 = qualifierBefore(text, n1.start);
      const prefixEnd = q0 ? q0.start : n1.start;
      const prefix = wordBefore(text, prefixEnd, CURRENCY_PREFIXES);
      if (!cur && !(prefix && (mult || n1.endsWithBigUnit))) continue;
      if (cur) pos += cur.length;
      const last = n2 ?? n1;
      const rawLast = text.slice(last.start, last.end);
      const unitMult = (mult && factor !== 1 ? mult : '') || ownMultiplier(rawLast, last.arabic);
      const curWord = cur ?? prefix!;
      // a single Chinese digit before 元 is more often a name (三元里) than money
      if (!n1.arabic && !n2 && n1.end - n1.start === 1 && !unitMult && !q0 && !prefix) continue;
      let currency: string;
      if (cur && CURRENCY_WORDS[cur]) currency = CURRENCY_WORDS[cur]!;
      else if (prefix) currency = CURRENCY_PREFIXES[prefix]!;
      else currency = docCurrency;
      if (prefix && CURRENCY_PREFIXES[prefix] !== 'CNY' && cur && CURRENCY_WORDS[cur] === null) docCurrency = CURRENCY_PREFIXES[prefix]!;
      let start = n1.start;
      if (q0 && !n2) {
        qualifier = q0.qualifier;
        start = q0.start;
      }
      if (prefix) start = prefixEnd - prefix.length;
      const qa = qualifierAfter(text, pos);
      if (qa && !n2) {
        qualifier = qa.qualifier;
        pos = qa.end;
      }
      const end = pos;
      if (doc.crossesGarbled(start, end)) continue;
      let value: number | null = null;
      let min: number | null = null;
      let max: number | null = null;
      if (n2) {
        // 10-20亿元: the first number takes the second's multiplier unless it has its own
        const ownFirst = ownMultiplier(text.slice(n1.start, n1.end), n1.arabic);
        const lastOwn = ownMultiplier(rawLast, last.arabic);
        const lastFactor = lastOwn ? MULTIPLIERS[lastOwn] ?? 1 : 1;
        min = scale(ownFirst ? n1.value : scale(n1.value, lastFactor), factor);
        max = scale(n2.value, factor);
        if (min > max) continue;
      } else value = scale(n1.value, factor);
      out.push({
        type: 'amount', start, end, value, min, max, currency,
        unit: unitMult + (cur ?? ''), qualifier, subject: null,
      });
      if (n2) k++;
    }
    for (const d of out) if (!d.unit) d.unit = '元';
    assignSubjects(doc, out);
    return out;
  },
};
