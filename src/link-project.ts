// Link projects to the amounts the text ties to them (SPEC 1.5, project.amount_ids):
//  - an amount written straight before the name (桓仁满族自治县109.6亿元大雅河抽水蓄能);
//  - an amount introduced by an investment word after a project that stands alone in its sentence
//    (脚落沼煤矿完成投资741.17万元, 浑河堤防加固工程获专项支持12亿元);
//  - an investment amount followed by 的 and the name (总投资50亿元的某某项目).
// A name in a list (、 or 等) shares its sentence with others: amounts after the list are not its own.
import type { Doc } from './doc.js';
import type { AmountDraft, Draft, ProjectDraft } from '../extractors/types.js';
import { INVESTMENT_TIES, LEAD_VERBS, INDUCED_WORDS as INDUCED } from '../extractors/tables/project.js';

const TIES = [...INVESTMENT_TIES].sort((a, b) => b.length - a.length);
/** Words that may stand between a tie word and the number (完成投资约5亿元, 投资达30亿元). */
const BETWEEN = /^(?:[约近超逾达为了共计累计合计]|超过|不低于|约为|达到)*$/;

/** What may stand between an amount and the name it opens: 的, or a verb of building (投资12亿元建设X). */
const LEAD_GAP = new RegExp(`^\\s*(?:的|${LEAD_VERBS.join('|')})\\s*$`);
const LEAD_VERB_AFTER = new RegExp(`^\\s*(?:的|${LEAD_VERBS.join('|')})`);

function inList(doc: Doc, p: ProjectDraft): boolean {
  const t = doc.text;
  if (t[p.start - 1] === '、' || t[p.end] === '、') return true;
  return /^(?:项目)?等/.test(t.slice(p.end, p.end + 3));
}

function tiedAfter(doc: Doc, a: AmountDraft): boolean {
  const cs = doc.clauseStart(a.start);
  const before = doc.text.slice(cs, a.start);
  // investment a project brings in is not its own (带动上下游产业投资10-20亿元)
  if (INDUCED.some((w) => before.includes(w))) return false;
  for (const w of TIES) {
    const at = before.lastIndexOf(w);
    if (at >= 0 && BETWEEN.test(before.slice(at + w.length))) return true;
  }
  return false;
}

/** Index of the first amount whose start is ≥ pos (amounts sorted by start). */
function firstFrom(amounts: AmountDraft[], pos: number): number {
  let lo = 0;
  let hi = amounts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (amounts[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The longest gap between an amount and the name it opens (的, 用于, 建设 …). */
const MAX_LEAD_GAP = 6;

export function linkProjects(doc: Doc, drafts: Draft[]): void {
  const projects = drafts.filter((d): d is ProjectDraft => d.type === 'project').sort((a, b) => a.start - b.start);
  if (projects.length === 0) return;
  const amounts = drafts.filter((d): d is AmountDraft => d.type === 'amount').sort((a, b) => a.start - b.start);
  if (amounts.length === 0) return;
  const text = doc.text;
  const byEnd = new Map<number, AmountDraft>();
  for (const a of amounts) if (!byEnd.has(a.end)) byEnd.set(a.end, a);
  const leading = new Set<AmountDraft>();
  const done = new Set<ProjectDraft>();
  for (const p of projects) {
    // place + amount + name (桓仁满族自治县109.6亿元大雅河抽水蓄能), then 总投资50亿元的X, 投资12亿元建设X
    let lead: AmountDraft | undefined;
    for (let q = p.start; q >= Math.max(0, p.start - MAX_LEAD_GAP) && !lead; q--) {
      const a = byEnd.get(q);
      if (!a) continue;
      const gap = text.slice(a.end, p.start);
      if (gap.trim() === '' || (LEAD_GAP.test(gap) && tiedAfter(doc, a))) lead = a;
    }
    if (lead) {
      p.amounts.push(lead);
      leading.add(lead);
      done.add(p);
    }
  }
  projects.forEach((p, k) => {
    if (done.has(p)) return;
    const from = firstFrom(amounts, p.end);
    // X(总投资50亿元): amounts in a parenthesis straight after the name
    if (/^\s*[(（]/.test(text.slice(p.end, p.end + 2))) {
      // the parenthesis closes in the same sentence (a search to the end of the text, for every name before a `(`
      // that is never closed, made a long text's time grow with its square)
      const close = text.slice(p.end, doc.sentenceAt(p.end).end).search(/[)）]/);
      const inParen: AmountDraft[] = [];
      for (let i = from; close >= 0 && i < amounts.length && amounts[i]!.end <= p.end + close; i++) inParen.push(amounts[i]!);
      if (inParen.length > 0) {
        // (约158亿元) alone, or with an investment word (核准工程预算约82.4亿元)
        p.amounts.push(...inParen.filter((a) => /^\s*[(（]\s*$/.test(text.slice(p.end, a.start)) || tiedAfter(doc, a)));
        return;
      }
    }
    // X项目12亿元: an amount written straight after the name
    const right = amounts[from];
    if (right && right.start - p.end <= 3 && /^[\s:：]*$/.test(text.slice(p.end, right.start))) {
      p.amounts.push(right);
      return;
    }
    if (inList(doc, p)) return;
    // X … 完成投资N万元, in the same sentence, before any other project and any semicolon
    const sent = doc.sentenceAt(p.start);
    let n = k + 1;
    while (n < projects.length && projects[n]!.start < p.end) n++;
    const next = projects[n];
    const limit = Math.min(sent.end, next && next.start < sent.end ? next.start : sent.end);
    const semi = text.slice(p.end, limit).search(/[；;]/);
    const stop = semi >= 0 ? p.end + semi : limit;
    // its total, planned and completed investment may all follow (总投资560亿元,…已完成投资62亿元)
    for (let i = from; i < amounts.length && amounts[i]!.start < stop; i++) {
      const a = amounts[i]!;
      if (leading.has(a) || a.end > limit) continue;
      // an amount that opens another name belongs to it (…,投资5亿元实施城北污水处理厂二期工程)
      if (LEAD_VERB_AFTER.test(text.slice(a.end, a.end + 4))) continue;
      if (tiedAfter(doc, a)) p.amounts.push(a);
    }
  });
}
