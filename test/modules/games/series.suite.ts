import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '#components/runtime.ts';
import { GAME_CANCELLED, GAME_SERIES_NEXT_DUE, GAME_STATUS_TRANSITION_DUE } from '#modules/games/events.ts';
import type { GamesService } from '#modules/games/service/contract.ts';
import { defineConsumer } from '#platform/bus/subscription.ts';
import { run } from '#platform/db/statement.ts';
import type { DatabaseFactory, TestDatabase } from '../../support/databases.ts';
import {
  deliver,
  type GamesFixture,
  jobsOf,
  problem,
  runningGames,
  serviceWithClock,
} from './api-fixture.ts';

const DAY = 86_400_000;

async function waitFor<T>(
  what: string,
  fn: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Cancelled = { gameId: string; scope: string | undefined; reason: string | undefined };
type Instance = {
  id: string;
  starts_at: Date | string;
  series_index: number;
  status: string;
  cancel_scope: string | null;
};

/**
 * Cancelling or editing one occurrence of a recurring game versus the whole series, over the API
 * and through the real scheduler and worker: the series goes on after a cancelled occurrence (its
 * next instance comes at the would-be end, once, however often or late the job is retried), ends
 * after a cancelled series, and a cancelled occurrence can later be widened to the series. An edit
 * of one game stays with it; an edit of the series carries on.
 */
export function gamesSeriesSuite(factory: DatabaseFactory) {
  describe(`games series: one game or the whole series (${factory.kind})`, () => {
    let database: TestDatabase;
    let runtime: Runtime;
    let app: FastifyInstance;
    let f: GamesFixture;
    let running: Awaited<ReturnType<typeof runningGames>>;
    const auth: Record<string, string> = {};
    const cancelled: Cancelled[] = [];
    /** A clock ten minutes late: it may plan a game that (really) started a minute ago. */
    let lateService: GamesService;

    before(async () => {
      database = await factory.create();
      running = await runningGames(database, {
        recorders: [
          defineConsumer('test.games.record_cancelled', GAME_CANCELLED, async (e) => {
            cancelled.push({ gameId: e.payload.gameId, scope: e.payload.scope, reason: e.payload.reason });
          }),
        ],
      });
      ({ runtime, app, f } = running);
      for (const [name, id] of Object.entries({ alice: f.alice, bob: f.bob })) {
        const { token } = await runtime.core.tokens.create({
          userId: id,
          name: 'test',
          scopes: ['games:read', 'games:write'],
        });
        auth[name] = `Bearer ${token}`;
      }
      lateService = serviceWithClock(runtime, () => new Date(Date.now() - 10 * 60_000));
    });
    after(async () => {
      await running?.stop();
      await database?.dispose();
    });

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who = 'alice', body?: unknown) =>
      app.inject({
        method,
        url,
        headers: {
          authorization: auth[who] as string,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    const gameUrl = (id: string) => `/api/v1/guilds/${f.guildA}/games/${id}`;
    const cancel = async (id: string, query: string) => {
      const res = await call('DELETE', `${gameUrl(id)}?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { status: string; cancelScope: string | null };
    };
    const seriesOf = (seriesId: string) =>
      runtime.db.withSystem((tx) =>
        run<Instance>(
          tx,
          `select id::text, starts_at, series_index, status, cancel_scope from games.games
            where series_id = $1::uuid order by series_index`,
          [seriesId],
        ),
      );
    /** A weekly game of one minute that started 55 seconds ago: it ends in about five seconds. */
    const endingSoon = async (title: string) => {
      const start = new Date(Date.now() - 55_000);
      start.setUTCMilliseconds(0);
      const game = await lateService.create(
        f.guildA,
        { userId: f.alice },
        {
          title,
          startsAt: start.toISOString(),
          durationMinutes: 1,
          timezone: 'Europe/Berlin',
          recurrence: { kind: 'weekly', interval: 1 },
        },
      );
      return { id: game.id, start, end: new Date(start.getTime() + 60_000) };
    };

    it('cancelling one occurrence keeps the series: the next instance comes at the would-be end, exactly once', async () => {
      const game = await endingSoon('Weekly, one week off');
      const body = await cancel(game.id, 'scope=occurrence&reason=host%20away');
      assert.equal(body.status, 'CANCELLED');
      assert.equal(body.cancelScope, 'occurrence');
      // Of its schedules only the series' continuation is left, at the would-be end.
      assert.deepEqual(
        [...(await jobsOf(runtime, game.id)).entries()],
        [[`games:${game.id}:series-next`, game.end.toISOString()]],
      );
      const next = await waitFor('the next instance', async () => {
        const rows = await seriesOf(game.id);
        return rows.length >= 2 ? rows : undefined;
      });
      assert.deepEqual(
        next.map((r) => [r.series_index, r.status, r.cancel_scope]),
        [
          [0, 'CANCELLED', 'occurrence'],
          [1, 'SCHEDULED', null],
        ],
      );
      assert.equal(
        new Date(next[1]?.starts_at as string).toISOString(),
        new Date(game.start.getTime() + 7 * DAY).toISOString(),
      );
      const nextId = next[1]?.id as string;
      assert.ok((await jobsOf(runtime, nextId)).has(`games:${nextId}:status:IN_PROGRESS`));
      const [job] = await runtime.db.withSystem((tx) =>
        run<{ status: string; fired_at: Date | string }>(
          tx,
          `select status, fired_at from sched.jobs where key = $1`,
          [`games:${game.id}:series-next`],
        ),
      );
      assert.equal(job?.status, 'fired');
      assert.ok(new Date(job.fired_at).getTime() >= game.end.getTime(), 'not before the would-be end');
      await waitFor('GAME_CANCELLED', () => cancelled.find((c) => c.gameId === game.id));
      assert.deepEqual(
        cancelled.filter((c) => c.gameId === game.id),
        [{ gameId: game.id, scope: 'occurrence', reason: 'host away' }],
      );

      // The job retried (a redelivery, a second scheduler), once at once and once eight days late
      // when "the first occurrence after now" would be a later one: still exactly one successor.
      const retry = GAME_SERIES_NEXT_DUE.of({ gameId: game.id }, { guildId: f.guildA });
      await deliver(runtime, 'worker.games.series_next', retry, new Date());
      await deliver(runtime, 'worker.games.series_next', retry, new Date(game.start.getTime() + 8 * DAY));
      // A stray completion of the cancelled instance changes nothing either.
      await deliver(
        runtime,
        'worker.games.status_transition',
        GAME_STATUS_TRANSITION_DUE.of({ gameId: game.id, to: 'COMPLETED' }, { guildId: f.guildA }),
        new Date(game.start.getTime() + 8 * DAY),
      );
      assert.deepEqual(
        (await seriesOf(game.id)).map((r) => [r.series_index, r.status]),
        [
          [0, 'CANCELLED'],
          [1, 'SCHEDULED'],
        ],
      );
    });

    it('cancelling the series ends this and every later instance; nothing more is created', async () => {
      const direct = await endingSoon('Weekly, stopped');
      const widened = await endingSoon('Weekly, one week off, then stopped');
      const body = await cancel(direct.id, 'scope=series');
      assert.equal(body.cancelScope, 'series');
      assert.deepEqual([...(await jobsOf(runtime, direct.id)).keys()], []);
      assert.equal((await cancel(widened.id, 'scope=occurrence')).cancelScope, 'occurrence');
      const [, second] = await waitFor('the instance after the cancelled occurrence', async () => {
        const rows = await seriesOf(widened.id);
        return rows.length >= 2 ? rows : undefined;
      });
      assert.equal(second?.status, 'SCHEDULED');
      const secondId = second?.id as string;

      // "No, stop the whole thing": widens the cancelled occurrence, cancels the later instance.
      const again = await cancel(widened.id, 'scope=series&reason=season%20over');
      assert.equal(again.cancelScope, 'series');
      const later = (await call('GET', gameUrl(secondId))).json() as { status: string; cancelScope: string };
      assert.deepEqual([later.status, later.cancelScope], ['CANCELLED', 'series']);
      assert.deepEqual([...(await jobsOf(runtime, secondId)).keys()], []);
      await waitFor('GAME_CANCELLED of the later instance', () =>
        cancelled.find((c) => c.gameId === secondId),
      );
      assert.deepEqual(
        cancelled.filter((c) => c.gameId === secondId),
        [{ gameId: secondId, scope: 'series', reason: 'season over' }],
      );
      // The widening told nobody twice: one GAME_CANCELLED for the first instance.
      assert.equal(cancelled.filter((c) => c.gameId === widened.id).length, 1);

      // Well past the end of the series-cancelled game: nothing was created, nor is by a late job.
      await waitFor('the end', () => Date.now() > direct.end.getTime() + 1_500 || undefined);
      const stray = GAME_SERIES_NEXT_DUE.of({ gameId: direct.id }, { guildId: f.guildA });
      await deliver(runtime, 'worker.games.series_next', stray, new Date());
      assert.deepEqual(
        (await seriesOf(direct.id)).map((r) => [r.series_index, r.status, r.cancel_scope]),
        [[0, 'CANCELLED', 'series']],
      );
      assert.equal((await seriesOf(widened.id)).length, 2);
      await waitFor('GAME_CANCELLED', () => cancelled.find((c) => c.gameId === direct.id));
      assert.equal(cancelled.find((c) => c.gameId === direct.id)?.scope, 'series');
    });

    it('refuses an unknown scope, treats series on a one-off as the occurrence, and a second cancel is 409', async () => {
      const startsAt = new Date(Date.now() + 2 * DAY).toISOString();
      const create = async (body: Record<string, unknown>) => {
        const res = await call('POST', `/api/v1/guilds/${f.guildA}/games`, 'alice', {
          title: 'Scoped',
          startsAt,
          ...body,
        });
        assert.equal(res.statusCode, 201, res.body);
        return (res.json() as { id: string }).id;
      };
      const weekly = await create({ recurrence: { kind: 'weekly', interval: 1 } });
      for (const bad of ['scope=all', 'scope=', 'scope=SERIES', 'scope=series&scope=occurrence'])
        problem(
          await call('DELETE', `${gameUrl(weekly)}?${bad}`),
          400,
          'VALIDATION_FAILED',
          '/querystring/scope',
        );
      assert.equal(
        (await call('GET', gameUrl(weekly))).json().status,
        'SCHEDULED',
        'a refused cancel changes nothing',
      );
      // Not the host nor an admin.
      problem(await call('DELETE', `${gameUrl(weekly)}?scope=series`, 'bob'), 403, 'NOT_HOST');

      const oneOff = await create({});
      assert.equal((await cancel(oneOff, 'scope=series')).cancelScope, 'occurrence');
      assert.deepEqual([...(await jobsOf(runtime, oneOff)).keys()], []);
      for (const scope of ['occurrence', 'series'])
        problem(await call('DELETE', `${gameUrl(oneOff)}?scope=${scope}`), 409, 'GAME_CLOSED');

      // The default is the occurrence; cancelling it again is refused and schedules nothing twice.
      assert.equal((await cancel(weekly, '')).cancelScope, 'occurrence');
      problem(await call('DELETE', gameUrl(weekly)), 409, 'GAME_CLOSED');
      assert.deepEqual([...(await jobsOf(runtime, weekly)).keys()], [`games:${weekly}:series-next`]);
      assert.equal((await cancel(weekly, 'scope=series')).cancelScope, 'series');
      problem(await call('DELETE', `${gameUrl(weekly)}?scope=series`), 409, 'GAME_CLOSED');
      assert.deepEqual([...(await jobsOf(runtime, weekly)).keys()], []);
      await waitFor('GAME_CANCELLED', () => cancelled.find((c) => c.gameId === weekly));
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(
        cancelled.filter((c) => c.gameId === weekly).map((c) => c.scope),
        ['occurrence'],
      );
    });

    it('an edit of one game stays with it (the series keeps its settings and rhythm); scope=series carries on', async () => {
      const planner = serviceWithClock(runtime, () => new Date('2027-03-01T12:00:00Z'));
      const plan = (title: string) =>
        planner.create(
          f.guildA,
          { userId: f.alice },
          {
            title,
            startsAt: '2027-03-23T19:00:00Z', // Tuesday 20:00 in Berlin (CET)
            durationMinutes: 60,
            maxPlayers: 5,
            timezone: 'Europe/Berlin',
            recurrence: { kind: 'weekly', interval: 1 },
          },
        );
      const edit = async (id: string, query: string, body: Record<string, unknown>) => {
        const res = await call('PATCH', `${gameUrl(id)}${query}`, 'alice', body);
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { startsAt: string; title: string; maxPlayers: number };
      };
      /** Completes the instance at `clock` and returns its successor (start, title, capacity). */
      const completeAndNext = async (id: string, clock: string) => {
        for (const to of ['IN_PROGRESS', 'COMPLETED'] as const)
          await deliver(
            runtime,
            'worker.games.status_transition',
            GAME_STATUS_TRANSITION_DUE.of({ gameId: id, to }, { guildId: f.guildA }),
            new Date(clock),
          );
        const rows = await seriesOf(id);
        assert.equal(rows.length, 2, 'one successor');
        const next = (await call('GET', gameUrl(rows[1]?.id as string))).json();
        return [next.startsAt, next.title, next.maxPlayers];
      };

      // This week only: Wednesday, another title. The next week is Tuesday 20:00 again (CEST now).
      const once = await plan('Tuesday raid');
      const moved = await edit(once.id, '', { startsAt: '2027-03-24T19:00:00Z', title: 'Wednesday special' });
      assert.deepEqual([moved.startsAt, moved.title], ['2027-03-24T19:00:00.000Z', 'Wednesday special']);
      assert.deepEqual(await completeAndNext(once.id, '2027-03-24T20:05:00Z'), [
        '2027-03-30T18:00:00.000Z',
        'Tuesday raid',
        5,
      ]);

      // From now on: Wednesdays with eight places.
      const all = await plan('Tuesday raid');
      await edit(all.id, '?scope=series', { startsAt: '2027-03-24T19:00:00Z', maxPlayers: 8 });
      assert.deepEqual(await completeAndNext(all.id, '2027-03-24T20:05:00Z'), [
        '2027-03-31T18:00:00.000Z',
        'Tuesday raid',
        8,
      ]);

      // Both on one game: the one-off title stays with it, the series takes the new capacity.
      const mixed = await plan('Tuesday raid');
      await edit(mixed.id, '?scope=occurrence', { title: 'Finals watch party' });
      await edit(mixed.id, '?scope=series', { maxPlayers: 9 });
      assert.equal((await call('GET', gameUrl(mixed.id))).json().title, 'Finals watch party');
      assert.deepEqual(await completeAndNext(mixed.id, '2027-03-23T20:05:00Z'), [
        '2027-03-30T18:00:00.000Z',
        'Tuesday raid',
        9,
      ]);

      for (const bad of ['scope=both', 'scope=', 'other=1'])
        problem(
          await call('PATCH', `${gameUrl(mixed.id)}?${bad}`, 'alice', { title: 'x' }),
          400,
          'VALIDATION_FAILED',
        );
    });

    it('"stop repeating" (recurrence: null) still ends the series; a one-off that starts repeating heads one', async () => {
      const march = new Date('2027-03-01T12:00:00Z');
      const planner = serviceWithClock(runtime, () => march);
      const game = await planner.create(
        f.guildA,
        { userId: f.alice },
        {
          title: 'Last one',
          startsAt: '2027-03-23T19:00:00Z',
          durationMinutes: 60,
          recurrence: { kind: 'weekly', interval: 1 },
        },
      );
      const res = await call('PATCH', gameUrl(game.id), 'alice', { recurrence: null });
      assert.equal(res.statusCode, 200, res.body);
      const done = new Date('2027-03-23T20:05:00Z');
      for (const to of ['IN_PROGRESS', 'COMPLETED'] as const)
        await deliver(
          runtime,
          'worker.games.status_transition',
          GAME_STATUS_TRANSITION_DUE.of({ gameId: game.id, to }, { guildId: f.guildA }),
          done,
        );
      assert.deepEqual(
        (await seriesOf(game.id)).map((r) => [r.series_index, r.status]),
        [[0, 'COMPLETED']],
      );

      // The other way round: a one-off that starts repeating heads its series like one created so.
      const oneOff = await planner.create(
        f.guildA,
        { userId: f.alice },
        { title: 'Now weekly', startsAt: '2027-03-23T19:00:00Z', durationMinutes: 60 },
      );
      assert.equal(oneOff.seriesId, null);
      const started = await call('PATCH', gameUrl(oneOff.id), 'alice', {
        recurrence: { kind: 'weekly', interval: 1 },
      });
      assert.equal(started.json().seriesId, oneOff.id);
      for (const to of ['IN_PROGRESS', 'COMPLETED'] as const)
        await deliver(
          runtime,
          'worker.games.status_transition',
          GAME_STATUS_TRANSITION_DUE.of({ gameId: oneOff.id, to }, { guildId: f.guildA }),
          done,
        );
      assert.deepEqual(
        (await seriesOf(oneOff.id)).map((r) => [r.id === oneOff.id, r.series_index, r.status]),
        [
          [true, 0, 'COMPLETED'],
          [false, 1, 'SCHEDULED'],
        ],
      );
    });
  });
}
