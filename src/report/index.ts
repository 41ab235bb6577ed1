// `bulletin-miner report` (issue 6): an HTML review report of an output folder. Small outputs give one
// self-contained file; large ones (many documents or much text) give an index file whose documents, projects
// and document list pages live in a sibling folder `<name>.files/`, every page self-contained and linked by
// relative paths so the whole works opened from disk.
import { readdir, rm, writeFile, access } from 'node:fs/promises';
import { mkdirs } from '../fsutil.js';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { AmountRecord, DocumentRecord, OutRecord, PercentageRecord, ProjectRecord } from '../schemas.js';
import { esc, urlPath } from './escape.js';
import { highlight, type Mark } from './highlight.js';
import { docKey, inputRoots, loadOutput, loadSource, type OutputFolder } from './load.js';
import { amountsChart, amountValue, growthChart, isGrowth, zhAmount, type ChartRow, type GrowthRow } from './charts.js';
import { page, TYPES } from './page.js';

export interface ReportOptions {
  dir: string;
  out?: string;
  /** where the run's inputs are, if not where run.json says */
  sources?: string[];
  /** force per-document pages */
  split?: boolean;
}

export interface ReportSummary {
  out: string;
  documents: number;
  records: number;
  highlighted: number;
  pages: number;
  split: boolean;
  unavailable: number;
}

/** Above these, the report writes per-document pages. */
export const SPLIT_DOCUMENTS = 100;
export const SPLIT_CHARS = 2_000_000;
export const DOCS_PER_PAGE = 500;
export const PROJECTS_PER_PAGE = 500;
export const CHART_ROWS = 40;
const MARKER = '.bulletin-miner-report';

interface DocEntry {
  n: number;
  doc: DocumentRecord;
  records: OutRecord[];
  /** href of the document from the main file's folder */
  href: string;
}

export async function buildReport(opts: ReportOptions): Promise<ReportSummary> {
  const dir = resolve(opts.dir);
  if (!existsSync(join(dir, 'documents.jsonl'))) {
    const { UsageError } = await import('../cli.js');
    throw new UsageError(`${opts.dir} holds no documents.jsonl: run \`bulletin-miner extract -o ${opts.dir}\` first, or pass --dir`);
  }
  const outFile = resolve(opts.out ?? join(dir, 'report.html'));
  const output = await loadOutput(dir);
  const totalChars = output.documents.reduce((a, d) => a + (d.chars || 0), 0);
  const split = !!opts.split || output.documents.length > SPLIT_DOCUMENTS || totalChars > SPLIT_CHARS;
  const stem = basename(outFile, extname(outFile));
  const filesName = `${stem}.files`;
  const filesDir = join(dirname(outFile), filesName);
  await prepareOut(outFile, filesDir, split);

  const entries: DocEntry[] = output.documents.map((doc, i) => ({
    n: i + 1,
    doc,
    records: (output.records.get(docKey(doc.doc_id, doc.path)) ?? []).slice().sort((a, b) => a.start - b.start || b.end - a.end),
    href: split ? urlPath(filesName, 'doc', `d${i + 1}.html`) : `#doc-${i + 1}`,
  }));
  const links = linkIndex(output);
  const roots = inputRoots(output, opts.sources);
  let highlighted = 0;
  let unavailable = 0;
  let pages = 1;

  const docPageCount = Math.max(1, Math.ceil(entries.length / DOCS_PER_PAGE));
  const projects = entries.flatMap((e) => e.records.filter((r): r is ProjectRecord => r.type === 'project').map((r) => ({ r, e })));
  // one file holds every project; split reports page them like the documents
  const projPerPage = split ? PROJECTS_PER_PAGE : Math.max(1, projects.length);
  const projPageCount = Math.max(1, Math.ceil(projects.length / projPerPage));
  const mainHref = (fromFiles: number) => (fromFiles === 0 ? urlPath(basename(outFile)) : urlPath(...Array(fromFiles).fill('..'), basename(outFile)));
  const docListHref = (p: number, depth: number) =>
    p === 1 ? `${mainHref(depth)}#documents` : depth === 0 ? urlPath(filesName, `documents-${p}.html`) : urlPath(...Array(depth - 1).fill('..'), `documents-${p}.html`);
  const projListHref = (p: number, depth: number) =>
    p === 1 ? `${mainHref(depth)}#projects` : depth === 0 ? urlPath(filesName, `projects-${p}.html`) : urlPath(...Array(depth - 1).fill('..'), `projects-${p}.html`);
  const nav = (depth: number) =>
    `<a href="${esc(mainHref(depth))}">summary</a> <a href="${esc(docListHref(1, depth))}">documents</a> <a href="${esc(projListHref(1, depth))}">projects</a>`;
  const hrefFrom = (e: DocEntry, depth: number) => (depth === 0 ? e.href : depth === 1 ? urlPath('doc', `d${e.n}.html`) : `d${e.n}.html`);

  // documents: in the main file, or one page each
  const docSections: string[] = [];
  const mainRecords: Record<string, unknown> = {};
  for (const e of entries) {
    const src = await loadSource(e.doc, roots);
    if (!src.ok) unavailable++;
    const view = renderDocument(e, src.ok ? src.text : null, src.ok ? null : src.reason, links);
    highlighted += view.highlighted;
    const data: Record<string, unknown> = {};
    for (const r of e.records) data[r.id] = clientRecord(r, links);
    if (split) {
      const body = `<p><a href="${esc(docListHref(Math.ceil(e.n / DOCS_PER_PAGE), 2))}">← documents</a>${e.n > 1 ? ` · <a href="d${e.n - 1}.html">previous</a>` : ''}${e.n < entries.length ? ` · <a href="d${e.n + 1}.html">next</a>` : ''}</p>${view.html}`;
      await writeFile(join(filesDir, 'doc', `d${e.n}.html`), page({ title: `${e.doc.path} — bulletin-miner`, nav: nav(2), body, records: data }));
      pages++;
    } else {
      docSections.push(view.html);
      Object.assign(mainRecords, data);
    }
  }

  // document index
  const docTable = (from: number, depth: number) => documentTable(entries.slice(from, from + DOCS_PER_PAGE), (e) => hrefFrom(e, depth));
  const pager = (count: number, current: number, href: (p: number) => string) =>
    count <= 1
      ? ''
      : `<nav class="pages">pages: ${Array.from({ length: count }, (_, i) => (i + 1 === current ? `<b>${i + 1}</b>` : `<a href="${esc(href(i + 1))}">${i + 1}</a>`)).join(' ')}</nav>`;
  for (let p = 2; p <= docPageCount; p++) {
    const body = `<h2 id="documents">Documents ${(p - 1) * DOCS_PER_PAGE + 1}–${Math.min(p * DOCS_PER_PAGE, entries.length)} of ${entries.length}</h2>${pager(docPageCount, p, (q) => docListHref(q, 1))}${docTable((p - 1) * DOCS_PER_PAGE, 1)}${pager(docPageCount, p, (q) => docListHref(q, 1))}`;
    await writeFile(join(filesDir, `documents-${p}.html`), page({ title: `Documents, page ${p} — bulletin-miner`, nav: nav(1), body, records: {} }));
    pages++;
  }
  for (let p = 2; p <= projPageCount; p++) {
    const slice = projects.slice((p - 1) * projPerPage, p * projPerPage);
    const body = `<h2 id="projects">Projects ${(p - 1) * projPerPage + 1}–${(p - 1) * projPerPage + slice.length} of ${projects.length}</h2>${pager(projPageCount, p, (q) => projListHref(q, 1))}${projectTable(slice, links, (e) => hrefFrom(e, 1), true)}`;
    await writeFile(join(filesDir, `projects-${p}.html`), page({ title: `Projects, page ${p} — bulletin-miner`, nav: nav(1), body, records: {} }));
    pages++;
  }

  // the main file: summary, charts, projects, documents, errors
  const counts = { amount: 0, percentage: 0, count: 0, project: 0 } as Record<string, number>;
  for (const e of entries) for (const r of e.records) counts[r.type] = (counts[r.type] ?? 0) + 1;
  const main: string[] = [];
  main.push(`<p class="totals"><span><b>${entries.length}</b> documents</span><span><b>${output.recordCount}</b> records:</span>${TYPES.map((t) => `<span><span class="chip ${t}">${t}</span> ${counts[t] ?? 0}</span>`).join('')}<span><b>${output.errors.length}</b> inputs failed</span>${unavailable ? `<span class="warn"><b>${unavailable}</b> documents without their text</span>` : ''}</p>`);
  main.push(`<p class="meta">Output folder: <code>${esc(dir)}</code>${Array.isArray(output.run?.inputs) ? ` · inputs: <code>${esc((output.run!.inputs as unknown[]).map(String).join(', '))}</code>` : ''}${typeof output.run?.extractors === 'string' ? ` · extractors ${esc(output.run.extractors)}` : ''}. Click a highlight to see its fields.</p>`);
  if (output.badLines.length) main.push(`<p class="note">${output.badLines.length} line(s) of the output were not valid JSON and were skipped (first: ${esc(output.badLines[0]!.file)} line ${output.badLines[0]!.line}).</p>`);
  main.push(`<h2 id="charts">Amounts per document</h2>${amountsChart(amountRows(entries))}`);
  main.push(`<p class="meta">One dot per amount (hollow: not CNY), log scale${entries.length > CHART_ROWS ? `; the ${CHART_ROWS} documents with the most amounts` : ''}.</p>`);
  main.push(`<h2>Growth percentages by metric</h2>${growthChart(growthRows(entries))}`);
  main.push(`<p class="meta">Percentages with a direction (down shown negative), shares and plan progress left out; bar = mean; one row per metric (SPEC 7), the ${CHART_ROWS} most frequent.</p>`);
  main.push(await factsSection(dir, entries));
  main.push(`<h2 id="projects">Named projects (${projects.length})</h2>${pager(projPageCount, 1, (q) => projListHref(q, 0))}${projectTable(projects.slice(0, projPerPage), links, (e) => e.href, split)}`);
  main.push(`<h2 id="documents">Documents (${entries.length})</h2>${pager(docPageCount, 1, (q) => docListHref(q, 0))}${docTable(0, 0)}`);
  if (output.errors.length) main.push(errorTable(output));
  if (!split) main.push(`<h2 id="texts">Texts</h2>${docSections.join('\n')}`);
  await writeFile(outFile, page({ title: `bulletin-miner report — ${basename(dir)}`, nav: nav(0), body: main.join('\n'), records: mainRecords }));
  return { out: outFile, documents: entries.length, records: output.recordCount, highlighted, pages, split, unavailable };
}

async function prepareOut(outFile: string, filesDir: string, split: boolean): Promise<void> {
  const { UsageError } = await import('../cli.js');
  try {
    await mkdirs(dirname(outFile));
    if (existsSync(filesDir)) {
      // only a folder this command wrote before is replaced
      const mine = existsSync(join(filesDir, MARKER));
      const empty = (await readdir(filesDir)).length === 0;
      if (!mine && !empty) throw new UsageError(`${filesDir} exists and was not written by bulletin-miner report: not overwriting it`);
      await rm(filesDir, { recursive: true, force: true });
    }
    if (split) {
      await mkdirs(join(filesDir, 'doc'));
      await writeFile(join(filesDir, MARKER), 'written by bulletin-miner report; replaced on every run\n');
    }
    await writeFile(outFile, '');
    await access(outFile);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write the report to ${outFile}: ${(e as Error).message}`);
  }
}

interface Links {
  /** amount id → projects that list it */
  projectsOf: Map<string, ProjectRecord[]>;
  byId: Map<string, OutRecord>;
}

function linkIndex(out: OutputFolder): Links {
  const projectsOf = new Map<string, ProjectRecord[]>();
  const byId = new Map<string, OutRecord>();
  for (const list of out.records.values())
    for (const r of list) {
      byId.set(r.id, r);
      if (r.type === 'project')
        for (const a of r.amount_ids ?? []) {
          const l = projectsOf.get(a);
          if (l) l.push(r);
          else projectsOf.set(a, [r]);
        }
    }
  return { projectsOf, byId };
}

function amountText(a: OutRecord | undefined, id: string): string {
  if (!a) return id;
  if (a.type !== 'amount') return a.text;
  const v = amountValue(a);
  return v === null ? a.text : `${a.text} (${zhAmount(v)} ${a.currency})`;
}

/** What the details panel shows for a record (fields of the record, plus its links). */
function clientRecord(r: OutRecord, links: Links): Record<string, unknown> {
  const out: Record<string, unknown> = { ...r };
  if (r.type === 'amount') {
    const v = amountValue(r);
    if (v !== null) out.value_text = `${zhAmount(v)} ${r.currency}`;
  }
  if (r.type === 'amount' || r.type === 'percentage') {
    out.projects = (links.projectsOf.get(r.id) ?? []).map((p) => ({ id: p.id, label: p.location ? `${p.name} (${p.location})` : p.name }));
  }
  if (r.type === 'project') out.amounts = (r.amount_ids ?? []).map((id) => ({ id, label: amountText(links.byId.get(id), id) }));
  return out;
}

function describe(r: OutRecord, links: Links): string {
  const parts: string[] = [r.type, r.text];
  switch (r.type) {
    case 'amount': {
      parts.push(r.value !== null ? `${r.value} ${r.currency}` : `${r.min}–${r.max} ${r.currency}`, r.qualifier);
      if (r.subject) parts.push(`subject: ${r.subject}`);
      const ps = links.projectsOf.get(r.id);
      if (ps?.length) parts.push(`project: ${ps.map((p) => p.name).join(', ')}`);
      break;
    }
    case 'percentage':
      parts.push(r.value !== null ? `${r.value} ${r.unit}` : `${r.min}–${r.max} ${r.unit}`);
      if (r.direction) parts.push(r.direction);
      if (r.basis) parts.push(r.basis);
      parts.push(r.qualifier);
      if (r.subject) parts.push(`subject: ${r.subject}`);
      break;
    case 'count':
      parts.push(`${r.value} ${r.unit}`);
      if (r.noun) parts.push(r.noun);
      if (r.category) parts.push(r.category);
      parts.push(r.qualifier);
      break;
    case 'project':
      parts.push(`name: ${r.name}`);
      if (r.location) parts.push(`location: ${r.location}`);
      if (r.status) parts.push(r.status);
      if (r.amount_ids?.length) parts.push(`amounts: ${r.amount_ids.map((id) => links.byId.get(id)?.text ?? id).join(', ')}`);
      break;
  }
  return parts.join(' · ');
}

function renderDocument(e: DocEntry, text: string | null, reason: string | null, links: Links): { html: string; highlighted: number } {
  const d = e.doc;
  const head = `${e.href.startsWith('#') ? '<a class="up" href="#documents">↑ documents</a>' : ''}<h3>${esc(d.path)}</h3><div class="meta">${esc(d.title ?? '')}<br>doc_id ${esc(d.doc_id)} · ${esc(d.encoding)}${typeof d.encoding_confidence === 'number' ? ` (${d.encoding_confidence})` : ''} · ${esc(d.script)} · ${esc(d.chars)} chars · ${TYPES.map((t) => `${t} ${e.records.filter((r) => r.type === t).length}`).join(', ')}</div>`;
  const warnings = (d.warnings ?? []).length
    ? `<ul class="warn">${d.warnings.map((w) => `<li>${esc(w.kind)} ${esc(w.start)}–${esc(w.end)}: ${esc(w.message)}</li>`).join('')}</ul>`
    : '';
  const listItem = (r: OutRecord) => `<li><span class="r r-${esc(r.type)}" data-record-id="${esc(r.id)}" tabindex="0" title="${esc(describe(r, links))}">${esc(r.text)}</span> <span class="meta">${esc(describe(r, links))} · ${esc(r.start)}–${esc(r.end)}</span></li>`;
  let body: string;
  let highlighted = 0;
  if (text === null) {
    body = `<p class="note">${esc(reason ?? 'text unavailable')}</p><ul class="recs">${e.records.map(listItem).join('')}</ul>`;
    highlighted = e.records.length;
  } else {
    const cps = Array.from(text);
    const n = cps.length;
    const marks: Mark[] = [];
    const misplaced: OutRecord[] = [];
    for (const r of e.records) {
      if (Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start < r.end && r.end <= n) {
        marks.push({ start: r.start, end: r.end, cls: `r r-${r.type}`, id: r.id, title: describe(r, links) });
      } else misplaced.push(r);
    }
    for (const w of d.warnings ?? []) {
      if (w.kind === 'garbled' && w.start < w.end && w.end <= n) marks.push({ start: w.start, end: w.end, cls: 'garbled', id: null, title: w.message });
    }
    highlighted = e.records.length;
    body =
      (misplaced.length ? `<p class="note">${misplaced.length} record(s) point outside the text (${n} characters):</p><ul class="recs">${misplaced.map(listItem).join('')}</ul>` : '') +
      `<div class="text" lang="zh">${highlight(cps, marks)}</div>`;
  }
  return { html: `<section class="doc" id="doc-${e.n}">${head}${warnings}${body}</section>`, highlighted };
}

function documentTable(entries: DocEntry[], href: (e: DocEntry) => string): string {
  const rows = entries.map((e) => {
    const d = e.doc;
    const c = { amount: 0, percentage: 0, count: 0, project: 0 } as Record<string, number>;
    for (const r of e.records) c[r.type] = (c[r.type] ?? 0) + 1;
    const kinds = new Map<string, number>();
    for (const w of d.warnings ?? []) kinds.set(w.kind, (kinds.get(w.kind) ?? 0) + 1);
    const warn = [...kinds].map(([k, v]) => `${k} ×${v}`).join(', ');
    return `<tr><td class="n">${e.n}</td><td><a href="${esc(href(e))}">${esc(d.path)}</a></td><td>${esc(truncateTitle(d.title))}</td><td>${esc(d.encoding)}</td><td>${esc(d.script)}</td><td class="n">${esc(d.chars)}</td>${TYPES.map((t) => `<td class="n">${c[t]}</td>`).join('')}<td class="warn">${esc(warn)}</td></tr>`;
  });
  return `<table class="documents"><thead><tr><th>#</th><th>document</th><th>title</th><th>encoding</th><th>script</th><th>chars</th>${TYPES.map((t) => `<th><span class="chip ${t}">${t}</span></th>`).join('')}<th>warnings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function truncateTitle(t: string | null): string {
  if (!t) return '';
  const cps = Array.from(t);
  return cps.length > 40 ? cps.slice(0, 39).join('') + '…' : t;
}

function projectTable(rows: { r: ProjectRecord; e: DocEntry }[], links: Links, href: (e: DocEntry) => string, crossPage: boolean): string {
  if (!rows.length) return '<p class="empty">No named projects.</p>';
  const body = rows.map(({ r, e }) => {
    const base = crossPage ? href(e) : '';
    const amounts = (r.amount_ids ?? []).map((id) => `<a href="${esc(base)}#r=${esc(encodeURIComponent(id))}">${esc(amountText(links.byId.get(id), id))}</a>`).join('<br>');
    return `<tr><td><a href="${esc(base)}#r=${esc(encodeURIComponent(r.id))}">${esc(r.name)}</a></td><td>${esc(r.location ?? '')}</td><td>${esc(r.status ?? '')}</td><td>${amounts}</td><td><a href="${esc(href(e))}">${esc(e.doc.path)}</a></td></tr>`;
  });
  return `<table class="projects"><thead><tr><th>project</th><th>location</th><th>status</th><th>linked amounts</th><th>document</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function errorTable(out: OutputFolder): string {
  const shown = out.errors.slice(0, 500);
  return `<h2 id="errors">Inputs that failed (${out.errors.length})</h2><table><thead><tr><th>path</th><th>kind</th><th>message</th></tr></thead><tbody>${shown
    .map((e) => `<tr><td>${esc(e.path)}</td><td>${esc(e.kind)}</td><td>${esc(e.message)}</td></tr>`)
    .join('')}</tbody></table>${out.errors.length > shown.length ? `<p class="meta">… and ${out.errors.length - shown.length} more in errors.jsonl.</p>` : ''}`;
}

function amountRows(entries: DocEntry[]): ChartRow<AmountRecord>[] {
  let rows = entries
    .map((e) => ({ label: e.doc.path, href: e.href, records: e.records.filter((r): r is AmountRecord => r.type === 'amount' && amountValue(r) !== null) }))
    .filter((r) => r.records.length);
  if (rows.length > CHART_ROWS) rows = rows.slice().sort((a, b) => b.records.length - a.records.length).slice(0, CHART_ROWS);
  return rows;
}

function growthRows(entries: DocEntry[]): GrowthRow[] {
  const by = new Map<string, GrowthRow>();
  for (const e of entries)
    for (const r of e.records) {
      if (r.type !== 'percentage' || !isGrowth(r as PercentageRecord)) continue;
      const label = (r as PercentageRecord).metric ?? NO_METRIC;
      let row = by.get(label);
      if (!row) by.set(label, (row = { label, points: [] }));
      row.points.push({ r: r as PercentageRecord, href: e.href });
    }
  return [...by.values()].sort((a, b) => b.points.length - a.points.length || (a.label < b.label ? -1 : 1)).slice(0, CHART_ROWS);
}

const NO_METRIC = '(no metric)';
/** The most facts rows the main page shows (all of them are in \`query\`/\`export\`). */
export const FACT_ROWS = 500;

/** The facts of SPEC 7 as a table, read with the same SQL as \`query\`'s view: where, when, what, how much, and
 * the year-on-year change, share and progress of each number; each id links to its record. */
async function factsSection(dir: string, entries: DocEntry[]): Promise<string> {
  const { openDuck, plain } = await import('../sql/duckdb.js');
  const duck = await openDuck(dir);
  let rows: Record<string, unknown>[];
  let total: number;
  try {
    const r = await duck.connection.runAndReadAll(`SELECT * FROM facts LIMIT ${FACT_ROWS}`);
    rows = r.getRowObjectsJS().map((o) => plain(o) as Record<string, unknown>);
    total = Number(plain((await duck.connection.runAndReadAll('SELECT count(*) AS n FROM facts')).getRowObjectsJS()[0]!.n));
  } finally {
    duck.close();
  }
  const hrefOf = new Map(entries.map((e) => [docKey(e.doc.doc_id, e.doc.path), e.href]));
  const num = (v: unknown, f: (x: number) => string) => (typeof v === 'number' ? f(v) : '');
  const link = (row: Record<string, unknown>, id: unknown, text: string) => {
    const href = hrefOf.get(docKey(String(row.doc_id), String(row.path)));
    return typeof id === 'string' && href !== undefined ? `<a href="${esc(`${href.startsWith('#') ? '' : href}#r=${encodeURIComponent(id)}`)}">${esc(text)}</a>` : esc(text);
  };
  const period = (row: Record<string, unknown>) => (row.period_start ? `${row.period_start}..${row.period_end}` : '');
  const body = rows.map(
    (row) =>
      `<tr><td>${esc(String(row.region ?? ''))}</td><td>${esc(period(row))}</td><td>${esc(String(row.metric))}</td>` +
      `<td class="num">${link(row, row.amount_id, num(row.value, zhAmount))}</td><td>${esc(String(row.currency ?? ''))}</td>` +
      `<td class="num">${link(row, row.yoy_id, num(row.yoy, (v) => `${v > 0 ? '+' : ''}${v}%`))}</td><td class="num">${esc(num(row.share, (v) => `${v}%`))}</td>` +
      `<td class="num">${esc(num(row.progress, (v) => `${v}%`))}</td><td>${esc(String(row.path))}</td></tr>`,
  );
  const head = ['region', 'period', 'metric', 'value', 'currency', 'yoy', 'share', 'progress', 'document'].map((h) => `<th>${h}</th>`).join('');
  const table = rows.length ? `<table class="facts"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>` : '<p class="empty">No numbers with a metric.</p>';
  const more = total > rows.length ? ` The first ${rows.length} of ${total}; all of them: \`bulletin-miner query "select * from facts"\`.` : '';
  return `<h2 id="facts">Facts (${total})</h2><p class="meta">One row per amount or percentage with a metric (SPEC 7): an amount with the year-on-year change, share and progress of its metric in its sentence.${esc(more)}</p>${table}`;
}
