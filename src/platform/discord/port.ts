import type {
  APIAllowedMentions,
  APIApplicationCommand,
  APIEmbed,
  APIInteractionResponse,
  APIMessageTopLevelComponent,
  RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

/**
 * The outbound Discord port: everything Guildhall asks of Discord, narrow on purpose. Two adapters
 * behave the same for callers (one contract suite runs against both):
 *   - `rest.ts`: Discord's REST API through @discordjs/rest (per-route and global rate limits);
 *   - `log.ts`: the embedded "sandbox Discord" used when no bot token is configured, which keeps
 *     what would have been sent in the database so the dashboard can show it.
 * One port instance per bot identity: its own token, rate-limit buckets and application id.
 */
export type MessagePayload = {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly APIMessageTopLevelComponent[];
  readonly allowedMentions?: APIAllowedMentions;
  /** Message flags, e.g. 64 (ephemeral) on interaction responses and follow-ups. */
  readonly flags?: number;
  /**
   * Up to 25 characters, sent with new channel messages (not edits). With `enforceNonce`, Discord
   * returns the message the same author already sent with this nonce in the past few minutes
   * instead of creating a second one: a retried send after a crash does not post twice.
   */
  readonly nonce?: string;
  readonly enforceNonce?: boolean;
};

/**
 * How long a nonce is remembered for `enforceNonce`. Discord says "the past few minutes"; the
 * adapters that stand in for it (sandbox, test stand-in) use this.
 */
export const NONCE_WINDOW_MS = 5 * 60_000;

export type DiscordMessage = {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly authorId: string;
  readonly content: string;
  readonly embeds: APIEmbed[];
  readonly components: APIMessageTopLevelComponent[];
  readonly flags: number;
  readonly createdAt: string;
  readonly editedAt: string | null;
};

export type DiscordUser = {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly avatar: string | null;
  readonly bot: boolean;
};

export type DiscordGuild = {
  readonly id: string;
  readonly name: string;
  readonly icon: string | null;
  readonly ownerId: string;
  readonly preferredLocale: string;
};

export type DiscordRole = {
  readonly id: string;
  readonly name: string;
  /** Permission bit set as a decimal string (it exceeds 2^53). */
  readonly permissions: string;
  readonly position: number;
  readonly color: number;
  readonly managed: boolean;
};

export type DiscordChannel = {
  readonly id: string;
  /** Discord's ChannelType (0 text, 1 DM, 5 announcement, 11 public thread, …). */
  readonly type: number;
  readonly guildId: string | null;
  readonly name: string | null;
  readonly parentId: string | null;
  readonly permissionOverwrites: ReadonlyArray<{ id: string; type: number; allow: string; deny: string }>;
  readonly archived?: boolean;
};

export type DiscordMember = {
  readonly userId: string;
  readonly user: DiscordUser;
  readonly nickname: string | null;
  readonly roleIds: readonly string[];
  readonly joinedAt: string | null;
};

export type CreateThread = {
  readonly name: string;
  /** Start the thread on this message (public thread); without it a thread of its own. */
  readonly messageId?: string;
  /** 60, 1440, 4320 or 10080. */
  readonly autoArchiveMinutes?: 60 | 1440 | 4320 | 10080;
  /** Private thread (only without messageId). */
  readonly private?: boolean;
};

export type CreateRole = {
  readonly name: string;
  /** Permission bit set as a decimal string; default none ("0"): a role for mentions only. */
  readonly permissions?: string;
  readonly color?: number;
  /** Whether anyone may @mention it (a host pinging the players). */
  readonly mentionable?: boolean;
};

export type CommandScope = { readonly guildId?: string | undefined };

export type Discord = {
  readonly kind: 'rest' | 'log';
  /** Name of the bot identity (`default`, or the name in DISCORD_BOTS). */
  readonly identity: string;
  /** The application (and so the interaction webhook) id of this identity. */
  applicationId(): Promise<string>;
  /** The bot's own user. */
  currentUser(): Promise<DiscordUser>;

  sendMessage(channelId: string, message: MessagePayload): Promise<DiscordMessage>;
  editMessage(channelId: string, messageId: string, message: MessagePayload): Promise<DiscordMessage>;
  deleteMessage(channelId: string, messageId: string): Promise<void>;
  getMessage(channelId: string, messageId: string): Promise<DiscordMessage>;
  /** Opens (or reuses) the DM channel and sends; `DISCORD_CANNOT_DM` when the user does not accept DMs. */
  sendDm(userId: string, message: MessagePayload): Promise<DiscordMessage>;

  createThread(channelId: string, thread: CreateThread): Promise<DiscordChannel>;
  addThreadMember(threadId: string, userId: string): Promise<void>;
  /** Takes the user out of the thread; done already when they are not in it (or not in the guild). */
  removeThreadMember(threadId: string, userId: string): Promise<void>;
  archiveThread(threadId: string, options?: { locked?: boolean }): Promise<void>;

  /** Unicode emoji (`✅`) or custom emoji as `name:id`. */
  addReaction(channelId: string, messageId: string, emoji: string): Promise<void>;
  removeOwnReaction(channelId: string, messageId: string, emoji: string): Promise<void>;

  /** The guilds the bot is in (ids and names; up to 200, enough to intersect with a user's). */
  getCurrentGuilds(): Promise<Array<{ id: string; name: string; icon: string | null }>>;
  getGuild(guildId: string): Promise<DiscordGuild>;
  getRoles(guildId: string): Promise<DiscordRole[]>;
  getChannel(channelId: string): Promise<DiscordChannel>;
  getGuildChannels(guildId: string): Promise<DiscordChannel[]>;
  /** The member, or null when the user is not (or no longer) in the guild. */
  getMember(guildId: string, userId: string): Promise<DiscordMember | null>;
  /** A new role (below the bot's own, so the bot may grant it); needs Manage Roles. */
  createRole(guildId: string, role: CreateRole): Promise<DiscordRole>;
  deleteRole(guildId: string, roleId: string): Promise<void>;
  addMemberRole(guildId: string, userId: string, roleId: string): Promise<void>;
  removeMemberRole(guildId: string, userId: string, roleId: string): Promise<void>;
  /** Whether the bot may post messages with embeds in the channel (channel overwrites included). */
  canPost(channelId: string): Promise<boolean>;

  getCommands(scope?: CommandScope): Promise<APIApplicationCommand[]>;
  /** Replaces every command of the scope (global, or one guild) with `commands`. */
  overwriteCommands(
    commands: RESTPutAPIApplicationCommandsJSONBody,
    scope?: CommandScope,
  ): Promise<APIApplicationCommand[]>;

  /** The initial response to a gateway interaction (HTTP interactions answer in the HTTP response). */
  respondToInteraction(interactionId: string, token: string, response: APIInteractionResponse): Promise<void>;
  editOriginalResponse(token: string, message: MessagePayload): Promise<DiscordMessage>;
  deleteOriginalResponse(token: string): Promise<void>;
  followUp(token: string, message: MessagePayload): Promise<DiscordMessage>;
};
