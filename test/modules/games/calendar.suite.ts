import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Fixture, seedTwoGuilds, startTestApi, type TestApi } from '../../support/api.ts';
import type { DatabaseFactory } from '../../support/databases.ts';

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

function problem(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.code, code, res.body);
  return body as { detail: string };
}

/** Unfolds RFC 5545 content lines (a line starting with a space continues the previous one). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** The VEVENT blocks of a calendar, as maps of property name → value. */
function events(ics: string): Record<string, string>[] {
  return [...unfold(ics).matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/g)].map((m) =>
    Object.fromEntries(
      (m[1] ?? '')
        .split('\r\n')
        .filter(Boolean)
        .map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).split(';')[0] as string, line.slice(colon + 1)];
        }),
    ),
  );
}

/** Calendars through the real API: one game's .ics, and the personal feed's token lifecycle. */
export function gamesCalendarSuite(factory: DatabaseFactory) {
  describe(`games calendar (${factory.kind})`, () => {
    let api: TestApi;
    let f: Fixture;
    let alice: string;
    let bob: string;
    let carol: string;
    let gameA: string;
    let gameB: string;
    let cancelled: string;
    let full: string;

    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, authorization?: string, body?: unknown) =>
      api.app.inject({
        method,
        url,
        headers: {
          ...(authorization ? { authorization } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { payload: JSON.stringify(body) } : {}),
      });
    const createGame = async (guildId: string, authorization: string, body: Record<string, unknown>) => {
      const res = await call('POST', `/api/v1/guilds/${guildId}/games`, authorization, body);
      assert.equal(res.statusCode, 201, res.body);
      return (res.json() as { id: string }).id;
    };
    const join = async (guildId: string, gameId: string, authorization: string) => {
      const res = await call('POST', `/api/v1/guilds/${guildId}/games/${gameId}/join`, authorization);
      assert.equal(res.statusCode, 200, res.body);
    };

    before(async () => {
      api = await startTestApi(factory, { PUBLIC_URL: 'https://guildhall.example.org' });
      f = await seedTwoGuilds(api.runtime);
      // Bob is in both guilds, so his feed spans them.
      await api.runtime.core.directory.syncGuild(
        { id: f.guildB, name: 'Beta', ownerId: f.carol },
        [{ id: f.guildB, name: '@everyone', permissions: 0n }],
        [
          { userId: f.carol, roleIds: [] },
          { userId: f.bob, roleIds: [] },
        ],
      );
      alice = await api.bearer(f.alice, ['games:read', 'games:write']);
      bob = await api.bearer(f.bob, ['games:read', 'games:write']);
      carol = await api.bearer(f.carol, ['games:read', 'games:write']);
      gameA = await createGame(f.guildA, alice, {
        title: 'Raid, night; with commas',
        description: 'Bring flasks',
        startsAt: inHours(24),
        durationMinutes: 90,
      });
      gameB = await createGame(f.guildB, carol, { title: 'Beta scrim', startsAt: inHours(48) });
      cancelled = await createGame(f.guildA, alice, { title: 'Called off', startsAt: inHours(72) });
      full = await createGame(f.guildA, alice, { title: 'Tiny', startsAt: inHours(30), maxPlayers: 1 });
      await createGame(f.guildA, alice, { title: 'Not joined', startsAt: inHours(30) });
      await join(f.guildA, gameA, bob);
      await join(f.guildB, gameB, bob);
      await join(f.guildA, cancelled, bob);
      await join(f.guildA, full, alice);
      await join(f.guildA, full, bob); // waitlisted
      const res = await call('DELETE', `/api/v1/guilds/${f.guildA}/games/${cancelled}`, alice);
      assert.ok(res.statusCode < 300, res.body);
    });
    after(async () => api?.close());

    it('serves one game as iCalendar with an ETag, and 304 when unchanged', async () => {
      const res = await call('GET', `/api/v1/guilds/${f.guildA}/games/${gameA}.ics`, bob);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/calendar/);
      const [event] = events(res.body);
      assert.equal(event?.UID, `${gameA}@guildhall.example.org`);
      assert.equal(event?.SUMMARY, 'Raid\\, night\\; with commas');
      assert.equal(event?.STATUS, 'CONFIRMED');
      assert.match(event?.DESCRIPTION ?? '', /Bring flasks/);
      assert.match(
        event?.URL ?? '',
        new RegExp(`https://guildhall.example.org/guilds/${f.guildA}/games/${gameA}`),
      );
      const start = new Date(
        Date.parse((await call('GET', `/api/v1/guilds/${f.guildA}/games/${gameA}`, bob)).json().startsAt),
      );
      const compact = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
      assert.equal(event?.DTSTART, compact(start));
      assert.equal(event?.DTEND, compact(new Date(start.getTime() + 90 * 60_000)));
      const etag = String(res.headers.etag);
      assert.ok(etag.startsWith('"'));
      const again = await api.app.inject({
        method: 'GET',
        url: `/api/v1/guilds/${f.guildA}/games/${gameA}.ics`,
        headers: { authorization: bob, 'if-none-match': etag },
      });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
    });

    it('keeps guilds apart and refuses bad ids', async () => {
      // Carol is not in guild A; guild A's game is not in guild B.
      problem(
        await call('GET', `/api/v1/guilds/${f.guildA}/games/${gameA}.ics`, carol),
        404,
        'GUILD_NOT_FOUND',
      );
      problem(
        await call('GET', `/api/v1/guilds/${f.guildB}/games/${gameA}.ics`, carol),
        404,
        'GAME_NOT_FOUND',
      );
      problem(
        await call('GET', `/api/v1/guilds/${f.guildA}/games/not-a-uuid.ics`, bob),
        400,
        'VALIDATION_FAILED',
      );
      problem(
        await call('GET', `/api/v1/guilds/${f.guildA}/games/00000000-0000-4000-8000-000000000000.ics`, bob),
        404,
        'GAME_NOT_FOUND',
      );
      problem(await call('GET', `/api/v1/guilds/${f.guildA}/games/${gameA}.ics`), 401, 'UNAUTHENTICATED');
    });

    it('creates, shows, rotates and revokes a feed token; the feed has every game joined across guilds', async () => {
      assert.deepEqual((await call('GET', '/api/v1/me/calendar-feed', bob)).json(), { feed: null });
      const created = await call('POST', '/api/v1/me/calendar-feed', bob);
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.headers['cache-control'], 'no-store');
      const { token, url, prefix } = created.json() as { token: string; url: string; prefix: string };
      assert.match(token, /^ghcal_[A-Za-z0-9_-]{43}$/);
      assert.equal(url, `https://guildhall.example.org/api/v1/calendar/${token}.ics`);
      const shown = (await call('GET', '/api/v1/me/calendar-feed', bob)).json();
      assert.equal(shown.feed.prefix, prefix);
      assert.equal(JSON.stringify(shown).includes(token), false, 'the secret is shown once only');

      const feed = await call('GET', `/api/v1/calendar/${token}.ics`);
      assert.equal(feed.statusCode, 200, feed.body);
      assert.match(String(feed.headers['content-type']), /^text\/calendar/);
      assert.match(String(feed.headers['cache-control']), /private/);
      const byUid = new Map(events(feed.body).map((e) => [e.UID?.split('@')[0], e]));
      assert.deepEqual([...byUid.keys()].sort(), [gameA, gameB, cancelled, full].sort());
      assert.equal(byUid.get(cancelled)?.STATUS, 'CANCELLED');
      assert.equal(byUid.get(full)?.STATUS, 'TENTATIVE', 'waitlisted');
      assert.equal(byUid.get(gameB)?.STATUS, 'CONFIRMED');
      const notModified = await api.app.inject({
        method: 'GET',
        url: `/api/v1/calendar/${token}.ics`,
        headers: { 'if-none-match': String(feed.headers.etag) },
      });
      assert.equal(notModified.statusCode, 304);
      assert.ok((await call('GET', '/api/v1/me/calendar-feed', bob)).json().feed.lastUsedAt);

      // Leaving removes the game from the feed, and changes the ETag.
      await call('POST', `/api/v1/guilds/${f.guildB}/games/${gameB}/leave`, bob);
      const after = await call('GET', `/api/v1/calendar/${token}.ics`);
      assert.ok(!after.body.includes(gameB));
      assert.notEqual(after.headers.etag, feed.headers.etag);

      // Rotation: the old URL stops working at once.
      const rotated = (await call('POST', '/api/v1/me/calendar-feed', bob)).json() as { token: string };
      assert.notEqual(rotated.token, token);
      const old = problem(await call('GET', `/api/v1/calendar/${token}.ics`), 404, 'CALENDAR_FEED_NOT_FOUND');
      assert.equal((await call('GET', `/api/v1/calendar/${rotated.token}.ics`)).statusCode, 200);

      // Revoked, unknown and malformed tokens all look the same.
      assert.equal((await call('DELETE', '/api/v1/me/calendar-feed', bob)).statusCode, 204);
      assert.equal(
        (await call('DELETE', '/api/v1/me/calendar-feed', bob)).statusCode,
        204,
        'revoking twice is fine',
      );
      const revoked = problem(
        await call('GET', `/api/v1/calendar/${rotated.token}.ics`),
        404,
        'CALENDAR_FEED_NOT_FOUND',
      );
      const unknown = problem(
        await call('GET', `/api/v1/calendar/ghcal_${'A'.repeat(43)}.ics`),
        404,
        'CALENDAR_FEED_NOT_FOUND',
      );
      const malformed = problem(
        await call('GET', '/api/v1/calendar/..%2F..%2Fetc.ics'),
        404,
        'CALENDAR_FEED_NOT_FOUND',
      );
      assert.equal(old.detail, revoked.detail);
      assert.equal(revoked.detail, unknown.detail);
      assert.equal(unknown.detail, malformed.detail);
      assert.deepEqual((await call('GET', '/api/v1/me/calendar-feed', bob)).json(), { feed: null });
    });

    it('refuses feed management with a guild-limited token or without the scope', async () => {
      const limited = await api.bearer(f.bob, ['games:read', 'games:write'], { guildId: f.guildA });
      problem(await call('POST', '/api/v1/me/calendar-feed', limited), 403, 'CALENDAR_FEED_GUILD_TOKEN');
      problem(await call('GET', '/api/v1/me/calendar-feed', limited), 403, 'CALENDAR_FEED_GUILD_TOKEN');
      const readOnly = await api.bearer(f.bob, ['games:read']);
      problem(await call('POST', '/api/v1/me/calendar-feed', readOnly), 403, 'INSUFFICIENT_SCOPE');
      problem(await call('POST', '/api/v1/me/calendar-feed'), 401, 'UNAUTHENTICATED');
    });

    it('speaks the feed owner’s language, and the request’s for one game', async () => {
      await api.runtime.core.directory.upsertUser({ id: f.dave, username: 'dave', locale: 'de' });
      const dave = await api.bearer(f.dave, ['games:read', 'games:write']);
      const game = await createGame(f.guildA, alice, { title: 'Abend', startsAt: inHours(80) });
      await join(f.guildA, game, dave);
      const res = await call('DELETE', `/api/v1/guilds/${f.guildA}/games/${game}`, alice);
      assert.ok(res.statusCode < 300, res.body);
      const { token } = (await call('POST', '/api/v1/me/calendar-feed', dave)).json() as { token: string };
      const feed = await call('GET', `/api/v1/calendar/${token}.ics`);
      assert.match(unfold(feed.body), /X-WR-CALNAME:Guildhall-Spiele\r\n/);
      assert.equal(events(feed.body)[0]?.SUMMARY, 'Abgesagt: Abend');
      const one = (language: string) =>
        api.app.inject({
          method: 'GET',
          url: `/api/v1/guilds/${f.guildA}/games/${game}.ics`,
          headers: { authorization: dave, 'accept-language': language },
        });
      assert.equal(events((await one('de-DE,de;q=0.9')).body)[0]?.SUMMARY, 'Abgesagt: Abend');
      assert.equal(events((await one('en')).body)[0]?.SUMMARY, 'Cancelled: Abend');
    });

    it('drops the games of a guild its owner left from the feed, and keeps the other guilds’ games', async () => {
      const erin = '777777777777777001';
      const directory = api.runtime.core.directory;
      await directory.upsertUser({ id: erin, username: 'erin' });
      for (const guildId of [f.guildA, f.guildB])
        await directory.upsertMember(guildId, { userId: erin, roleIds: [] });
      const auth = await api.bearer(erin, ['games:read', 'games:write']);
      const inA = await createGame(f.guildA, alice, { title: 'Alpha session', startsAt: inHours(50) });
      const inB = await createGame(f.guildB, carol, { title: 'Beta session', startsAt: inHours(51) });
      await join(f.guildA, inA, auth);
      await join(f.guildB, inB, auth);
      const { token } = (await call('POST', '/api/v1/me/calendar-feed', auth)).json() as { token: string };
      const uids = async () => {
        const feed = await call('GET', `/api/v1/calendar/${token}.ics`);
        assert.equal(feed.statusCode, 200, feed.body);
        return { ids: events(feed.body).map((e) => e.UID?.split('@')[0]), etag: feed.headers.etag };
      };
      const before = await uids();
      assert.deepEqual(before.ids, [inA, inB]);

      // Erin leaves Beta (the directory removes the membership, as on GUILD_MEMBER_REMOVE).
      await directory.removeMember(f.guildB, erin);
      const left = await uids();
      assert.deepEqual(left.ids, [inA]);
      assert.notEqual(left.etag, before.etag, 'calendar apps refetch');
      // Her sign-up stays (the game's roster is the host's business); coming back shows it again.
      await directory.upsertMember(f.guildB, { userId: erin, roleIds: [] });
      assert.deepEqual((await uids()).ids, [inA, inB]);
    });

    it('leaves a feed of another user untouched', async () => {
      const mine = (await call('POST', '/api/v1/me/calendar-feed', alice)).json() as { token: string };
      await call('POST', '/api/v1/me/calendar-feed', carol);
      await call('DELETE', '/api/v1/me/calendar-feed', carol);
      const feed = await call('GET', `/api/v1/calendar/${mine.token}.ics`);
      assert.equal(feed.statusCode, 200);
      // Alice joined only the tiny game (she hosts the others without signing up).
      assert.deepEqual(
        events(feed.body).map((e) => e.UID?.split('@')[0]),
        [full],
      );
    });
  });
}
