// Best-effort subject of a number: the noun phrase the clause gives before it, or, for a clause that names
// none (同比增长7.3%), the subject of the previous number in the same sentence.
import type { Doc } from '../src/doc.js';
import { TRAILING_FRAME, LEADING_FRAME, STOP_TAGS, MAX_SUBJECT_CHARS } from './tables/subject.js';

const trailing = [...TRAILING_FRAME].sort((a, b) => b.length - a.length);
const leading = [...LEADING_FRAME].sort((a, b) => b.length - a.length);
const stopTags = new Set(STOP_TAGS);

export function subjectBefore(doc: Doc, pos: number): string | null {
  const cs = doc.clauseStart(pos);
  const toks = doc.tokensIn(cs, pos).filter((t) => t.end <= pos);
  // walk back from the number over the trailing frame
  let i = toks.length - 1;
  while (i >= 0 && (trailing.includes(toks[i]!.word) || toks[i]!.tag === 'x' || toks[i]!.tag === 'm' || toks[i]!.tag === 'd')) i--;
  let j = i;
  while (j >= 0 && !stopTags.has(toks[j]!.tag) && !/^[0-9.]+$/.test(toks[j]!.word)) j--;
  let words = toks.slice(j + 1, i + 1).map((t) => t.word);
  // peel the leading frame
  while (words.length > 0 && leading.includes(words[0]!)) words = words.slice(1);
  let s = words.join('');
  for (const w of trailing) if (s.endsWith(w) && s.length > w.length + 1 && w.length > 1) s = s.slice(0, -w.length);
  if (s.length > MAX_SUBJECT_CHARS) s = s.slice(s.length - MAX_SUBJECT_CHARS);
  return s.length >= 2 ? s : null;
}

/** Subjects for numbers in order of position: a number whose clause names none inherits the previous one of
 * its sentence. */
export function assignSubjects<T extends { start: number; subject: string | null }>(doc: Doc, drafts: T[]): void {
  let prevSentence = -1;
  let prev: string | null = null;
  for (const d of [...drafts].sort((a, b) => a.start - b.start)) {
    const sent = doc.sentenceAt(d.start).start;
    if (sent !== prevSentence) prev = null;
    const own = subjectBefore(doc, d.start);
    d.subject = own ?? prev;
    prev = d.subject;
    prevSentence = sent;
  }
}
