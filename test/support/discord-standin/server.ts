import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommand, APIInteraction } from 'discord-api-types/v10';
import {
  channelPermissions,
  hasAll,
  PermissionBits,
  POST_PERMISSIONS,
} from '#platform/discord/permissions.ts';
import { NONCE_WINDOW_MS } from '#platform/discord/port.ts';
import { type Limit, RateLimits } from './ratelimit.ts';
import { nextId, type StandinUser, World } from './world.ts';

/**
 * A local stand-in for Discord's REST API and OAuth2, for tests: the routes Guildhall calls, with
 * payloads shaped like discord-api-types', Discord's JSON errors, and rate limits enforced with
 * real 429s and X-RateLimit-* headers. Every call is recorded in `calls`.
 */
export type StandinBot = { name: string; token: string; id: string; username?: string };

export type StandinOptions = {
  bots: StandinBot[];
  /** Per-route limit; by default 50 per second, and 5 per second for sending messages. */
  routeLimit?: (routeKey: string) => Limit;
  /** Global limit per token (Discord: 50 per second). */
  globalLimit?: Limit;
  oauth?: { clientId: string; clientSecret: string };
};

export type RecordedCall = {
  method: string;
  path: string;
  route: string;
  bot: string | null;
  body: unknown;
  status: number;
  at: number;
};

type Handler = (ctx: Ctx) => unknown | Promise<unknown>;
type Ctx = {
  method: string;
  params: Record<string, string>;
  body: Record<string, unknown>;
  form: URLSearchParams;
  query: URLSearchParams;
  bot: StandinBot | undefined;
  bearer: string | undefined;
  res: http.ServerResponse;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: number;
  constructor(status: number, code: number, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const E = {
  unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new ApiError(404, 10004, 'Unknown Guild'),
  unknownMember: () => new ApiError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
  unknownRole: () => new ApiError(404, 10011, 'Unknown Role'),
  unknownUser: () => new ApiError(404, 10013, 'Unknown User'),
  unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
  acknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
  cannotDm: () => new ApiError(403, 50007, 'Cannot send messages to this user'),
  missingPermissions: () => new ApiError(403, 50013, 'Missing Permissions'),
  invalidBody: () => new ApiError(400, 50035, 'Invalid Form Body'),
  archived: () => new ApiError(400, 50083, 'Thread is archived'),
  unauthorized: () => new ApiError(401, 0, '401: Unauthorized'),
};

type Interaction = {
  id: string;
  token: string;
  applicationId: string;
  channelId: string;
  guildId: string | null;
  userId: string;
  messageId: string | null;
  responded: boolean;
  original: string | undefined;
};

export class DiscordStandin {
  readonly world = new World();
  readonly calls: RecordedCall[] = [];
  readonly limits: RateLimits;
  readonly interactions = new Map<string, Interaction>();
  readonly oauthCodes = new Map<
    string,
    {
      userId: string;
      challenge: string;
      method: string;
      redirectUri: string;
      scope: string;
      clientId: string;
    }
  >();
  readonly accessTokens = new Map<string, { userId: string; scope: string }>();
  /** Who "signs in" at the next authorize call, and whether they consent. */
  oauthNext: { userId: string; consent: boolean } | undefined;
  readonly #bots: StandinBot[];
  readonly #routes: Array<{
    method: string;
    pattern: RegExp;
    keys: string[];
    route: string;
    handler: Handler;
  }> = [];
  readonly #options: StandinOptions;
  #server: http.Server | undefined;
  url = '';

  constructor(options: StandinOptions) {
    this.#options = options;
    this.#bots = options.bots;
    for (const bot of options.bots)
      this.world.addUser({ id: bot.id, username: bot.username ?? bot.name, bot: true, acceptsDms: false });
    this.limits = new RateLimits(
      options.routeLimit ??
        ((key) =>
          key.startsWith('POST /channels/:id/messages')
            ? { limit: 5, windowMs: 1000 }
            : { limit: 50, windowMs: 1000 }),
      options.globalLimit ?? { limit: 50, windowMs: 1000 },
    );
    this.#defineRoutes();
  }

  /** Base URL to give @discordjs/rest (`DISCORD_API_URL`). */
  get apiUrl() {
    return `${this.url}/api`;
  }

  async start(): Promise<this> {
    this.#server = http.createServer((req, res) => void this.#handle(req, res));
    this.#server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  callsTo(method: string, route: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.route === route);
  }

  /**
   * An interaction as Discord would POST it to Guildhall; its token is known here, so the
   * handler's follow-ups and edits of the original response work.
   */
  interaction(input: {
    bot: StandinBot;
    type: number;
    data?: Record<string, unknown>;
    guildId?: string | null;
    channelId: string;
    userId: string;
    locale?: string;
    message?: { id: string; components?: unknown[] };
  }): APIInteraction {
    const id = nextId();
    const token = `aW50ZXJhY3Rpb24${randomBytes(32).toString('base64url')}`;
    const guildId = input.guildId ?? null;
    this.interactions.set(token, {
      id,
      token,
      applicationId: input.bot.id,
      channelId: input.channelId,
      guildId,
      userId: input.userId,
      messageId: input.message?.id ?? null,
      responded: false,
      original: undefined,
    });
    const user = this.world.apiUser(input.userId);
    const member = guildId ? this.world.apiMember(guildId, input.userId) : undefined;
    const guild = guildId ? this.world.guilds.get(guildId) : undefined;
    const permissions =
      guild && member
        ? channelPermissions({
            guildId: guild.id,
            ownerId: guild.ownerId,
            roles: guild.roles,
            userId: input.userId,
            memberRoleIds: member.roles,
            overwrites: [],
          }).toString()
        : undefined;
    return {
      id,
      application_id: input.bot.id,
      type: input.type,
      token,
      version: 1,
      ...(input.data ? { data: input.data } : {}),
      ...(guildId
        ? {
            guild_id: guildId,
            guild: { id: guildId, locale: guild?.preferredLocale ?? 'en-US', features: [] },
          }
        : {}),
      channel_id: input.channelId,
      channel: { id: input.channelId, type: guildId ? 0 : 1 },
      ...(member ? { member: { ...member, permissions } } : { user }),
      locale: input.locale ?? 'en-US',
      ...(guildId ? { guild_locale: guild?.preferredLocale ?? 'en-US' } : {}),
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: {},
      context: guildId ? 0 : 1,
      attachment_size_limit: 10_485_760,
      ...(input.message
        ? { message: { id: input.message.id, components: input.message.components ?? [] } }
        : {}),
    } as unknown as APIInteraction;
  }

  // ---- routing -------------------------------------------------------------------------------

  #on(method: string, route: string, handler: Handler) {
    const keys: string[] = [];
    const pattern = new RegExp(
      `^${route
        .replace(/[.@]/g, (c) => `\\${c}`)
        .replace(/:(\w+)/g, (_, k) => {
          keys.push(k);
          return '([^/]+)';
        })}$`,
    );
    this.#routes.push({ method, pattern, keys, route, handler });
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://standin');
    let path = url.pathname.replace(/^\/api(\/v10)?/, '').replaceAll('%40', '@');
    if (url.pathname === '/oauth2/authorize') path = '/oauth2/authorize';
    const method = req.method ?? 'GET';
    const auth = req.headers.authorization ?? '';
    const bot = auth.startsWith('Bot ') ? this.#bots.find((b) => b.token === auth.slice(4)) : undefined;
    const bearer = auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const contentType = String(req.headers['content-type'] ?? '');
    let body: Record<string, unknown> = {};
    let form = new URLSearchParams();
    if (raw && contentType.includes('application/json')) body = JSON.parse(raw);
    if (raw && contentType.includes('application/x-www-form-urlencoded')) form = new URLSearchParams(raw);

    const call: RecordedCall = {
      method,
      path: url.pathname,
      route: '',
      bot: bot?.name ?? null,
      body:
        raw && contentType.includes('json') ? body : raw && form.size ? Object.fromEntries(form) : undefined,
      status: 0,
      at: Date.now(),
    };
    this.calls.push(call);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, {
        ...headers,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };

    for (const r of this.#routes) {
      if (r.method !== method) continue;
      const match = r.pattern.exec(path);
      if (!match) continue;
      call.route = r.route;
      const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(match[i + 1] ?? '')]));
      const isWebhook = r.route.startsWith('/webhooks') || r.route.startsWith('/interactions');
      const isOauth = r.route.startsWith('/oauth2') || bearer !== undefined;
      if (!isWebhook && !isOauth && !bot) return send(401, { message: '401: Unauthorized', code: 0 });
      let limitHeaders: Record<string, string> = {};
      if (!isOauth) {
        // Major parameters (channel, guild, webhook) split buckets, as on Discord.
        const major = params.channel ?? params.guild ?? params.app ?? params.id ?? '';
        const routeKey = `${method} ${r.route.replace(/:(channel|guild|app|message|user|role|emoji|token|id|thread)/g, ':id')}:${major}`;
        const identity = bot?.name ?? `webhook:${params.token ?? ''}`;
        const taken = this.limits.take(identity, routeKey, !isWebhook);
        if (!taken.ok)
          return send(
            429,
            {
              message: 'You are being rate limited.',
              retry_after: taken.retryAfterS,
              global: taken.global,
              code: 0,
            },
            taken.headers,
          );
        limitHeaders = taken.headers;
      }
      try {
        const result = await r.handler({
          method,
          params,
          body,
          form,
          query: url.searchParams,
          bot,
          bearer,
          res,
        });
        if (res.headersSent) {
          call.status = res.statusCode;
          return;
        }
        return send(result === undefined ? 204 : 200, result ?? undefined, limitHeaders);
      } catch (error) {
        if (error instanceof ApiError)
          return send(error.status, { message: error.message, code: error.code }, limitHeaders);
        if (error instanceof OAuthError)
          return send(error.status, { error: error.error, error_description: error.message });
        return send(500, { message: String(error), code: 0 });
      }
    }
    call.route = '(unknown)';
    send(404, { message: '404: Not Found', code: 0 });
  }

  // ---- helpers -------------------------------------------------------------------------------

  #requireBotInGuild(bot: StandinBot | undefined, guildId: string) {
    const guild = this.world.guilds.get(guildId);
    if (!guild) throw E.unknownGuild();
    if (!bot || !this.world.members.get(guildId)?.has(bot.id)) throw E.missingAccess();
    return guild;
  }

  #channel(id: string, bot: StandinBot | undefined) {
    const c = this.world.channels.get(id);
    if (!c) throw E.unknownChannel();
    if (c.guildId) this.#requireBotInGuild(bot, c.guildId);
    return c;
  }

  #canPost(bot: StandinBot, channelId: string) {
    const c = this.#channel(channelId, bot);
    if (!c.guildId) return c.recipientId !== undefined;
    const guild = this.world.guilds.get(c.guildId);
    const member = this.world.members.get(c.guildId)?.get(bot.id);
    if (!guild || !member) return false;
    const source = c.parentId ? (this.world.channels.get(c.parentId) ?? c) : c;
    const perms = channelPermissions({
      guildId: guild.id,
      ownerId: guild.ownerId,
      roles: guild.roles,
      userId: bot.id,
      memberRoleIds: member.roles,
      overwrites: source.permissionOverwrites ?? [],
    });
    return hasAll(perms, POST_PERMISSIONS);
  }

  #message(channelId: string, messageId: string) {
    const m = this.world.messages.get(messageId);
    if (!m || m.deleted || m.channel_id !== channelId) throw E.unknownMessage();
    return m;
  }

  #validate(body: Record<string, unknown>) {
    const content = body.content as string | undefined;
    const embeds = (body.embeds as unknown[] | undefined) ?? [];
    const components = (body.components as unknown[] | undefined) ?? [];
    if ((content?.length ?? 0) > 2000 || embeds.length > 10 || components.length > 5) throw E.invalidBody();
    if (!content && embeds.length === 0 && components.length === 0 && body.content !== undefined)
      throw E.invalidBody();
  }

  #interaction(appId: string, token: string) {
    const i = this.interactions.get(token);
    if (!i || i.applicationId !== appId) throw E.unknownWebhook();
    return i;
  }

  // ---- routes --------------------------------------------------------------------------------

  #defineRoutes() {
    const w = this.world;

    this.#on('GET', '/users/@me', ({ bot, bearer }) => {
      if (bot) return w.apiUser(bot.id);
      const session = bearer ? this.accessTokens.get(bearer) : undefined;
      if (!session) throw E.unauthorized();
      return { ...w.apiUser(session.userId), locale: 'en-US', mfa_enabled: false };
    });
    this.#on('GET', '/users/@me/guilds', ({ bearer, bot }) => {
      if (bot)
        return [...w.guilds.values()]
          .filter((g) => w.members.get(g.id)?.has(bot.id))
          .map((g) => ({
            id: g.id,
            name: g.name,
            icon: null,
            banner: null,
            owner: false,
            permissions: '0',
            features: [],
          }));
      const session = bearer ? this.accessTokens.get(bearer) : undefined;
      if (!session?.scope.split(' ').includes('guilds')) throw E.unauthorized();
      return [...w.guilds.values()]
        .filter((g) => w.members.get(g.id)?.has(session.userId))
        .map((g) => ({
          id: g.id,
          name: g.name,
          icon: null,
          banner: null,
          owner: g.ownerId === session.userId,
          permissions: '0',
          features: [],
        }));
    });

    // Messages.
    this.#on('POST', '/channels/:channel/messages', ({ params, body, bot }) => {
      const c = this.#channel(params.channel as string, bot);
      if (c.recipientId) {
        const user = w.users.get(c.recipientId);
        if (!user || user.acceptsDms === false || user.bot) throw E.cannotDm();
      } else {
        if (c.archived && c.locked) throw E.archived();
        if (!this.#canPost(bot as StandinBot, c.id)) throw E.missingPermissions();
      }
      this.#validate(body);
      const author = (bot as StandinBot).id;
      const nonce = body.nonce === undefined ? undefined : String(body.nonce);
      if (nonce !== undefined && nonce.length > 25) throw E.invalidBody();
      if (nonce !== undefined && body.enforce_nonce === true) {
        // Discord: the same author's message with this nonce from the past few minutes comes back
        // instead of a new one (whichever channel it went to).
        const key = `${author}:${nonce}`;
        const earlier = w.nonces.get(key);
        const m =
          earlier && Date.now() - earlier.at < NONCE_WINDOW_MS ? w.messages.get(earlier.id) : undefined;
        if (m) return m;
        const created = w.makeMessage(c.id, author, body, { nonce });
        w.nonces.set(key, { id: created.id, at: Date.now() });
        return created;
      }
      return w.makeMessage(c.id, author, body, nonce !== undefined ? { nonce } : {});
    });
    this.#on('GET', '/channels/:channel/messages/:message', ({ params, bot }) => {
      this.#channel(params.channel as string, bot);
      return this.#message(params.channel as string, params.message as string);
    });
    this.#on('PATCH', '/channels/:channel/messages/:message', ({ params, body, bot }) => {
      this.#channel(params.channel as string, bot);
      const m = this.#message(params.channel as string, params.message as string);
      this.#validate(body);
      Object.assign(m, pickMessage(body), { edited_timestamp: new Date().toISOString() });
      return m;
    });
    this.#on('DELETE', '/channels/:channel/messages/:message', ({ params, bot }) => {
      this.#channel(params.channel as string, bot);
      const m = this.#message(params.channel as string, params.message as string);
      m.deleted = true;
    });
    this.#on('POST', '/users/@me/channels', ({ body }) => {
      const userId = String(body.recipient_id ?? '');
      if (!w.users.has(userId)) throw E.unknownUser();
      const existing = [...w.channels.values()].find((c) => c.recipientId === userId);
      if (existing) return w.apiChannel(existing);
      const channel = { id: nextId(), guildId: null, name: null, type: 1, recipientId: userId };
      w.addChannel(channel);
      return w.apiChannel(channel);
    });

    // Reactions.
    this.#on('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', ({ params, bot }) => {
      this.#channel(params.channel as string, bot);
      const m = this.#message(params.channel as string, params.message as string);
      m.reactions ??= [];
      const reactions = m.reactions;
      if (!reactions.some((r) => r.emoji.name === params.emoji))
        reactions.push({
          emoji: { id: null, name: params.emoji as string },
          count: 1,
          me: true,
          count_details: { burst: 0, normal: 1 },
          burst_colors: [],
          me_burst: false,
        });
    });
    this.#on('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/@me', ({ params, bot }) => {
      this.#channel(params.channel as string, bot);
      const m = this.#message(params.channel as string, params.message as string);
      m.reactions = (m.reactions ?? []).filter((r) => r.emoji.name !== params.emoji);
    });

    // Threads.
    const createThread = (ctx: Ctx) => {
      const parent = this.#channel(ctx.params.channel as string, ctx.bot);
      if (!parent.guildId) throw E.missingAccess();
      if (ctx.params.message) this.#message(parent.id, ctx.params.message);
      const id = ctx.params.message ?? nextId();
      const thread = {
        id,
        guildId: parent.guildId,
        name: String(ctx.body.name ?? 'thread').slice(0, 100),
        type: ctx.params.message ? 11 : Number(ctx.body.type ?? 12),
        parentId: parent.id,
        memberIds: [(ctx.bot as StandinBot).id],
      };
      w.addChannel(thread);
      return w.apiChannel(thread);
    };
    this.#on('POST', '/channels/:channel/threads', createThread);
    this.#on('POST', '/channels/:channel/messages/:message/threads', createThread);
    this.#on('PUT', '/channels/:channel/thread-members/:user', ({ params, bot }) => {
      const t = this.#channel(params.channel as string, bot);
      if (!t.parentId) throw E.invalidBody();
      if (t.archived) throw E.archived();
      if (!w.members.get(t.guildId as string)?.has(params.user as string)) throw E.unknownMember();
      t.memberIds = [...new Set([...(t.memberIds ?? []), params.user as string])];
    });
    this.#on('DELETE', '/channels/:channel/thread-members/:user', ({ params, bot }) => {
      const t = this.#channel(params.channel as string, bot);
      if (!t.parentId) throw E.invalidBody();
      if (t.archived) throw E.archived();
      // As Discord: someone who is not in the thread is an Unknown Member.
      if (!(t.memberIds ?? []).includes(params.user as string)) throw E.unknownMember();
      t.memberIds = (t.memberIds ?? []).filter((id) => id !== params.user);
    });
    this.#on('GET', '/channels/:channel', ({ params, bot }) =>
      w.apiChannel(this.#channel(params.channel as string, bot)),
    );
    this.#on('PATCH', '/channels/:channel', ({ params, body, bot }) => {
      const t = this.#channel(params.channel as string, bot);
      if (body.archived !== undefined) t.archived = Boolean(body.archived);
      if (body.locked !== undefined) t.locked = Boolean(body.locked);
      return w.apiChannel(t);
    });

    // Guilds.
    this.#on('GET', '/guilds/:guild', ({ params, bot }) =>
      w.apiGuild(this.#requireBotInGuild(bot, params.guild as string)),
    );
    this.#on('GET', '/guilds/:guild/roles', ({ params, bot }) =>
      this.#requireBotInGuild(bot, params.guild as string).roles.map((r) => w.apiRole(r)),
    );
    this.#on('GET', '/guilds/:guild/channels', ({ params, bot }) => {
      this.#requireBotInGuild(bot, params.guild as string);
      return [...w.channels.values()]
        .filter((c) => c.guildId === params.guild && ![10, 11, 12].includes(c.type))
        .map((c) => w.apiChannel(c));
    });
    this.#on('GET', '/guilds/:guild/members/:user', ({ params, bot }) => {
      this.#requireBotInGuild(bot, params.guild as string);
      const m = w.apiMember(params.guild as string, params.user as string);
      if (!m) throw E.unknownMember();
      return m;
    });
    const requireManageRoles = (ctx: Ctx) => {
      const guild = this.#requireBotInGuild(ctx.bot, ctx.params.guild as string);
      const me = w.members.get(guild.id)?.get((ctx.bot as StandinBot).id);
      const perms = channelPermissions({
        guildId: guild.id,
        ownerId: guild.ownerId,
        roles: guild.roles,
        userId: (ctx.bot as StandinBot).id,
        memberRoleIds: me?.roles ?? [],
        overwrites: [],
      });
      if (!hasAll(perms, PermissionBits.MANAGE_ROLES)) throw E.missingPermissions();
      return guild;
    };
    this.#on('POST', '/guilds/:guild/roles', (ctx) => {
      const guild = requireManageRoles(ctx);
      const name = String(ctx.body.name ?? 'new role');
      if (name.length > 100) throw E.invalidBody();
      // A new role goes just above @everyone.
      for (const r of guild.roles) if (r.id !== guild.id) r.position = (r.position ?? 0) + 1;
      const role = {
        id: nextId(),
        name,
        permissions: String(ctx.body.permissions ?? '0'),
        position: 1,
      };
      guild.roles.push(role);
      return w.apiRole(role);
    });
    this.#on('DELETE', '/guilds/:guild/roles/:role', (ctx) => {
      const guild = requireManageRoles(ctx);
      const roleId = ctx.params.role as string;
      if (roleId === guild.id || !guild.roles.some((r) => r.id === roleId)) throw E.unknownRole();
      guild.roles = guild.roles.filter((r) => r.id !== roleId);
      for (const m of w.members.get(guild.id)?.values() ?? []) m.roles = m.roles.filter((r) => r !== roleId);
    });
    const roleChange = (add: boolean) => (ctx: Ctx) => {
      const guild = this.#requireBotInGuild(ctx.bot, ctx.params.guild as string);
      if (!guild.roles.some((r) => r.id === ctx.params.role)) throw E.unknownRole();
      const m = w.members.get(guild.id)?.get(ctx.params.user as string);
      if (!m) throw E.unknownMember();
      m.roles = add
        ? [...new Set([...m.roles, ctx.params.role as string])]
        : m.roles.filter((r) => r !== ctx.params.role);
    };
    this.#on('PUT', '/guilds/:guild/members/:user/roles/:role', roleChange(true));
    this.#on('DELETE', '/guilds/:guild/members/:user/roles/:role', roleChange(false));

    // Application commands (bulk overwrite keeps ids of commands whose name stays).
    const commandsKey = (app: string, guild?: string) => `${app}:${guild ?? 'global'}`;
    const getCommands = (ctx: Ctx) => {
      if (ctx.bot?.id !== ctx.params.app) throw E.missingAccess();
      return w.commands.get(commandsKey(ctx.params.app as string, ctx.params.guild)) ?? [];
    };
    const putCommands = (ctx: Ctx) => {
      if (ctx.bot?.id !== ctx.params.app) throw E.missingAccess();
      if (ctx.params.guild) this.#requireBotInGuild(ctx.bot, ctx.params.guild);
      const list = ctx.body as unknown as Array<Record<string, unknown>>;
      if (!Array.isArray(list) || list.length > 100) throw E.invalidBody();
      const key = commandsKey(ctx.params.app as string, ctx.params.guild);
      const before = new Map((w.commands.get(key) ?? []).map((c) => [c.name, c]));
      const after = list.map(
        (c) =>
          ({
            type: 1,
            description: '',
            ...c,
            id: before.get(String(c.name))?.id ?? nextId(),
            application_id: ctx.params.app,
            version: nextId(),
            ...(ctx.params.guild ? { guild_id: ctx.params.guild } : {}),
          }) as unknown as APIApplicationCommand,
      );
      w.commands.set(key, after);
      return after;
    };
    this.#on('GET', '/applications/:app/commands', getCommands);
    this.#on('PUT', '/applications/:app/commands', putCommands);
    this.#on('GET', '/applications/:app/guilds/:guild/commands', getCommands);
    this.#on('PUT', '/applications/:app/guilds/:guild/commands', putCommands);

    // Interaction responses (gateway interactions) and the interaction webhook.
    this.#on('POST', '/interactions/:id/:token/callback', ({ params, body }) => {
      const i = this.interactions.get(params.token as string);
      if (!i || i.id !== params.id) throw E.unknownInteraction();
      if (i.responded) throw E.acknowledged();
      i.responded = true;
      const data = (body.data ?? {}) as Record<string, unknown>;
      if (body.type === 4 || body.type === 5) {
        const m = w.makeMessage(
          i.channelId,
          i.applicationId,
          body.type === 4 ? data : { flags: Number(data.flags ?? 0) | 128 },
        );
        i.original = m.id;
      }
      if (body.type === 7 && i.messageId) {
        const m = w.messages.get(i.messageId);
        if (m) Object.assign(m, pickMessage(data), { edited_timestamp: new Date().toISOString() });
      }
    });
    const originalOf = (i: Interaction) => {
      // An HTTP interaction's first answer went back in Guildhall's HTTP response, which the
      // stand-in never sees: the original is then made on first use, as Discord holds it.
      i.responded = true;
      const existing = w.messages.get(i.original ?? '') ?? w.messages.get(i.messageId ?? '');
      if (existing) return existing;
      const m = w.makeMessage(i.channelId, i.applicationId, {});
      i.original = m.id;
      return m;
    };
    this.#on('PATCH', '/webhooks/:app/:token/messages/@original', ({ params, body }) => {
      const i = this.#interaction(params.app as string, params.token as string);
      const m = originalOf(i);
      if (m.deleted) throw E.unknownMessage();
      this.#validate(body);
      Object.assign(m, pickMessage(body), { edited_timestamp: new Date().toISOString() });
      m.flags = (m.flags ?? 0) & ~128;
      return m;
    });
    this.#on('DELETE', '/webhooks/:app/:token/messages/@original', ({ params }) => {
      const i = this.#interaction(params.app as string, params.token as string);
      const m = originalOf(i);
      if (m.deleted) throw E.unknownMessage();
      m.deleted = true;
    });
    this.#on('POST', '/webhooks/:app/:token', ({ params, body }) => {
      const i = this.#interaction(params.app as string, params.token as string);
      this.#validate(body);
      return w.makeMessage(i.channelId, i.applicationId, body, { webhook_id: i.applicationId });
    });

    // OAuth2.
    this.#on('GET', '/oauth2/authorize', ({ query, res }) => {
      const redirect = new URL(query.get('redirect_uri') ?? 'http://invalid/');
      const state = query.get('state');
      const next = this.oauthNext;
      if (!next?.consent) {
        redirect.searchParams.set('error', 'access_denied');
        redirect.searchParams.set(
          'error_description',
          'The resource owner or authorization server denied the request',
        );
      } else {
        if (query.get('response_type') !== 'code' || query.get('client_id') !== this.#options.oauth?.clientId)
          throw new OAuthError(400, 'invalid_request', 'bad authorize request');
        const code = randomBytes(15).toString('base64url');
        this.oauthCodes.set(code, {
          userId: next.userId,
          challenge: query.get('code_challenge') ?? '',
          method: query.get('code_challenge_method') ?? '',
          redirectUri: redirect.toString(),
          scope: query.get('scope') ?? '',
          clientId: query.get('client_id') ?? '',
        });
        redirect.searchParams.set('code', code);
      }
      if (state) redirect.searchParams.set('state', state);
      res.writeHead(302, { location: redirect.toString() });
      res.end();
    });
    this.#on('POST', '/oauth2/token', ({ form }) => {
      const clientId = form.get('client_id');
      const secret = form.get('client_secret');
      if (clientId !== this.#options.oauth?.clientId || secret !== this.#options.oauth?.clientSecret)
        throw new OAuthError(401, 'invalid_client', 'Invalid client');
      if (form.get('grant_type') !== 'authorization_code')
        throw new OAuthError(400, 'unsupported_grant_type', 'Unsupported grant type');
      const code = this.oauthCodes.get(form.get('code') ?? '');
      // A code is single use, whether the exchange succeeds or not.
      this.oauthCodes.delete(form.get('code') ?? '');
      if (!code) throw new OAuthError(400, 'invalid_grant', 'Invalid "code" in request.');
      if (form.get('redirect_uri') !== code.redirectUri)
        throw new OAuthError(400, 'invalid_grant', 'Invalid "redirect_uri" in request.');
      const verifier = form.get('code_verifier') ?? '';
      const expected = createHash('sha256').update(verifier).digest('base64url');
      if (code.method !== 'S256' || expected !== code.challenge)
        throw new OAuthError(400, 'invalid_grant', 'Invalid "code_verifier"');
      const token = randomBytes(20).toString('base64url');
      this.accessTokens.set(token, { userId: code.userId, scope: code.scope });
      return {
        access_token: token,
        token_type: 'Bearer',
        expires_in: 604800,
        refresh_token: randomBytes(20).toString('base64url'),
        scope: code.scope,
      };
    });
  }
}

export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;
  constructor(status: number, error: string, message: string) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

function pickMessage(body: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const key of ['content', 'embeds', 'components', 'flags'])
    if (body[key] !== undefined) out[key] = body[key];
  return out;
}

export async function startStandin(options: StandinOptions): Promise<DiscordStandin> {
  return new DiscordStandin(options).start();
}

export type { StandinUser };
