// The Doc every extractor reads (spaCy style): original text, normalized text, the map between them,
// sentences, jieba tokens and warnings. Extractors return drafts with normalized offsets; the mapping to
// original offsets happens in one place (pipeline.ts).
import { normalize, type GarbledSpan, type Normalized } from './normalize.js';
import { MappedText } from './mapped.js';
import { segment, type Token } from './segment.js';

export interface Span {
  start: number;
  end: number;
}

export class Doc {
  readonly text: string;
  readonly mapped: MappedText;
  readonly sentences: Span[];
  readonly garbled: GarbledSpan[];
  readonly script: Normalized['script'];
  readonly stats: Normalized['stats'];
  private _tokens: Token[] | null = null;

  constructor(
    readonly original: string,
    readonly path: string,
  ) {
    const n = normalize(original);
    this.mapped = n.mapped;
    this.text = n.mapped.text;
    this.garbled = n.garbled;
    this.script = n.script;
    this.stats = n.stats;
    this.sentences = splitSentences(this.text);
  }

  /** jieba tokens of the normalized text, computed once on first use. */
  get tokens(): Token[] {
    if (!this._tokens) this._tokens = segment(this.text);
    return this._tokens;
  }

  /** The index of the first token that ends after `pos` (binary search; tokens are sorted, not overlapping). */
  private tokenFrom(pos: number): number {
    const toks = this.tokens;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of the token holding `pos`, or -1. */
  tokenIndex(pos: number): number {
    const i = this.tokenFrom(pos);
    return i < this.tokens.length && this.tokens[i]!.start <= pos ? i : -1;
  }

  /** The token holding `pos`. */
  tokenAt(pos: number): Token | undefined {
    const i = this.tokenIndex(pos);
    return i < 0 ? undefined : this.tokens[i];
  }

  /** The token that ends exactly at `pos`. */
  tokenEndingAt(pos: number): Token | undefined {
    const t = pos > 0 ? this.tokenAt(pos - 1) : undefined;
    return t && t.end === pos ? t : undefined;
  }

  /** Tokens that overlap [start, end). */
  tokensIn(start: number, end: number): Token[] {
    const toks = this.tokens;
    const out: Token[] = [];
    for (let i = this.tokenFrom(start); i < toks.length && toks[i]!.start < end; i++) out.push(toks[i]!);
    return out;
  }

  /** The sentence holding normalized offset `pos`. */
  sentenceAt(pos: number): Span {
    const s = this.sentences;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return s[lo] ?? { start: 0, end: this.text.length };
  }

  /** Start of the clause holding `pos`: just after the previous clause mark (，,；;：:。!?\n), within the sentence. */
  clauseStart(pos: number): number {
    const sent = this.sentenceAt(pos);
    for (let i = pos - 1; i >= sent.start; i--) {
      if (isClauseMark(this.text, i)) return i + 1;
    }
    return sent.start;
  }

  /** End of the clause holding `pos`. */
  clauseEnd(pos: number): number {
    const sent = this.sentenceAt(pos);
    for (let i = pos; i < sent.end; i++) if (isClauseMark(this.text, i)) return i;
    return sent.end;
  }

  /** Whether [start, end) crosses or touches a garbled span. */
  crossesGarbled(start: number, end: number): boolean {
    for (const g of this.garbled) if (g.start < end && g.end > start) return true;
    return false;
  }
}

const CLAUSE_MARKS = new Set([...'，,；;：:。！？!?\n']);
function isClauseMark(text: string, i: number): boolean {
  const ch = text[i]!;
  if (!CLAUSE_MARKS.has(ch)) return false;
  // a comma between digits is a thousands separator, not a clause mark
  if ((ch === ',' || ch === ':') && /[0-9]/.test(text[i - 1] ?? '') && /[0-9]/.test(text[i + 1] ?? '')) return false;
  return true;
}

const SENTENCE_END = /[。！？!?；;\n]+|\?(?=\s)/g;
function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}
