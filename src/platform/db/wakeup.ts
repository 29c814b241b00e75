/**
 * A sleeping loop's alarm clock: `sleep(ms)` ends after `ms` or at the next `wake()`, whichever
 * comes first. A wake-up that arrives while the loop is busy is kept, so the next `sleep` returns
 * at once: a NOTIFY received during a claim is never lost between "found nothing" and "sleep".
 */
export class Wakeup {
  #pending = false;
  #resolve: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;

  wake(): void {
    if (this.#resolve) this.#finish();
    else this.#pending = true;
  }

  /** Resolves true when woken, false when the time ran out. */
  sleep(ms: number): Promise<boolean> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve) => {
      let woken = true;
      this.#resolve = () => resolve(woken);
      this.#timer = setTimeout(
        () => {
          woken = false;
          this.#finish();
        },
        Math.max(0, Math.ceil(ms)),
      );
    });
  }

  #finish() {
    clearTimeout(this.#timer);
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.#timer = undefined;
    resolve?.();
  }
}

/** Exponential backoff with jitter for reconnect loops: 250 ms doubling up to `maxMs`. */
export function backoffMs(attempt: number, baseMs = 250, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
