// The registry: adding a record type means adding its module here.
import type { Extractor } from './types.js';
import { amount } from './amount.js';
import { count } from './count.js';
import { percentage } from './percentage.js';
import { project } from './project.js';

export const EXTRACTORS: readonly Extractor[] = [amount, percentage, count, project];

/** The output lines' own version: raised when their fields change (2: documents say their `format`). */
const OUTPUT_VERSION = 2;

/** Changes whenever any extractor's output may change (part of the key of incremental runs). */
export const EXTRACTORS_VERSION = EXTRACTORS.map((e) => `${e.type}@${e.version}`).join(',') + `,output@${OUTPUT_VERSION}`;

export type { Extractor, Draft } from './types.js';
