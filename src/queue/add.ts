// `queue add INPUT...`: one job per input file, found by extract's walk (same extensions, same non-UTF-8 names,
// same relative paths). The job id is the SHA-256 of the file's absolute path and its bytes: adding the same
// archive again adds nothing, and a changed file is a new job.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { sha256 } from '../pipeline.js';
import { walkInputs, messageOf } from '../run.js';
import { ATTEMPTS, openQueue, type JobData } from './common.js';

export interface AddSummary {
  added: number;
  already: number;
  /** inputs the walk or the read could not take (a folder that cannot be read, a link loop …) */
  unreadable: { path: string; kind: string; message: string }[];
}

/** A file's absolute path as bytes (a name that is not UTF-8 is a Buffer: see walkInputs). */
function absolute(file: string | Buffer): Buffer {
  if (typeof file === 'string') return Buffer.from(resolve(file));
  return isAbsolute(file.toString('latin1')) ? file : Buffer.concat([Buffer.from(process.cwd() + sep), file]);
}

/** The job id of a file: from its absolute path and the SHA-256 of its bytes. */
export function jobId(abs: Buffer, bytesHash: string): string {
  return createHash('sha256').update(abs).update('\0').update(bytesHash).digest('hex').slice(0, 40);
}

export async function queueAdd(opts: { inputs: string[]; redis: string; queue: string; progress?: (n: number) => void }): Promise<AddSummary> {
  const queue = await openQueue(opts.redis, opts.queue);
  const summary: AddSummary = { added: 0, already: 0, unreadable: [] };
  try {
    let batch: { name: string; data: JobData; opts: { jobId: string } }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const there = (await Promise.all(batch.map((j) => queue.getJobState(j.opts.jobId)))).map((s) => s !== 'unknown');
      const fresh = batch.filter((_, i) => !there[i]);
      summary.already += batch.length - fresh.length;
      if (fresh.length) {
        await queue.addBulk(fresh.map((j) => ({ ...j, opts: { ...j.opts, attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, removeOnFail: false, removeOnComplete: false } })));
      }
      summary.added += fresh.length;
      opts.progress?.(summary.added + summary.already);
      batch = [];
    };
    for await (const item of walkInputs(opts.inputs)) {
      if (item.error) {
        summary.unreadable.push(item.error);
        continue;
      }
      const file = item.file!;
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (e) {
        summary.unreadable.push({ path: item.rel, kind: (e as NodeJS.ErrnoException).code?.toLowerCase() ?? 'error', message: messageOf(e) });
        continue;
      }
      const hash = sha256(bytes);
      const abs = absolute(file);
      const data: JobData =
        typeof file === 'string'
          ? { file: abs.toString('utf8'), path: item.rel, sha256: hash, bytes: bytes.length }
          : { file: abs.toString('base64'), fileB64: true, path: item.rel, sha256: hash, bytes: bytes.length };
      batch.push({ name: 'extract', data, opts: { jobId: jobId(abs, hash) } });
      if (batch.length >= 500) await flush();
    }
    await flush();
  } finally {
    await queue.close();
  }
  return summary;
}
