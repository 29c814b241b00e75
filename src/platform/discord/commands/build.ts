import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { I18n } from '../../i18n/i18n.ts';
import type { CommandSpec, OptionSpec, OptionType, Requirement, SubcommandSpec } from './types.ts';

export const OPTION_TYPES: Readonly<Record<OptionType, ApplicationCommandOptionType>> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
  channel: ApplicationCommandOptionType.Channel,
  role: ApplicationCommandOptionType.Role,
  mentionable: ApplicationCommandOptionType.Mentionable,
  attachment: ApplicationCommandOptionType.Attachment,
};

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

/** Discord's limits, checked when commands are built so a bad declaration fails at start. */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`invalid command declaration: ${message}`);
}

function text(i18n: I18n, key: string, max: number): string {
  const value = i18n.t('en', key);
  check(value !== key, `missing catalogue entry ${key}`);
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function localized(i18n: I18n, key: string, max: number): Record<string, string> {
  return Object.fromEntries(
    Object.entries(i18n.discordLocalizations(key)).map(([l, v]) => [
      l,
      v.length > max ? `${v.slice(0, max - 1)}…` : v,
    ]),
  );
}

/** Names are localized only where the catalogue says so, and must still be valid command names. */
function nameLocalizations(i18n: I18n, key: string): Record<string, string> {
  const out = localized(i18n, key, 32);
  for (const [locale, name] of Object.entries(out)) check(NAME.test(name), `${key} for ${locale}: "${name}"`);
  return out;
}

function buildOption(
  i18n: I18n,
  key: string,
  name: string,
  spec: OptionSpec,
): APIApplicationCommandBasicOption {
  check(NAME.test(name), `option name "${name}"`);
  const base = `${key}.options.${name}`;
  const option: Record<string, unknown> = {
    type: OPTION_TYPES[spec.type],
    name,
    name_localizations: nameLocalizations(i18n, `${base}.name`),
    description: text(i18n, `${base}.description`, 100),
    description_localizations: localized(i18n, `${base}.description`, 100),
    required: spec.required ?? false,
  };
  if (spec.choices) {
    check(!spec.autocomplete, `${base}: choices and autocomplete exclude each other`);
    check(spec.choices.length <= 25, `${base}: at most 25 choices`);
    option.choices = spec.choices.map((value) => ({
      name: text(i18n, `${base}.choices.${value}`, 100),
      name_localizations: localized(i18n, `${base}.choices.${value}`, 100),
      value,
    }));
  }
  if (spec.autocomplete) {
    check(
      ['string', 'integer', 'number'].includes(spec.type),
      `${base}: autocomplete needs a text or number option`,
    );
    option.autocomplete = true;
  }
  if (spec.minValue !== undefined) option.min_value = spec.minValue;
  if (spec.maxValue !== undefined) option.max_value = spec.maxValue;
  if (spec.minLength !== undefined) option.min_length = spec.minLength;
  if (spec.maxLength !== undefined) option.max_length = spec.maxLength;
  if (spec.channelTypes) option.channel_types = [...spec.channelTypes];
  return option as unknown as APIApplicationCommandBasicOption;
}

function buildOptions(
  i18n: I18n,
  key: string,
  options: CommandSpec['options'],
): APIApplicationCommandBasicOption[] {
  const entries = Object.entries(options ?? {});
  check(entries.length <= 25, `${key}: at most 25 options`);
  // Discord wants required options first.
  return entries
    .sort(([, a], [, b]) => Number(b.required ?? false) - Number(a.required ?? false))
    .map(([name, spec]) => buildOption(i18n, key, name, spec));
}

function buildSubcommands(
  i18n: I18n,
  prefix: string,
  where: string,
  subcommands: Readonly<Record<string, SubcommandSpec>>,
) {
  const subs = Object.entries(subcommands);
  check(subs.length > 0 && subs.length <= 25, `${where}: 1–25 subcommands`);
  return subs.map(([name, sub]) => {
    check(NAME.test(name), `subcommand name "${name}"`);
    const key = `${prefix}.sub.${name}`;
    return {
      type: ApplicationCommandOptionType.Subcommand as const,
      name,
      name_localizations: nameLocalizations(i18n, `${key}.name`),
      description: text(i18n, `${key}.description`, 100),
      description_localizations: localized(i18n, `${key}.description`, 100),
      options: buildOptions(i18n, key, sub.options),
    };
  });
}

/** The JSON Discord gets for one command, with every localization the catalogues have. */
export function buildCommand(i18n: I18n, spec: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  check(NAME.test(spec.name), `command name "${spec.name}"`);
  const branches = Boolean(spec.subcommands) || Boolean(spec.groups);
  check(Boolean(spec.handler) !== branches, `${spec.name}: give either a handler or subcommands (or groups)`);
  check(!(branches && spec.options), `${spec.name}: options belong to its subcommands`);
  let options: APIApplicationCommandOption[];
  if (branches) {
    options = spec.subcommands ? buildSubcommands(i18n, spec.key, spec.name, spec.subcommands) : [];
    for (const [name, group] of Object.entries(spec.groups ?? {})) {
      check(NAME.test(name), `group name "${name}"`);
      check(
        !Object.hasOwn(spec.subcommands ?? {}, name),
        `${spec.name}: "${name}" is both a subcommand and a group`,
      );
      const key = `${spec.key}.group.${name}`;
      options.push({
        type: ApplicationCommandOptionType.SubcommandGroup,
        name,
        name_localizations: nameLocalizations(i18n, `${key}.name`),
        description: text(i18n, `${key}.description`, 100),
        description_localizations: localized(i18n, `${key}.description`, 100),
        options: buildSubcommands(i18n, key, `${spec.name} ${name}`, group.subcommands),
      });
    }
    check(options.length <= 25, `${spec.name}: at most 25 subcommands and groups`);
  } else options = buildOptions(i18n, spec.key, spec.options);
  // Every leaf with the requirements that lead to it; offered in DMs only when one works there.
  const leaves: Array<ReadonlyArray<Requirement | undefined>> = [
    ...Object.values(spec.subcommands ?? {}).map((s) => [s.requires]),
    ...Object.values(spec.groups ?? {}).flatMap((g) =>
      Object.values(g.subcommands).map((s) => [g.requires, s.requires]),
    ),
  ];
  const guildOnly =
    needsGuild(spec.requires) || (leaves.length > 0 && leaves.every((l) => l.some(needsGuild)));
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    name_localizations: nameLocalizations(i18n, `${spec.key}.name`),
    description: text(i18n, `${spec.key}.description`, 100),
    description_localizations: localized(i18n, `${spec.key}.description`, 100),
    options,
    // Without an explicit hint, a command that requires permissions is hidden from those lacking them.
    default_member_permissions:
      (spec.defaultMemberPermissions ?? spec.requires?.permissions)?.toString() ?? null,
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: guildOnly
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
    nsfw: false,
  };
}

function needsGuild(r: CommandSpec['requires']): boolean {
  return Boolean(r && (r.guildOnly || r.admin || r.capability || r.permissions));
}
