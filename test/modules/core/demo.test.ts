import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import { DEMO_CHANNELS, DEMO_GUILD, DEMO_GUILD_B, DEMO_USERS } from '#modules/core/demo.ts';
import { loadConfig } from '#platform/config/load.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { pgliteFactory, quietLog, type TestDatabase } from '../../support/databases.ts';

const [ADA, HUGO, , NOAH] = DEMO_USERS.map((u) => u.id) as [string, string, string, string];

async function start(env: Record<string, string>) {
  const database = await pgliteFactory.create();
  const runtime = await compose(loadConfig(env, { envFile: false }), 'test', {
    db: database.db,
    log: quietLog,
  });
  const app = await buildApi(runtime);
  return {
    database,
    runtime,
    app,
    async close() {
      await app.close();
      await runtime.close();
      await database.dispose();
    },
  };
}

describe('demo sign-in without Discord credentials', () => {
  describe('on loopback', () => {
    let t: { app: HttpApp; runtime: Runtime; database: TestDatabase; close(): Promise<void> };
    before(async () => {
      t = await start({ HOST: '127.0.0.1' });
      assert.equal(await t.runtime.core.seedDemo(), true);
      // Idempotent: a second start seeds nothing new and breaks nothing.
      assert.equal(await t.runtime.core.seedDemo(), true);
    });
    after(async () => t?.close());

    it('lists the demo users and signs in as one of them', async () => {
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/demo' });
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().users.length, DEMO_USERS.length);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { userId: ADA } });
      assert.equal(res.statusCode, 200);
      assert.ok(res.json().csrfToken);
      const cookie = res.cookies.find((c) => c.name === 'guildhall_session');
      assert.ok(cookie?.httpOnly);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        cookies: { guildhall_session: cookie.value },
      });
      assert.equal(me.json().user.id, ADA);
      assert.deepEqual(
        me.json().guilds.map((g: { id: string; owner: boolean }) => [g.id, g.owner]),
        [[DEMO_GUILD, true]],
      );
      const guild = await t.app.inject({
        method: 'GET',
        url: `/api/v1/guilds/${DEMO_GUILD}`,
        cookies: { guildhall_session: cookie.value },
      });
      assert.equal(guild.json().you.admin, true);
    });

    it('gives the seeded roles their capabilities, and keeps guilds apart', async () => {
      const signIn = async (userId: string) =>
        (await t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { userId } })).cookies.find(
          (c) => c.name === 'guildhall_session',
        )?.value as string;
      const hugo = await signIn(HUGO);
      const guild = await t.app.inject({
        method: 'GET',
        url: `/api/v1/guilds/${DEMO_GUILD}`,
        cookies: { guildhall_session: hugo },
      });
      assert.deepEqual(guild.json().you, { admin: false, owner: false, capabilities: ['host'] });
      const other = await t.app.inject({
        method: 'GET',
        url: `/api/v1/guilds/${DEMO_GUILD_B}`,
        cookies: { guildhall_session: hugo },
      });
      assert.equal(other.statusCode, 404);
      const noah = await signIn(NOAH);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        cookies: { guildhall_session: noah },
      });
      assert.equal(me.json().guilds.length, 2);
    });

    it('documents the sign-in and sandbox routes in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      for (const path of [
        '/api/v1/auth/demo',
        '/api/v1/auth/sessions/{sessionId}',
        '/api/v1/sandbox/interactions',
      ])
        assert.ok(doc.paths[path], path);
      assert.equal(doc.paths['/interactions'], undefined, 'Discord’s endpoint is not part of the API');
    });

    it('refuses someone who is not a demo user', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/demo',
        payload: { userId: '123456789012345678' },
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'DEMO_USER_UNKNOWN');
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/demo',
        payload: { userId: 'ada' },
      });
      assert.equal(bad.statusCode, 400);
    });

    it('seeds a sandbox in which the bot may post in #game-night but not in #rules', async () => {
      const discord = t.runtime.discord.primary.discord;
      assert.equal(discord.kind, 'log');
      assert.equal(await discord.canPost(DEMO_CHANNELS.gameNight), true);
      assert.equal(await discord.canPost(DEMO_CHANNELS.rules), false);
      const sent = await discord.sendMessage(DEMO_CHANNELS.gameNight, { content: 'Game night on Friday!' });
      const [shown] =
        (await t.runtime.discord.sandbox?.messages({ channelId: DEMO_CHANNELS.gameNight })) ?? [];
      assert.equal(shown?.id, sent.id);
      assert.equal(shown?.content, 'Game night on Friday!');
    });

    it('lets the bot manage roles and open threads, as the games features need', async () => {
      const discord = t.runtime.discord.primary.discord;
      for (const guildId of [DEMO_GUILD, DEMO_GUILD_B]) {
        const role = await discord.createRole(guildId, { name: '🎲 Demo night', mentionable: true });
        await discord.addMemberRole(guildId, guildId === DEMO_GUILD ? HUGO : NOAH, role.id);
        await discord.deleteRole(guildId, role.id);
      }
      const posted = await discord.sendMessage(DEMO_CHANNELS.gameNight, { content: 'Thread here' });
      const thread = await discord.createThread(DEMO_CHANNELS.gameNight, {
        name: 'Demo night',
        messageId: posted.id,
      });
      await discord.addThreadMember(thread.id, HUGO);
      assert.equal(await discord.canPost(thread.id), true);
    });
  });

  for (const [what, env] of [
    ['bound to every interface', { HOST: '0.0.0.0' }],
    ['bound to a LAN address', { HOST: '192.168.1.20' }],
  ] as const) {
    it(`is refused when ${what}`, async () => {
      const t = await start(env);
      try {
        assert.equal(await t.runtime.core.seedDemo(), false);
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/demo',
          payload: { userId: ADA },
        });
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().code, 'DEMO_SIGN_IN_REFUSED');
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        assert.equal(res.cookies.length, 0);
        const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/demo' });
        assert.equal(list.statusCode, 403);
      } finally {
        await t.close();
      }
    });
  }
});
