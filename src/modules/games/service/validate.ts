import { isDeepStrictEqual } from 'node:util';
import { IANAZone } from 'luxon';
import { GamesError } from '../errors.ts';
import { MAX_INTERVAL, type Recurrence } from '../time/recurrence.ts';
import {
  type GameInput,
  type GamePatch,
  SIGNUP_METHODS,
  type SignupMethod,
  TEMPLATE_FIELDS,
  type TemplateDefaults,
  type TemplateField,
} from '../types.ts';

/** A game's settings, complete and checked: what the service writes. */
export type GameValues = {
  title: string;
  description: string | null;
  activity: string | null;
  channelId: string | null;
  hostId: string;
  startsAt: Date;
  timezone: string;
  durationMinutes: number | null;
  minPlayers: number | null;
  maxPlayers: number | null;
  signupMethod: SignupMethod;
  signupRoleIds: string[];
  roleSignupUntil: Date | null;
  reminderOffsetsMinutes: number[];
  minPlayersCheckMinutes: number | null;
  joinNotificationDelayMinutes: number | null;
  signupInstructions: string | null;
  postAt: Date | null;
  recurrence: Recurrence | null;
};

/** Games without a duration complete this long after their start (for the status and recurrence). */
export const DEFAULT_DURATION_MINUTES = 120;
/** Games with minPlayers but no check time warn the host this long before the start. */
export const DEFAULT_MIN_PLAYERS_CHECK_MINUTES = 60;
export const MAX_REMINDERS = 10;
const MAX_OFFSET_MINUTES = 60 * 24 * 30;
const SNOWFLAKE = /^\d{1,20}$/;

const fail = (
  code: ConstructorParameters<typeof GamesError>[0],
  message: string,
  field: string,
  params = {},
) => new GamesError(code, message, { pointer: `/body/${field}`, params });

export function isKnownTimezone(zone: string): boolean {
  return typeof zone === 'string' && zone.length <= 64 && IANAZone.isValidZone(zone);
}

export function checkTimezone(zone: string, field = 'timezone'): string {
  if (!isKnownTimezone(zone))
    throw fail('UNKNOWN_TIMEZONE', `“${zone}” is not a known time zone.`, field, { timezone: String(zone) });
  return zone;
}

function date(value: string, field: string): Date {
  const d = new Date(value);
  if (typeof value !== 'string' || Number.isNaN(d.getTime()))
    throw fail('INVALID_GAME_INPUT', `${field} must be an ISO 8601 date-time.`, field, {
      detail: `${field} must be an ISO 8601 date-time`,
    });
  return d;
}

function text(value: string | null | undefined, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  const t = String(value).trim();
  if (t.length > max)
    throw fail('INVALID_GAME_INPUT', `${field} is longer than ${max} characters.`, field, {
      detail: `${field} is longer than ${max} characters`,
    });
  return t === '' ? null : t;
}

function int(value: number | null | undefined, field: string, min: number, max: number): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || value < min || value > max)
    throw fail('INVALID_GAME_INPUT', `${field} must be a whole number from ${min} to ${max}.`, field, {
      detail: `${field} must be a whole number from ${min} to ${max}`,
    });
  return value;
}

function snowflakes(values: readonly string[] | undefined, field: string): string[] {
  const list = [...new Set(values ?? [])];
  list.forEach((v, i) => {
    if (!SNOWFLAKE.test(v))
      throw fail('INVALID_GAME_INPUT', `${field}/${i} is not a Discord id.`, `${field}/${i}`, {
        detail: `${field}/${i} is not a Discord id`,
      });
  });
  return list;
}

export function checkOffsets(values: readonly number[] | undefined, field: string): number[] {
  const list = [...new Set(values ?? [])].sort((a, b) => b - a);
  if (list.length > MAX_REMINDERS)
    throw fail('INVALID_GAME_INPUT', `At most ${MAX_REMINDERS} reminders.`, field, {
      detail: `at most ${MAX_REMINDERS} reminders`,
    });
  list.forEach((v, i) => {
    int(v, `${field}/${i}`, 0, MAX_OFFSET_MINUTES);
  });
  return list;
}

export function checkRecurrence(rule: Recurrence | null | undefined): Recurrence | null {
  if (rule === undefined || rule === null) return null;
  const bad = () => fail('INVALID_RECURRENCE', 'That repetition is not valid.', 'recurrence');
  if (typeof rule !== 'object' || !Number.isInteger(rule.interval)) throw bad();
  if (rule.interval < 1 || rule.interval > MAX_INTERVAL) throw bad();
  if (rule.kind === 'weekly' || rule.kind === 'monthly_date')
    return { kind: rule.kind, interval: rule.interval };
  if (rule.kind === 'monthly_weekday' && [1, 2, 3, 4, 5, -1].includes(rule.nth))
    return { kind: rule.kind, interval: rule.interval, nth: rule.nth };
  throw bad();
}

/**
 * Merges input over defaults (template, then guild config) and checks everything the issue lists:
 * a start in the past, an end before the start, max below min, an unknown time zone. `now` is
 * passed in so a whole request judges "the past" against one instant.
 */
export function resolveGame(
  input: GameInput | (GamePatch & { startsAt: string; title: string }),
  defaults: { hostId: string; timezone: string; reminderOffsetsMinutes: number[] },
  now: Date,
  options: { readonly startMayBePast?: boolean } = {},
): GameValues {
  const title = text(input.title, 'title', 200);
  if (!title)
    throw fail('INVALID_GAME_INPUT', 'A game needs a title.', 'title', { detail: 'a game needs a title' });
  const timezone = checkTimezone(input.timezone ?? defaults.timezone);
  const startsAt = date(input.startsAt, 'startsAt');
  if (!options.startMayBePast && startsAt.getTime() <= now.getTime())
    throw fail('START_IN_PAST', 'The start time is in the past.', 'startsAt');
  let durationMinutes = int(input.durationMinutes, 'durationMinutes', -1e9, 10080);
  if (input.endsAt !== undefined && input.endsAt !== null) {
    const endsAt = date(input.endsAt, 'endsAt');
    if (endsAt.getTime() <= startsAt.getTime())
      throw fail('END_BEFORE_START', 'The end must be after the start.', 'endsAt');
    durationMinutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
    if (durationMinutes > 10080)
      throw fail('INVALID_GAME_INPUT', 'A game lasts at most 7 days.', 'endsAt', {
        detail: 'a game lasts at most 7 days',
      });
  }
  if (durationMinutes !== null && durationMinutes < 1)
    throw fail('END_BEFORE_START', 'The end must be after the start.', 'durationMinutes');
  const minPlayers = int(input.minPlayers, 'minPlayers', 1, 1000);
  const maxPlayers = int(input.maxPlayers, 'maxPlayers', 1, 1000);
  if (minPlayers !== null && maxPlayers !== null && maxPlayers < minPlayers)
    throw fail('MAX_BELOW_MIN', 'The maximum number of players is below the minimum.', 'maxPlayers');
  const signupMethod = input.signupMethod ?? 'SELF_SIGNUP';
  if (!SIGNUP_METHODS.includes(signupMethod))
    throw fail('INVALID_GAME_INPUT', 'Unknown signup method.', 'signupMethod', {
      detail: 'unknown signup method',
    });
  const signupRoleIds = snowflakes(input.signupRoleIds, 'signupRoleIds');
  if (signupMethod === 'ROLE_BASED' && signupRoleIds.length === 0)
    throw fail('INVALID_GAME_INPUT', 'ROLE_BASED signup needs at least one role.', 'signupRoleIds', {
      detail: 'ROLE_BASED signup needs at least one role',
    });
  const roleSignupUntil =
    signupMethod === 'ROLE_BASED' && input.roleSignupUntil
      ? date(input.roleSignupUntil, 'roleSignupUntil')
      : null;
  if (roleSignupUntil && roleSignupUntil.getTime() > startsAt.getTime())
    throw fail('INVALID_GAME_INPUT', 'The priority window must end by the start.', 'roleSignupUntil', {
      detail: 'the priority window must end by the start',
    });
  let postAt = input.postAt ? date(input.postAt, 'postAt') : null;
  if (postAt && postAt.getTime() > startsAt.getTime())
    throw fail('INVALID_GAME_INPUT', 'The announcement must be posted before the start.', 'postAt', {
      detail: 'the announcement must be posted before the start',
    });
  // A posting time already passed means "post now".
  if (postAt && postAt.getTime() <= now.getTime()) postAt = null;
  const hostId = input.hostId ?? defaults.hostId;
  if (!SNOWFLAKE.test(hostId))
    throw fail('INVALID_GAME_INPUT', 'hostId is not a Discord id.', 'hostId', {
      detail: 'hostId is not a Discord id',
    });
  const channelId = input.channelId ?? null;
  if (channelId !== null && !SNOWFLAKE.test(channelId))
    throw fail('INVALID_GAME_INPUT', 'channelId is not a Discord id.', 'channelId', {
      detail: 'channelId is not a Discord id',
    });
  return {
    title,
    description: text(input.description, 'description', 4000),
    activity: text(input.activity, 'activity', 200),
    channelId,
    hostId,
    startsAt,
    timezone,
    durationMinutes,
    minPlayers,
    maxPlayers,
    signupMethod,
    signupRoleIds,
    roleSignupUntil,
    reminderOffsetsMinutes: checkOffsets(
      input.reminderOffsetsMinutes ?? defaults.reminderOffsetsMinutes,
      'reminderOffsetsMinutes',
    ),
    minPlayersCheckMinutes: int(
      input.minPlayersCheckMinutes,
      'minPlayersCheckMinutes',
      0,
      MAX_OFFSET_MINUTES,
    ),
    joinNotificationDelayMinutes: int(
      input.joinNotificationDelayMinutes,
      'joinNotificationDelayMinutes',
      0,
      MAX_OFFSET_MINUTES,
    ),
    signupInstructions: text(input.signupInstructions, 'signupInstructions', 2000),
    postAt,
    recurrence: checkRecurrence(input.recurrence),
  };
}

/** Template defaults under the input; a locked field given with another value is refused. */
export function applyTemplate(
  input: GameInput,
  template: { defaults: TemplateDefaults; locked: readonly TemplateField[] },
): GameInput {
  for (const field of template.locked) {
    const given = (input as Record<string, unknown>)[field];
    if (given !== undefined && !isDeepStrictEqual(given, template.defaults[field] ?? null))
      throw fail('FIELD_LOCKED', `The template fixes “${field}”.`, field, { field });
  }
  const merged: Record<string, unknown> = { ...template.defaults };
  for (const [k, v] of Object.entries(input)) if (v !== undefined) merged[k] = v;
  for (const field of template.locked) merged[field] = template.defaults[field] ?? null;
  return merged as GameInput;
}

/** A patch touching a field the game's template locks is refused. */
export function checkLocked(
  patch: GamePatch,
  locked: readonly TemplateField[],
  current: Record<string, unknown>,
) {
  for (const field of locked) {
    const given = (patch as Record<string, unknown>)[field];
    if (given !== undefined && !isDeepStrictEqual(given, current[field] ?? null))
      throw fail('FIELD_LOCKED', `The template fixes “${field}”.`, field, { field });
  }
}

export function checkTemplateFields(locked: readonly string[] | undefined): TemplateField[] {
  const list = [...new Set(locked ?? [])];
  list.forEach((f, i) => {
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(f))
      throw fail('INVALID_GAME_INPUT', `locked/${i} is not a template field.`, `locked/${i}`, {
        detail: `locked/${i} is not a template field`,
      });
  });
  return list as TemplateField[];
}
