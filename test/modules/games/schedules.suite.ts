import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Runtime } from '#components/runtime.ts';
import { gamesConsumers } from '#modules/games/consumers/index.ts';
import {
  GAME_MIN_PLAYERS_WARNING,
  GAME_STATUS_CHANGED,
  GAME_STATUS_TRANSITION_DUE,
  NOTIFICATION_SEND_DM,
  type SendDmPayload,
} from '#modules/games/events.ts';
import type { GamesService } from '#modules/games/service/contract.ts';
import { envelopeOf } from '#platform/bus/events.ts';
import { defineConsumer } from '#platform/bus/subscription.ts';
import { run } from '#platform/db/statement.ts';
import { type DatabaseFactory, quietLog, type TestDatabase } from '../../support/databases.ts';
import { type GamesFixture, jobsOf, player, runningGames, serviceWithClock } from './api-fixture.ts';

type Seen = { dms: SendDmPayload[]; statuses: Array<{ gameId: string; to: string }>; warnings: string[] };

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

/**
 * Schedules through the real scheduler and worker: reminders (honouring mutes and own lead
 * times), the min-players warning, join notifications and both status transitions fire at their
 * times; a completed recurring game creates its next instance once; cancelling removes
 * everything. Recurrence across a daylight-saving change with a moved clock.
 */
export function gamesSchedulesSuite(factory: DatabaseFactory) {
  describe(`games schedules (${factory.kind})`, () => {
    let database: TestDatabase;
    let runtime: Runtime;
    let f: GamesFixture;
    let running: Awaited<ReturnType<typeof runningGames>>;
    const seen: Seen = { dms: [], statuses: [], warnings: [] };
    /** A service whose clock runs ten minutes late: it may plan a game that (really) started a minute ago. */
    let lateService: GamesService;

    before(async () => {
      database = await factory.create();
      running = await runningGames(database, {
        players: 6,
        recorders: [
          defineConsumer('test.games.record_dm', NOTIFICATION_SEND_DM, async (e) => {
            seen.dms.push(e.payload);
          }),
          defineConsumer('test.games.record_status', GAME_STATUS_CHANGED, async (e) => {
            seen.statuses.push({ gameId: e.payload.gameId, to: e.payload.to });
          }),
          defineConsumer('test.games.record_warning', GAME_MIN_PLAYERS_WARNING, async (e) => {
            seen.warnings.push(e.payload.gameId);
          }),
        ],
      });
      ({ runtime, f } = running);
      lateService = serviceWithClock(runtime, () => new Date(Date.now() - 10 * 60_000));
    });
    after(async () => {
      await running?.stop();
      await database?.dispose();
    });

    const firedAt = async (key: string) => {
      const [row] = await runtime.db.withSystem((tx) =>
        run<{ due_at: Date | string; fired_at: Date | string | null; status: string }>(
          tx,
          `select due_at, fired_at, status from sched.jobs where key = $1`,
          [key],
        ),
      );
      return row;
    };

    it('fires reminders at their time to confirmed players (mutes and own lead times honoured), warns the host below min', async () => {
      const svc = runtime.games;
      // p3 prefers their own reminder one minute before, for every game.
      await svc.setReminderPreference(f.guildA, player(3), { leadMinutes: 1 });
      const game = await svc.create(
        f.guildA,
        { userId: f.alice },
        {
          title: 'Reminder test',
          startsAt: new Date(Date.now() + 70_000).toISOString(),
          maxPlayers: 3,
          reminderOffsetsMinutes: [1],
        },
      );
      const small = await svc.create(
        f.guildA,
        { userId: f.alice },
        {
          title: 'Too few',
          startsAt: new Date(Date.now() + 70_000).toISOString(),
          minPlayers: 4,
          minPlayersCheckMinutes: 1,
          reminderOffsetsMinutes: [],
        },
      );
      await svc.join(f.guildA, player(5), small.id);
      for (const i of [0, 1, 3, 2]) await svc.join(f.guildA, player(i), game.id);
      await svc.setReminderPreference(f.guildA, player(1), { gameId: game.id, muted: true });
      const keys = [...(await jobsOf(runtime, game.id)).keys()];
      assert.ok(keys.includes(`games:${game.id}:reminder-user:${player(3)}`), keys.join(', '));
      const reminders = () =>
        seen.dms.filter((d) => d.gameId === game.id && d.messageKey === 'games.notifications.reminder');
      await waitFor('both reminders', () => reminders().length >= 2 || undefined);
      await waitFor('the min-players warning', () => seen.warnings.includes(small.id) || undefined);
      await new Promise((r) => setTimeout(r, 300));
      // p0 by the game's reminder, p3 by their own; p1 muted it, p2 is waitlisted.
      assert.deepEqual(
        reminders()
          .map((d) => d.userId)
          .sort(),
        [player(0), player(3)].sort(),
      );
      assert.equal(reminders()[0]?.params.title, 'Reminder test');
      const hostDm = await waitFor('the host DM', () =>
        seen.dms.find((d) => d.gameId === small.id && d.messageKey === 'games.notifications.minPlayers'),
      );
      assert.equal(hostDm.userId, f.alice);
      assert.equal(hostDm.params.confirmed, 1);
      assert.equal(hostDm.params.minPlayers, 4);
      assert.equal(seen.warnings.includes(game.id), false, 'no warning for a game without minPlayers');
      for (const key of [`games:${game.id}:reminder:1`, `games:${game.id}:reminder-user:${player(3)}`]) {
        const job = await firedAt(key);
        assert.equal(job?.status, 'fired');
        assert.ok(
          new Date(job.fired_at as string).getTime() >= new Date(job.due_at).getTime(),
          `${key} not early`,
        );
      }
      // Cancel: every remaining schedule (the start, the end) is gone, so nothing fires later.
      await svc.cancel(f.guildA, { userId: f.alice }, game.id);
      assert.deepEqual([...(await jobsOf(runtime, game.id)).keys()], []);
      await svc.setReminderPreference(f.guildA, player(3), { leadMinutes: null });
    });

    it('sends the signup instructions after the join delay', async () => {
      const game = await runtime.games.create(
        f.guildA,
        { userId: f.bob },
        {
          title: 'Instructions',
          startsAt: new Date(Date.now() + 3_600_000).toISOString(),
          signupInstructions: 'Install the mod pack first.',
          joinNotificationDelayMinutes: 0,
        },
      );
      await runtime.games.join(f.guildA, player(4), game.id);
      const dm = await waitFor('the signup instructions', () =>
        seen.dms.find(
          (d) => d.gameId === game.id && d.messageKey === 'games.notifications.signupInstructions',
        ),
      );
      assert.equal(dm.userId, player(4));
      assert.equal(dm.params.instructions, 'Install the mod pack first.');
    });

    it('moves the status at the start and at the end, and a weekly game creates its next instance once', async () => {
      const start = new Date(Date.now() - 55_000);
      start.setUTCMilliseconds(0);
      const game = await lateService.create(
        f.guildA,
        { userId: f.dave },
        {
          title: 'Weekly',
          startsAt: start.toISOString(),
          durationMinutes: 1,
          timezone: 'Europe/Berlin',
          recurrence: { kind: 'weekly', interval: 1 },
        },
      );
      await waitFor(
        'COMPLETED',
        () => seen.statuses.some((s) => s.gameId === game.id && s.to === 'COMPLETED') || undefined,
      );
      assert.deepEqual(
        seen.statuses.filter((s) => s.gameId === game.id).map((s) => s.to),
        ['IN_PROGRESS', 'COMPLETED'],
      );
      const end = await firedAt(`games:${game.id}:status:COMPLETED`);
      assert.ok(
        new Date(end?.fired_at as string).getTime() >= start.getTime() + 60_000,
        'completed at its end',
      );
      const series = await runtime.db.withSystem((tx) =>
        run<{ id: string; starts_at: Date | string; series_index: number; status: string }>(
          tx,
          `select id::text, starts_at, series_index, status from games.games where series_id = $1::uuid order by series_index`,
          [game.id],
        ),
      );
      assert.equal(series.length, 2);
      assert.equal(series[0]?.status, 'COMPLETED');
      assert.equal(series[1]?.series_index, 1);
      assert.equal(
        new Date(series[1]?.starts_at as string).toISOString(),
        new Date(start.getTime() + 7 * 86_400_000).toISOString(),
      );
      // The next instance has its own schedules.
      const next = series[1]?.id as string;
      assert.ok((await jobsOf(runtime, next)).has(`games:${next}:status:IN_PROGRESS`));
    });

    it('keeps the wall-clock time across a daylight-saving change and creates the next instance exactly once', async () => {
      // Planned in March 2027: Berlin moves from CET (UTC+1) to CEST (UTC+2) on 28 March.
      const march = new Date('2027-03-01T12:00:00Z');
      const planner = serviceWithClock(runtime, () => march);
      const weekly = await planner.create(
        f.guildA,
        { userId: f.alice },
        {
          title: 'Tuesday raid',
          startsAt: '2027-03-23T19:00:00Z', // 20:00 CET
          durationMinutes: 120,
          timezone: 'Europe/Berlin',
          recurrence: { kind: 'weekly', interval: 1 },
        },
      );
      const monthly = await planner.create(
        f.guildA,
        { userId: f.alice },
        {
          title: 'Second Tuesday',
          startsAt: '2027-03-09T18:00:00Z', // 19:00 CET, the second Tuesday of March
          durationMinutes: 60,
          timezone: 'Europe/Berlin',
          recurrence: { kind: 'monthly_weekday', interval: 1, nth: 2 },
        },
      );
      const deliver = async (clock: Date, gameId: string, to: 'IN_PROGRESS' | 'COMPLETED') => {
        const [consumer] = gamesConsumers({
          bus: runtime.bus,
          scheduler: runtime.scheduler,
          now: () => clock,
        });
        assert.equal(consumer?.name, 'worker.games.status_transition');
        const envelope = envelopeOf(GAME_STATUS_TRANSITION_DUE.of({ gameId, to }, { guildId: f.guildA }));
        await runtime.db.withSystem((tx) =>
          (consumer as NonNullable<typeof consumer>).handler(envelope as never, {
            tx,
            log: quietLog,
            attempt: 1,
            maxAttempts: 5,
            consumer: consumer?.name as string,
            signal: new AbortController().signal,
          }),
        );
      };
      const seriesOf = (id: string) =>
        runtime.db.withSystem((tx) =>
          run<{ starts_at: Date | string; series_index: number }>(
            tx,
            `select starts_at, series_index from games.games where series_id = $1::uuid order by series_index`,
            [id],
          ),
        );
      // Too early: a stale or early delivery changes nothing.
      await deliver(new Date('2027-03-23T19:30:00Z'), weekly.id, 'COMPLETED');
      assert.equal((await runtime.games.get(f.guildA, weekly.id)).status, 'SCHEDULED');
      const after = new Date('2027-03-23T21:05:00Z');
      await deliver(after, weekly.id, 'IN_PROGRESS');
      await deliver(after, weekly.id, 'COMPLETED');
      await deliver(after, weekly.id, 'COMPLETED'); // redelivered
      const w = await seriesOf(weekly.id);
      assert.deepEqual(
        w.map((r) => [new Date(r.starts_at).toISOString(), r.series_index]),
        [
          ['2027-03-23T19:00:00.000Z', 0],
          ['2027-03-30T18:00:00.000Z', 1], // still 20:00 in Berlin, now CEST
        ],
      );
      await deliver(new Date('2027-03-09T19:30:00Z'), monthly.id, 'COMPLETED');
      await deliver(new Date('2027-03-09T19:30:00Z'), monthly.id, 'COMPLETED');
      const m = await seriesOf(monthly.id);
      assert.deepEqual(
        m.map((r) => [new Date(r.starts_at).toISOString(), r.series_index]),
        [
          ['2027-03-09T18:00:00.000Z', 0],
          ['2027-04-13T17:00:00.000Z', 1], // the second Tuesday of April, 19:00 CEST
        ],
      );
    });
  });
}
