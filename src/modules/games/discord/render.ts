import { createHash } from 'node:crypto';
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { encodeCustomId } from '#platform/discord/commands/custom-id.ts';
import { EMBED_LIMITS, embed, truncate } from '#platform/discord/embeds.ts';
import type { MessagePayload } from '#platform/discord/port.ts';
import { fullTime, relativeTime } from '#platform/discord/timestamps.ts';
import type { Params } from '#platform/i18n/i18n.ts';
import type { Recurrence } from '../time/recurrence.ts';
import { type Game, type GameStatus, isConfirmed, type Participant } from '../types.ts';

export type T = (key: string, params?: Params) => string;

/** The module name in custom ids, and the announcement buttons' ids and state version. */
export const MODULE = 'games';
export const BUTTONS = { join: 'join', leave: 'leave', decline: 'decline' } as const;
export const BUTTON_VERSION = 1;

const COLORS: Record<GameStatus, number> = {
  SCHEDULED: 0x5865f2,
  IN_PROGRESS: 0x57f287,
  COMPLETED: 0x95a5a6,
  CANCELLED: 0xed4245,
};

const K = 'games.discord';

/** "2 h 30 min" from minutes. */
export function formatDuration(minutes: number, t: T): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t(`${K}.duration.minutes`, { m });
  if (m === 0) return t(`${K}.duration.hours`, { h });
  return t(`${K}.duration.hoursMinutes`, { h, m });
}

export function describeRule(rule: Recurrence, t: T): string {
  const nth = rule.kind === 'monthly_weekday' ? t(`${K}.recurrence.nth.${rule.nth}`) : '';
  return t(`${K}.recurrence.${rule.kind}`, { count: rule.interval, nth });
}

/** `<t:…:F>` (`<t:…:R>`): every reader sees their own zone and language. */
export function whenText(startsAt: string): string {
  const at = new Date(startsAt);
  return `${fullTime(at)} (${relativeTime(at)})`;
}

/**
 * Lines of a list that fit in one field value: as many as fit, then "… and N more". Mentions
 * render as names in embeds and never ping.
 */
export function listField(lines: readonly string[], t: T, max = EMBED_LIMITS.fieldValue): string {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? t(`${K}.announcement.more`, { count: rest }).length + 1 : 0;
    if (used + line.length + 1 + tail > max) {
      out.push(t(`${K}.announcement.more`, { count: lines.length - i }));
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}

function participantLine(p: Participant, index: number): string {
  const note = p.note ? ` — ${truncate(p.note.replace(/\s+/g, ' '), 60)}` : '';
  return `${index + 1}. <@${p.userId}>${note}`;
}

function titleOf(game: Game, t: T): string {
  switch (game.status) {
    case 'CANCELLED':
      return t(`${K}.announcement.cancelledTitle`, { title: game.title });
    case 'COMPLETED':
      return t(`${K}.announcement.completedTitle`, { title: game.title });
    case 'IN_PROGRESS':
      return t(`${K}.announcement.startedTitle`, { title: game.title });
    default:
      return game.title;
  }
}

/** Whether the announcement still takes sign-ups (its buttons are shown). */
export const isOpen = (game: Pick<Game, 'status'>) => game.status === 'SCHEDULED';

export function announcementEmbed(game: Game, t: T): APIEmbed {
  const confirmed = game.participants.filter((p) => isConfirmed(p.state));
  const waitlisted = game.participants.filter((p) => p.state === 'waitlisted');
  const declined = game.participants.filter((p) => p.state === 'declined');
  const count = confirmed.length;
  const players = [
    game.maxPlayers !== null
      ? t(`${K}.announcement.playersOf`, { count, max: game.maxPlayers })
      : t(`${K}.announcement.playersCount`, { count }),
    ...(game.minPlayers !== null ? [t(`${K}.announcement.minPlayers`, { min: game.minPlayers })] : []),
  ].join(' · ');

  const fields: APIEmbedField[] = [
    { name: t(`${K}.announcement.when`), value: whenText(game.startsAt), inline: false },
  ];
  if (game.durationMinutes !== null)
    fields.push({
      name: t(`${K}.announcement.duration`),
      value: formatDuration(game.durationMinutes, t),
      inline: true,
    });
  fields.push({ name: t(`${K}.announcement.host`), value: `<@${game.hostId}>`, inline: true });
  if (game.activity)
    fields.push({ name: t(`${K}.announcement.activity`), value: game.activity, inline: true });
  fields.push({ name: t(`${K}.announcement.players`), value: players, inline: true });
  fields.push({ name: t(`${K}.announcement.status`), value: t(`${K}.status.${game.status}`), inline: true });
  if (game.recurrence)
    fields.push({
      name: t(`${K}.announcement.repeats`),
      value: describeRule(game.recurrence, t),
      inline: true,
    });
  fields.push({
    name: `${t(`${K}.announcement.participants`)} (${count})`,
    value:
      confirmed.length > 0 ? listField(confirmed.map(participantLine), t) : t(`${K}.announcement.nobody`),
  });
  if (waitlisted.length > 0)
    fields.push({
      name: `${t(`${K}.announcement.waitlist`)} (${waitlisted.length})`,
      value: listField(waitlisted.map(participantLine), t),
    });
  if (declined.length > 0)
    fields.push({
      name: `${t(`${K}.announcement.declined`)} (${declined.length})`,
      value: listField(
        declined.map((p) => `<@${p.userId}>`),
        t,
      ),
    });

  return embed({
    title: titleOf(game, t),
    ...(game.description ? { description: game.description } : {}),
    color: COLORS[game.status],
    fields,
    footer: { text: t(`${K}.announcement.footer`, { id: game.id }) },
    timestamp: game.startsAt,
  });
}

export function announcementButtons(game: Pick<Game, 'id'>, t: T): APIActionRowComponent<APIButtonComponent> {
  const id = (button: string) =>
    encodeCustomId({ module: MODULE, id: button, version: BUTTON_VERSION, state: [game.id] });
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        custom_id: id(BUTTONS.join),
        label: t(`${K}.announcement.join`),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: id(BUTTONS.leave),
        label: t(`${K}.announcement.leave`),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        custom_id: id(BUTTONS.decline),
        label: t(`${K}.announcement.decline`),
      },
    ],
  };
}

/**
 * The announcement of a game as one message: the embed, and Join / Leave / Can't come while it
 * takes sign-ups. A cancelled or finished game keeps its embed (red or grey) without buttons.
 * Pure: the same game renders to the same payload, which `renderHash` relies on.
 */
export function renderAnnouncement(game: Game, t: T): MessagePayload {
  return {
    content: '',
    embeds: [announcementEmbed(game, t)],
    components: isOpen(game) ? [announcementButtons(game, t)] : [],
    allowedMentions: { parse: [] },
  };
}

/** A short digest of what would be sent: an edit whose digest equals the stored one is skipped. */
export function renderHash(payload: MessagePayload): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('base64url').slice(0, 32);
}
