import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import {
  type APIApplicationCommand,
  type APIInteractionResponse,
  ChannelType,
  InteractionResponseType,
  MessageFlags,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, rows, type Tx } from '../db/database.ts';
import { DiscordError, discordError } from './errors.ts';
import { channelPermissions, hasAll, PermissionBits } from './permissions.ts';
import {
  type CommandScope,
  type Discord,
  type DiscordMessage,
  type DiscordRole,
  type DiscordUser,
  type MessagePayload,
  NONCE_WINDOW_MS,
} from './port.ts';
import { canPostWith } from './rest.ts';
import {
  type ChannelRow,
  commandsRoute,
  guildRow,
  isThread,
  type MemberRow,
  type MessageRow,
  toChannel,
  toGuild,
  toMember,
  toMessage,
  validate,
} from './sandbox-rows.ts';
import { snowflakeGenerator } from './snowflake.ts';

export type LogDiscordOptions = {
  readonly db: Database;
  readonly identity: string;
  readonly applicationId?: string | undefined;
  readonly botName?: string;
};

const nextId = snowflakeGenerator(7);

/** A stable made-up application id per identity, so recorded messages keep one author across restarts. */
export function sandboxBotId(identity: string): string {
  const n = BigInt(
    `0x${createHash('sha256').update(`guildhall-bot:${identity}`).digest('hex').slice(0, 12)}`,
  );
  // Shaped like a snowflake from 2020: 18–19 digits.
  return ((n % 100_000_000_000n) + 700_000_000_000_000_000n).toString();
}

const ambient = new AsyncLocalStorage<Tx>();

/**
 * Runs `fn` with every sandbox call it makes inside `tx` (savepoints) instead of transactions of
 * their own. For event consumers, which hold a transaction while they talk to Discord: on PGlite
 * (one connection, transactions taken in turn) a second transaction would wait for that one
 * forever. A sandbox call then rolls back with the consumer's transaction, as if it had failed.
 */
export function sandboxWithin<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  return ambient.run(tx, fn);
}

/**
 * The embedded adapter (no bot token): an in-database stand-in for Discord. It answers like Discord
 * — same ids, same errors (an unknown message is `DISCORD_UNKNOWN_MESSAGE`, a member with DMs off
 * is `DISCORD_CANNOT_DM`), same permission rules for `canPost` — and keeps every message, edit
 * and deletion in `discord.sandbox_messages` and every call in `discord.sandbox_calls`.
 */
export function createLogDiscord(options: LogDiscordOptions): Discord {
  const { db, identity } = options;
  const appId = options.applicationId ?? sandboxBotId(identity);
  const botUser: DiscordUser = {
    id: appId,
    username: options.botName ?? (identity === 'default' ? 'Guildhall' : `Guildhall ${identity}`),
    globalName: null,
    avatar: null,
    bot: true,
  };
  /** A system transaction, or a savepoint of the caller's (see `sandboxWithin`). */
  const system = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const outer = ambient.getStore();
    return outer ? outer.transaction(fn) : db.withSystem(fn);
  };
  let botSaved: Promise<void> | undefined;
  const ensureBot = () => {
    botSaved ??= system((tx) =>
      tx.execute(sql`insert into discord.sandbox_users (id, username, bot) values (${botUser.id}, ${botUser.username}, true)
                        on conflict (id) do update set username = excluded.username, bot = true`),
    ).then(() => {});
    botSaved.catch(() => {
      botSaved = undefined;
    });
    return botSaved;
  };

  /** Runs one call in a transaction and records it, with its outcome, in sandbox_calls. */
  async function call<T>(
    method: string,
    route: string,
    body: unknown,
    fn: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    await ensureBot();
    try {
      const result = await system(fn);
      await record(method, route, body, 'ok');
      return result;
    } catch (error) {
      await record(method, route, body, error instanceof DiscordError ? error.code : 'error').catch(() => {});
      throw error;
    }
  }
  function record(method: string, route: string, body: unknown, outcome: string) {
    return system((tx) =>
      tx.execute(sql`insert into discord.sandbox_calls (bot, method, route, body, outcome)
                     values (${identity}, ${method}, ${route}, ${body === undefined ? null : JSON.stringify(body)}::jsonb, ${outcome})`),
    );
  }

  async function channelRow(tx: Tx, channelId: string) {
    const [c] = await rows<ChannelRow>(
      tx,
      sql`select * from discord.sandbox_channels where id = ${channelId}`,
    );
    if (!c) throw discordError(10003, 404);
    return c;
  }

  async function insertMessage(
    tx: Tx,
    values: {
      channelId: string;
      guildId: string | null;
      recipientId: string | null;
      kind: 'message' | 'dm' | 'interaction_response' | 'followup';
      token?: string | null;
      message: MessagePayload;
    },
  ): Promise<DiscordMessage> {
    validate(values.message);
    const m = values.message;
    if (m.nonce !== undefined && m.nonce.length > 25) throw discordError(50035, 400);
    if (m.nonce && m.enforceNonce && (values.kind === 'message' || values.kind === 'dm')) {
      const [earlier] = await rows<MessageRow>(
        tx,
        sql`select * from discord.sandbox_messages
             where author_id = ${appId} and nonce = ${m.nonce}
               and created_at > now() - make_interval(secs => ${NONCE_WINDOW_MS / 1000})
             order by created_at desc limit 1`,
      );
      if (earlier) return toMessage(earlier);
    }
    const [row] = await rows<MessageRow>(
      tx,
      sql`insert into discord.sandbox_messages
            (id, bot, channel_id, guild_id, recipient_id, author_id, kind, interaction_token, content, embeds, components, flags, nonce)
          values (${nextId()}, ${identity}, ${values.channelId}, ${values.guildId}, ${values.recipientId}, ${appId},
                  ${values.kind}, ${values.token ?? null}, ${m.content ?? ''}, ${JSON.stringify(m.embeds ?? [])}::jsonb,
                  ${JSON.stringify(m.components ?? [])}::jsonb, ${m.flags ?? 0}, ${m.nonce ?? null})
          returning *`,
    );
    return toMessage(row as MessageRow);
  }

  async function updateMessage(tx: Tx, where: SQL, message: MessagePayload): Promise<DiscordMessage> {
    validate(message);
    const [row] = await rows<MessageRow>(
      tx,
      sql`update discord.sandbox_messages set
            content = coalesce(${message.content ?? null}::text, content),
            embeds = coalesce(${message.embeds ? JSON.stringify(message.embeds) : null}::jsonb, embeds),
            components = coalesce(${message.components ? JSON.stringify(message.components) : null}::jsonb, components),
            flags = flags & ~${MessageFlags.Loading}::int,
            edited_at = now()
          where ${where} and deleted_at is null
          returning *`,
    );
    if (!row) throw discordError(10008, 404);
    return toMessage(row);
  }

  async function interaction(tx: Tx, token: string, unknownCode = 10015) {
    const [i] = await rows<{
      id: string;
      channel_id: string;
      guild_id: string | null;
      user_id: string;
      message_id: string | null;
      responded: boolean;
    }>(tx, sql`select * from discord.sandbox_interactions where token = ${token} and bot = ${identity}`);
    if (!i) throw discordError(unknownCode, 404);
    return i;
  }

  const port: Discord = {
    kind: 'log',
    identity,
    applicationId: async () => appId,
    currentUser: async () => botUser,

    sendMessage(channelId, message) {
      return call('POST', `/channels/${channelId}/messages`, message, async (tx) => {
        const c = await channelRow(tx, channelId);
        if (c.type === ChannelType.DM)
          return insertMessage(tx, {
            channelId,
            guildId: null,
            recipientId: c.recipient_id,
            kind: 'dm',
            message,
          });
        if (c.archived && c.locked) throw discordError(50083, 400);
        if (!(await canPostIn(tx, channelId))) throw discordError(50013, 403);
        return insertMessage(tx, {
          channelId,
          guildId: c.guild_id,
          recipientId: null,
          kind: 'message',
          message,
        });
      });
    },
    editMessage(channelId, messageId, message) {
      return call('PATCH', `/channels/${channelId}/messages/${messageId}`, message, async (tx) => {
        await channelRow(tx, channelId);
        return updateMessage(
          tx,
          sql`id = ${messageId} and channel_id = ${channelId} and author_id = ${appId}`,
          message,
        );
      });
    },
    deleteMessage(channelId, messageId) {
      return call('DELETE', `/channels/${channelId}/messages/${messageId}`, undefined, async (tx) => {
        await channelRow(tx, channelId);
        const done = await rows(
          tx,
          sql`update discord.sandbox_messages set deleted_at = now()
               where id = ${messageId} and channel_id = ${channelId} and deleted_at is null returning id`,
        );
        if (done.length === 0) throw discordError(10008, 404);
      });
    },
    getMessage(channelId, messageId) {
      return call('GET', `/channels/${channelId}/messages/${messageId}`, undefined, async (tx) => {
        await channelRow(tx, channelId);
        const [row] = await rows<MessageRow>(
          tx,
          sql`select * from discord.sandbox_messages where id = ${messageId} and channel_id = ${channelId} and deleted_at is null`,
        );
        if (!row) throw discordError(10008, 404);
        return toMessage(row);
      });
    },
    sendDm(userId, message) {
      return call(
        'POST',
        `/users/@me/channels -> /channels/{dm}/messages`,
        { recipient_id: userId, ...message },
        async (tx) => {
          const [user] = await rows<{ accepts_dms: boolean; bot: boolean }>(
            tx,
            sql`select accepts_dms, bot from discord.sandbox_users where id = ${userId}`,
          );
          if (!user) throw discordError(10013, 404);
          if (!user.accepts_dms || user.bot) throw discordError(50007, 403);
          const [existing] = await rows<{ id: string }>(
            tx,
            sql`select id from discord.sandbox_channels where recipient_id = ${userId}`,
          );
          const channelId = existing?.id ?? nextId();
          if (!existing)
            await tx.execute(
              sql`insert into discord.sandbox_channels (id, type, recipient_id) values (${channelId}, ${ChannelType.DM}, ${userId})`,
            );
          return insertMessage(tx, { channelId, guildId: null, recipientId: userId, kind: 'dm', message });
        },
      );
    },

    createThread(channelId, thread) {
      return call('POST', `/channels/${channelId}/threads`, thread, async (tx) => {
        const parent = await channelRow(tx, channelId);
        if (!parent.guild_id) throw discordError(50001, 403);
        if (thread.messageId) {
          const [m] = await rows(
            tx,
            sql`select id from discord.sandbox_messages where id = ${thread.messageId} and channel_id = ${channelId} and deleted_at is null`,
          );
          if (!m) throw discordError(10008, 404);
        }
        // A thread started on a message has the message's id, as on Discord.
        const id = thread.messageId ?? nextId();
        const type =
          thread.messageId || !thread.private ? ChannelType.PublicThread : ChannelType.PrivateThread;
        const [row] = await rows<ChannelRow>(
          tx,
          sql`insert into discord.sandbox_channels (id, type, guild_id, name, parent_id, member_ids)
              values (${id}, ${type}, ${parent.guild_id}, ${thread.name.slice(0, 100)}, ${channelId}, array[${appId}]::bigint[])
              returning *`,
        );
        return toChannel(row as ChannelRow);
      });
    },
    addThreadMember(threadId, userId) {
      return call('PUT', `/channels/${threadId}/thread-members/${userId}`, undefined, async (tx) => {
        const c = await channelRow(tx, threadId);
        if (!isThread(c.type)) throw discordError(50035, 400);
        if (c.archived) throw discordError(50083, 400);
        const [member] = await rows(
          tx,
          sql`select 1 from discord.sandbox_members where guild_id = ${c.guild_id} and user_id = ${userId}`,
        );
        if (!member) throw discordError(10007, 404);
        await tx.execute(
          sql`update discord.sandbox_channels set member_ids = array(select distinct unnest(member_ids || ${userId}::bigint))
               where id = ${threadId}`,
        );
      });
    },
    removeThreadMember(threadId, userId) {
      return call('DELETE', `/channels/${threadId}/thread-members/${userId}`, undefined, async (tx) => {
        const c = await channelRow(tx, threadId);
        if (!isThread(c.type)) throw discordError(50035, 400);
        if (c.archived) throw discordError(50083, 400);
        // Not in the thread: nothing to do, as the REST adapter treats Discord's Unknown Member.
        await tx.execute(
          sql`update discord.sandbox_channels set member_ids = array_remove(member_ids, ${userId}::bigint)
               where id = ${threadId}`,
        );
      });
    },
    archiveThread(threadId, opts = {}) {
      return call(
        'PATCH',
        `/channels/${threadId}`,
        { archived: true, locked: opts.locked ?? false },
        async (tx) => {
          const c = await channelRow(tx, threadId);
          if (!isThread(c.type)) throw discordError(50035, 400);
          await tx.execute(
            sql`update discord.sandbox_channels set archived = true, locked = ${opts.locked ?? false} where id = ${threadId}`,
          );
        },
      );
    },

    addReaction(channelId, messageId, emoji) {
      return call(
        'PUT',
        `/channels/${channelId}/messages/${messageId}/reactions/${emoji}/@me`,
        undefined,
        async (tx) => {
          const done = await rows(
            tx,
            sql`update discord.sandbox_messages
                 set reactions = case when reactions @> ${JSON.stringify([emoji])}::jsonb then reactions
                                      else reactions || ${JSON.stringify([emoji])}::jsonb end
               where id = ${messageId} and channel_id = ${channelId} and deleted_at is null returning id`,
          );
          if (done.length === 0) throw discordError(10008, 404);
        },
      );
    },
    removeOwnReaction(channelId, messageId, emoji) {
      return call(
        'DELETE',
        `/channels/${channelId}/messages/${messageId}/reactions/${emoji}/@me`,
        undefined,
        async (tx) => {
          const done = await rows(
            tx,
            sql`update discord.sandbox_messages set reactions = reactions - ${emoji}
               where id = ${messageId} and channel_id = ${channelId} and deleted_at is null returning id`,
          );
          if (done.length === 0) throw discordError(10008, 404);
        },
      );
    },

    getCurrentGuilds() {
      return call('GET', '/users/@me/guilds', undefined, (tx) =>
        rows<{ id: string; name: string; icon: string | null }>(
          tx,
          sql`select g.id, g.name, g.icon from discord.sandbox_guilds g
                join discord.sandbox_members m on m.guild_id = g.id and m.user_id = ${appId}
               order by g.id limit 200`,
        ),
      );
    },
    getGuild(guildId) {
      return call('GET', `/guilds/${guildId}`, undefined, async (tx) => toGuild(await guildRow(tx, guildId)));
    },
    getRoles(guildId) {
      return call(
        'GET',
        `/guilds/${guildId}/roles`,
        undefined,
        async (tx) => (await guildRow(tx, guildId)).roles,
      );
    },
    getChannel(channelId) {
      return call('GET', `/channels/${channelId}`, undefined, async (tx) =>
        toChannel(await channelRow(tx, channelId)),
      );
    },
    getGuildChannels(guildId) {
      return call('GET', `/guilds/${guildId}/channels`, undefined, async (tx) => {
        await guildRow(tx, guildId);
        const list = await rows<ChannelRow>(
          tx,
          sql`select * from discord.sandbox_channels where guild_id = ${guildId} and type not in (10, 11, 12) order by id`,
        );
        return list.map(toChannel);
      });
    },
    getMember(guildId, userId) {
      return call('GET', `/guilds/${guildId}/members/${userId}`, undefined, async (tx) => {
        await guildRow(tx, guildId);
        const [m] = await rows<MemberRow>(
          tx,
          sql`select m.*, u.username, u.global_name, u.avatar, u.bot from discord.sandbox_members m
                join discord.sandbox_users u on u.id = m.user_id
               where m.guild_id = ${guildId} and m.user_id = ${userId}`,
        );
        return m ? toMember(m) : null;
      });
    },
    createRole(guildId, role) {
      return call('POST', `/guilds/${guildId}/roles`, role, async (tx) => {
        const guild = await requireManageRoles(tx, guildId);
        const created: DiscordRole = {
          id: nextId(),
          name: role.name.slice(0, 100),
          permissions: role.permissions ?? '0',
          // Discord puts a new role just above @everyone.
          position: 1,
          color: role.color ?? 0,
          managed: false,
        };
        const roles = [
          ...guild.roles.map((r) => (r.id !== guild.id ? { ...r, position: r.position + 1 } : r)),
          created,
        ];
        await tx.execute(
          sql`update discord.sandbox_guilds set roles = ${JSON.stringify(roles)}::jsonb where id = ${guildId}`,
        );
        return created;
      });
    },
    deleteRole(guildId, roleId) {
      return call('DELETE', `/guilds/${guildId}/roles/${roleId}`, undefined, async (tx) => {
        const guild = await requireManageRoles(tx, guildId);
        if (roleId === guildId || !guild.roles.some((r) => r.id === roleId)) throw discordError(10011, 404);
        const roles = guild.roles.filter((r) => r.id !== roleId);
        await tx.execute(
          sql`update discord.sandbox_guilds set roles = ${JSON.stringify(roles)}::jsonb where id = ${guildId}`,
        );
        await tx.execute(
          sql`update discord.sandbox_members set role_ids = array_remove(role_ids, ${roleId}::bigint)
               where guild_id = ${guildId}`,
        );
      });
    },
    addMemberRole(guildId, userId, roleId) {
      return call('PUT', `/guilds/${guildId}/members/${userId}/roles/${roleId}`, undefined, async (tx) => {
        await memberRoleChange(tx, guildId, userId, roleId, 'add');
      });
    },
    removeMemberRole(guildId, userId, roleId) {
      return call('DELETE', `/guilds/${guildId}/members/${userId}/roles/${roleId}`, undefined, async (tx) => {
        await memberRoleChange(tx, guildId, userId, roleId, 'remove');
      });
    },
    canPost: (channelId) => system((tx) => canPostIn(tx, channelId)),

    getCommands(scope: CommandScope = {}) {
      return call('GET', commandsRoute(scope), undefined, async (tx) => {
        const list = await rows<{ data: APIApplicationCommand }>(
          tx,
          sql`select data from discord.sandbox_commands where bot = ${identity} and guild_id = ${scope.guildId ?? '0'} order by name`,
        );
        return list.map((r) => r.data);
      });
    },
    overwriteCommands(commands: RESTPutAPIApplicationCommandsJSONBody, scope: CommandScope = {}) {
      return call('PUT', commandsRoute(scope), commands, async (tx) => {
        const guildId = scope.guildId ?? '0';
        const existing = await rows<{ name: string; id: string; version: string }>(
          tx,
          sql`select name, id, version from discord.sandbox_commands where bot = ${identity} and guild_id = ${guildId}`,
        );
        const byName = new Map(existing.map((e) => [e.name, e]));
        await tx.execute(
          sql`delete from discord.sandbox_commands where bot = ${identity} and guild_id = ${guildId}`,
        );
        const result: APIApplicationCommand[] = [];
        for (const command of commands) {
          // Discord keeps a command's id across overwrites when its name stays.
          const id = byName.get(command.name)?.id ?? nextId();
          const data = {
            type: 1,
            description: '',
            ...command,
            id,
            application_id: appId,
            version: nextId(),
            ...(scope.guildId ? { guild_id: scope.guildId } : {}),
          } as unknown as APIApplicationCommand;
          await tx.execute(
            sql`insert into discord.sandbox_commands (bot, guild_id, name, id, data, version)
                values (${identity}, ${guildId}, ${command.name}, ${id}, ${JSON.stringify(data)}::jsonb, ${data.version})`,
          );
          result.push(data);
        }
        return result;
      });
    },

    respondToInteraction(interactionId, token, response: APIInteractionResponse) {
      return call('POST', `/interactions/${interactionId}/{token}/callback`, response, async (tx) => {
        const i = await interaction(tx, token, 10062);
        if (i.id !== interactionId) throw discordError(10062, 404);
        if (i.responded) throw discordError(40060, 400);
        await tx.execute(
          sql`update discord.sandbox_interactions set responded = true where token = ${token}`,
        );
        const data = (response as { data?: MessagePayload & { allowed_mentions?: unknown } }).data;
        switch (response.type) {
          case InteractionResponseType.ChannelMessageWithSource:
            await insertMessage(tx, {
              channelId: i.channel_id,
              guildId: i.guild_id,
              recipientId: i.user_id,
              kind: 'interaction_response',
              token,
              message: data ?? {},
            });
            break;
          case InteractionResponseType.DeferredChannelMessageWithSource:
            // Discord shows "… is thinking" until the original response is edited.
            await insertMessage(tx, {
              channelId: i.channel_id,
              guildId: i.guild_id,
              recipientId: i.user_id,
              kind: 'interaction_response',
              token,
              message: { flags: (data?.flags ?? 0) | MessageFlags.Loading },
            });
            break;
          case InteractionResponseType.UpdateMessage:
          case InteractionResponseType.DeferredMessageUpdate: {
            // A component's interaction edits the message the component sits on.
            if (response.type === InteractionResponseType.UpdateMessage && i.message_id && data)
              await updateMessage(tx, sql`id = ${i.message_id}`, data);
            break;
          }
          default:
            break;
        }
      });
    },
    editOriginalResponse(token, message) {
      return call('PATCH', `/webhooks/${appId}/{token}/messages/@original`, message, async (tx) => {
        const i = await interaction(tx, token);
        const [own] = await rows(
          tx,
          sql`select id from discord.sandbox_messages where interaction_token = ${token} and kind = 'interaction_response'`,
        );
        // After a deferred update (type 6) the "original" is the message the button sits on.
        if (!own && i.message_id) return updateMessage(tx, sql`id = ${i.message_id}`, message);
        return updateMessage(
          tx,
          sql`interaction_token = ${token} and kind = 'interaction_response'`,
          message,
        );
      });
    },
    deleteOriginalResponse(token) {
      return call('DELETE', `/webhooks/${appId}/{token}/messages/@original`, undefined, async (tx) => {
        await interaction(tx, token);
        const done = await rows(
          tx,
          sql`update discord.sandbox_messages set deleted_at = now()
               where interaction_token = ${token} and kind = 'interaction_response' and deleted_at is null returning id`,
        );
        if (done.length === 0) throw discordError(10008, 404);
      });
    },
    followUp(token, message) {
      return call('POST', `/webhooks/${appId}/{token}`, message, async (tx) => {
        const i = await interaction(tx, token);
        if (!i.responded) throw discordError(10015, 404);
        return insertMessage(tx, {
          channelId: i.channel_id,
          guildId: i.guild_id,
          recipientId: i.user_id,
          kind: 'followup',
          token,
          message,
        });
      });
    },
  };

  /** The guild, when the bot holds Manage Roles in it (Discord answers 50013 otherwise). */
  async function requireManageRoles(tx: Tx, guildId: string) {
    const guild = await guildRow(tx, guildId);
    const [me] = await rows<MemberRow>(
      tx,
      sql`select m.*, u.username, u.global_name, u.avatar, u.bot from discord.sandbox_members m
            join discord.sandbox_users u on u.id = m.user_id
           where m.guild_id = ${guildId} and m.user_id = ${appId}`,
    );
    if (!me) throw discordError(50001, 403);
    const perms = channelPermissions({
      guildId,
      ownerId: guild.owner_id,
      roles: guild.roles,
      userId: appId,
      memberRoleIds: toMember(me).roleIds,
      overwrites: [],
    });
    if (!hasAll(perms, PermissionBits.MANAGE_ROLES)) throw discordError(50013, 403);
    return guild;
  }

  async function memberRoleChange(
    tx: Tx,
    guildId: string,
    userId: string,
    roleId: string,
    op: 'add' | 'remove',
  ) {
    const guild = await guildRow(tx, guildId);
    if (!guild.roles.some((r) => r.id === roleId)) throw discordError(10011, 404);
    const updated = await rows(
      tx,
      op === 'add'
        ? sql`update discord.sandbox_members set role_ids = array(select distinct unnest(role_ids || ${roleId}::bigint))
               where guild_id = ${guildId} and user_id = ${userId} returning user_id`
        : sql`update discord.sandbox_members set role_ids = array_remove(role_ids, ${roleId}::bigint)
               where guild_id = ${guildId} and user_id = ${userId} returning user_id`,
    );
    if (updated.length === 0) throw discordError(10007, 404);
  }

  function canPostIn(tx: Tx, channelId: string): Promise<boolean> {
    // The same computation as the REST adapter, over the sandbox's own records, inside the
    // caller's transaction (PGlite has one connection: a second transaction would wait forever).
    return canPostWith(
      {
        currentUser: async () => botUser,
        getChannel: async (id) => toChannel(await channelRow(tx, id)),
        getGuild: async (id) => toGuild(await guildRow(tx, id)),
        getRoles: async (id) => (await guildRow(tx, id)).roles,
        getMember: async (guildId, userId) => {
          const [m] = await rows<MemberRow>(
            tx,
            sql`select m.*, u.username, u.global_name, u.avatar, u.bot from discord.sandbox_members m
                  join discord.sandbox_users u on u.id = m.user_id
                 where m.guild_id = ${guildId} and m.user_id = ${userId}`,
          );
          return m ? toMember(m) : null;
        },
      },
      channelId,
    );
  }

  return port;
}
