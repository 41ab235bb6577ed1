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

export function linkProjects(doc: Doc, drafts: Draft[]): void {
  const projects = drafts.filter((d): d is ProjectDraft => d.type === 'project').sort((a, b) => a.start - b.start);
  const amounts = drafts.filter((d): d is AmountDraft => d.type === 'amount').sort((a, b) => a.start - b.start);
  const text = doc.text;
  const leading = new Set<AmountDraft>();
  const done = new Set<ProjectDraft>();
  for (const p of projects) {
    // place + amount + name
    const before = amounts.find((a) => a.end <= p.start && text.slice(a.end, p.start).trim() === '');
    // 总投资50亿元的X, 投资12亿元建设X
    const lead = before ?? amounts.find((a) => a.end < p.start && LEAD_GAP.test(text.slice(a.end, p.start)) && tiedAfter(doc, a));
    if (lead) {
      p.amounts.push(lead);
      leading.add(lead);
      done.add(p);
    }
  }
  for (const p of projects) {
    if (done.has(p)) continue;
    // X(总投资50亿元): an amount in a parenthesis straight after the name
    const inParen = amounts.filter((a) => a.start > p.end && /^\s*[(（][^(（)）]*$/.test(text.slice(p.end, a.start)) && /^[^(（]*[)）]/.test(text.slice(a.end)));
    if (inParen.length > 0) {
      // (约158亿元) alone, or with an investment word (核准工程预算约82.4亿元)
      p.amounts.push(...inParen.filter((a) => /^\s*[(（]\s*$/.test(text.slice(p.end, a.start)) || tiedAfter(doc, a)));
      continue;
    }
    // X项目12亿元: an amount written straight after the name
    const right = amounts.find((a) => a.start >= p.end && /^[\s:：]*$/.test(text.slice(p.end, a.start)));
    if (right) {
      p.amounts.push(right);
      continue;
    }
    if (inList(doc, p)) continue;
    // X … 完成投资N万元, in the same sentence, before any other project and any semicolon
    const sent = doc.sentenceAt(p.start);
    const next = projects.find((q) => q.start >= p.end && q !== p);
    const limit = Math.min(sent.end, next && next.start < sent.end ? next.start : sent.end);
    // its total, planned and completed investment may all follow (总投资560亿元,…已完成投资62亿元)
    for (const a of amounts) {
      if (leading.has(a) || a.start < p.end || a.end > limit || /[；;]/.test(text.slice(p.end, a.start))) continue;
      // an amount that opens another name belongs to it (…，投资5亿元实施城北污水处理厂二期工程)
      if (LEAD_VERB_AFTER.test(text.slice(a.end, a.end + 4))) continue;
      if (tiedAfter(doc, a)) p.amounts.push(a);
    }
  }
}
