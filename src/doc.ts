// The Doc every extractor reads (spaCy style): original text, normalized text, the map between them,
// sentences, jieba tokens and warnings. Extractors return drafts with normalized offsets; the mapping to
// original offsets happens in one place (pipeline.ts).
import { normalize, type GarbledSpan, type Normalized } from './normalize.js';
import { MappedText } from './mapped.js';
import { segmentIndexed, type Token } from './segment.js';
import { splitSentences, type Sentence } from './sentences.js';

export interface Span {
  start: number;
  end: number;
}

export class Doc {
  readonly text: string;
  readonly mapped: MappedText;
  /** the sentences, a long one cut into bounded windows (see sentences.ts) */
  readonly sentences: Sentence[];
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

  /** Values the extractors derive from this document (a view of its tokens, its numbers), kept on it and gone with
   * it. Not in a WeakMap beside the documents: that kept the derived data alive through a worker's scavenges
   * and promoted it to the old generation (measured at --jobs 2 on the 43 MB bench archive: per scavenge 6 MB
   * survived and 1.5 MB was promoted; kept here, about 2 MB and none; pauses 6.7 → 2.2-2.6 ms). */
  private readonly memos = new Map<object, unknown>();

  /** The value under `key`, made by `make` on first use. */
  memo<T>(key: object, make: (doc: Doc) => T): T {
    let v = this.memos.get(key) as T | undefined;
    if (v === undefined) {
      v = make(this);
      this.memos.set(key, v);
    }
    return v;
  }

  /** Let the tokens and what the extractors derived from the document go (they are made again if asked for): once
   * the drafts are linked, the records need only the text, its sentences and the offset map. A document of 15 MB
   * whose sentences never end has 5 million tokens, 430 MB of heap. */
  dropDerived(): void {
    this._tokens = null;
    this._from = null;
    this._starts = null;
    this.memos.clear();
  }

  /** jieba tokens of the normalized text, computed once on first use. */
  get tokens(): Token[] {
    if (!this._tokens) {
      const s = segmentIndexed(this.text);
      this._tokens = s.tokens;
      this._from = s.from;
      this._starts = s.starts;
    }
    return this._tokens;
  }

  /** for each position of the text: the index of the first token that ends after it (tokens are sorted, not
   * overlapping); built with the tokens, so that every look-up is one array read */
  private _from: Int32Array | null = null;
  /** the tokens' start offsets, in a flat array */
  private _starts: Int32Array | null = null;

  private buildIndex(): Int32Array {
    this.tokens; // segmentation builds the index with the tokens
    return this._from!;
  }

  /** The index of the first token that ends after `pos`. */
  private tokenFrom(pos: number): number {
    const from = this._from ?? this.buildIndex();
    if (pos < 0) return 0;
    if (pos >= from.length) return this.tokens.length;
    return from[pos]!;
  }

  /** The index of the token holding `pos`, or -1. */
  tokenIndex(pos: number): number {
    const i = this.tokenFrom(pos);
    return i < this._starts!.length && this._starts![i]! <= pos ? i : -1;
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
    const i0 = this.tokenFrom(start);
    // past the last token that starts before `end`: the first token ending after `end`, itself included when it
    // starts before `end`; every token before it ends by `end`, so starts before it
    const k = this.tokenFrom(end);
    const i1 = k < toks.length && this._starts![k]! < end ? k + 1 : k;
    return i1 > i0 ? toks.slice(i0, i1) : [];
  }

  /** The sentence (or window of a long one) holding normalized offset `pos`. */
  sentenceAt(pos: number): Sentence {
    const s = this.sentences;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return s[lo] ?? this.whole();
  }

  /** the one sentence of an empty text */
  private whole(): Sentence {
    const s = { start: 0, end: this.text.length, run: { start: 0, end: this.text.length } };
    return s;
  }

  /** Start of the clause holding `pos`: just after the previous clause mark (，,；;：:。!?\n), within the sentence. */
  clauseStart(pos: number): number {
    const sent = this.sentenceAt(pos);
    const marks = this._marks ?? this.buildMarks();
    for (let i = pos - 1; i >= sent.start; i--) {
      if (marks[i] === 1) return i + 1;
    }
    return sent.start;
  }

  /** End of the clause holding `pos`. */
  clauseEnd(pos: number): number {
    const sent = this.sentenceAt(pos);
    const marks = this._marks ?? this.buildMarks();
    for (let i = pos; i < sent.end; i++) if (marks[i] === 1) return i;
    return sent.end;
  }

  /** 1 at each clause mark of the text, computed once */
  private _marks: Uint8Array | null = null;
  private buildMarks(): Uint8Array {
    const text = this.text;
    const marks = new Uint8Array(text.length + 1);
    for (let i = 0; i < text.length; i++) if (isClauseMark(text, i)) marks[i] = 1;
    this._marks = marks;
    return marks;
  }

  /** Whether [start, end) crosses or touches a garbled span. */
  crossesGarbled(start: number, end: number): boolean {
    // the spans are in order and do not overlap: the first that ends after `start`, by bisection (a loop over all
    // of them, for every candidate record, made a long garbled text's time grow with its square)
    const g = this.garbled;
    let lo = 0;
    let hi = g.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (g[mid]!.end > start) hi = mid;
      else lo = mid + 1;
    }
    return lo < g.length && g[lo]!.start < end;
  }
}

const CLAUSE_MARKS = new Set([...'，,；;：:。！？!?\n']);
const CLAUSE_MARK_CODES = new Uint8Array(0x10000);
for (const c of CLAUSE_MARKS) CLAUSE_MARK_CODES[c.charCodeAt(0)] = 1;
const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
function isClauseMark(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (CLAUSE_MARK_CODES[c] !== 1) return false;
  // a comma between digits is a thousands separator, not a clause mark
  if ((c === 0x2c || c === 0x3a) && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1))) return false;
  return true;
}
