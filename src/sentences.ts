// Sentences of the normalized text, and the `context` of a record (SPEC 3).
//
// A sentence ends after a run of `。！？!?；;`, line breaks, and ASCII full stops that end something: a `.` inside a
// number (`1.5`, `.05亿元`; but `.2021年`, `.1-8月` end a sentence before a date or a period, and in a text that ends
// its sentences with `.`, `.296个` does too), inside a Latin word or address (`gov.cn`, `No.5`) or after a list
// number at the start of a sentence (`1.党建引领`) ends nothing. Text converted from web pages often has only ASCII marks, and a flattened
// table or list may have no end at all for pages: a run longer than MAX_WINDOW characters is cut into windows (after
// a clause mark where one is in the window's second half), so that every look-around the extractors make within
// "the sentence" is bounded and no step's work grows faster than the text. Each window keeps the whole run it was
// cut from (`run`), for the record's context.
import type { Span } from './doc.js';

/** A sentence, or a window of a sentence too long to be read whole; `run` is the whole sentence (itself when the
 * sentence was not cut). */
export interface Sentence extends Span {
  readonly run: Span;
}

/** The longest window of a sentence the extractors are given (characters). Real bulletins' sentences are shorter:
 * the longest of the corpus, the held-out set and the dev set has 264. */
export const MAX_WINDOW = 512;
/** A window is cut after a clause mark in its second half, else after a space or a 、, else between two characters
 * that are not both ASCII letters or digits. */
const MIN_WINDOW = MAX_WINDOW / 2;

/** A sentence no longer than this is a record's context whole; a longer one gives a window around the span. */
export const CONTEXT_SENTENCE = 400;
/** Characters of a long sentence kept on each side of the span in a context. */
export const CONTEXT_SIDE = 100;
/** A context's cut moves inward to a clause mark found within this many characters of it. */
const CONTEXT_SNAP = 30;
export const ELLIPSIS = '…';

const END_CODES = new Uint8Array(0x10000);
for (const c of '。！？!?；;\n') END_CODES[c.charCodeAt(0)] = 1;
const DOT = 0x2e;
/** what follows the digits after a `.` when they begin a sentence (a date, a period, a list number), not a number */
const NEXT_SENTENCE_AFTER_DIGITS = new Uint8Array(0x10000);
for (const c of '年月日号-—–~～至、.)）') NEXT_SENTENCE_AFTER_DIGITS[c.charCodeAt(0)] = 1;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number) => isDigit(c) || isLatin(c);
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3000 || c === 0xa0;

/** Whether the character at `i` ends a sentence (or belongs to the run of marks that does). `dotText`: the text ends
 * its sentences with `.` (see isDotText), so a `.` between a character that is not a digit and a digit ends one
 * (`项目.296个新开工项目`); else that is a number (`总投资.05亿元`) unless a date or a period follows. */
export function endsSentence(text: string, i: number, dotText = false): boolean {
  const c = text.charCodeAt(i);
  if (END_CODES[c] === 1) return true;
  if (c !== DOT) return false;
  const next = text.charCodeAt(i + 1); // NaN at the end of the text: no digit, no letter
  const prev = text.charCodeAt(i - 1);
  if (isDigit(next)) {
    if (isDigit(prev)) return false; // 1.5
    if (dotText) return true;
    // .05亿元 is a number; .2021年, .1-8月, .1、 start the next sentence with a date, a period or a list number
    let j = i + 1;
    while (j < i + 5 && isDigit(text.charCodeAt(j))) j++;
    return NEXT_SENTENCE_AFTER_DIGITS[text.charCodeAt(j)] === 1;
  }
  if (isAlnum(prev) && isAlnum(next)) return false; // gov.cn, U.S.A, v2.x
  if (isDigit(prev)) {
    // a list number at the start of a sentence or a line: 1.党建引领 (up to three digits, after spaces); after more
    // digits (电话12345678.) the stop ends the sentence
    let j = i - 1;
    while (j > 0 && i - j < 3 && isDigit(text.charCodeAt(j - 1))) j--;
    if (isDigit(text.charCodeAt(j - 1))) return true;
    let k = j;
    while (k > 0 && j - k < 4 && isSpace(text.charCodeAt(k - 1))) k--;
    if (k === 0) return false;
    const before = text.charCodeAt(k - 1);
    if (END_CODES[before] === 1 || before === DOT) return false;
  }
  return true;
}

/** Whether `text` ends its sentences with ASCII full stops, as web converters leave it: it has more of them where
 * nothing else can be meant (between two characters that are neither digits nor Latin letters nor stops) than 。. */
export function isDotText(text: string): boolean {
  let dots = 0;
  let stops = 0;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i + 1);
    if (i > 0 && !isAlnum(a) && a !== DOT && !isAlnum(b) && b !== DOT) dots++;
  }
  for (let i = text.indexOf('。'); i >= 0 && stops <= dots; i = text.indexOf('。', i + 1)) stops++;
  return dots > stops;
}

const CLAUSE_CODES = new Uint8Array(0x10000);
for (const c of '，,：:') CLAUSE_CODES[c.charCodeAt(0)] = 1;

/** Whether the character at `i` is a clause mark a window or a context may be cut after (a comma or colon between
 * two digits is a thousands separator or a time, not a clause mark). */
function isClauseCut(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (CLAUSE_CODES[c] !== 1) return false;
  return !((c === 0x2c || c === 0x3a) && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)));
}

/** Whether a window may end at `i` (between i-1 and i) without cutting a number, a Latin word or a surrogate pair. */
function canCutAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i - 1);
  const b = text.charCodeAt(i);
  if (b >= 0xdc00 && b <= 0xdfff) return false;
  if (isAlnum(a) && isAlnum(b)) return false;
  if ((a === DOT || a === 0x2c) && isDigit(b)) return false; // 1.|5, 1,|234
  if (isDigit(a) && (b === DOT || b === 0x2c || b === 0x25)) return false; // 1|.5, 1|,234, 7|%
  return true;
}

/** Where the window starting at `start` of a run ending at `end` (end - start > MAX_WINDOW) ends. */
function windowEnd(text: string, start: number): number {
  const limit = start + MAX_WINDOW;
  const min = start + MIN_WINDOW;
  for (let i = limit - 1; i >= min; i--) if (isClauseCut(text, i)) return i + 1;
  for (let i = limit - 1; i >= min; i--) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x3001) return i + 1;
  }
  for (let i = limit; i > min; i--) if (canCutAt(text, i)) return i;
  return limit;
}

/** The sentences of `text`, in order, covering it without gaps. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  const push = (start: number, end: number) => {
    if (end - start <= MAX_WINDOW) {
      const s = { start, end, run: null as unknown as Span };
      (s as { run: Span }).run = s;
      out.push(s);
      return;
    }
    const run: Span = { start, end };
    let at = start;
    while (end - at > MAX_WINDOW) {
      const e = windowEnd(text, at);
      out.push({ start: at, end: e, run });
      at = e;
    }
    out.push({ start: at, end, run });
  };
  let start = 0;
  for (let i = 0; i < n; i++) {
    if (!endsSentence(text, i)) continue;
    let end = i + 1;
    while (end < n && endsSentence(text, end)) end++;
    push(start, end);
    start = end;
    i = end - 1;
  }
  if (start < n) push(start, n);
  return out;
}

/** The context of a record whose span [start, end) is in `sentence`: the sentence, trimmed, when it has at most
 * CONTEXT_SENTENCE characters; else up to CONTEXT_SIDE characters each side of the span, within the sentence, each
 * cut moved inward to a clause mark when one is within CONTEXT_SNAP characters, and marked with `…`. */
export function contextOf(text: string, sentence: Sentence, start: number, end: number): string {
  const run = sentence.run;
  if (run.end - run.start <= CONTEXT_SENTENCE) return text.slice(run.start, run.end).trim();
  end = Math.max(end, start);
  let lo = Math.max(run.start, start - CONTEXT_SIDE);
  let hi = Math.min(run.end, end + CONTEXT_SIDE);
  const cutBefore = lo > run.start;
  const cutAfter = hi < run.end;
  if (cutBefore) {
    // just after the first clause mark near the cut, not past the span
    for (let i = lo; i < Math.min(lo + CONTEXT_SNAP, start); i++) {
      if (isClauseCut(text, i)) {
        lo = i + 1;
        break;
      }
    }
    if (text.charCodeAt(lo) >= 0xdc00 && text.charCodeAt(lo) <= 0xdfff) lo++;
  }
  if (cutAfter) {
    // just before the last clause mark near the cut, not before the span's end
    for (let i = hi - 1; i >= Math.max(hi - CONTEXT_SNAP, end); i--) {
      if (isClauseCut(text, i)) {
        hi = i;
        break;
      }
    }
    if (text.charCodeAt(hi) >= 0xdc00 && text.charCodeAt(hi) <= 0xdfff) hi--;
  }
  const body = text.slice(lo, hi).trim();
  return (cutBefore ? ELLIPSIS : '') + body + (cutAfter ? ELLIPSIS : '');
}
