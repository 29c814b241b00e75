import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GamesService } from '#modules/games/service/contract.ts';
import { createGamesService } from '#modules/games/service/index.ts';
import { run } from '#platform/db/statement.ts';
import { startTestApi, type TestApi } from '../../support/api.ts';
import { postgresFactory } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';
import { type GamesFixture, player, seedGames } from './api-fixture.ts';

const PLAYERS = 200;
const SLOTS = 10;

type Row = { user_id: string; state: string; position: number };

/**
 * The concurrency requirement on PostgreSQL: 200 simultaneous joins to a 10-slot game
 * give exactly 10 confirmed and 190 waitlisted, in arrival order, without duplicates; also with
 * several service instances (as several API processes would be) racing on the same row lock.
 */
describe('join storm (PostgreSQL)', { skip: skipWithoutServices() }, () => {
  let api: TestApi;
  let f: GamesFixture;
  let service: GamesService;
  before(async () => {
    api = await startTestApi(postgresFactory);
    f = await seedGames(api.runtime, PLAYERS);
    service = gameService(api);
  });
  after(async () => api?.close());

  const newGame = async () =>
    service.create(
      f.guildA,
      { userId: f.alice },
      {
        title: 'Storm',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        maxPlayers: SLOTS,
      },
    );

  const rowsOf = (gameId: string) =>
    api.runtime.db.withSystem((tx) =>
      run<Row>(
        tx,
        `select user_id::text, state, position from games.participants where game_id = $1::uuid order by position`,
        [gameId],
      ),
    );

  const assertStorm = async (gameId: string, arrival: string[] | undefined) => {
    const rows = await rowsOf(gameId);
    assert.equal(rows.length, PLAYERS);
    assert.equal(new Set(rows.map((r) => r.user_id)).size, PLAYERS, 'no duplicates');
    assert.deepEqual(
      rows.map((r) => r.position),
      Array.from({ length: PLAYERS }, (_, i) => i + 1),
      'positions are the join order, without gaps',
    );
    const confirmed = rows.filter((r) => r.state === 'confirmed');
    const waitlisted = rows.filter((r) => r.state === 'waitlisted');
    assert.equal(confirmed.length, SLOTS);
    assert.equal(waitlisted.length, PLAYERS - SLOTS);
    // The first ten to arrive hold the slots.
    assert.deepEqual(
      confirmed.map((r) => r.position),
      Array.from({ length: SLOTS }, (_, i) => i + 1),
    );
    if (arrival)
      assert.deepEqual(
        rows.map((r) => r.user_id),
        arrival,
        'in arrival order',
      );
    const game = await service.get(f.guildA, gameId);
    assert.equal(game.confirmedCount, SLOTS);
    assert.equal(game.waitlistCount, PLAYERS - SLOTS);
    const events = await api.runtime.db.withSystem((tx) =>
      run<{ n: number }>(
        tx,
        `select count(*)::int as n from bus.outbox where type = 'games.player_joined' and message->'payload'->>'gameId' = $1`,
        [gameId],
      ),
    );
    assert.equal(events[0]?.n, PLAYERS, 'one PLAYER_JOINED per join');
  };

  it('200 simultaneous joins through the service: 10 confirmed, 190 waitlisted in arrival order', async () => {
    const game = await newGame();
    const arrival = Array.from({ length: PLAYERS }, (_, i) => player(i));
    const results = await Promise.all(arrival.map((u) => service.join(f.guildA, u, game.id)));
    assert.deepEqual(
      results.map((r) => r.state),
      arrival.map((_, i) => (i < SLOTS ? 'confirmed' : 'waitlisted')),
    );
    await assertStorm(game.id, arrival);
    // And everyone joining again at once is refused, changing nothing.
    const again = await Promise.allSettled(
      arrival.slice(0, 20).map((u) => service.join(f.guildA, u, game.id)),
    );
    assert.ok(
      again.every(
        (r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'ALREADY_JOINED',
      ),
    );
    await assertStorm(game.id, arrival);
  });

  it('four service instances (four API processes) racing: still 10/190, gap-free, no duplicates', async () => {
    const game = await newGame();
    const instances = [service, gameService(api), gameService(api), gameService(api)];
    const results = await Promise.all(
      Array.from({ length: PLAYERS }, (_, i) =>
        (instances[i % instances.length] as GamesService).join(f.guildA, player(i), game.id),
      ),
    );
    assert.equal(results.filter((r) => r.state === 'confirmed').length, SLOTS);
    await assertStorm(game.id, undefined);
  });

  it('200 simultaneous joins over HTTP: 10 confirmed, 190 waitlisted, no duplicates', async () => {
    const game = await newGame();
    const tokens = await Promise.all(
      Array.from({ length: PLAYERS }, (_, i) => api.bearer(player(i), ['games:write', 'games:read'])),
    );
    const responses = await Promise.all(
      tokens.map((authorization) =>
        api.app.inject({
          method: 'POST',
          url: `/api/v1/guilds/${f.guildA}/games/${game.id}/join`,
          headers: { authorization },
        }),
      ),
    );
    for (const res of responses) assert.equal(res.statusCode, 200, res.body);
    const states = responses.map((r) => r.json() as { userId: string; state: string; position: number });
    assert.equal(states.filter((s) => s.state === 'confirmed').length, SLOTS);
    await assertStorm(game.id, undefined);
    // Each response told its caller the position that was stored.
    const stored = new Map((await rowsOf(game.id)).map((r) => [r.user_id, r.position]));
    for (const s of states) assert.equal(stored.get(s.userId), s.position);
  });
});

function gameService(api: TestApi): GamesService {
  return createGamesService({
    db: api.runtime.db,
    bus: api.runtime.bus,
    scheduler: api.runtime.scheduler,
    access: api.runtime.core.access,
    settings: api.runtime.core.settings,
    bots: api.runtime.discord,
    log: api.runtime.log,
  });
}
