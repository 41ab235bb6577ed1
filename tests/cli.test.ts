// The CLI as a user runs it: the built dist/cli.js (npm test builds first).
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, CORPUS, GOLD } from './helpers.js';

const CLI = join(ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync('node', [CLI, ...args], { encoding: 'utf8', cwd: ROOT });

describe('bulletin-miner CLI', () => {
  it('extract writes the four output files for every corpus document, with valid records', () => {
    const out = mkdtempSync(join(tmpdir(), 'bm-cli-'));
    const r = run('extract', CORPUS, '-o', out, '--quiet');
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['records.jsonl', 'documents.jsonl', 'errors.jsonl', 'run.json']) expect(existsSync(join(out, f))).toBe(true);
    const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => d.path).sort()).toEqual(['000_556b1be0a4d14982.txt', '001_95517eb9cca1b11e.txt', '002_11fc6d9f2665a1a4.txt', '003_0e8cdef23537e9f1.txt', '004_56acd2ca6796b9a8.txt']);
    expect(docs.find((d) => d.path.startsWith('000'))).toMatchObject({ encoding: 'utf-8', script: 'traditional' });
    expect(docs.find((d) => d.path.startsWith('001'))).toMatchObject({ script: 'simplified' });
    const recs = readFileSync(join(out, 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(recs.map((r) => r.id)).size).toBe(recs.length);
    expect(recs.every((r) => docs.some((d) => d.doc_id === r.doc_id))).toBe(true);

    const ev = run('eval', '--gold', GOLD, '--records', join(out, 'records.jsonl'), '--corpus', CORPUS, '--json');
    expect(ev.status, ev.stderr).toBe(0);
    const report = JSON.parse(ev.stdout);
    expect(report.types.amount.f1).toBeGreaterThan(0.9);
    expect(report.types.percentage).toHaveProperty('strictF1');
  });
  it('gives the same ids on a second run', () => {
    const a = mkdtempSync(join(tmpdir(), 'bm-cli-'));
    const b = mkdtempSync(join(tmpdir(), 'bm-cli-'));
    run('extract', CORPUS, '-o', a, '--quiet');
    run('extract', CORPUS, '-o', b, '--quiet');
    expect(readFileSync(join(a, 'records.jsonl'), 'utf8')).toBe(readFileSync(join(b, 'records.jsonl'), 'utf8'));
  });
  it("run.json's peak RSS is the run's own, not that of the process that started it", () => {
    // getrusage's peak is kept across exec: a parent that once held 1.5 GB made every run it started report 1.5 GB
    const out = mkdtempSync(join(tmpdir(), 'bm-rss-'));
    const parent = `const b = Buffer.alloc(1.5e9, 1);
      const r = require('node:child_process').spawnSync(process.execPath, ${JSON.stringify([CLI, 'extract', CORPUS, '-o', out, '--jobs', '1', '--quiet'])});
      process.exit(r.status ?? 1);`;
    const r = spawnSync(process.execPath, ['-e', parent], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.peak_rss_mb).toBeGreaterThan(50);
    expect(run.peak_rss_mb).toBeLessThan(1200);
  });

  it('schema prints a JSON Schema for every record type', () => {
    const s = JSON.parse(execFileSync('node', [CLI, 'schema'], { encoding: 'utf8' }));
    for (const t of ['amount', 'percentage', 'count', 'project', 'document']) expect(s[t]).toHaveProperty('properties');
    expect(s.amount.properties.currency.type).toBe('string');
  });
  it('an output folder that cannot be made is a usage error, not a hang (Node spins on mkdir -p under /proc)', () => {
    const r = spawnSync('node', [CLI, 'extract', CORPUS, '-o', '/proc/bulletin-miner-out'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write to the output folder/);
  });
  it('usage errors exit 2 with a message and no stack trace', () => {
    const r = run('eval');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--gold/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const u = run('frobnicate');
    expect(u.status).toBe(2);
  });
});
