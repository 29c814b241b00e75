import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NOTIFICATION_DUE, ROLE_SIGNUP_OPEN_DUE } from '#modules/games/events.ts';
import type { GamesService } from '#modules/games/service/contract.ts';
import type { Actor } from '#modules/games/types.ts';
import { startTestApi, type TestApi } from '../../support/api.ts';
import type { DatabaseFactory } from '../../support/databases.ts';
import {
  deliver,
  type GamesFixture,
  outboxTypes,
  player,
  seedGames,
  serviceWithClock,
} from './api-fixture.ts';

const ROLE = '777777777777777701';
const t0 = new Date('2026-12-10T12:00:00Z');
const HOUR = 3_600_000;

async function rejects(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (error: { code?: string }) => {
    assert.equal(error.code, code);
    return true;
  });
}

/** Signup methods, capacity edits, decline and rejoin, clone: the service's rules. */
export function gamesServiceSuite(factory: DatabaseFactory) {
  describe(`games service rules (${factory.kind})`, () => {
    let api: TestApi;
    let f: GamesFixture;
    let svc: GamesService;
    let clock = t0;
    let host: Actor;
    before(async () => {
      api = await startTestApi(factory);
      f = await seedGames(api.runtime, 8);
      svc = serviceWithClock(api.runtime, () => clock);
      host = { userId: f.alice };
      // p2 holds the listed role in the directory; p1 will present it (a Discord interaction).
      await api.runtime.core.directory.upsertMember(f.guildA, { userId: player(2), roleIds: [ROLE] });
    });
    after(async () => api?.close());
    const base = { title: 'Rules', startsAt: new Date(t0.getTime() + 24 * HOUR).toISOString() };
    const states = async (gameId: string) =>
      (await svc.get(f.guildA, gameId)).participants.map((p) => `${p.userId.slice(-2)}:${p.state}`);
    const tag = (i: number) => player(i).slice(-2);

    it('ROLE_BASED: listed roles take slots first; others wait in order and fill free slots when the window ends', async () => {
      clock = t0;
      const game = await svc.create(f.guildA, host, {
        ...base,
        maxPlayers: 3,
        signupMethod: 'ROLE_BASED',
        signupRoleIds: [ROLE],
        roleSignupUntil: new Date(t0.getTime() + HOUR).toISOString(),
      });
      assert.equal((await svc.join(f.guildA, player(0), game.id)).state, 'waitlisted');
      assert.equal((await svc.join(f.guildA, player(1), game.id, { roleIds: [ROLE] })).state, 'confirmed');
      assert.equal((await svc.join(f.guildA, player(4), game.id)).state, 'waitlisted');
      assert.equal(
        (await svc.join(f.guildA, player(2), game.id)).state,
        'confirmed',
        'role from the directory',
      );
      // Before the window ends, a delivery of the opening changes nothing.
      await deliver(
        api.runtime,
        'worker.games.role_signup_open',
        ROLE_SIGNUP_OPEN_DUE.of({ gameId: game.id }),
        clock,
      );
      assert.deepEqual(await states(game.id), [
        `${tag(1)}:confirmed`,
        `${tag(2)}:confirmed`,
        `${tag(0)}:waitlisted`,
        `${tag(4)}:waitlisted`,
      ]);
      // The window ends: the free slot goes to the first waitlisted (p0).
      clock = new Date(t0.getTime() + HOUR + 1000);
      await deliver(
        api.runtime,
        'worker.games.role_signup_open',
        ROLE_SIGNUP_OPEN_DUE.of({ gameId: game.id }),
        clock,
      );
      assert.deepEqual(await states(game.id), [
        `${tag(0)}:confirmed`,
        `${tag(1)}:confirmed`,
        `${tag(2)}:confirmed`,
        `${tag(4)}:waitlisted`,
      ]);
      assert.ok((await outboxTypes(api.runtime, game.id)).includes('games.waitlist_promoted'));
      // After the window everyone is equal: p1 leaves, p4 moves up.
      assert.deepEqual((await svc.leave(f.guildA, player(1), game.id)).promoted, [player(4)]);
    });

    it('ROLE_BASED during the window: a freed slot goes to the first waitlisted member with a listed role', async () => {
      clock = t0;
      const game = await svc.create(f.guildA, host, {
        ...base,
        maxPlayers: 1,
        signupMethod: 'ROLE_BASED',
        signupRoleIds: [ROLE],
      });
      await svc.join(f.guildA, player(1), game.id, { roleIds: [ROLE] });
      await svc.join(f.guildA, player(0), game.id);
      await svc.join(f.guildA, player(2), game.id);
      assert.deepEqual((await svc.leave(f.guildA, player(1), game.id)).promoted, [player(2)]);
    });

    it('HOST_SELECTED refuses self-signup; HOST_SELECTED_WITH_WAITLIST waitlists and leaves promotion to the host', async () => {
      clock = t0;
      const picked = await svc.create(f.guildA, host, {
        ...base,
        signupMethod: 'HOST_SELECTED',
        maxPlayers: 2,
      });
      await rejects(svc.join(f.guildA, player(0), picked.id), 'SIGNUP_HOST_ONLY');
      assert.equal((await svc.addParticipant(f.guildA, host, picked.id, player(0))).state, 'host_added');
      await rejects(svc.addParticipant(f.guildA, { userId: f.bob }, picked.id, player(1)), 'NOT_HOST');
      // An admin who is not the host may.
      assert.equal(
        (await svc.addParticipant(f.guildA, { userId: f.dave }, picked.id, player(1))).state,
        'host_added',
      );

      const queue = await svc.create(f.guildA, host, {
        ...base,
        signupMethod: 'HOST_SELECTED_WITH_WAITLIST',
        maxPlayers: 2,
      });
      assert.equal((await svc.join(f.guildA, player(0), queue.id)).state, 'waitlisted');
      assert.equal((await svc.join(f.guildA, player(1), queue.id)).state, 'waitlisted');
      assert.equal((await svc.promote(f.guildA, host, queue.id, player(1))).state, 'confirmed');
      assert.equal(
        (await svc.leave(f.guildA, player(1), queue.id)).promoted.length,
        0,
        'no automatic promotion',
      );
      await rejects(svc.promote(f.guildA, host, queue.id, player(5)), 'PARTICIPANT_NOT_FOUND');
    });

    it('editing capacity promotes or pushes back, in join order; host-added players keep their slot', async () => {
      clock = t0;
      const game = await svc.create(f.guildA, host, { ...base, maxPlayers: 2 });
      for (const i of [0, 1, 2, 3]) await svc.join(f.guildA, player(i), game.id);
      await svc.update(f.guildA, host, game.id, { maxPlayers: 3 });
      assert.deepEqual(await states(game.id), [
        `${tag(0)}:confirmed`,
        `${tag(1)}:confirmed`,
        `${tag(2)}:confirmed`,
        `${tag(3)}:waitlisted`,
      ]);
      await svc.addParticipant(f.guildA, host, game.id, player(5));
      // Full with the host's pick: the last self-joined (p2) went back.
      assert.deepEqual(await states(game.id), [
        `${tag(0)}:confirmed`,
        `${tag(1)}:confirmed`,
        `${tag(5)}:host_added`,
        `${tag(2)}:waitlisted`,
        `${tag(3)}:waitlisted`,
      ]);
      await svc.update(f.guildA, host, game.id, { maxPlayers: 1 });
      assert.deepEqual(await states(game.id), [
        `${tag(5)}:host_added`,
        `${tag(0)}:waitlisted`,
        `${tag(1)}:waitlisted`,
        `${tag(2)}:waitlisted`,
        `${tag(3)}:waitlisted`,
      ]);
      const types = await outboxTypes(api.runtime, game.id);
      assert.equal(types.filter((t) => t === 'games.player_demoted').length, 3);
      assert.equal(types.filter((t) => t === 'games.waitlist_promoted').length, 1);
    });

    it('decline, then change of mind: a new place at the end of the queue', async () => {
      clock = t0;
      const game = await svc.create(f.guildA, host, { ...base, maxPlayers: 1 });
      await svc.join(f.guildA, player(0), game.id);
      await svc.join(f.guildA, player(1), game.id);
      const declined = await svc.decline(f.guildA, player(0), game.id);
      assert.equal(declined.state, 'declined');
      assert.deepEqual(declined.promoted, [player(1)]);
      await rejects(svc.decline(f.guildA, player(0), game.id), 'ALREADY_JOINED');
      await rejects(svc.leave(f.guildA, player(0), game.id), 'NOT_JOINED');
      const back = await svc.join(f.guildA, player(0), game.id);
      assert.equal(back.state, 'waitlisted');
      assert.equal(back.position, 3);
      // Someone who never joined may still say they cannot come.
      assert.equal((await svc.decline(f.guildA, player(6), game.id)).state, 'declined');
    });

    it('clones a game without its players, hosted by the caller', async () => {
      clock = t0;
      const game = await svc.create(f.guildA, host, {
        ...base,
        maxPlayers: 4,
        reminderOffsetsMinutes: [30],
        activity: 'Valheim',
      });
      await svc.join(f.guildA, player(0), game.id);
      const startsAt = new Date(t0.getTime() + 48 * HOUR).toISOString();
      const copy = await svc.clone(f.guildA, { userId: f.dave }, game.id, { startsAt });
      assert.notEqual(copy.id, game.id);
      assert.equal(copy.hostId, f.dave);
      assert.equal(copy.activity, 'Valheim');
      assert.equal(copy.maxPlayers, 4);
      assert.deepEqual(copy.reminderOffsetsMinutes, [30]);
      assert.equal(copy.startsAt, startsAt);
      assert.deepEqual(copy.participants, []);
    });

    it('a reminder fired for an earlier time of a game moved later since sends nothing', async () => {
      clock = t0;
      const game = await svc.create(f.guildA, host, { ...base, reminderOffsetsMinutes: [60] });
      await svc.join(f.guildA, player(0), game.id);
      const due = NOTIFICATION_DUE.of({ gameId: game.id, kind: 'reminder', offsetMinutes: 60 });
      const dms = async () =>
        (await outboxTypes(api.runtime, game.id)).filter((t) => t === 'games.notification_send_dm').length;
      // The game starts in 24 h: a delivery now is stale.
      await deliver(api.runtime, 'worker.games.notification_fanout', due, t0);
      assert.equal(await dms(), 0);
      await deliver(api.runtime, 'worker.games.notification_fanout', due, new Date(t0.getTime() + 23 * HOUR));
      assert.equal(await dms(), 1);
    });

    it('hosting needs a host role once host roles are configured', async () => {
      clock = t0;
      await svc.putConfig(f.guildA, host, { hostRoleIds: [ROLE] });
      await rejects(svc.create(f.guildA, { userId: player(0) }, base), 'NOT_ALLOWED_TO_HOST');
      assert.equal((await svc.create(f.guildA, { userId: player(2) }, base)).hostId, player(2));
      await rejects(
        svc.create(f.guildA, { userId: player(2) }, { ...base, hostId: player(3) }),
        'NOT_ALLOWED_TO_HOST',
      );
      await svc.putConfig(f.guildA, host, { hostRoleIds: [] });
      assert.equal((await svc.create(f.guildA, { userId: player(0) }, base)).hostId, player(0));
    });
  });
}
