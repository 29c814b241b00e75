import { type Static, Type } from 'typebox';

/** A Discord id in a path or body: 15–21 digits, kept as a string. */
export const Snowflake = Type.String({
  pattern: '^[0-9]{15,21}$',
  description: 'Discord id (snowflake)',
  examples: ['1234567890123456789'],
});

export const GuildParams = Type.Object({ guildId: Snowflake }, { additionalProperties: false });
export type GuildParams = Static<typeof GuildParams>;

const FieldProblem = Type.Object({
  pointer: Type.String({ description: 'JSON pointer into the request, e.g. /body/maxPlayers' }),
  detail: Type.String(),
  code: Type.Optional(Type.String()),
});

/** RFC 9457 problem details as every error response carries them. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(FieldProblem)),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' },
);

/** The error responses a route can give, for the OpenAPI document. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, { ...ProblemSchema, description: 'Problem details' }]));
}

export const Timestamp = Type.String({ format: 'date-time' });
