import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandOptionChoice,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { AppError, UserError } from '../../errors.ts';
import type { I18n, Params } from '../../i18n/i18n.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Logger } from '../../log/logger.ts';
import { decodeCustomId, encodeCustomId } from '../commands/custom-id.ts';
import { flattenOptions, parseOptions } from '../commands/options.ts';
import { findSubcommand, type Registry } from '../commands/registry.ts';
import type { BaseContext, OptionSpec, Reply, Requirement } from '../commands/types.ts';
import { isDiscordError } from '../errors.ts';
import type { Discord, MessagePayload } from '../port.ts';

/** Why a requirement is not met, as a catalogue key with parameters; undefined when it is met. */
export type Denial = { readonly key: string; readonly params?: Params };

/**
 * Decides requirements with the one access policy of the application (core's), which the
 * platform cannot import: the runtime passes it in.
 */
export type Authorizer = (input: {
  guildId: string;
  userId: string;
  requirement: Requirement;
}) => Promise<Denial | undefined>;

export type DispatcherOptions = {
  readonly identity: string;
  readonly discord: Discord;
  readonly registry: Registry;
  readonly i18n: I18n;
  readonly log: Logger;
  readonly authorize: Authorizer;
  /**
   * Whether the guild has this module turned on. Commands, buttons, forms and suggestions of a
   * module that is off reach no handler (an ephemeral answer; no suggestions). Without it, every
   * module is on; in DMs there is no guild to ask.
   */
  readonly moduleEnabled?: (guildId: string, module: string) => Promise<boolean>;
  /** The guild's configured language (core.guild_settings.locale). */
  readonly guildLocale?: (guildId: string) => Promise<string | undefined>;
  /**
   * After how long a handler that has not answered is acknowledged with a deferral. Discord
   * drops answers that arrive after 3 s; 2 s leaves room for the network and a slow database.
   */
  readonly deferAfterMs?: number;
  /** Keeps background work (follow-ups after a deferral) visible for graceful shutdown. */
  readonly track?: (work: Promise<unknown>) => void;
};

export type Respond = (response: APIInteractionResponse) => Promise<void>;

export type Dispatcher = {
  readonly identity: string;
  /**
   * Handles one interaction. `respond` sends the initial response (the HTTP reply, or the
   * callback endpoint for Gateway interactions) and is called exactly once; whatever follows a
   * deferral runs after it, through the interaction's webhook.
   */
  dispatch(interaction: APIInteraction, respond: Respond): Promise<void>;
};

export const DEFAULT_DEFER_AFTER_MS = 2_000;

/** Our codes, rendered from the catalogue; other modules' codes from `errors.<CODE>` when present. */
const CODE_KEYS: Record<string, string> = {
  DISCORD_OPTION_INVALID: 'discord.errors.optionInvalid',
  DISCORD_OPTION_MISSING: 'discord.errors.optionMissing',
};

type Run = {
  readonly ephemeral: boolean;
  readonly component: boolean;
  readonly updatesMessage: boolean;
  readonly handler: () => Promise<Reply>;
  /** When the interaction arrived: look-ups before the handler count against Discord's clock too. */
  readonly startedAt: number;
};

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { registry, i18n, discord } = options;
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const log = options.log.child({ discord: options.identity });

  async function localeOf(interaction: APIInteraction): Promise<Locale> {
    const user = 'locale' in interaction ? interaction.locale : undefined;
    const own = i18n.resolve(user);
    if (user && own !== 'en') return own;
    if (user?.toLowerCase().startsWith('en')) return 'en';
    const guildId = interaction.guild_id;
    const guildSetting =
      guildId && options.guildLocale ? await options.guildLocale(guildId).catch(() => undefined) : undefined;
    return i18n.resolve(guildSetting, interaction.guild_locale);
  }

  function baseContext(interaction: APIInteraction, module: string, locale: Locale): BaseContext {
    const userId = interaction.member?.user.id ?? interaction.user?.id ?? '';
    return {
      interaction,
      identity: options.identity,
      discord,
      guildId: interaction.guild_id ?? null,
      channelId: interaction.channel?.id ?? (interaction as { channel_id?: string }).channel_id ?? null,
      userId,
      locale,
      t: i18n.forLocale(locale),
      customId(componentId, state = [], opts = {}) {
        const spec = registry.component(module, componentId) ?? registry.modal(module, componentId);
        if (!spec) throw new Error(`${module} declares no component or modal "${componentId}"`);
        return encodeCustomId({
          module,
          id: componentId,
          version: opts.version ?? spec.version,
          state,
          ...(opts.ttlMs !== undefined ? { expiresAt: Date.now() + opts.ttlMs } : {}),
        });
      },
    };
  }

  function message(
    t: (k: string, p?: Params) => string,
    key: string,
    params?: Params,
  ): APIInteractionResponse {
    return {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: t(key, params), flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    };
  }

  /** The text a user sees for an error: theirs to fix (UserError) or ours (with a reference). */
  function errorText(error: unknown, locale: Locale, interaction: APIInteraction): string {
    const t = i18n.forLocale(locale);
    if (error instanceof UserError) {
      const key = CODE_KEYS[error.code] ?? `errors.${error.code}`;
      const params: Record<string, unknown> = { ...error.params };
      if (typeof params.expected === 'string' && i18n.has('en', `discord.optionTypes.${params.expected}`))
        params.expected = t(`discord.optionTypes.${params.expected}`);
      return i18n.has('en', key) ? t(key, params) : error.message;
    }
    if (isDiscordError(error) && error.code === 'DISCORD_UNAVAILABLE') return t('discord.errors.unavailable');
    log.error(
      { err: error, interactionId: interaction.id, type: interaction.type },
      'interaction handler failed',
    );
    return t('discord.errors.internal', { reference: interaction.id });
  }

  function toData(reply: MessagePayload & { ephemeral?: boolean }, ephemeralDefault: boolean) {
    const ephemeral = reply.ephemeral ?? ephemeralDefault;
    return {
      ...(reply.content !== undefined ? { content: reply.content } : {}),
      ...(reply.embeds !== undefined ? { embeds: [...reply.embeds] } : {}),
      ...(reply.components !== undefined ? { components: [...reply.components] } : {}),
      flags: (reply.flags ?? 0) | (ephemeral ? MessageFlags.Ephemeral : 0),
      allowed_mentions: reply.allowedMentions ?? { parse: [] },
    };
  }

  /**
   * Runs a handler against Discord's clock: answered in time, the reply is the initial response;
   * otherwise the interaction is deferred and the reply (or the error) follows via the webhook.
   */
  async function run(interaction: APIInteraction, locale: Locale, respond: Respond, job: Run): Promise<void> {
    type Outcome = { ok: true; reply: Reply } | { ok: false; error: unknown };
    const work: Promise<Outcome> = job.handler().then(
      (reply) => ({ ok: true, reply }),
      (error) => ({ ok: false, error }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), Math.max(0, deferAfterMs - (Date.now() - job.startedAt)));
    });
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    const t = i18n.forLocale(locale);

    if (first !== 'late') {
      if (!first.ok)
        return respond({
          type: InteractionResponseType.ChannelMessageWithSource,
          data: {
            content: errorText(first.error, locale, interaction),
            flags: MessageFlags.Ephemeral,
            allowed_mentions: { parse: [] },
          },
        });
      const reply = first.reply;
      if (reply.modal) return respond({ type: InteractionResponseType.Modal, data: reply.modal });
      if (job.component && reply.update)
        return respond({
          type: InteractionResponseType.UpdateMessage,
          data: toData({ ...reply, ephemeral: false }, false),
        });
      return respond({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: toData(reply, job.ephemeral),
      });
    }

    const deferUpdate = job.component && job.updatesMessage;
    await respond(
      deferUpdate
        ? { type: InteractionResponseType.DeferredMessageUpdate }
        : {
            type: InteractionResponseType.DeferredChannelMessageWithSource,
            ...(job.ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}),
          },
    );
    const finish = (async () => {
      const outcome = await work;
      const token = interaction.token;
      try {
        if (!outcome.ok) {
          const content = errorText(outcome.error, locale, interaction);
          if (!deferUpdate && job.ephemeral)
            await discord.editOriginalResponse(token, { content, embeds: [], components: [] });
          else {
            if (!deferUpdate) await discord.deleteOriginalResponse(token).catch(() => {});
            await discord.followUp(token, { content, flags: MessageFlags.Ephemeral });
          }
          return;
        }
        const reply = outcome.reply;
        if (reply.modal) {
          await discord.followUp(token, {
            content: t('discord.errors.modalTooLate'),
            flags: MessageFlags.Ephemeral,
          });
          return;
        }
        const payload = toData(reply, job.ephemeral);
        if (deferUpdate) {
          if (reply.update) await discord.editOriginalResponse(token, { ...payload, flags: 0 });
          else await discord.followUp(token, payload);
          return;
        }
        const wantsEphemeral = (payload.flags & MessageFlags.Ephemeral) !== 0;
        if (wantsEphemeral && !job.ephemeral) {
          // The deferral was public but the answer is private: replace the "thinking…" message.
          await discord.deleteOriginalResponse(token).catch(() => {});
          await discord.followUp(token, payload);
        } else await discord.editOriginalResponse(token, payload);
      } catch (error) {
        log.error({ err: error, interactionId: interaction.id }, 'follow-up after deferral failed');
      }
    })();
    options.track?.(finish);
    await finish;
  }

  return {
    identity: options.identity,
    async dispatch(interaction, respond) {
      const startedAt = Date.now();
      if (interaction.type === InteractionType.Ping) return respond({ type: InteractionResponseType.Pong });
      const locale = await localeOf(interaction);
      const t = i18n.forLocale(locale);
      const answerError = (error: unknown) =>
        respond({
          type: InteractionResponseType.ChannelMessageWithSource,
          data: {
            content: errorText(error, locale, interaction),
            flags: MessageFlags.Ephemeral,
            allowed_mentions: { parse: [] },
          },
        });
      const deny = async (
        requirements: ReadonlyArray<Requirement | undefined>,
      ): Promise<Denial | undefined> => {
        for (const requirement of requirements) {
          if (!requirement) continue;
          const needsGuild =
            requirement.guildOnly || requirement.admin || requirement.capability || requirement.permissions;
          if (needsGuild && !interaction.guild_id) return { key: 'discord.errors.guildOnly' };
          if (requirement.permissions !== undefined) {
            // Discord sends the member's permissions in this channel with every guild interaction
            // (signed, so not forgeable): no look-up needed.
            const held = BigInt(interaction.member?.permissions ?? '0');
            const missing = requirement.permissions & ~held;
            if (missing !== 0n)
              return {
                key: 'discord.errors.missingPermissions',
                params: { permissions: permissionNames(missing, t) },
              };
          }
          if (interaction.guild_id && (requirement.admin || requirement.capability)) {
            const denial = await options.authorize({
              guildId: interaction.guild_id,
              userId: interaction.member?.user.id ?? '',
              requirement,
            });
            if (denial) return denial;
          }
        }
        return undefined;
      };
      const denied = (d: Denial) => respond(message(t, d.key, translateParams(d.params)));
      const moduleOff = async (module: string) =>
        Boolean(
          interaction.guild_id &&
            options.moduleEnabled &&
            !(await options.moduleEnabled(interaction.guild_id, module)),
        );
      const refuseOff = (module: string) => respond(message(t, 'discord.errors.moduleDisabled', { module }));
      const translateParams = (p: Params | undefined) =>
        p && typeof p.capability === 'string' && i18n.has('en', `discord.capabilities.${p.capability}`)
          ? { ...p, capability: t(`discord.capabilities.${p.capability}`) }
          : p;

      try {
        switch (interaction.type) {
          case InteractionType.ApplicationCommand: {
            const i = interaction as APIChatInputApplicationCommandInteraction;
            const found =
              i.data.type === ApplicationCommandType.ChatInput ? registry.command(i.data.name) : undefined;
            if (!found) return respond(message(t, 'discord.errors.unknownCommand'));
            const { spec, module } = found;
            if (await moduleOff(module)) return refuseOff(module);
            const flat = flattenOptions(i.data.options);
            const leaf = findSubcommand(spec, flat.subcommand);
            const sub = leaf?.sub;
            if ((spec.subcommands || spec.groups) && !sub)
              return respond(message(t, 'discord.errors.unknownCommand'));
            const denial = await deny([spec.requires, ...(leaf?.requires ?? [])]);
            if (denial) return denied(denial);
            const declared = (sub ? sub.options : spec.options) ?? {};
            const parsed = parseOptions(declared, flat.options);
            const handler = sub?.handler ?? spec.handler;
            if (!handler) return respond(message(t, 'discord.errors.unknownCommand'));
            const ctx = {
              ...baseContext(interaction, module, locale),
              commandName: spec.name,
              subcommand: flat.subcommand,
              options: parsed.values,
            };
            return await run(interaction, locale, respond, {
              startedAt,
              ephemeral: sub?.ephemeral ?? spec.ephemeral ?? false,
              component: false,
              updatesMessage: false,
              handler: () => handler(ctx),
            });
          }

          case InteractionType.ApplicationCommandAutocomplete: {
            const i = interaction as APIApplicationCommandAutocompleteInteraction;
            const choices = async (): Promise<readonly APIApplicationCommandOptionChoice[]> => {
              const found = registry.command(i.data.name);
              if (!found || (await moduleOff(found.module))) return [];
              const flat = flattenOptions(i.data.options);
              const leaf = findSubcommand(found.spec, flat.subcommand);
              const sub = leaf?.sub;
              if ((found.spec.subcommands || found.spec.groups) && !sub) return [];
              const declared: Readonly<Record<string, OptionSpec>> =
                (sub ? sub.options : found.spec.options) ?? {};
              const parsed = parseOptions(declared, flat.options, { autocomplete: true });
              const focused = parsed.focused;
              const complete = focused ? declared[focused.name]?.autocomplete : undefined;
              if (!focused || !complete) return [];
              // Suggestions are not secret, but they may list guild data: same requirements as the command.
              if (await deny([found.spec.requires, ...(leaf?.requires ?? [])])) return [];
              return complete({
                ...baseContext(interaction, found.module, locale),
                commandName: found.spec.name,
                subcommand: flat.subcommand,
                focused,
                options: parsed.values,
              });
            };
            // Autocomplete cannot be deferred: whatever is not ready in time answers "no suggestions".
            let timer: NodeJS.Timeout | undefined;
            const list = await Promise.race([
              choices().catch((error) => {
                log.warn({ err: error, interactionId: i.id }, 'autocomplete failed');
                return [];
              }),
              new Promise<readonly APIApplicationCommandOptionChoice[]>((resolve) => {
                timer = setTimeout(() => resolve([]), Math.max(0, deferAfterMs - (Date.now() - startedAt)));
              }),
            ]);
            clearTimeout(timer);
            return respond({
              type: InteractionResponseType.ApplicationCommandAutocompleteResult,
              data: { choices: list.slice(0, 25) as APIApplicationCommandOptionChoice[] },
            });
          }

          case InteractionType.MessageComponent:
          case InteractionType.ModalSubmit: {
            const isModal = interaction.type === InteractionType.ModalSubmit;
            const i = interaction as APIMessageComponentInteraction | APIModalSubmitInteraction;
            const parsed = decodeCustomId(i.data.custom_id);
            const spec = parsed
              ? isModal
                ? registry.modal(parsed.module, parsed.id)
                : registry.component(parsed.module, parsed.id)
              : undefined;
            if (!parsed || !spec)
              return respond(
                message(t, isModal ? 'discord.errors.unknownModal' : 'discord.errors.unknownComponent'),
              );
            if (await moduleOff(parsed.module)) return refuseOff(parsed.module);
            if (parsed.version !== spec.version)
              return respond(message(t, 'discord.errors.outdatedComponent'));
            if (parsed.expiresAt !== undefined && parsed.expiresAt < Date.now())
              return respond(message(t, 'discord.errors.expiredComponent'));
            const denial = await deny([spec.requires]);
            if (denial) return denied(denial);
            const base = baseContext(interaction, parsed.module, locale);
            if (isModal) {
              const modal = i as APIModalSubmitInteraction;
              const handler = (spec as { handler: (c: unknown) => Promise<Reply> }).handler;
              return await run(interaction, locale, respond, {
                startedAt,
                ephemeral: spec.ephemeral ?? true,
                component: false,
                updatesMessage: false,
                handler: () =>
                  handler({ ...base, modalId: parsed.id, state: parsed.state, fields: modalFields(modal) }),
              });
            }
            const component = i as APIMessageComponentInteraction;
            const handler = (spec as { handler: (c: unknown) => Promise<Reply> }).handler;
            return await run(interaction, locale, respond, {
              startedAt,
              ephemeral: spec.ephemeral ?? true,
              component: true,
              updatesMessage: (spec as { updatesMessage?: boolean }).updatesMessage ?? false,
              handler: () =>
                handler({
                  ...base,
                  componentId: parsed.id,
                  state: parsed.state,
                  values: (component.data as { values?: string[] }).values ?? [],
                  messageId: component.message?.id ?? null,
                }),
            });
          }
          default:
            return respond(message(t, 'discord.errors.unknownCommand'));
        }
      } catch (error) {
        // Failures before the handler ran (options, preconditions): nothing was answered yet.
        if (error instanceof AppError || error instanceof Error) return answerError(error);
        throw error;
      }
    },
  };
}

/** "Manage Messages, Kick Members" for a permission bit set, from the catalogue where it has the name. */
export function permissionNames(bits: bigint, t: (key: string) => string): string {
  const names: string[] = [];
  for (const [name, bit] of Object.entries(PermissionFlagsBits)) {
    if ((bits & bit) === 0n) continue;
    const key = `discord.permissions.${name}`;
    const text = t(key);
    names.push(text === key ? name.replace(/([a-z])([A-Z])/g, '$1 $2') : text);
  }
  return names.join(', ');
}

/** Text inputs by custom id, from action rows (classic) and labels (newer modal layout). */
export function modalFields(interaction: APIModalSubmitInteraction): Record<string, string> {
  const fields: Record<string, string> = {};
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as {
      custom_id?: string;
      value?: unknown;
      values?: unknown;
      components?: unknown[];
      component?: unknown;
    };
    if (n.custom_id && typeof n.value === 'string') fields[n.custom_id] = n.value;
    else if (n.custom_id && Array.isArray(n.values)) fields[n.custom_id] = n.values.join(',');
    for (const child of n.components ?? []) visit(child);
    if (n.component) visit(n.component);
  };
  for (const c of interaction.data.components ?? []) visit(c);
  return fields;
}
