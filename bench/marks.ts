// The bench's lines for text whose sentences never end (issue 19): the same ~300 KB of bulletin text with 。, `.`,
// `,` or `;` as its only marks, and a 15 MB single line with commas only, each extracted by the CLI (--jobs 1).
// Time is the CPU-seconds of the extraction phase in run.json (the one document; the workers' start-up excluded),
// best of the rounds, wall seconds beside it;
// peak RSS is the whole process's (the highest of the rounds); output is records.jsonl's size over the input's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Run {
  seconds: number;
  cpu: number;
  rss: number;
  out: number;
  records: string[];
  errors: string;
}

function extractOne(cli: string, input: string, keepRecords: boolean): Run {
  const out = mkdtempSync(join(tmpdir(), 'bm-bench-marks-out-'));
  const r = spawnSync(process.execPath, [cli, 'extract', input, '-o', out, '--jobs', '1', '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`extract failed (${r.status}): ${r.stderr}`);
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { seconds: { extract: number }; cpu_seconds_extract: number; peak_rss_mb: number };
  const file = join(out, 'records.jsonl');
  const res: Run = {
    seconds: run.seconds.extract,
    cpu: run.cpu_seconds_extract,
    rss: run.peak_rss_mb,
    out: statSync(file).size,
    records: keepRecords ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [],
    errors: readFileSync(join(out, 'errors.jsonl'), 'utf8'),
  };
  rmSync(out, { recursive: true, force: true });
  return res;
}

/** The corpus's clauses (its text between any two marks), in order. */
function clausesOf(corpusDir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(corpusDir).sort()) {
    if (!f.endsWith('.txt')) continue;
    for (const c of readFileSync(join(corpusDir, f), 'utf8').split(/[，,。！？!?；;：:、\n]+/)) if (c.trim()) out.push(c.trim());
  }
  return out;
}

/** How many of the corpus's clauses (repeated as needed) make `bytes` when joined by 。 */
function clauseCount(clauses: string[], bytes: number): number {
  let size = 0;
  let n = 0;
  for (; size < bytes; n++) size += Buffer.byteLength(clauses[n % clauses.length]!) + 3;
  return n;
}

/** `n` of the corpus's clauses (repeated as needed), joined by `mark`, in one line: the same clauses for every mark,
 * so that the texts differ only in their marks */
function textOf(clauses: string[], mark: string, n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(clauses[i % clauses.length]!, mark);
  return parts.join('');
}

/** a record without what depends on the bytes (id, doc_id, path) and on the marks (context) */
function core(line: string): string {
  const { id, doc_id, path, context, amount_ids, ...rest } = JSON.parse(line) as Record<string, unknown>;
  void id, doc_id, path, context;
  return JSON.stringify({ ...rest, amounts: (amount_ids as unknown[] | undefined)?.length });
}

export type Row = [string, string, string, string, string];

export function marksBench(cli: string, corpusDir: string, rounds: number, keep: boolean): { rows: Row[]; notes: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'bm-bench-marks-'));
  const clauses = clausesOf(corpusDir);
  const marks = ['。', '.', ',', ';'];
  const runs = new Map<string, Run[]>();
  const bytesOf = new Map<string, number>();
  for (const [n, mark] of marks.entries()) {
    const d = join(dir, `marks-${n}`);
    mkdirSync(d);
    const text = textOf(clauses, mark, clauseCount(clauses, 300 * 1024));
    writeFileSync(join(d, 'doc.txt'), text);
    bytesOf.set(mark, Buffer.byteLength(text));
    runs.set(mark, []);
  }
  for (let r = 0; r < rounds; r++) {
    process.stderr.write(`marks, round ${r + 1}/${rounds}: 300 KB with ${marks.join(' ')} as its only marks …\n`);
    for (const [n, mark] of marks.entries()) runs.get(mark)!.push(extractOne(cli, join(dir, `marks-${n}`), r === 0));
  }
  process.stderr.write('marks: a 15 MB single line, commas only …\n');
  const lineDir = join(dir, 'line');
  mkdirSync(lineDir);
  const line = textOf(clauses, ',', clauseCount(clauses, 15e6 * 1.05));
  writeFileSync(join(lineDir, 'line.txt'), line);
  const big = extractOne(cli, lineDir, false);
  if (!keep) rmSync(dir, { recursive: true, force: true });

  const f2 = (x: number) => x.toFixed(2);
  const ok = (b: boolean) => (b ? 'yes' : 'NO');
  // compared by CPU-seconds (all threads, from the workers being ready to the last write): the extraction of one
  // 300 KB document takes a few tenths of a second, and on a shared machine its wall time is mostly other work's
  const fastest = (xs: Run[]) => xs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
  const base = fastest(runs.get('。')!).cpu;
  const rows: Row[] = [];
  for (const mark of marks) {
    const xs = runs.get(mark)!;
    const b = fastest(xs);
    const rss = Math.max(...xs.map((x) => x.rss));
    const ratio = b.cpu / base;
    const outRatio = b.out / bytesOf.get(mark)!;
    const met = (mark === '。' || ratio <= 3) && rss < 1536 && outRatio < 40;
    rows.push([
      `300 KB, only ${mark === '。' ? '。' : `'${mark}'`} as marks, --jobs 1`,
      `${f2(b.cpu)} CPU-s, ${rss} MB`,
      `${mark === '。' ? '' : `${f2(ratio)} × 。, `}output ${f2(outRatio)} ×`,
      `${mark === '。' ? '' : '≤ 3 × 。, '}< 1536 MB, < 40 ×`,
      ok(met),
    ]);
  }
  const bigMb = Buffer.byteLength(line) / 1e6;
  const bigOut = big.out / Buffer.byteLength(line);
  rows.push([
    `${f2(bigMb)} MB single line (','), --jobs 1`,
    `${f2(big.seconds)} s (${f2(big.cpu)} CPU-s), ${big.rss} MB`,
    `${f2(bigMb / big.seconds)} MB/s, output ${f2(bigOut)} ×`,
    '< 3072 MB (or refused)',
    ok(big.rss < 3072 || big.errors.length > 0),
  ]);
  const a = runs.get('。')![0]!.records.map(core);
  const b = runs.get('.')![0]!.records.map(core);
  const differ = a.filter((x, i) => x !== b[i]).length + Math.abs(a.length - b.length);
  const notes = [
    `marks: best of ${rounds} rounds by CPU-seconds of extraction — ${marks.map((m) => `${m} ${runs.get(m)!.map((x) => f2(x.cpu)).join(' ')}`).join(' | ')}`,
    `marks: wall seconds of extraction — ${marks.map((m) => `${m} ${runs.get(m)!.map((x) => f2(x.seconds)).join(' ')}`).join(' | ')}`,
    `marks: records of the '.' text and the 。 text apart from id and context: ${a.length} and ${b.length}, ${differ} differ` +
      (big.errors ? `; the 15 MB line: ${big.errors.trim().slice(0, 300)}` : ''),
  ];
  return { rows, notes };
}
