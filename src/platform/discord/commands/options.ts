import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import { UserError } from '../../errors.ts';
import { OPTION_TYPES } from './build.ts';
import type { OptionSpec, OptionValue } from './types.ts';

export type ParsedOptions = {
  readonly subcommand: string | undefined;
  readonly values: Record<string, OptionValue | undefined>;
  readonly focused: { name: string; value: string } | undefined;
};

/** Flattens Discord's option tree into the subcommand name and its options. */
export function flattenOptions(options: readonly APIApplicationCommandInteractionDataOption[] | undefined): {
  subcommand: string | undefined;
  options: APIApplicationCommandInteractionDataBasicOption[];
} {
  const first = options?.[0];
  if (first?.type === ApplicationCommandOptionType.Subcommand)
    return { subcommand: first.name, options: [...(first.options ?? [])] };
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    const sub = first.options[0];
    return { subcommand: sub ? `${first.name} ${sub.name}` : first.name, options: [...(sub?.options ?? [])] };
  }
  return {
    subcommand: undefined,
    options: [...((options ?? []) as APIApplicationCommandInteractionDataBasicOption[])],
  };
}

/**
 * Checks every option against its declaration: the type Discord says it sent and the JS type of
 * the value, required options, choices and bounds. Discord enforces most of this itself, but a
 * command registered by an older build, or a forged payload, must not reach a handler with a
 * string where it expects a number. Problems become `UserError`s with catalogue parameters.
 */
export function parseOptions(
  declared: Readonly<Record<string, OptionSpec>>,
  given: readonly APIApplicationCommandInteractionDataBasicOption[],
  options: { autocomplete?: boolean } = {},
): Omit<ParsedOptions, 'subcommand'> {
  const values: Record<string, OptionValue | undefined> = {};
  let focused: ParsedOptions['focused'];
  for (const option of given) {
    const spec = declared[option.name];
    if (!spec) continue; // an option this build no longer declares: ignored, as Discord would after re-registering
    const raw = (option as { value?: unknown }).value;
    if ((option as { focused?: boolean }).focused) {
      focused = { name: option.name, value: String(raw ?? '') };
      continue;
    }
    if (option.type !== OPTION_TYPES[spec.type] || !jsTypeMatches(spec, raw))
      throw invalidOption(option.name, spec);
    const value = raw as OptionValue;
    if (spec.choices && !spec.choices.includes(value as string | number))
      throw invalidOption(option.name, spec);
    if (typeof value === 'number') {
      if (
        (spec.minValue !== undefined && value < spec.minValue) ||
        (spec.maxValue !== undefined && value > spec.maxValue)
      )
        throw invalidOption(option.name, spec);
    }
    if (typeof value === 'string' && spec.type === 'string') {
      if (
        (spec.minLength !== undefined && value.length < spec.minLength) ||
        (spec.maxLength !== undefined && value.length > spec.maxLength)
      )
        throw invalidOption(option.name, spec);
    }
    values[option.name] = value;
  }
  if (!options.autocomplete) {
    for (const [name, spec] of Object.entries(declared)) {
      if (spec.required && values[name] === undefined)
        throw new UserError('DISCORD_OPTION_MISSING', `“${name}” is required.`, {
          params: { option: name },
        });
    }
  }
  return { values, focused };
}

function jsTypeMatches(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    default:
      // Users, channels, roles, mentionables and attachments arrive as ids.
      return typeof value === 'string' && /^\d{1,20}$/.test(value);
  }
}

function invalidOption(name: string, spec: OptionSpec): UserError {
  return new UserError('DISCORD_OPTION_INVALID', `“${name}” must be ${spec.type}.`, {
    params: { option: name, expected: spec.type },
  });
}
