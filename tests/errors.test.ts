// errors.jsonl: every line has a kind and a message that says what failed, and an error while a document's output
// is written names the document and the line it was on; the other documents are written as they would be.
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './helpers.js';
import { cli, jsonl, runJson, tmp } from './cli-helpers.js';
import { describeError, errorLine } from '../src/errors.js';
import { ErrorRecord } from '../src/schemas.js';

describe('error messages', () => {
  it('are never empty, whatever was thrown', () => {
    expect(describeError(new Error('disk full'))).toBe('disk full');
    expect(describeError(new RangeError())).toMatch(/^RangeError without a message, thrown at /);
    expect(describeError(Object.assign(new Error(''), { code: 'EIO' }))).toMatch(/^Error \(EIO\) without a message/);
    for (const v of [undefined, null, '', '  ', 0]) expect(describeError(v).trim()).not.toBe('');
    const line = JSON.parse(errorLine({ path: 'a.txt', kind: '', message: '' }));
    expect(line).toEqual({ path: 'a.txt', kind: 'internal-error', message: 'internal-error, and the error gave no message' });
    expect(ErrorRecord.safeParse({ path: 'a.txt', kind: 'binary', message: '' }).success).toBe(false);
  });
});

describe('an error while a document\'s output is written', () => {
  let dir: string;
  let out: string;
  let clean: string;
  let result: ReturnType<typeof cli>;
  const files = ['000_556b1be0a4d14982.txt', '001_95517eb9cca1b11e.txt', '002_11fc6d9f2665a1a4.txt'];
  const names = ['a.txt', 'b.txt', 'c.txt'];
  beforeAll(() => {
    dir = tmp('outfail');
    out = tmp('outfail-out');
    clean = tmp('outfail-clean');
    files.forEach((f, i) => copyFileSync(join(CORPUS, f), join(dir, names[i]!)));
    // b.txt's second record line fails to be written, with an error that has no message (the worst case)
    result = cli(['extract', dir, '-o', out, '--jobs', '1'], { BULLETIN_MINER_OUTPUT_FAILS_ON: 'b.txt' });
    cli(['extract', dir, '-o', clean, '--jobs', '1']);
  }, 120_000);

  it('is a line of errors.jsonl that names the document and what failed', () => {
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const errors = jsonl<{ path: string; kind: string; message: string }>(join(out, 'errors.jsonl'));
    expect(errors).toHaveLength(1);
    const e = errors[0]!;
    expect(e.path).toBe('b.txt');
    expect(e.kind).toBe('internal-error');
    const total = jsonl(join(clean, 'records.jsonl')).filter((r) => r.path === 'b.txt').length;
    expect(e.message).toMatch(new RegExp(`^writing the records of b\\.txt failed at record 2 of ${total} \\(a line of \\d+ characters\\): RangeError without a message`));
    for (const l of errors) expect(ErrorRecord.safeParse(l).success).toBe(true);
    expect(runJson(out)).toMatchObject({ errors: 1, errors_by_kind: { 'internal-error': 1 } });
  });

  it('keeps none of that document\'s lines, and the others whole', () => {
    const records = jsonl<{ path: string }>(join(out, 'records.jsonl'));
    expect(records.filter((r) => r.path === 'b.txt')).toEqual([]);
    expect(jsonl<{ path: string }>(join(out, 'documents.jsonl')).map((d) => d.path)).toEqual(['a.txt', 'c.txt']);
    expect(records).toEqual(jsonl<{ path: string }>(join(clean, 'records.jsonl')).filter((r) => r.path !== 'b.txt'));
  });

  it('is tried again by the next run', () => {
    const again = cli(['extract', dir, '-o', out, '--jobs', '1']);
    expect(again.status).toBe(0);
    expect(jsonl(join(out, 'errors.jsonl'))).toEqual([]);
    expect(jsonl(join(out, 'records.jsonl'))).toEqual(jsonl(join(clean, 'records.jsonl')));
  }, 120_000);
});
