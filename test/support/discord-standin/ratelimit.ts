import { createHash } from 'node:crypto';

export type Limit = { readonly limit: number; readonly windowMs: number };

type Window = { start: number; count: number };

/**
 * Fixed-window limits the way Discord announces them: a bucket per (token, route, major
 * parameter) and a global bucket per token. A request that finds its bucket empty is answered
 * 429 and not served; `served` keeps when each request was served, so tests can check afterwards
 * that no window ever held more than its limit.
 */
export class RateLimits {
  readonly #windows = new Map<string, Window>();
  readonly served: Array<{
    bucket: string;
    window: number;
    at: number;
    global: string;
    globalWindow: number;
  }> = [];
  readonly rejected: Array<{ bucket: string; at: number; global: boolean }> = [];

  readonly route: (routeKey: string) => Limit;
  readonly global: Limit;
  /**
   * 429s to answer next whatever the windows say, as Discord does when another process shares the
   * token or a limit is not announced in the headers: makes "every 429 is retried" testable even on
   * a machine too slow to ever reach a limit by itself.
   */
  #forced: Array<{ global: boolean }> = [];

  forceRateLimits(count: number, global: boolean) {
    for (let i = 0; i < count; i++) this.#forced.push({ global });
  }

  constructor(route: (routeKey: string) => Limit, global: Limit) {
    this.route = route;
    this.global = global;
  }

  #window(key: string, limit: Limit, now: number): Window {
    let w = this.#windows.get(key);
    if (!w || now >= w.start + limit.windowMs) {
      w = { start: now, count: 0 };
      this.#windows.set(key, w);
    }
    return w;
  }

  /** Either headers for a served request, or the 429 to answer. */
  take(
    identity: string,
    routeKey: string,
    countsGlobally: boolean,
  ):
    | { ok: true; headers: Record<string, string> }
    | { ok: false; global: boolean; retryAfterS: number; headers: Record<string, string> } {
    const now = Date.now();
    const limit = this.route(routeKey);
    const bucketKey = `${identity}|${routeKey}`;
    const hash = createHash('sha1').update(routeKey.replace(/:\d+$/, '')).digest('hex').slice(0, 16);
    const w = this.#window(bucketKey, limit, now);
    const resetAfterS = Math.max(0.001, (w.start + limit.windowMs - now) / 1000);
    const base = {
      'x-ratelimit-limit': String(limit.limit),
      'x-ratelimit-bucket': hash,
      'x-ratelimit-reset': ((w.start + limit.windowMs) / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfterS.toFixed(3),
    };
    const globalKey = `${identity}|global`;
    const g = this.#window(globalKey, this.global, now);
    const forced = countsGlobally ? this.#forced.shift() : undefined;
    if (forced) {
      this.rejected.push({ bucket: forced.global ? globalKey : bucketKey, at: now, global: forced.global });
      return {
        ok: false,
        global: forced.global,
        retryAfterS: 0.05,
        headers: forced.global
          ? { 'retry-after': '0.050', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' }
          : { ...base, 'x-ratelimit-remaining': '0', 'retry-after': '0.050', 'x-ratelimit-scope': 'shared' },
      };
    }
    if (countsGlobally && g.count >= this.global.limit) {
      const retry = Math.max(0.001, (g.start + this.global.windowMs - now) / 1000);
      this.rejected.push({ bucket: globalKey, at: now, global: true });
      return {
        ok: false,
        global: true,
        retryAfterS: retry,
        headers: {
          'retry-after': retry.toFixed(3),
          'x-ratelimit-global': 'true',
          'x-ratelimit-scope': 'global',
        },
      };
    }
    if (w.count >= limit.limit) {
      this.rejected.push({ bucket: bucketKey, at: now, global: false });
      return {
        ok: false,
        global: false,
        retryAfterS: resetAfterS,
        headers: {
          ...base,
          'x-ratelimit-remaining': '0',
          'retry-after': resetAfterS.toFixed(3),
          'x-ratelimit-scope': 'user',
        },
      };
    }
    w.count += 1;
    if (countsGlobally) g.count += 1;
    this.served.push({
      bucket: bucketKey,
      window: w.start,
      at: now,
      global: countsGlobally ? globalKey : '',
      globalWindow: g.start,
    });
    return { ok: true, headers: { ...base, 'x-ratelimit-remaining': String(limit.limit - w.count) } };
  }

  /** The most requests any one window of a bucket served (never more than its limit). */
  maxServedPerWindow(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const s of this.served) {
      for (const key of [`${s.bucket}@${s.window}`, s.global ? `${s.global}@${s.globalWindow}` : '']) {
        if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const max = new Map<string, number>();
    for (const [key, n] of counts) {
      const bucket = key.slice(0, key.lastIndexOf('@'));
      max.set(bucket, Math.max(max.get(bucket) ?? 0, n));
    }
    return max;
  }
}
