import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { createCoalescer } from '#platform/coalescer.ts';

describe('coalescer', () => {
  it('serves a lone request at once, and groups what arrives meanwhile, in order', async () => {
    const calls: string[][] = [];
    const c = createCoalescer<string, string>({
      run: async (_queue, items) => {
        calls.push([...items]);
        await tick();
        return items.map((i) => i.toUpperCase());
      },
    });
    const first = c.submit('q', 'a');
    // Arriving over several event-loop turns while the first call runs.
    const later: Promise<string>[] = [];
    for (const item of ['b', 'c', 'd']) {
      later.push(c.submit('q', item));
      await Promise.resolve();
    }
    assert.deepEqual(await Promise.all([first, ...later]), ['A', 'B', 'C', 'D']);
    assert.deepEqual(calls, [['a'], ['b', 'c', 'd']]);
  });

  it('keeps queues apart, caps a batch, and fails only the batch that failed', async () => {
    const calls: string[] = [];
    const c = createCoalescer<number, number>({
      maxBatch: 2,
      run: async (queue, items) => {
        calls.push(`${queue}:${items.join(',')}`);
        await tick();
        if (items.includes(3)) throw new Error('boom');
        return items.map((i) => i * 10);
      },
    });
    const results = await Promise.allSettled([
      c.submit('x', 1),
      c.submit('x', 2),
      c.submit('x', 3),
      c.submit('x', 4),
      c.submit('x', 5),
      c.submit('y', 6),
    ]);
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
      [10, 'boom', 'boom', 40, 50, 60],
    );
    assert.deepEqual(calls, ['x:1', 'y:6', 'x:2,3', 'x:4,5']);
  });

  it('rejects when a call returns too few outcomes', async () => {
    const c = createCoalescer<number, number>({ run: async () => [] });
    await assert.rejects(c.submit('q', 1), /too few outcomes/);
  });
});
