// The command line (SPEC 2): a thin layer over the library. Usage errors exit 2 with a message; no command
// prints a stack trace for bad input.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildReport } from './report/index.js';
import { jsonSchemas } from './schemas.js';
import { evaluate, formatReport, loadGold, loadRecords } from './eval.js';
import { runExtract } from './run.js';

export class UsageError extends Error {}

const HELP = `bulletin-miner — typed, traceable records from Chinese government bulletins

  bulletin-miner extract [INPUT ...] [-o DIR] [--jobs N]   files or folders (.txt .htm .html); default corpus/ → output/
        [--max-file-mb N] [--fresh] [--quiet]            refuse files over N MiB (16); ignore earlier runs' state
  bulletin-miner eval --gold FILE [--records FILE] [--corpus DIR] [--json] [--quiet]
  bulletin-miner report [--dir output] [-o output/report.html] [--source PATH ...] [--split]
                                                           HTML review report: texts with highlighted records, charts
  bulletin-miner schema                                    JSON Schema of every record type
`;

type Command = (args: string[]) => Promise<number>;

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
      },
    });
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)) throw new UsageError(`--jobs takes a whole number from 1 to 256, not ${values.jobs}`);
    const maxMb = values['max-file-mb'] === undefined ? undefined : Number(values['max-file-mb']);
    if (maxMb !== undefined && !(maxMb > 0)) throw new UsageError(`--max-file-mb takes a number > 0, not ${values['max-file-mb']}`);
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
        corpus: { type: 'string', default: 'corpus' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
    if (!values.gold) throw new UsageError('eval needs --gold FILE');
    const report = evaluate(loadGold(resolve(values.gold)), loadRecords(resolve(values.records!)), resolve(values.corpus!));
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
    const s = await buildReport({ dir: values.dir!, out: values.out, sources: values.source, split: !!values.split });
    if (!values.quiet) {
      process.stderr.write(
        `bulletin-miner: report of ${s.documents} documents, ${s.records} records${s.split ? `, ${s.pages} pages` : ''}${s.unavailable ? ` (${s.unavailable} without their text)` : ''} → ${s.out}\n`,
      );
    }
    return 0;
  },
  async schema() {
    process.stdout.write(JSON.stringify(jsonSchemas(), null, 2) + '\n');
    return 0;
  },
};

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
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
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
