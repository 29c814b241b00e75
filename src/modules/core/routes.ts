import { type Static, Type } from 'typebox';
import { notFound } from '#platform/errors.ts';
import { principalOf } from '#platform/http/auth.ts';
import { GuildParams, problems, Snowflake, Timestamp } from '#platform/http/schemas.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { SUPPORTED_LOCALES } from '#platform/i18n/locales.ts';
import { type AccessPolicy, CAPABILITIES } from './access.ts';
import type { Directory } from './directory.ts';
import type { SettingsService } from './settings.ts';

const User = Type.Object({
  id: Snowflake,
  username: Type.String(),
  globalName: Type.Union([Type.String(), Type.Null()]),
  avatar: Type.Union([Type.String(), Type.Null()]),
  locale: Type.Union([Type.String(), Type.Null()]),
});

const GuildRef = Type.Object({
  id: Snowflake,
  name: Type.String(),
  icon: Type.Union([Type.String(), Type.Null()]),
  owner: Type.Boolean(),
});

const Guild = Type.Object({
  id: Snowflake,
  name: Type.String(),
  icon: Type.Union([Type.String(), Type.Null()]),
  ownerId: Snowflake,
  memberCount: Type.Integer(),
  you: Type.Object({
    admin: Type.Boolean(),
    owner: Type.Boolean(),
    capabilities: Type.Array(Type.String()),
  }),
});

const Role = Type.Object({
  id: Snowflake,
  name: Type.String(),
  color: Type.Integer({ description: 'RGB colour, 0 for none' }),
  position: Type.Integer(),
  everyone: Type.Boolean({ description: 'The @everyone role (its id is the guild id)' }),
});

const Channel = Type.Object({
  id: Snowflake,
  name: Type.String(),
  type: Type.Integer({ description: "Discord's channel type: 0 text, 5 announcement, 15 forum" }),
  parentId: Type.Union([Snowflake, Type.Null()], { description: 'The category it sits in' }),
  postable: Type.Boolean({ description: 'The bot may post messages with embeds there' }),
});

const Member = Type.Object({
  id: Snowflake,
  username: Type.String(),
  displayName: Type.String({ description: 'Nickname, else display name, else username' }),
  avatar: Type.Union([Type.String(), Type.Null()]),
  roleIds: Type.Array(Snowflake),
});

const MembersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of a name' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);

/** Channels a module could post into; the rest (voice, categories, threads) are left out. */
export type ChannelSource = (guildId: string) => Promise<Array<Static<typeof Channel>>>;

const CapabilityRoles = Type.Object(
  Object.fromEntries(CAPABILITIES.map((c) => [c, Type.Optional(Type.Array(Snowflake, { maxItems: 50 }))])),
  { additionalProperties: false },
);

const SettingsBody = Type.Object(
  {
    timezone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' }),
    locale: Type.String({ enum: [...SUPPORTED_LOCALES] }),
    enabledModules: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 }),
    capabilityRoles: CapabilityRoles,
  },
  { additionalProperties: false },
);

const Settings = Type.Object({
  timezone: Type.String(),
  locale: Type.String(),
  enabledModules: Type.Array(Type.String()),
  capabilityRoles: Type.Record(Type.String(), Type.Array(Snowflake)),
  updatedAt: Type.Union([Timestamp, Type.Null()]),
});

export function coreRoutes(deps: {
  access: AccessPolicy;
  directory: Directory;
  settings: SettingsService;
  channels: ChannelSource;
  /** The modules a guild may enable (every composed module but core). */
  moduleNames: () => readonly string[];
}) {
  const { access, directory, settings, channels, moduleNames } = deps;
  return (app: HttpApp) => {
    app.get(
      '/api/v1/me',
      {
        schema: {
          tags: ['me'],
          summary: 'The signed-in user and the guilds they share with the bot',
          response: { 200: Type.Object({ user: User, guilds: Type.Array(GuildRef) }), ...problems(401) },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const user = await directory.getUser(principal.userId);
        if (!user) throw notFound('User', 'USER_NOT_FOUND');
        let guilds = await directory.guildsOf(principal.userId);
        if (principal.guildId) guilds = guilds.filter((g) => g.id === principal.guildId);
        return {
          user: {
            id: user.id,
            username: user.username,
            globalName: user.globalName,
            avatar: user.avatar,
            locale: user.locale,
          },
          guilds,
        };
      },
    );

    app.get(
      '/api/v1/guilds/:guildId',
      {
        config: { access: { scope: 'guilds:read' } },
        schema: {
          tags: ['guilds'],
          summary: 'A guild the caller is a member of',
          params: GuildParams,
          response: { 200: Guild, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        const membership = await access.requireMember(principalOf(request), guildId);
        const guild = await directory.getGuild(guildId);
        if (!guild) throw notFound('Guild', 'GUILD_NOT_FOUND');
        return {
          ...guild,
          you: {
            admin: membership.admin,
            owner: membership.owner,
            capabilities: [...membership.capabilities],
          },
        };
      },
    );

    app.get(
      '/api/v1/guilds/:guildId/roles',
      {
        config: { access: { scope: 'guilds:read' } },
        schema: {
          tags: ['guilds'],
          summary: "A guild's roles, highest first (to choose capability roles from)",
          params: GuildParams,
          response: { 200: Type.Object({ roles: Type.Array(Role) }), ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        await access.requireMember(principalOf(request), guildId);
        const roles = await directory.rolesOf(guildId);
        return { roles: roles.map((r) => ({ ...r, everyone: r.id === guildId })) };
      },
    );

    app.get(
      '/api/v1/guilds/:guildId/channels',
      {
        config: { access: { scope: 'guilds:read' } },
        schema: {
          tags: ['guilds'],
          summary: "A guild's text, announcement and forum channels, and whether the bot may post in each",
          params: GuildParams,
          response: { 200: Type.Object({ channels: Type.Array(Channel) }), ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        await access.requireMember(principalOf(request), guildId);
        return { channels: await channels(guildId) };
      },
    );

    app.get(
      '/api/v1/guilds/:guildId/members',
      {
        config: { access: { scope: 'guilds:read' } },
        schema: {
          tags: ['guilds'],
          summary: "A guild's members by name (to pick someone, e.g. a player to add)",
          params: GuildParams,
          querystring: MembersQuery,
          response: { 200: Type.Object({ members: Type.Array(Member) }), ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        const { q, limit } = request.query as Static<typeof MembersQuery>;
        await access.requireMember(principalOf(request), guildId);
        const query = q?.trim();
        return {
          members: await directory.membersOf(guildId, { limit: limit ?? 100, ...(query ? { query } : {}) }),
        };
      },
    );

    app.get(
      '/api/v1/modules',
      {
        schema: {
          tags: ['guilds'],
          summary: 'The modules a guild can enable in its settings (enabledModules)',
          response: {
            200: Type.Object({ modules: Type.Array(Type.Object({ name: Type.String() })) }),
            ...problems(401),
          },
        },
      },
      async () => ({ modules: moduleNames().map((name) => ({ name })) }),
    );

    app.get(
      '/api/v1/guilds/:guildId/settings',
      {
        config: { access: { scope: 'guilds:read' } },
        schema: {
          tags: ['guilds'],
          summary: "A guild's settings",
          params: GuildParams,
          response: { 200: Settings, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        await access.requireMember(principalOf(request), guildId);
        return settings.get(guildId);
      },
    );

    app.put(
      '/api/v1/guilds/:guildId/settings',
      {
        config: { access: { scope: 'guilds:write' } },
        schema: {
          tags: ['guilds'],
          summary: "Replace a guild's settings (guild admins)",
          params: GuildParams,
          body: SettingsBody,
          response: { 200: Settings, ...problems(400, 401, 403, 404, 422) },
        },
      },
      async (request) => {
        const { guildId } = request.params;
        const principal = principalOf(request);
        await access.requireAdmin(principal, guildId);
        return settings.put(guildId, request.body as never, principal, request.id);
      },
    );
  };
}
