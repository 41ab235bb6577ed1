// What the queue's commands share: the queue's name, how a job looks, the Redis connection, and the SQL of the
// errors table the workers write beside load's tables.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ident } from '../sql/columns.js';
import { SqlError } from '../sql/errors.js';

export const DEFAULT_QUEUE = 'bulletin-miner';
/** how many times a job whose extraction crashes (not a bad input: that is a finished job) is tried in all */
export const ATTEMPTS = 3;

/** A job: one input file. `file` is the path to read on the worker's machine (base64 of its bytes when the name
 * is not UTF-8, `fileB64`); `path` is the records' path, as `extract` gives it; `sha256` the bytes when added. */
export interface JobData {
  file: string;
  fileB64?: boolean;
  path: string;
  sha256: string;
  bytes: number;
}

export interface JobResult {
  path: string;
  doc_id?: string;
  records?: number;
  error?: string;
  /** when the child began the job (ms since the epoch), after its start-up */
  started?: number;
  /** milliseconds spent reading the file, extracting, and writing to PostgreSQL (one transaction) */
  ms?: { read: number; extract: number; write: number };
}

/** A Redis connection for BullMQ to a redis:// or rediss:// URL (BullMQ duplicates it for its blocking reads).
 * `failFast`: a command fails when Redis cannot be reached, instead of waiting for it to come back. */
export function connection(url: string, failFast = false): Redis {
  if (!/^rediss?:\/\//.test(url)) throw new SqlError(`--redis takes a URL like redis://localhost:6379, not ${url}`, 2);
  const r = new Redis(url, failFast ? { maxRetriesPerRequest: null, retryStrategy: () => null, enableOfflineQueue: true, lazyConnect: false } : { maxRetriesPerRequest: null });
  r.on('error', () => {}); // surfaces as a failed command
  return r;
}

/** Opens the queue and checks that Redis answers (BullMQ would otherwise retry forever, silently). */
export async function openQueue(url: string, name: string): Promise<Queue<JobData, JobResult>> {
  const redis = connection(url, true);
  const queue = new Queue<JobData, JobResult>(name, { connection: redis });
  queue.on('error', () => {}); // surfaces below, or as a failed command
  // a connection given to BullMQ stays open when the queue closes: close it too, or the process does not end
  const close = queue.close.bind(queue);
  queue.close = async () => {
    await close().finally(() => redis.disconnect());
  };
  try {
    await withTimeout(queue.waitUntilReady(), 10_000, `no answer from Redis at ${url} in 10 s`);
  } catch (e) {
    await queue.close().catch(() => {});
    throw new SqlError(`cannot connect to Redis at ${url}: ${(e as Error).message}`);
  }
  return queue;
}

export async function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The errors table: one row per input that could not be read (its path is the key: a later success deletes it). */
export function errorsDdl(schema: string): string[] {
  const t = `${ident(schema)}.${ident('errors')}`;
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (path text NOT NULL PRIMARY KEY, kind text NOT NULL, message text NOT NULL, sha256 text, at timestamptz NOT NULL DEFAULT now())`,
    `COMMENT ON TABLE ${t} IS 'inputs that could not be read, as errors.jsonl of extract: path, kind, message'`,
  ];
}
