// The `facts` view, file and table (SPEC 7): one row per amount or percentage that has a metric, with its region
// and period. An amount takes the percentages of its metric in its sentence (each percentage goes to the nearest
// such amount before it, else after it): the first year-on-year change (signed by its direction: 下降22% → -22;
// a point change is not one), the first share and the first progress rate. A percentage without an amount of its
// metric in its sentence is a row of its own. One SQL text for DuckDB and PostgreSQL.

/** The columns of facts, in order, with their types. */
export const FACT_COLUMNS = [
  ['doc_id', 'VARCHAR', 'text'],
  ['path', 'VARCHAR', 'text'],
  ['region', 'VARCHAR', 'text'],
  ['period_start', 'VARCHAR', 'text'],
  ['period_end', 'VARCHAR', 'text'],
  ['metric', 'VARCHAR', 'text'],
  ['amount_id', 'VARCHAR', 'text'],
  ['value', 'DOUBLE', 'double precision'],
  ['currency', 'VARCHAR', 'text'],
  ['yoy_id', 'VARCHAR', 'text'],
  ['yoy', 'DOUBLE', 'double precision'],
  ['share', 'DOUBLE', 'double precision'],
  ['progress', 'DOUBLE', 'double precision'],
] as const;

/** The SELECT of facts over tables `amounts` and `percentages` (schema-qualified by `q`), in document order. */
export function factsSelect(q: (table: string) => string = (t) => t, engine: 'duckdb' | 'postgres' = 'duckdb'): string {
  const type = (i: number) => (engine === 'duckdb' ? FACT_COLUMNS[i]![1] : FACT_COLUMNS[i]![2]);
  const cast = (expr: string, name: string) => `CAST(${expr} AS ${type(FACT_COLUMNS.findIndex((c) => c[0] === name))}) AS ${name}`;
  const signed = `CASE WHEN p.direction = 'down' THEN -p.value ELSE p.value END`;
  return `WITH pa AS (
  SELECT p.*,
    (SELECT a.id FROM ${q('amounts')} a
     WHERE a.doc_id = p.doc_id AND a.context = p.context AND a.metric = p.metric
     ORDER BY CASE WHEN a.start < p.start THEN 0 ELSE 1 END, abs(a.start - p.start), a.id LIMIT 1) AS amount_id,
    CASE WHEN p.basis = 'yoy' AND p.unit = 'percent' THEN 'yoy'
         WHEN p.basis IN ('share', 'progress') AND p.unit = 'percent' THEN p.basis END AS kind
  FROM ${q('percentages')} p WHERE p.metric IS NOT NULL
), firsts AS (
  SELECT * FROM (
    SELECT pa.*, row_number() OVER (PARTITION BY amount_id, kind ORDER BY start, id) AS rn FROM pa
    WHERE amount_id IS NOT NULL AND kind IS NOT NULL
  ) x WHERE rn = 1
), fact_rows AS (
  SELECT a.doc_id, a.path, a.region, a.period_start, a.period_end, a.metric, a.id AS amount_id, a.value, a.currency,
         y.id AS yoy_id, ${signed.replace(/p\./g, 'y.')} AS yoy, s.value AS share, g.value AS progress, a.start AS pos, a.id AS sort_id
  FROM ${q('amounts')} a
  LEFT JOIN firsts y ON y.amount_id = a.id AND y.kind = 'yoy'
  LEFT JOIN firsts s ON s.amount_id = a.id AND s.kind = 'share'
  LEFT JOIN firsts g ON g.amount_id = a.id AND g.kind = 'progress'
  WHERE a.metric IS NOT NULL
  UNION ALL
  SELECT p.doc_id, p.path, p.region, p.period_start, p.period_end, p.metric, NULL, NULL, NULL,
         CASE WHEN p.kind = 'yoy' THEN p.id END, CASE WHEN p.kind = 'yoy' THEN ${signed} END,
         CASE WHEN p.kind = 'share' THEN p.value END, CASE WHEN p.kind = 'progress' THEN p.value END, p.start, p.id
  FROM pa p WHERE p.amount_id IS NULL
)
SELECT ${[
    'doc_id', 'path', 'region', 'period_start', 'period_end', 'metric', 'amount_id', 'value', 'currency', 'yoy_id', 'yoy', 'share', 'progress',
  ].map((c) => cast(c, c)).join(', ')}
FROM fact_rows ORDER BY path, doc_id, pos, sort_id`;
}
