// `bulletin-miner report` (issue 6), checked in a real browser: headless Chromium (Debian's package, driven by
// playwright-core) opens the report from disk, counts the highlights against the records, clicks one and reads
// its fields, and keeps screenshots under .vitest-artifacts/report/.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './helpers.js';
import { buildReport, DOCS_PER_PAGE, PROJECTS_PER_PAGE } from '../src/report/index.js';
import { highlight } from '../src/report/highlight.js';
import { MAX_DOTS } from '../src/report/charts.js';
import { esc, jsonForScript } from '../src/report/escape.js';
import { decodeBytes } from '../src/decode.js';
import type { OutRecord } from '../src/schemas.js';
import { METRICS } from '../extractors/tables/metric.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, '.vitest-artifacts', 'report');
const CLI = join(ROOT, 'dist', 'cli.js');

let ctx: BrowserContext;
const tmp = mkdtempSync(join(tmpdir(), 'bm-report-'));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (as .ci/run does), or set CHROMIUM_PATH`);
  mkdirSync(ARTIFACTS, { recursive: true });
  ctx = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
});

afterAll(async () => {
  await ctx?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const readJsonl = <T = OutRecord>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

/** `bulletin-miner extract` as users run it (the built CLI: extract may use worker threads). */
function extract(input: string, out: string): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
  execFileSync(process.execPath, [CLI, 'extract', input, '-o', out, '--jobs', '1', '--quiet'], { cwd: ROOT });
}

/** Open a report file; collect page errors, console errors (CSP violations land there) and dialogs. */
async function open(file: string): Promise<{ page: Page; problems: string[] }> {
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && problems.push(`request: ${r.url()}`));
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

/** For every record: how many elements carry its id, and the text of all its pieces joined. */
async function pieces(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, { first: number; text: string }> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-record-id],[data-cont]')) {
      const id = el.dataset.recordId ?? el.dataset.cont!;
      const o = (out[id] ??= { first: 0, text: '' });
      if (el.dataset.recordId !== undefined) o.first++;
      o.text += el.textContent;
    }
    return out;
  });
}

describe('highlight', () => {
  it('nests contained spans and splits crossing ones, one data-record-id per record', () => {
    const cps = Array.from('ab𠀀cdefghi');
    const html = highlight(cps, [
      { start: 0, end: 6, cls: 'p', id: 'P' },
      { start: 2, end: 4, cls: 'a', id: 'A' },
      { start: 4, end: 8, cls: 'c', id: 'C' },
      { start: 9, end: 10, cls: 'g', id: null },
    ]);
    expect(html).toBe(
      '<span class="p" data-record-id="P" tabindex="0">ab<span class="a" data-record-id="A" tabindex="0">𠀀c</span><span class="c" data-record-id="C" tabindex="0">de</span></span>' +
        '<span class="c cont" data-cont="C">fg</span>h<span class="g">i</span>',
    );
  });
  it('escapes text and attributes; JSON for a script block cannot close it', () => {
    expect(highlight(Array.from('<b>&"x\''), [{ start: 0, end: 3, cls: 'r', id: 'a"b', title: '"><script>' }])).toBe(
      '<span class="r" data-record-id="a&quot;b" tabindex="0" title="&quot;&gt;&lt;script&gt;">&lt;b&gt;</span>&amp;&quot;x&#39;',
    );
    expect(esc('\u0000<')).toBe('\uFFFD&lt;');
    expect(jsonForScript({ a: '</script><!--\u2028' })).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(jsonForScript({ a: '</script><!--&' }))).toEqual({ a: '</script><!--&' });
  });
});

describe('report in a browser', () => {
  it('corpus: one highlight per record, each over its exact span; a click shows the fields', async () => {
    const out = join(tmp, 'corpus-out');
    extract('corpus', out);
    execFileSync(process.execPath, [CLI, 'report', '--dir', out, '--quiet'], { cwd: ROOT });
    const file = join(out, 'report.html');
    const records = readJsonl(join(out, 'records.jsonl'));
    const docs = readJsonl<{ path: string; warnings: { kind: string }[] }>(join(out, 'documents.jsonl'));
    expect(records.length).toBeGreaterThan(50);

    const { page, problems } = await open(file);
    expect(await page.locator('[data-record-id]').count()).toBe(records.length);
    const got = await pieces(page);
    const originals = new Map(docs.map((d) => [d.path, Array.from(decodeBytes(readFileSync(join(ROOT, 'corpus', d.path))).text)]));
    for (const r of records) {
      expect(got[r.id]?.first, r.id).toBe(1);
      expect(got[r.id]!.text, r.id).toBe(originals.get(r.path)!.slice(r.start, r.end).join(''));
    }
    expect(Object.keys(got).length).toBe(records.length);
    const garbled = docs.reduce((n, d) => n + d.warnings.filter((w) => w.kind === 'garbled').length, 0);
    expect(await page.locator('.garbled:not(.cont)').count()).toBe(garbled);
    expect(await page.locator('table.documents tbody tr').count()).toBe(docs.length);
    expect(await page.locator('svg.chart').count()).toBe(2);
    const plotted = records.filter((r) => r.type === 'amount' && ((r.value ?? r.max ?? 0) > 0)).length;
    expect(await page.locator('svg.chart').first().locator('circle').count()).toBe(plotted);
    // the growth chart has one row per metric, and the facts table one row per amount with a metric and per
    // percentage of a metric without an amount of it in its sentence; a value links to its amount
    const metrics = new Set(records.filter((r) => r.type === 'percentage' && r.unit === 'percent' && r.direction && r.basis !== 'share' && r.basis !== 'progress' && (r.value !== null || (r.min !== null && r.max !== null))).map((r) => r.metric ?? '(no metric)'));
    expect(await page.locator('svg.chart').nth(1).locator('text.label').count()).toBe(metrics.size);
    const withMetric = records.filter((r) => r.type === 'amount' && r.metric).length;
    expect(await page.locator('table.facts tbody tr').count()).toBeGreaterThanOrEqual(withMetric);
    const firstFact = page.locator('table.facts tbody tr td:nth-child(4) a').first();
    expect(await firstFact.getAttribute('href')).toMatch(/#r=[0-9a-f]{16}-amount-/);

    // click an amount (linked to a project if there is one, else one with a subject): the panel shows its fields
    const amounts = records.filter((r) => r.type === 'amount' && r.value !== null);
    const linked = new Map(records.flatMap((r) => (r.type === 'project' ? r.amount_ids.map((a) => [a, r] as const) : [])));
    const amount = amounts.find((r) => linked.has(r.id)) ?? amounts.find((r) => r.type === 'amount' && r.subject) ?? amounts[0];
    if (amount?.type !== 'amount') throw new Error('no amount in the corpus output');
    const el = page.locator(`[data-record-id="${amount.id}"]`);
    expect(await el.getAttribute('title')).toContain(String(amount.value));
    await el.scrollIntoViewIfNeeded();
    await el.click();
    const panel = page.locator('#details');
    await expect.poll(() => panel.isVisible()).toBe(true);
    const field = (k: string) => panel.locator(`tr[data-field="${k}"] td`).innerText();
    expect(await field('type')).toBe('amount');
    expect(await field('text')).toBe(amount.text);
    expect(await field('value')).toBe(String(amount.value));
    expect(await field('unit')).toBe(amount.unit);
    expect(await field('currency')).toBe(amount.currency);
    expect(await field('qualifier')).toBe(amount.qualifier);
    expect(await field('subject')).toBe(amount.subject ?? '—');
    const project = linked.get(amount.id);
    expect(await field('linked project')).toContain(project?.type === 'project' ? project.name : '—');
    expect(await page.locator('.r.sel').count()).toBeGreaterThanOrEqual(1);
    // the selected highlight stays in view, not under the panel
    expect(await el.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + Math.min(4, r.width / 2), r.top + r.height / 2);
      return !!hit && (hit === e || e.contains(hit));
    })).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'report-corpus-click.png') });

    // a project: name, location, linked amounts
    const proj = records.find((r) => r.type === 'project' && r.amount_ids.length) ?? records.find((r) => r.type === 'project');
    if (proj?.type === 'project') {
      await page.locator(`[data-record-id="${proj.id}"]`).dispatchEvent('click');
      expect(await field('type')).toBe('project');
      expect(await field('name')).toBe(proj.name);
      expect(await field('location')).toBe(proj.location ?? '—');
      const amountsText = await field('linked amounts');
      for (const id of proj.amount_ids) expect(amountsText).toContain(records.find((r) => r.id === id)?.text ?? id);
      expect(await page.locator('table.projects tbody tr').count()).toBe(records.filter((r) => r.type === 'project').length);
    }

    // a percentage too
    const pct = records.find((r) => r.type === 'percentage' && r.direction)!;
    if (pct.type !== 'percentage') throw new Error('no percentage with a direction in the corpus');
    await page.locator(`[data-record-id="${pct.id}"]`).click();
    expect(await field('direction')).toBe(pct.direction);
    expect(await field('value')).toBe(String(pct.value));
    // and from the keyboard
    await page.locator(`[data-record-id="${amount.id}"]`).focus();
    await page.keyboard.press('Enter');
    expect(await field('text')).toBe(amount.text);

    await page.goto(pathToFileURL(file).href + '#top');
    await page.screenshot({ path: join(ARTIFACTS, 'report-corpus.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hostile document text and file names cannot inject markup or script', async () => {
    const src = join(tmp, 'hostile-in');
    mkdirSync(src);
    const evil =
      '<script>window.__pwned=1</script>"quote\' 全市完成固定资产投资161.2亿元,同比增长7.3%。</textarea></title></style></script>' +
      '<img src=x onerror="window.__pwned=2"><!-- ]]> &amp; &lt;b&gt; <iframe src="https://example.com/"></iframe>\n' +
      '第二行<svg onload="window.__pwned=3"></svg>投资2亿元 \u2028 </script><script>window.__pwned=4</script>\n';
    writeFileSync(join(src, 'hostile.txt'), evil);
    const evilName = `x"><img src=y onerror=window.__pwned=5>.txt`;
    writeFileSync(join(src, evilName), '<b onclick=alert(1)>完成投资3亿元</b>');
    const out = join(tmp, 'hostile-out');
    extract(src, out);
    const records = readJsonl(join(out, 'records.jsonl'));
    expect(records.length).toBeGreaterThanOrEqual(3);
    await buildReport({ dir: out });
    const file = join(out, 'report.html');
    const { page, problems } = await open(file);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      scripts: document.scripts.length,
      imgs: document.querySelectorAll('img').length,
      iframes: document.querySelectorAll('iframe').length,
      textareas: document.querySelectorAll('textarea').length,
      svgsWithOnload: document.querySelectorAll('svg[onload]').length,
      bold: document.querySelectorAll('main b[onclick]').length,
      texts: [...document.querySelectorAll('.text')].map((e) => e.textContent),
    }));
    expect(state).toMatchObject({ pwned: null, scripts: 2, imgs: 0, iframes: 0, textareas: 0, svgsWithOnload: 0, bold: 0 });
    expect(state.texts.join('\n')).toContain('<script>window.__pwned=1</script>"quote\'');
    expect(state.texts.join('\n')).toContain('<img src=x onerror="window.__pwned=2">');
    expect(await page.locator('[data-record-id]').count()).toBe(records.length);
    expect(await page.locator('table.documents').innerText()).toContain(evilName);
    // the details panel shows the hostile context as text
    const r = records.find((x) => x.path === 'hostile.txt')!;
    await page.locator(`[data-record-id="${r.id}"]`).click();
    expect(await page.locator('#details tr[data-field="context"] td').innerText()).toContain('</');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    await page.screenshot({ path: join(ARTIFACTS, 'report-hostile.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('thousands of documents: a paginated index and one page per document', async () => {
    const gen = generateOutput(join(tmp, 'large'), 3000);
    const s = await buildReport({ dir: gen.out });
    expect(s.split).toBe(true);
    expect(s.documents).toBe(3000);
    expect(s.records).toBe(gen.records);
    const main = join(gen.out, 'report.html');
    expect(statSync(main).size).toBeLessThan(3_000_000);
    const files = join(gen.out, 'report.files');
    expect(readdirSync(join(files, 'doc')).length).toBe(3000);
    expect(readdirSync(files).filter((f) => f.startsWith('documents-')).length).toBe(Math.ceil(3000 / DOCS_PER_PAGE) - 1);
    expect(readdirSync(files).filter((f) => f.startsWith('projects-')).length).toBe(Math.ceil(3000 / PROJECTS_PER_PAGE) - 1);

    const { page, problems } = await open(main);
    expect(await page.locator('table.documents tbody tr').count()).toBe(DOCS_PER_PAGE);
    expect(await page.locator('[data-record-id]').count()).toBe(0);
    expect(await page.locator('table.projects tbody tr').first().innerText()).toContain('<img src=x');
    expect(await page.evaluate(() => [document.querySelectorAll('img').length, (window as unknown as { __pwned?: number }).__pwned ?? null])).toEqual([0, null]);
    // 3000 growth rates over 7 metrics: each row thinned to MAX_DOTS dots
    expect(await page.locator('svg.chart').nth(1).locator('circle').count()).toBe(7 * MAX_DOTS);
    // the last page of the list, then a document from it
    await page.locator('#documents ~ nav.pages a', { hasText: String(Math.ceil(3000 / DOCS_PER_PAGE)) }).first().click();
    await page.waitForLoadState();
    expect(page.url()).toContain('documents-6.html');
    expect(await page.locator('table.documents tbody tr').count()).toBe(3000 - 5 * DOCS_PER_PAGE);
    await page.locator('table.documents a', { hasText: 'd2999.txt' }).click();
    await page.waitForLoadState();
    const want = gen.byPath.get('d2999.txt')!;
    expect(await page.locator('[data-record-id]').count()).toBe(want.length);
    const got = await pieces(page);
    for (const r of want) expect(got[r.id]).toEqual({ first: 1, text: gen.texts.get('d2999.txt')!.slice(r.start, r.end) });
    await page.screenshot({ path: join(ARTIFACTS, 'report-large-doc.png') });

    // a project link from the main page opens its document with the project selected
    await page.goto(pathToFileURL(main).href);
    await page.locator('table.projects a').first().click();
    await page.waitForLoadState();
    await expect.poll(() => page.locator('#details').isVisible()).toBe(true);
    expect(await page.locator('#details tr[data-field="type"] td').innerText()).toBe('project');
    expect(await page.locator('#details tr[data-field="linked amounts"] td').innerText()).toContain('亿元');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('report without a browser', () => {
  it('a changed or missing source shows the records without the text; bad --dir is a usage error', async () => {
    const src = join(tmp, 'changed-in');
    mkdirSync(src);
    writeFileSync(join(src, 'a.txt'), '全市完成固定资产投资161.2亿元,同比增长7.3%。');
    writeFileSync(join(src, 'b.txt'), '完成投资3亿元。');
    const out = join(tmp, 'changed-out');
    extract(src, out);
    appendFileSync(join(src, 'a.txt'), '又及。');
    rmSync(join(src, 'b.txt'));
    const s = await buildReport({ dir: out });
    expect(s.unavailable).toBe(2);
    const html = readFileSync(s.out, 'utf8');
    expect(html).toContain('changed since the run');
    expect(html).toContain('was not found');
    expect(html.match(/data-record-id="[0-9a-f]/g)?.length).toBe(readJsonl(join(out, 'records.jsonl')).length);
    await expect(buildReport({ dir: join(tmp, 'nowhere') })).rejects.toThrow(/documents\.jsonl/);
  });
});

describe('report finds its texts', () => {
  it('extract run from one folder with a relative input, report run from another: every text found', () => {
    // the user's layout: inputs typed relative to where extract runs, the output elsewhere, report from a third folder
    const work = join(tmp, 'relative-work');
    mkdirSync(join(work, 'txt'), { recursive: true });
    writeFileSync(join(work, 'txt', 'a.txt'), '全市完成固定资产投资161.2亿元,同比增长7.3%。');
    writeFileSync(join(work, 'txt', 'b.txt'), '完成投资3亿元。');
    const out = join(tmp, 'relative-elsewhere', 'out');
    execFileSync(process.execPath, [CLI, 'extract', 'txt', '-o', out, '--jobs', '1', '--quiet'], { cwd: work });
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.inputs).toEqual(['txt']); // what the user typed
    expect(run.inputs_absolute).toEqual([join(work, 'txt')]);
    const other = join(tmp, 'relative-other');
    mkdirSync(other);
    const r = spawnSync(process.execPath, [CLI, 'report', '--dir', out], { cwd: other, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/report of 2 documents/);
    expect(r.stderr).not.toMatch(/without their text/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('全市完成固定资产投资');
    expect(html).not.toContain('was not found');
  });
});

describe('report of HTML input', () => {
  it('shows the visible text of an HTML page, with its records highlighted over their spans', async () => {
    const src = join(tmp, 'html-in');
    mkdirSync(src);
    writeFileSync(join(src, 'a.html'), '<html><head><meta charset="utf-8"><title>t</title><script>var x="<b>";</script></head><body><p>全市完成固定资产投资161.2亿元,</p><p>同比增长7.3%。&lt;script&gt;</p></body></html>');
    const out = join(tmp, 'html-out');
    extract(src, out);
    const records = readJsonl(join(out, 'records.jsonl'));
    expect(records.length).toBeGreaterThanOrEqual(2);
    const s = await buildReport({ dir: out });
    expect(s.unavailable).toBe(0);
    const { page, problems } = await open(s.out);
    expect(await page.locator('.text').innerText()).toContain('全市完成固定资产投资161.2亿元');
    expect(await page.locator('.text').innerText()).toContain('<script>');
    const got = await pieces(page);
    for (const r of records) expect(got[r.id]).toEqual({ first: 1, text: r.text });
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** A synthetic output folder of n documents (sources, documents.jsonl, records.jsonl, run.json) with nested and
 * crossing spans, without running the extractors. */
function generateOutput(root: string, n: number) {
  const inDir = join(root, 'in');
  const out = join(root, 'out');
  mkdirSync(inDir, { recursive: true });
  mkdirSync(out, { recursive: true });
  const docs: string[] = [];
  const recs: string[] = [];
  const byPath = new Map<string, OutRecord[]>();
  const texts = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const path = `d${String(i).padStart(4, '0')}.txt`;
    const amount = `${(i % 97) + 1}.5亿元`;
    const text = `第${i}号通报\n全市完成固定资产投资${amount},同比增长${(i % 13) + 0.5}%。\n桓仁满族自治县${amount}大雅河抽水蓄能${i}号项目开工,共有${i % 50}个重点项目。\n`;
    writeFileSync(join(inDir, path), text);
    texts.set(path, text);
    const bytes = Buffer.from(text);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const doc_id = sha.slice(0, 16);
    const base = { doc_id, path, context: '' };
    const at = (s: string, from = 0) => text.indexOf(s, from);
    const a1 = at(amount);
    const a2 = at(amount, a1 + 1);
    const pct = at('增长') + 2;
    const pctEnd = at('%') + 1;
    const proj = at('桓仁');
    const projEnd = at('项目开工');
    const cnt = at('共有') + 2;
    const mk = (type: string, start: number, end: number, extra: object) => ({ id: `${doc_id}-${type}-${start}-${end}`, type, ...base, start, end, text: text.slice(start, end), ...extra });
    const amt1 = mk('amount', a1, a1 + amount.length, { value: 1, min: null, max: null, currency: 'CNY', unit: '亿元', qualifier: 'exact', subject: '固定资产投资' });
    const amt2 = mk('amount', a2, a2 + amount.length, { value: 2, min: null, max: null, currency: 'CNY', unit: '亿元', qualifier: 'exact', subject: null });
    const list = [
      amt1,
      mk('percentage', pct, pctEnd, { value: (i % 13) + 0.5, min: null, max: null, unit: 'percent', direction: 'up', basis: 'yoy', qualifier: 'exact', subject: `行业${i % 7}`, metric: METRICS[i % 7] }),
      // a project span that holds an amount, and a count that crosses the project's end
      mk('project', proj, projEnd + 2, { name: `大雅河抽水蓄能${i}号`, location: i === 0 ? '</td><img src=x onerror="window.__pwned=9">' : '桓仁满族自治县', amount_ids: [amt2.id], status: 'started' }),
      amt2,
      mk('count', projEnd, at('重点项目') + 4, { value: i % 50, unit: '个', noun: '重点项目', category: 'key', qualifier: 'exact' }),
    ] as unknown as OutRecord[];
    byPath.set(path, list);
    for (const r of list) recs.push(JSON.stringify(r));
    docs.push(
      JSON.stringify({
        doc_id, path, bytes: bytes.length, sha256: sha, encoding: 'utf-8', encoding_confidence: 0.99, script: 'simplified', chars: text.length, title: `第${i}号通报`,
        counts: { amount: 2, percentage: 1, count: 1, project: 1 },
        normalization: { pinyin_annotations: 0, doubled_punctuation: 0, width_fixes: 0, number_spaces: 0, script_conversions: 0 },
        warnings: [{ kind: 'garbled', start: 0, end: 1, message: 'garbled text "第"' }],
      }),
    );
  }
  writeFileSync(join(out, 'documents.jsonl'), docs.join('\n') + '\n');
  writeFileSync(join(out, 'records.jsonl'), recs.join('\n') + '\n');
  writeFileSync(join(out, 'errors.jsonl'), '');
  writeFileSync(join(out, 'run.json'), JSON.stringify({ inputs: [inDir] }));
  return { out, records: recs.length, byPath, texts };
}
