// The seam between the core and the extractors: an extractor is a pure function from a Doc to drafts.
import type { Doc } from '../src/doc.js';
import type { AmountRecord, PercentageRecord, CountRecord, ProjectRecord } from '../src/schemas.js';

/** SPEC 7's fields, given by the pass after the extractors (src/link-where.ts), not by the extractors */
export type WhereFields = 'region' | 'period_start' | 'period_end' | 'metric';
type Fields<R> = Omit<R, 'id' | 'type' | 'doc_id' | 'path' | 'start' | 'end' | 'text' | 'context' | WhereFields> &
  Partial<Pick<R, Extract<keyof R, WhereFields>>>;

interface DraftBase {
  /** normalized offsets */
  start: number;
  end: number;
}
export type AmountDraft = DraftBase & { type: 'amount' } & Fields<AmountRecord>;
export type PercentageDraft = DraftBase & { type: 'percentage' } & Fields<PercentageRecord>;
export type CountDraft = DraftBase & { type: 'count' } & Fields<CountRecord>;
/** A project links to amount drafts by reference; ids are filled in when records are made. */
export type ProjectDraft = DraftBase & { type: 'project' } & Omit<Fields<ProjectRecord>, 'amount_ids'> & {
  amounts: AmountDraft[];
};
export type Draft = AmountDraft | PercentageDraft | CountDraft | ProjectDraft;

export interface Extractor {
  type: Draft['type'];
  /** bumped whenever the extractor's output may change; part of the incremental-run key */
  version: number;
  extract(doc: Doc): Draft[];
}
