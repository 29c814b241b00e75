import type { Membership } from '#modules/core/access.ts';
import type { Principal } from '#platform/http/types.ts';
import type { Recurrence } from './time/recurrence.ts';

export type { Recurrence } from './time/recurrence.ts';

export const GAME_STATUS = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type GameStatus = (typeof GAME_STATUS)[number];

export const SIGNUP_METHODS = [
  'SELF_SIGNUP',
  'HOST_SELECTED',
  'HOST_SELECTED_WITH_WAITLIST',
  'ROLE_BASED',
] as const;
export type SignupMethod = (typeof SIGNUP_METHODS)[number];

/**
 * What cancelling a game covers: `occurrence` (this instance; a recurring series goes on and its
 * next instance is still created on schedule) or `series` (this and every later instance).
 */
export const CANCEL_SCOPES = ['occurrence', 'series'] as const;
export type CancelScope = (typeof CANCEL_SCOPES)[number];
/**
 * What an edit of an instance of a recurring game covers: `occurrence` (this game only; the
 * series goes on as before) or `series` (this game and every later one). See `service/series.ts`.
 */
export type EditScope = CancelScope;

/** `host_added` counts as confirmed (it takes a slot). */
export const PARTICIPANT_STATES = ['confirmed', 'waitlisted', 'declined', 'host_added'] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

export const isConfirmed = (state: ParticipantState) => state === 'confirmed' || state === 'host_added';

export type Participant = {
  readonly userId: string;
  readonly state: ParticipantState;
  /** Join order within the game (a per-game counter): confirmed and waitlisted are ordered by it. */
  readonly position: number;
  readonly note: string | null;
  readonly joinedAt: string;
};

export type Game = {
  readonly id: string;
  readonly guildId: string;
  readonly title: string;
  readonly description: string | null;
  readonly activity: string | null;
  readonly channelId: string | null;
  readonly hostId: string;
  /** ISO 8601 UTC. */
  readonly startsAt: string;
  /** IANA zone the game was planned in (recurrence and local display use it). */
  readonly timezone: string;
  readonly durationMinutes: number | null;
  readonly minPlayers: number | null;
  readonly maxPlayers: number | null;
  readonly signupMethod: SignupMethod;
  /** ROLE_BASED: members holding one of these roles sign up first. */
  readonly signupRoleIds: string[];
  /**
   * ROLE_BASED: until this instant only members with a listed role can take a slot; others are
   * waitlisted in arrival order and fill the free slots (in that order) when it passes. Null: the
   * listed roles keep priority until the start.
   */
  readonly roleSignupUntil: string | null;
  /** Minutes before the start at which every confirmed participant is reminded. */
  readonly reminderOffsetsMinutes: number[];
  /** Minutes before the start at which the host is warned when fewer than `minPlayers` confirmed. */
  readonly minPlayersCheckMinutes: number | null;
  /** Delay after a join before the joiner is sent `signupInstructions` (0 = at once). */
  readonly joinNotificationDelayMinutes: number | null;
  readonly signupInstructions: string | null;
  /** Post the announcement at this time instead of at creation. */
  readonly postAt: string | null;
  readonly recurrence: Recurrence | null;
  readonly status: GameStatus;
  /** Set once CANCELLED: whether only this instance or the rest of its series was cancelled. */
  readonly cancelScope: CancelScope | null;
  readonly announcementMessageId: string | null;
  readonly threadId: string | null;
  /** All instances of one recurring game share it (the first instance's id). */
  readonly seriesId: string | null;
  /** 0 for the first instance, then the occurrence index of time/recurrence.ts. */
  readonly seriesIndex: number;
  /** The template the game was created from (its locked fields cannot be edited). */
  readonly templateId: string | null;
  readonly confirmedCount: number;
  readonly waitlistCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Ordered: confirmed (incl. host_added) by position, then waitlisted by position, then declined. */
  readonly participants: Participant[];
};

/** A game without its participant list (list views). */
export type GameSummary = Omit<Game, 'participants'>;

/** Who acts: a signed-in person (API session/token or a Discord interaction) or the system. */
export type Actor =
  | {
      readonly userId: string;
      /** For the audit log; a Discord interaction passes `{ userId, via: 'session', scopes: 'all' }`. */
      readonly principal?: Principal;
      readonly requestId?: string;
      /** The actor's membership when the caller resolved it already (saves a look-up). */
      readonly membership?: Membership;
    }
  | 'system';

export type GameInput = {
  readonly title: string;
  readonly description?: string | null;
  readonly activity?: string | null;
  readonly channelId?: string | null;
  /** Defaults to the actor. Hosting for someone else needs admin. */
  readonly hostId?: string;
  readonly startsAt: string;
  /** Defaults to the guild's games timezone. */
  readonly timezone?: string;
  readonly durationMinutes?: number | null;
  /** Alternative to durationMinutes: must be after startsAt. */
  readonly endsAt?: string | null;
  readonly minPlayers?: number | null;
  readonly maxPlayers?: number | null;
  readonly signupMethod?: SignupMethod;
  readonly signupRoleIds?: string[];
  readonly roleSignupUntil?: string | null;
  /** Defaults to the guild's default reminders. */
  readonly reminderOffsetsMinutes?: number[];
  readonly minPlayersCheckMinutes?: number | null;
  readonly joinNotificationDelayMinutes?: number | null;
  readonly signupInstructions?: string | null;
  readonly postAt?: string | null;
  readonly recurrence?: Recurrence | null;
  /** Apply a template's defaults; its locked fields cannot be overridden. */
  readonly templateId?: string;
};

export type GamePatch = Partial<Omit<GameInput, 'templateId'>>;

export type GameFilter = {
  readonly status?: readonly GameStatus[];
  readonly hostId?: string;
  /** Games this user is a participant of (any state but declined). */
  readonly participantId?: string;
  /** startsAt ≥ from */
  readonly from?: string;
  /** startsAt < to */
  readonly to?: string;
  /** Games this user hosts or takes part in (the dashboard's "my games"). */
  readonly involvedUserId?: string;
  /** By start time: ascending (default) or descending (past games, newest first). */
  readonly order?: 'asc' | 'desc';
  /** 1..100, default 25. */
  readonly limit?: number;
};

export type Page<T> = { readonly items: T[]; readonly nextCursor: string | null };

/** The fields a template may set; `locked` names the ones games from it cannot change. */
export const TEMPLATE_FIELDS = [
  'title',
  'description',
  'activity',
  'channelId',
  'durationMinutes',
  'minPlayers',
  'maxPlayers',
  'signupMethod',
  'signupRoleIds',
  'reminderOffsetsMinutes',
  'minPlayersCheckMinutes',
  'joinNotificationDelayMinutes',
  'signupInstructions',
  'recurrence',
  'timezone',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export type TemplateDefaults = Partial<Pick<GameInput, TemplateField>>;

export type Template = {
  readonly id: string;
  readonly guildId: string;
  readonly name: string;
  readonly defaults: TemplateDefaults;
  readonly locked: TemplateField[];
  readonly createdAt: string;
  readonly updatedAt: string;
};

export type TemplateInput = {
  readonly name: string;
  readonly defaults: TemplateDefaults;
  readonly locked?: TemplateField[];
};

export type GamesConfig = {
  readonly guildId: string;
  /** Channels games may be announced in; the first is the default. Empty: any postable channel. */
  readonly announcementChannelIds: string[];
  /**
   * Roles that may host games (in addition to core's `host` capability roles and admins).
   * Empty and no core host roles: every member may host.
   */
  readonly hostRoleIds: string[];
  readonly defaultReminderOffsetsMinutes: number[];
  /** IANA zone; defaults to core's guild timezone. */
  readonly timezone: string;
  /** Optional Discord features (G2): a thread per game, a temporary role for confirmed players. */
  readonly threadPerGame: boolean;
  readonly tempRole: boolean;
  readonly updatedAt: string | null;
};

export type GamesConfigInput = Partial<Omit<GamesConfig, 'guildId' | 'updatedAt'>>;

/** Preferences of one member: for one game, or (gameId null) for all games of the guild. */
export type ReminderPreference = {
  readonly gameId: string | null;
  readonly muted: boolean;
  /** Their own lead time in minutes: replaces the game's reminders for them with one at this lead. */
  readonly leadMinutes: number | null;
};

export type ReminderPreferenceInput = {
  readonly gameId?: string | null;
  readonly muted?: boolean;
  readonly leadMinutes?: number | null;
};

/** Result of a participation change (join, leave, decline, host add/remove/promote). */
export type ParticipationResult = {
  readonly gameId: string;
  readonly userId: string;
  /** The user's state afterwards; null when they are no longer listed (left, removed). */
  readonly state: ParticipantState | null;
  readonly position: number | null;
  /** Users moved from the waitlist to confirmed as a consequence. */
  readonly promoted: string[];
  /** Users pushed back to the waitlist as a consequence. */
  readonly demoted: string[];
  readonly confirmedCount: number;
  readonly waitlistCount: number;
};
