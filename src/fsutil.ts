// File-system helpers shared by the commands that write folders.
import { mkdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Whether `dir` exists as a folder; a file in its place is an error, as for mkdir -p. */
function isFolder(dir: string): boolean {
  let st;
  try {
    st = statSync(dir);
  } catch {
    return false;
  }
  if (st.isDirectory()) return true;
  throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${dir}'`), { code: 'EEXIST' });
}

/** mkdir -p one level at a time: Node's recursive mkdir spins forever on paths under /proc. */
export async function mkdirs(dir: string): Promise<void> {
  if (isFolder(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) await mkdirs(parent);
  await mkdir(dir);
}

/** The synchronous mkdir -p, one level at a time. */
export function mkdirsSync(dir: string): void {
  if (isFolder(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) mkdirsSync(parent);
  mkdirSync(dir);
}
