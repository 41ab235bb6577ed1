// `queue status`, `queue retry-failed`, `queue clean`.
import { openQueue } from './common.js';

export interface QueueStatus {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  /** the latest failures (up to 20): the job's path, its attempts and the reason */
  failures: { id: string; path: string; attempts: number; reason: string }[];
}

export async function queueStatus(redis: string, name: string): Promise<QueueStatus> {
  const queue = await openQueue(redis, name);
  try {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    const failed = await queue.getFailed(0, 19);
    return {
      queue: name,
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      failures: failed.filter(Boolean).map((j) => ({ id: j.id ?? '', path: j.data?.path ?? '', attempts: j.attemptsMade, reason: j.failedReason ?? '' })),
    };
  } finally {
    await queue.close();
  }
}

export function formatStatus(s: QueueStatus): string {
  let out = `queue ${s.queue}: ${s.waiting} waiting, ${s.active} active, ${s.delayed} delayed (to be tried again), ${s.completed} completed, ${s.failed} failed\n`;
  for (const f of s.failures) out += `  failed: ${f.path} (${f.attempts} attempts): ${f.reason.split('\n')[0]}\n`;
  return out;
}

/** Puts every failed job back in the queue; returns how many. */
export async function retryFailed(redis: string, name: string): Promise<number> {
  const queue = await openQueue(redis, name);
  try {
    const n = await queue.getFailedCount();
    await queue.retryJobs({ state: 'failed' });
    return n;
  } finally {
    await queue.close();
  }
}

/** Removes the completed and failed jobs (adding their files again then adds them again); returns how many. */
export async function clean(redis: string, name: string): Promise<{ completed: number; failed: number }> {
  const queue = await openQueue(redis, name);
  try {
    const completed = (await queue.clean(0, 0, 'completed')).length;
    const failed = (await queue.clean(0, 0, 'failed')).length;
    return { completed, failed };
  } finally {
    await queue.close();
  }
}
