// `worker`: takes jobs from the queue and runs each in a child process (processor.ts), `concurrency` at a time.
// The tables (load's, plus errors) are created before the first job. A killed worker loses nothing: its jobs'
// locks lapse and a live worker's stalled-job check puts them back in the queue. SIGTERM or SIGINT: no new job is
// taken, the jobs in hand are finished, then the worker exits. `exitWhenDrained`: exits when no job is waiting,
// delayed or active anywhere (jobs of a killed worker count as active until they come back).
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Worker, type Job } from 'bullmq';
import { createTables, rebuildFacts } from '../sql/postgres.js';
import { SqlError } from '../sql/errors.js';
import { connection, errorsDdl, openQueue, type JobData, type JobResult } from './common.js';

export interface WorkerOptions {
  redis: string;
  postgres: string;
  queue: string;
  schema: string;
  concurrency: number;
  exitWhenDrained: boolean;
  /** how long a job's lock lasts without renewal before another worker takes the job back (default 30 s) */
  lockMs?: number;
  maxFileBytes?: number;
  log?: (line: string) => void;
}

export interface WorkerSummary {
  completed: number;
  errors: number;
  failed: number;
  records: number;
  /** rows of the facts table made again when the worker stopped (-1: it could not be made) */
  facts: number;
}

/** Rebuilds the schema's facts table; its row count, or -1 when that failed (said in the log: the records are
 * loaded all the same, and the next worker or load makes the table). */
async function factsAgain(opts: WorkerOptions, log: (s: string) => void): Promise<number> {
  const client = new pg.Client({ connectionString: opts.postgres });
  client.on('error', () => {});
  try {
    await client.connect();
    return await rebuildFacts(client, opts.schema);
  } catch (e) {
    log(`the facts table was not made again: ${(e as Error).message}`);
    return -1;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function runWorker(opts: WorkerOptions): Promise<WorkerSummary> {
  const log = opts.log ?? (() => {});
  const client = new pg.Client({ connectionString: opts.postgres });
  client.on('error', () => {});
  try {
    await client.connect();
    await createTables(client, opts.schema, errorsDdl(opts.schema));
  } catch (e) {
    throw new SqlError(`PostgreSQL at ${opts.postgres}: ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
  const queue = await openQueue(opts.redis, opts.queue);
  const lockMs = opts.lockMs ?? 30_000;
  const summary: WorkerSummary = { completed: 0, errors: 0, failed: 0, records: 0, facts: 0 };
  const redis = connection(opts.redis);
  const worker = new Worker<JobData, JobResult>(opts.queue, fileURLToPath(new URL('./processor.js', import.meta.url)), {
    connection: redis,
    concurrency: opts.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, Math.round(lockMs / 2)),
    // a job whose worker died more than this many times fails instead of coming back again
    maxStalledCount: 3,
    workerForkOptions: {
      env: {
        ...process.env,
        BULLETIN_MINER_PG_URL: opts.postgres,
        BULLETIN_MINER_PG_SCHEMA: opts.schema,
        BULLETIN_MINER_MAX_FILE_BYTES: String(opts.maxFileBytes ?? ''),
      },
    },
  });
  worker.on('error', (e) => log(`worker: ${e.message}`));
  worker.on('completed', (job: Job<JobData, JobResult>, r: JobResult) => {
    summary.completed++;
    if (r?.error) {
      summary.errors++;
      log(`${job.data.path}: ${r.error}`);
    } else summary.records += r?.records ?? 0;
  });
  worker.on('failed', (job, e) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final) summary.failed++;
    log(`${job.data.path}: ${final ? 'failed' : `attempt ${job.attemptsMade} failed, tried again`}: ${e.message}`);
  });

  let stopping: Promise<void> | undefined;
  const stop = (why: string) => {
    if (!stopping) {
      log(`${why}: finishing the jobs in hand`);
      stopping = worker.close();
    }
    return stopping;
  };
  const onSignal = (sig: string) => void stop(sig);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await worker.waitUntilReady();
    await new Promise<void>((res) => {
      worker.on('closed', () => res());
      if (opts.exitWhenDrained) {
        const check = async () => {
          if (stopping) return;
          try {
            const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
            if (Object.values(c).every((n) => n === 0)) {
              void stop('the queue is drained');
              return;
            }
          } catch (e) {
            log(`status: ${(e as Error).message}`);
          }
          setTimeout(check, 1000);
        };
        setTimeout(check, 1000);
      }
    });
    await stopping;
    // the facts table (SPEC 7) made again from everything loaded so far, as load does after a load: the jobs
    // write records, not facts
    summary.facts = await factsAgain(opts, log);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await queue.close().catch(() => {});
    redis.disconnect();
  }
  return summary;
}
