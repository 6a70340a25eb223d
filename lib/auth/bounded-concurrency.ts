// At most `limit` tasks run at once and at most `maxWaiting` wait their turn; beyond that run()
// rejects at once with QueueFullError instead of letting work pile up (pure, no I/O).
export class QueueFullError extends Error {
  readonly code = "QUEUE_FULL";
  constructor() {
    super("the queue is full");
  }
}

/** By its code, not instanceof: a queue kept on globalThis may come from another bundle of the app. */
export const isQueueFull = (error: unknown) => (error as { code?: unknown } | null)?.code === "QUEUE_FULL";

export class BoundedConcurrency {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFullError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` never drops and rises again.
      if (next) next();
      else this.running--;
    }
  }
}
