import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import type { HttpApp } from '#platform/http/types.ts';
import type { Change } from '#platform/live/changes.ts';
import { createLiveFeed, type LiveFeed, type SubscribeOptions } from '#platform/live/feed.ts';
import { liveStreams } from '#platform/live/sse.ts';
import { pgliteFactory, quietLog, type TestDatabase } from '../../support/databases.ts';
import { G1, G2, insertItem, liveDatabase } from './feed.suite.ts';
import { type SseEvent, sseReader } from './sse-reader.ts';

describe('server-sent event streams over the live feed', () => {
  let database: TestDatabase;
  let feed: LiveFeed;
  let app: HttpApp;
  let base: string;
  before(async () => {
    database = await liveDatabase(pgliteFactory);
    feed = createLiveFeed({ db: database.db, log: quietLog, pollIntervalMs: 100 });
    app = Fastify() as unknown as HttpApp;
    const streams = liveStreams(app, feed, { heartbeatMs: 100, retryMs: 1234 });
    app.get('/stream/:guildId', async (request, reply) =>
      streams.stream(request, reply, {
        guildId: (request.params as { guildId: string }).guildId,
        topic: 'things',
      }),
    );
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app?.close();
    await feed?.close();
    await database?.dispose();
  });

  it('sends retry, ready, changes with ids, and heartbeats; resumes from Last-Event-ID', async () => {
    const res = await fetch(`${base}/stream/${G1}`);
    assert.equal(res.status, 200);
    assert.match(String(res.headers.get('content-type')), /^text\/event-stream/);
    assert.match(String(res.headers.get('cache-control')), /no-cache/);
    const sse = sseReader(res.body as ReadableStream<Uint8Array>);
    await sse.until((e) => e.some((x) => x.event === 'ready'), 'ready');
    assert.equal(sse.events[0]?.event, 'retry');
    await insertItem(database.db, G2, 'sse-other');
    await insertItem(database.db, G1, 'sse-1');
    await sse.until((e) => e.some((x) => x.event === 'change'), 'a change');
    const change = sse.events.find((x) => x.event === 'change') as SseEvent;
    assert.deepEqual(
      { ...JSON.parse(change.data), occurredAt: undefined },
      { id: 'sse-1', kind: 'item.insert', occurredAt: undefined },
    );
    assert.ok(change.id);
    await sse.until((e) => e.some((x) => x.event === ':'), 'a heartbeat');
    assert.equal(sse.events.filter((x) => x.event === 'change').length, 1, 'the other guild stays out');
    await sse.cancel();

    await insertItem(database.db, G1, 'sse-2');
    const again = await fetch(`${base}/stream/${G1}`, { headers: { 'last-event-id': change.id as string } });
    const sse2 = sseReader(again.body as ReadableStream<Uint8Array>);
    // Replayed before `ready`, or live after it when the poller had not passed it yet.
    await sse2.until((e) => e.some((x) => x.event === 'change'), 'the missed change');
    await new Promise((r) => setTimeout(r, 200));
    const replayed = sse2.events.filter((x) => x.event === 'change').map((x) => JSON.parse(x.data).id);
    assert.deepEqual(replayed, ['sse-2']);
    assert.ok(sse2.events.find((x) => x.event === 'ready')?.id, 'ready carries a position');
    await sse2.cancel();

    const garbage = await fetch(`${base}/stream/${G1}?lastEventId=nonsense`);
    const sse3 = sseReader(garbage.body as ReadableStream<Uint8Array>);
    await sse3.until((e) => e.some((x) => x.event === 'ready'), 'ready');
    assert.deepEqual(JSON.parse(sse3.events.find((x) => x.event === 'reset')?.data ?? '{}'), {
      reason: 'unknown_position',
    });
    await sse3.cancel();
  });

  it('forgets a stream when its client goes away', async () => {
    const res = await fetch(`${base}/stream/${G1}`);
    const sse = sseReader(res.body as ReadableStream<Uint8Array>);
    await sse.until((e) => e.some((x) => x.event === 'ready'), 'ready');
    const before = feed.subscribers;
    await sse.cancel();
    const deadline = Date.now() + 3000;
    while (feed.subscribers >= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(feed.subscribers, before - 1);
  });

  it('ends a stream after its maximum duration, and limits streams per owner', async () => {
    const local = Fastify() as unknown as HttpApp;
    const streams = liveStreams(local, feed, { maxDurationMs: 2000, maxPerOwner: 2 });
    local.get('/s', async (request, reply) =>
      streams.stream(request, reply, { guildId: G1, topic: 'things', owner: 'u1' }),
    );
    const url = await local.listen({ host: '127.0.0.1', port: 0 });
    try {
      const a = sseReader((await fetch(`${url}/s`)).body as ReadableStream<Uint8Array>);
      const b = sseReader((await fetch(`${url}/s`)).body as ReadableStream<Uint8Array>);
      await a.until((e) => e.some((x) => x.event === 'ready'), 'ready');
      await b.until((e) => e.some((x) => x.event === 'ready'), 'ready');
      const third = await fetch(`${url}/s`);
      assert.equal(third.status, 429);
      await third.body?.cancel();
      await a.pump;
      await b.pump;
      assert.equal(a.done && b.done, true, 'both ended by themselves');
      assert.equal(streams.open, 0);
      const again = sseReader((await fetch(`${url}/s`)).body as ReadableStream<Uint8Array>);
      await again.until((e) => e.some((x) => x.event === 'ready'), 'a new stream once the others ended');
      await again.cancel();
    } finally {
      await local.close();
    }
  });

  it('ends open streams when the server closes, so shutdown does not wait for them', async () => {
    const local = Fastify() as unknown as HttpApp;
    const streams = liveStreams(local, feed);
    local.get('/s', async (request, reply) =>
      streams.stream(request, reply, { guildId: G1, topic: 'things' }),
    );
    const url = await local.listen({ host: '127.0.0.1', port: 0 });
    const sse = sseReader((await fetch(`${url}/s`)).body as ReadableStream<Uint8Array>);
    await sse.until((e) => e.some((x) => x.event === 'ready'), 'ready');
    assert.equal(streams.open, 1);
    const started = Date.now();
    await local.close();
    assert.ok(Date.now() - started < 2000, 'closed promptly');
    await sse.pump;
    assert.equal(sse.done, true);
    assert.equal(streams.open, 0);
  });
});

/** A response whose client reads nothing until `resume()`. */
class StalledResponse extends Writable {
  written: string[] = [];
  #held: (() => void)[] = [];
  #stalled = true;
  constructor() {
    super({ highWaterMark: 256 });
  }
  override _write(chunk: Buffer, _enc: string, callback: () => void) {
    this.written.push(chunk.toString());
    if (this.#stalled) this.#held.push(callback);
    else callback();
  }
  resume() {
    this.#stalled = false;
    for (const cb of this.#held.splice(0)) cb();
  }
  writeHead() {
    return this;
  }
  flushHeaders() {}
}

describe('server-sent events to a slow client', () => {
  it('drops the queue past its limit and sends a reset once the client reads again', async () => {
    let listener: SubscribeOptions | undefined;
    const fakeFeed: LiveFeed = {
      subscribers: 0,
      prune: async () => 0,
      close: async () => {},
      subscribe: async (o) => {
        listener = o;
        return { cursor: '1-0', close: () => {} };
      },
    };
    const app = { addHook: () => {} } as unknown as HttpApp;
    const res = new StalledResponse();
    const request = {
      headers: {},
      query: {},
      id: 'req-1',
      log: quietLog,
      raw: { destroyed: false },
    } as unknown as FastifyRequest;
    const reply = { raw: res, hijack() {} } as unknown as FastifyReply;
    await liveStreams(app, fakeFeed, { maxQueuedBytes: 2000, heartbeatMs: 60_000 }).stream(request, reply, {
      guildId: G1,
      topic: 'things',
    });
    const change = (n: number): Change => ({
      cursor: `5-${n}`,
      guildId: G1,
      topic: 'things',
      entityId: `e${n}`,
      kind: 'item.update',
      occurredAt: '2026-12-03T00:00:00.000Z',
    });
    for (let n = 1; n <= 200; n++) listener?.onChange(change(n));
    const whileStalled = res.written.length;
    assert.ok(whileStalled < 20, `little reached the stalled socket (${whileStalled} writes)`);
    res.resume();
    await new Promise((r) => setImmediate(r));
    listener?.onChange(change(201));
    await new Promise((r) => setImmediate(r));
    const text = res.written.join('');
    assert.match(text, /id: 5-200\nevent: reset\ndata: \{"reason":"overflow"\}/);
    assert.ok(text.indexOf('event: reset') < text.indexOf('id: 5-201\n'), 'later changes follow the reset');
    assert.ok(!text.includes('id: 5-150\n'), 'the dropped queue is not sent');
    res.emit('close');
  });
});
