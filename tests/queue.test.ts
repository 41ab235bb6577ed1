// The queue with real engines (redis-server and PostgreSQL, started here on loopback ports): a folder of small
// documents and two bad files, two worker processes, one killed with SIGKILL while busy and another started.
// When the queue is drained the database holds exactly the record ids `extract` gives for the folder (none
// missing, none extra, none twice) and two errors rows; adding the folder again adds no job, a changed file one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { cli, cliAsync, jsonl, tmp } from './cli-helpers.js';
import { CORPUS } from './helpers.js';
import { startCluster, type Cluster } from './pg.js';
import { startRedis, type RedisServer } from './redis.js';

const DOCS = 400;

/** DOCS small documents in four folders, made of the corpus's lines (each document a different run of them, and
 * a sentence of its own numbers), plus an empty and a binary file. */
function makeArchive(): string {
  const dir = tmp('queue-archive');
  const lines = readdirSync(CORPUS)
    .sort()
    .flatMap((f) => readFileSync(join(CORPUS, f), 'utf8').split('\n'))
    .filter((l) => /[0-9〇一二三四五六七八九十]/.test(l) && l.length > 20);
  for (let i = 0; i < DOCS; i++) {
    const sub = join(dir, `part${i % 4}`);
    mkdirSync(sub, { recursive: true });
    const body = [`第${i}期 投资情况通报`, ...Array.from({ length: 3 }, (_, k) => lines[(i * 3 + k) % lines.length]!), `全市完成固定资产投资${i + 10}.5亿元,同比增长${(i % 30) + 0.5}%。`];
    writeFileSync(join(sub, `doc${String(i).padStart(4, '0')}.txt`), body.join('\n') + '\n');
  }
  writeFileSync(join(dir, 'part0', 'empty.txt'), '');
  writeFileSync(join(dir, 'part1', 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(join(dir, 'part2', 'notes.csv'), 'ignored,by,extension\n');
  return dir;
}

type Status = { waiting: number; active: number; delayed: number; completed: number; failed: number; failures: unknown[] };

describe('queue add / worker / queue status (Redis, PostgreSQL)', () => {
  let redis: RedisServer;
  let cluster: Cluster;
  let client: pg.Client;
  beforeAll(async () => {
    redis = await startRedis();
    cluster = await startCluster();
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    cluster?.stop();
    redis?.stop();
  });

  /** active and completed jobs, asked in-process: polling through the CLI (a process start each) can miss a
   * short busy period on a loaded machine */
  const counts = async (name: string) => {
    const conn = new Redis(redis.url, { maxRetriesPerRequest: null });
    const q = new Queue(name, { connection: conn });
    try {
      const c = await q.getJobCounts('active', 'completed');
      return { active: c.active ?? 0, completed: c.completed ?? 0 };
    } finally {
      await q.close();
      conn.disconnect();
    }
  };

  const status = (): Status => {
    const r = cli(['queue', 'status', '--redis', redis.url, '--json']);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as Status;
  };

  it(
    'two workers, one killed while busy and one started: every record of extract once, two errors rows; re-adding adds nothing',
    async () => {
      const archive = makeArchive();
      const ref = tmp('queue-ref');
      expect(cli(['extract', archive, '-o', ref, '--quiet']).status).toBe(0);
      const want = jsonl(join(ref, 'records.jsonl')).map((r) => r.id as string).sort();
      expect(want.length).toBeGreaterThan(DOCS);

      const add = cli(['queue', 'add', archive, '--redis', redis.url]);
      expect(add.stderr).toBe('');
      expect(add.stdout.trim()).toBe(`${DOCS + 2} added, 0 already there`);

      const workerArgs = ['worker', '--redis', redis.url, '--postgres', cluster.url, '--schema', 'q', '--lock-seconds', '2'];
      const exited = (p: ReturnType<typeof cliAsync>) => new Promise<number | null>((res) => (p.exitCode !== null ? res(p.exitCode) : p.once('exit', (code) => res(code))));
      const a = cliAsync([...workerArgs, '--concurrency', '2']);
      const b = cliAsync([...workerArgs, '--exit-when-drained']);
      let bErr = '';
      b.stderr.on('data', (d) => (bErr += d));
      // kill A once jobs are being done and some are active
      for (let s = await counts('bulletin-miner'); ; s = await counts('bulletin-miner')) {
        if (s.completed >= 40 && s.active > 0) break;
        expect(s.completed, 'the queue emptied before a worker could be killed').toBeLessThan(DOCS);
        await new Promise((r) => setTimeout(r, 50));
      }
      a.kill('SIGKILL');
      expect(await exited(a)).toBe(null);
      const c = cliAsync([...workerArgs, '--exit-when-drained', '--concurrency', '2']);
      let cErr = '';
      c.stderr.on('data', (d) => (cErr += d));
      expect(await exited(c), cErr).toBe(0);
      expect(await exited(b), bErr).toBe(0);
      expect(cErr + bErr).toMatch(/jobs done/);

      const s = status();
      expect([s.waiting, s.active, s.delayed, s.failed, s.completed]).toEqual([0, 0, 0, 0, DOCS + 2]);
      // the killed worker's jobs in hand came back (their locks lapsed) and were done by another
      const conn = new Redis(redis.url, { maxRetriesPerRequest: null });
      const q = new Queue('bulletin-miner', { connection: conn });
      const done = await q.getCompleted(0, -1);
      await q.close();
      conn.disconnect();
      expect(done.length).toBe(DOCS + 2);
      expect(done.filter((j) => j.stalledCounter > 0).length).toBeGreaterThan(0);
      const ids = (
        await client.query(`select id from q.amounts union all select id from q.percentages union all select id from q.counts union all select id from q.projects`)
      ).rows.map((r: { id: string }) => r.id);
      expect(ids.length).toBe(new Set(ids).size);
      expect(ids.sort()).toEqual(want);
      const docs = (await client.query('select path from q.documents order by path')).rows.map((r: { path: string }) => r.path);
      expect(docs).toEqual(jsonl(join(ref, 'documents.jsonl')).map((d) => d.path as string).sort());
      const errors = (await client.query('select path, kind from q.errors order by path')).rows;
      expect(errors).toEqual(jsonl(join(ref, 'errors.jsonl')).map((e) => ({ path: e.path, kind: e.kind })).sort((x, y) => (x.path < y.path ? -1 : 1)));
      expect(errors.map((e: { kind: string }) => e.kind).sort()).toEqual(['binary', 'empty']);
      // the facts table, made again by the workers as they stop, has the rows query's facts view gives extract's output
      const facts = (await client.query('select count(*)::int as n from q.facts')).rows[0].n;
      expect(facts).toBe(JSON.parse(cli(['query', 'select count(*) as n from facts', '--dir', ref, '--format', 'json']).stdout)[0].n);
      expect(facts).toBeGreaterThan(0);

      // the same folder again: nothing; one file changed: one job
      expect(cli(['queue', 'add', archive, '--redis', redis.url]).stdout.trim()).toBe(`0 added, ${DOCS + 2} already there`);
      appendFileSync(join(archive, 'part3', 'doc0003.txt'), '另有新开工项目12个。\n');
      expect(cli(['queue', 'add', archive, '--redis', redis.url]).stdout.trim()).toBe(`1 added, ${DOCS + 1} already there`);
      expect(status().waiting).toBe(1);
    },
    600_000,
  );

  it(
    'SIGTERM finishes the job in hand; a job that kills its worker fails after 3 attempts; retry-failed, clean',
    async () => {
      const dir = tmp('queue-crash');
      const M = 120;
      for (let i = 0; i < M; i++) writeFileSync(join(dir, `c${String(i).padStart(2, '0')}.txt`), `第${i}期:全市完成固定资产投资${i + 3}.2亿元,同比增长${i % 9}.5%。\n`);
      const qs = (args: string[]) => cli(['queue', ...args, '--redis', redis.url, '--queue', 'crash']);
      const st = () => JSON.parse(qs(['status', '--json']).stdout) as Status & { failures: { path: string; attempts: number; reason: string }[] };
      expect(qs(['add', dir]).stdout.trim()).toBe(`${M} added, 0 already there`);
      const args = ['worker', '--redis', redis.url, '--postgres', cluster.url, '--schema', 'crash', '--queue', 'crash', '--lock-seconds', '30'];
      const dies = { BULLETIN_MINER_WORKER_DIES_ON: `c${M - 1}.txt` };
      const w = cliAsync(args, dies);
      let err = '';
      w.stderr.on('data', (d) => (err += d));
      for (let s = await counts('crash'); !(s.completed >= 3 && s.active > 0); s = await counts('crash')) {
        expect(s.completed, 'the queue emptied before the worker could be stopped').toBeLessThan(M - 5);
        await new Promise((r) => setTimeout(r, 50));
      }
      w.kill('SIGTERM');
      expect(await new Promise((res) => w.once('exit', res)), err).toBe(0);
      expect(err).toContain('SIGTERM: finishing the jobs in hand');
      // nothing left active: the job in hand was finished, not abandoned to a lock that lapses in 30 s
      const after = st();
      expect(after.active).toBe(0);
      expect(after.completed + after.waiting + after.delayed + after.failed).toBe(M);

      const drain = (env: Record<string, string> = {}) => {
        const r = cli([...args, '--exit-when-drained', '--lock-seconds', '2'], env);
        expect(r.status, r.stderr).toBe(0);
        return r.stderr;
      };
      const log = drain(dies);
      expect(log).toMatch(/c119\.txt: failed/);
      let s = st();
      expect([s.completed, s.failed, s.active, s.waiting]).toEqual([M - 1, 1, 0, 0]);
      expect(s.failures.map((f) => [f.path, f.attempts])).toEqual([['c119.txt', 3]]);
      expect(s.failures[0]!.reason).toMatch(/exit|code 3/i);
      expect(qs(['status']).stdout).toMatch(/119 completed, 1 failed\n  failed: c119\.txt \(3 attempts\)/);

      expect(qs(['retry-failed']).stdout.trim()).toBe('1 failed jobs put back in the queue');
      drain();
      s = st();
      expect([s.completed, s.failed]).toEqual([M, 0]);
      expect((await client.query('select count(*)::int as n from crash.documents')).rows[0].n).toBe(M);
      expect(qs(['clean']).stdout.trim()).toBe(`removed ${M} completed and 0 failed jobs`);
      expect(st().completed).toBe(0);

      const bad = cli(['queue', 'status', '--redis', 'redis://127.0.0.1:1']);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/^bulletin-miner queue: cannot connect to Redis at redis:\/\/127\.0\.0\.1:1/);
      const usage = cli(['queue', 'status', '--redis', 'localhost']);
      expect([usage.status, usage.stderr.trim()]).toEqual([2, 'bulletin-miner queue: --redis takes a URL like redis://localhost:6379, not localhost']);
      for (const [args, message] of [
        [['queue'], 'queue takes add, status, retry-failed or clean'],
        [['queue', 'status'], 'queue needs --redis URL (e.g. redis://localhost:6379), or REDIS_URL'],
        [['queue', 'add', '--redis', redis.url], 'queue add needs INPUT files or folders'],
        [['worker', '--redis', redis.url], 'worker needs --postgres URL like postgres://user@localhost:5432/db (or DATABASE_URL)'],
        [['worker', '--redis', redis.url, '--postgres', cluster.url, '--concurrency', '0'], '--concurrency takes a whole number from 1 to 256, not 0'],
      ] as const) {
        const r = cli([...args], { REDIS_URL: '', DATABASE_URL: '' });
        expect([r.status, r.stderr.trim()]).toEqual([2, `bulletin-miner ${args[0]}: ${message}`]);
      }
    },
    300_000,
  );
});
