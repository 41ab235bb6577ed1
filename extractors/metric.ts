// The metric of each amount and percentage (SPEC 7): the canonical indicator its subject names, by the rules of
// tables/metric.ts. A subject that names none of its own (完成投资, 同比增长 …) takes it from the sentence: the
// number before it in the sentence, else the last indicator words before it in the sentence or paragraph.
import type { Doc } from '../src/doc.js';
import { gazetteer } from '../src/gazetteer.js';
import { GENERIC_PLACE_NAMES } from './tables/place.js';
import type { AmountDraft, Draft, PercentageDraft } from './types.js';
import {
  BARE_INVESTMENT, CHANGE_PHRASE, COMPARING, CONTEXT_RULES, GENERIC_SUBJECT, INVESTMENT_BEFORE, METRIC_RULES, NAMED_COMPLETED, NOT_PLAN, PLAN_BASES,
  PROJECT_AFTER, SHARE_OF_PLAN, SIGNED_INVESTMENT, SIGNING, type Metric,
} from './tables/metric.js';

type Measured = AmountDraft | PercentageDraft;

/** The longest title read for the words that give generic subjects their metric. */
const MAX_TITLE = 200;

/** The subject or phrase without the places at its front and the marks of a list (阳城县完成投资 → 完成投资,
 * ●第一产业投资 → 第一产业投资, 开发区完成投资 → 完成投资). */
function bare(s: string): string {
  s = s.replace(/^[●•·\s,，、:：]+/, '');
  for (let changed = true; changed && s.length > 0; ) {
    changed = false;
    const m = gazetteer().at(s, 0);
    const generic = GENERIC_PLACE_NAMES.find((n) => s.startsWith(n));
    const end = m ? m.end : generic ? generic.length : 0;
    if (end > 0) {
      // a place alone names nothing (城区和陵川县分别完成投资 → 完成投资)
      s = s.slice(end).replace(/^(?:和|及|与|、)/, '');
      changed = s.length > 0;
    }
    const area = /^(?:[\p{Script=Han}]{0,6}(?:经济区|开发区|高新区)|开发区|高新区)/u.exec(s);
    if (area && s.length > area[0].length) {
      s = s.slice(area[0].length);
      changed = true;
    }
  }
  return s.replace(/^(?:和|及|与)/, '');
}

/** The index of the last ASCII digit of `s`, or -1. */
function lastDigit(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) return i;
  return -1;
}

/** The last context word in [from, pos): its metric (null for a sector), or undefined when there is none. */
function contextMetric(text: string, from: number, pos: number): Metric | null | undefined {
  const slice = text.slice(from, pos);
  let best: { at: number; metric: Metric | null } | null = null;
  for (const [re, metric] of CONTEXT_RULES) {
    const r = new RegExp(re.source, re.flags);
    for (let m = r.exec(slice); m; m = r.exec(slice)) if (!best || m.index >= best.at) best = { at: m.index, metric };
  }
  return best ? best.metric : undefined;
}

/** `a` unless it is undefined (no rule matched): a rule's null (a sector, sales) is an answer. */
const either = <T>(a: T | undefined, b: T | undefined): T | undefined => (a !== undefined ? a : b);

/** The metric the rules give a phrase, or undefined when none matches. */
function ruleMetric(s: string): Metric | null | undefined {
  if (s === '') return undefined;
  for (const [re, metric] of METRIC_RULES) if (re.test(s)) return metric;
  return undefined;
}

/** Give every amount and percentage draft its metric (null when its subject names none of SPEC 7's). */
export function metricOf(doc: Doc, drafts: Draft[]): void {
  const text = doc.text;
  const linked = new Set<Draft>();
  for (const p of drafts) if (p.type === 'project') for (const a of p.amounts) linked.add(a);
  const measured = drafts.filter((d): d is Measured => d.type === 'amount' || d.type === 'percentage').sort((a, b) => a.start - b.start);
  // the title: the first line, or what stands of it in the first sentence
  const lead = text.search(/\S/);
  const titleEnd = Math.min(doc.sentenceAt(Math.max(0, lead)).end, lead + MAX_TITLE);
  const title = text.slice(0, titleEnd);
  let titleMetric: Metric | null | undefined | false = false;
  let prev: Measured | null = null;
  let prevEnd = 0;
  for (const d of measured) {
    const sentence = doc.sentenceAt(d.start).start;
    if (prev && doc.sentenceAt(prev.start).start !== sentence) prev = null;
    // the words of this number: after the clause mark, the number before it, a list mark 、 or a count (…项目23个、总投资)
    const from = Math.max(doc.clauseStart(d.start), prev ? prevEnd : sentence);
    let phrase = text.slice(from, d.start).trim();
    phrase = bare(phrase.slice(Math.max(phrase.lastIndexOf('、') + 1, lastDigit(phrase) + 1)));
    const subject = d.subject === null ? '' : bare(d.subject);
    const generic = subject === '' || GENERIC_SUBJECT.test(subject);
    let metric: Metric | null | undefined;
    if (d.type === 'percentage') {
      // a share measures what comes before 占 (项目投资完成140.5亿元,占固定资产投资比重为79.2% → 项目投资)
      const share = phrase.indexOf('占');
      const own = share >= 0 ? phrase.slice(0, share) : phrase;
      if ((d.basis !== null && PLAN_BASES.includes(d.basis)) || (share >= 0 && SHARE_OF_PLAN.test(phrase.slice(share)))) {
        metric = NOT_PLAN.test(subject + phrase) ? null : '计划投资';
      } else {
        // a comparison (比全国平均水平高出4.3个百分点) names nothing of its own
        const words = bare(own);
        metric = either(COMPARING.test(words) ? undefined : ruleMetric(words), share >= 0 || generic ? (prev ? prev.metric ?? null : null) : ruleMetric(subject) ?? null);
      }
    } else if (CHANGE_PHRASE.test(phrase)) metric = null;
    else metric = either(ruleMetric(phrase), ruleMetric(subject));
    if (metric === undefined) {
      const after = text.slice(d.end, d.end + 2);
      if (BARE_INVESTMENT.test(phrase) || (INVESTMENT_BEFORE.test(phrase) && (linked.has(d) || PROJECT_AFTER.test(after)))) metric = '总投资';
      else if (generic) {
        if (titleMetric === false) titleMetric = contextMetric(title, 0, title.length);
        const own = contextMetric(text, sentence, d.start);
        metric = own !== undefined ? own : titleMetric ?? null;
      }
      // a named thing's completed investment (凉唐公路改造完成投资), when the text names it as a project
      else metric = NAMED_COMPLETED.test(subject) && linked.has(d) ? '项目投资' : null;
    }
    // the investment of a signing is its 签约金额
    if (metric === '总投资' && SIGNED_INVESTMENT.test(phrase || subject) && SIGNING.test(text.slice(sentence, d.start))) metric = '签约金额';
    d.metric = metric ?? null;
    prev = d;
    prevEnd = d.end;
  }
}
