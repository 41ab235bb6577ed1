// Helpers for tests that run the real CLI (node dist/cli.js) as a child process.
import { spawnSync, spawn, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export const CLI = join(ROOT, 'dist', 'cli.js');

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `bm-${prefix}-`));
}

export function cli(args: string[], env: Record<string, string> = {}, uid?: number): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    cwd: ROOT,
    timeout: 120_000,
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
}

export function cliAsync(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Lines of a JSONL output file, each parsed (throws on a line that is not complete JSON). */
export function jsonl<T = Record<string, unknown>>(file: string): T[] {
  if (!existsSync(file)) return [];
  const s = readFileSync(file, 'utf8');
  if (s && !s.endsWith('\n')) throw new Error(`${file} ends with an incomplete line`);
  return s
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as T);
}

export function runJson(dir: string): Record<string, any> {
  return JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
}

export const OUTPUTS = ['records.jsonl', 'documents.jsonl', 'errors.jsonl'];

export function outputsOf(dir: string): string[] {
  return OUTPUTS.map((f) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '<missing>'));
}
