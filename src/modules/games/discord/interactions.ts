import { randomUUID } from 'node:crypto';
import {
  type APIApplicationCommandOptionChoice,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { DateTime } from 'luxon';
import type { Database } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import type {
  AutocompleteContext,
  BaseContext,
  CommandSpec,
  ComponentContext,
  ComponentSpec,
  ModalContext,
  ModalSpec,
  Reply,
} from '#platform/discord/commands/types.ts';
import { embed } from '#platform/discord/embeds.ts';
import { createPaginator } from '#platform/discord/paginator.ts';
import { fullTime, relativeTime } from '#platform/discord/timestamps.ts';
import type { GamesService } from '../service/contract.ts';
import { formatMinutes, parseMinutes } from '../time/parse-duration.ts';
import { parseWhen } from '../time/parse-when.ts';
import type { GameInput, GamePatch, GameSummary } from '../types.ts';
import { editMore, editMoreButton } from './edit-more.ts';
import { actorOf, ephemeral, guildOf, intField, K, LIMITS, textInput } from './form.ts';
import { INSERT_DRAFT, TAKE_DRAFT } from './queries.ts';
import { BUTTON_VERSION, BUTTONS, whenText } from './render.ts';

export type InteractionDeps = {
  readonly db: Database;
  readonly service: GamesService;
  readonly now?: () => Date;
};

const PAGE_SIZE = 10;

/** "Fri 4 Dec 20:00" in the game's zone, for autocomplete labels (which cannot hold `<t:…>`). */
function shortWhen(game: Pick<GameSummary, 'startsAt' | 'timezone'>, locale: string): string {
  return DateTime.fromISO(game.startsAt, { zone: game.timezone })
    .setLocale(locale)
    .toFormat('ccc d LLL HH:mm');
}

function choice(game: GameSummary, locale: string): APIApplicationCommandOptionChoice {
  const label = `${shortWhen(game, locale)} — ${game.title}`;
  return { name: label.length > 100 ? `${label.slice(0, 99)}…` : label, value: game.id };
}

function playersText(game: Pick<GameSummary, 'confirmedCount' | 'maxPlayers'>): string {
  return game.maxPlayers !== null ? `${game.confirmedCount}/${game.maxPlayers}` : String(game.confirmedCount);
}

export function gamesInteractions(deps: InteractionDeps) {
  const { service, db } = deps;
  const now = () => deps.now?.() ?? new Date();
  const OPEN = ['SCHEDULED', 'IN_PROGRESS'] as const;

  /** The user's upcoming games, as host (and, with `joined`, as participant too). */
  const myGames = async (ctx: BaseContext, joined: boolean): Promise<GameSummary[]> => {
    const guildId = guildOf(ctx);
    const hosted = await service.list(guildId, { hostId: ctx.userId, status: [...OPEN], limit: 100 });
    const mine = joined
      ? await service.list(guildId, { participantId: ctx.userId, status: [...OPEN], limit: 100 })
      : { items: [] };
    const byId = new Map([...hosted.items, ...mine.items].map((g) => [g.id, g]));
    return [...byId.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  };

  const autocomplete =
    (joined: boolean) =>
    async (ctx: AutocompleteContext): Promise<readonly APIApplicationCommandOptionChoice[]> => {
      if (!ctx.guildId) return [];
      const q = ctx.focused.value.toLowerCase();
      return (await myGames(ctx, joined))
        .filter((g) => g.title.toLowerCase().includes(q))
        .slice(0, 25)
        .map((g) => choice(g, ctx.locale));
    };

  // ---- announcement buttons ---------------------------------------------------------------

  const participation = (id: string, act: 'join' | 'leave' | 'decline'): ComponentSpec => ({
    id,
    version: BUTTON_VERSION,
    requires: { guildOnly: true },
    ephemeral: true,
    async handler(ctx: ComponentContext) {
      const guildId = guildOf(ctx);
      const gameId = ctx.state[0] ?? '';
      const result =
        act === 'join'
          ? await service.join(guildId, ctx.userId, gameId, { roleIds: ctx.interaction.member?.roles ?? [] })
          : act === 'leave'
            ? await service.leave(guildId, ctx.userId, gameId)
            : await service.decline(guildId, ctx.userId, gameId);
      // The answer names the game and, for the waitlist, the place in it: read it as it is now.
      const game = await service.get(guildId, result.gameId);
      const params = { title: game.title, when: whenText(game.startsAt) };
      if (act !== 'join')
        return ephemeral(ctx.t(`${K}.answers.${act === 'leave' ? 'left' : 'declined'}`, params));
      if (result.state === 'waitlisted') {
        const position =
          game.participants
            .filter((p) => p.state === 'waitlisted')
            .findIndex((p) => p.userId === ctx.userId) + 1;
        return ephemeral(ctx.t(`${K}.answers.waitlisted`, { ...params, position: Math.max(1, position) }));
      }
      return ephemeral(ctx.t(`${K}.answers.joined`, params));
    },
  });

  // ---- /game create: form → "Create it?" → Confirm ----------------------------------------

  const createModal = (ctx: BaseContext): APIModalInteractionResponseCallbackData => ({
    custom_id: ctx.customId('create', []),
    title: ctx.t(`${K}.create.modalTitle`),
    components: [
      textInput('title', ctx.t(`${K}.create.title`), {
        required: true,
        max: LIMITS.title,
        placeholder: ctx.t(`${K}.create.titlePlaceholder`),
      }),
      textInput('when', ctx.t(`${K}.create.when`), {
        required: true,
        max: LIMITS.when,
        placeholder: ctx.t(`${K}.create.whenPlaceholder`),
      }),
      textInput('duration', ctx.t(`${K}.create.duration`), { max: 4, placeholder: '120' }),
      textInput('maxPlayers', ctx.t(`${K}.create.maxPlayers`), { max: 4, placeholder: '10' }),
      textInput('description', ctx.t(`${K}.create.description`), {
        max: LIMITS.description,
        paragraph: true,
      }),
    ],
  });

  /** Reads the form: a reply explaining what is wrong, or the values. */
  const readForm = async (
    ctx: ModalContext,
    timezone: string,
    options: { whenUnchanged?: string } = {},
  ): Promise<
    | { problem: Reply }
    | { problem?: undefined; startsAt: string | undefined; input: Omit<GameInput, 'startsAt'> }
  > => {
    const f = ctx.fields;
    const title = (f.title ?? '').trim();
    const whenInput = (f.when ?? '').trim();
    const duration = intField(f.duration, LIMITS.duration);
    const maxPlayers = intField(f.maxPlayers, LIMITS.maxPlayers);
    if (duration === null)
      return {
        problem: ephemeral(
          ctx.t(`${K}.create.notNumber`, { field: ctx.t(`${K}.create.duration`), ...LIMITS.duration }),
        ),
      };
    if (maxPlayers === null)
      return {
        problem: ephemeral(
          ctx.t(`${K}.create.notNumber`, { field: ctx.t(`${K}.create.maxPlayers`), ...LIMITS.maxPlayers }),
        ),
      };
    let startsAt: string | undefined;
    if (whenInput !== options.whenUnchanged) {
      const parsed = parseWhen(whenInput, timezone, now());
      if (!parsed) return { problem: ephemeral(ctx.t(`${K}.create.unparsed`, { input: whenInput })) };
      if (parsed.at.getTime() <= now().getTime())
        return {
          problem: ephemeral(ctx.t(`${K}.create.past`, { input: whenInput, when: relativeTime(parsed.at) })),
        };
      startsAt = parsed.at.toISOString();
    }
    const description = (f.description ?? '').trim();
    return {
      startsAt,
      input: {
        title,
        description: description || null,
        durationMinutes: duration ?? null,
        maxPlayers: maxPlayers ?? null,
      },
    };
  };

  const createSubmit: ModalSpec = {
    id: 'create',
    version: 1,
    requires: { guildOnly: true },
    ephemeral: true,
    async handler(ctx) {
      const guildId = guildOf(ctx);
      const config = await service.getConfig(guildId);
      const form = await readForm(ctx, config.timezone);
      if (form.problem) return form.problem;
      const startsAt = form.startsAt as string;
      const input: GameInput = {
        ...form.input,
        startsAt,
        // Without configured announcement channels the game goes where it was planned.
        ...(config.announcementChannelIds.length === 0 && ctx.channelId ? { channelId: ctx.channelId } : {}),
      };
      const draftId = randomUUID();
      await db.withGuild(guildId, (tx) =>
        run(tx, INSERT_DRAFT, [draftId, guildId, ctx.userId, JSON.stringify(input)]),
      );
      const at = new Date(startsAt);
      return {
        ephemeral: true,
        content: ctx.t(`${K}.create.confirm`, {
          title: input.title,
          full: fullTime(at),
          relative: relativeTime(at),
          input: (ctx.fields.when ?? '').trim(),
          timezone: config.timezone,
        }),
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Success,
                custom_id: ctx.customId('create-confirm', [draftId], { ttlMs: 15 * 60_000 }),
                label: ctx.t(`${K}.create.confirmButton`),
              },
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                custom_id: ctx.customId('create-cancel', [draftId], { ttlMs: 15 * 60_000 }),
                label: ctx.t(`${K}.create.cancelButton`),
              },
            ],
          },
        ],
      };
    },
  };

  const takeDraft = async (ctx: ComponentContext): Promise<GameInput | undefined> => {
    const guildId = guildOf(ctx);
    const [row] = await db.withGuild(guildId, (tx) =>
      run<{ input: GameInput }>(tx, TAKE_DRAFT, [ctx.state[0] ?? '', ctx.userId]),
    );
    return row?.input;
  };

  const createConfirm: ComponentSpec = {
    id: 'create-confirm',
    version: 1,
    requires: { guildOnly: true },
    updatesMessage: true,
    async handler(ctx) {
      const input = await takeDraft(ctx);
      if (!input) return { update: true, content: ctx.t(`${K}.create.expired`), components: [] };
      const game = await service.create(guildOf(ctx), actorOf(ctx), input);
      return {
        update: true,
        content: ctx.t(`${K}.create.created`, { title: game.title, when: whenText(game.startsAt) }),
        components: [],
      };
    },
  };

  const createCancel: ComponentSpec = {
    id: 'create-cancel',
    version: 1,
    requires: { guildOnly: true },
    updatesMessage: true,
    async handler(ctx) {
      await takeDraft(ctx);
      return { update: true, content: ctx.t(`${K}.create.dropped`), components: [] };
    },
  };

  // ---- /game edit: a form with the current values ------------------------------------------

  const localInput = (startsAt: string, zone: string) =>
    DateTime.fromISO(startsAt, { zone }).toFormat('yyyy-LL-dd HH:mm');

  const editSubmit: ModalSpec = {
    id: 'edit',
    version: 1,
    requires: { guildOnly: true },
    ephemeral: true,
    async handler(ctx) {
      const guildId = guildOf(ctx);
      const game = await service.get(guildId, ctx.state[0] ?? '');
      const form = await readForm(ctx, game.timezone, {
        whenUnchanged: localInput(game.startsAt, game.timezone),
      });
      if (form.problem) return form.problem;
      const patch: Record<string, unknown> = {};
      const i = form.input;
      if (i.title !== game.title) patch.title = i.title;
      if ((i.description ?? null) !== game.description) patch.description = i.description ?? null;
      if ((i.durationMinutes ?? null) !== game.durationMinutes)
        patch.durationMinutes = i.durationMinutes ?? null;
      if ((i.maxPlayers ?? null) !== game.maxPlayers) patch.maxPlayers = i.maxPlayers ?? null;
      if (form.startsAt) patch.startsAt = form.startsAt;
      // Either way the answer offers the second step (min players, reminders, repeat, …).
      const more = [editMoreButton(ctx, game.id)];
      if (Object.keys(patch).length === 0)
        return { ephemeral: true, content: ctx.t(`${K}.edit.nothing`), components: more };
      const updated = await service.update(guildId, actorOf(ctx), game.id, patch as GamePatch);
      return {
        ephemeral: true,
        content: ctx.t(`${K}.edit.done`, { title: updated.title, when: whenText(updated.startsAt) }),
        components: more,
      };
    },
  };

  // ---- /game list (paginated) and /game mine ----------------------------------------------

  const listPages = createPaginator({
    id: 'list',
    async render(ctx, _state, page) {
      const guildId = guildOf(ctx);
      const { items } = await service.list(guildId, { status: [...OPEN], limit: 100 });
      const pageCount = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
      const shown = items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
      const lines = shown.map((g) =>
        ctx.t(`${K}.list.line`, {
          when: `${fullTime(new Date(g.startsAt))}`,
          title: g.title,
          players: playersText(g),
          host: g.hostId,
        }),
      );
      return {
        pageCount,
        embeds: [
          embed({
            title: ctx.t(`${K}.list.title`),
            description: lines.length > 0 ? lines.join('\n') : ctx.t(`${K}.list.empty`),
            color: 0x5865f2,
          }),
        ],
      };
    },
  });

  const mine = async (ctx: BaseContext): Promise<Reply> => {
    const games = (await myGames(ctx, true)).slice(0, 25);
    const lines: string[] = [];
    for (const g of games) {
      const role =
        g.hostId === ctx.userId
          ? ctx.t(`${K}.list.roleHost`)
          : ctx.t(
              `${K}.list.role${(await service.participantState(guildOf(ctx), g.id, ctx.userId)) ?? 'confirmed'}`,
            );
      lines.push(
        ctx.t(`${K}.list.mineLine`, {
          when: `${fullTime(new Date(g.startsAt))}`,
          title: g.title,
          players: playersText(g),
          role,
        }),
      );
    }
    return {
      ephemeral: true,
      embeds: [
        embed({
          title: ctx.t(`${K}.list.mineTitle`),
          description: lines.length > 0 ? lines.join('\n') : ctx.t(`${K}.list.empty`),
          color: 0x5865f2,
        }),
      ],
    };
  };

  // ---- reminder preferences ------------------------------------------------------------------

  /** The game the `game` option names (the user's, checked by the service), or all games. */
  const chosenGame = async (ctx: BaseContext & { options: Readonly<Record<string, unknown>> }) => {
    const gameId = ctx.options.game === undefined ? null : String(ctx.options.game);
    const title = gameId ? (await service.get(guildOf(ctx), gameId)).title : undefined;
    return { gameId, title };
  };

  const mute = async (ctx: BaseContext & { options: Readonly<Record<string, unknown>> }, muted: boolean) => {
    const { gameId, title } = await chosenGame(ctx);
    await service.setReminderPreference(guildOf(ctx), ctx.userId, { gameId, muted });
    const key = `${K}.reminders.${muted ? 'off' : 'on'}${gameId ? 'Game' : 'All'}`;
    return ephemeral(ctx.t(key, { title: title ?? '' }));
  };

  // ---- the command -------------------------------------------------------------------------

  const gameOption = (joined: boolean, required: boolean) =>
    ({ type: 'string', required, maxLength: 36, autocomplete: autocomplete(joined) }) as const;

  const command: CommandSpec = {
    name: 'game',
    key: `${K}.commands.game`,
    requires: { guildOnly: true },
    subcommands: {
      create: {
        async handler(ctx) {
          return { modal: createModal(ctx) };
        },
      },
      list: {
        ephemeral: true,
        handler: (ctx) => listPages.start(ctx, [], { ephemeral: true }),
      },
      mine: { ephemeral: true, handler: mine },
      cancel: {
        ephemeral: true,
        options: {
          game: gameOption(false, true),
          reason: { type: 'string', maxLength: 200 },
          // Recurring games: this occurrence (the default; the series goes on) or the whole series.
          scope: { type: 'string', choices: ['occurrence', 'series'] },
        },
        async handler(ctx) {
          const reason = ctx.options.reason === undefined ? undefined : String(ctx.options.reason);
          const scope = ctx.options.scope === 'series' ? 'series' : 'occurrence';
          const game = await service.cancel(
            guildOf(ctx),
            actorOf(ctx),
            String(ctx.options.game),
            reason,
            scope,
          );
          const done = game.cancelScope === 'series' && game.recurrence ? 'doneSeries' : 'done';
          return ephemeral(ctx.t(`${K}.cancel.${done}`, { title: game.title }));
        },
      },
      edit: {
        ephemeral: true,
        options: { game: gameOption(false, true) },
        async handler(ctx) {
          const game = await service.get(guildOf(ctx), String(ctx.options.game));
          return {
            modal: {
              custom_id: ctx.customId('edit', [game.id]),
              title: ctx.t(`${K}.edit.modalTitle`),
              components: [
                textInput('title', ctx.t(`${K}.create.title`), {
                  required: true,
                  max: LIMITS.title,
                  value: game.title,
                }),
                textInput('when', ctx.t(`${K}.create.when`), {
                  required: true,
                  max: LIMITS.when,
                  value: localInput(game.startsAt, game.timezone),
                }),
                textInput('duration', ctx.t(`${K}.create.duration`), {
                  max: 4,
                  ...(game.durationMinutes !== null ? { value: String(game.durationMinutes) } : {}),
                }),
                textInput('maxPlayers', ctx.t(`${K}.create.maxPlayers`), {
                  max: 4,
                  ...(game.maxPlayers !== null ? { value: String(game.maxPlayers) } : {}),
                }),
                textInput('description', ctx.t(`${K}.create.description`), {
                  max: LIMITS.description,
                  paragraph: true,
                  ...(game.description ? { value: game.description } : {}),
                }),
              ],
            },
          };
        },
      },
    },
    groups: {
      reminders: {
        subcommands: {
          off: { ephemeral: true, options: { game: gameOption(true, false) }, handler: (c) => mute(c, true) },
          on: { ephemeral: true, options: { game: gameOption(true, false) }, handler: (c) => mute(c, false) },
          lead: {
            ephemeral: true,
            options: {
              time: { type: 'string', required: true, maxLength: 20 },
              game: gameOption(true, false),
            },
            async handler(ctx) {
              const text = String(ctx.options.time);
              const minutes = parseMinutes(text);
              if (
                minutes === undefined ||
                minutes < LIMITS.leadMinutes.min ||
                minutes > LIMITS.leadMinutes.max
              )
                return ephemeral(
                  ctx.t(`${K}.reminders.badLead`, { text, max: LIMITS.leadMinutes.max / 1440 }),
                );
              const { gameId, title } = await chosenGame(ctx);
              await service.setReminderPreference(guildOf(ctx), ctx.userId, { gameId, leadMinutes: minutes });
              const lead = formatMinutes(minutes);
              return ephemeral(
                title === undefined
                  ? ctx.t(`${K}.reminders.lead`, { lead })
                  : ctx.t(`${K}.reminders.leadGame`, { lead, title }),
              );
            },
          },
        },
      },
    },
  };

  const more = editMore({ service });

  return {
    commands: [command],
    components: [
      participation(BUTTONS.join, 'join'),
      participation(BUTTONS.leave, 'leave'),
      participation(BUTTONS.decline, 'decline'),
      createConfirm,
      createCancel,
      listPages.component,
      more.component,
    ],
    modals: [createSubmit, editSubmit, more.modal],
  };
}
