/**
 * Groups requests for the same resource that arrive while one is being served: the first request
 * of a queue starts at once, and every request arriving meanwhile waits for it to finish and then
 * goes in the next call, in arrival order (at most `maxBatch` at a time). Under a burst, N
 * requests become a handful of calls (one statement for many rows instead of N transactions
 * queueing for the pool); alone, a request waits for nobody.
 *
 * Unlike a per-tick batcher (DataLoader), it also groups requests spread over many event-loop
 * turns, which is how a burst of HTTP requests arrives: each in its own I/O callback.
 */
export function createCoalescer<I, O>(options: {
  /** Serves one batch: one outcome per item, in order; a throw fails the whole batch. */
  readonly run: (queue: string, items: readonly I[]) => Promise<readonly O[]>;
  readonly maxBatch?: number;
}) {
  const maxBatch = options.maxBatch ?? 256;
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  const queues = new Map<string, Waiting[]>();

  async function drain(queue: string, waiting: Waiting[]): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      try {
        const outcomes = await options.run(
          queue,
          batch.map((w) => w.item),
        );
        for (const [i, w] of batch.entries()) {
          if (i < outcomes.length) w.resolve(outcomes[i] as O);
          else w.reject(new Error('coalesced call returned too few outcomes'));
        }
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    queues.delete(queue);
  }

  return {
    /** The outcome for `item`, served together with whatever else queues up for `queue`. */
    submit(queue: string, item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        const waiting = queues.get(queue);
        if (waiting) {
          waiting.push({ item, resolve, reject });
          return;
        }
        const fresh: Waiting[] = [{ item, resolve, reject }];
        queues.set(queue, fresh);
        void drain(queue, fresh);
      });
    },
  };
}
