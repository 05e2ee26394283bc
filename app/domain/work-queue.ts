/**
 * A small queue for costly work: at most `concurrency` jobs run at once, at most `maxWaiting`
 * wait their turn, and one more is refused at once (QueueFull) rather than piling up, so a burst
 * of requests cannot take the server down. Plain TypeScript, no I/O.
 */
export class QueueFull extends Error {
  constructor() {
    super("queue full");
    this.name = "QueueFull";
  }
}

export type WorkQueue = {
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs running and waiting now. */
  readonly size: { running: number; waiting: number };
};

export function createWorkQueue(opts: { concurrency: number; maxWaiting: number }): WorkQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(job: () => Promise<T>): Promise<T> {
      if (running >= opts.concurrency) {
        if (waiting.length >= opts.maxWaiting) throw new QueueFull();
        await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing job hands its place on
      } else running++;
      try {
        return await job();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
    get size() {
      return { running, waiting: waiting.length };
    },
  };
}
