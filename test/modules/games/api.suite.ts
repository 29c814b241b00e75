import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { run } from '#platform/db/statement.ts';
import { countRows, startTestApi, type TestApi } from '../../support/api.ts';
import type { DatabaseFactory } from '../../support/databases.ts';
import {
  CHANNELS,
  type GamesFixture,
  jobsOf,
  outboxTypes,
  player,
  problem,
  seedGames,
} from './api-fixture.ts';

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/** The games HTTP API end to end: create, sign-up, waitlist, schedules, templates, bad input. */
export function gamesApiSuite(factory: DatabaseFactory) {
  describe(`games API (${factory.kind})`, () => {
    let api: TestApi;
    let f: GamesFixture;
    const auth: Record<string, string> = {};
    before(async () => {
      api = await startTestApi(factory);
      f = await seedGames(api.runtime, 6);
      const scopes = ['games:read', 'games:write'];
      for (const [name, id] of Object.entries({ alice: f.alice, bob: f.bob, carol: f.carol, dave: f.dave }))
        auth[name] = await api.bearer(id, scopes);
      for (let i = 0; i < 6; i++) auth[`p${i}`] = await api.bearer(player(i), scopes);
      auth.readOnly = await api.bearer(f.bob, ['games:read']);
    });
    after(async () => api?.close());

    const call = (
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      who: string,
      payload?: unknown,
    ) =>
      api.app.inject({
        method,
        url,
        headers: {
          authorization: auth[who] as string,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
      });
    const gamesUrl = () => `/api/v1/guilds/${f.guildA}/games`;
    const create = async (who: string, body: Record<string, unknown>) => {
      const res = await call('POST', gamesUrl(), who, {
        title: 'Raid night',
        startsAt: inHours(48),
        ...body,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; startsAt: string; participants: unknown[] };
    };
    const snapshot = async () => ({
      games: await countRows(api.runtime, 'games.games'),
      participants: await countRows(api.runtime, 'games.participants'),
      jobs: await countRows(api.runtime, 'sched.jobs'),
      outbox: await countRows(api.runtime, 'bus.outbox'),
    });

    it('creates a game: stored, announced (GAME_CREATED) and scheduled', async () => {
      const res = await call('POST', gamesUrl(), 'bob', {
        title: 'Deep Rock Galactic',
        startsAt: inHours(30),
        durationMinutes: 90,
        maxPlayers: 4,
        minPlayers: 2,
        reminderOffsetsMinutes: [1440, 15],
        channelId: CHANNELS.open,
        timezone: 'Europe/Berlin',
      });
      assert.equal(res.statusCode, 201, res.body);
      const game = res.json();
      assert.equal(game.hostId, f.bob);
      assert.equal(game.status, 'SCHEDULED');
      assert.equal(game.channelId, CHANNELS.open);
      assert.deepEqual(game.reminderOffsetsMinutes, [1440, 15]);
      assert.deepEqual(await outboxTypes(api.runtime, game.id), ['games.game_created']);
      const jobs = await jobsOf(api.runtime, game.id);
      const start = new Date(game.startsAt).getTime();
      assert.deepEqual(
        [...jobs.keys()].sort(),
        [
          `games:${game.id}:min-players`,
          `games:${game.id}:reminder:15`,
          `games:${game.id}:reminder:1440`,
          `games:${game.id}:status:COMPLETED`,
          `games:${game.id}:status:IN_PROGRESS`,
        ].sort(),
      );
      assert.equal(jobs.get(`games:${game.id}:reminder:15`), new Date(start - 15 * 60_000).toISOString());
      assert.equal(
        jobs.get(`games:${game.id}:status:COMPLETED`),
        new Date(start + 90 * 60_000).toISOString(),
      );
      const got = await call('GET', `${gamesUrl()}/${game.id}`, 'p0');
      assert.equal(got.statusCode, 200, got.body);
      assert.equal(got.json().title, 'Deep Rock Galactic');
    });

    it('refuses every bad input of the issue with a problem and a pointer, changing nothing', async () => {
      const game = await create('alice', { maxPlayers: 2 });
      const before = await snapshot();
      const cases: Array<[Record<string, unknown>, number, string, string]> = [
        [{ startsAt: new Date(Date.now() - 60_000).toISOString() }, 422, 'START_IN_PAST', '/body/startsAt'],
        [{ endsAt: inHours(47) }, 422, 'END_BEFORE_START', '/body/endsAt'],
        [{ durationMinutes: -30 }, 422, 'END_BEFORE_START', '/body/durationMinutes'],
        [{ minPlayers: 5, maxPlayers: 3 }, 422, 'MAX_BELOW_MIN', '/body/maxPlayers'],
        [{ timezone: 'Mars/Olympus_Mons' }, 422, 'UNKNOWN_TIMEZONE', '/body/timezone'],
        [{ channelId: CHANNELS.locked }, 422, 'CHANNEL_NOT_POSTABLE', '/body/channelId'],
        [{ channelId: CHANNELS.other }, 422, 'CHANNEL_NOT_POSTABLE', '/body/channelId'],
        [{ channelId: '555555555555555999' }, 422, 'CHANNEL_NOT_POSTABLE', '/body/channelId'],
        [{ maxPlayers: 'ten' }, 400, 'VALIDATION_FAILED', '/body/maxPlayers'],
        [{ title: '' }, 400, 'VALIDATION_FAILED', '/body/title'],
        [{ surprise: true }, 400, 'VALIDATION_FAILED', '/body/surprise'],
        [{ recurrence: { kind: 'daily', interval: 1 } }, 400, 'VALIDATION_FAILED', '/body/recurrence'],
      ];
      for (const [body, status, code, pointer] of cases) {
        const res = await call('POST', gamesUrl(), 'alice', { title: 'Bad', startsAt: inHours(48), ...body });
        problem(res, status, code, pointer);
      }
      // Editing: a non-host, and a bad change by the host.
      problem(await call('PATCH', `${gamesUrl()}/${game.id}`, 'bob', { title: 'Mine now' }), 403, 'NOT_HOST');
      problem(
        await call('PATCH', `${gamesUrl()}/${game.id}`, 'alice', { minPlayers: 3 }),
        422,
        'MAX_BELOW_MIN',
        '/body/maxPlayers',
      );
      problem(
        await call('PATCH', `${gamesUrl()}/${game.id}`, 'alice', { startsAt: inHours(-1) }),
        422,
        'START_IN_PAST',
        '/body/startsAt',
      );
      problem(await call('DELETE', `${gamesUrl()}/${game.id}`, 'bob'), 403, 'NOT_HOST');
      // Joining twice.
      assert.equal((await call('POST', `${gamesUrl()}/${game.id}/join`, 'bob')).statusCode, 200);
      const afterJoin = await snapshot();
      problem(await call('POST', `${gamesUrl()}/${game.id}/join`, 'bob'), 409, 'ALREADY_JOINED');
      // A token without games:write.
      problem(await call('POST', `${gamesUrl()}/${game.id}/leave`, 'readOnly'), 403, 'INSUFFICIENT_SCOPE');
      assert.deepEqual(await snapshot(), afterJoin);
      assert.equal(afterJoin.games, before.games);
      // Joining a cancelled game.
      assert.equal((await call('DELETE', `${gamesUrl()}/${game.id}`, 'alice')).statusCode, 200);
      const afterCancel = await snapshot();
      problem(await call('POST', `${gamesUrl()}/${game.id}/join`, 'p0'), 409, 'GAME_CLOSED');
      problem(
        await call('PATCH', `${gamesUrl()}/${game.id}`, 'alice', { title: 'Back' }),
        409,
        'GAME_CLOSED',
      );
      problem(await call('DELETE', `${gamesUrl()}/${game.id}`, 'alice'), 409, 'GAME_CLOSED');
      assert.deepEqual(await snapshot(), afterCancel);
      // Unknown ids.
      problem(
        await call('GET', `${gamesUrl()}/00000000-0000-4000-8000-000000000000`, 'bob'),
        404,
        'GAME_NOT_FOUND',
      );
      problem(await call('GET', `${gamesUrl()}/not-a-uuid`, 'bob'), 400, 'VALIDATION_FAILED');
      problem(
        await call('GET', `${gamesUrl()}?cursor=garbage`, 'bob'),
        400,
        'INVALID_CURSOR',
        '/querystring/cursor',
      );
    });

    it('waitlists past capacity, promotes on leave and removal, and a host add demotes the last self-joined', async () => {
      const game = await create('alice', { maxPlayers: 2 });
      const url = `${gamesUrl()}/${game.id}`;
      const join = async (who: string, note?: string) => {
        const res = await call('POST', `${url}/join`, who, note ? { note } : undefined);
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      assert.equal((await join('p0', 'tank')).state, 'confirmed');
      assert.equal((await join('p1')).state, 'confirmed');
      assert.equal((await join('p2')).state, 'waitlisted');
      assert.equal((await join('p3')).state, 'waitlisted');
      // p0 leaves: p2 (first waitlisted) moves up.
      const left = await call('POST', `${url}/leave`, 'p0');
      assert.equal(left.statusCode, 200, left.body);
      assert.deepEqual(left.json().promoted, [player(2)]);
      // The host removes p1: p3 moves up.
      const removed = await call('DELETE', `${url}/participants/${player(1)}`, 'alice');
      assert.equal(removed.statusCode, 200, removed.body);
      assert.deepEqual(removed.json().promoted, [player(3)]);
      // The host adds p5: full, so the last self-joined confirmed (p3) goes back to the waitlist.
      const added = await call('PUT', `${url}/participants/${player(5)}`, 'alice', { note: 'healer' });
      assert.equal(added.statusCode, 200, added.body);
      assert.equal(added.json().state, 'host_added');
      assert.deepEqual(added.json().demoted, [player(3)]);
      // p4 declines explicitly (can't come): listed as declined, takes no slot.
      const declined = await call('POST', `${url}/decline`, 'p4');
      assert.equal(declined.json().state, 'declined');
      const got = (await call('GET', url, 'bob')).json();
      assert.deepEqual(
        got.participants.map((p: { userId: string; state: string }) => [p.userId, p.state]),
        [
          [player(2), 'confirmed'],
          [player(5), 'host_added'],
          [player(3), 'waitlisted'],
          [player(4), 'declined'],
        ],
      );
      assert.equal(got.confirmedCount, 2);
      assert.equal(got.waitlistCount, 1);
      const types = await outboxTypes(api.runtime, game.id);
      for (const t of [
        'games.player_joined',
        'games.player_left',
        'games.waitlist_promoted',
        'games.player_removed',
        'games.player_demoted',
        'games.player_declined',
      ])
        assert.ok(types.includes(t), `${t} published: ${types.join(', ')}`);
      // The host promotes p3 while full: refused.
      problem(await call('POST', `${url}/participants/${player(3)}/promote`, 'alice'), 409, 'GAME_FULL');
      problem(await call('POST', `${url}/participants/${player(3)}/promote`, 'bob'), 403, 'NOT_HOST');
      problem(await call('POST', `${url}/leave`, 'p0'), 409, 'NOT_JOINED');
    });

    it('moves every schedule when the time is edited and removes them all on cancel', async () => {
      const game = await create('bob', {
        reminderOffsetsMinutes: [60, 10],
        durationMinutes: 60,
        minPlayers: 2,
      });
      const url = `${gamesUrl()}/${game.id}`;
      assert.equal((await call('POST', `${url}/join`, 'p0')).statusCode, 200);
      const before = await jobsOf(api.runtime, game.id);
      assert.equal(before.size, 5);
      const startsAt = inHours(72);
      const res = await call('PATCH', url, 'bob', { startsAt, reminderOffsetsMinutes: [30] });
      assert.equal(res.statusCode, 200, res.body);
      const start = new Date(startsAt).getTime();
      const moved = await jobsOf(api.runtime, game.id);
      assert.deepEqual(Object.fromEntries(moved), {
        [`games:${game.id}:min-players`]: new Date(start - 60 * 60_000).toISOString(),
        [`games:${game.id}:reminder:30`]: new Date(start - 30 * 60_000).toISOString(),
        [`games:${game.id}:status:COMPLETED`]: new Date(start + 60 * 60_000).toISOString(),
        [`games:${game.id}:status:IN_PROGRESS`]: new Date(start).toISOString(),
      });
      const types = await outboxTypes(api.runtime, game.id);
      assert.equal(types.at(-1), 'games.game_updated');
      const cancelled = await call('DELETE', `${url}?reason=${encodeURIComponent('host is ill')}`, 'bob');
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().status, 'CANCELLED');
      assert.equal((await jobsOf(api.runtime, game.id)).size, 0);
      assert.equal((await outboxTypes(api.runtime, game.id)).at(-1), 'games.game_cancelled');
    });

    it('lists with filters and keyset pagination', async () => {
      const mine: string[] = [];
      for (let i = 0; i < 5; i++)
        mine.push((await create('dave', { startsAt: inHours(100 + i), title: `List ${i}` })).id);
      let cursor: string | null = null;
      const seen: string[] = [];
      do {
        const q: string = `?hostId=${f.dave}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await call('GET', `${gamesUrl()}${q}`, 'bob');
        assert.equal(res.statusCode, 200, res.body);
        const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((g) => g.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, mine);
      const desc = (await call('GET', `${gamesUrl()}?hostId=${f.dave}&order=desc&limit=3`, 'bob')).json();
      assert.deepEqual(
        desc.items.map((g: { id: string }) => g.id),
        [...mine].reverse().slice(0, 3),
      );
      const window = (
        await call('GET', `${gamesUrl()}?hostId=${f.dave}&from=${inHours(100.5)}&to=${inHours(103.5)}`, 'bob')
      ).json();
      assert.deepEqual(
        window.items.map((g: { id: string }) => g.id),
        mine.slice(1, 4),
      );
      await call('POST', `${gamesUrl()}/${mine[2]}/join`, 'p5');
      const joined = (
        await call('GET', `${gamesUrl()}?participantId=${player(5)}&hostId=${f.dave}`, 'bob')
      ).json();
      assert.deepEqual(
        joined.items.map((g: { id: string }) => g.id),
        [mine[2]],
      );
      const cancelled = (await call('GET', `${gamesUrl()}?status=CANCELLED`, 'bob')).json();
      assert.ok(cancelled.items.every((g: { status: string }) => g.status === 'CANCELLED'));
      assert.ok(cancelled.items.length >= 2);

      // A member's games are walked in start order through the participants' copy of the start,
      // which follows the game when it moves (mine[4] moves before all the others).
      await call('POST', `${gamesUrl()}/${mine[4]}/join`, 'p5');
      const moved = await call('PATCH', `${gamesUrl()}/${mine[4]}`, 'dave', { startsAt: inHours(99) });
      assert.equal(moved.statusCode, 200, moved.body);
      const walk = async (query: string, as: string) => {
        const ids: string[] = [];
        let next: string | null = null;
        do {
          const res = await call('GET', `${gamesUrl()}?${query}&limit=1${next ? `&cursor=${next}` : ''}`, as);
          assert.equal(res.statusCode, 200, res.body);
          const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
          ids.push(...page.items.map((g) => g.id));
          next = page.nextCursor;
        } while (next);
        return ids;
      };
      // (p5 may host or play games of earlier tests: only these five matter here.)
      const ofThese = (ids: string[]) => ids.filter((id) => mine.includes(id));
      assert.deepEqual(ofThese(await walk(`participantId=${player(5)}`, 'bob')), [mine[4], mine[2]]);
      assert.deepEqual(ofThese(await walk('mine=true', 'p5')), [mine[4], mine[2]]);
      assert.deepEqual(ofThese(await walk('mine=true&order=desc', 'p5')), [mine[2], mine[4]]);
      // Hosting and playing the same game lists it once.
      await call('PUT', `${gamesUrl()}/${mine[1]}/participants/${f.dave}`, 'dave', {});
      const daves = await walk('mine=true', 'dave');
      assert.equal(new Set(daves).size, daves.length, 'no game twice');
      for (const id of mine) assert.ok(daves.includes(id));
      // Several statuses: merged in start order across pages.
      const both = await walk(`status=SCHEDULED,CANCELLED&hostId=${f.dave}`, 'bob');
      const all = (await call('GET', `${gamesUrl()}?hostId=${f.dave}&limit=100`, 'bob')).json() as {
        items: { id: string; status: string }[];
      };
      assert.deepEqual(
        both,
        all.items.filter((g) => g.status === 'SCHEDULED' || g.status === 'CANCELLED').map((g) => g.id),
      );
    });

    it('templates fill defaults and lock fields', async () => {
      const t = await call('POST', `${gamesUrl()}/templates`, 'alice', {
        name: 'Weekly raid',
        defaults: { maxPlayers: 8, durationMinutes: 180, reminderOffsetsMinutes: [120] },
        locked: ['maxPlayers'],
      });
      assert.equal(t.statusCode, 201, t.body);
      const templateId = t.json().id;
      problem(
        await call('POST', `${gamesUrl()}/templates`, 'alice', { name: 'weekly RAID', defaults: {} }),
        409,
        'TEMPLATE_NAME_TAKEN',
      );
      const game = await create('bob', { templateId });
      const got = (await call('GET', `${gamesUrl()}/${game.id}`, 'bob')).json();
      assert.equal(got.maxPlayers, 8);
      assert.equal(got.durationMinutes, 180);
      assert.deepEqual(got.reminderOffsetsMinutes, [120]);
      assert.equal(got.templateId, templateId);
      problem(
        await call('POST', gamesUrl(), 'bob', {
          title: 'x',
          startsAt: inHours(48),
          templateId,
          maxPlayers: 20,
        }),
        422,
        'FIELD_LOCKED',
        '/body/maxPlayers',
      );
      problem(await call('PATCH', `${gamesUrl()}/${game.id}`, 'bob', { maxPlayers: 9 }), 422, 'FIELD_LOCKED');
      const edited = await call('PUT', `${gamesUrl()}/templates/${templateId}`, 'alice', {
        name: 'Weekly raid',
        defaults: { maxPlayers: 10 },
        locked: [],
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal((await call('GET', `${gamesUrl()}/templates`, 'bob')).json().templates.length, 1);
      assert.equal((await call('DELETE', `${gamesUrl()}/templates/${templateId}`, 'alice')).statusCode, 204);
      problem(await call('GET', `${gamesUrl()}/templates/${templateId}`, 'alice'), 404, 'TEMPLATE_NOT_FOUND');
    });

    it('keeps the games configuration (admins only) and members’ reminder preferences', async () => {
      problem(
        await call('PUT', `${gamesUrl()}/config`, 'bob', { timezone: 'Europe/Berlin' }),
        403,
        'NOT_GUILD_ADMIN',
      );
      problem(
        await call('PUT', `${gamesUrl()}/config`, 'alice', { timezone: 'Nowhere/Land' }),
        422,
        'UNKNOWN_TIMEZONE',
        '/body/timezone',
      );
      problem(
        await call('PUT', `${gamesUrl()}/config`, 'alice', { announcementChannelIds: [CHANNELS.locked] }),
        422,
        'CHANNEL_NOT_POSTABLE',
        '/body/announcementChannelIds/0',
      );
      const put = await call('PUT', `${gamesUrl()}/config`, 'alice', {
        timezone: 'Europe/Berlin',
        announcementChannelIds: [CHANNELS.open],
        defaultReminderOffsetsMinutes: [30],
      });
      assert.equal(put.statusCode, 200, put.body);
      const game = await create('bob', {});
      const got = (await call('GET', `${gamesUrl()}/${game.id}`, 'bob')).json();
      assert.equal(got.timezone, 'Europe/Berlin');
      assert.equal(got.channelId, CHANNELS.open);
      assert.deepEqual(got.reminderOffsetsMinutes, [30]);
      // Only configured channels may be used now.
      problem(
        await call('POST', gamesUrl(), 'bob', {
          title: 'x',
          startsAt: inHours(48),
          channelId: CHANNELS.locked,
        }),
        422,
        'CHANNEL_NOT_ALLOWED',
      );
      // A member's own lead time schedules their own reminder; muting drops it.
      assert.equal((await call('POST', `${gamesUrl()}/${game.id}/join`, 'p1')).statusCode, 200);
      const pref = await call('PUT', `${gamesUrl()}/reminder-preferences`, 'p1', { leadMinutes: 90 });
      assert.equal(pref.statusCode, 200, pref.body);
      const userKey = `games:${game.id}:reminder-user:${player(1)}`;
      assert.equal(
        (await jobsOf(api.runtime, game.id)).get(userKey),
        new Date(new Date(got.startsAt).getTime() - 90 * 60_000).toISOString(),
      );
      await call('PUT', `${gamesUrl()}/reminder-preferences`, 'p1', { gameId: game.id, muted: true });
      assert.equal((await jobsOf(api.runtime, game.id)).has(userKey), false);
      const prefs = (await call('GET', `${gamesUrl()}/reminder-preferences`, 'p1')).json().preferences;
      assert.deepEqual(prefs, [
        { gameId: null, muted: false, leadMinutes: 90 },
        { gameId: game.id, muted: true, leadMinutes: null },
      ]);
      // Reset for the other tests.
      await call('PUT', `${gamesUrl()}/config`, 'alice', {
        announcementChannelIds: [],
        defaultReminderOffsetsMinutes: [60],
      });
    });

    it('documents every games route in the OpenAPI document', async () => {
      const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const g = '/api/v1/guilds/{guildId}/games';
      const expected: Array<[string, string[]]> = [
        [g, ['get', 'post']],
        [`${g}/{gameId}`, ['get', 'patch', 'delete']],
        [`${g}/{gameId}/clone`, ['post']],
        [`${g}/{gameId}/join`, ['post']],
        [`${g}/{gameId}/leave`, ['post']],
        [`${g}/{gameId}/decline`, ['post']],
        [`${g}/{gameId}/participants/{userId}`, ['put', 'delete']],
        [`${g}/{gameId}/participants/{userId}/promote`, ['post']],
        [`${g}/templates`, ['get', 'post']],
        [`${g}/templates/{templateId}`, ['get', 'put', 'delete']],
        [`${g}/config`, ['get', 'put']],
        [`${g}/reminder-preferences`, ['get', 'put']],
      ];
      for (const [path, methods] of expected)
        for (const method of methods) assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`);
    });

    it('isolates guilds: a host of B cannot see or touch games of A (API and row-level security)', async () => {
      const game = await create('alice', {});
      const url = `${gamesUrl()}/${game.id}`;
      problem(await call('GET', url, 'carol'), 404, 'GUILD_NOT_FOUND');
      problem(await call('GET', gamesUrl(), 'carol'), 404, 'GUILD_NOT_FOUND');
      problem(await call('PATCH', url, 'carol', { title: 'Stolen' }), 404, 'GUILD_NOT_FOUND');
      problem(await call('POST', `${url}/join`, 'carol'), 404, 'GUILD_NOT_FOUND');
      // Through B's own path, A's game does not exist.
      problem(
        await call('GET', `/api/v1/guilds/${f.guildB}/games/${game.id}`, 'carol'),
        404,
        'GAME_NOT_FOUND',
      );
      problem(
        await call('PATCH', `/api/v1/guilds/${f.guildB}/games/${game.id}`, 'carol', { title: 'Stolen' }),
        404,
        'GAME_NOT_FOUND',
      );
      problem(
        await call('POST', `/api/v1/guilds/${f.guildB}/games/${game.id}/join`, 'carol'),
        404,
        'GAME_NOT_FOUND',
      );
      const list = (await call('GET', `/api/v1/guilds/${f.guildB}/games`, 'carol')).json();
      assert.deepEqual(list.items, []);
      // Row-level security: a transaction scoped to B sees and changes nothing of A.
      const db = api.runtime.db;
      const seen = await db.withGuild(f.guildB, (tx) =>
        run(tx, `select id from games.games union all select game_id from games.participants`),
      );
      assert.deepEqual(seen, []);
      const touched = await db.withGuild(f.guildB, (tx) =>
        run(tx, `update games.games set title = 'Stolen' where id = $1::uuid returning id`, [game.id]),
      );
      assert.deepEqual(touched, []);
      await assert.rejects(
        db.withGuild(f.guildB, (tx) =>
          run(
            tx,
            `insert into games.participants (game_id, user_id, guild_id, state, position) values ($1::uuid, $2, $3, 'confirmed', 1)`,
            [game.id, f.carol, f.guildA],
          ),
        ),
      );
      assert.equal((await call('GET', url, 'alice')).json().title, 'Raid night');
    });
  });
}
