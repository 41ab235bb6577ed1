// The repository keeps copies of the shared test data (gold files, peer suites, dev set, and the corpus the
// seeds gold annotates) so that a clone with nothing beside it runs every test. The originals, in ../shared
// beside the checkout (as in CI), stay the reference: here every copy is compared with its original byte for
// byte, and a file present on one side only is an error, so a copy can be neither edited nor left stale.
// Without ../shared the comparison is skipped, with a message saying so.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_REFERENCE, ROOT, SHARED, SHARED_REFERENCE } from './helpers.js';

/** Each copy in the repository and the folder of ../shared it comes from. */
const COPIES: [copy: string, original: string][] = [
  [join(SHARED, 'gold'), join(SHARED_REFERENCE, 'gold')],
  [join(SHARED, 'peer-suites'), join(SHARED_REFERENCE, 'peer-suites')],
  [join(SHARED, 'dev'), join(SHARED_REFERENCE, 'dev')],
  [join(ROOT, 'corpus'), join(SHARED_REFERENCE, 'corpus')],
];

/** Relative path → SHA-256 of every file under `dir` (hashes, so that a failure names files, not contents). */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

function differences(copy: string, original: string): string[] {
  const [a, b] = [hashes(copy), hashes(original)];
  const out: string[] = [];
  for (const [p, h] of b) {
    if (!a.has(p)) out.push(`missing from the copy: ${p}`);
    else if (a.get(p) !== h) out.push(`differs from the original: ${p}`);
  }
  for (const p of a.keys()) if (!b.has(p)) out.push(`not in the original: ${p}`);
  return out.sort();
}

const SKIP_NOTE = `skipped: no ${SHARED_REFERENCE} beside the checkout, so the copies cannot be checked against it`;
if (!HAS_SHARED_REFERENCE) console.warn(`shared-copies.test.ts: ${SKIP_NOTE}`);

describe('copies of the shared test data', () => {
  for (const [copy, original] of COPIES) {
    const name = `${relative(ROOT, copy)} is byte-identical to ../shared/${relative(SHARED_REFERENCE, original)}`;
    it.skipIf(!HAS_SHARED_REFERENCE)(HAS_SHARED_REFERENCE ? name : `${name} (${SKIP_NOTE})`, () => {
      const diff = differences(copy, original);
      expect(diff, `${relative(ROOT, copy)}: copy it again from ${original}`).toEqual([]);
      expect(hashes(copy).size).toBeGreaterThan(0);
    });
  }

  it('the comparison sees an edited byte, a missing file and an extra file', () => {
    // a check that cannot fail is no check: the comparison of two small folders that differ
    const tmp = mkdtempSync(join(tmpdir(), 'bm-copies-'));
    try {
      for (const side of ['copy', 'original']) mkdirSync(join(tmp, side, 'sub'), { recursive: true });
      writeFileSync(join(tmp, 'original', 'a.txt'), '161.2亿元');
      writeFileSync(join(tmp, 'copy', 'a.txt'), '161.3亿元');
      writeFileSync(join(tmp, 'original', 'sub', 'b.txt'), 'b');
      writeFileSync(join(tmp, 'copy', 'c.txt'), 'c');
      expect(differences(join(tmp, 'copy'), join(tmp, 'original'))).toEqual([
        'differs from the original: a.txt',
        'missing from the copy: sub/b.txt',
        'not in the original: c.txt',
      ]);
      writeFileSync(join(tmp, 'copy', 'a.txt'), '161.2亿元');
      writeFileSync(join(tmp, 'copy', 'sub', 'b.txt'), 'b');
      rmSync(join(tmp, 'copy', 'c.txt'));
      expect(differences(join(tmp, 'copy'), join(tmp, 'original'))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
