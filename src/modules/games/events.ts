import { type Static, Type } from 'typebox';
import { defineEvent } from '#platform/bus/events.ts';
import { GAME_STATUS, PARTICIPANT_STATES } from './types.ts';

/**
 * The games module's event contracts (domain `games`, routing key `games.<name lowercased>`).
 * Payloads are minimal (ids and what changed): consumers re-read the current state, so a late or
 * redelivered event never acts on stale data.
 */
const Id = Type.String({ format: 'uuid' });
const Snowflake = Type.String({ pattern: '^[0-9]{1,20}$' });
const Status = Type.Union([
  Type.Literal('SCHEDULED'),
  Type.Literal('IN_PROGRESS'),
  Type.Literal('COMPLETED'),
  Type.Literal('CANCELLED'),
]);
const State = Type.Union([
  Type.Literal('confirmed'),
  Type.Literal('waitlisted'),
  Type.Literal('declined'),
  Type.Literal('host_added'),
]);
// Literal unions (a mapped array would not infer); these lines keep them in step with types.ts.
export const EVENT_STATUSES: readonly Static<typeof Status>[] = GAME_STATUS;
export const EVENT_STATES: readonly Static<typeof State>[] = PARTICIPANT_STATES;
const strict = { additionalProperties: false } as const;
const domain = 'games';

export const GAME_CREATED = defineEvent({
  domain,
  name: 'GAME_CREATED',
  version: 1,
  payload: Type.Object({ gameId: Id }, strict),
});

export const GAME_UPDATED = defineEvent({
  domain,
  name: 'GAME_UPDATED',
  version: 1,
  /** `changed`: field names of `Game` (e.g. startsAt, participants). */
  payload: Type.Object(
    { gameId: Id, changed: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 40 }) },
    strict,
  ),
});

/**
 * `scope`: `occurrence` (this instance; a recurring series goes on) or `series` (this and every
 * later instance: each gets its own GAME_CANCELLED). Optional so that events written before scopes
 * existed stay valid; consumers read an absent scope as `occurrence` (they react per game alike).
 */
export const GAME_CANCELLED = defineEvent({
  domain,
  name: 'GAME_CANCELLED',
  version: 1,
  payload: Type.Object(
    {
      gameId: Id,
      reason: Type.Optional(Type.String({ maxLength: 500 })),
      scope: Type.Optional(Type.Union([Type.Literal('occurrence'), Type.Literal('series')])),
    },
    strict,
  ),
});

export const PLAYER_JOINED = defineEvent({
  domain,
  name: 'PLAYER_JOINED',
  version: 1,
  payload: Type.Object({ gameId: Id, userId: Snowflake, state: State }, strict),
});

export const PLAYER_LEFT = defineEvent({
  domain,
  name: 'PLAYER_LEFT',
  version: 1,
  payload: Type.Object({ gameId: Id, userId: Snowflake }, strict),
});

/** The explicit "can't come" answer. */
export const PLAYER_DECLINED = defineEvent({
  domain,
  name: 'PLAYER_DECLINED',
  version: 1,
  payload: Type.Object({ gameId: Id, userId: Snowflake }, strict),
});

/** A host removed a player (`by` is the host). */
export const PLAYER_REMOVED = defineEvent({
  domain,
  name: 'PLAYER_REMOVED',
  version: 1,
  payload: Type.Object({ gameId: Id, userId: Snowflake, by: Snowflake }, strict),
});

/** A waitlisted player got a slot (a confirmed one left or was removed, or a host promoted them). */
export const WAITLIST_PROMOTED = defineEvent({
  domain,
  name: 'WAITLIST_PROMOTED',
  version: 1,
  payload: Type.Object({ gameId: Id, userId: Snowflake }, strict),
});

/** A host-added player pushed this (last self-joined) player back to the waitlist. */
export const PLAYER_DEMOTED = defineEvent({
  domain,
  name: 'PLAYER_DEMOTED',
  version: 1,
  payload: Type.Object({ gameId: Id, userId: Snowflake }, strict),
});

export const GAME_STATUS_CHANGED = defineEvent({
  domain,
  name: 'GAME_STATUS_CHANGED',
  version: 1,
  payload: Type.Object({ gameId: Id, from: Status, to: Status }, strict),
});

/**
 * A reminder or join notification came due (produced by the scheduler). `userId` set: for one
 * user only (a member's own lead time, or the joiner of a join notification).
 */
export const NOTIFICATION_DUE = defineEvent({
  domain,
  name: 'NOTIFICATION_DUE',
  version: 1,
  payload: Type.Object(
    {
      gameId: Id,
      kind: Type.Union([Type.Literal('reminder'), Type.Literal('join_notification')]),
      offsetMinutes: Type.Optional(Type.Integer({ minimum: 0 })),
      userId: Type.Optional(Snowflake),
    },
    strict,
  ),
});

/**
 * Send one DM to one user (the Discord side renders `messageKey` from the catalogue with
 * `params`, in the user's or guild's locale).
 */
export const NOTIFICATION_SEND_DM = defineEvent({
  domain,
  name: 'NOTIFICATION_SEND_DM',
  version: 1,
  payload: Type.Object(
    {
      guildId: Type.Optional(Snowflake),
      userId: Snowflake,
      messageKey: Type.String({ minLength: 1, maxLength: 120 }),
      params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
      gameId: Type.Optional(Id),
    },
    strict,
  ),
});

export const GAME_STATUS_TRANSITION_DUE = defineEvent({
  domain,
  name: 'GAME_STATUS_TRANSITION_DUE',
  version: 1,
  payload: Type.Object({ gameId: Id, to: Status }, strict),
});

/** Deferred posting: the announcement is due now (`postAt`). */
export const GAME_POST_DUE = defineEvent({
  domain,
  name: 'GAME_POST_DUE',
  version: 1,
  payload: Type.Object({ gameId: Id }, strict),
});

export const MIN_PLAYERS_CHECK_DUE = defineEvent({
  domain,
  name: 'MIN_PLAYERS_CHECK_DUE',
  version: 1,
  payload: Type.Object({ gameId: Id }, strict),
});

export const GAME_MIN_PLAYERS_WARNING = defineEvent({
  domain,
  name: 'GAME_MIN_PLAYERS_WARNING',
  version: 1,
  payload: Type.Object(
    { gameId: Id, confirmed: Type.Integer({ minimum: 0 }), minPlayers: Type.Integer({ minimum: 1 }) },
    strict,
  ),
});

/** ROLE_BASED: the listed roles' priority window ended; free slots go to the waitlist in order. */
export const ROLE_SIGNUP_OPEN_DUE = defineEvent({
  domain,
  name: 'ROLE_SIGNUP_OPEN_DUE',
  version: 1,
  payload: Type.Object({ gameId: Id }, strict),
});

/**
 * A cancelled occurrence of a recurring game reached the time it would have ended: the series'
 * next instance is due (produced by the scheduler; completion creates it for the others).
 */
export const GAME_SERIES_NEXT_DUE = defineEvent({
  domain,
  name: 'GAME_SERIES_NEXT_DUE',
  version: 1,
  payload: Type.Object({ gameId: Id }, strict),
});

export const GAMES_EVENTS = [
  GAME_CREATED,
  GAME_UPDATED,
  GAME_CANCELLED,
  PLAYER_JOINED,
  PLAYER_LEFT,
  PLAYER_DECLINED,
  PLAYER_REMOVED,
  WAITLIST_PROMOTED,
  PLAYER_DEMOTED,
  GAME_STATUS_CHANGED,
  NOTIFICATION_DUE,
  NOTIFICATION_SEND_DM,
  GAME_STATUS_TRANSITION_DUE,
  GAME_POST_DUE,
  MIN_PLAYERS_CHECK_DUE,
  GAME_MIN_PLAYERS_WARNING,
  ROLE_SIGNUP_OPEN_DUE,
  GAME_SERIES_NEXT_DUE,
] as const;

export type SendDmPayload = Static<typeof NOTIFICATION_SEND_DM.payload>;
export type NotificationDuePayload = Static<typeof NOTIFICATION_DUE.payload>;
