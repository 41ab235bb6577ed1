// A synthetic archive made from corpus/: each file is a shuffled mix of paragraphs of the real bulletins, so
// the files differ (distinct bytes, distinct doc_ids) but read like the real thing. Deterministic (seeded).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, so the same call builds the same archive on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function paragraphsOf(corpusDir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(corpusDir).sort()) {
    if (!f.endsWith('.txt')) continue;
    for (const p of readFileSync(join(corpusDir, f), 'utf8').split(/\n+/)) if (p.trim().length >= 8) out.push(p.trim());
  }
  return out;
}

export interface Built {
  files: string[];
  bytes: number;
  text: string[];
}

/** Write `count` files of about `docBytes` bytes each into `dir` (in sub-folders of 100), spread as an archive is. */
export function buildArchive(dir: string, count: number, docBytes: number, corpusDir: string, seed = 1, keepText = false): Built {
  const paras = paragraphsOf(corpusDir);
  const rand = rng(seed);
  const files: string[] = [];
  const text: string[] = [];
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const sub = join(dir, `part-${String(Math.floor(n / 100)).padStart(4, '0')}`);
    if (n % 100 === 0) mkdirSync(sub, { recursive: true });
    const lines = [`第${n}号 投资工作情况通报`];
    let size = Buffer.byteLength(lines[0]!);
    while (size < docBytes) {
      const p = paras[Math.floor(rand() * paras.length)]!;
      lines.push(p);
      size += Buffer.byteLength(p) + 1;
    }
    const body = lines.join('\n') + '\n';
    const file = join(sub, `doc-${String(n).padStart(6, '0')}.txt`);
    writeFileSync(file, body);
    files.push(file);
    if (keepText) text.push(body);
    bytes += Buffer.byteLength(body);
  }
  return { files, bytes, text };
}
