import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type SseEvent, sseReader } from '../../platform/live/sse-reader.ts';
import { type Fixture, seedTwoGuilds, startTestApi, type TestApi } from '../../support/api.ts';
import type { DatabaseFactory } from '../../support/databases.ts';

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

/** The games stream through the real API: a join made over HTTP arrives as an event. */
export function gamesLiveSuite(factory: DatabaseFactory) {
  describe(`games live events (${factory.kind})`, () => {
    let api: TestApi;
    let f: Fixture;
    let base: string;
    let alice: string;
    let bob: string;
    let carol: string;
    const streams: { cancel(): Promise<unknown> }[] = [];

    before(async () => {
      api = await startTestApi(factory);
      f = await seedTwoGuilds(api.runtime);
      alice = await api.bearer(f.alice, ['games:read', 'games:write']);
      bob = await api.bearer(f.bob, ['games:read', 'games:write']);
      carol = await api.bearer(f.carol, ['games:read', 'games:write']);
      base = await api.app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      for (const s of streams) await s.cancel();
      await api?.close();
    });

    const createGame = async (guildId: string, authorization: string, body: Record<string, unknown> = {}) => {
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/v1/guilds/${guildId}/games`,
        headers: { authorization, 'content-type': 'application/json' },
        payload: JSON.stringify({ title: 'Raid night', startsAt: inAnHour(), maxPlayers: 2, ...body }),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string };
    };
    const join = async (guildId: string, gameId: string, authorization: string) => {
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/v1/guilds/${guildId}/games/${gameId}/join`,
        headers: { authorization },
      });
      assert.equal(res.statusCode, 200, res.body);
    };
    const open = async (guildId: string, headers: Record<string, string>) => {
      const res = await fetch(`${base}/api/v1/guilds/${guildId}/games/events`, { headers });
      assert.equal(res.status, 200, await (res.status === 200 ? Promise.resolve('') : res.text()));
      const sse = sseReader(res.body as ReadableStream<Uint8Array>);
      streams.push(sse);
      await sse.until((e) => e.some((x) => x.event === 'ready'), 'ready');
      return sse;
    };
    const changes = (events: SseEvent[]) =>
      events.filter((e) => e.event === 'change').map((e) => ({ id: e.id, ...JSON.parse(e.data) }));

    it('sends a join made through the API to members of the guild, and nothing from other guilds', async () => {
      const game = await createGame(f.guildA, alice);
      const sse = await open(f.guildA, { authorization: alice });
      await createGame(f.guildB, carol, { title: 'Elsewhere' });
      await join(f.guildA, game.id, bob);
      await sse.until(
        (e) => changes(e).some((c) => c.kind === 'participant.insert'),
        'the participant change of the join',
      );
      const got = changes(sse.events);
      assert.ok(
        got.every((c) => c.gameId === game.id),
        `only guild A's game: ${JSON.stringify(got)}`,
      );
      assert.ok(got.every((c) => typeof c.id === 'string' && c.id.length > 0));

      // A stream resuming after the first change gets the rest, not the first again.
      const first = got[0];
      await join(f.guildA, game.id, alice);
      const resumed = await open(f.guildA, { authorization: alice, 'last-event-id': first?.id as string });
      await resumed.until((e) => changes(e).length >= got.length, 'the replay');
      const replayed = changes(resumed.events);
      assert.ok(!replayed.some((c) => c.id === first?.id), 'the first change is not sent again');
      assert.ok(
        replayed.some((c) => c.kind === 'participant.insert'),
        'the later joins are replayed',
      );
    });

    it('accepts the dashboard session cookie', async () => {
      const { token } = await api.runtime.core.sessions.create({ userId: f.bob, via: 'demo' });
      const sse = await open(f.guildA, { cookie: `guildhall_session=${token}` });
      const game = await createGame(f.guildA, alice, { title: 'Cookie game' });
      await sse.until((e) => changes(e).some((c) => c.gameId === game.id), 'the new game');
      assert.equal(changes(sse.events).find((c) => c.gameId === game.id)?.kind, 'game.insert');
    });

    it('refuses non-members, guild-limited tokens elsewhere, missing scopes and no credentials', async () => {
      const problem = async (
        guildId: string,
        headers: Record<string, string>,
        status: number,
        code: string,
      ) => {
        const res = await fetch(`${base}/api/v1/guilds/${guildId}/games/events`, { headers });
        assert.equal(res.status, status);
        assert.match(String(res.headers.get('content-type')), /^application\/problem\+json/);
        assert.equal((await res.json()).code, code);
      };
      await problem(f.guildA, { authorization: carol }, 404, 'GUILD_NOT_FOUND');
      await problem(
        f.guildA,
        { authorization: await api.bearer(f.alice, ['games:read'], { guildId: f.guildB }) },
        404,
        'GUILD_NOT_FOUND',
      );
      await problem(
        f.guildA,
        { authorization: await api.bearer(f.alice, ['guilds:read']) },
        403,
        'INSUFFICIENT_SCOPE',
      );
      await problem(f.guildA, {}, 401, 'UNAUTHENTICATED');
      await problem('not-a-guild', { authorization: alice }, 400, 'VALIDATION_FAILED');
    });
  });
}
