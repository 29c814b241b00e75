import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import { startWorker } from '#components/worker.ts';
import { gamesConsumers } from '#modules/games/consumers/index.ts';
import type { GamesService } from '#modules/games/service/contract.ts';
import { createGamesService } from '#modules/games/service/index.ts';
import { envelopeOf, type OutgoingEvent } from '#platform/bus/events.ts';
import type { Subscription } from '#platform/bus/subscription.ts';
import { loadConfig } from '#platform/config/load.ts';
import { run } from '#platform/db/statement.ts';
import { type Fixture, seedTwoGuilds } from '../../support/api.ts';
import { quietLog, type TestDatabase } from '../../support/databases.ts';

/** Channel ids in guild A's sandbox: one the bot may post in, one it may not; one in guild B. */
export const CHANNELS = {
  open: '555555555555555551',
  locked: '555555555555555552',
  other: '555555555555555553',
} as const;

const VIEW_SEND_EMBED = String((1n << 10n) | (1n << 11n) | (1n << 14n));

/** Players of guild A beyond the core fixture: p(0) … p(n-1). */
export const player = (i: number) => `66666666666${String(i).padStart(7, '0')}`;

export type GamesFixture = Fixture & { botId: string };

/** Two guilds (core's fixture), the bot and channels in the sandbox, and `players` extra members of A. */
export async function seedGames(runtime: Runtime, players = 0): Promise<GamesFixture> {
  const f = await seedTwoGuilds(runtime);
  const sandbox = runtime.discord.sandbox;
  const botId = runtime.discord.sandboxBotUserId;
  assert.ok(sandbox && botId, 'the tests run in embedded (sandbox) mode');
  await sandbox.upsertUser({ id: botId, username: 'Guildhall', bot: true });
  for (const [guildId, ownerId] of [
    [f.guildA, f.alice],
    [f.guildB, f.carol],
  ] as const) {
    await sandbox.upsertGuild({
      id: guildId,
      name: guildId === f.guildA ? 'Alpha' : 'Beta',
      ownerId,
      roles: [{ id: guildId, name: '@everyone', permissions: VIEW_SEND_EMBED }],
    });
    await sandbox.upsertMember(guildId, botId, []);
  }
  await sandbox.upsertChannel({ id: CHANNELS.open, guildId: f.guildA, name: 'games' });
  await sandbox.upsertChannel({
    id: CHANNELS.locked,
    guildId: f.guildA,
    name: 'rules',
    permissionOverwrites: [{ id: f.guildA, type: 0, allow: '0', deny: String(1n << 11n) }],
  });
  await sandbox.upsertChannel({ id: CHANNELS.other, guildId: f.guildB, name: 'beta-games' });
  const dir = runtime.core.directory;
  for (let i = 0; i < players; i++) {
    await dir.upsertUser({ id: player(i), username: `player${i}` });
    await dir.upsertMember(f.guildA, { userId: player(i), roleIds: [] });
  }
  return { ...f, botId };
}

export function problem(res: LightMyRequestResponse, status: number, code: string, pointer?: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as { code: string; detail: string; errors?: { pointer: string }[] };
  assert.equal(body.code, code, res.body);
  if (pointer)
    assert.ok(
      body.errors?.some((e) => e.pointer === pointer),
      `expected a field problem at ${pointer}: ${res.body}`,
    );
  return body;
}

/** Scheduler jobs of a game: key → due time (ISO). */
export async function jobsOf(runtime: Runtime, gameId: string): Promise<Map<string, string>> {
  const found = await runtime.db.withSystem((tx) =>
    run<{ key: string; due_at: Date | string; status: string }>(
      tx,
      `select key, due_at, status from sched.jobs where key like $1 and status = 'pending' order by key`,
      [`games:${gameId}:%`],
    ),
  );
  return new Map(found.map((j) => [j.key, new Date(j.due_at).toISOString()]));
}

/** Event types written to the outbox for a game, in order. */
export async function outboxTypes(runtime: Runtime, gameId: string): Promise<string[]> {
  const found = await runtime.db.withSystem((tx) =>
    run<{ type: string }>(
      tx,
      `select type from bus.outbox where message->'payload'->>'gameId' = $1 order by seq`,
      [gameId],
    ),
  );
  return found.map((r) => r.type);
}

/** Hands one event to one of the games module's own consumers, as the worker would, with a clock. */
export async function deliver(
  runtime: Runtime,
  consumerName: string,
  event: OutgoingEvent,
  clock: Date,
): Promise<void> {
  const consumer = gamesConsumers({ bus: runtime.bus, scheduler: runtime.scheduler, now: () => clock }).find(
    (c) => c.name === consumerName,
  );
  assert.ok(consumer, `no consumer ${consumerName}`);
  await runtime.db.withSystem((tx) =>
    consumer.handler(envelopeOf(event) as never, {
      tx,
      log: quietLog,
      attempt: 1,
      maxAttempts: 5,
      consumer: consumerName,
      signal: new AbortController().signal,
    }),
  );
}

/** A games service of the runtime's ports with its own clock. */
export function serviceWithClock(runtime: Runtime, now: () => Date): GamesService {
  return createGamesService({
    db: runtime.db,
    bus: runtime.bus,
    scheduler: runtime.scheduler,
    access: runtime.core.access,
    settings: runtime.core.settings,
    bots: runtime.discord,
    log: runtime.log,
    now,
  });
}

/**
 * A runtime whose worker and scheduler run (short polls), for tests of what fires later: the API
 * built, the games fixture seeded, and `recorders` consuming the events the test looks at.
 */
export async function runningGames(
  database: TestDatabase,
  options: { readonly recorders: readonly Subscription[]; readonly players?: number },
) {
  const config = loadConfig(
    { GUILDHALL_DATA_DIR: database.dataDir ?? '/tmp/guildhall-unused' },
    { envFile: false },
  );
  const runtime = await compose(config, 'test', {
    db: database.db,
    log: quietLog,
    bus: { pollIntervalMs: 50 },
    scheduler: { pollIntervalMs: 100 },
    extraModules: [{ name: 'test-recorder', consumers: options.recorders }],
  });
  const app = (await buildApi(runtime)) as unknown as FastifyInstance;
  await app.ready();
  const f = await seedGames(runtime, options.players ?? 0);
  const worker = await startWorker(runtime);
  const scheduler = await runtime.scheduler.start();
  return {
    runtime,
    app,
    f,
    async stop() {
      await scheduler.stop();
      await worker.stop();
      await app.close();
      await runtime.close();
    },
  };
}
