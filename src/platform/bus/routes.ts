import { type Static, Type } from 'typebox';
import { parseDuration } from '../cli/output.ts';
import { forbidden, invalid, notFound, UserError } from '../errors.ts';
import { principalOf } from '../http/auth.ts';
import { problems, Timestamp } from '../http/schemas.ts';
import type { HttpApp } from '../http/types.ts';
import type { DeadLetterFilter, DeadLetters } from './dead-letters.ts';

const Id = Type.String({ pattern: '^[0-9]{1,18}$', description: 'Dead letter id' });
const Age = Type.String({
  minLength: 2,
  maxLength: 40,
  description: 'A duration before now ("30m", "12h", "7d") or an ISO 8601 instant',
  examples: ['2h', '2026-01-31T00:00:00Z'],
});

const FilterFields = {
  queue: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Consumer (queue) name, e.g. bot.games.game_created',
    }),
  ),
  type: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Event type, e.g. games.game_created' }),
  ),
  olderThan: Type.Optional(Age),
  newerThan: Type.Optional(Age),
};

const ListQuery = Type.Object(
  {
    ...FilterFields,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
    before: Type.Optional(Id),
  },
  { additionalProperties: false },
);

const Filter = Type.Object(FilterFields, { additionalProperties: false });

const Bulk = Type.Object(
  {
    ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000 })),
    filter: Type.Optional(Filter),
    all: Type.Optional(
      Type.Boolean({
        description: 'Required to act on everything the filter matches (or everything at all)',
      }),
    ),
  },
  { additionalProperties: false },
);

const Summary = Type.Object({
  id: Id,
  queue: Type.String(),
  transport: Type.Union([Type.Literal('embedded'), Type.Literal('rabbitmq')]),
  messageId: Type.Union([Type.String(), Type.Null()]),
  type: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([Type.Integer(), Type.Null()]),
  guildId: Type.Union([Type.String(), Type.Null()]),
  errorCode: Type.String(),
  error: Type.String({ description: 'The error message (shortened in lists)' }),
  attempts: Type.Integer(),
  failedAt: Timestamp,
  replayable: Type.Boolean({ description: 'False for bodies that are not JSON' }),
});

const Detail = Type.Object({
  ...Summary.properties,
  message: Type.Unknown({ description: 'The message as it was received' }),
  raw: Type.Union([Type.String(), Type.Null()]),
  stack: Type.Union([Type.String(), Type.Null()]),
});

const Group = Type.Object({
  queue: Type.String(),
  type: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  oldest: Timestamp,
  newest: Timestamp,
});

/** "2h" or an ISO instant into an instant; undefined when the text is neither. */
export function parseAge(text: string, now = Date.now()): Date | undefined {
  const ms = parseDuration(text);
  if (ms !== undefined) return new Date(now - ms);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function filterOf(
  input: {
    queue?: string | undefined;
    type?: string | undefined;
    olderThan?: string | undefined;
    newerThan?: string | undefined;
  },
  pointer: string,
): DeadLetterFilter {
  const age = (field: 'olderThan' | 'newerThan') => {
    const text = input[field];
    if (text === undefined) return undefined;
    const date = parseAge(text);
    if (!date)
      throw invalid(
        `${pointer}/${field}`,
        `must be a duration such as 2h or 7d, or an ISO date`,
        'AGE_INVALID',
      );
    return date;
  };
  return { queue: input.queue, type: input.type, olderThan: age('olderThan'), newerThan: age('newerThan') };
}

const hasCriteria = (f: DeadLetterFilter) => Boolean(f.queue || f.type || f.olderThan || f.newerThan);

/**
 * The operator's dead-letter endpoints (the HTTP twin of `guildhall dlq`). Instance-wide, so the
 * `admin` scope is required and tokens restricted to one guild are refused.
 */
export function deadLetterRoutes(deadLetters: DeadLetters) {
  return (app: HttpApp) => {
    app.addHook('preHandler', async (request) => {
      if (!request.routeOptions.url?.startsWith('/api/v1/admin/dead-letters')) return;
      if (principalOf(request).guildId)
        throw forbidden(
          'A token restricted to one guild cannot operate instance-wide dead letters.',
          'TOKEN_GUILD_RESTRICTED',
        );
    });
    const common = { config: { access: { scope: 'admin' } } } as const;
    const tags = ['admin'];

    app.get(
      '/api/v1/admin/dead-letters',
      {
        ...common,
        schema: {
          tags,
          summary: 'Dead letters of every consumer, newest first',
          querystring: ListQuery,
          response: {
            200: Type.Object({
              items: Type.Array(Summary),
              nextBefore: Type.Union([Id, Type.Null()], {
                description: 'Pass as `before` for the next page',
              }),
            }),
            ...problems(400, 401, 403, 422),
          },
        },
      },
      async (request) => {
        const q = request.query;
        const limit = q.limit ?? 50;
        const items = await deadLetters.list(filterOf(q, '/querystring'), {
          limit,
          ...(q.before ? { before: q.before } : {}),
        });
        return {
          items: items.map(serialise),
          nextBefore: items.length === limit ? (items.at(-1)?.id ?? null) : null,
        };
      },
    );

    app.get(
      '/api/v1/admin/dead-letters/summary',
      {
        ...common,
        schema: {
          tags,
          summary: 'Dead letters counted by queue and event type',
          querystring: Filter,
          response: { 200: Type.Object({ groups: Type.Array(Group) }), ...problems(400, 401, 403, 422) },
        },
      },
      async (request) => {
        const groups = await deadLetters.summary(filterOf(request.query, '/querystring'));
        return {
          groups: groups.map((g) => ({
            ...g,
            oldest: g.oldest.toISOString(),
            newest: g.newest.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/api/v1/admin/dead-letters/:id',
      {
        ...common,
        schema: {
          tags,
          summary: 'One dead letter with its message, error and stack',
          params: Type.Object({ id: Id }, { additionalProperties: false }),
          response: { 200: Detail, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const letter = await deadLetters.get(request.params.id);
        if (!letter) throw notFound('Dead letter', 'DEAD_LETTER_NOT_FOUND');
        return { ...serialise(letter), message: letter.message, raw: letter.raw, stack: letter.stack };
      },
    );

    app.post(
      '/api/v1/admin/dead-letters/:id/replay',
      {
        ...common,
        schema: {
          tags,
          summary: 'Deliver a dead letter again to the consumer that failed it',
          params: Type.Object({ id: Id }, { additionalProperties: false }),
          response: { 200: Type.Object({ replayed: Type.Integer() }), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const letter = await deadLetters.get(request.params.id);
        if (!letter) throw notFound('Dead letter', 'DEAD_LETTER_NOT_FOUND');
        if (!letter.replayable)
          throw new UserError(
            'DEAD_LETTER_NOT_REPLAYABLE',
            'This dead letter is not JSON and cannot be replayed; purge it.',
            {
              status: 409,
            },
          );
        const replayed = await deadLetters.replay([letter.id]);
        if (replayed === 0) throw notFound('Dead letter', 'DEAD_LETTER_NOT_FOUND');
        return { replayed };
      },
    );

    app.delete(
      '/api/v1/admin/dead-letters/:id',
      {
        ...common,
        schema: {
          tags,
          summary: 'Delete a dead letter',
          params: Type.Object({ id: Id }, { additionalProperties: false }),
          response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        if ((await deadLetters.purge([request.params.id])) === 0)
          throw notFound('Dead letter', 'DEAD_LETTER_NOT_FOUND');
        return reply.code(204).send(null);
      },
    );

    const bulk = (action: 'replay' | 'purge') => async (body: Static<typeof Bulk>) => {
      const chosen = [body.ids, body.filter, body.all].filter((x) => x !== undefined).length;
      if (body.ids && (body.filter || body.all))
        throw invalid('/body', 'Give either ids, or a filter (with all: true).', 'BULK_AMBIGUOUS');
      if (body.ids) return action === 'replay' ? deadLetters.replay(body.ids) : deadLetters.purge(body.ids);
      const filter = filterOf(body.filter ?? {}, '/body/filter');
      if (chosen === 0 || body.all !== true)
        throw invalid(
          '/body/all',
          hasCriteria(filter)
            ? `Set all: true to ${action} everything the filter matches.`
            : `Give ids, or a filter with all: true (all: true alone ${action === 'replay' ? 'replays' : 'purges'} every dead letter).`,
          'BULK_NOT_CONFIRMED',
        );
      return action === 'replay' ? deadLetters.replayMatching(filter) : deadLetters.purgeMatching(filter);
    };
    const replayMany = bulk('replay');
    const purgeMany = bulk('purge');

    app.post(
      '/api/v1/admin/dead-letters/replay',
      {
        ...common,
        schema: {
          tags,
          summary: 'Replay several dead letters: by ids, or everything a filter matches',
          body: Bulk,
          response: { 200: Type.Object({ replayed: Type.Integer() }), ...problems(400, 401, 403, 422) },
        },
      },
      async (request) => ({ replayed: await replayMany(request.body) }),
    );

    app.post(
      '/api/v1/admin/dead-letters/purge',
      {
        ...common,
        schema: {
          tags,
          summary: 'Delete several dead letters: by ids, or everything a filter matches',
          body: Bulk,
          response: { 200: Type.Object({ purged: Type.Integer() }), ...problems(400, 401, 403, 422) },
        },
      },
      async (request) => ({ purged: await purgeMany(request.body) }),
    );
  };
}

function serialise<T extends { failedAt: Date }>(letter: T) {
  return { ...letter, failedAt: letter.failedAt.toISOString() };
}
