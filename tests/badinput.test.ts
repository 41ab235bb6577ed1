// Bad input (SPEC 4): a hostile archive built in a temp folder at test time, run through the real CLI. Every
// case gets a clear line in errors.jsonl or a document warning, the run goes on, exits 0, prints no stack trace.
import { describe, it, expect, beforeAll } from 'vitest';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, ftruncateSync, chownSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CORPUS, ROOT } from './helpers.js';
import { CLI, cli, jsonl, runJson, tmp } from './cli-helpers.js';

const GOOD = readFileSync(join(CORPUS, '000_556b1be0a4d14982.txt'), 'utf8');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** Root reads every folder, so an unreadable folder is tested by running the CLI as nobody; that needs the
 * checkout to be readable by nobody (it is not when it lives under a private home folder). */
const asNobody =
  isRoot &&
  spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, 4); require(${JSON.stringify(join(ROOT, 'node_modules', 'nodejieba', 'package.json'))})`], {
    uid: NOBODY,
    gid: NOBODY,
  }).status === 0;
const folderLockWorks = !isRoot || asNobody;

let dir: string;
let out: string;
let result: ReturnType<typeof cli>;
let errors: { path: string; kind: string; message: string }[];
let documents: { path: string; warnings: { kind: string; message: string }[]; counts: Record<string, number> }[];

const errorOf = (path: string) => errors.find((e) => e.path === path);
const docOfGood = () => documents.find((d) => d.path === 'good.txt')!;
const docOf = (path: string) => documents.find((d) => d.path === path);

beforeAll(() => {
  dir = tmp('hostile');
  out = tmp('hostile-out');
  writeFileSync(join(dir, 'good.txt'), GOOD);
  writeFileSync(join(dir, 'empty.txt'), '');
  // binary: random bytes with plenty of control bytes
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919 + (i >> 3)) & 0xff;
  writeFileSync(join(dir, 'binary.txt'), bin);
  // disguised binary: a PNG named .txt, a gzip named .html
  writeFileSync(join(dir, 'photo.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR全市完成固定资产投资161.2亿元')]));
  writeFileSync(join(dir, 'page.html'), Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from('全市完成投资5亿元')]));
  // truncated multi-byte: UTF-8 cut inside its last character
  const utf8 = Buffer.from('全市完成固定资产投资161.2亿元,同比增长7.3%。项目建设');
  writeFileSync(join(dir, 'truncated.txt'), utf8.subarray(0, utf8.length - 1));
  // a GB18030 file cut inside its last character
  const gb = iconv.encode(GOOD.slice(0, 400), 'gb18030');
  writeFileSync(join(dir, 'truncated-gb.txt'), gb.subarray(0, gb.length - 1));
  // invalid bytes in the middle of UTF-8
  writeFileSync(join(dir, 'invalid-mid.txt'), Buffer.concat([Buffer.from(GOOD.slice(0, 300)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(GOOD.slice(300, 900))]));
  // a 5 MB single line (the corpus without its line breaks, repeated)
  const flat = GOOD.replace(/\n/g, '');
  let line = '';
  while (Buffer.byteLength(line) < 5e6) line += flat;
  writeFileSync(join(dir, 'one-line.txt'), line);
  // a file of hundreds of MB, made sparse (instant, no disk)
  const fd = openSync(join(dir, 'huge.txt'), 'w');
  ftruncateSync(fd, 300 * 1024 * 1024);
  closeSync(fd);
  // no Chinese
  writeFileSync(join(dir, 'english.txt'), 'Fixed-asset investment rose 7.3% to 16.12 billion yuan.\n');
  // links: dangling, a loop back to an ancestor, a link to itself
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'inner.txt'), GOOD.slice(0, 500));
  symlinkSync('..', join(dir, 'sub', 'loop'));
  symlinkSync('self.txt', join(dir, 'self.txt'));
  // a fifo named like a bulletin (reading it would block forever)
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  // a folder that cannot be read (root reads everything, so the run is made as nobody below)
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'secret.txt'), GOOD.slice(0, 300));
  chmodSync(join(dir, 'locked'), 0o000);
  // an HTML page in GBK with a script and entities
  writeFileSync(
    join(dir, 'news.htm'),
    iconv.encode('<html><head><meta charset="gbk"><title>t</title><script>var x="9亿元";</script></head><body><p>全市完成投资&nbsp;161.2亿元&#65292;同比增长7.3&#37;。</p></body></html>', 'gbk'),
  );
  // the same page saved as .txt (as scrapers and browsers do), after white space
  writeFileSync(
    join(dir, 'saved-page.txt'),
    iconv.encode('\n  <!DOCTYPE html><html><head><meta charset="gbk"><title>t</title><script>var x="9亿元";</script></head><body><p>全市完成投资&nbsp;161.2亿元&#65292;同比增长7.3&#37;。</p></body></html>', 'gbk'),
  );
  if (asNobody) {
    chmodSync(dir, 0o755);
    chmodSync(out, 0o777);
    for (const f of ['good.txt', 'one-line.txt']) chownSync(join(dir, f), NOBODY, NOBODY);
  }
  result = cli(['extract', dir, '-o', out, '--jobs', '2'], {}, asNobody ? NOBODY : undefined);
  errors = jsonl(join(out, 'errors.jsonl'));
  documents = jsonl(join(out, 'documents.jsonl'));
}, 240_000);

describe('a hostile archive', () => {
  it('is survived: exit 0, no stack trace, the good files extracted', () => {
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.status).toBe(0);
    expect(docOf('good.txt')!.counts.amount).toBeGreaterThan(0);
    expect(docOf(join('sub', 'inner.txt'))).toBeTruthy();
    const run = runJson(out);
    expect(run.complete).toBe(true);
    expect(run.errors).toBe(errors.length);
    expect(Object.values(run.errors_by_kind as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(errors.length);
  });
  it('every error line has a path, a kind and a message that says something', () => {
    for (const e of errors) {
      expect(Object.keys(e).sort()).toEqual(['kind', 'message', 'path']);
      expect(e.kind.trim().length * e.message.trim().length, JSON.stringify(e)).toBeGreaterThan(0);
    }
  });
  it('empty file', () => expect(errorOf('empty.txt')?.kind).toBe('empty'));
  it('binary file', () => expect(errorOf('binary.txt')?.kind).toBe('binary'));
  it('disguised binary (PNG named .txt, gzip named .html)', () => {
    expect(errorOf('photo.txt')).toMatchObject({ kind: 'binary', message: expect.stringContaining('PNG') });
    expect(errorOf('page.html')).toMatchObject({ kind: 'binary', message: expect.stringContaining('gzip') });
  });
  it('truncated multi-byte sequence: a document warning, the rest extracted', () => {
    const d = docOf('truncated.txt')!;
    expect(d.warnings.map((w) => w.kind)).toContain('truncated');
    expect(d.counts.amount).toBe(1);
    const g = docOf('truncated-gb.txt')!;
    expect(g.warnings.length).toBeGreaterThan(0);
    expect(g.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining([expect.stringMatching(/truncated|invalid-bytes|garbled/)]));
  });
  it('invalid bytes mid-file: a document warning, the rest extracted', () => {
    const d = docOf('invalid-mid.txt')!;
    expect(d.warnings.map((w) => w.kind)).toContain('invalid-bytes');
    expect(d.counts.amount + d.counts.percentage).toBeGreaterThan(0);
  });
  it('a 5 MB single line is extracted', () => {
    const d = docOf('one-line.txt')!;
    expect(d).toBeTruthy();
    expect(d.counts.amount).toBeGreaterThan(1000);
  });
  it('a file of hundreds of MB is refused with a message', () => {
    expect(errorOf('huge.txt')).toMatchObject({ kind: 'too-large', message: expect.stringMatching(/300 MiB.*limit of 16 MiB/) });
  });
  it('no Chinese: a document warning', () => {
    expect(docOf('english.txt')!.warnings.map((w) => w.kind)).toContain('no-chinese');
  });
  it('dangling link, symbolic-link loops, fifo', () => {
    expect(errorOf('dangling.txt')?.kind).toBe('dangling-link');
    expect(errorOf(join('sub', 'loop'))?.kind).toBe('symlink-loop');
    expect(errorOf('self.txt')?.kind).toBe('symlink-loop');
    expect(errorOf('pipe.txt')?.kind).toBe('not-a-file');
  });
  it.runIf(folderLockWorks)('a folder that cannot be read', () => {
    expect(errorOf('locked')).toMatchObject({ kind: 'permission', message: expect.stringContaining('cannot read this folder') });
  });
  it('HTML: visible text only, entities decoded, <meta charset> honoured', () => {
    const d = docOf('news.htm')! as unknown as { encoding: string; title: string; counts: Record<string, number> };
    expect(d.encoding).toBe('gb18030');
    expect(d.title).toContain('全市完成投资');
    expect(d.counts.amount).toBe(1); // the script's 9亿元 is not text
    const recs = jsonl<{ path: string; text: string; value: number }>(join(out, 'records.jsonl')).filter((r) => r.path === 'news.htm');
    expect(recs.map((r) => r.value)).toEqual(expect.arrayContaining([16120000000, 7.3]));
  });
  it('HTML under another name (a page saved as .txt) is read as a web page, with a warning', () => {
    const d = docOf('saved-page.txt')! as unknown as { encoding: string; title: string; counts: Record<string, number>; warnings: { kind: string }[] };
    expect(d.encoding).toBe('gb18030');
    expect(d.title).toContain('全市完成投资');
    expect(d.counts.amount).toBe(1);
    expect(d.warnings.map((w) => w.kind)).toContain('html');
    expect(docOf('news.htm')!.warnings.map((w) => w.kind)).not.toContain('html');
  });
});

describe('files that are not inputs', () => {
  it('are counted by extension in run.json and named in the summary, not passed over in silence', () => {
    const d = tmp('other');
    const o = tmp('other-out');
    writeFileSync(join(d, 'good.txt'), GOOD);
    writeFileSync(join(d, 'page-1'), GOOD);
    writeFileSync(join(d, 'page-2'), GOOD);
    writeFileSync(join(d, 'notice.SHTML'), GOOD);
    mkdirSync(join(d, 'img'));
    writeFileSync(join(d, 'img', 'chart.png'), 'x');
    const r = cli(['extract', d, '-o', o]);
    expect(r.status).toBe(0);
    const run = runJson(o);
    expect(run.documents).toBe(1);
    expect(run.ignored_files).toBe(4);
    expect(run.ignored_by_extension).toEqual({ '(none)': 2, '.png': 1, '.shtml': 1 });
    expect(r.stderr).toMatch(/4 other files ignored, not \.txt\/\.htm\/\.html\/\.pdf\/\.docx\/\.doc \(2 without an extension, 1 \.png, 1 \.shtml/);
  });
});

describe('file names that are not UTF-8', () => {
  it('a GBK file and folder name is read by its bytes and shown decoded; other bytes as %XX', () => {
    const d = tmp('names');
    const o = tmp('names-out');
    const gbk = (s: string) => iconv.encode(s, 'gbk');
    const bytesPath = (...parts: Buffer[]) => Buffer.concat([Buffer.from(d), ...parts.flatMap((p) => [Buffer.from('/'), p])]);
    writeFileSync(bytesPath(Buffer.concat([gbk('统计公报'), Buffer.from('.txt')])), GOOD);
    mkdirSync(bytesPath(gbk('子目录')));
    writeFileSync(bytesPath(gbk('子目录'), Buffer.concat([gbk('年报'), Buffer.from('.txt')])), GOOD);
    writeFileSync(bytesPath(Buffer.from([0x62, 0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74])), GOOD); // b\xff\xfe.txt
    writeFileSync(join(d, 'utf8名.txt'), GOOD);
    const r = cli(['extract', d, '-o', o, '--quiet']);
    expect(r.status).toBe(0);
    expect(jsonl(join(o, 'errors.jsonl'))).toEqual([]);
    const docs = jsonl<{ path: string; counts: Record<string, number> }>(join(o, 'documents.jsonl'));
    expect(docs.map((x) => x.path)).toEqual(['b%FF%FE.txt', 'utf8名.txt', '子目录/年报.txt', '统计公报.txt']);
    expect(new Set(docs.map((x) => x.counts.amount))).toEqual(new Set([docOfGood().counts.amount]));
    // and the next run finds them unchanged
    cli(['extract', d, '-o', o, '--quiet']);
    expect(runJson(o).skipped_unchanged).toBe(4);
  });
});

describe('the size limit per file, at its edge', () => {
  it('a file of exactly --max-file-mb is extracted whole; one byte more is refused', () => {
    const d = tmp('edge');
    const o = tmp('edge-out');
    const limit = 64 * 1024; // --max-file-mb 0.0625
    const text = Buffer.from(GOOD.repeat(Math.ceil(limit / Buffer.byteLength(GOOD)) + 1));
    // cut at a line break so that the file at the limit ends on a whole character
    const at = text.lastIndexOf(0x0a, limit - 1) + 1;
    const exact = Buffer.concat([text.subarray(0, at), Buffer.alloc(limit - at, 0x20)]);
    writeFileSync(join(d, 'at-limit.txt'), exact);
    writeFileSync(join(d, 'over-limit.txt'), Buffer.concat([exact, Buffer.from(' ')]));
    const r = cli(['extract', d, '-o', o, '--max-file-mb', String(limit / 1024 / 1024), '--quiet']);
    expect(r.status).toBe(0);
    const docs = jsonl<{ path: string }>(join(o, 'documents.jsonl'));
    expect(docs.map((x) => x.path)).toEqual(['at-limit.txt']);
    expect(runJson(o).bytes_extracted).toBe(limit);
    expect(jsonl<{ path: string; kind: string }>(join(o, 'errors.jsonl'))).toEqual([expect.objectContaining({ path: 'over-limit.txt', kind: 'too-large' })]);
  });
  it.runIf(existsSync('/proc/self/status'))('a file longer than its size says (Linux /proc: size 0) is read to its end', () => {
    const o = tmp('proc-out');
    const r = cli(['extract', '/proc/self/status', '-o', o, '--quiet']);
    expect(r.status).toBe(0);
    const [doc] = jsonl<{ bytes: number; chars: number; title: string }>(join(o, 'documents.jsonl'));
    expect(doc!.title).toMatch(/^Name:/);
    expect(doc!.bytes).toBeGreaterThan(200);
    expect(doc!.chars).toBe(doc!.bytes);
  });
});

describe('an output folder that cannot be written', () => {
  it('is a usage error before any work: exit 2, a message, no stack trace', () => {
    const d = tmp('nowrite');
    writeFileSync(join(d, 'file'), 'x');
    const r = cli(['extract', CORPUS, '-o', join(d, 'file', 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write to the output folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it.runIf(asNobody)('a folder the user may not write (run as nobody)', () => {
    const d = tmp('nowrite2');
    chmodSync(d, 0o755); // owned by root: nobody cannot write
    const r = cli(['extract', CORPUS, '-o', d], {}, NOBODY);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write to the output folder/);
    expect(existsSync(join(d, 'run.json'))).toBe(false);
  });
  it('an output file that is a folder: exit 2 and a message, the workers ended, no hang', () => {
    const d = tmp('isdir');
    mkdirSync(join(d, 'records.jsonl'));
    const r = cli(['extract', CORPUS, '-o', d, '--quiet']);
    expect(r.error).toBeUndefined(); // not killed by the helper's timeout
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot open the output files in .*records\.jsonl/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // the lock was released: once the output folder is mended, the same command runs
    rmSync(join(d, 'records.jsonl'), { recursive: true });
    expect(cli(['extract', CORPUS, '-o', d, '--quiet']).status).toBe(0);
  });
  it('nothing readable at all exits 1 with a message', () => {
    const r = cli(['extract', join(tmp('none'), 'missing'), '-o', tmp('none-out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the library', () => {
  it('extractFile refuses a file over its size limit with a typed error', async () => {
    const { extractFile } = await import('../src/pipeline.js');
    const { DecodeError } = await import('../src/decode.js');
    const f = join(tmp('lib-huge'), 'huge.txt');
    const fd = openSync(f, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    await expect(extractFile(f)).rejects.toBeInstanceOf(DecodeError);
    await expect(extractFile(f)).rejects.toMatchObject({ kind: 'too-large' });
  });
});
