import type { Logger } from './logger.ts';

/**
 * A problem that every event would log again until someone fixes it (a permission the bot lacks
 * in one guild): a warning the first time, debug afterwards, and an info line plus a fresh warning
 * budget once it works again. Per process: each replica warns once, which is still a handful of
 * lines instead of one per event.
 */
export type RepeatedProblems = {
  /** `scope` is whose problem it is (a guild id), `kind` which one (`temp-role`, `thread`). */
  report(log: Logger, scope: string, kind: string, fields: Record<string, unknown>, message: string): void;
  /** It worked: the next failure warns again. */
  resolved(log: Logger, scope: string, kind: string): void;
  /** The kinds currently failing for `scope`, for a status view. */
  active(scope: string): string[];
};

/** Enough for every guild of a large deployment; the oldest entries go first beyond it. */
const MAX_KEYS = 10_000;

export function createRepeatedProblems(options: { maxKeys?: number } = {}): RepeatedProblems {
  const max = options.maxKeys ?? MAX_KEYS;
  // Insertion-ordered: the first key is the oldest.
  const open = new Map<string, number>();
  const key = (scope: string, kind: string) => `${scope}\u0000${kind}`;
  return {
    report(log, scope, kind, fields, message) {
      const k = key(scope, kind);
      const seen = open.get(k);
      if (seen !== undefined) {
        open.set(k, seen + 1);
        log.debug({ ...fields, problem: kind, repeats: seen + 1 }, message);
        return;
      }
      if (open.size >= max) open.delete(open.keys().next().value as string);
      open.set(k, 0);
      log.warn({ ...fields, problem: kind }, `${message} (reported once until it works again)`);
    },
    resolved(log, scope, kind) {
      const k = key(scope, kind);
      if (!open.has(k)) return;
      open.delete(k);
      log.info({ problem: kind }, 'works again');
    },
    active(scope) {
      const prefix = `${scope}\u0000`;
      return [...open.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    },
  };
}
