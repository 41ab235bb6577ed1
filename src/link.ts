// Link (SPEC 1.5): relations between drafts of different types. Subjects are given by the extractors; here
// projects receive the amounts the text ties to them.
import type { Doc } from './doc.js';
import type { Draft } from '../extractors/types.js';
import { linkProjects } from './link-project.js';

export type Linker = (doc: Doc, drafts: Draft[]) => void;

export const LINKERS: Linker[] = [linkProjects];

export function link(doc: Doc, drafts: Draft[]): void {
  for (const l of LINKERS) l(doc, drafts);
}
