// Shared test helpers: where the shared data lives, and a one-call extraction.
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../src/pipeline.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository's byte-identical copies of the shared test data (gold files, peer suites, dev set). */
export const SHARED = join(ROOT, 'tests', 'fixtures', 'shared');
/** The reference those copies come from, beside the checkout when it is there (as in CI). */
export const SHARED_REFERENCE = join(ROOT, '..', 'shared');
export const HAS_SHARED_REFERENCE = existsSync(SHARED_REFERENCE);
export const CORPUS = join(ROOT, 'corpus');
export const GOLD = join(SHARED, 'gold', 'seeds.gold.jsonl');
export const DEV = join(SHARED, 'dev');

export function recordsOf(text: string) {
  return extractText(text).records;
}
export function ofType<T extends string>(text: string, type: T) {
  return extractText(text).records.filter((r) => r.type === type) as Extract<ReturnType<typeof recordsOf>[number], { type: T }>[];
}
