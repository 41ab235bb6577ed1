// `query` and `export`: DuckDB, embedded, with typed views over an output folder.
//
// Views (all typed from the zod schemas, see columns.ts):
//   records                      the columns every record shares (id, doc_id, path, start, end, text, context, type)
//   amounts percentages counts projects documents   one per record type / documents.jsonl, every field a column
//   project_amounts              each project joined to each amount it links (amount_ids); a project with no
//                                linked amount appears once, with NULL amount columns
//   errors                       errors.jsonl: path, kind, message of each input that could not be read
//   facts                        one row per amount or percentage with a metric, where and when (facts.ts)
// A view of a type that has no records yet still exists, with its columns and no rows.
import { existsSync, statSync } from 'node:fs';
import { mkdirsSync } from '../fsutil.js';
import { join, resolve } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { SCHEMAS } from '../schemas.js';
import { columnsOf, commonRecordColumns, duckStructureOf, ident, isNested, sqlString, tables, type Column, type Table } from './columns.js';
import { SqlError } from './errors.js';
import { factsSelect } from './facts.js';
import { OutputClosed, type Write } from './output.js';

export interface Duck {
  connection: DuckDBConnection;
  close(): void;
}

function source(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) throw new SqlError(`${path} not found: run \`bulletin-miner extract -o ${dir}\` first, or pass --dir`, 2);
  return sqlString(path);
}

/** The SELECT list that turns one JSON line (column `json`) into typed columns. */
function typedColumns(columns: Column[]): string {
  return `unnest(json_transform(json, ${sqlString(duckStructureOf(columns))}))`;
}

export function viewSql(dir: string): string[] {
  const records = source(dir, 'records.jsonl');
  const documents = source(dir, 'documents.jsonl');
  const out: string[] = [];
  for (const t of tables()) {
    const from = t.file === 'records.jsonl' ? records : documents;
    const where = t.type ? ` WHERE json->>'type' = ${sqlString(t.type)}` : '';
    out.push(`CREATE OR REPLACE VIEW ${ident(t.name)} AS SELECT ${typedColumns(t.columns)} FROM read_ndjson_objects(${from}, maximum_object_size = 1073741824)${where}`);
  }
  // errors.jsonl: the inputs that could not be read (an older output may not have it)
  const errors = existsSync(join(dir, 'errors.jsonl'))
    ? `FROM read_ndjson_objects(${sqlString(join(dir, 'errors.jsonl'))})`
    : `FROM (SELECT NULL::JSON AS json) WHERE false`;
  out.push(`CREATE OR REPLACE VIEW errors AS SELECT ${typedColumns(columnsOf(SCHEMAS.error))} ${errors}`);
  out.push(`CREATE OR REPLACE VIEW records AS SELECT ${typedColumns(commonRecordColumns())} FROM read_ndjson_objects(${records}, maximum_object_size = 1073741824)`);
  out.push(
    `CREATE OR REPLACE VIEW project_amounts AS
     SELECT p.id AS project_id, p.doc_id, p.path, p.name, p.location, p.status,
            a.id AS amount_id, a.text AS amount_text, a.value, a.min, a.max, a.currency, a.unit, a.qualifier, a.subject
     FROM projects p
     LEFT JOIN LATERAL (SELECT unnest(p.amount_ids) AS amount_id) l ON true
     LEFT JOIN amounts a ON a.id = l.amount_id`,
  );
  out.push(`CREATE OR REPLACE VIEW facts AS ${factsSelect()}`);
  return out;
}

export async function openDuck(dir: string): Promise<Duck> {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new SqlError(`${dir} is not a folder: pass --dir with the output folder of \`bulletin-miner extract\``, 2);
  const views = viewSql(abs);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const v of views) await connection.run(v);
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

// ---- query ----

export type Format = 'table' | 'csv' | 'json';

/** JS value from DuckDB → plain JSON value: BIGINT/HUGEINT as numbers when exact, dates as ISO text. */
export function plain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function cellText(v: unknown): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function csvCell(v: unknown): string {
  if (v === null) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Display width on a terminal: East Asian wide and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x300 && c <= 0x36f)) continue;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

function fit(s: string, max: number): string {
  s = s.replace(/[\r\n\t]+/g, ' ');
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

const MAX_CELL = 40;

export function formatTable(names: string[], rows: unknown[][]): string {
  const cells = rows.map((r) => r.map((v) => fit(cellText(v), MAX_CELL)));
  const heads = names.map((n) => fit(n, MAX_CELL));
  const widths = heads.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i]!))));
  const numeric = names.map((_, i) => rows.some((r) => typeof r[i] === 'number') && rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const pad = (s: string, i: number, right: boolean) => {
    const gap = ' '.repeat(widths[i]! - displayWidth(s));
    return right ? gap + s : s + gap;
  };
  const line = (r: string[], head = false) => r.map((s, i) => ' ' + pad(s, i, !head && numeric[i]!) + ' ').join('|').trimEnd();
  const out = [line(heads, true), widths.map((w) => '-'.repeat(w + 2)).join('+'), ...cells.map((r) => line(r))];
  out.push(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`);
  return out.join('\n') + '\n';
}

async function runStatements(duck: Duck, sql: string) {
  const c = duck.connection;
  let extracted;
  try {
    extracted = await c.extractStatements(sql);
  } catch (e) {
    // the binding reports an input without any statement (empty, only `;` or comments) this way
    if ((e as Error).message === 'Error in native callback') throw new SqlError('no SQL statement given');
    throw e;
  }
  if (extracted.count === 0) throw new SqlError('no SQL statement given');
  for (let i = 0; i < extracted.count - 1; i++) await (await extracted.prepare(i)).run();
  return (await extracted.prepare(extracted.count - 1)).stream();
}

/** Runs SQL (one or more statements; the last one's result is printed) and writes it with `write`. Returns the
 * number of rows written. */
export async function query(dir: string, sql: string, format: Format, write: Write): Promise<number> {
  const duck = await openDuck(dir);
  try {
    let result;
    try {
      result = await runStatements(duck, sql);
    } catch (e) {
      if (e instanceof SqlError) throw e;
      throw new SqlError((e as Error).message.replace(/^Failed to extract statements: /, ''));
    }
    const names = result.columnNames();
    let n = 0;
    const table: unknown[][] = [];
    if (format === 'csv') await write(names.map(csvCell).join(',') + '\n');
    if (format === 'json') await write('[');
    try {
      for await (const rows of result.yieldRowsJs()) {
        let text = '';
        for (const raw of rows) {
          const row = raw.map(plain);
          if (format === 'table') table.push(row);
          else if (format === 'csv') text += row.map(csvCell).join(',') + '\n';
          else text += (n ? ',\n' : '\n') + JSON.stringify(Object.fromEntries(names.map((k, i) => [k, row[i]])));
          n++;
        }
        if (text) await write(text);
      }
    } catch (e) {
      if (e instanceof OutputClosed) return n;
      throw new SqlError((e as Error).message);
    }
    try {
      if (format === 'json') await write(n ? '\n]\n' : ']\n');
      if (format === 'table') await write(formatTable(names, table));
    } catch (e) {
      if (!(e instanceof OutputClosed)) throw e;
    }
    return n;
  } finally {
    duck.close();
  }
}

// ---- export ----

export type ExportFormat = 'parquet' | 'csv';

export interface ExportedFile {
  table: string;
  path: string;
  rows: number;
}

function exportSelect(t: Table, format: ExportFormat): string {
  const cols = t.columns.map((c) => (format === 'csv' && isNested(c.shape) ? `to_json(${ident(c.name)})::VARCHAR AS ${ident(c.name)}` : ident(c.name)));
  return `SELECT ${cols.join(', ')} FROM ${ident(t.name)}`;
}

/** Writes amounts, percentages, counts, projects and documents as DEST/NAME.parquet or DEST/NAME.csv. */
export async function exportTables(dir: string, format: ExportFormat, dest: string): Promise<ExportedFile[]> {
  const duck = await openDuck(dir);
  try {
    try {
      mkdirsSync(dest);
    } catch (e) {
      throw new SqlError(`cannot create the folder ${dest}: ${(e as Error).message}`);
    }
    const out: ExportedFile[] = [];
    // the tables, then facts (SPEC 7), each a file of its own
    const selects: [string, string][] = [...tables().map((t): [string, string] => [t.name, exportSelect(t, format)]), ['facts', 'SELECT * FROM facts']];
    const options = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : 'FORMAT csv, HEADER true';
    for (const [name, select] of selects) {
      const path = resolve(dest, `${name}.${format}`);
      try {
        const r = await duck.connection.run(`COPY (${select}) TO ${sqlString(path)} (${options})`);
        out.push({ table: name, path, rows: Number(r.rowsChanged) });
      } catch (e) {
        throw new SqlError(`writing ${path}: ${(e as Error).message}`);
      }
    }
    return out;
  } finally {
    duck.close();
  }
}
