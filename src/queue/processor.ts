// A job, in a child process of a queue worker (BullMQ's sandbox: a crash of the extraction kills the child, not
// the worker, and the job is tried again up to ATTEMPTS times). Reads the file, extracts it as `extract` does
// (src/one.ts), and writes the document, its records, or the errors row, to PostgreSQL in one transaction with
// load's upserts: a job done twice (its worker was killed after the commit) leaves the same rows.
import pg from 'pg';
import type { SandboxedJob } from 'bullmq';
import { extractOne, readOne } from '../one.js';
import { emptySummary, loadBatch, type Line } from '../sql/postgres.js';
import { ident, tables } from '../sql/columns.js';
import { getJieba } from '../segment.js';
import type { JobData, JobResult } from './common.js';

// (SIGTERM and SIGINT: BullMQ's child finishes its job, then exits.) A worker killed with SIGKILL leaves its
// children behind: they stop at once, and the job comes back to the queue when its lock lapses.
process.on('disconnect', () => process.exit(0));

// the dictionaries load as the child starts, before its first job (BullMQ imports this module then)
getJieba();

const url = process.env.BULLETIN_MINER_PG_URL!;
const schema = process.env.BULLETIN_MINER_PG_SCHEMA ?? 'public';
const maxBytes = Number(process.env.BULLETIN_MINER_MAX_FILE_BYTES) || 16 * 1024 * 1024;

let client: pg.Client | undefined;
async function db(): Promise<pg.Client> {
  if (client) return client;
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {
    client = undefined; // a dropped connection: the job fails, is retried, and reconnects
  });
  await c.connect();
  return (client = c);
}

const byType = new Map(tables().map((t) => [t.type ?? 'document', t]));
const errorsTable = () => `${ident(schema)}.${ident('errors')}`;

export default async function process_(job: SandboxedJob<JobData, JobResult>): Promise<JobResult> {
  // tests only: a child that dies on this document, as one out of memory or in a native crash would
  if (process.env.BULLETIN_MINER_WORKER_DIES_ON && job.data.path === process.env.BULLETIN_MINER_WORKER_DIES_ON) process.exit(3);
  const { path } = job.data;
  const file = job.data.fileB64 ? Buffer.from(job.data.file, 'base64') : job.data.file;
  const started = Date.now();
  const t0 = performance.now();
  const read = readOne(file, path, maxBytes);
  const t1 = performance.now();
  const out = read.error ? read : await extractOne(read.bytes!, path);
  const t2 = performance.now();
  const ms = () => ({ read: t1 - t0, extract: t2 - t1, write: performance.now() - t2 });
  const c = await db();
  if (out.error) {
    const e = out.error;
    await loadBatch(c, schema, [], emptySummary(schema), (q) =>
      q.query(
        `INSERT INTO ${errorsTable()} AS t (path, kind, message, sha256) VALUES ($1, $2, $3, $4)
         ON CONFLICT (path) DO UPDATE SET kind = EXCLUDED.kind, message = EXCLUDED.message, sha256 = EXCLUDED.sha256, at = now()`,
        [path, e.kind, e.message, job.data.sha256],
      ).then(() => {}),
    );
    return { path, error: `${e.kind}: ${e.message}`, ms: ms(), started };
  }
  const r = out.result!;
  const lines: Line[] = [{ table: byType.get('document')!, row: r.document }];
  for (const rec of r.records) lines.push({ table: byType.get(rec.type)!, row: rec as unknown as Record<string, unknown> });
  await loadBatch(c, schema, lines, emptySummary(schema), async (q) => {
    await q.query(`DELETE FROM ${errorsTable()} WHERE path = $1`, [path]);
    for (const inv of r.invalid) {
      await q.query(
        `INSERT INTO ${errorsTable()} (path, kind, message, sha256) VALUES ($1, 'invalid-record', $2, $3)
         ON CONFLICT (path) DO UPDATE SET kind = EXCLUDED.kind, message = EXCLUDED.message, at = now()`,
        [path, inv.message.slice(0, 2000), job.data.sha256],
      );
    }
  });
  return { path, doc_id: r.document.doc_id, records: r.records.length, ms: ms(), started };
}
