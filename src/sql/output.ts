// Writing results to stdout: waits when the pipe is full (a large CSV does not pile up in memory) and stops
// quietly when the reader goes away (`bulletin-miner query … | head`).
import type { Writable } from 'node:stream';

/** Thrown by the writer when the reader has closed the pipe: the command ends, successfully. */
export class OutputClosed extends Error {}

export type Write = (s: string) => void | Promise<void>;

export function streamWriter(stream: Writable = process.stdout): Write {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
  });
  return (s) => {
    if (closed) throw new OutputClosed('output closed');
    if (stream.write(s)) return;
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('error', fail);
        stream.off('close', done);
        resolve();
      };
      const fail = () => {
        stream.off('drain', done);
        stream.off('close', done);
        reject(new OutputClosed('output closed'));
      };
      stream.once('drain', done);
      stream.once('close', done);
      stream.once('error', fail);
    });
  };
}
