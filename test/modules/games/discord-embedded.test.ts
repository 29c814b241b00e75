import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { APIEmbed } from 'discord-api-types/v10';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import { loadConfig } from '#platform/config/load.ts';
import { run } from '#platform/db/statement.ts';
import { PermissionBits } from '#platform/discord/permissions.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { pgliteFactory, quietLog, type TestDatabase } from '#test/support/databases.ts';
import { until } from './discord-harness.ts';

const G = '850000000000000001';
const CHANNEL = '850000000000000020';
const HOST = '850000000000000030';
const PLAYER = '850000000000000041';

type Row = { id: string; kind: string; recipient_id: string | null; embeds: APIEmbed[]; content: string };

/**
 * The quick start: no bot token (the sandbox stands in for Discord) and PGlite (one connection).
 * The consumers hold a transaction while they "talk to Discord"; nothing may wait for another.
 */
describe('games on the embedded sandbox over PGlite', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let app: HttpApp;
  let stop: Array<{ stop(): Promise<void> }> = [];
  let bearer = '';
  before(async () => {
    database = await pgliteFactory.create();
    const config = loadConfig({ GUILDHALL_DATA_DIR: database.dataDir ?? '/tmp/unused' }, { envFile: false });
    runtime = await compose(config, 'test', { db: database.db, log: quietLog, bus: { pollIntervalMs: 50 } });
    app = await buildApi(runtime);
    await app.ready();
    const sandbox = runtime.discord.sandbox;
    const botId = runtime.discord.sandboxBotUserId;
    assert.ok(sandbox && botId, 'embedded mode');
    await sandbox.upsertUser({ id: botId, username: 'Guildhall', bot: true });
    await sandbox.upsertUser({ id: HOST, username: 'host' });
    await sandbox.upsertUser({ id: PLAYER, username: 'player' });
    const everyone = PermissionBits.VIEW_CHANNEL | PermissionBits.SEND_MESSAGES | PermissionBits.EMBED_LINKS;
    await sandbox.upsertGuild({
      id: G,
      name: 'Sandbox guild',
      ownerId: HOST,
      roles: [{ id: G, name: '@everyone', permissions: everyone.toString() }],
    });
    await sandbox.upsertChannel({ id: CHANNEL, guildId: G, name: 'games' });
    for (const id of [botId, HOST, PLAYER]) await sandbox.upsertMember(G, id, []);
    const dir = runtime.core.directory;
    await dir.upsertUser({ id: HOST, username: 'host' });
    await dir.upsertUser({ id: PLAYER, username: 'player' });
    await dir.syncGuild(
      { id: G, name: 'Sandbox guild', ownerId: HOST },
      [{ id: G, name: '@everyone', permissions: 0n }],
      [
        { userId: HOST, roleIds: [] },
        { userId: PLAYER, roleIds: [] },
      ],
    );
    const token = await runtime.core.tokens.create({
      userId: HOST,
      name: 't',
      scopes: ['games:read', 'games:write'],
      guildId: undefined,
      expiresAt: undefined,
    });
    bearer = `Bearer ${token.token}`;
    stop = [
      await runtime.bus.startRelay(),
      await runtime.bus.startConsumers((s) => s.name.includes('.games.')),
    ];
  });
  after(async () => {
    for (const s of stop) await s.stop();
    await app?.close();
    await runtime?.close();
    await database?.dispose();
  });

  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    as = bearer,
  ) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: as, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : {} };
  };
  const messages = () =>
    runtime.db.withSystem((tx) =>
      run<Row>(
        tx,
        `select id::text, kind, recipient_id::text, embeds, content from discord.sandbox_messages
          where deleted_at is null order by id`,
      ),
    );

  it('posts, edits and cancels through the sandbox without a transaction waiting on another', async () => {
    assert.equal(
      (await call('PUT', `/api/v1/guilds/${G}/games/config`, { announcementChannelIds: [CHANNEL] })).status,
      200,
    );
    const created = await call('POST', `/api/v1/guilds/${G}/games`, {
      title: 'Sandbox raid',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      maxPlayers: 3,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const gameId = created.body.id as string;
    const posted = await until('the announcement in the sandbox', async () =>
      (await messages()).find((m) => m.kind === 'message' && m.embeds[0]?.title === 'Sandbox raid'),
    );

    const playerToken = await runtime.core.tokens.create({
      userId: PLAYER,
      name: 't',
      scopes: ['games:read', 'games:write'],
      guildId: undefined,
      expiresAt: undefined,
    });
    const joined = await call(
      'POST',
      `/api/v1/guilds/${G}/games/${gameId}/join`,
      undefined,
      `Bearer ${playerToken.token}`,
    );
    assert.ok(joined.status < 300, JSON.stringify(joined.body));
    await until('the edit', async () => {
      const m = (await messages()).find((x) => x.id === posted.id);
      return m?.embeds[0]?.fields?.some((f) => f.value.includes(PLAYER));
    });

    assert.ok((await call('DELETE', `/api/v1/guilds/${G}/games/${gameId}`)).status < 300);
    const dm = await until('the cancellation DM', async () =>
      (await messages()).find((m) => m.kind === 'dm' && m.recipient_id === PLAYER),
    );
    assert.match(dm.content, /Sandbox raid/);
    const marked = (await messages()).find((x) => x.id === posted.id);
    assert.match(marked?.embeds[0]?.title ?? '', /^❌/);
  });
});
