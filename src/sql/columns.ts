// Column model for `query`, `export` and `load`, derived from the zod record schemas (src/schemas.ts) through
// their JSON Schema, so a field added to a schema becomes a column everywhere without touching this file.
//
// Type mapping (JSON Schema → DuckDB/Parquet → PostgreSQL):
//   string (also enum, const)  → VARCHAR            → text
//   integer                    → BIGINT             → bigint
//   number                     → DOUBLE             → double precision
//   boolean                    → BOOLEAN            → boolean
//   array of scalars           → VARCHAR[] …        → text[] …        (projects.amount_ids)
//   object with properties     → STRUCT(…)          → jsonb           (documents.counts, .normalization)
//   array of objects           → STRUCT(…)[]        → jsonb           (documents.warnings)
//   anything else              → JSON               → jsonb
// CSV has no nested types: nested columns are written as JSON text.
import { z } from 'zod';
import { RECORD_TYPES, SCHEMAS } from '../schemas.js';

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  description?: string;
};

/** A column's shape, independent of any engine. */
export type Shape =
  | { kind: 'string' | 'integer' | 'number' | 'boolean' | 'json' }
  | { kind: 'object'; fields: { name: string; shape: Shape }[] }
  | { kind: 'array'; items: Shape };

export interface Column {
  name: string;
  shape: Shape;
  nullable: boolean;
  description?: string;
  /** allowed values, when the schema is an enum or a literal */
  values?: string[];
}

export interface Table {
  /** the table/view/file name: amounts, percentages, counts, projects, documents */
  name: string;
  /** the record type in records.jsonl (`amount` …), or null for documents */
  type: string | null;
  /** the file under the output folder that holds the rows */
  file: 'records.jsonl' | 'documents.jsonl';
  key: string;
  columns: Column[];
}

const TABLE_NAMES: Record<string, string> = { amount: 'amounts', percentage: 'percentages', count: 'counts', project: 'projects' };

function stripNull(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const rest = alts.filter((a) => a.type !== 'null');
    const nullable = rest.length < alts.length;
    if (rest.length === 1) {
      const inner = stripNull({ ...rest[0]!, description: s.description ?? rest[0]!.description });
      return { schema: inner.schema, nullable: nullable || inner.nullable };
    }
    return { schema: { description: s.description }, nullable }; // a real union: kept as JSON
  }
  if (Array.isArray(s.type)) {
    const rest = s.type.filter((t) => t !== 'null');
    return { schema: { ...s, type: rest.length === 1 ? rest[0] : undefined }, nullable: rest.length < s.type.length };
  }
  return { schema: s, nullable: false };
}

function shapeOf(s: JsonSchema): Shape {
  const { schema } = stripNull(s);
  if (schema.enum || schema.const !== undefined) {
    const vals = schema.enum ?? [schema.const];
    if (vals.every((v) => typeof v === 'string')) return { kind: 'string' };
  }
  switch (schema.type) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: schema.type };
    case 'array':
      return schema.items ? { kind: 'array', items: shapeOf(schema.items) } : { kind: 'json' };
    case 'object':
      if (schema.properties && Object.keys(schema.properties).length)
        return { kind: 'object', fields: Object.entries(schema.properties).map(([name, p]) => ({ name, shape: shapeOf(p) })) };
      return { kind: 'json' };
    default:
      return { kind: 'json' };
  }
}

export function columnsOf(schema: z.ZodType): Column[] {
  const js = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(js.required ?? []);
  return Object.entries(js.properties ?? {}).map(([name, prop]) => {
    const { schema: inner, nullable } = stripNull(prop);
    const vals = inner.enum ?? (inner.const !== undefined ? [inner.const] : undefined);
    return {
      name,
      shape: shapeOf(prop),
      nullable: nullable || !required.has(name),
      description: prop.description ?? inner.description,
      values: vals?.every((v) => typeof v === 'string') ? (vals as string[]) : undefined,
    };
  });
}

let cached: Table[] | undefined;

/** One table per record type (in the order of RECORD_TYPES), then documents. */
export function tables(): Table[] {
  if (cached) return cached;
  const out: Table[] = RECORD_TYPES.map((type) => ({
    name: TABLE_NAMES[type] ?? `${type}s`,
    type,
    file: 'records.jsonl' as const,
    key: 'id',
    columns: columnsOf(SCHEMAS[type]),
  }));
  out.push({ name: 'documents', type: null, file: 'documents.jsonl', key: 'doc_id', columns: columnsOf(SCHEMAS.document) });
  return (cached = out);
}

export function table(name: string): Table {
  const t = tables().find((x) => x.name === name || x.type === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** The columns every record type shares with the same shape (id, doc_id, path, start, end, text, context, type). */
export function commonRecordColumns(): Column[] {
  const recs = tables().filter((t) => t.type !== null);
  const [first, ...rest] = recs;
  return first!.columns
    .filter((c) => rest.every((t) => t.columns.some((d) => d.name === c.name && JSON.stringify(d.shape) === JSON.stringify(c.shape))))
    .map((c) => (c.name === 'type' ? { ...c, values: recs.map((t) => t.type!) } : c));
}

// ---- identifiers and literals ----

/** A double-quoted SQL identifier (DuckDB and PostgreSQL alike): `end` is a keyword in both. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

// ---- DuckDB ----

export function duckType(shape: Shape): string {
  switch (shape.kind) {
    case 'string':
      return 'VARCHAR';
    case 'integer':
      return 'BIGINT';
    case 'number':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'json':
      return 'JSON';
    case 'array':
      return `${duckType(shape.items)}[]`;
    case 'object':
      return `STRUCT(${shape.fields.map((f) => `${ident(f.name)} ${duckType(f.shape)}`).join(', ')})`;
  }
}

/** The structure argument of DuckDB's json_transform for a shape. */
function duckStructure(shape: Shape): unknown {
  switch (shape.kind) {
    case 'array':
      return [duckStructure(shape.items)];
    case 'object':
      return Object.fromEntries(shape.fields.map((f) => [f.name, duckStructure(f.shape)]));
    default:
      return duckType(shape);
  }
}

/** json_transform structure (a JSON string) for a list of columns. */
export function duckStructureOf(columns: Column[]): string {
  return JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, duckStructure(c.shape)])));
}

export function isNested(shape: Shape): boolean {
  return shape.kind === 'array' || shape.kind === 'object' || shape.kind === 'json';
}

// ---- PostgreSQL ----

export function pgType(shape: Shape): string {
  switch (shape.kind) {
    case 'string':
      return 'text';
    case 'integer':
      return 'bigint';
    case 'number':
      return 'double precision';
    case 'boolean':
      return 'boolean';
    case 'array':
      if (shape.items.kind === 'string' || shape.items.kind === 'integer' || shape.items.kind === 'number' || shape.items.kind === 'boolean')
        return `${pgType(shape.items)}[]`;
      return 'jsonb';
    case 'object':
    case 'json':
      return 'jsonb';
  }
}
