/**
 * The cache port: short-lived copies of data that is expensive to fetch (Discord look-ups above
 * all). Two adapters with one contract: an in-process LRU (default) and Redis (`REDIS_URL`), so
 * several API replicas and the bot share one cache and one invalidation.
 *
 * Keys look like `<kind>:<rest>`; the kind picks the TTL (`discord.member:…` lives shorter than
 * `discord.guild:…`). Values are JSON: what goes in is what comes out, on both adapters.
 */
export type CacheSetOptions = {
  /** Overrides the TTL of the key's kind. */
  readonly ttlMs?: number;
  /** Tags to invalidate this key by later (e.g. `guild:123` for everything about one guild). */
  readonly tags?: readonly string[];
};

export type Cache = {
  readonly kind: 'memory' | 'redis';
  /** The cached value, or undefined on a miss. `null` is a value (a cached "not found"). */
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: CacheSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /** Stores `value` only if `key` is absent; true when it was stored (first writer wins, atomically). */
  setIfAbsent<T>(key: string, value: T, options?: CacheSetOptions): Promise<boolean>;
  /**
   * The cached value, or the result of `load` stored under `key`. Concurrent callers for the same
   * missing key share one `load` (in process; across processes on Redis through a short lock), so
   * a cold key does not send a burst of identical requests to Discord.
   */
  getOrLoad<T>(key: string, load: () => Promise<T>, options?: CacheSetOptions): Promise<T>;
  /** Removes every key starting with `prefix`; returns how many went. */
  invalidatePrefix(prefix: string): Promise<number>;
  /** Removes every key set with `tag`; returns how many went. */
  invalidateTag(tag: string): Promise<number>;
  close(): Promise<void>;
};

/** TTL by kind (the part of a key before the first ':'), with a default for the rest. */
export type CacheTtls = { readonly default: number } & Readonly<Record<string, number>>;

export const DEFAULT_TTLS: CacheTtls = {
  default: 60_000,
  // Guild, role and channel data change rarely and the gateway invalidates them when they do.
  'discord.guild': 10 * 60_000,
  'discord.roles': 10 * 60_000,
  'discord.channel': 10 * 60_000,
  // Members change more (roles granted by other bots when no gateway runs): shorter.
  'discord.member': 2 * 60_000,
  'discord.permissions': 2 * 60_000,
  // OAuth guild lists are per sign-in, and the user can join a guild any minute.
  'oauth.guilds': 60_000,
};

export function ttlFor(ttls: CacheTtls, key: string, override?: number): number {
  if (override !== undefined) return override;
  const kind = key.slice(0, Math.max(0, key.indexOf(':')));
  return ttls[kind] ?? ttls.default;
}

export function assertKey(key: string): void {
  if (!key || key.length > 512 || /[\s*?[\]]/.test(key))
    throw new TypeError(`not a cache key: ${JSON.stringify(key)}`);
}

/** Single-flight: concurrent calls with one key share one promise. */
export function singleFlight() {
  const inFlight = new Map<string, Promise<unknown>>();
  return <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const existing = inFlight.get(key);
    if (existing) return existing as Promise<T>;
    const p = run().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  };
}
