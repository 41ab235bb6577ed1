// Link (SPEC 1.5): relations between drafts of different types. Subjects are given by the extractors; here
// projects receive the amounts the text ties to them.
import type { Doc } from './doc.js';
import type { Draft } from '../extractors/types.js';
import { assignSubjects } from '../extractors/subject.js';
import { linkProjects } from './link-project.js';

export type Linker = (doc: Doc, drafts: Draft[]) => void;

/** Run in order; subjects last, so that they can use the projects amounts were tied to. */
export const LINKERS: Linker[] = [linkProjects, assignSubjects];

export function link(doc: Doc, drafts: Draft[]): void {
  for (const l of LINKERS) l(doc, drafts);
}
