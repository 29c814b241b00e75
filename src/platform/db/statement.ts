import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from './database.ts';

/**
 * Binds `$1…$n` of a SQL text constant to values, as a Drizzle `SQL`. It lets SQL that matters
 * (claims, locks, fan-out) live as plain, named constants that read like what reaches the server.
 */
export function bind(text: string, params: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const query = sql.empty();
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) query.append(sql.raw(part));
      return;
    }
    const index = Number(part) - 1;
    if (index < 0 || index >= params.length) throw new RangeError(`no value for $${part}`);
    query.append(sql`${params[index]}`);
  });
  return query;
}

/** Runs a SQL constant with its values and returns the rows (both drivers return `{ rows }`). */
export async function run<T = Record<string, unknown>>(
  executor: Executor,
  text: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  const result = (await executor.execute(bind(text, params))) as unknown as { rows: T[] };
  return result.rows;
}
