import type { FastifyRequest } from 'fastify';
import { createHintedMemo } from '#platform/cache/hinted-memo.ts';
import type { Database } from '#platform/db/database.ts';
import { isDiscordError } from '#platform/discord/errors.ts';
import type { DiscordBots } from '#platform/discord/identities.ts';
import { createOAuthClient, type OAuthConfig } from '#platform/discord/oauth.ts';
import type { Authenticator } from '#platform/http/auth.ts';
import type { HttpApp } from '#platform/http/types.ts';
import type { I18n } from '#platform/i18n/i18n.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { Module } from '#platform/module.ts';
import {
  ACCESS_CHANNEL,
  createAccessPolicy,
  type DiscordMembershipSource,
  discordAuthorizer,
  type Membership,
} from './access.ts';
import { authRoutes, sessionAuthenticator } from './auth.ts';
import { seedDemo } from './demo.ts';
import { demoDiscord } from './demo-discord.ts';
import { createDirectory } from './directory.ts';
import { type ChannelSource, coreRoutes } from './routes.ts';
import { createSessionService, type SessionRecord } from './sessions.ts';
import { createSettingsService, type GuildSettings } from './settings.ts';
import { createTokenService, type TokenRecord } from './tokens.ts';

/** The NOTIFY channel of core's triggers on api_tokens and sessions (payload: hex hash). */
export const CREDENTIALS_CHANNEL = 'guildhall_credentials';

export const CORE_SCOPES = {
  'guilds:read': 'Read guilds the token owner belongs to and their settings',
  'guilds:write': 'Change guild settings (the owner must be a guild admin)',
  admin: 'Operate this Guildhall instance (dead letters, jobs)',
} as const;

export type CoreDeps = {
  readonly db: Database;
  /** Every module's scopes, known once the composition is complete. */
  readonly scopes: () => ReadonlySet<string>;
  readonly moduleNames: () => readonly string[];
  readonly log: Logger;
  readonly i18n: I18n;
  readonly bots: DiscordBots;
  /** How long verified credentials and memberships are reused in process (ms; 0: never). */
  readonly accessCacheTtlMs: number;
  readonly auth: {
    readonly publicUrl: string;
    /** The HTTP server is bound to loopback only. */
    readonly loopback: boolean;
    readonly sessions: { readonly ttlMs: number; readonly maxAgeMs: number };
    /** Discord OAuth2 (DISCORD_CLIENT_ID / DISCORD_CLIENT_SECRET), if configured. */
    readonly oauth: Omit<OAuthConfig, 'redirectUri'> | undefined;
  };
};

/** The OAuth2 redirect URL to register in the Developer Portal. */
export const oauthRedirectUri = (publicUrl: string) => `${publicUrl}/api/v1/auth/discord/callback`;

/**
 * Core: guilds, users, memberships, settings, API tokens, sessions and sign-in, the permission
 * policy and the audit log.
 */
export function coreModule(deps: CoreDeps) {
  const { bots } = deps;
  // With a bot token, memberships come from Discord (through the cache); without, from the
  // directory that the gateway or the demo seed fills.
  const fromDiscord: DiscordMembershipSource | undefined = bots.embedded
    ? undefined
    : async (guildId, userId) => {
        for (const bot of bots.all) {
          try {
            const [guild, roles, member] = await Promise.all([
              bot.discord.getGuild(guildId),
              bot.discord.getRoles(guildId),
              bot.discord.getMember(guildId, userId),
            ]);
            return member ? { ownerId: guild.ownerId, roles, memberRoleIds: member.roleIds } : null;
          } catch (error) {
            // This identity is not in that guild; another may be.
            if (
              isDiscordError(error, 'DISCORD_MISSING_ACCESS') ||
              isDiscordError(error, 'DISCORD_UNKNOWN_GUILD')
            )
              continue;
            throw error;
          }
        }
        return null;
      };
  // What every request asks first, remembered in this process until core's triggers announce a
  // change (migrations/0003_access_hints.sql): memberships and settings by guild, credentials by
  // the hash of their secret.
  const memo = <V>(channel: string, max: number) =>
    createHintedMemo<V>({ db: deps.db, channel, max, ttlMs: deps.accessCacheTtlMs, log: deps.log });
  const accessMemo = memo<Membership | null>(ACCESS_CHANNEL, 50_000);
  const settingsMemo = memo<GuildSettings>(ACCESS_CHANNEL, 10_000);
  const tokenMemo = memo<TokenRecord | null>(CREDENTIALS_CHANNEL, 50_000);
  const sessionMemo = memo<SessionRecord | null>(CREDENTIALS_CHANNEL, 50_000);
  const access = createAccessPolicy(deps.db, { ...(fromDiscord ? { fromDiscord } : {}), memo: accessMemo });
  const directory = createDirectory(deps.db, access.forgetGuild);
  const settings = createSettingsService(deps.db, deps.moduleNames, access.forgetGuild, settingsMemo);
  const tokens = createTokenService(deps.db, deps.scopes, tokenMemo);
  const sessions = createSessionService(deps.db, deps.auth.sessions, sessionMemo);
  const oauthConfig = deps.auth.oauth
    ? { ...deps.auth.oauth, redirectUri: oauthRedirectUri(deps.auth.publicUrl) }
    : undefined;
  // Demo people may only exist where nobody else can reach them and Discord is not configured.
  const demoEnabled = deps.auth.loopback && bots.embedded && !deps.auth.oauth;

  const authDeps = {
    sessions,
    directory,
    bots,
    i18n: deps.i18n,
    log: deps.log,
    oauth: oauthConfig ? createOAuthClient(oauthConfig) : undefined,
    oauthConfig,
    publicUrl: deps.auth.publicUrl,
    demoEnabled,
    loopback: deps.auth.loopback,
  };

  const bearer: Authenticator = async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return tokens.verify('');
    return tokens.verify(match[1]);
  };

  const routes = coreRoutes({
    access,
    directory,
    settings,
    channels: channelSource(bots),
    moduleNames: deps.moduleNames,
  });
  const auth = authRoutes(authDeps);
  const module: Module = {
    name: 'core',
    migrations: new URL('./migrations/', import.meta.url),
    scopes: CORE_SCOPES,
    routes: (app: HttpApp) => {
      routes(app);
      auth(app);
    },
    ...(demoEnabled ? { discord: demoDiscord({ access, directory }) } : {}),
  };
  return {
    module,
    services: {
      access,
      directory,
      settings,
      tokens,
      sessions,
      /** Decides the command framework's requirements with the same policy as the API. */
      authorizer: discordAuthorizer(access),
      demoEnabled,
      /** Stops listening for the memos' hints (the runtime's close). */
      async close() {
        await Promise.all([accessMemo, settingsMemo, tokenMemo, sessionMemo].map((m) => m.close()));
      },
      /** Seeds the demo guilds (idempotent); a no-op unless the demo sign-in is enabled. */
      async seedDemo() {
        if (!demoEnabled || !bots.sandbox || !bots.sandboxBotUserId) return false;
        await seedDemo({
          db: deps.db,
          sandbox: bots.sandbox,
          directory,
          botUserId: bots.sandboxBotUserId,
          discord: bots.primary.discord,
          i18n: deps.i18n,
        });
        // The seed writes guild settings itself: what this process remembered of them is stale.
        settingsMemo.clear();
        return true;
      },
    },
    authenticators: [bearer, sessionAuthenticator(authDeps)],
  };
}

export type CoreServices = ReturnType<typeof coreModule>['services'];

/** Channel types a message can be posted into: text, announcement, forum. */
const POSTABLE_TYPES = new Set([0, 5, 15]);

/**
 * A guild's channels from the first identity that is in it (identities may serve different
 * guilds), each with whether that identity may post there.
 */
function channelSource(bots: DiscordBots): ChannelSource {
  return async (guildId) => {
    for (const bot of bots.all) {
      try {
        const list = (await bot.discord.getGuildChannels(guildId)).filter((c) => POSTABLE_TYPES.has(c.type));
        return Promise.all(
          list.map(async (c) => ({
            id: c.id,
            name: c.name ?? c.id,
            type: c.type,
            parentId: c.parentId,
            postable: await bot.discord.canPost(c.id).catch(() => false),
          })),
        );
      } catch (error) {
        if (isDiscordError(error, 'DISCORD_MISSING_ACCESS') || isDiscordError(error, 'DISCORD_UNKNOWN_GUILD'))
          continue;
        throw error;
      }
    }
    return [];
  };
}
