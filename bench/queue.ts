// The queue against extract on this machine (`npm run bench:queue`): N worker processes on one BullMQ queue
// (redis-server and PostgreSQL started here on loopback ports, as the tests start them) against
// `extract --jobs N`, on the bench's 1× archive (--docs 500 --kb 8). Throughput is compared over each one's
// extraction phase: extract's run.json MB/s (first document to last write), and for the queue the archive's MB
// over the time from the first job taken to the last job finished (BullMQ's processedOn/finishedOn). Start-up
// is left out of both and printed apart. The per-job overhead is what a job costs beyond its extraction (Redis
// round trips, reading the file, the PostgreSQL transaction), as a share of the jobs' time. One round, not the
// best of several as in `npm run bench`: it starts two servers.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { buildArchive } from './corpus.js';
import { startCluster } from '../tests/pg.js';
import { startRedis } from '../tests/redis.js';
import type { JobData, JobResult } from '../src/queue/common.js';

const ROOT = (() => {
  let d = dirname(fileURLToPath(import.meta.url));
  while (!d.endsWith('dist') && dirname(d) !== d) d = dirname(d);
  return dirname(d);
})();
const CLI = join(ROOT, 'dist', 'cli.js');
const { values } = parseArgs({ options: { docs: { type: 'string', default: '500' }, kb: { type: 'string', default: '8' }, workers: { type: 'string', default: '2' } } });
const N = Number(values.workers);
const dir = mkdtempSync(join(tmpdir(), 'bm-bench-queue-'));
const built = buildArchive(join(dir, 'x1'), Number(values.docs), Number(values.kb) * 1024, join(ROOT, 'corpus'), 1, false);
const mb = built.bytes / 1e6;
const load0 = loadavg()[0]!;

const out = join(dir, 'out');
const t0 = performance.now();
const ex = spawnSync(process.execPath, [CLI, 'extract', join(dir, 'x1'), '-o', out, '--jobs', String(N), '--quiet'], { encoding: 'utf8' });
if (ex.status !== 0) throw new Error(`extract failed: ${ex.stderr}`);
const exWall = (performance.now() - t0) / 1000;
const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { mb_per_second: number; seconds: { startup: number } };

const redis = await startRedis();
const pg = await startCluster();
try {
  const add = spawnSync(process.execPath, [CLI, 'queue', 'add', join(dir, 'x1'), '--redis', redis.url], { encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`queue add failed: ${add.stderr}`);
  const t1 = performance.now();
  const workers = Array.from({ length: N }, () =>
    spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--postgres', pg.url, '--exit-when-drained', '--quiet'], { stdio: 'inherit' }),
  );
  await Promise.all(workers.map((w) => new Promise((res) => w.once('exit', res))));
  const qWall = (performance.now() - t1) / 1000;
  const conn = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue<JobData, JobResult>('bulletin-miner', { connection: conn });
  const jobs = await queue.getCompleted(0, -1);
  await queue.close();
  conn.disconnect();
  // from the first job begun by a child that had started (forked, dictionaries loaded): start-up left out
  const first = Math.min(...jobs.map((j) => j.returnvalue?.started ?? j.processedOn!));
  const last = Math.max(...jobs.map((j) => j.finishedOn!));
  const qMBps = mb / ((last - first) / 1000);
  // the shares leave out the jobs that waited for their child to start (fork, dictionaries: seconds)
  const steady = jobs.filter((j) => j.returnvalue?.ms && j.returnvalue.started! - j.processedOn! < 500);
  const sum = (f: (r: NonNullable<JobResult['ms']>) => number) => steady.reduce((a, j) => a + f(j.returnvalue.ms!), 0);
  const jobMs = steady.reduce((a, j) => a + (j.finishedOn! - j.processedOn!), 0);
  const extractMs = sum((m) => m.extract);
  const share = (x: number) => `${((100 * x) / jobMs).toFixed(1)}%`;
  console.log(`archive: ${jobs.length} documents, ${mb.toFixed(1)} MB; load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} (2 cores shared)`);
  console.log(`extract --jobs ${N}: ${run.mb_per_second.toFixed(2)} MB/s (extraction phase), ${exWall.toFixed(1)} s wall with ${run.seconds.startup.toFixed(1)} s start-up`);
  console.log(
    `${N} worker processes on one queue: ${qMBps.toFixed(2)} MB/s (first job taken to last finished), ${qWall.toFixed(1)} s wall from start to exit; ` +
      `${(qMBps / run.mb_per_second).toFixed(2)} × extract --jobs ${N} (aim ≥ 0.90)`,
  );
  console.log(
    `per-job time: extraction ${share(extractMs)}, overhead ${share(jobMs - extractMs)} (reading ${share(sum((m) => m.read))}, ` +
      `PostgreSQL transaction ${share(sum((m) => m.write))}, the rest Redis and the sandbox's messages); ${(jobMs / steady.length).toFixed(1)} ms a job (${jobs.length - steady.length} jobs that waited for a child's start-up left out)`,
  );
} finally {
  redis.stop();
  pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
