import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ComponentType } from 'discord-api-types/v10';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import { DEMO_CHANNELS, DEMO_GUILD_B, DEMO_USERS } from '#modules/core/demo.ts';
import { loadConfig } from '#platform/config/load.ts';
import { encodeCustomId } from '#platform/discord/commands/custom-id.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { pgliteFactory, quietLog, type TestDatabase } from '../../support/databases.ts';
import { testModule } from '../../support/discord-test-module.ts';

const [ADA, HUGO, MIA] = DEMO_USERS.map((u) => u.id) as [string, string, string];

describe('the Discord sandbox (no bot token, demo on loopback)', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let app: HttpApp;
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  before(async () => {
    database = await pgliteFactory.create();
    runtime = await compose(loadConfig({ HOST: '127.0.0.1' }, { envFile: false }), 'test', {
      db: database.db,
      log: quietLog,
      extraModules: [testModule()],
      deferAfterMs: 1000,
    });
    await runtime.core.seedDemo();
    app = await buildApi(runtime);
    for (const id of [ADA, HUGO, MIA]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { userId: id } });
      sessions.set(id, {
        cookie: res.cookies.find((c) => c.name === 'guildhall_session')?.value as string,
        csrf: res.json().csrfToken,
      });
    }
  });
  after(async () => {
    await app?.close();
    await runtime?.close();
    await database?.dispose();
  });

  const as = (userId: string) => {
    const s = sessions.get(userId) as { cookie: string; csrf: string };
    return { cookies: { guildhall_session: s.cookie }, headers: { 'x-csrf-token': s.csrf } };
  };
  const press = (userId: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/sandbox/interactions', payload, ...as(userId) });

  it('lets a demo member press a button on a bot message, editing it like Discord would', async () => {
    const customId = encodeCustomId({ module: 'testmod', id: 'ping', version: 1, state: ['friday'] });
    const sent = await runtime.discord.forModule('testmod').discord.sendMessage(DEMO_CHANNELS.gameNight, {
      content: 'Game night',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: 1, label: 'Join', custom_id: customId }],
        },
      ],
    });
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/sandbox/messages?channelId=${DEMO_CHANNELS.gameNight}`,
      ...as(HUGO),
    });
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().messages[0].id, sent.id);

    const res = await press(HUGO, { type: 'component', messageId: sent.id, customId });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().response.type, 7);
    const after = await runtime.discord.sandbox?.message(sent.id);
    assert.equal(after?.content, 'pong friday');
    assert.ok(after?.editedAt);
  });

  it('runs a command and a form as the member; ephemeral answers are theirs alone', async () => {
    const cmd = await press(HUGO, {
      type: 'command',
      channelId: DEMO_CHANNELS.gameNight,
      name: 'form',
      locale: 'de',
    });
    assert.equal(cmd.json().response.type, 9);
    const modal = cmd.json().response.data as { custom_id: string };
    const submit = await press(HUGO, {
      type: 'modal',
      channelId: DEMO_CHANNELS.gameNight,
      customId: modal.custom_id,
      fields: { comment: 'lovely' },
    });
    assert.equal(submit.json().response.type, 4);
    const mine = await app.inject({
      method: 'GET',
      url: `/api/v1/sandbox/messages?channelId=${DEMO_CHANNELS.gameNight}`,
      ...as(HUGO),
    });
    assert.equal(mine.json().messages[0].content, `Thanks, ${HUGO}: lovely`);
    assert.equal(mine.json().messages[0].flags & 64, 64);
    const theirs = await app.inject({
      method: 'GET',
      url: `/api/v1/sandbox/messages?channelId=${DEMO_CHANNELS.gameNight}`,
      ...as(ADA),
    });
    assert.ok(!theirs.json().messages.some((m: { content: string }) => m.content.includes('lovely')));
  });

  it('follows a slow handler up in the sandbox too', async () => {
    const res = await press(ADA, { type: 'command', channelId: DEMO_CHANNELS.general, name: 'slow' });
    assert.equal(res.json().response.type, 5);
    const deadline = Date.now() + 5000;
    let content = '';
    while (Date.now() < deadline && !content.startsWith('slow done')) {
      await new Promise((r) => setTimeout(r, 50));
      const list = await app.inject({
        method: 'GET',
        url: `/api/v1/sandbox/messages?channelId=${DEMO_CHANNELS.general}`,
        ...as(ADA),
      });
      content = list.json().messages[0]?.content ?? '';
    }
    assert.equal(content, `slow done for ${ADA}`);
  });

  it('keeps members out of guilds and DMs that are not theirs, and wants the CSRF token', async () => {
    const raid = await app.inject({
      method: 'GET',
      url: `/api/v1/sandbox/messages?guildId=${DEMO_GUILD_B}`,
      ...as(HUGO),
    });
    assert.equal(raid.statusCode, 404);
    const dm = await runtime.discord.primary.discord.sendDm(HUGO, {
      content: 'Reminder',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              style: 1,
              label: 'Ok',
              custom_id: encodeCustomId({ module: 'testmod', id: 'ping', version: 1, state: ['dm'] }),
            },
          ],
        },
      ],
    });
    const notMine = await press(MIA, {
      type: 'component',
      messageId: dm.id,
      customId: 'testmod:ping:v1:-:dm',
    });
    assert.equal(notMine.statusCode, 404);
    const wrongButton = await press(HUGO, {
      type: 'component',
      messageId: dm.id,
      customId: 'testmod:ping:v1:-:other',
    });
    assert.equal(wrongButton.statusCode, 422);
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/sandbox/interactions',
      payload: { type: 'component', messageId: dm.id, customId: 'testmod:ping:v1:-:dm' },
      cookies: as(HUGO).cookies,
    });
    assert.equal(noCsrf.statusCode, 403);
    const ok = await press(HUGO, { type: 'component', messageId: dm.id, customId: 'testmod:ping:v1:-:dm' });
    assert.equal(ok.json().response.type, 7);
  });
});
