import type { SignupMethod } from './model.ts';
import type { Game, GameInput, Template } from './queries.ts';
import { defaultStart, instantOf, type WallTime, wallTimeOf } from './zoned.ts';

/**
 * The create/edit form's state and how it becomes the API's body: numbers are kept as typed until
 * submitted (so the API, the one judge, can object to them next to their field), times as a wall
 * clock in the game's zone.
 */

/** What the form edits: texts as typed (numbers too), turned into the API's body on submit. */
export type Draft = {
  title: string;
  activity: string;
  description: string;
  start: WallTime;
  timezone: string;
  durationMinutes: string;
  minPlayers: string;
  maxPlayers: string;
  channelId: string;
  signupMethod: SignupMethod;
  reminders: string;
  signupInstructions: string;
  /** How the game repeats; `monthly_weekday` is the start's nth weekday ("second Tuesday"). */
  repeat: Repeat;
  /** Every how many weeks or months, as typed. */
  repeatInterval: string;
};

export const REPEATS = ['none', 'weekly', 'monthly_date', 'monthly_weekday', 'monthly_last'] as const;
export type Repeat = (typeof REPEATS)[number];

/** Form fields and the API fields (problem pointers) they stand for. */
export const API_FIELD: Record<string, keyof Draft> = {
  title: 'title',
  activity: 'activity',
  description: 'description',
  startsAt: 'start',
  timezone: 'timezone',
  durationMinutes: 'durationMinutes',
  endsAt: 'durationMinutes',
  minPlayers: 'minPlayers',
  maxPlayers: 'maxPlayers',
  channelId: 'channelId',
  signupMethod: 'signupMethod',
  reminderOffsetsMinutes: 'reminders',
  signupInstructions: 'signupInstructions',
  recurrence: 'repeat',
};
/** Template fields and the form fields they fill. */
const TEMPLATE_FIELD: Partial<Record<string, keyof Draft>> = {
  title: 'title',
  activity: 'activity',
  description: 'description',
  timezone: 'timezone',
  durationMinutes: 'durationMinutes',
  minPlayers: 'minPlayers',
  maxPlayers: 'maxPlayers',
  channelId: 'channelId',
  signupMethod: 'signupMethod',
  reminderOffsetsMinutes: 'reminders',
  signupInstructions: 'signupInstructions',
  recurrence: 'repeat',
};

const text = (v: unknown) =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);

export function emptyDraft(zone: string): Draft {
  return {
    title: '',
    activity: '',
    description: '',
    start: defaultStart(zone),
    timezone: zone,
    durationMinutes: '120',
    minPlayers: '',
    maxPlayers: '',
    channelId: '',
    signupMethod: 'SELF_SIGNUP',
    reminders: '',
    signupInstructions: '',
    repeat: 'none',
    repeatInterval: '1',
  };
}

export function draftOfGame(game: Game): Draft {
  return {
    title: game.title,
    activity: text(game.activity),
    description: text(game.description),
    start: wallTimeOf(game.startsAt, game.timezone),
    timezone: game.timezone,
    durationMinutes: text(game.durationMinutes),
    minPlayers: text(game.minPlayers),
    maxPlayers: text(game.maxPlayers),
    channelId: text(game.channelId),
    signupMethod: game.signupMethod as SignupMethod,
    reminders: game.reminderOffsetsMinutes.join(', '),
    signupInstructions: text(game.signupInstructions),
    ...repeatOf(game.recurrence),
  };
}

type Rule = NonNullable<Game['recurrence']>;

function repeatOf(rule: Rule | null): Pick<Draft, 'repeat' | 'repeatInterval'> {
  if (!rule) return { repeat: 'none', repeatInterval: '1' };
  const repeat: Repeat =
    rule.kind === 'monthly_weekday' ? (rule.nth === -1 ? 'monthly_last' : 'monthly_weekday') : rule.kind;
  return { repeat, repeatInterval: String(rule.interval) };
}

/** The API's recurrence rule for the draft (null: a single game). */
export function recurrenceOf(draft: Draft): Rule | null {
  if (draft.repeat === 'none') return null;
  const interval = int(draft.repeatInterval) ?? 1;
  if (draft.repeat === 'weekly' || draft.repeat === 'monthly_date') return { kind: draft.repeat, interval };
  // The start's weekday in its month: the 8th–14th is the second one.
  const day = Number(draft.start.date.slice(8, 10)) || 1;
  const nth = draft.repeat === 'monthly_last' ? -1 : (Math.min(5, Math.ceil(day / 7)) as 1 | 2 | 3 | 4 | 5);
  return { kind: 'monthly_weekday', interval, nth };
}

/** A template's defaults over a draft. */
export function applyTemplate(draft: Draft, template: Template): Draft {
  const next = { ...draft };
  for (const [field, value] of Object.entries(template.defaults as Record<string, unknown>)) {
    const key = TEMPLATE_FIELD[field];
    if (!key || key === 'start') continue;
    if (key === 'repeat') Object.assign(next, repeatOf((value ?? null) as Rule | null));
    else (next as Record<string, unknown>)[key] = key === 'signupMethod' ? String(value) : text(value);
  }
  return next;
}

/** Form fields a template locks. */
export function lockedBy(template: Template | undefined): Set<keyof Draft> {
  return new Set((template?.locked ?? []).map((f) => TEMPLATE_FIELD[f]).filter((f) => f !== undefined));
}

const int = (s: string) => (s.trim() === '' ? null : Number(s.trim()));

/** "60, 15" → [60, 15]; undefined when not whole numbers. */
export function parseReminders(s: string): number[] | undefined {
  if (s.trim() === '') return [];
  const parts = s.split(/[,\s]+/).filter(Boolean);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : undefined;
}

/**
 * The body to send: every field for a new game; for an edit only what changed (a template's locked
 * fields are refused even when unchanged ones are sent).
 */
export function bodyOf(draft: Draft, before: Draft | undefined, templateId: string | undefined): GameInput {
  const reminders = parseReminders(draft.reminders);
  const full: Record<string, unknown> = {
    title: draft.title.trim(),
    activity: draft.activity.trim() || null,
    description: draft.description.trim() || null,
    startsAt: instantOf(draft.start, draft.timezone) ?? `${draft.start.date}T${draft.start.time}`,
    timezone: draft.timezone,
    durationMinutes: int(draft.durationMinutes),
    minPlayers: int(draft.minPlayers),
    maxPlayers: int(draft.maxPlayers),
    channelId: draft.channelId || null,
    signupMethod: draft.signupMethod,
    signupInstructions: draft.signupInstructions.trim() || null,
    ...(reminders && (reminders.length > 0 || before) ? { reminderOffsetsMinutes: reminders } : {}),
    // A new single game says nothing, so a template's rule applies.
    ...(draft.repeat !== 'none' || before ? { recurrence: recurrenceOf(draft) } : {}),
  };
  if (!before) return { ...full, ...(templateId ? { templateId } : {}) } as GameInput;
  const old = { ...bodyOf(before, undefined, undefined), recurrence: recurrenceOf(before) } as Record<
    string,
    unknown
  >;
  return Object.fromEntries(
    Object.entries(full).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(old[k])),
  ) as GameInput;
}
