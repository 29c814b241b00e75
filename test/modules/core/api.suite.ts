import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { rows } from '#platform/db/database.ts';
import { countRows, type Fixture, seedTwoGuilds, startTestApi, type TestApi } from '../../support/api.ts';
import type { DatabaseFactory } from '../../support/databases.ts';

function problem(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.code, code, res.body);
  assert.equal(body.status, status);
  assert.ok(body.type && body.title && body.detail && body.requestId, 'RFC 9457 fields present');
  return body as { detail: string; errors?: { pointer: string; detail: string }[] };
}

/** Core HTTP API behaviour: authentication, scopes, guild isolation and bad input. */
export function coreApiSuite(factory: DatabaseFactory) {
  describe(`core API (${factory.kind})`, () => {
    let api: TestApi;
    let f: Fixture;
    let aliceAll: string;
    before(async () => {
      api = await startTestApi(factory);
      f = await seedTwoGuilds(api.runtime);
      aliceAll = await api.bearer(f.alice, ['guilds:read', 'guilds:write']);
    });
    after(async () => api?.close());

    const get = (url: string, authorization?: string) =>
      api.app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });
    const put = (
      url: string,
      authorization: string | undefined,
      payload: unknown,
      headers: Record<string, string> = {},
    ) =>
      api.app.inject({
        method: 'PUT',
        url,
        headers: {
          ...(authorization ? { authorization } : {}),
          'content-type': 'application/json',
          ...headers,
        },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
    const validSettings = {
      timezone: 'Europe/Berlin',
      locale: 'de',
      enabledModules: [],
      capabilityRoles: { host: ['444444444444444441'] },
    };

    describe('me and guilds', () => {
      it('returns the user and the guilds they share with the bot', async () => {
        const res = await get('/api/v1/me', aliceAll);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.equal(body.user.username, 'alice');
        assert.deepEqual(
          body.guilds.map((g: { id: string; owner: boolean }) => [g.id, g.owner]),
          [[f.guildA, true]],
        );
      });

      it('shows a member their guild with their rights', async () => {
        const bob = await api.bearer(f.bob, ['guilds:read']);
        const res = await get(`/api/v1/guilds/${f.guildA}`, bob);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json().you, { admin: false, owner: false, capabilities: [] });
        assert.equal(res.json().memberCount, 3);
        const dave = await api.bearer(f.dave, ['guilds:read']);
        assert.equal(
          (await get(`/api/v1/guilds/${f.guildA}`, dave)).json().you.admin,
          true,
          'MANAGE_GUILD makes an admin',
        );
      });
    });

    describe('members and channels', () => {
      it("lists a guild's members by name, and finds them by part of it", async () => {
        const res = await get(`/api/v1/guilds/${f.guildA}/members`, aliceAll);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(
          res.json().members.map((m: { username: string }) => m.username),
          ['alice', 'bob', 'dave'],
        );
        const dave = res.json().members.find((m: { id: string }) => m.id === f.dave);
        assert.deepEqual(dave.roleIds, ['444444444444444441']);
        const found = await get(`/api/v1/guilds/${f.guildA}/members?q=DA`, aliceAll);
        assert.deepEqual(
          found.json().members.map((m: { id: string }) => m.id),
          [f.dave],
        );
        const wild = await get(`/api/v1/guilds/${f.guildA}/members?q=%25`, aliceAll);
        assert.deepEqual(wild.json().members, [], 'a % is a character, not a wildcard');
        problem(await get(`/api/v1/guilds/${f.guildA}/members?limit=0`, aliceAll), 400, 'VALIDATION_FAILED');
      });

      it('shows neither members nor channels of another guild', async () => {
        problem(await get(`/api/v1/guilds/${f.guildB}/members`, aliceAll), 404, 'GUILD_NOT_FOUND');
        problem(await get(`/api/v1/guilds/${f.guildB}/channels`, aliceAll), 404, 'GUILD_NOT_FOUND');
      });

      it('answers an empty channel list for a guild the bot knows no channels of', async () => {
        const res = await get(`/api/v1/guilds/${f.guildA}/channels`, aliceAll);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json(), { channels: [] });
      });
    });

    describe('guild isolation', () => {
      it('answers 404 for a guild the caller is not in, and reveals nothing', async () => {
        problem(await get(`/api/v1/guilds/${f.guildB}`, aliceAll), 404, 'GUILD_NOT_FOUND');
        problem(await get(`/api/v1/guilds/${f.guildB}/settings`, aliceAll), 404, 'GUILD_NOT_FOUND');
        problem(await get(`/api/v1/guilds/999999999999999999`, aliceAll), 404, 'GUILD_NOT_FOUND');
      });

      it("cannot change another guild's settings", async () => {
        const before = await countRows(api.runtime, 'core.audit_log');
        problem(
          await put(`/api/v1/guilds/${f.guildB}/settings`, aliceAll, validSettings),
          404,
          'GUILD_NOT_FOUND',
        );
        const carol = await api.bearer(f.carol, ['guilds:read']);
        assert.equal((await get(`/api/v1/guilds/${f.guildB}/settings`, carol)).json().timezone, 'UTC');
        assert.equal(await countRows(api.runtime, 'core.audit_log'), before);
      });

      it('keeps a token restricted to one guild out of every other', async () => {
        const carolInB = await api.bearer(f.carol, ['guilds:read'], { guildId: f.guildB });
        assert.equal((await get(`/api/v1/guilds/${f.guildB}`, carolInB)).statusCode, 200);
        const aliceInB = await api.bearer(f.alice, ['guilds:read'], { guildId: f.guildB });
        problem(await get(`/api/v1/guilds/${f.guildA}`, aliceInB), 404, 'GUILD_NOT_FOUND');
        assert.deepEqual((await get('/api/v1/me', aliceInB)).json().guilds, []);
      });
    });

    describe('settings', () => {
      it('lets an admin replace them, audited with before and after', async () => {
        const res = await put(`/api/v1/guilds/${f.guildA}/settings`, aliceAll, validSettings);
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().timezone, 'Europe/Berlin');
        const again = await get(`/api/v1/guilds/${f.guildA}/settings`, aliceAll);
        assert.deepEqual(again.json().capabilityRoles, { host: ['444444444444444441'] });
        const audit = await api.runtime.db.withGuild(f.guildA, (tx) =>
          rows(tx, sql`select action, actor_kind, after->>'timezone' as tz from core.audit_log`),
        );
        assert.deepEqual(audit, [
          { action: 'guild.settings.update', actor_kind: 'token', tz: 'Europe/Berlin' },
        ]);
      });

      it('grants capabilities through the configured roles', async () => {
        const dave = await api.bearer(f.dave, ['guilds:read']);
        assert.ok((await get(`/api/v1/guilds/${f.guildA}`, dave)).json().you.capabilities.includes('host'));
      });

      it('refuses a member who is not an admin', async () => {
        const bob = await api.bearer(f.bob, ['guilds:read', 'guilds:write']);
        problem(await put(`/api/v1/guilds/${f.guildA}/settings`, bob, validSettings), 403, 'NOT_GUILD_ADMIN');
      });

      it('reports every invalid field at once, and changes nothing', async () => {
        const res = await put(`/api/v1/guilds/${f.guildA}/settings`, aliceAll, {
          ...validSettings,
          timezone: 'Mars/Olympus_Mons',
          enabledModules: ['nope'],
          capabilityRoles: {},
        });
        const body = problem(res, 422, 'SETTINGS_INVALID');
        assert.deepEqual(body.errors?.map((e) => e.pointer).sort(), [
          '/body/enabledModules/0',
          '/body/timezone',
        ]);
        assert.equal((await get(`/api/v1/guilds/${f.guildA}/settings`, aliceAll)).json().locale, 'de');
      });
    });

    describe('tokens', () => {
      it('requires the scope a route names', async () => {
        const narrow = await api.bearer(f.alice, ['guilds:read']);
        problem(
          await put(`/api/v1/guilds/${f.guildA}/settings`, narrow, validSettings),
          403,
          'INSUFFICIENT_SCOPE',
        );
        assert.equal((await get(`/api/v1/guilds/${f.guildA}/settings`, narrow)).statusCode, 200);
      });

      it('stops working the moment it is revoked', async () => {
        const auth = await api.bearer(f.bob, ['guilds:read']);
        assert.equal((await get('/api/v1/me', auth)).statusCode, 200);
        const [record] = await api.runtime.core.tokens.list({ userId: f.bob });
        assert.ok(record);
        await api.runtime.core.tokens.revoke(record.id);
        problem(await get('/api/v1/me', auth), 401, 'TOKEN_REVOKED');
      });

      it('expires', async () => {
        const auth = await api.bearer(f.bob, ['guilds:read'], { expiresAt: new Date(Date.now() + 150) });
        await new Promise((r) => setTimeout(r, 300));
        problem(await get('/api/v1/me', auth), 401, 'TOKEN_EXPIRED');
      });

      it('stores only a hash of the token', async () => {
        const auth = await api.bearer(f.bob, ['guilds:read']);
        const token = auth.slice('Bearer '.length);
        const found = await api.runtime.db.query<{ n: number }>(
          `select count(*)::int as n from core.api_tokens where encode(token_hash, 'escape') like $1 or prefix = $2`,
          [`%${token}%`, token],
        );
        assert.equal(found.rows[0]?.n, 0);
      });

      it('refuses unknown scopes and past expiry dates', async () => {
        await assert.rejects(
          api.runtime.core.tokens.create({ userId: f.bob, name: 'x', scopes: ['root'] }),
          /Unknown scope root/,
        );
        await assert.rejects(
          api.runtime.core.tokens.create({
            userId: f.bob,
            name: 'x',
            scopes: ['admin'],
            expiresAt: new Date(0),
          }),
          /future/,
        );
      });
    });

    describe('bad input', () => {
      it('answers missing, malformed and unknown credentials with 401', async () => {
        const missing = problem(await get('/api/v1/me'), 401, 'UNAUTHENTICATED');
        assert.match(missing.detail, /Bearer/);
        problem(await get('/api/v1/me', 'Bearer nope'), 401, 'TOKEN_INVALID');
        problem(await get('/api/v1/me', `Bearer gh_${'A'.repeat(43)}`), 401, 'TOKEN_INVALID');
        problem(await get('/api/v1/me', 'Basic dXNlcjpwYXNz'), 401, 'TOKEN_INVALID');
      });

      it('names an invalid path id', async () => {
        const body = problem(await get('/api/v1/guilds/not-a-snowflake', aliceAll), 400, 'VALIDATION_FAILED');
        assert.equal(body.errors?.[0]?.pointer, '/params/guildId');
      });

      it('rejects malformed JSON', async () => {
        const body = problem(
          await put(`/api/v1/guilds/${f.guildA}/settings`, aliceAll, '{"timezone": '),
          400,
          'MALFORMED_JSON',
        );
        assert.equal(body.errors?.[0]?.pointer, '/body');
      });

      it('rejects wrong types without coercing them', async () => {
        const body = problem(
          await put(`/api/v1/guilds/${f.guildA}/settings`, aliceAll, {
            ...validSettings,
            enabledModules: 'games',
          }),
          400,
          'VALIDATION_FAILED',
        );
        assert.deepEqual(
          body.errors?.map((e) => [e.pointer, e.detail]),
          [['/body/enabledModules', 'must be an array']],
        );
      });

      it('rejects unknown fields instead of dropping them', async () => {
        const body = problem(
          await put(`/api/v1/guilds/${f.guildA}/settings`, aliceAll, { ...validSettings, colour: 'red' }),
          400,
          'VALIDATION_FAILED',
        );
        assert.deepEqual(
          body.errors?.map((e) => e.pointer),
          ['/body/colour'],
        );
      });

      it('names missing fields', async () => {
        const body = problem(
          await put(`/api/v1/guilds/${f.guildA}/settings`, aliceAll, {}),
          400,
          'VALIDATION_FAILED',
        );
        assert.deepEqual(body.errors?.map((e) => e.pointer).sort(), [
          '/body/capabilityRoles',
          '/body/enabledModules',
          '/body/locale',
          '/body/timezone',
        ]);
      });

      it('rejects an oversized body with 413', async () => {
        const huge = { ...validSettings, timezone: 'x'.repeat(2 * 1024 * 1024) };
        problem(await put(`/api/v1/guilds/${f.guildA}/settings`, aliceAll, huge), 413, 'BODY_TOO_LARGE');
      });

      it('rejects a body that is not JSON with 415', async () => {
        problem(
          await put(`/api/v1/guilds/${f.guildA}/settings`, aliceAll, 'timezone=UTC', {
            'content-type': 'application/x-www-form-urlencoded',
          }),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        );
      });

      it('answers an unknown route with problem+json', async () => {
        problem(await get('/api/v1/nothing-here', aliceAll), 404, 'ROUTE_NOT_FOUND');
      });
    });
  });
}
