import {
  type APIActionRowComponent,
  type APIComponentInModalActionRow,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';
import type { BaseContext, Reply } from '#platform/discord/commands/types.ts';
import type { Actor } from '../types.ts';

/** What the `/game` forms share: the catalogue prefix, the limits, text inputs and small readers. */
export const K = 'games.discord';
export const LIMITS = {
  title: 100,
  when: 100,
  description: 1000,
  duration: { min: 5, max: 1440 },
  maxPlayers: { min: 1, max: 1000 },
  leadMinutes: { min: 1, max: 10080 },
} as const;

/** What a Discord user acts as in the service (the audit log names them). */
export function actorOf(ctx: BaseContext): Actor {
  return {
    userId: ctx.userId,
    principal: { userId: ctx.userId, via: 'session', scopes: 'all', guildId: ctx.guildId ?? undefined },
    requestId: ctx.interaction.id,
  };
}

export const guildOf = (ctx: BaseContext) => ctx.guildId as string;
export const ephemeral = (content: string): Reply => ({ content, ephemeral: true });

/** A whole number in range, from a text field; undefined when empty, null when invalid. */
export function intField(
  value: string | undefined,
  range: { min: number; max: number },
): number | null | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (!/^\d{1,7}$/.test(text)) return null;
  const n = Number(text);
  return n >= range.min && n <= range.max ? n : null;
}

export function textInput(
  id: string,
  label: string,
  options: { value?: string; placeholder?: string; required?: boolean; max: number; paragraph?: boolean },
): APIActionRowComponent<APIComponentInModalActionRow> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.TextInput,
        custom_id: id,
        label: label.slice(0, 45),
        style: options.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: options.required ?? false,
        max_length: options.max,
        ...(options.value ? { value: options.value.slice(0, options.max) } : {}),
        ...(options.placeholder ? { placeholder: options.placeholder.slice(0, 100) } : {}),
      },
    ],
  };
}
