// File-system helpers shared by the commands that write folders.
import { existsSync, mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** mkdir -p one level at a time: Node's recursive mkdir spins forever on paths under /proc. */
export async function mkdirs(dir: string): Promise<void> {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) await mkdirs(parent);
  await mkdir(dir);
}

/** The synchronous mkdir -p, one level at a time. */
export function mkdirsSync(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) mkdirsSync(parent);
  mkdirSync(dir);
}
