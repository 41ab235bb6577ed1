// Ctrl-C (SIGINT), SIGTERM and SIGHUP during `extract`: caught from the moment the command starts (the CLI's entry
// catches them before the rest of the program is even loaded), so that an interrupt at any moment, start-up
// included, ends with run.json saying `"interrupted": true` instead of the process dying with nothing written.
// A signal that comes before the run listens is kept and given to it when it does.

export const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

let first: NodeJS.Signals | null = null;
let listener: ((sig: NodeJS.Signals) => void) | null = null;
const handler = (sig: NodeJS.Signals) => {
  first ??= sig;
  listener?.(sig);
};

export interface CaughtSignals {
  /** the first signal caught so far, if any */
  readonly received: NodeJS.Signals | null;
  /** from now on, each signal calls `fn`; if one was caught already, `fn` is called at once */
  listen(fn: (sig: NodeJS.Signals) => void): void;
  /** stop catching: the signals' default actions again */
  release(): void;
}

/** Catch the signals until `release` (calling it again while caught keeps what was caught). */
export function catchSignals(): CaughtSignals {
  if (!process.listeners('SIGINT').includes(handler)) for (const s of SIGNALS) process.on(s, handler);
  return {
    get received() {
      return first;
    },
    listen(fn) {
      listener = fn;
      if (first) fn(first); // (several before it listened count as one)
    },
    release() {
      for (const s of SIGNALS) process.off(s, handler);
      listener = null;
      first = null;
    },
  };
}

/** tests only: BULLETIN_MINER_SIGNAL=phase sends the process a SIGINT (as Ctrl-C does) when the run reaches that
 * phase, so that a test hits the moment it means whatever the machine's speed: `start` (before the output folder
 * is checked), `workers` (while the workers load their dictionaries), `written:N` (after the N-th input this run
 * writes), `done` (after the last input is written, before run.json). */
export function signalAt(phase: string): void {
  if (process.env.BULLETIN_MINER_SIGNAL === phase) process.kill(process.pid, 'SIGINT');
}
