// PDF and Word bulletins (issue 17): real files made here from the corpus texts: PDFs printed by headless Chromium
// (as a word processor or a browser writes them: fonts embedded, paragraphs wrapped over lines and pages), .docx
// files written as Word writes them (paragraphs of runs, a table), plus a PDF without a text layer, damaged files and
// an old .doc. Extracted by the real CLI; the amounts of each copy are compared with those of its text original.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { chromium, type Browser } from 'playwright-core';
import { CORPUS, ROOT } from './helpers.js';
import { pdfPages } from '../src/formats.js';
import { buildReport } from '../src/report/index.js';
import { decodeDocument, pdfTextOf } from '../src/pipeline.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLI = join(ROOT, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'bm-formats-'));
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium fonts-wqy-microhei (as .ci/run does), or set CHROMIUM_PATH`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A PDF of `html` as Chromium prints it (A4). */
async function printPdf(html: string): Promise<Buffer> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><meta charset="utf-8">${html}`);
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  return pdf;
}

/** Two layouts of a text's lines as paragraphs: a first-line indent (as Chinese documents are set), or none with
 * space between paragraphs. */
function paragraphs(text: string, indent: boolean): string {
  const style = indent ? 'p{margin:0;text-indent:2em;text-align:justify}' : 'p{margin:0 0 0.8em}';
  return `<style>body{font-family:"WenQuanYi Micro Hei",sans-serif;font-size:12pt}${style}</style>` + text.split('\n').filter((l) => l.trim()).map((l) => `<p>${esc(l.trim())}</p>`).join('\n');
}

/** A .docx as Word writes it: each line a paragraph of runs (split in the middle, as Word splits them at edits),
 * and `table` rows as a table of cells. */
function docx(lines: string[], table: string[][] = []): Uint8Array {
  const run = (t: string) => `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  const para = (l: string) => {
    const cut = Math.floor(l.length / 2);
    return `<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr>${run(l.slice(0, cut))}${run(l.slice(cut))}</w:p>`;
  };
  const tbl = table.length ? `<w:tbl>${table.map((row) => `<w:tr>${row.map((c) => `<w:tc><w:tcPr/>${para(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>` : '';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines.map(para).join('')}${tbl}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
  });
}

function extract(input: string, out: string): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'extract', input, '-o', out, '--quiet'], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stderr: r.stderr };
}

const jsonl = (file: string): Record<string, any>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** The amount values (value, or min-max) of the documents under `folder`, by file name without its extension. */
function amountsIn(out: string, folder: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of jsonl(join(out, 'records.jsonl'))) {
    if (r.type !== 'amount' || !(r.path as string).startsWith(folder)) continue;
    const key = (r.path as string).replace(/^.*[/\\]/, '').replace(/\.[a-z]+$/, '');
    m.set(key, [...(m.get(key) ?? []), r.value !== null ? String(r.value) : `${r.min}-${r.max}`]);
  }
  return m;
}

/** The share of the text originals' amount values that a copy gives (as a multiset, document by document). */
function recovered(original: Map<string, string[]>, copy: Map<string, string[]>): { found: number; total: number } {
  let found = 0;
  let total = 0;
  for (const [doc, values] of original) {
    const left = new Map<string, number>();
    for (const v of copy.get(doc) ?? []) left.set(v, (left.get(v) ?? 0) + 1);
    for (const v of values) {
      total++;
      const n = left.get(v) ?? 0;
      if (n > 0) {
        found++;
        left.set(v, n - 1);
      }
    }
  }
  return { found, total };
}

// (each test runs Chromium and the CLI, several times: minutes on a busy 2-core machine)
describe('PDF and DOCX bulletins', { timeout: 240_000 }, () => {
  it('PDF and DOCX copies of the corpus give ≥ 95% of the amount values of the text originals; documents say their format', async () => {
    const root = join(tmp, 'copies');
    for (const d of ['txt', 'pdf', 'docx']) mkdirSync(join(root, d), { recursive: true });
    const names = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
    for (const [i, f] of names.entries()) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      const stem = f.replace(/\.txt$/, '');
      writeFileSync(join(root, 'txt', f), text);
      writeFileSync(join(root, 'pdf', `${stem}.pdf`), await printPdf(paragraphs(text, i % 2 === 0)));
      writeFileSync(join(root, 'docx', `${stem}.docx`), docx(text.split('\n').filter((l) => l.trim())));
    }
    const out = join(tmp, 'copies-out');
    const r = extract(root, out);
    expect(r.status, r.stderr).toBe(0);
    expect(jsonl(join(out, 'errors.jsonl'))).toEqual([]);
    const docs = jsonl(join(out, 'documents.jsonl'));
    expect(docs.map((d) => `${d.path.split(/[/\\]/)[0]}:${d.format}`).sort()).toEqual(
      names.flatMap(() => ['docx:docx', 'pdf:pdf', 'txt:text']).sort(),
    );
    const original = amountsIn(out, 'txt');
    const total = [...original.values()].reduce((a, v) => a + v.length, 0);
    expect(total).toBeGreaterThan(50);
    for (const fmt of ['pdf', 'docx']) {
      const { found } = recovered(original, amountsIn(out, fmt));
      console.log(`${fmt}: ${found} of ${total} amount values of the text originals (${((100 * found) / total).toFixed(1)}%)`);
      expect(found / total).toBeGreaterThanOrEqual(0.95);
    }
    // the report shows a PDF's extracted text, its records highlighted
    const s = await buildReport({ dir: out });
    expect(s.unavailable).toBe(0);
    expect(readFileSync(s.out, 'utf8')).toContain('全市完成固定资产投资161.2');
  });

  it('a number or a word broken at a line end is whole again: lines of a paragraph are joined', async () => {
    // one sentence in a narrow column, after 0 to 13 filler characters, so that its line breaks fall everywhere in
    // it, inside the number and between 亿 and 元 included; paragraphs set apart by space
    const sentence = '全市重点项目总投资1310亿元。';
    const paras = Array.from({ length: 14 }, (_, k) => `<p>${'的'.repeat(k)}${sentence}</p>`).join('');
    const pdf = await printPdf(`<style>body{font-family:"WenQuanYi Micro Hei";font-size:12pt}p{width:7em;margin:0 0 1.2em;word-break:break-all}</style>${paras}`);
    // as laid out, the amount is broken over two lines in several paragraphs, 亿 | 元 among them
    const lines = (await pdfPages(pdf)).pages.flat().map((l) => l.text);
    const broken = lines.filter((l, i) => /(1|13|131|1310|1310亿|总|总投|总投资)$/.test(l) && i + 1 < lines.length && !l.endsWith('元。'));
    expect(broken.length).toBeGreaterThan(5);
    expect(lines.some((l, i) => l.endsWith('1310亿') && lines[i + 1]!.startsWith('元'))).toBe(true);
    const dir = join(tmp, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'column.pdf'), pdf);
    const out = join(tmp, 'broken-out');
    expect(extract(dir, out).status).toBe(0);
    const amounts = jsonl(join(out, 'records.jsonl')).filter((r) => r.type === 'amount');
    expect(amounts.map((a) => [a.text, a.value])).toEqual(Array.from({ length: 14 }, () => ['1310亿元', 131000000000]));
    // each paragraph is one line of the original text, the offsets point into it
    const doc = jsonl(join(out, 'documents.jsonl'))[0]!;
    expect(doc.format).toBe('pdf');
    const bytes = readFileSync(join(dir, 'column.pdf'));
    const { text } = decodeDocument(bytes, 'column.pdf', await pdfTextOf(bytes, 'column.pdf'));
    expect(text.split('\n').filter(Boolean)).toEqual(Array.from({ length: 14 }, (_, k) => `${'的'.repeat(k)}${sentence}`));
    for (const a of amounts) expect([...text].slice(a.start, a.end).join('')).toBe('1310亿元');
    // extract --stdin (and so the queue's workers, which extract the same way) reads the PDF's text layer too
    const piped = spawnSync(process.execPath, [CLI, 'extract', '--stdin'], {
      input: JSON.stringify({ path: 'column.pdf', base64: bytes.toString('base64') }) + '\n', encoding: 'utf8', cwd: ROOT,
    });
    const pipedLines = piped.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
    expect(pipedLines.filter((l) => l.type === 'amount').map((l) => l.id)).toEqual(amounts.map((a) => a.id));
  });

  it('DOCX: paragraphs and table cells are lines, runs joined', () => {
    const dir = join(tmp, 'docx');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.docx'), docx(['全市完成固定资产投资161.2亿元,同比增长7.3%。'], [['项目', '总投资'], ['本桓高速', '109.6亿元']]));
    const out = join(tmp, 'docx-out');
    expect(extract(dir, out).status).toBe(0);
    const amounts = jsonl(join(out, 'records.jsonl')).filter((r) => r.type === 'amount');
    expect(amounts.map((a) => a.value)).toEqual([16120000000, 10960000000]);
    const doc = jsonl(join(out, 'documents.jsonl'))[0]!;
    expect(doc).toMatchObject({ format: 'docx', encoding: 'docx', title: '全市完成固定资产投资161.2亿元,同比增长7.3%。' });
  });

  it('a PDF without a text layer, damaged PDF and DOCX files and a .doc are errors that say so; the rest goes on', async () => {
    const dir = join(tmp, 'bad');
    mkdirSync(dir);
    // a page of shapes only, as a scan is a page of pixels
    writeFileSync(join(dir, 'scan.pdf'), await printPdf('<svg width="500" height="700"><rect x="20" y="20" width="400" height="600" fill="#888"/><circle cx="200" cy="200" r="80" fill="#222"/></svg>'));
    const good = await printPdf(paragraphs('全市完成固定资产投资161.2亿元。', true));
    writeFileSync(join(dir, 'truncated.pdf'), good.subarray(0, Math.floor(good.length / 3)));
    writeFileSync(join(dir, 'truncated.docx'), docx(['完成投资3亿元。']).subarray(0, 200));
    writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'good.pdf'), good);
    const out = join(tmp, 'bad-out');
    const r = extract(dir, out);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const errors = Object.fromEntries(jsonl(join(out, 'errors.jsonl')).map((e) => [e.path, e]));
    expect(errors['scan.pdf']).toMatchObject({ kind: 'no-text-layer' });
    expect(errors['scan.pdf']!.message).toMatch(/without a text layer.*scan/);
    expect(errors['truncated.pdf']).toMatchObject({ kind: 'damaged' });
    expect(errors['truncated.docx']).toMatchObject({ kind: 'damaged' });
    expect(errors['old.doc']).toMatchObject({ kind: 'unsupported-format' });
    expect(errors['old.doc']!.message).toMatch(/\.docx/);
    expect(Object.keys(errors).sort()).toEqual(['old.doc', 'scan.pdf', 'truncated.docx', 'truncated.pdf']);
    const docs = jsonl(join(out, 'documents.jsonl'));
    expect(docs.map((d) => d.path)).toEqual(['good.pdf']);
    expect(jsonl(join(out, 'records.jsonl')).filter((x) => x.type === 'amount').map((x) => x.value)).toEqual([16120000000]);
  });
});
