import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { sql } from 'drizzle-orm';
import { directorySink } from '#components/bot.ts';
import { rows } from '#platform/db/database.ts';
import { createGatewayHandlers, type GatewayHandlers } from '#platform/discord/gateway.ts';
import type { Bot } from '#platform/discord/identities.ts';
import { waitFor } from '../../contracts/database.ts';
import { quietLog } from '../../support/databases.ts';
import { type DiscordApp, startDiscordApp } from '../../support/discord-app.ts';
import { testModule } from '../../support/discord-test-module.ts';

const G = '910000000000000001';
const CHANNEL = '910000000000000002';
const OWNER = '910000000000000101';
const ANNA = '910000000000000102';
const ROLE = '910000000000000201';

const user = (id: string, username: string) => ({
  id,
  username,
  global_name: null,
  avatar: null,
  discriminator: '0',
});
const apiRole = (id: string, name: string, permissions = '0') => ({
  id,
  name,
  permissions,
  position: 0,
  color: 0,
  hoist: false,
  managed: false,
  mentionable: false,
  icon: null,
  unicode_emoji: null,
  flags: 0,
});
const apiMember = (id: string, username: string, roles: string[]) => ({
  user: user(id, username),
  nick: null,
  roles,
  joined_at: '2025-01-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
});

/**
 * The gateway handlers fed with the raw dispatch payloads discord.js's WebSocketManager emits
 * (`client.ws.on('GUILD_CREATE', data)`), shaped as discord-api-types describes them. No fake
 * Gateway WebSocket: the connection itself is discord.js's.
 */
describe('gateway events', () => {
  let t: DiscordApp;
  let bot: Bot;
  let handlers: GatewayHandlers;
  before(async () => {
    t = await startDiscordApp({
      bots: [{ name: 'default', id: '920000000000000001' }],
      modules: [testModule()],
    });
    bot = t.runtime.discord.primary;
    handlers = createGatewayHandlers({
      sink: directorySink(t.runtime.core.directory),
      cache: t.runtime.cache,
      log: quietLog,
    });
    const w = t.standin.world;
    w.addUser({ id: OWNER, username: 'owner' }).addUser({ id: ANNA, username: 'anna' });
    w.addGuild({
      id: G,
      name: 'Gateway Guild',
      ownerId: OWNER,
      roles: [
        { id: G, name: '@everyone', permissions: '0' },
        { id: ROLE, name: 'Host', permissions: '0' },
      ],
    });
    w.addChannel({ id: CHANNEL, guildId: G, name: 'general', type: 0 });
    w.addMember(G, '920000000000000001').addMember(G, OWNER).addMember(G, ANNA);
  });
  after(async () => t?.close());

  const memberRow = async (userId: string) =>
    (
      await t.runtime.db.withSystem((tx) =>
        rows<{ role_ids: string[] | string }>(
          tx,
          sql`select role_ids from core.guild_members where guild_id = ${G} and user_id = ${userId}`,
        ),
      )
    )[0];

  it('stores a guild, its roles and members from GUILD_CREATE', async () => {
    await handlers.handle(bot, 'GUILD_CREATE', {
      id: G,
      name: 'Gateway Guild',
      icon: null,
      owner_id: OWNER,
      roles: [apiRole(G, '@everyone'), apiRole(ROLE, 'Host')],
      members: [apiMember(OWNER, 'owner', []), apiMember(ANNA, 'anna', [])],
      unavailable: false,
    });
    const guild = await t.runtime.core.directory.getGuild(G);
    assert.equal(guild?.name, 'Gateway Guild');
    assert.equal(guild?.memberCount, 2);
    assert.deepEqual(
      (await t.runtime.core.directory.guildsOf(ANNA)).map((g) => g.id),
      [G],
    );
  });

  it('keeps members current and invalidates the cached look-up on GUILD_MEMBER_UPDATE', async () => {
    assert.deepEqual((await bot.discord.getMember(G, ANNA))?.roleIds, []);
    t.standin.world.addMember(G, ANNA, [ROLE]);
    assert.deepEqual((await bot.discord.getMember(G, ANNA))?.roleIds, [], 'still cached');
    const lookups = t.standin.callsTo('GET', '/guilds/:guild/members/:user').length;
    await handlers.handle(bot, 'GUILD_MEMBER_UPDATE', { guild_id: G, ...apiMember(ANNA, 'anna', [ROLE]) });
    assert.deepEqual((await bot.discord.getMember(G, ANNA))?.roleIds, [ROLE], 'fresh after the event');
    assert.equal(t.standin.callsTo('GET', '/guilds/:guild/members/:user').length, lookups + 1);
    const row = await memberRow(ANNA);
    assert.deepEqual(Array.isArray(row?.role_ids) ? row.role_ids.map(String) : row?.role_ids, [ROLE]);
  });

  it('updates and deletes roles, and invalidates the guild’s cached roles', async () => {
    assert.equal((await bot.discord.getRoles(G)).find((r) => r.id === ROLE)?.name, 'Host');
    const host = t.standin.world.guilds.get(G)?.roles.find((r) => r.id === ROLE);
    if (host) host.name = 'Game host';
    await handlers.handle(bot, 'GUILD_ROLE_UPDATE', { guild_id: G, role: apiRole(ROLE, 'Game host') });
    assert.equal((await bot.discord.getRoles(G)).find((r) => r.id === ROLE)?.name, 'Game host');
    await handlers.handle(bot, 'GUILD_ROLE_DELETE', { guild_id: G, role_id: ROLE });
    const row = await memberRow(ANNA);
    assert.deepEqual(
      Array.isArray(row?.role_ids) ? row.role_ids : row?.role_ids === '{}' ? [] : row?.role_ids,
      [],
    );
  });

  it('stores a member chunk of 1,000 in one go, and removes members who leave', async () => {
    const members = Array.from({ length: 1000 }, (_, i) =>
      apiMember(`9300000000000${String(i).padStart(5, '0')}`, `m${i}`, []),
    );
    await handlers.handle(bot, 'GUILD_MEMBERS_CHUNK', {
      guild_id: G,
      members,
      chunk_index: 0,
      chunk_count: 1,
    });
    assert.equal((await t.runtime.core.directory.getGuild(G))?.memberCount, 1002);
    await handlers.handle(bot, 'GUILD_MEMBER_REMOVE', { guild_id: G, user: user(ANNA, 'anna') });
    assert.equal(await memberRow(ANNA), undefined);
  });

  it('hides a guild the bot left, but not one that is only unavailable', async () => {
    await handlers.handle(bot, 'GUILD_DELETE', { id: G, unavailable: true });
    assert.ok(await t.runtime.core.directory.getGuild(G));
    await handlers.handle(bot, 'GUILD_DELETE', { id: G });
    assert.equal(await t.runtime.core.directory.getGuild(G), undefined);
  });

  it('connects with discord.js through DISCORD_API_URL and the identity’s token', async () => {
    const { connectGateway } = await import('#platform/discord/gateway.ts');
    // The stand-in has no Gateway: discord.js asks it for one (GET /gateway/bot) and gives up.
    await assert.rejects(
      connectGateway({ bot, handlers, apiUrl: t.standin.apiUrl, memberIntent: true, log: quietLog }),
    );
    const asked = t.standin.calls.filter((c) => c.path.endsWith('/gateway/bot'));
    assert.equal(asked[0]?.bot, 'default', 'with the bot token, at the configured API');
  });

  it('serves interactions with the same handlers, answering through the callback endpoint', async () => {
    const interaction = t.standin.interaction({
      bot: t.bots[0] as DiscordApp['bots'][number],
      type: InteractionType.ApplicationCommand,
      guildId: G,
      channelId: CHANNEL,
      userId: OWNER,
      locale: 'en-US',
      data: { id: '1', name: 'echo', type: 1, options: [{ name: 'text', type: 3, value: 'via gateway' }] },
    });
    await handlers.handle(bot, 'INTERACTION_CREATE', interaction);
    const [callback] = t.standin.callsTo('POST', '/interactions/:id/:token/callback');
    assert.equal(callback?.status, 204);
    const body = callback?.body as { type: number; data: { content: string } };
    assert.equal(body.type, InteractionResponseType.ChannelMessageWithSource);
    assert.equal(body.data.content, 'You said: via gateway');

    const slow = t.standin.interaction({
      bot: t.bots[0] as DiscordApp['bots'][number],
      type: InteractionType.ApplicationCommand,
      guildId: G,
      channelId: CHANNEL,
      userId: OWNER,
      data: { id: '1', name: 'slow', type: 1 },
    });
    await handlers.handle(bot, 'INTERACTION_CREATE', slow);
    await waitFor(() => t.standin.callsTo('PATCH', '/webhooks/:app/:token/messages/@original').length > 0);
    const deferred = t.standin.callsTo('POST', '/interactions/:id/:token/callback')[1]?.body as {
      type: number;
    };
    assert.equal(deferred.type, InteractionResponseType.DeferredChannelMessageWithSource);
  });
});
