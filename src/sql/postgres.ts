// `load`: records.jsonl and documents.jsonl into PostgreSQL, idempotently.
//
// - DDL comes from the zod schemas (columns.ts): one table per record type plus documents, primary key `id`
//   (`doc_id` for documents), column comments from the schema descriptions. Tables that already exist get
//   any missing column added (ALTER TABLE … ADD COLUMN IF NOT EXISTS), so a newer field loads into an older
//   table.
// - Every line is validated with its zod schema before it is sent.
// - Lines are loaded in batches of `batchSize` lines (records of several types in one batch go to several
//   tables): each batch is one transaction, so a failure leaves no half-loaded batch; batches committed
//   before the failure stay, and loading again completes the load.
// - Upsert: INSERT … ON CONFLICT (key) DO UPDATE … WHERE the row differs. `xmax = 0` in RETURNING tells a
//   fresh insert from an update; rows that were already identical are not touched and count as unchanged.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { SCHEMAS } from '../schemas.js';
import { ident, pgType, sqlString, tables, type Column, type Table } from './columns.js';
import { SqlError } from './errors.js';
import { factsSelect } from './facts.js';

export interface LoadOptions {
  url: string;
  dir: string;
  schema?: string;
  batchSize?: number;
  /** delete the records of the loaded documents that this output no longer has (one transaction, at the end) */
  prune?: boolean;
  /** called after each committed batch */
  progress?: (done: number) => void;
}

export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface LoadSummary {
  schema: string;
  tables: Record<string, TableCounts>;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  batches: number;
  /** rows of the facts table, rebuilt from the loaded tables at the end of the load */
  facts: number;
}

export function ddl(schema: string): string[] {
  const s = ident(schema);
  const out = [`CREATE SCHEMA IF NOT EXISTS ${s}`];
  for (const t of tables()) {
    const name = `${s}.${ident(t.name)}`;
    const cols = t.columns.map((c) => `${ident(c.name)} ${pgType(c.shape)}${c.nullable ? '' : ' NOT NULL'}`);
    out.push(`CREATE TABLE IF NOT EXISTS ${name} (\n  ${cols.join(',\n  ')},\n  PRIMARY KEY (${ident(t.key)})\n)`);
    for (const c of t.columns) out.push(`ALTER TABLE ${name} ADD COLUMN IF NOT EXISTS ${ident(c.name)} ${pgType(c.shape)}`);
    for (const c of t.columns) if (c.description) out.push(`COMMENT ON COLUMN ${name}.${ident(c.name)} IS ${sqlString(c.description)}`);
    if (t.type) out.push(`CREATE INDEX IF NOT EXISTS ${ident(`${t.name}_doc_id`)} ON ${name} (${ident('doc_id')})`);
  }
  return out;
}

/** A JS value → the parameter pg sends for a column (jsonb as JSON text; arrays of scalars as arrays). */
function param(c: Column, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (pgType(c.shape) === 'jsonb') return JSON.stringify(v);
  return v;
}

function upsertSql(schema: string, t: Table, rows: number): string {
  const cols = t.columns.map((c) => ident(c.name));
  const n = cols.length;
  const values: string[] = [];
  for (let r = 0; r < rows; r++) values.push(`(${t.columns.map((c, i) => `$${r * n + i + 1}::${pgType(c.shape)}`).join(', ')})`);
  const target = `${ident(schema)}.${ident(t.name)}`;
  const others = t.columns.filter((c) => c.name !== t.key).map((c) => ident(c.name));
  return (
    `INSERT INTO ${target} AS t (${cols.join(', ')}) VALUES ${values.join(', ')}\n` +
    `ON CONFLICT (${ident(t.key)}) DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}\n` +
    `WHERE (${others.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${others.map((c) => `EXCLUDED.${c}`).join(', ')})\n` +
    `RETURNING (xmax = 0) AS inserted`
  );
}

export interface Line {
  table: Table;
  row: Record<string, unknown>;
}

async function* lines(dir: string): AsyncGenerator<Line> {
  const byType = new Map(tables().map((t) => [t.type ?? 'document', t]));
  for (const file of ['documents.jsonl', 'records.jsonl']) {
    const path = join(dir, file);
    if (!existsSync(path)) throw new SqlError(`${path} not found: run \`bulletin-miner extract -o ${dir}\` first, or pass --dir`, 2);
    const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    let no = 0;
    for await (const text of rl) {
      no++;
      if (!text.trim()) continue;
      let obj: Record<string, unknown>;
      try {
        obj = JSON.parse(text);
      } catch (e) {
        throw new SqlError(`${path}:${no}: not JSON: ${(e as Error).message}`);
      }
      const type = file === 'documents.jsonl' ? 'document' : String(obj.type);
      const t = byType.get(type);
      const schema = (SCHEMAS as Record<string, (typeof SCHEMAS)[keyof typeof SCHEMAS]>)[type];
      if (!t || !schema) throw new SqlError(`${path}:${no}: unknown record type ${JSON.stringify(obj.type)}`);
      const parsed = schema.safeParse(obj);
      if (!parsed.success) throw new SqlError(`${path}:${no}: not a valid ${type} record: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      yield { table: t, row: parsed.data as Record<string, unknown> };
    }
  }
}

/** PostgreSQL caps a statement at 65535 parameters. */
const MAX_PARAMS = 65535;

/** Upserts a batch of lines in one transaction; `within`, when given, runs in the same transaction after them
 * (the queue's worker writes its errors table there). */
export async function loadBatch(client: pg.Client, schema: string, batch: Line[], summary: LoadSummary, within?: (client: pg.Client) => Promise<void>): Promise<void> {
  const counts = new Map<string, TableCounts>();
  await client.query('BEGIN');
  try {
    // One row per key: two identical input files share a doc_id and so their record ids (the last one wins,
    // as it would in a later batch); ON CONFLICT cannot touch one row twice in a statement.
    const groups = new Map<Table, Map<unknown, Record<string, unknown>>>();
    for (const l of batch) {
      const g = groups.get(l.table) ?? new Map();
      g.set(l.row[l.table.key], l.row);
      groups.set(l.table, g);
    }
    for (const [t, byKey] of groups) {
      const rows = [...byKey.values()];
      const c = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
      const per = Math.max(1, Math.floor(MAX_PARAMS / t.columns.length));
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const res = await client.query(
          upsertSql(schema, t, chunk.length),
          chunk.flatMap((r) => t.columns.map((col) => param(col, r[col.name]))),
        );
        for (const r of res.rows) r.inserted ? c.inserted++ : c.updated++;
        c.unchanged += chunk.length - res.rows.length;
      }
      counts.set(t.name, c);
    }
    if (within) await within(client);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
  for (const [name, c] of counts) {
    const s = summary.tables[name]!;
    s.inserted += c.inserted;
    s.updated += c.updated;
    s.unchanged += c.unchanged;
    summary.inserted += c.inserted;
    summary.updated += c.updated;
    summary.unchanged += c.unchanged;
  }
  summary.batches++;
}

/** Deletes, in one transaction, the rows of record tables whose document is in this output but whose id is not. */
async function prune(client: pg.Client, schema: string, dir: string, summary: LoadSummary): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('CREATE TEMP TABLE bm_loaded (tbl text NOT NULL, key text NOT NULL) ON COMMIT DROP');
    let tbls: string[] = [];
    let keys: string[] = [];
    const flush = async () => {
      if (keys.length) await client.query('INSERT INTO bm_loaded SELECT * FROM unnest($1::text[], $2::text[])', [tbls, keys]);
      tbls = [];
      keys = [];
    };
    for await (const l of lines(dir)) {
      tbls.push(l.table.name);
      keys.push(String(l.row[l.table.key]));
      if (keys.length >= 10000) await flush();
    }
    await flush();
    await client.query('CREATE INDEX ON bm_loaded (tbl, key)');
    await client.query('ANALYZE bm_loaded');
    for (const t of tables()) {
      if (!t.type) continue;
      const target = `${ident(schema)}.${ident(t.name)}`;
      const res = await client.query(
        `DELETE FROM ${target} AS t
         WHERE t.doc_id IN (SELECT key FROM bm_loaded WHERE tbl = 'documents')
           AND NOT EXISTS (SELECT 1 FROM bm_loaded l WHERE l.tbl = $1 AND l.key = t.${ident(t.key)})`,
        [t.name],
      );
      summary.tables[t.name]!.deleted += res.rowCount ?? 0;
      summary.deleted += res.rowCount ?? 0;
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}

/** The facts table (SPEC 7), made again from the schema's amounts and percentages in one transaction: every
 * document loaded so far, as the facts view of \`query\` gives them for one output. Returns its rows. */
export async function rebuildFacts(client: pg.Client, schema: string): Promise<number> {
  const q = (t: string) => `${ident(schema)}.${ident(t)}`;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bulletin-miner:${schema}`]);
    await client.query(`DROP TABLE IF EXISTS ${q('facts')}`);
    const res = await client.query(`CREATE TABLE ${q('facts')} AS ${factsSelect(q, 'postgres')}`);
    await client.query(`CREATE INDEX ${ident('facts_metric')} ON ${q('facts')} (metric, region, period_start)`);
    await client.query(`COMMENT ON TABLE ${q('facts')} IS ${sqlString('one row per amount or percentage with a metric (SPEC 7); rebuilt by every load')}`);
    await client.query('COMMIT');
    return res.rowCount ?? 0;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}

/** Counts of nothing loaded yet, for every table. */
export function emptySummary(schema: string): LoadSummary {
  return {
    schema,
    tables: Object.fromEntries(tables().map((t) => [t.name, { inserted: 0, updated: 0, unchanged: 0, deleted: 0 }])),
    inserted: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    batches: 0,
    facts: 0,
  };
}

/** Creates the schema and tables (or adds missing columns), one creator at a time per schema. */
export async function createTables(client: pg.Client, schema: string, more: string[] = []): Promise<void> {
  await client.query('BEGIN');
  try {
    // one loader at a time per schema, so two concurrent CREATE TABLE IF NOT EXISTS do not collide
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bulletin-miner:${schema}`]);
    for (const stmt of [...ddl(schema), ...more]) await client.query(stmt);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}

export async function load(opts: LoadOptions): Promise<LoadSummary> {
  const schema = opts.schema ?? 'public';
  const batchSize = opts.batchSize ?? 1000;
  const summary = emptySummary(schema);
  const client = new pg.Client({ connectionString: opts.url });
  client.on('error', () => {}); // a dropped connection surfaces as a failed query
  try {
    await client.connect();
  } catch (e) {
    throw new SqlError(`cannot connect to PostgreSQL: ${(e as Error).message}`);
  }
  let done = 0;
  try {
    await createTables(client, schema);
    let batch: Line[] = [];
    for await (const l of lines(opts.dir)) {
      batch.push(l);
      if (batch.length >= batchSize) {
        await loadBatch(client, schema, batch, summary);
        done += batch.length;
        opts.progress?.(done);
        batch = [];
      }
    }
    if (batch.length) {
      await loadBatch(client, schema, batch, summary);
      done += batch.length;
      opts.progress?.(done);
    }
    if (opts.prune) await prune(client, schema, opts.dir, summary);
    summary.facts = await rebuildFacts(client, schema);
    return summary;
  } catch (e) {
    if (e instanceof SqlError) throw e;
    const err = e as Error & { detail?: string; where?: string };
    const at = `after ${summary.batches} committed batch${summary.batches === 1 ? '' : 'es'} (${done} lines); the failed batch was rolled back`;
    throw new SqlError(`PostgreSQL: ${err.message}${err.detail ? ` (${err.detail})` : ''}\n${at}`);
  } finally {
    await client.end().catch(() => {});
  }
}
