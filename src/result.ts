// A worker's result made outside a worker (errors found by the main thread), in a module of its own so that the
// main thread does not load the pipeline (the worker's imports) to make one: a short run starts sooner.
import type { TaskResult } from './worker.js';

/** A result from the three outputs' lines (used where a result is made outside a worker: errors). */
export function packResult(
  seq: number,
  records: string,
  document: string,
  errors: string,
  rest: Pick<TaskResult, 'nRecords' | 'errorKinds' | 'warningKinds'>,
): TaskResult {
  const parts = [records, document, errors].map((p) => Buffer.from(p, 'utf8'));
  return { seq, bytes: Buffer.concat(parts), len: [parts[0]!.length, parts[1]!.length, parts[2]!.length], doc: document.length > 0, ...rest };
}
