// The registry: adding a record type means adding its module here.
import type { Extractor } from './types.js';
import { amount } from './amount.js';
import { count } from './count.js';
import { percentage } from './percentage.js';
import { project } from './project.js';

/** The version of the where-and-when pass (src/link-where.ts), bumped when its output may change. */
export const WHERE_VERSION = 2;

export const EXTRACTORS: readonly Extractor[] = [amount, percentage, count, project];

/** The output lines' own version: raised when their fields change (2: documents say their `format`). */
const OUTPUT_VERSION = 2;

/** Changes whenever any extractor's output may change (part of the key of incremental runs). */
export const EXTRACTORS_VERSION =
  [...EXTRACTORS.map((e) => `${e.type}@${e.version}`), `where@${WHERE_VERSION}`].join(',') + `,output@${OUTPUT_VERSION}`;

export type { Extractor, Draft } from './types.js';
