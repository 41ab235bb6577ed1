// query / export / load against the real engines: DuckDB embedded, Parquet and CSV files read back with DuckDB,
// and a throwaway PostgreSQL cluster (tests/pg.ts). The data: the corpus output (extracted here with the
// CLI) and a small hand-made output folder with one record of every type, validated with the zod schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ROOT, CORPUS } from './helpers.js';
import { SCHEMAS } from '../src/schemas.js';
import { tables, duckType, pgType, commonRecordColumns } from '../src/sql/columns.js';
import { exportTables, plain, query, displayWidth, formatTable } from '../src/sql/duckdb.js';
import { load } from '../src/sql/postgres.js';
import { startCluster, type Cluster } from './pg.js';

const CLI = join(ROOT, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'bm-sql-'));
const corpusOut = join(tmp, 'corpus-out');
const fixture = join(tmp, 'fixture');
const empty = join(tmp, 'empty');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function jsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Expected rows per table, from the JSONL files. */
function expected(dir: string): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  const recs = jsonl(join(dir, 'records.jsonl'));
  for (const t of tables()) out[t.name] = t.type ? recs.filter((r) => r.type === t.type) : jsonl(join(dir, 'documents.jsonl'));
  return out;
}

// ---- the hand-made fixture: every record type, ranges, nulls, links, nested document fields ----
const D1 = 'aaaaaaaaaaaaaaaa';
const D2 = 'bbbbbbbbbbbbbbbb';
const base = (doc: string, type: string, start: number, end: number, text: string) => ({
  id: `${doc}-${type}-${start}-${end}`,
  doc_id: doc,
  path: doc === D1 ? 'a/甲.txt' : 'b,"quoted".txt',
  start,
  end,
  text,
  context: `上下文,含逗号和"引号"\n第二行:${text}`,
});
const A1 = { ...base(D1, 'amount', 10, 19, '109.6亿元'), type: 'amount', value: 10960000000, min: null, max: null, currency: 'CNY', unit: '亿元', qualifier: 'exact', subject: '总投资', region: '桓仁满族自治县', period_start: '2023-01', period_end: '2023-11', metric: '总投资' };
const A2 = { ...base(D1, 'amount', 30, 37, '3至5亿元'), type: 'amount', value: null, min: 3e8, max: 5e8, currency: 'CNY', unit: '亿元', qualifier: 'range', subject: null, region: null, period_start: null, period_end: null, metric: null };
const A3 = { ...base(D2, 'amount', 5, 12, '5000万美元'), type: 'amount', value: 5e7, min: null, max: null, currency: 'USD', unit: '万美元', qualifier: 'approx', subject: '外资', region: '香港', period_start: '2024-01', period_end: '2024-12', metric: '到位资金' };
const P1 = { ...base(D1, 'percentage', 40, 44, '7.3%'), type: 'percentage', value: 7.3, min: null, max: null, unit: 'percent', direction: 'up', basis: 'yoy', qualifier: 'exact', subject: '固定资产投资', region: '本溪市', period_start: '2023-01', period_end: '2023-08', metric: '固定资产投资' };
// two percentages in A1's sentence, of its metric: a fall (a signed yoy) and a share
const P2 = { ...base(D1, 'percentage', 20, 23, '下降2%'), context: A1.context, type: 'percentage', value: 2, min: null, max: null, unit: 'percent', direction: 'down', basis: 'yoy', qualifier: 'exact', subject: '总投资', region: '桓仁满族自治县', period_start: '2023-01', period_end: '2023-11', metric: '总投资' };
const P3 = { ...base(D1, 'percentage', 24, 28, '占15.5%'), context: A1.context, type: 'percentage', value: 15.5, min: null, max: null, unit: 'percent', direction: null, basis: 'share', qualifier: 'exact', subject: '总投资', region: '桓仁满族自治县', period_start: '2023-01', period_end: '2023-11', metric: '总投资' };
const C1 = { ...base(D1, 'count', 50, 56, '591个项目'), type: 'count', value: 591, unit: '个', noun: '项目', category: null, qualifier: 'exact', region: '本溪市', period_start: null, period_end: null };
const C2 = { ...base(D2, 'count', 20, 27, '近5万个'), type: 'count', value: 50000, unit: '个', noun: '新开工项目', category: 'new', qualifier: 'under', region: null, period_start: '2022-01', period_end: '2022-06' };
const J1 = { ...base(D1, 'project', 0, 7, '大雅河抽水蓄能'), type: 'project', name: '大雅河抽水蓄能', location: '桓仁满族自治县', amount_ids: [A1.id, A2.id], status: 'started' };
const J2 = { ...base(D2, 'project', 30, 34, '本桓高速'), type: 'project', name: '本桓高速', location: null, amount_ids: [], status: null };
const RECORDS = [J1, A1, P2, P3, A2, P1, C1, J2, A3, C2];
const doc = (doc_id: string, path: string, title: string | null, warnings: unknown[]) => ({
  doc_id,
  path,
  bytes: 1234,
  sha256: doc_id.repeat(4),
  encoding: 'gb18030',
  encoding_confidence: 0.75,
  format: 'text',
  script: 'traditional',
  chars: 600,
  title,
  counts: { amount: 2, percentage: 1, count: 1, project: 1 },
  normalization: { pinyin_annotations: 3, doubled_punctuation: 1, width_fixes: 0, number_spaces: 0, script_conversions: 12 },
  warnings,
  region: path.startsWith('a/') ? '本溪市' : null,
  period_start: path.startsWith('a/') ? '2023-01' : null,
  period_end: path.startsWith('a/') ? '2023-08' : null,
  published: path.startsWith('a/') ? '2023-09-15' : null,
});
const DOCS = [doc(D1, 'a/甲.txt', '标题', [{ kind: 'garbled', start: 1, end: 3, message: 'garbled text "?!"' }]), doc(D2, 'b,"quoted".txt', null, [])];

beforeAll(() => {
  // every fixture record must be valid, or the fixture has fallen behind the schemas
  for (const r of RECORDS) SCHEMAS[r.type as 'amount'].parse(r);
  for (const d of DOCS) SCHEMAS.document.parse(d);
  mkdirSync(fixture);
  writeFileSync(join(fixture, 'records.jsonl'), RECORDS.map((r) => JSON.stringify(r) + '\n').join(''));
  writeFileSync(join(fixture, 'documents.jsonl'), DOCS.map((r) => JSON.stringify(r) + '\n').join(''));
  mkdirSync(empty);
  writeFileSync(join(empty, 'records.jsonl'), '');
  writeFileSync(join(empty, 'documents.jsonl'), '');
  const r = cli('extract', CORPUS, '-o', corpusOut, '-q');
  if (r.code !== 0) throw new Error(`extract failed: ${r.err}`);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** DuckDB quotes only the struct field names that are keywords when it prints a type. */
const unquoted = (t: string) => t.replace(/"/g, '');
const duckTypes = (cols: { name: string; shape: Parameters<typeof duckType>[0] }[]) => cols.map((c) => ({ column_name: c.name, column_type: unquoted(duckType(c.shape)) }));

async function duck(): Promise<DuckDBConnection> {
  const inst = await DuckDBInstance.create(':memory:');
  return inst.connect();
}
async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const r = await c.runAndReadAll(sql);
  return r.getRowObjectsJS().map((o) => plain(o) as Record<string, unknown>);
}
async function captured(dir: string, sql: string, format: 'table' | 'csv' | 'json'): Promise<string> {
  let s = '';
  await query(dir, sql, format, (x) => (s += x));
  return s;
}

describe('column types derived from the zod schemas', () => {
  it('maps every field', () => {
    const t = Object.fromEntries(tables().map((x) => [x.name, Object.fromEntries(x.columns.map((c) => [c.name, c]))]));
    expect(Object.keys(t)).toEqual(['amounts', 'percentages', 'counts', 'projects', 'documents']);
    expect(duckType(t.amounts!.value!.shape)).toBe('DOUBLE');
    expect(t.amounts!.value!.nullable).toBe(true);
    expect(duckType(t.amounts!.start!.shape)).toBe('BIGINT');
    expect(t.amounts!.start!.nullable).toBe(false);
    expect(duckType(t.counts!.value!.shape)).toBe('BIGINT');
    expect(t.percentages!.direction!.values).toEqual(['up', 'down']);
    expect(duckType(t.projects!.amount_ids!.shape)).toBe('VARCHAR[]');
    expect(pgType(t.projects!.amount_ids!.shape)).toBe('text[]');
    expect(duckType(t.documents!.warnings!.shape)).toBe('STRUCT("kind" VARCHAR, "start" BIGINT, "end" BIGINT, "message" VARCHAR)[]');
    expect(pgType(t.documents!.warnings!.shape)).toBe('jsonb');
    expect(pgType(t.documents!.counts!.shape)).toBe('jsonb');
    expect(pgType(t.documents!.encoding_confidence!.shape)).toBe('double precision');
    expect(commonRecordColumns().map((c) => c.name)).toEqual(['id', 'doc_id', 'path', 'start', 'end', 'text', 'context', 'type']);
    // every schema field is a column, in schema order
    for (const x of tables()) {
      const schema = x.type ? SCHEMAS[x.type as 'amount'] : SCHEMAS.document;
      expect(x.columns.map((c) => c.name)).toEqual(Object.keys(schema.shape));
    }
  });
});

describe('query (DuckDB)', () => {
  it('has typed views with the schema columns, also for types with no records', async () => {
    for (const dir of [fixture, empty, corpusOut]) {
      for (const t of tables()) {
        const out = JSON.parse(await captured(dir, `select column_name, column_type from (describe ${t.name})`, 'json'));
        expect(out.map((r: { column_name: string; column_type: string }) => ({ ...r, column_type: unquoted(r.column_type) })), `${dir} ${t.name}`).toEqual(duckTypes(t.columns));
      }
      const names = JSON.parse(await captured(dir, `select column_name from (describe records)`, 'json')).map((r: { column_name: string }) => r.column_name);
      expect(names).toEqual(commonRecordColumns().map((c) => c.name));
    }
    expect(JSON.parse(await captured(empty, 'select count(*) n from counts', 'json'))).toEqual([{ n: 0 }]);
    // errors.jsonl, when there is one (the fixture has none)
    const errDir = join(tmp, 'errors');
    cpSync(fixture, errDir, { recursive: true });
    writeFileSync(join(errDir, 'errors.jsonl'), JSON.stringify({ path: 'x.txt', kind: 'empty', message: 'empty file' }) + '\n');
    expect(JSON.parse(await captured(errDir, 'select * from errors', 'json'))).toEqual([{ path: 'x.txt', kind: 'empty', message: 'empty file' }]);
    expect(JSON.parse(await captured(fixture, 'select count(*) n from errors', 'json'))).toEqual([{ n: 0 }]);
  });

  it('returns every record with its values: numbers as numbers, nulls as nulls, nested fields typed', async () => {
    const exp = expected(fixture);
    for (const t of tables()) {
      const got = JSON.parse(await captured(fixture, `select * from ${t.name}`, 'json'));
      expect(got, t.name).toEqual(exp[t.name]);
    }
    const w = JSON.parse(await captured(fixture, `select doc_id, w.kind, w."end" - w.start as len, counts.amount from documents, unnest(warnings) as u(w)`, 'json'));
    expect(w).toEqual([{ doc_id: D1, kind: 'garbled', len: 2, amount: 2 }]);
  });

  it('joins projects to their linked amounts', async () => {
    const got = JSON.parse(await captured(fixture, 'select project_id, name, location, amount_id, value, min, max from project_amounts order by project_id, amount_id', 'json'));
    expect(got).toEqual([
      { project_id: J1.id, name: '大雅河抽水蓄能', location: '桓仁满族自治县', amount_id: A1.id, value: 10960000000, min: null, max: null },
      { project_id: J1.id, name: '大雅河抽水蓄能', location: '桓仁满族自治县', amount_id: A2.id, value: null, min: 3e8, max: 5e8 },
      { project_id: J2.id, name: '本桓高速', location: null, amount_id: null, value: null, min: null, max: null },
    ]);
  });

  it('counts the corpus records of each type like records.jsonl does', async () => {
    const exp = expected(corpusOut);
    const got = JSON.parse(await captured(corpusOut, 'select type, count(*) as n from records group by type', 'json'));
    const byType = Object.fromEntries(got.map((r: { type: string; n: number }) => [r.type, r.n]));
    for (const t of tables()) {
      const n = JSON.parse(await captured(corpusOut, `select count(*) as n from ${t.name}`, 'json'))[0].n;
      expect(n, t.name).toBe(exp[t.name]!.length);
      if (t.type) expect(byType[t.type] ?? 0).toBe(n);
    }
    expect(exp.amounts!.length).toBeGreaterThan(0);
  });

  it('prints tables aligned for Chinese text, and CSV that quotes what needs quoting', async () => {
    expect(displayWidth('大雅河ab')).toBe(8);
    expect(formatTable(['名称', 'v'], [['大雅河', 1], ['ab', null]])).toBe(' 名称   | v\n--------+------\n 大雅河 |    1\n ab     | NULL\n(2 rows)\n');
    const csv = await captured(fixture, 'select path, context, value from amounts order by id limit 1', 'csv');
    expect(csv).toBe(`path,context,value\na/甲.txt,"上下文,含逗号和""引号""\n第二行:109.6亿元",10960000000\n`);
  });

  it('CLI: prints results; a bad query gets DuckDB message and a non-zero exit, no stack trace', () => {
    const ok = cli('query', 'select name, status from projects order by name', '--dir', fixture, '--format', 'csv');
    expect(ok.code).toBe(0);
    expect(ok.out).toBe('name,status\n大雅河抽水蓄能,started\n本桓高速,\n');
    const bad = cli('query', 'selec * from amounts', '--dir', fixture);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^bulletin-miner query: Parser Error: syntax error at or near "selec"/);
    expect(bad.err).not.toMatch(/\n\s+at /);
    const missing = cli('query', 'select * from no_such_table', '--dir', fixture);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Catalog Error: Table with name no_such_table does not exist/);
    const nodir = cli('query', 'select 1', '--dir', join(tmp, 'nope'));
    expect(cli('query', '', '--dir', fixture).err).toMatch(/no SQL statement/);
    expect(nodir.code).toBe(2);
    expect(nodir.err).toMatch(/is not a folder/);
    expect(cli('query', 'select 1', '--format', 'xml').code).toBe(2);
  });

  it('CLI: stops quietly when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, [CLI, 'query', 'select * from range(3000000)', '--dir', fixture, '--format', 'csv'], { cwd: ROOT });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = await once(child, 'close');
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

/** The facts of the fixture (SPEC 7): A1 with the yoy and share of its sentence, P1 alone (no amount of its metric
 * in its sentence), A3; A2 has no metric. */
const FACTS = [
  { doc_id: D1, path: 'a/甲.txt', region: '桓仁满族自治县', period_start: '2023-01', period_end: '2023-11', metric: '总投资', amount_id: A1.id, value: 10960000000, currency: 'CNY', yoy_id: P2.id, yoy: -2, share: 15.5, progress: null },
  { doc_id: D1, path: 'a/甲.txt', region: '本溪市', period_start: '2023-01', period_end: '2023-08', metric: '固定资产投资', amount_id: null, value: null, currency: null, yoy_id: P1.id, yoy: 7.3, share: null, progress: null },
  { doc_id: D2, path: 'b,"quoted".txt', region: '香港', period_start: '2024-01', period_end: '2024-12', metric: '到位资金', amount_id: A3.id, value: 5e7, currency: 'USD', yoy_id: null, yoy: null, share: null, progress: null },
];

describe('facts (SPEC 7)', () => {
  it('query: one row per number with a metric, an amount with the yoy and share of its sentence', async () => {
    expect(JSON.parse(await captured(fixture, 'select * from facts', 'json'))).toEqual(FACTS);
    expect(JSON.parse(await captured(empty, 'select count(*) n from facts', 'json'))).toEqual([{ n: 0 }]);
    // the corpus: every amount and percentage with a metric is in facts once, as an amount row or as the
    // percentage of one, or as a row of its own
    const [n] = JSON.parse(await captured(corpusOut, `select
      (select count(*) from amounts where metric is not null) as amounts,
      (select count(*) from facts where amount_id is not null) as amount_rows,
      (select count(*) from facts where amount_id is null) as own_rows,
      (select count(*) from percentages where metric is not null) as percentages`, 'json'));
    expect(n.amount_rows).toBe(n.amounts);
    expect(n.amounts).toBeGreaterThan(0);
    expect(n.own_rows).toBeLessThanOrEqual(n.percentages);
  });
  it('export: a facts file beside the tables, Parquet and CSV, with the same rows', async () => {
    const dest = join(tmp, 'facts-parquet');
    const files = await exportTables(fixture, 'parquet', dest);
    expect(files.find((f) => f.table === 'facts')!.rows).toBe(FACTS.length);
    const c = await duck();
    expect(await rows(c, `select * from read_parquet('${join(dest, 'facts.parquet')}')`)).toEqual(FACTS);
    const types = await rows(c, `select column_name, column_type from (describe select * from read_parquet('${join(dest, 'facts.parquet')}'))`);
    expect(types.map((t) => t.column_type)).toEqual(['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'DOUBLE', 'DOUBLE']);
    await exportTables(fixture, 'csv', join(tmp, 'facts-csv'));
    const csv = await rows(c, `select * from read_csv('${join(tmp, 'facts-csv', 'facts.csv')}')`);
    expect(csv.map((r) => [r.amount_id, r.yoy, r.share])).toEqual(FACTS.map((r) => [r.amount_id, r.yoy, r.share]));
    c.closeSync();
  });
});

describe('export (Parquet, CSV)', () => {
  it('writes Parquet files that read back with the same rows, counts and types', async () => {
    for (const dir of [fixture, corpusOut]) {
      const dest = join(tmp, `parquet-${dir === fixture ? 'fixture' : 'corpus'}`);
      const files = await exportTables(dir, 'parquet', dest);
      const exp = expected(dir);
      expect(files.map((f) => f.table)).toEqual([...tables().map((t) => t.name), 'facts']);
      const c = await duck();
      for (const t of tables()) {
        const path = join(dest, `${t.name}.parquet`);
        expect(files.find((f) => f.table === t.name)!.rows).toBe(exp[t.name]!.length);
        const types = await rows(c, `select column_name, column_type from (describe select * from read_parquet('${path}'))`);
        expect(types.map((r) => ({ ...r, column_type: unquoted(r.column_type as string) })), path).toEqual(duckTypes(t.columns));
        const got = await rows(c, `select * from read_parquet('${path}')`);
        expect(got.length, path).toBe(exp[t.name]!.length);
        expect(got, path).toEqual(exp[t.name]);
      }
      c.closeSync();
    }
  });

  it('writes CSV files with a header, nested fields as JSON', async () => {
    const dest = join(tmp, 'csv-fixture');
    await exportTables(fixture, 'csv', dest);
    const c = await duck();
    const projects = await rows(c, `select * from read_csv('${join(dest, 'projects.csv')}', all_varchar = true)`);
    expect(projects.map((p) => JSON.parse(p.amount_ids as string))).toEqual([J1.amount_ids, J2.amount_ids]);
    const docs = await rows(c, `select * from read_csv('${join(dest, 'documents.csv')}', all_varchar = true)`);
    expect(docs.map((d) => [d.path, JSON.parse(d.warnings as string), JSON.parse(d.counts as string)])).toEqual(DOCS.map((d) => [d.path, d.warnings, d.counts]));
    const amounts = await rows(c, `select * from read_csv('${join(dest, 'amounts.csv')}')`);
    expect(amounts.map((a) => [a.value, a.min, a.context])).toEqual([A1, A2, A3].map((a) => [a.value, a.min, a.context]));
    c.closeSync();
    expect(readFileSync(join(dest, 'counts.csv'), 'utf8').split('\n')[0]).toBe(tables()[2]!.columns.map((x) => x.name).join(','));
  });

  it('CLI: export needs a format, prints row counts', () => {
    expect(cli('export', '--dir', fixture).code).toBe(2);
    const onFile = cli('export', '--format', 'csv', '--dir', fixture, '-o', join(fixture, 'records.jsonl'));
    expect([onFile.code, onFile.err]).toEqual([1, expect.stringMatching(/^bulletin-miner export: cannot create the folder .*records.jsonl: EEXIST/)]);
    const r = cli('export', '--format', 'csv', '--dir', fixture, '-o', join(tmp, 'csv-cli'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${join(tmp, 'csv-cli', 'amounts.csv')}\t3 rows`);
  });
});

describe('load (PostgreSQL)', () => {
  let cluster: Cluster;
  let client: pg.Client;
  beforeAll(async () => {
    cluster = await startCluster();
    client = new pg.Client({ connectionString: cluster.url, types: { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) } });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    cluster?.stop();
  });

  async function count(schema: string, table: string): Promise<number> {
    return Number((await client.query(`select count(*) from "${schema}"."${table}"`)).rows[0].count);
  }

  it('creates the tables from the schemas and loads every record; loading twice leaves the same rows', async () => {
    const exp = expected(corpusOut);
    const first = await load({ url: cluster.url, dir: corpusOut, schema: 'corpus', batchSize: 25 });
    for (const t of tables()) {
      expect(first.tables[t.name], t.name).toEqual({ inserted: exp[t.name]!.length, updated: 0, unchanged: 0, deleted: 0 });
      expect(await count('corpus', t.name)).toBe(exp[t.name]!.length);
    }
    const second = await load({ url: cluster.url, dir: corpusOut, schema: 'corpus' });
    expect([second.inserted, second.updated]).toEqual([0, 0]);
    expect(second.unchanged).toBe(Object.values(exp).reduce((n, r) => n + r.length, 0));
    for (const t of tables()) expect(await count('corpus', t.name)).toBe(exp[t.name]!.length);
    // the columns and their types are the derived ones
    for (const t of tables()) {
      const cols = await client.query(
        `select column_name, format_type(a.atttypid, a.atttypmod) as type, not a.attnotnull as nullable
         from information_schema.columns c join pg_attribute a on a.attrelid = ('corpus.' || quote_ident(c.table_name))::regclass and a.attname = c.column_name
         where c.table_schema = 'corpus' and c.table_name = $1 order by c.ordinal_position`,
        [t.name],
      );
      expect(cols.rows).toEqual(t.columns.map((c) => ({ column_name: c.name, type: pgType(c.shape), nullable: c.nullable })));
      const pk = await client.query(`select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey) where i.indrelid = $1::regclass and i.indisprimary`, [`corpus.${t.name}`]);
      expect(pk.rows).toEqual([{ attname: t.key }]);
    }
  });

  it('stores the values as they are in the JSONL (fixture: ranges, nulls, arrays, nested)', async () => {
    await load({ url: cluster.url, dir: fixture, schema: 'fixture' });
    const exp = expected(fixture);
    for (const t of tables()) {
      const got = await client.query(`select * from fixture."${t.name}"`);
      const byKey = new Map(got.rows.map((r) => [r[t.key], r]));
      expect(got.rows.length).toBe(exp[t.name]!.length);
      for (const e of exp[t.name]!) expect(byKey.get(e[t.key]), `${t.name} ${e[t.key]}`).toEqual(e);
    }
  });

  it('counts updated rows when a record changes, and leaves unchanged rows alone', async () => {
    const dir = join(tmp, 'changed');
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, 'records.jsonl'), RECORDS.map((r) => JSON.stringify(r === A3 ? { ...A3, subject: '实际利用外资' } : r) + '\n').join(''));
    const s = await load({ url: cluster.url, dir, schema: 'fixture' });
    expect(s.tables.amounts).toEqual({ inserted: 0, updated: 1, unchanged: 2, deleted: 0 });
    expect([s.inserted, s.updated, s.unchanged]).toEqual([0, 1, RECORDS.length + DOCS.length - 1]);
    expect((await client.query(`select subject from fixture.amounts where id = $1`, [A3.id])).rows).toEqual([{ subject: '实际利用外资' }]);
  });

  it('loads a record that appears twice (two copies of one file) as one row', async () => {
    const dir = join(tmp, 'dup');
    mkdirSync(dir);
    writeFileSync(join(dir, 'records.jsonl'), [A1, A2, { ...A1, path: 'copy/甲.txt' }].map((r) => JSON.stringify(r) + '\n').join(''));
    writeFileSync(join(dir, 'documents.jsonl'), [DOCS[0], { ...DOCS[0], path: 'copy/甲.txt' }].map((r) => JSON.stringify(r) + '\n').join(''));
    const s = await load({ url: cluster.url, dir, schema: 'dup' });
    expect(s.tables.amounts!.inserted).toBe(2);
    expect((await client.query('select path from dup.amounts where id = $1', [A1.id])).rows).toEqual([{ path: 'copy/甲.txt' }]);
    expect(await count('dup', 'documents')).toBe(1);
  });

  it('--prune deletes the records that a new output of the same documents no longer has, and only those', async () => {
    await load({ url: cluster.url, dir: fixture, schema: 'prune' });
    // a new output of document D1 alone, without the count C1: D2's records are not touched
    const dir = join(tmp, 'pruned');
    mkdirSync(dir);
    writeFileSync(join(dir, 'records.jsonl'), RECORDS.filter((r) => r.doc_id === D1 && r !== C1).map((r) => JSON.stringify(r) + '\n').join(''));
    writeFileSync(join(dir, 'documents.jsonl'), JSON.stringify(DOCS[0]) + '\n');
    const without = await load({ url: cluster.url, dir, schema: 'prune' });
    expect(without.deleted).toBe(0);
    expect(await count('prune', 'counts')).toBe(2);
    const s = await load({ url: cluster.url, dir, schema: 'prune', prune: true });
    expect(s.deleted).toBe(1);
    expect(s.tables.counts!.deleted).toBe(1);
    expect((await client.query('select id from prune.counts')).rows).toEqual([{ id: C2.id }]);
    expect(await count('prune', 'amounts')).toBe(3);
    const r = cli('load', '--postgres', cluster.url, '--dir', dir, '--schema', 'prune', '--prune');
    expect(r.out).toContain('prune.counts: 0 inserted, 0 updated, 0 unchanged, 0 deleted');
  });

  it('a failure mid-load rolls back the whole failing batch; loading again completes it', async () => {
    const docs = jsonl(join(corpusOut, 'documents.jsonl'));
    const recs = jsonl(join(corpusOut, 'records.jsonl'));
    const lines = [...docs.map((d) => ({ table: 'documents', key: d.doc_id })), ...recs.map((r) => ({ table: `${r.type}s`, key: r.id, type: r.type }))];
    const batch = 20;
    // fail on a percentage in the third batch whose batch also holds amounts before it
    const failAt = lines.findIndex((l, i) => i >= 2 * batch + 5 && l.type === 'percentage' && lines.slice(2 * batch, i).some((x) => x.type === 'amount'));
    expect(failAt).toBeGreaterThan(0);
    const failBatch = Math.floor(failAt / batch);
    await load({ url: cluster.url, dir: empty, schema: 'half' }); // creates the tables
    await client.query(`create function half.fail() returns trigger language plpgsql as $$ begin raise exception 'injected failure on %', new.id; end $$`);
    await client.query(`create trigger fail before insert on half.percentages for each row when (new.id = '${lines[failAt]!.key}') execute function half.fail()`);
    await expect(load({ url: cluster.url, dir: corpusOut, schema: 'half', batchSize: batch })).rejects.toThrow(/injected failure on .*\n.*2 committed batches \(40 lines\); the failed batch was rolled back/);
    // exactly the batches before the failing one are there, nothing of the failing one
    const committed = lines.slice(0, failBatch * batch);
    for (const t of tables()) expect(await count('half', t.name), t.name).toBe(committed.filter((l) => l.table === t.name).length);
    const ofFailing = lines.slice(failBatch * batch, failAt).filter((l) => l.table === 'amounts');
    expect(ofFailing.length).toBeGreaterThan(0);
    expect((await client.query(`select count(*)::int n from half.amounts where id = any($1)`, [ofFailing.map((l) => l.key)])).rows[0].n).toBe(0);
    // the CLI reports it: message, non-zero exit, no stack
    const r = cli('load', '--postgres', cluster.url, '--dir', corpusOut, '--schema', 'half', '--batch-size', String(batch));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^bulletin-miner load: PostgreSQL: injected failure/);
    expect(r.err).not.toMatch(/\n\s+at /);
    await client.query('drop trigger fail on half.percentages');
    const s = await load({ url: cluster.url, dir: corpusOut, schema: 'half', batchSize: batch });
    expect(s.inserted).toBe(lines.length - committed.length);
    for (const t of tables()) expect(await count('half', t.name)).toBe(lines.filter((l) => l.table === t.name).length);
  });

  it('writes the facts table, made again from the schema on every load', async () => {
    const s = await load({ url: cluster.url, dir: fixture, schema: 'facts' });
    expect(s.facts).toBe(FACTS.length);
    const got = await client.query('select * from facts.facts order by path, amount_id nulls last');
    expect(got.rows).toEqual(FACTS);
    const types = await client.query(`select column_name, data_type from information_schema.columns where table_schema = 'facts' and table_name = 'facts' order by ordinal_position`);
    expect(types.rows.map((r) => r.data_type)).toEqual([...Array(7).fill('text'), 'double precision', 'text', 'text', ...Array(3).fill('double precision')]);
    // the same as DuckDB's view over the corpus output
    await load({ url: cluster.url, dir: corpusOut, schema: 'corpus_facts' });
    const sorted = (rs: Record<string, unknown>[]) => rs.map((r) => JSON.stringify(r)).sort();
    const pgRows = (await client.query('select * from corpus_facts.facts')).rows;
    expect(pgRows.length).toBeGreaterThan(0);
    expect(sorted(pgRows)).toEqual(sorted(JSON.parse(await captured(corpusOut, 'select * from facts', 'json'))));
    // a record whose metric changes is in facts after the next load
    const dir = join(tmp, 'facts-changed');
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, 'records.jsonl'), RECORDS.map((r) => JSON.stringify(r === A3 ? { ...A3, metric: null } : r) + '\n').join(''));
    expect((await load({ url: cluster.url, dir, schema: 'facts' })).facts).toBe(FACTS.length - 1);
  });

  it('CLI: prints inserted, updated and unchanged rows; bad URL or input is a clear error', () => {
    const r = cli('load', '--postgres', cluster.url, '--dir', fixture, '--schema', 'cli');
    expect(r.code).toBe(0);
    expect(r.out).toContain('cli.amounts: 3 inserted, 0 updated, 0 unchanged');
    expect(r.out).toContain(`total: ${RECORDS.length + DOCS.length} inserted, 0 updated, 0 unchanged in 1 batches`);
    expect(r.out).toContain(`cli.facts: ${FACTS.length} rows`);
    const again = cli('load', '--postgres', cluster.url, '--dir', fixture, '--schema', 'cli');
    expect(again.out).toContain(`total: 0 inserted, 0 updated, ${RECORDS.length + DOCS.length} unchanged`);
    expect(cli('load', '--dir', fixture).code).toBe(2);
    expect(cli('load', '--postgres', 'localhost', '--dir', fixture).code).toBe(2);
    const down = cli('load', '--postgres', 'postgres://postgres@127.0.0.1:1/postgres', '--dir', fixture);
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/cannot connect to PostgreSQL/);
    const badDir = join(tmp, 'bad');
    mkdirSync(badDir);
    writeFileSync(join(badDir, 'documents.jsonl'), '');
    writeFileSync(join(badDir, 'records.jsonl'), JSON.stringify({ ...A1, value: 'lots' }) + '\n');
    const bad = cli('load', '--postgres', cluster.url, '--dir', badDir, '--schema', 'cli');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/records.jsonl:1: not a valid amount record: value/);
  });
});

describe('README "For analysts"', () => {
  it('shows queries that run on the corpus output and print the columns it shows', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- analysts:begin'), readme.indexOf('<!-- analysts:end'));
    const shownQueries = [...section.matchAll(/^bulletin-miner query "(.*)"$/gm)].map((m) => m[1]!);
    const shownHeads = [...section.matchAll(/```\n( [^\n]*)\n-/g)].map((m) => m[1]!.split('|').map((h) => h.trim()));
    expect(shownQueries).toHaveLength(3);
    expect(shownHeads).toHaveLength(3);
    // the printed rows change with the extractors: `node scripts/readme-analysts.mjs` regenerates them and
    // `--check` tells whether the README is up to date; here, each query runs and prints the README's columns
    for (const [i, sql] of shownQueries.entries()) {
      const out = await captured(corpusOut, sql, 'table');
      expect(out.split('\n')[0]!.split('|').map((h) => h.trim()), sql).toEqual(shownHeads[i]);
      expect(out).not.toMatch(/^\(0 rows\)$/m);
    }
  });

  it('the script picks three queries that apply to the output, the project one once projects link amounts', async () => {
    // a plain .mjs script (run by node directly), imported for its query list
    const { QUERIES, shown } = await import('../scripts/readme-analysts.mjs');
    expect(QUERIES.length).toBeGreaterThanOrEqual(3);
    const forFixture = (await shown(fixture)) as { sql: string }[];
    expect(forFixture).toHaveLength(3);
    expect(forFixture[2]!.sql).toMatch(/project_amounts/);
    expect(await captured(fixture, forFixture[2]!.sql, 'table')).toMatch(/大雅河抽水蓄能 \| 桓仁满族自治县 \| started\s+\|\s+109.6 \|\s+1 \| a\/甲.txt/);
    const forEmpty = (await shown(empty)) as { sql: string }[];
    expect(forEmpty.map((q) => q.sql)).not.toContain(forFixture[2]!.sql);
    for (const q of QUERIES as { sql: string }[]) await captured(empty, q.sql, 'json'); // each one runs
  });
});
