import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import { loadConfig } from '#platform/config/load.ts';
import { PermissionBits } from '#platform/discord/permissions.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { type DatabaseFactory, quietLog, type TestDatabase } from '#test/support/databases.ts';
import { ed25519Pair, signed, type TestKey } from '#test/support/discord-app.ts';
import { DiscordStandin, type StandinBot } from '#test/support/discord-standin/server.ts';
import type { StoredMessage } from '#test/support/discord-standin/world.ts';

/** People and places of the games guild, in the stand-in's Discord and in core's directory. */
export const G = '830000000000000001';
export const GAMES_CHANNEL = '830000000000000020';
export const BOT_ROLE = '830000000000000010';
export const HOST = '830000000000000030';
export const ADMIN_ROLE = '830000000000000011';
/** Players p1…p6; p3 reads German. */
export const P = Array.from({ length: 6 }, (_, i) => String(830000000000000041n + BigInt(i)));
export const p = (n: number) => P[n - 1] as string;

export type Interacted = { statusCode: number; body: Record<string, unknown> };

export type GamesDiscordWorld = {
  readonly app: HttpApp;
  readonly runtime: Runtime;
  readonly standin: DiscordStandin;
  readonly database: TestDatabase;
  readonly bot: StandinBot & { key: TestKey };
  /** A signed interaction from `userId` in the games channel; the HTTP answer's JSON. */
  interact(
    userId: string,
    type: number,
    data: Record<string, unknown>,
    message?: { id: string },
  ): Promise<Interacted>;
  command(
    userId: string,
    sub: string,
    options?: Array<{ name: string; type: number; value: unknown }>,
  ): Promise<Interacted>;
  submitModal(userId: string, customId: string, fields: Record<string, string>): Promise<Interacted>;
  press(userId: string, customId: string, messageId: string): Promise<Interacted>;
  /** The bot's live messages in a channel, oldest first. */
  channelMessages(channelId?: string): StoredMessage[];
  /** DMs the bot sent to `userId`, oldest first. */
  dms(userId: string): StoredMessage[];
  /** An API bearer header for `userId`. */
  bearer(userId: string): Promise<string>;
  api(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    userId: string,
    body?: unknown,
  ): Promise<Interacted>;
  close(): Promise<void>;
};

export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  // Generous: on a loaded machine (CI with everything running) a consumer may take seconds.
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const embedOf = (m: APIMessage | StoredMessage | undefined): APIEmbed | undefined => m?.embeds?.[0];
export const fieldOf = (m: APIMessage | StoredMessage | undefined, prefix: string) =>
  embedOf(m)?.fields?.find((f) => f.name.startsWith(prefix))?.value;
export const buttonIds = (m: APIMessage | StoredMessage | undefined): string[] =>
  ((m?.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>).flatMap((row) =>
    (row.components ?? []).map((c) => c.custom_id ?? ''),
  );

/**
 * The whole application (API, interactions, the worker's relay and consumers on the embedded
 * bus) against the Discord stand-in, with a guild whose games channel the bot may post in.
 */
export async function startGamesDiscord(
  databases: DatabaseFactory,
  options: { config?: Record<string, unknown>; allConsumers?: boolean } = {},
): Promise<GamesDiscordWorld> {
  const bot = {
    name: 'default',
    id: '830000000000000099',
    token: 'token-games-default',
    username: 'Guildhall',
    key: ed25519Pair(),
  };
  const standin = await new DiscordStandin({
    bots: [bot],
    routeLimit: () => ({ limit: 1000, windowMs: 1000 }),
    globalLimit: { limit: 1000, windowMs: 1000 },
  }).start();
  const w = standin.world;
  const everyone = (
    PermissionBits.VIEW_CHANNEL |
    PermissionBits.SEND_MESSAGES |
    PermissionBits.SEND_MESSAGES_IN_THREADS |
    PermissionBits.EMBED_LINKS
  ).toString();
  w.addGuild({
    id: G,
    name: 'Games guild',
    ownerId: HOST,
    roles: [
      { id: G, name: '@everyone', permissions: everyone },
      {
        id: BOT_ROLE,
        name: 'Guildhall',
        permissions: (PermissionBits.EMBED_LINKS | PermissionBits.MANAGE_ROLES).toString(),
        position: 5,
      },
      { id: ADMIN_ROLE, name: 'Admins', permissions: PermissionBits.MANAGE_GUILD.toString(), position: 4 },
    ],
  });
  w.addChannel({ id: GAMES_CHANNEL, guildId: G, name: 'games', type: 0, permissionOverwrites: [] });
  w.addMember(G, bot.id, [BOT_ROLE]);
  w.addUser({ id: HOST, username: 'hosta' }).addMember(G, HOST);
  for (const [i, id] of P.entries()) w.addUser({ id, username: `player${i + 1}` }).addMember(G, id);

  const database = await databases.create();
  const config = loadConfig(
    {
      HOST: '127.0.0.1',
      DISCORD_API_URL: standin.apiUrl,
      DISCORD_BOTS: JSON.stringify([
        { name: bot.name, token: bot.token, applicationId: bot.id, publicKey: bot.key.publicKeyHex },
      ]),
    },
    { envFile: false },
  );
  const runtime = await compose(config, 'test', {
    db: database.db,
    log: quietLog,
    // Tests are not about Discord's 3-second clock: on a loaded machine a deferral would change
    // what the HTTP answer is (type 5 instead of 4).
    deferAfterMs: 60_000,
    globalRequestsPerSecond: 1000,
    bus: { pollIntervalMs: 50 },
  });
  const app = await buildApi(runtime);
  await app.ready();

  const dir = runtime.core.directory;
  await dir.upsertUser({ id: HOST, username: 'hosta' });
  for (const [i, id] of P.entries())
    await dir.upsertUser({ id, username: `player${i + 1}`, ...(i === 2 ? { locale: 'de' } : {}) });
  await dir.syncGuild(
    { id: G, name: 'Games guild', ownerId: HOST },
    [
      { id: G, name: '@everyone', permissions: 0n },
      { id: ADMIN_ROLE, name: 'Admins', permissions: PermissionBits.MANAGE_GUILD },
    ],
    [{ userId: HOST, roleIds: [] }, ...P.map((userId) => ({ userId, roleIds: [] }))],
  );

  const bearers = new Map<string, string>();
  const bearer = async (userId: string) => {
    let b = bearers.get(userId);
    if (!b) {
      const { token } = await runtime.core.tokens.create({
        userId,
        name: 'games discord test',
        scopes: ['games:read', 'games:write'],
        guildId: undefined,
        expiresAt: undefined,
      });
      b = `Bearer ${token}`;
      bearers.set(userId, b);
    }
    return b;
  };
  const api: GamesDiscordWorld['api'] = async (method, url, userId, body) => {
    const res = await app.inject({
      method,
      url,
      headers: {
        authorization: await bearer(userId),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    return { statusCode: res.statusCode, body: res.body ? (res.json() as Record<string, unknown>) : {} };
  };

  const configured = await api('PUT', `/api/v1/guilds/${G}/games/config`, HOST, {
    announcementChannelIds: [GAMES_CHANNEL],
    ...options.config,
  });
  if (configured.statusCode >= 300) {
    await app.close();
    await runtime.close();
    await standin.stop();
    await database.dispose();
    throw new Error(`games config: ${configured.statusCode} ${JSON.stringify(configured.body)}`);
  }

  const relay = await runtime.bus.startRelay();
  // The Discord side's consumers alone, or with the core's (reminder fan-out, status transitions).
  const consumers = await runtime.bus.startConsumers((s) =>
    options.allConsumers ? s.name.includes('.games.') : s.name.startsWith('discord.games.'),
  );

  const interact: GamesDiscordWorld['interact'] = async (userId, type, data, message) => {
    const payload = standin.interaction({
      bot,
      type,
      data,
      guildId: G,
      channelId: GAMES_CHANNEL,
      userId,
      locale: userId === p(3) ? 'de' : 'en-US',
      ...(message ? { message } : {}),
    });
    const body = JSON.stringify(payload);
    const res = await app.inject({
      method: 'POST',
      url: `/interactions/${bot.name}`,
      headers: signed(bot.key, body),
      payload: body,
    });
    return { statusCode: res.statusCode, body: res.json() as Record<string, unknown> };
  };

  return {
    app,
    runtime,
    standin,
    database,
    bot,
    interact,
    command: (userId, sub, options = []) => {
      // "reminders off": a subcommand inside a group, nested as Discord sends it.
      const [first, second] = sub.split(' ');
      const leaf = { type: 1, name: second ?? first, options };
      return interact(userId, 2, {
        id: '1',
        name: 'game',
        type: 1,
        options: [second ? { type: 2, name: first, options: [leaf] } : leaf],
      });
    },
    submitModal: (userId, customId, fields) =>
      interact(userId, 5, {
        custom_id: customId,
        components: Object.entries(fields).map(([id, value]) => ({
          type: 1,
          components: [{ type: 4, custom_id: id, value }],
        })),
      }),
    press: (userId, customId, messageId) =>
      interact(userId, 3, { custom_id: customId, component_type: 2 }, { id: messageId }),
    channelMessages: (channelId = GAMES_CHANNEL) =>
      [...w.messages.values()]
        .filter((m) => m.channel_id === channelId && !m.deleted && m.author.id === bot.id)
        .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)),
    dms(userId) {
      const channel = [...w.channels.values()].find((c) => c.recipientId === userId);
      if (!channel) return [];
      return [...w.messages.values()]
        .filter((m) => m.channel_id === channel.id)
        .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    },
    bearer,
    api,
    async close() {
      await consumers.stop();
      await relay.stop();
      await app.close();
      await runtime.close();
      await standin.stop();
      await database.dispose();
    },
  };
}
