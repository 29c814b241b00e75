import { Type } from 'typebox';
import { Snowflake, Timestamp } from '#platform/http/schemas.ts';
import { TEMPLATE_FIELDS } from '../types.ts';

/** TypeBox schemas of the games API (the OpenAPI document is generated from them). */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

export const GameStatusSchema = Type.Union([
  Type.Literal('SCHEDULED'),
  Type.Literal('IN_PROGRESS'),
  Type.Literal('COMPLETED'),
  Type.Literal('CANCELLED'),
]);
export const CancelScopeSchema = Type.Union([Type.Literal('occurrence'), Type.Literal('series')]);
export const SignupMethodSchema = Type.Union([
  Type.Literal('SELF_SIGNUP'),
  Type.Literal('HOST_SELECTED'),
  Type.Literal('HOST_SELECTED_WITH_WAITLIST'),
  Type.Literal('ROLE_BASED'),
]);
const ParticipantStateSchema = Type.Union([
  Type.Literal('confirmed'),
  Type.Literal('waitlisted'),
  Type.Literal('declined'),
  Type.Literal('host_added'),
]);

export const RecurrenceSchema = Type.Union(
  [
    Type.Object(
      { kind: Type.Literal('weekly'), interval: Type.Integer({ minimum: 1, maximum: 52 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      { kind: Type.Literal('monthly_date'), interval: Type.Integer({ minimum: 1, maximum: 52 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('monthly_weekday'),
        interval: Type.Integer({ minimum: 1, maximum: 52 }),
        nth: Type.Union([
          Type.Literal(1),
          Type.Literal(2),
          Type.Literal(3),
          Type.Literal(4),
          Type.Literal(5),
          Type.Literal(-1),
        ]),
      },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'Weekly / every N weeks, monthly by date, or monthly by weekday ("second Tuesday", nth -1 = last)',
  },
);

const Minutes = Type.Integer({ minimum: 0, maximum: 43200 });

const gameFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Nullable(Type.String({ maxLength: 4000 })),
  activity: Nullable(Type.String({ maxLength: 200, description: 'The game or activity played' })),
  channelId: Nullable(Snowflake),
  hostId: Snowflake,
  startsAt: Type.String({ format: 'date-time', description: 'ISO 8601; stored in UTC' }),
  timezone: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'IANA time zone (defaults to the guild’s)',
  }),
  durationMinutes: Nullable(Type.Integer({ minimum: -100000, maximum: 10080 })),
  endsAt: Nullable(Type.String({ format: 'date-time', description: 'Alternative to durationMinutes' })),
  minPlayers: Nullable(Type.Integer({ minimum: 1, maximum: 1000 })),
  maxPlayers: Nullable(Type.Integer({ minimum: 1, maximum: 1000 })),
  signupMethod: SignupMethodSchema,
  signupRoleIds: Type.Array(Snowflake, { maxItems: 25 }),
  roleSignupUntil: Nullable(Type.String({ format: 'date-time' })),
  reminderOffsetsMinutes: Type.Array(Minutes, { maxItems: 10, description: 'Minutes before the start' }),
  minPlayersCheckMinutes: Nullable(Minutes),
  joinNotificationDelayMinutes: Nullable(Minutes),
  signupInstructions: Nullable(Type.String({ maxLength: 2000 })),
  postAt: Nullable(Type.String({ format: 'date-time' })),
  recurrence: Nullable(RecurrenceSchema),
};

const optional = <T extends Record<string, Parameters<typeof Type.Optional>[0]>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>>;
  };

const { title, startsAt, ...rest } = gameFields;

export const GameInputSchema = Type.Object(
  { title, startsAt, ...optional(rest), templateId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const GamePatchSchema = Type.Object(optional(gameFields), { additionalProperties: false });

export const CloneSchema = Type.Object(
  { ...optional(gameFields), startsAt },
  { additionalProperties: false },
);

const Participant = Type.Object({
  userId: Snowflake,
  state: ParticipantStateSchema,
  position: Type.Integer(),
  note: Nullable(Type.String()),
  joinedAt: Timestamp,
});

const summaryFields = {
  id: Uuid,
  guildId: Snowflake,
  title: Type.String(),
  description: Nullable(Type.String()),
  activity: Nullable(Type.String()),
  channelId: Nullable(Snowflake),
  hostId: Snowflake,
  startsAt: Timestamp,
  timezone: Type.String(),
  durationMinutes: Nullable(Type.Integer()),
  minPlayers: Nullable(Type.Integer()),
  maxPlayers: Nullable(Type.Integer()),
  signupMethod: SignupMethodSchema,
  signupRoleIds: Type.Array(Snowflake),
  roleSignupUntil: Nullable(Timestamp),
  reminderOffsetsMinutes: Type.Array(Type.Integer()),
  minPlayersCheckMinutes: Nullable(Type.Integer()),
  joinNotificationDelayMinutes: Nullable(Type.Integer()),
  signupInstructions: Nullable(Type.String()),
  postAt: Nullable(Timestamp),
  recurrence: Nullable(RecurrenceSchema),
  status: GameStatusSchema,
  cancelScope: Nullable(CancelScopeSchema),
  announcementMessageId: Nullable(Snowflake),
  threadId: Nullable(Snowflake),
  seriesId: Nullable(Uuid),
  seriesIndex: Type.Integer(),
  templateId: Nullable(Uuid),
  confirmedCount: Type.Integer(),
  waitlistCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const GameSummarySchema = Type.Object(summaryFields);
export const GameSchema = Type.Object({ ...summaryFields, participants: Type.Array(Participant) });

export const GamePageSchema = Type.Object({
  items: Type.Array(GameSummarySchema),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page' })),
});

export const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({
        pattern:
          '^(SCHEDULED|IN_PROGRESS|COMPLETED|CANCELLED)(,(SCHEDULED|IN_PROGRESS|COMPLETED|CANCELLED))*$',
        description: 'Comma-separated statuses',
      }),
    ),
    hostId: Type.Optional(Snowflake),
    participantId: Type.Optional(Snowflake),
    mine: Type.Optional(Type.Boolean({ description: 'Games the caller hosts or takes part in' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'startsAt ≥ from' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'startsAt < to' })),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const GameParams = Type.Object({ guildId: Snowflake, gameId: Uuid }, { additionalProperties: false });
export const ParticipantParams = Type.Object(
  { guildId: Snowflake, gameId: Uuid, userId: Snowflake },
  { additionalProperties: false },
);
export const TemplateParams = Type.Object(
  { guildId: Snowflake, templateId: Uuid },
  { additionalProperties: false },
);

export const NoteBody = Type.Object(
  { note: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'e.g. "tank"' }))) },
  { additionalProperties: false },
);

export const EditQuery = Type.Object(
  {
    scope: Type.Optional(
      Type.Union([Type.Literal('occurrence'), Type.Literal('series')], {
        description:
          '`occurrence` (default): the change stays with this game, a recurring series goes on as before. `series`: this and every later game of the series. `recurrence` applies to the series either way',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CancelQuery = Type.Object(
  {
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    scope: Type.Optional(
      Type.Union([Type.Literal('occurrence'), Type.Literal('series')], {
        description:
          '`occurrence` (default): this instance only; a recurring series goes on. `series`: this and every later instance; nothing more is created',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ParticipationSchema = Type.Object({
  gameId: Uuid,
  userId: Snowflake,
  state: Nullable(ParticipantStateSchema),
  position: Nullable(Type.Integer()),
  promoted: Type.Array(Snowflake),
  demoted: Type.Array(Snowflake),
  confirmedCount: Type.Integer(),
  waitlistCount: Type.Integer(),
});

const templateDefaultFields = {
  title: gameFields.title,
  description: gameFields.description,
  activity: gameFields.activity,
  channelId: gameFields.channelId,
  durationMinutes: gameFields.durationMinutes,
  minPlayers: gameFields.minPlayers,
  maxPlayers: gameFields.maxPlayers,
  signupMethod: gameFields.signupMethod,
  signupRoleIds: gameFields.signupRoleIds,
  reminderOffsetsMinutes: gameFields.reminderOffsetsMinutes,
  minPlayersCheckMinutes: gameFields.minPlayersCheckMinutes,
  joinNotificationDelayMinutes: gameFields.joinNotificationDelayMinutes,
  signupInstructions: gameFields.signupInstructions,
  recurrence: gameFields.recurrence,
  timezone: gameFields.timezone,
};

const TemplateDefaultsSchema = Type.Object(optional(templateDefaultFields), { additionalProperties: false });
const TemplateFieldSchema = Type.String({ enum: [...TEMPLATE_FIELDS] });

export const TemplateInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    defaults: TemplateDefaultsSchema,
    locked: Type.Optional(Type.Array(TemplateFieldSchema, { maxItems: TEMPLATE_FIELDS.length })),
  },
  { additionalProperties: false },
);

export const TemplateSchema = Type.Object({
  id: Uuid,
  guildId: Snowflake,
  name: Type.String(),
  defaults: Type.Object(optional(templateDefaultFields)),
  locked: Type.Array(TemplateFieldSchema),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ConfigSchema = Type.Object({
  guildId: Snowflake,
  announcementChannelIds: Type.Array(Snowflake),
  hostRoleIds: Type.Array(Snowflake),
  defaultReminderOffsetsMinutes: Type.Array(Type.Integer()),
  timezone: Type.String(),
  threadPerGame: Type.Boolean(),
  tempRole: Type.Boolean(),
  updatedAt: Nullable(Timestamp),
});

export const ConfigInputSchema = Type.Object(
  {
    announcementChannelIds: Type.Optional(Type.Array(Snowflake, { maxItems: 25 })),
    hostRoleIds: Type.Optional(Type.Array(Snowflake, { maxItems: 50 })),
    defaultReminderOffsetsMinutes: Type.Optional(Type.Array(Minutes, { maxItems: 10 })),
    timezone: Type.Optional(gameFields.timezone),
    threadPerGame: Type.Optional(Type.Boolean()),
    tempRole: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ReminderPreferenceSchema = Type.Object({
  gameId: Nullable(Uuid),
  muted: Type.Boolean(),
  leadMinutes: Nullable(Type.Integer()),
});

export const ReminderPreferenceInputSchema = Type.Object(
  {
    gameId: Type.Optional(Nullable(Uuid)),
    muted: Type.Optional(Type.Boolean()),
    leadMinutes: Type.Optional(Nullable(Minutes)),
  },
  { additionalProperties: false },
);
