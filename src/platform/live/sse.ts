import type { FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from '../errors.ts';
import type { HttpApp } from '../http/types.ts';
import type { Change } from './changes.ts';
import type { LiveFeed, LiveSubscription, ResetReason } from './feed.ts';

export type SseOptions = {
  /** A comment line this often keeps proxies and load balancers from closing an idle stream (15 s). */
  readonly heartbeatMs?: number;
  /** How long a browser's EventSource waits before reconnecting (3 s). */
  readonly retryMs?: number;
  /**
   * Bytes queued for a client that reads too slowly, beyond which the queue is dropped and the
   * client gets a "reset" once it catches up (1 MiB): memory stays bounded, nothing is silently lost.
   */
  readonly maxQueuedBytes?: number;
  /**
   * A stream ends after this long (10 min, ±10 %), and the browser reconnects with its
   * `Last-Event-ID`: the reconnect authenticates and authorizes again (a revoked session or a
   * member who left stops receiving) and loses nothing (the replay covers the gap).
   */
  readonly maxDurationMs?: number;
  /** Streams one owner (a user) may hold open at once in this process (20); more is 429. */
  readonly maxPerOwner?: number;
};

export type StreamRequest = {
  readonly guildId: string;
  readonly topic: string;
  /** The event's data for one change (default: entity id, kind and time). */
  readonly data?: (change: Change) => unknown;
  /** Whose stream it is (a user id), for the per-owner limit. */
  readonly owner?: string;
};

export type LiveStreams = {
  /**
   * Answers `request` with a server-sent event stream of the guild's changes of one topic:
   * `change` events (id = position), a `reset` when the client must refetch everything, a `ready`
   * once replay is done, and heartbeats. Call it after authorization: it subscribes first (so a
   * failure is still an ordinary problem+json), then takes the response over.
   */
  stream(request: FastifyRequest, reply: FastifyReply, what: StreamRequest): Promise<void>;
  /** Streams open through this helper. */
  readonly open: number;
};

/** The resume position: `Last-Event-ID` (EventSource's reconnects), or `?lastEventId=` (first connects). */
export function lastEventIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers['last-event-id'];
  if (typeof header === 'string' && header !== '') return header;
  const query = (request.query as Record<string, unknown> | undefined)?.lastEventId;
  return typeof query === 'string' && query !== '' ? query : undefined;
}

const event = (name: string, id: string | undefined, data: unknown) =>
  `${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

const defaultData = (c: Change) => ({ id: c.entityId, kind: c.kind, occurredAt: c.occurredAt });

/**
 * Server-sent event streams over a live feed, for the routes of one Fastify scope. Streams end
 * when the server closes (a `preClose` hook), so shutdown never waits on an open dashboard.
 */
export function liveStreams(app: HttpApp, feed: LiveFeed, options: SseOptions = {}): LiveStreams {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retryMs = options.retryMs ?? 3000;
  const maxQueuedBytes = options.maxQueuedBytes ?? 1024 * 1024;
  const maxDurationMs = options.maxDurationMs ?? 10 * 60_000;
  const maxPerOwner = options.maxPerOwner ?? 20;
  const endAll = new Set<() => void>();
  const perOwner = new Map<string, number>();
  app.addHook('preClose', async () => {
    for (const end of [...endAll]) end();
  });

  return {
    get open() {
      return endAll.size;
    },
    async stream(request, reply, what) {
      const toData = what.data ?? defaultData;
      const owner = what.owner;
      if (owner !== undefined && (perOwner.get(owner) ?? 0) >= maxPerOwner)
        throw new UserError(
          'LIVE_STREAMS_LIMIT',
          `At most ${maxPerOwner} live streams may be open at once; close some (other tabs) first.`,
          { status: 429, headers: { 'retry-after': '30' } },
        );
      // Counted from here (not once subscribed), so a burst of opens cannot slip past the limit.
      if (owner !== undefined) perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
      const release = () => {
        if (owner === undefined) return;
        const left = (perOwner.get(owner) ?? 1) - 1;
        if (left > 0) perOwner.set(owner, left);
        else perOwner.delete(owner);
      };
      const res = reply.raw;
      let started = false;
      let ended = false;
      let draining = false;
      let overflowed = false;
      let lastCursor: string | undefined;
      let queue: string[] = [];
      let queuedBytes = 0;

      const writeOut = (chunk: string) => {
        if (!res.write(chunk)) {
          draining = true;
          res.once('drain', flush);
        }
      };
      function flush() {
        draining = false;
        if (overflowed) {
          overflowed = false;
          writeOut(event('reset', lastCursor, { reason: 'overflow' satisfies ResetReason }));
        }
        while (queue.length > 0 && !draining) {
          const chunk = queue.shift() as string;
          queuedBytes -= Buffer.byteLength(chunk);
          writeOut(chunk);
        }
      }
      const send = (chunk: string) => {
        if (ended) return;
        if (started && !draining && queue.length === 0 && !overflowed) return writeOut(chunk);
        const size = Buffer.byteLength(chunk);
        if (queuedBytes + size > maxQueuedBytes) {
          // The client will refetch everything on the reset; what it has not read is moot.
          queue = [];
          queuedBytes = 0;
          overflowed = true;
          return;
        }
        queue.push(chunk);
        queuedBytes += size;
      };

      let subscription: LiveSubscription;
      try {
        subscription = await feed.subscribe({
          guildId: what.guildId,
          topic: what.topic,
          lastEventId: lastEventIdOf(request),
          onChange: (change) => {
            lastCursor = change.cursor;
            send(event('change', change.cursor, toData(change)));
          },
          onReset: (cursor, reason) => {
            lastCursor = cursor;
            send(event('reset', cursor, { reason }));
          },
        });
      } catch (error) {
        release();
        throw error;
      }

      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-store, no-transform',
        connection: 'keep-alive',
        // nginx would otherwise buffer the stream.
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.flushHeaders();
      res.write(`retry: ${retryMs}\n\n`);
      started = true;
      lastCursor ??= subscription.cursor;
      send(event('ready', subscription.cursor, {}));
      flush();

      const heartbeat = setInterval(() => send(': keepalive\n\n'), heartbeatMs);
      heartbeat.unref();
      const expiry = setTimeout(() => end(), maxDurationMs * (0.9 + Math.random() * 0.2));
      expiry.unref();
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        clearTimeout(expiry);
        release();
        subscription.close();
        endAll.delete(end);
        if (!res.writableEnded) res.end();
      };
      endAll.add(end);
      res.on('close', end);
      res.on('error', end);
      // A client gone while the replay ran: no close event is coming any more.
      if (res.destroyed || request.raw.destroyed) end();
      request.log.debug({ guildId: what.guildId, topic: what.topic }, 'live stream opened');
    },
  };
}
