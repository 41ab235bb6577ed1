// The command line (SPEC 2): a thin layer over the library. Usage errors exit 2 with a message; no command
// prints a stack trace for bad input.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DocumentRecord } from './schemas.js';
import { SqlError } from './sql/errors.js';
// each command loads its own modules when it runs (extract's main thread then never loads the pipeline, which only
// its workers need: a short run starts sooner)

export class UsageError extends Error {}

const HELP = `bulletin-miner — typed, traceable records from Chinese government bulletins

  bulletin-miner extract [INPUT ...] [-o DIR] [--jobs N]   files or folders (.txt .htm .html .pdf .docx); default corpus/ → output/
        [--max-file-mb N] [--fresh] [--quiet]            refuse files over N MiB (16); ignore earlier runs' state
  bulletin-miner extract --stdin                         NDJSON {"path","text"|"base64"} a line in, records,
                                                           {"type":"document"} and {"type":"error"} lines out
  bulletin-miner eval --gold FILE [--records FILE] [--documents FILE] [--corpus DIR] [--json] [--quiet]
  bulletin-miner report [--dir output] [-o output/report.html] [--source PATH ...] [--split]
                                                           HTML review report: texts with highlighted records, charts
  bulletin-miner schema                                    JSON Schema of every record type
  bulletin-miner query "SQL" [--dir output] [--format table|csv|json]
                    SQL (DuckDB) over the views records, amounts, percentages, counts, projects,
                    documents, project_amounts (projects joined to their linked amounts), errors,
                    facts (one row per number with a metric: region, period, value, yoy, share, progress)
  bulletin-miner export --format parquet|csv [--dir output] [-o DEST]
                    amounts, percentages, counts, projects, documents, facts as DEST/NAME.parquet|.csv (DEST: --dir)
  bulletin-miner load --postgres URL [--dir output] [--schema NAME] [--batch-size N] [--prune]
                    upserts the records into PostgreSQL tables (schema default public), one transaction
                    per batch; --prune deletes the records of the loaded documents that the output lacks;
                    the facts table is made again from the loaded tables
  bulletin-miner queue add INPUT... --redis URL [--queue NAME]   one job per input file on a BullMQ queue
  bulletin-miner queue status|retry-failed|clean --redis URL [--queue NAME] [--json]
  bulletin-miner worker --redis URL --postgres URL [--queue NAME] [--schema NAME] [--concurrency N]
        [--exit-when-drained] [--lock-seconds N] [--max-file-mb N]
                    takes jobs, extracts, writes load's tables and an errors table; SIGTERM: finishes the jobs in hand
`;

type Command = (args: string[]) => Promise<number>;

/** `extract --stdin` (src/stdin.ts): NDJSON in, NDJSON out, the summary on stderr. */
async function extractStdin(positionals: string[], values: { quiet?: boolean; 'max-file-mb'?: string; out?: string; jobs?: string }): Promise<number> {
  if (positionals.length) throw new UsageError(`--stdin reads NDJSON from standard input and takes no INPUT (got ${positionals.join(' ')})`);
  if (values.jobs !== undefined) throw new UsageError('--stdin extracts one document at a time: run several processes (the engine that pipes does) instead of --jobs');
  const maxMb = values['max-file-mb'] === undefined ? undefined : Number(values['max-file-mb']);
  if (maxMb !== undefined && !(maxMb > 0)) throw new UsageError(`--max-file-mb takes a number > 0, not ${values['max-file-mb']}`);
  const { runStdin } = await import('./stdin.js');
  const s = await runStdin(process.stdin, process.stdout, { maxFileBytes: maxMb === undefined ? undefined : Math.round(maxMb * 1024 * 1024) });
  if (!values.quiet) process.stderr.write(`bulletin-miner: ${s.documents} documents, ${s.records} records, ${s.errors} errors from ${s.lines} lines\n`);
  return s.documents === 0 && s.errors > 0 ? 1 : 0;
}

export const COMMANDS: Record<string, Command> = {
  async extract(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o', default: 'output' },
        jobs: { type: 'string', short: 'j' },
        quiet: { type: 'boolean', short: 'q' },
        'max-file-mb': { type: 'string' },
        fresh: { type: 'boolean' },
        stdin: { type: 'boolean' },
      },
    });
    if (values.stdin) return extractStdin(positionals, values);
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)) throw new UsageError(`--jobs takes a whole number from 1 to 256, not ${values.jobs}`);
    const maxMb = values['max-file-mb'] === undefined ? undefined : Number(values['max-file-mb']);
    if (maxMb !== undefined && !(maxMb > 0)) throw new UsageError(`--max-file-mb takes a number > 0, not ${values['max-file-mb']}`);
    const { runExtract } = await import('./run.js');
    const summary = await runExtract({
      inputs: positionals.length ? positionals : ['corpus'],
      outDir: values.out!,
      jobs,
      quiet: !!values.quiet,
      maxFileBytes: maxMb === undefined ? undefined : Math.round(maxMb * 1024 * 1024),
      fresh: !!values.fresh,
    });
    if (summary.interrupted) return 130;
    return summary.documents === 0 && summary.errors > 0 ? 1 : 0;
  },
  async eval(args) {
    const { values } = parseArgs({
      args,
      options: {
        gold: { type: 'string' },
        records: { type: 'string', default: 'output/records.jsonl' },
        documents: { type: 'string' },
        corpus: { type: 'string', default: 'corpus' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
    if (!values.gold) throw new UsageError('eval needs --gold FILE');
    const { evaluate, formatReport, loadGold, loadRecords } = await import('./eval.js');
    // documents.jsonl beside records.jsonl, when it is there, gives the document fields of SPEC 7
    const documentsFile = resolve(values.documents ?? join(dirname(resolve(values.records!)), 'documents.jsonl'));
    if (values.documents && !existsSync(documentsFile)) throw new UsageError(`no such file: ${values.documents}`);
    const documents = existsSync(documentsFile) ? (loadRecords(documentsFile) as unknown as DocumentRecord[]) : undefined;
    const report = evaluate(loadGold(resolve(values.gold)), loadRecords(resolve(values.records!)), resolve(values.corpus!), documents);
    process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, !values.quiet) + '\n');
    return 0;
  },
  async report(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        dir: { type: 'string', short: 'd', default: 'output' },
        out: { type: 'string', short: 'o' },
        source: { type: 'string', multiple: true },
        split: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
    if (positionals.length) throw new UsageError(`report takes no positional arguments (got ${positionals.join(' ')}); use --dir DIR`);
    const { buildReport } = await import('./report/index.js');
    const s = await buildReport({ dir: values.dir!, out: values.out, sources: values.source, split: !!values.split });
    if (!values.quiet) {
      process.stderr.write(
        `bulletin-miner: report of ${s.documents} documents, ${s.records} records${s.split ? `, ${s.pages} pages` : ''}${s.unavailable ? ` (${s.unavailable} without their text)` : ''} → ${s.out}\n`,
      );
    }
    return 0;
  },
  async schema() {
    const { jsonSchemas } = await import('./schemas.js');
    process.stdout.write(JSON.stringify(jsonSchemas(), null, 2) + '\n');
    return 0;
  },
  async query(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { dir: { type: 'string', short: 'd', default: 'output' }, format: { type: 'string', short: 'f', default: 'table' } },
    });
    if (positionals.length !== 1) throw new UsageError('query takes one SQL string, e.g. bulletin-miner query "select count(*) from amounts"');
    const format = values.format!;
    if (format !== 'table' && format !== 'csv' && format !== 'json') throw new UsageError(`--format is table, csv or json, not ${format}`);
    const { query } = await import('./sql/duckdb.js');
    const { streamWriter } = await import('./sql/output.js');
    await query(values.dir!, positionals[0]!, format, streamWriter());
    return 0;
  },
  async export(args) {
    const { values } = parseArgs({
      args,
      options: { format: { type: 'string', short: 'f' }, dir: { type: 'string', short: 'd', default: 'output' }, out: { type: 'string', short: 'o' } },
    });
    const format = values.format;
    if (format !== 'parquet' && format !== 'csv') throw new UsageError(`export needs --format parquet or --format csv${format ? `, not ${format}` : ''}`);
    const { exportTables } = await import('./sql/duckdb.js');
    const files = await exportTables(values.dir!, format, values.out ?? values.dir!);
    for (const f of files) process.stdout.write(`${f.path}\t${f.rows} rows\n`);
    return 0;
  },
  queue: queueCommand,
  async worker(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        redis: { type: 'string' },
        postgres: { type: 'string' },
        queue: { type: 'string', default: 'bulletin-miner' },
        schema: { type: 'string', default: 'public' },
        concurrency: { type: 'string', default: '1' },
        'exit-when-drained': { type: 'boolean' },
        'lock-seconds': { type: 'string', default: '30' },
        'max-file-mb': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
    if (positionals.length) throw new UsageError(`worker takes no INPUT (got ${positionals.join(' ')}): add files with queue add`);
    const redis = values.redis ?? process.env.REDIS_URL;
    const postgres = values.postgres ?? process.env.DATABASE_URL;
    if (!redis) throw new UsageError('worker needs --redis URL (e.g. redis://localhost:6379), or REDIS_URL');
    if (!postgres || !/^postgres(ql)?:\/\//.test(postgres)) throw new UsageError(`worker needs --postgres URL like postgres://user@localhost:5432/db (or DATABASE_URL)${postgres ? `, not ${postgres}` : ''}`);
    const concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) throw new UsageError(`--concurrency takes a whole number from 1 to 256, not ${values.concurrency}`);
    const lock = Number(values['lock-seconds']);
    if (!(lock >= 1)) throw new UsageError(`--lock-seconds takes a number ≥ 1, not ${values['lock-seconds']}`);
    const maxMb = values['max-file-mb'] === undefined ? undefined : Number(values['max-file-mb']);
    if (maxMb !== undefined && !(maxMb > 0)) throw new UsageError(`--max-file-mb takes a number > 0, not ${values['max-file-mb']}`);
    const { runWorker } = await import('./queue/worker.js');
    const quiet = !!values.quiet;
    const s = await runWorker({
      redis,
      postgres,
      queue: values.queue!,
      schema: values.schema!,
      concurrency,
      exitWhenDrained: !!values['exit-when-drained'],
      lockMs: Math.round(lock * 1000),
      maxFileBytes: maxMb === undefined ? undefined : Math.round(maxMb * 1024 * 1024),
      log: quiet ? undefined : (l) => process.stderr.write(`bulletin-miner worker: ${l}\n`),
    });
    if (!quiet) {
      const facts = s.facts < 0 ? 'the facts table not made again' : `facts table: ${s.facts} rows`;
      process.stderr.write(`bulletin-miner worker: ${s.completed} jobs done (${s.records} records, ${s.errors} unreadable inputs), ${s.failed} failed; ${facts}\n`);
    }
    return 0;
  },
  async load(args) {
    const { values } = parseArgs({
      args,
      options: {
        postgres: { type: 'string' },
        dir: { type: 'string', short: 'd', default: 'output' },
        schema: { type: 'string', default: 'public' },
        'batch-size': { type: 'string', default: '1000' },
        prune: { type: 'boolean' },
      },
    });
    const url = values.postgres ?? process.env.DATABASE_URL;
    if (!url) throw new UsageError('load needs --postgres URL (e.g. postgres://user@localhost:5432/db), or DATABASE_URL');
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--postgres takes a URL like postgres://user@localhost:5432/db, not ${url}`);
    const batchSize = Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size takes a whole number ≥ 1, not ${values['batch-size']}`);
    const { load } = await import('./sql/postgres.js');
    const prune = !!values.prune;
    const tty = process.stderr.isTTY;
    const progress = tty ? (n: number) => process.stderr.write(`\rloaded ${n} lines`) : undefined;
    const s = await load({ url, dir: values.dir!, schema: values.schema!, batchSize, prune, progress });
    if (tty) process.stderr.write('\r\x1b[K');
    const line = (c: { inserted: number; updated: number; unchanged: number; deleted: number }) =>
      `${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged${prune ? `, ${c.deleted} deleted` : ''}`;
    for (const [name, c] of Object.entries(s.tables)) process.stdout.write(`${s.schema}.${name}: ${line(c)}\n`);
    process.stdout.write(`total: ${line(s)} in ${s.batches} batches\n`);
    process.stdout.write(`${s.schema}.facts: ${s.facts} rows, made again from the schema's amounts and percentages\n`);
    return 0;
  },
};

/** `queue add|status|retry-failed|clean` (src/queue/). */
async function queueCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!['add', 'status', 'retry-failed', 'clean'].includes(sub ?? '')) throw new UsageError(`queue takes add, status, retry-failed or clean${sub ? `, not ${sub}` : ''}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { redis: { type: 'string' }, queue: { type: 'string', default: 'bulletin-miner' }, json: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
  });
  const redis = values.redis ?? process.env.REDIS_URL;
  if (!redis) throw new UsageError('queue needs --redis URL (e.g. redis://localhost:6379), or REDIS_URL');
  const name = values.queue!;
  if (sub === 'add') {
    if (!positionals.length) throw new UsageError('queue add needs INPUT files or folders');
    const { queueAdd } = await import('./queue/add.js');
    const s = await queueAdd({ inputs: positionals, redis, queue: name });
    for (const e of s.unreadable) process.stderr.write(`bulletin-miner queue add: ${e.path}: ${e.kind}: ${e.message}\n`);
    process.stdout.write(`${s.added} added, ${s.already} already there${s.unreadable.length ? `, ${s.unreadable.length} could not be read` : ''}\n`);
    return s.added + s.already === 0 && s.unreadable.length ? 1 : 0;
  }
  if (positionals.length) throw new UsageError(`queue ${sub} takes no INPUT (got ${positionals.join(' ')})`);
  const q = await import('./queue/status.js');
  if (sub === 'status') {
    const s = await q.queueStatus(redis, name);
    process.stdout.write(values.json ? JSON.stringify(s) + '\n' : q.formatStatus(s));
  } else if (sub === 'retry-failed') process.stdout.write(`${await q.retryFailed(redis, name)} failed jobs put back in the queue\n`);
  else if (sub === 'clean') {
    const c = await q.clean(redis, name);
    process.stdout.write(`removed ${c.completed} completed and ${c.failed} failed jobs\n`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '-h' || cmd === '--help' || cmd === 'help') {
    process.stdout.write(HELP);
    process.exitCode = cmd ? 0 : 2;
    return;
  }
  const run = COMMANDS[cmd];
  if (!run) {
    process.stderr.write(`bulletin-miner: unknown command '${cmd}'\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  try {
    process.exitCode = await run(rest);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof SqlError) {
      process.stderr.write(`bulletin-miner ${cmd}: ${err.message}\n`);
      process.exitCode = e.exitCode;
    } else if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`bulletin-miner ${cmd}: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR' || err.code === 'ENOTDIR') {
      process.stderr.write(`bulletin-miner ${cmd}: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`bulletin-miner ${cmd}: internal error: ${err.message}\n(set BULLETIN_MINER_DEBUG=1 for the stack)\n`);
      if (process.env.BULLETIN_MINER_DEBUG) process.stderr.write(`${err.stack}\n`);
      process.exitCode = 70;
    }
  }
}
