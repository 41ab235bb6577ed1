// Shared test helpers: where the shared data lives, and a one-call extraction.
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../src/pipeline.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = join(ROOT, '..', 'shared');
export const CORPUS = join(ROOT, 'corpus');
export const GOLD = join(SHARED, 'gold', 'seeds.gold.jsonl');
export const HAS_SHARED = existsSync(GOLD);

export function recordsOf(text: string) {
  return extractText(text).records;
}
export function ofType<T extends string>(text: string, type: T) {
  return extractText(text).records.filter((r) => r.type === type) as Extract<ReturnType<typeof recordsOf>[number], { type: T }>[];
}
