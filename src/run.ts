// `extract` over files and folders: find the inputs, run extractFile on each, write the four output files of
// SPEC 2. A bad file is reported in errors.jsonl and the run goes on.
import { mkdir, readdir, stat, lstat, writeFile, open, realpath, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join, relative, basename, extname } from 'node:path';
import { extractFile } from './pipeline.js';
import { DecodeError } from './decode.js';
import { EXTRACTORS_VERSION } from '../extractors/index.js';
import type { ErrorRecord } from './schemas.js';

export interface RunOptions {
  inputs: string[];
  outDir: string;
  jobs?: number;
  quiet?: boolean;
}

export interface RunSummary {
  documents: number;
  records: number;
  errors: number;
}

export const INPUT_EXTENSIONS = new Set(['.txt', '.htm', '.html']);

export interface InputFile {
  file: string;
  rel: string;
}

/** Every input file under the given paths, in a deterministic order; what cannot be read goes to `errors`. */
export async function findInputs(inputs: string[], errors: ErrorRecord[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      errors.push({ path: input, kind: kindOf(e), message: messageOf(e) });
      continue;
    }
    if (info.isFile()) {
      out.push({ file: input, rel: basename(input) });
      continue;
    }
    const seen = new Set<string>();
    const walk = async (dir: string): Promise<void> => {
      let real: string;
      try {
        real = await realpath(dir);
      } catch (e) {
        errors.push({ path: relative(input, dir) || dir, kind: kindOf(e), message: messageOf(e) });
        return;
      }
      if (seen.has(real)) {
        errors.push({ path: relative(input, dir), kind: 'symlink-loop', message: 'this folder was already visited through another link: skipped' });
        return;
      }
      seen.add(real);
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        errors.push({ path: relative(input, dir) || dir, kind: kindOf(e), message: messageOf(e) });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const ent of entries) {
        const p = join(dir, ent.name);
        const rel = relative(input, p);
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        if (ent.isSymbolicLink()) {
          try {
            const t = await stat(p);
            isDir = t.isDirectory();
            isFile = t.isFile();
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            errors.push({ path: rel, kind: code === 'ELOOP' ? 'symlink-loop' : 'dangling-link', message: messageOf(e) });
            continue;
          }
        }
        if (isDir) await walk(p);
        else if (INPUT_EXTENSIONS.has(extname(ent.name).toLowerCase())) {
          if (isFile) out.push({ file: p, rel });
          else errors.push({ path: rel, kind: 'not-a-file', message: 'not a regular file (fifo, socket or device): skipped' });
        }
      }
    };
    await walk(input);
  }
  return out;
}

export function kindOf(e: unknown): string {
  if (e instanceof DecodeError) return e.kind;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'not-found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission';
  if (code === 'ELOOP') return 'symlink-loop';
  if (code === 'EISDIR') return 'is-directory';
  return code ? code.toLowerCase() : 'error';
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Fail before any work if the output folder cannot be written. */
export async function checkOutDir(outDir: string): Promise<void> {
  const { UsageError } = await import('./cli.js');
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
    const probe = join(outDir, `.write-probe-${process.pid}`);
    const fh = await open(probe, 'w');
    await fh.close();
    const { unlink } = await import('node:fs/promises');
    await unlink(probe);
  } catch (e) {
    throw new UsageError(`cannot write to the output folder ${outDir}: ${messageOf(e)}`);
  }
}

export async function runExtract(opts: RunOptions): Promise<RunSummary> {
  await checkOutDir(opts.outDir);
  const t0 = Date.now();
  const errors: ErrorRecord[] = [];
  const files = await findInputs(opts.inputs, errors);
  const records: string[] = [];
  const documents: string[] = [];
  let bytes = 0;
  for (const f of files) {
    try {
      const info = await lstat(f.file);
      void info;
      const res = await extractFile(f.file, f.rel);
      documents.push(JSON.stringify(res.document));
      for (const r of res.records) records.push(JSON.stringify(r));
      for (const inv of res.invalid) errors.push({ path: f.rel, kind: 'invalid-record', message: inv.message });
      bytes += res.document.bytes;
    } catch (e) {
      errors.push({ path: f.rel, kind: kindOf(e), message: messageOf(e) });
    }
  }
  const lines = (xs: string[]) => (xs.length ? xs.join('\n') + '\n' : '');
  await writeFile(join(opts.outDir, 'records.jsonl'), lines(records));
  await writeFile(join(opts.outDir, 'documents.jsonl'), lines(documents));
  await writeFile(join(opts.outDir, 'errors.jsonl'), lines(errors.map((e) => JSON.stringify(e))));
  const seconds = (Date.now() - t0) / 1000;
  const byKind: Record<string, number> = {};
  for (const e of errors) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  const run = {
    extractors: EXTRACTORS_VERSION,
    inputs: opts.inputs,
    documents: documents.length,
    records: records.length,
    errors: errors.length,
    errors_by_kind: byKind,
    bytes,
    seconds,
    mb_per_second: seconds > 0 ? bytes / 1e6 / seconds : null,
  };
  await writeFile(join(opts.outDir, 'run.json'), JSON.stringify(run, null, 2) + '\n');
  if (!opts.quiet) {
    process.stderr.write(`bulletin-miner: ${documents.length} documents, ${records.length} records, ${errors.length} errors → ${opts.outDir}\n`);
  }
  return { documents: documents.length, records: records.length, errors: errors.length };
}
