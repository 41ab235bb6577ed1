// `extract --stdin`: the folder's files as NDJSON give exactly the record ids `extract` gives for the folder;
// every stdout line is JSON of a record, a document or an error; a bad line or a bad input is an error line.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, cli, jsonl, tmp } from './cli-helpers.js';
import { ROOT } from './helpers.js';

function stdinRun(input: string) {
  return spawnSync(process.execPath, [CLI, 'extract', '--stdin'], { input, encoding: 'utf8', cwd: ROOT, timeout: 120_000, maxBuffer: 64 << 20 });
}

describe('extract --stdin', () => {
  it('gives the ids of extract for the heldout folder and the corpus, in text and base64 lines', () => {
    for (const dir of [join(ROOT, 'corpus'), join(ROOT, 'tests', 'fixtures', 'heldout')]) {
      const out = tmp('stdin-ref');
      expect(cli(['extract', dir, '-o', out, '--quiet', '--jobs', '1']).status).toBe(0);
      const want = jsonl(join(out, 'records.jsonl')).map((r) => r.id as string);
      const files = readdirSync(dir).filter((f) => /\.(txt|html?)$/.test(f)).sort();
      // every other file as text (its UTF-8 bytes are the file's when it is UTF-8), the rest as bytes
      const lines = files.map((f, i) => {
        const bytes = readFileSync(join(dir, f));
        const utf8 = !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
        return JSON.stringify(i % 2 === 0 && utf8 ? { path: f, text: bytes.toString('utf8') } : { path: f, base64: bytes.toString('base64') });
      });
      const r = stdinRun(lines.join('\n') + '\n');
      expect(r.status).toBe(0);
      const got = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const ids = got.filter((x) => x.type !== 'document' && x.type !== 'error').map((x) => x.id);
      expect(want.length).toBeGreaterThan(20);
      expect([...ids].sort()).toEqual([...want].sort());
      expect(got.filter((x) => x.type === 'document').map((d) => d.path)).toEqual(files);
      expect(r.stderr).toMatch(new RegExp(`${files.length} documents, ${want.length} records, 0 errors`));
    }
  });

  it('writes an error line for a malformed line and a bad input, and goes on', () => {
    const good = readFileSync(join(ROOT, 'corpus', readdirSync(join(ROOT, 'corpus')).sort()[0]!));
    const input = [
      '{"path": "a.txt", "text": "全市完成固定资产投资161.2亿元,同比增长7.3%"}',
      'not json at all',
      '{"text": "no path"}',
      '{"path": "both.txt", "text": "x", "base64": "eA=="}',
      '[1, 2]',
      JSON.stringify({ path: 'binary.txt', base64: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9, 8, 7, 0]).toString('base64') }),
      '{"path": "empty.txt", "text": ""}',
      JSON.stringify({ path: 'good.txt', base64: good.toString('base64') }),
    ].join('\n');
    const r = stdinRun(input);
    expect(r.status).toBe(0);
    const got = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const errors = got.filter((x) => x.type === 'error');
    expect(errors.map((e) => [e.path, e.kind])).toEqual([
      ['input line 2', 'bad-line'],
      ['input line 3', 'bad-line'],
      ['both.txt', 'bad-line'],
      ['input line 5', 'bad-line'],
      ['binary.txt', 'binary'],
      ['empty.txt', 'empty'],
    ]);
    for (const e of errors) expect(String(e.message).length).toBeGreaterThan(5);
    expect(got.filter((x) => x.type === 'document').map((d) => d.path)).toEqual(['a.txt', 'good.txt']);
    expect(got.filter((x) => x.type === 'amount' && x.path === 'a.txt').map((x) => x.text)).toEqual(['161.2亿元']);
    expect(r.stderr).toContain('2 documents');
  });
});
