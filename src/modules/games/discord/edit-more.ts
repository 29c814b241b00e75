import {
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { BaseContext, ComponentSpec, ModalSpec, Reply } from '#platform/discord/commands/types.ts';
import type { GamesService } from '../service/contract.ts';
import { MAX_REMINDERS } from '../service/validate.ts';
import { formatMinutes, parseMinutesList } from '../time/parse-duration.ts';
import { formatRepeat, parseRepeat } from '../time/parse-repeat.ts';
import type { Game, GamePatch } from '../types.ts';
import { actorOf, ephemeral, guildOf, intField, K, LIMITS, textInput } from './form.ts';
import { whenText } from './render.ts';

/**
 * `/game edit`'s second step. A Discord form holds five inputs, and the first one's are taken
 * (title, time, duration, max players, description); its answer carries a "More settings…"
 * button that opens this one: min players, reminders ("1d, 15m"), how the game repeats, the
 * activity and the sign-up instructions. Everything is read before anything is saved, so a
 * value it cannot read is an ephemeral answer and the game stays as it was.
 */
const ID = 'edit-more';
const VERSION = 1;
const BUTTON_TTL_MS = 15 * 60_000;
/** The service's own bound (30 days), said in the form's words. */
const MAX_REMINDER_MINUTES = 30 * 1440;
const MAX = { activity: 200, instructions: 2000 } as const;

export function editMoreButton(ctx: BaseContext, gameId: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: ctx.customId(ID, [gameId], { ttlMs: BUTTON_TTL_MS }),
        label: ctx.t(`${K}.edit.more`),
      },
    ],
  };
}

const sameOffsets = (a: readonly number[], b: readonly number[]) =>
  JSON.stringify([...a].sort((x, y) => y - x)) === JSON.stringify([...b].sort((x, y) => y - x));

export function editMore(deps: { readonly service: GamesService }): {
  component: ComponentSpec;
  modal: ModalSpec;
} {
  const { service } = deps;

  const form = (ctx: BaseContext, game: Game): Reply => ({
    modal: {
      custom_id: ctx.customId(ID, [game.id]),
      title: ctx.t(`${K}.edit.moreTitle`),
      components: [
        textInput('minPlayers', ctx.t(`${K}.edit.minPlayers`), {
          max: 4,
          ...(game.minPlayers !== null ? { value: String(game.minPlayers) } : {}),
        }),
        textInput('reminders', ctx.t(`${K}.edit.reminders`), {
          max: 100,
          value: game.reminderOffsetsMinutes.map(formatMinutes).join(', '),
          placeholder: '1d, 2h, 15m',
        }),
        textInput('repeat', ctx.t(`${K}.edit.repeat`), {
          max: 40,
          value: formatRepeat(game.recurrence),
          placeholder: ctx.t(`${K}.edit.repeatPlaceholder`),
        }),
        textInput('activity', ctx.t(`${K}.edit.activity`), {
          max: MAX.activity,
          ...(game.activity ? { value: game.activity } : {}),
        }),
        textInput('instructions', ctx.t(`${K}.edit.instructions`), {
          max: MAX.instructions,
          paragraph: true,
          ...(game.signupInstructions ? { value: game.signupInstructions } : {}),
        }),
      ],
    },
  });

  /** The changes the form asks for, or the reply that says what it cannot read. */
  const readPatch = (
    ctx: BaseContext & { fields: Readonly<Record<string, string>> },
    game: Game,
  ): { patch: GamePatch } | { problem: Reply } => {
    const f = ctx.fields;
    const minPlayers = intField(f.minPlayers, LIMITS.maxPlayers);
    if (minPlayers === null)
      return {
        problem: ephemeral(
          ctx.t(`${K}.create.notNumber`, { field: ctx.t(`${K}.edit.minPlayers`), ...LIMITS.maxPlayers }),
        ),
      };
    const remindersText = (f.reminders ?? '').trim();
    const reminders = parseMinutesList(remindersText);
    if (!reminders || reminders.length > MAX_REMINDERS || reminders.some((m) => m > MAX_REMINDER_MINUTES))
      return {
        problem: ephemeral(ctx.t(`${K}.edit.badReminders`, { text: remindersText, max: MAX_REMINDERS })),
      };
    const repeatText = (f.repeat ?? '').trim();
    const recurrence = parseRepeat(repeatText, new Date(game.startsAt), game.timezone);
    if (recurrence === undefined)
      return { problem: ephemeral(ctx.t(`${K}.edit.badRepeat`, { text: repeatText })) };
    const activity = (f.activity ?? '').trim().slice(0, MAX.activity) || null;
    const instructions = (f.instructions ?? '').trim().slice(0, MAX.instructions) || null;

    const patch: { -readonly [K in keyof GamePatch]: GamePatch[K] } = {};
    if ((minPlayers ?? null) !== game.minPlayers) patch.minPlayers = minPlayers ?? null;
    if (!sameOffsets(reminders, game.reminderOffsetsMinutes)) patch.reminderOffsetsMinutes = reminders;
    if (JSON.stringify(recurrence) !== JSON.stringify(game.recurrence)) patch.recurrence = recurrence;
    if (activity !== game.activity) patch.activity = activity;
    if (instructions !== game.signupInstructions) patch.signupInstructions = instructions;
    return { patch };
  };

  return {
    component: {
      id: ID,
      version: VERSION,
      requires: { guildOnly: true },
      ephemeral: true,
      async handler(ctx) {
        const game = await service.get(guildOf(ctx), ctx.state[0] ?? '');
        return form(ctx, game);
      },
    },
    modal: {
      id: ID,
      version: VERSION,
      requires: { guildOnly: true },
      ephemeral: true,
      async handler(ctx) {
        const guildId = guildOf(ctx);
        const game = await service.get(guildId, ctx.state[0] ?? '');
        const read = readPatch(ctx, game);
        if ('problem' in read) return read.problem;
        if (Object.keys(read.patch).length === 0) return ephemeral(ctx.t(`${K}.edit.nothing`));
        const updated = await service.update(guildId, actorOf(ctx), game.id, read.patch);
        return ephemeral(ctx.t(`${K}.edit.done`, { title: updated.title, when: whenText(updated.startsAt) }));
      },
    },
  };
}
