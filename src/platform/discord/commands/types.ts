import type {
  APIApplicationCommandOptionChoice,
  APIEmbed,
  APIInteraction,
  APIMessageTopLevelComponent,
  APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { Messages, Params } from '../../i18n/i18n.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Discord, MessagePayload } from '../port.ts';

/**
 * How modules declare what they offer on Discord, once: slash commands, components (buttons and
 * selects) and modals. The framework builds the command JSON (with localizations), routes
 * interactions from both the HTTP endpoint and the Gateway to these handlers, checks
 * preconditions, parses options, defers slow handlers and renders errors as ephemeral messages.
 *
 * Texts are catalogue keys: a command with `key: 'games.commands.game'` takes its description
 * from `games.commands.game.description`, its localized name from `….name` (optional), an
 * option's from `….options.<option>.description`, a subcommand's from `….sub.<name>.description`,
 * a group's from `….group.<group>.description` (its subcommands under `….group.<group>.sub.<name>`)
 * and a choice's label from `….options.<option>.choices.<value>`.
 */

/** What a user must be or hold. Checked before the handler runs; failures answer ephemerally. */
export type Requirement = {
  /** Refuse in DMs. Implied by the other requirements. */
  readonly guildOnly?: boolean;
  /** Guild owner, ADMINISTRATOR or MANAGE_GUILD (the one access policy decides). */
  readonly admin?: boolean;
  /** A capability granted by the guild's configured roles (host, moderator, verifier). */
  readonly capability?: string;
  /**
   * Discord permissions the member must hold in this channel (e.g. `PermissionFlagsBits.ManageMessages`),
   * as Discord computed them for the interaction (overwrites included).
   */
  readonly permissions?: bigint;
};

export type OptionType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'user'
  | 'channel'
  | 'role'
  | 'mentionable'
  | 'attachment';

export type OptionSpec = {
  readonly type: OptionType;
  readonly required?: boolean;
  /** Fixed choices; labels come from the catalogue (`….choices.<value>`). */
  readonly choices?: ReadonlyArray<string | number>;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** ChannelType values allowed for channel options. */
  readonly channelTypes?: readonly number[];
  /** Suggestions while the user types (string, integer and number options). */
  readonly autocomplete?: (ctx: AutocompleteContext) => Promise<readonly APIApplicationCommandOptionChoice[]>;
};

export type OptionValue = string | number | boolean;

export type CommandHandler = (ctx: CommandContext) => Promise<Reply>;

export type SubcommandSpec = {
  readonly options?: Readonly<Record<string, OptionSpec>>;
  readonly requires?: Requirement;
  /** The answer is only for the user (decides the deferral's visibility too). */
  readonly ephemeral?: boolean;
  readonly handler: CommandHandler;
};

/** A subcommand group (`/game reminders off`): only subcommands, no options of its own. */
export type SubcommandGroupSpec = {
  /** Checked before the subcommand's own requirements. */
  readonly requires?: Requirement;
  readonly subcommands: Readonly<Record<string, SubcommandSpec>>;
};

export type CommandSpec = {
  /** Lowercase, 1–32 characters of a-z, 0-9, - and _. */
  readonly name: string;
  /** Catalogue prefix for this command's texts. */
  readonly key: string;
  readonly requires?: Requirement;
  /** Discord hides the command from members lacking these permissions (a UI hint, not a check). */
  readonly defaultMemberPermissions?: bigint;
  readonly ephemeral?: boolean;
  /** Either options and a handler, or subcommands and/or groups of subcommands (Discord's one level). */
  readonly options?: Readonly<Record<string, OptionSpec>>;
  readonly handler?: CommandHandler;
  readonly subcommands?: Readonly<Record<string, SubcommandSpec>>;
  readonly groups?: Readonly<Record<string, SubcommandGroupSpec>>;
};

export type ComponentSpec = {
  /** Unique within the module: custom ids read `<module>:<id>:v<version>:<expiry>:<state…>`. */
  readonly id: string;
  /** Bump when the meaning of the state changes: older buttons then answer "outdated". */
  readonly version: number;
  readonly requires?: Requirement;
  readonly ephemeral?: boolean;
  /**
   * The handler usually answers with `update: true` (edits the message it sits on): a slow one is
   * then acknowledged with "deferred update" rather than a "thinking…" message.
   */
  readonly updatesMessage?: boolean;
  readonly handler: (ctx: ComponentContext) => Promise<Reply>;
};

export type ModalSpec = {
  readonly id: string;
  readonly version: number;
  readonly requires?: Requirement;
  readonly ephemeral?: boolean;
  readonly handler: (ctx: ModalContext) => Promise<Reply>;
};

/** What a module contributes to Discord (see `Module.discord`). */
export type DiscordPart = {
  readonly commands?: readonly CommandSpec[];
  readonly components?: readonly ComponentSpec[];
  readonly modals?: readonly ModalSpec[];
  /** The module's messages, merged into the process catalogue at start. */
  readonly messages?: Partial<Record<Locale, Messages>>;
};

/**
 * A handler's answer. `update: true` (components only) edits the message the component sits on
 * instead of answering with a new one. A `modal` opens a form (not possible after deferral).
 */
export type Reply =
  | (MessagePayload & { readonly ephemeral?: boolean; readonly update?: boolean; readonly modal?: undefined })
  | { readonly modal: APIModalInteractionResponseCallbackData };

export type Embeds = readonly APIEmbed[];
export type Components = readonly APIMessageTopLevelComponent[];

export type BaseContext = {
  readonly interaction: APIInteraction;
  /** The bot identity this interaction came to. */
  readonly identity: string;
  readonly discord: Discord;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly userId: string;
  /** The user's language if we have it, else the guild's, else English. */
  readonly locale: Locale;
  readonly t: (key: string, params?: Params) => string;
  /** Custom ids for this module's components and modals. */
  customId(
    componentId: string,
    state?: readonly string[],
    options?: { ttlMs?: number; version?: number },
  ): string;
};

export type CommandContext = BaseContext & {
  readonly commandName: string;
  /** The subcommand, `<group> <subcommand>` within a group (`reminders off`). */
  readonly subcommand: string | undefined;
  /** Parsed options by name, typed by their declaration (user/channel/role options are ids). */
  readonly options: Readonly<Record<string, OptionValue | undefined>>;
};

export type AutocompleteContext = BaseContext & {
  readonly commandName: string;
  readonly subcommand: string | undefined;
  /** The option being typed into and its text so far. */
  readonly focused: { readonly name: string; readonly value: string };
  readonly options: Readonly<Record<string, OptionValue | undefined>>;
};

export type ComponentContext = BaseContext & {
  readonly componentId: string;
  readonly state: readonly string[];
  /** Values chosen in a select menu. */
  readonly values: readonly string[];
  readonly messageId: string | null;
};

export type ModalContext = BaseContext & {
  readonly modalId: string;
  readonly state: readonly string[];
  /** Text input values by custom id. */
  readonly fields: Readonly<Record<string, string>>;
};
