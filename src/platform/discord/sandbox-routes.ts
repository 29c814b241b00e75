import {
  type APIApplicationCommandOption,
  type APIInteraction,
  type APIInteractionResponse,
  ApplicationCommandOptionType,
  ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import { Type } from 'typebox';
import { UserError, unauthorized } from '../errors.ts';
import { problems, Snowflake, Timestamp } from '../http/schemas.ts';
import type { HttpApp } from '../http/types.ts';
import type { I18n } from '../i18n/i18n.ts';
import { acceptLanguages, DISCORD_LOCALES } from '../i18n/i18n.ts';
import type { DiscordBots } from './identities.ts';
import { channelPermissions } from './permissions.ts';
import type { Sandbox, SandboxMessage } from './sandbox.ts';

const Message = Type.Object({
  id: Snowflake,
  bot: Type.String(),
  kind: Type.String({ enum: ['message', 'dm', 'interaction_response', 'followup'] }),
  channelId: Snowflake,
  guildId: Type.Union([Snowflake, Type.Null()]),
  recipientId: Type.Union([Snowflake, Type.Null()]),
  authorId: Snowflake,
  content: Type.String(),
  embeds: Type.Array(Type.Any()),
  components: Type.Array(Type.Any()),
  flags: Type.Integer(),
  reactions: Type.Array(Type.String()),
  createdAt: Timestamp,
  editedAt: Type.Union([Timestamp, Type.Null()]),
  deletedAt: Type.Union([Timestamp, Type.Null()]),
});

const Channel = Type.Object({
  id: Snowflake,
  guildId: Type.Union([Snowflake, Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  type: Type.Integer(),
  parentId: Type.Union([Snowflake, Type.Null()]),
});

const ActAs = Type.String({
  ...Snowflake,
  description: 'Act as this person of the sandbox instead of yourself (default: the signed-in user)',
});

const SandboxGuild = Type.Object({
  id: Snowflake,
  name: Type.String(),
  roles: Type.Array(Type.Object({ id: Snowflake, name: Type.String(), color: Type.Integer() })),
});

const Person = Type.Object({
  id: Snowflake,
  username: Type.String(),
  globalName: Type.Union([Type.String(), Type.Null()]),
  bot: Type.Boolean(),
});

const Press = Type.Union([
  Type.Object(
    {
      type: Type.Literal('component'),
      messageId: Snowflake,
      customId: Type.String({ minLength: 1, maxLength: 100 }),
      values: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 25 })),
      locale: Type.Optional(Type.String({ maxLength: 10 })),
      actAs: Type.Optional(ActAs),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('modal'),
      channelId: Snowflake,
      messageId: Type.Optional(Snowflake),
      customId: Type.String({ minLength: 1, maxLength: 100 }),
      fields: Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 4000 })),
      locale: Type.Optional(Type.String({ maxLength: 10 })),
      actAs: Type.Optional(ActAs),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('command'),
      channelId: Snowflake,
      name: Type.String({ minLength: 1, maxLength: 32 }),
      /** `<subcommand>`, or `<group> <subcommand>` inside a group. */
      subcommand: Type.Optional(Type.String({ maxLength: 65 })),
      options: Type.Optional(
        Type.Record(
          Type.String({ maxLength: 32 }),
          Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
        ),
      ),
      locale: Type.Optional(Type.String({ maxLength: 10 })),
      actAs: Type.Optional(ActAs),
    },
    { additionalProperties: false },
  ),
]);

function hasComponent(components: unknown, customId: string): { type: number } | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const c of components as Array<{
    custom_id?: string;
    type: number;
    components?: unknown;
    accessory?: unknown;
  }>) {
    if (c.custom_id === customId) return c;
    const inner =
      hasComponent(c.components, customId) ?? hasComponent(c.accessory ? [c.accessory] : [], customId);
    if (inner) return inner;
  }
  return undefined;
}

const OPTION_TYPE = (v: unknown) =>
  typeof v === 'boolean' ? 5 : typeof v === 'number' ? (Number.isInteger(v) ? 4 : 10) : 3;

const OPTION_TYPE_NAMES: Partial<Record<ApplicationCommandOptionType, string>> = {
  [ApplicationCommandOptionType.String]: 'string',
  [ApplicationCommandOptionType.Integer]: 'integer',
  [ApplicationCommandOptionType.Number]: 'number',
  [ApplicationCommandOptionType.Boolean]: 'boolean',
  [ApplicationCommandOptionType.User]: 'user',
  [ApplicationCommandOptionType.Channel]: 'channel',
  [ApplicationCommandOptionType.Role]: 'role',
  [ApplicationCommandOptionType.Mentionable]: 'mentionable',
  [ApplicationCommandOptionType.Attachment]: 'attachment',
};

const CommandOption = Type.Object({
  name: Type.String(),
  description: Type.String(),
  type: Type.String({ enum: Object.values(OPTION_TYPE_NAMES) }),
  required: Type.Boolean(),
  choices: Type.Array(
    Type.Object({ name: Type.String(), value: Type.Union([Type.String(), Type.Number()]) }),
  ),
  minValue: Type.Optional(Type.Number()),
  maxValue: Type.Optional(Type.Number()),
  minLength: Type.Optional(Type.Integer()),
  maxLength: Type.Optional(Type.Integer()),
  autocomplete: Type.Boolean(),
});

const Command = Type.Object({
  name: Type.String(),
  description: Type.String(),
  options: Type.Array(CommandOption),
  subcommands: Type.Array(
    Type.Object({ name: Type.String(), description: Type.String(), options: Type.Array(CommandOption) }),
  ),
});

type Localizable = {
  description: string;
  description_localizations?: Partial<Record<string, string | null>> | null | undefined;
};

/** Discord's own JSON of a command, as the dashboard's command form needs it, in one language. */
function commandView(
  command: Localizable & { name: string; options?: APIApplicationCommandOption[] | undefined },
  discordLocale: string | undefined,
) {
  const text = (o: Localizable) =>
    (discordLocale && o.description_localizations?.[discordLocale]) || o.description;
  const option = (o: APIApplicationCommandOption) => {
    const x = o as APIApplicationCommandOption & {
      required?: boolean;
      choices?: Array<{
        name: string;
        name_localizations?: Partial<Record<string, string | null>> | null;
        value: string | number;
      }>;
      min_value?: number;
      max_value?: number;
      min_length?: number;
      max_length?: number;
      autocomplete?: boolean;
    };
    return {
      name: x.name,
      description: text(x),
      type: OPTION_TYPE_NAMES[x.type] ?? 'string',
      required: x.required ?? false,
      choices: (x.choices ?? []).map((c) => ({
        name: (discordLocale && c.name_localizations?.[discordLocale]) || c.name,
        value: c.value,
      })),
      ...(x.min_value !== undefined ? { minValue: x.min_value } : {}),
      ...(x.max_value !== undefined ? { maxValue: x.max_value } : {}),
      ...(x.min_length !== undefined ? { minLength: x.min_length } : {}),
      ...(x.max_length !== undefined ? { maxLength: x.max_length } : {}),
      autocomplete: x.autocomplete ?? false,
    };
  };
  const all = command.options ?? [];
  const branch = (o: APIApplicationCommandOption) =>
    o.type === ApplicationCommandOptionType.Subcommand ||
    o.type === ApplicationCommandOptionType.SubcommandGroup;
  const childrenOf = (o: APIApplicationCommandOption) =>
    (o as { options?: APIApplicationCommandOption[] | undefined }).options ?? [];
  // A group's subcommands are listed flat as "<group> <subcommand>", as Discord's client shows them.
  const subs = all.flatMap((o) =>
    o.type === ApplicationCommandOptionType.SubcommandGroup
      ? childrenOf(o).map((sub) => ({ ...sub, name: `${o.name} ${sub.name}` }))
      : o.type === ApplicationCommandOptionType.Subcommand
        ? [o]
        : [],
  );
  return {
    name: command.name,
    description: text(command),
    options: all.filter((o) => !branch(o)).map(option),
    subcommands: subs.map((sub) => ({
      name: sub.name,
      description: text(sub),
      options: childrenOf(sub).map(option),
    })),
  };
}

/**
 * The dashboard's "Discord sandbox" (no bot token, loopback demo only): what the bot sent, as the
 * signed-in demo member may see it, and pressing its buttons, submitting its forms or running a
 * command as that member. The interaction goes through the same dispatcher as a real one; its
 * answer is recorded by the log adapter like any message.
 */
export function sandboxRoutes(deps: { bots: DiscordBots; sandbox: Sandbox; i18n: I18n }) {
  const { bots, sandbox, i18n } = deps;
  return (app: HttpApp) => {
    const principalId = (request: { principal: { userId: string } | undefined }) => {
      if (!request.principal) throw unauthorized();
      return request.principal.userId;
    };
    /**
     * Whom a request looks and acts as: the signed-in user, or any other person of the sandbox.
     * Letting one demo session act as another member gives away nothing: the sandbox only exists
     * with the demo sign-in, where anyone at this computer may sign in as any demo user anyway.
     */
    const viewerOf = async (
      request: {
        principal: { userId: string } | undefined;
        headers: { 'accept-language'?: string | undefined };
      },
      actAs: string | undefined,
      pointer: string,
    ) => {
      const userId = principalId(request);
      if (!actAs || actAs === userId) return userId;
      const user = await sandbox.user(actAs);
      if (!user || user.bot) {
        const t = i18n.forLocale(i18n.resolve(...acceptLanguages(request.headers['accept-language'])));
        throw new UserError('SANDBOX_UNKNOWN_PERSON', t('sandbox.errors.unknownPerson'), {
          status: 422,
          fields: [{ pointer, detail: 'is not a person in the sandbox' }],
        });
      }
      return actAs;
    };

    app.get(
      '/api/v1/sandbox/channels',
      {
        schema: {
          tags: ['sandbox'],
          summary:
            'Sandbox channels you (or the person you act as) can see, with their guilds, roles and people: what a Discord client shows names from (demo mode)',
          querystring: Type.Object({ actAs: Type.Optional(ActAs) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              channels: Type.Array(Channel),
              guilds: Type.Array(SandboxGuild),
              people: Type.Array(Person),
            }),
            ...problems(400, 401, 422),
          },
        },
      },
      async (request) => {
        const viewer = await viewerOf(request, request.query.actAs, '/query/actAs');
        const [list, around] = await Promise.all([
          sandbox.channelsOf(viewer),
          sandbox.surroundingsOf(viewer),
        ]);
        return {
          guilds: around.guilds.map((g) => ({
            id: g.id,
            name: g.name,
            roles: g.roles.map((r) => ({ id: r.id, name: r.name, color: r.color ?? 0 })),
          })),
          people: around.people.map((u) => ({
            id: u.id,
            username: u.username,
            globalName: u.global_name,
            bot: u.bot,
          })),
          channels: list.map((c) => ({
            id: c.id,
            guildId: c.guild_id,
            name: c.name,
            type: c.type,
            parentId: c.parent_id,
          })),
        };
      },
    );

    app.get(
      '/api/v1/sandbox/messages',
      {
        schema: {
          tags: ['sandbox'],
          summary:
            'What the bot sent that you can see: channel messages of your guilds, your DMs and answers meant for you',
          querystring: Type.Object(
            {
              guildId: Type.Optional(Snowflake),
              channelId: Type.Optional(Snowflake),
              before: Type.Optional(Snowflake),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
              actAs: Type.Optional(ActAs),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ messages: Type.Array(Message) }), ...problems(400, 401, 404, 422) },
        },
      },
      async (request) => {
        const { guildId, channelId, before, limit, actAs } = request.query;
        const userId = await viewerOf(request, actAs, '/query/actAs');
        const t = i18n.forLocale(i18n.resolve(...acceptLanguages(request.headers['accept-language'])));
        if (guildId && !(await sandbox.member(guildId, userId)))
          throw new UserError('GUILD_NOT_FOUND', t('sandbox.errors.notVisible'), { status: 404 });
        const visible = new Set((await sandbox.channelsOf(userId)).map((c) => c.id));
        if (channelId && !visible.has(channelId))
          throw new UserError('CHANNEL_NOT_FOUND', t('sandbox.errors.notVisible'), { status: 404 });
        const list = await sandbox.messages({
          viewerId: userId,
          ...(guildId ? { guildId } : {}),
          ...(channelId ? { channelId } : {}),
          ...(before ? { before } : {}),
          limit: limit ?? 50,
          includeDeleted: true,
        });
        return { messages: list.filter((m) => visible.has(m.channelId) || m.recipientId === userId) };
      },
    );

    app.get(
      '/api/v1/sandbox/commands',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'The slash commands the bot offers, to run them in the sandbox (demo mode)',
          response: { 200: Type.Object({ commands: Type.Array(Command) }), ...problems(401) },
        },
      },
      async (request) => {
        principalId(request);
        const locale = i18n.resolve(...acceptLanguages(request.headers['accept-language']));
        const discordLocale = locale === 'en' ? undefined : DISCORD_LOCALES[locale][0];
        return {
          commands: bots.primary.registry.applicationCommands().map((c) => commandView(c, discordLocale)),
        };
      },
    );

    app.post(
      '/api/v1/sandbox/interactions',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Press a button, choose in a menu, submit a form or run a command as yourself (demo mode)',
          body: Press,
          response: {
            200: Type.Object({
              response: Type.Object({ type: Type.Integer(), data: Type.Optional(Type.Any()) }),
            }),
            ...problems(400, 401, 403, 404, 422),
          },
        },
      },
      async (request) => {
        const userId = await viewerOf(request, (request.body as { actAs?: string }).actAs, '/body/actAs');
        const t = i18n.forLocale(i18n.resolve(...acceptLanguages(request.headers['accept-language'])));
        const body = request.body as
          | { type: 'component'; messageId: string; customId: string; values?: string[]; locale?: string }
          | {
              type: 'modal';
              channelId: string;
              messageId?: string;
              customId: string;
              fields: Record<string, string>;
              locale?: string;
            }
          | {
              type: 'command';
              channelId: string;
              name: string;
              subcommand?: string;
              options?: Record<string, string | number | boolean>;
              locale?: string;
            };
        let message: SandboxMessage | undefined;
        let channelId: string;
        if (body.type === 'component') {
          message = await sandbox.message(body.messageId);
          const visible =
            message &&
            !message.deletedAt &&
            (message.recipientId === userId || (message.kind !== 'dm' && (message.flags & 64) === 0));
          if (!message || !visible)
            throw new UserError('SANDBOX_MESSAGE_NOT_FOUND', t('sandbox.errors.unknownMessage'), {
              status: 404,
            });
          if (!hasComponent(message.components, body.customId))
            throw new UserError('SANDBOX_COMPONENT_NOT_FOUND', t('sandbox.errors.unknownComponent'), {
              status: 422,
              fields: [{ pointer: '/body/customId', detail: 'is not on that message' }],
            });
          channelId = message.channelId;
        } else channelId = body.channelId;

        const channel = await sandbox.channel(channelId);
        if (!channel)
          throw new UserError('SANDBOX_MESSAGE_NOT_FOUND', t('sandbox.errors.unknownMessage'), {
            status: 404,
          });
        const guildId = channel.guild_id;
        const membership = guildId ? await sandbox.member(guildId, userId) : undefined;
        if (guildId ? !membership : channel.recipient_id !== userId)
          throw new UserError('SANDBOX_NOT_VISIBLE', t('sandbox.errors.notVisible'), { status: 403 });

        const bot = message ? (bots.byName(message.bot) ?? bots.primary) : bots.primary;
        const { id, token } = await sandbox.openInteraction({
          bot: bot.name,
          channelId,
          guildId,
          userId,
          messageId: message?.id ?? (body.type === 'modal' ? (body.messageId ?? null) : null),
        });
        const user = await sandbox.user(userId);
        const apiUser = {
          id: userId,
          username: user?.username ?? 'someone',
          global_name: user?.global_name ?? null,
          avatar: user?.avatar ?? null,
          discriminator: '0',
        };
        let permissions = '0';
        let guildLocale = 'en-US';
        if (guildId && membership) {
          const guild = await sandbox.guild(guildId);
          guildLocale = guild?.preferred_locale ?? 'en-US';
          if (guild)
            permissions = channelPermissions({
              guildId,
              ownerId: guild.owner_id,
              roles: guild.roles,
              userId,
              memberRoleIds: membership.roleIds,
              overwrites: [],
            }).toString();
        }
        const component = message
          ? hasComponent(message.components, (body as { customId: string }).customId)
          : undefined;
        const data =
          body.type === 'component'
            ? {
                custom_id: body.customId,
                component_type: component?.type ?? ComponentType.Button,
                values: body.values ?? [],
              }
            : body.type === 'modal'
              ? {
                  custom_id: body.customId,
                  components: Object.entries(body.fields).map(([custom_id, value]) => ({
                    type: ComponentType.ActionRow,
                    components: [{ type: ComponentType.TextInput, custom_id, value }],
                  })),
                }
              : {
                  id: '0',
                  type: 1,
                  name: body.name,
                  options: (() => {
                    // The declared type, as Discord would send it (a user option's value is an id string).
                    const declared = declaredOptions(
                      bot.registry.applicationCommands(),
                      body.name,
                      body.subcommand,
                    );
                    const opts = Object.entries(body.options ?? {}).map(([name, value]) => ({
                      name,
                      type: declared.get(name) ?? OPTION_TYPE(value),
                      value,
                    }));
                    if (!body.subcommand) return opts;
                    const [first, second] = body.subcommand.split(' ');
                    // Inside a group Discord nests the subcommand in it (type 2, then type 1).
                    return second
                      ? [{ name: first, type: 2, options: [{ name: second, type: 1, options: opts }] }]
                      : [{ name: first, type: 1, options: opts }];
                  })(),
                };
        const interaction = {
          id,
          application_id: await bot.discord.applicationId(),
          type:
            body.type === 'component'
              ? InteractionType.MessageComponent
              : body.type === 'modal'
                ? InteractionType.ModalSubmit
                : InteractionType.ApplicationCommand,
          token,
          version: 1,
          data,
          channel_id: channelId,
          channel: { id: channelId, type: channel.type },
          ...(guildId
            ? {
                guild_id: guildId,
                guild_locale: guildLocale,
                member: {
                  user: apiUser,
                  roles: membership?.roleIds ?? [],
                  joined_at: membership?.joinedAt,
                  nick: null,
                  deaf: false,
                  mute: false,
                  flags: 0,
                  permissions,
                },
              }
            : { user: apiUser }),
          locale: body.locale ?? 'en-US',
          app_permissions: '0',
          entitlements: [],
          authorizing_integration_owners: {},
          context: guildId ? 0 : 1,
          ...(message
            ? { message: { id: message.id, channel_id: message.channelId, components: message.components } }
            : {}),
        } as unknown as APIInteraction;

        const { promise: first, resolve } = Promise.withResolvers<APIInteractionResponse>();
        const done = bot.dispatcher.dispatch(interaction, async (response) => {
          await bot.discord.respondToInteraction(id, token, response);
          resolve(response);
        });
        const response = await Promise.race([first, done.then(() => first)]);
        return { response: response as { type: number; data?: unknown } };
      },
    );
  };
}

/** Option types by name of a command (or one of its subcommands) as registered. */
function declaredOptions(
  commands: ReadonlyArray<{ name: string; options?: APIApplicationCommandOption[] | undefined }>,
  name: string,
  subcommand: string | undefined,
): Map<string, number> {
  const command = commands.find((c) => c.name === name);
  let options = command?.options ?? [];
  const childrenOf = (o: APIApplicationCommandOption | undefined) =>
    (o as { options?: APIApplicationCommandOption[] | undefined } | undefined)?.options ?? [];
  if (subcommand) {
    const [first, second] = subcommand.split(' ');
    if (second) {
      const group = options.find(
        (o) => o.name === first && o.type === ApplicationCommandOptionType.SubcommandGroup,
      );
      options = childrenOf(
        childrenOf(group).find(
          (o) => o.name === second && o.type === ApplicationCommandOptionType.Subcommand,
        ),
      );
    } else
      options = childrenOf(
        options.find((o) => o.name === first && o.type === ApplicationCommandOptionType.Subcommand),
      );
  }
  return new Map(options.map((o) => [o.name, o.type]));
}
