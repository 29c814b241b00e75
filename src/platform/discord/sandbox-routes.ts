import {
  type APIInteraction,
  type APIInteractionResponse,
  ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import { Type } from 'typebox';
import { UserError, unauthorized } from '../errors.ts';
import { problems, Snowflake, Timestamp } from '../http/schemas.ts';
import type { HttpApp } from '../http/types.ts';
import type { I18n } from '../i18n/i18n.ts';
import { acceptLanguages } from '../i18n/i18n.ts';
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

const Press = Type.Union([
  Type.Object(
    {
      type: Type.Literal('component'),
      messageId: Snowflake,
      customId: Type.String({ minLength: 1, maxLength: 100 }),
      values: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 25 })),
      locale: Type.Optional(Type.String({ maxLength: 10 })),
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
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('command'),
      channelId: Snowflake,
      name: Type.String({ minLength: 1, maxLength: 32 }),
      subcommand: Type.Optional(Type.String({ maxLength: 32 })),
      options: Type.Optional(
        Type.Record(
          Type.String({ maxLength: 32 }),
          Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
        ),
      ),
      locale: Type.Optional(Type.String({ maxLength: 10 })),
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

    app.get(
      '/api/v1/sandbox/channels',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Sandbox channels you can see (demo mode)',
          response: { 200: Type.Object({ channels: Type.Array(Channel) }), ...problems(401) },
        },
      },
      async (request) => {
        const list = await sandbox.channelsOf(principalId(request));
        return {
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
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ messages: Type.Array(Message) }), ...problems(400, 401, 404) },
        },
      },
      async (request) => {
        const userId = principalId(request);
        const t = i18n.forLocale(i18n.resolve(...acceptLanguages(request.headers['accept-language'])));
        const { guildId, channelId, before, limit } = request.query;
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
        const userId = principalId(request);
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
                    const opts = Object.entries(body.options ?? {}).map(([name, value]) => ({
                      name,
                      type: OPTION_TYPE(value),
                      value,
                    }));
                    return body.subcommand ? [{ name: body.subcommand, type: 1, options: opts }] : opts;
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
