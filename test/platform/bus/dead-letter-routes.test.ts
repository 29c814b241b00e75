import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import { recordDeadLetters } from '#platform/bus/dead-letters.ts';
import { envelopeOf } from '#platform/bus/events.ts';
import { loadConfig } from '#platform/config/load.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { ThingHappened } from '../../support/bus.ts';
import { pgliteFactory, quietLog, type TestDatabase } from '../../support/databases.ts';

const ADMIN = '300000000000000003';
const GUILD = '100000000000000001';

describe('dead letters over HTTP (/api/v1/admin/dead-letters)', () => {
  let t: TestDatabase;
  let runtime: Runtime;
  let app: HttpApp;
  let admin: string;
  let reader: string;
  let guildOnly: string;
  const ids: string[] = [];

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token = admin, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });

  before(async () => {
    t = await pgliteFactory.create();
    runtime = await compose(loadConfig({}, { envFile: false }), 'test', { db: t.db, log: quietLog });
    app = await buildApi(runtime);
    await t.db.withSystem(async (tx) => {
      await tx.execute(sql`insert into core.users (id, username) values (${ADMIN}, 'operator')`);
      await tx.execute(sql`insert into core.guilds (id, name, owner_id) values (${GUILD}, 'G', ${ADMIN})`);
    });
    const tokens = runtime.core.tokens;
    admin = (await tokens.create({ userId: ADMIN, name: 'ops', scopes: ['admin'] })).token;
    reader = (await tokens.create({ userId: ADMIN, name: 'reader', scopes: ['guilds:read'] })).token;
    guildOnly = (await tokens.create({ userId: ADMIN, name: 'one guild', scopes: ['admin'], guildId: GUILD }))
      .token;
    const failure = { code: 'HANDLER_FAILED', message: 'boom', stack: 'Error: boom\n    at handler' };
    await t.db.withSystem((tx) =>
      recordDeadLetters(tx, [
        ...Array.from({ length: 3 }, (_, i) => {
          const envelope = envelopeOf(ThingHappened.of({ n: i }, { guildId: GUILD }));
          return {
            consumer: 'worker.test.http_a',
            transport: 'embedded' as const,
            envelope,
            body: envelope,
            failure,
            attempts: 5,
          };
        }),
        {
          consumer: 'worker.test.http_b',
          transport: 'rabbitmq' as const,
          envelope: undefined,
          body: Buffer.from('not json at all'),
          failure: { code: 'ENVELOPE_INVALID', message: 'The body is not JSON.', stack: undefined },
          attempts: 1,
          failedAt: new Date(Date.now() - 3 * 86_400_000),
        },
      ]),
    );
    const res = await call('GET', '/api/v1/admin/dead-letters');
    for (const item of res.json().items) ids.push(item.id);
  });

  after(async () => {
    await app?.close();
    await runtime?.close();
    await t?.dispose();
  });

  it('lists dead letters newest first, filtered and paged', async () => {
    const all = await call('GET', '/api/v1/admin/dead-letters');
    assert.equal(all.statusCode, 200);
    assert.equal(all.json().items.length, 4);
    const a = await call('GET', '/api/v1/admin/dead-letters?queue=worker.test.http_a&limit=2');
    const page = a.json();
    assert.equal(page.items.length, 2);
    assert.ok(page.nextBefore);
    assert.equal(page.items[0].type, 'test.thing_happened');
    assert.equal(page.items[0].guildId, GUILD);
    const next = await call(
      'GET',
      `/api/v1/admin/dead-letters?queue=worker.test.http_a&limit=2&before=${page.nextBefore}`,
    );
    assert.equal(next.json().items.length, 1);
    assert.equal(next.json().nextBefore, null);
    const old = await call('GET', '/api/v1/admin/dead-letters?olderThan=1d');
    assert.deepEqual(
      old.json().items.map((i: { queue: string }) => i.queue),
      ['worker.test.http_b'],
    );
    const recent = await call(
      'GET',
      `/api/v1/admin/dead-letters?newerThan=${new Date(Date.now() - 86_400_000).toISOString()}`,
    );
    assert.equal(recent.json().items.length, 3);
    const summary = await call('GET', '/api/v1/admin/dead-letters/summary');
    assert.deepEqual(
      summary.json().groups.map((g: { queue: string; count: number }) => [g.queue, g.count]),
      [
        ['worker.test.http_a', 3],
        ['worker.test.http_b', 1],
      ],
    );
  });

  it('shows one dead letter, with its message, error and stack', async () => {
    const list = (await call('GET', '/api/v1/admin/dead-letters?queue=worker.test.http_b')).json();
    const res = await call('GET', `/api/v1/admin/dead-letters/${list.items[0].id}`);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.raw, 'not json at all');
    assert.equal(body.message, null);
    assert.equal(body.replayable, false);
    assert.equal(body.errorCode, 'ENVELOPE_INVALID');
    const missing = await call('GET', '/api/v1/admin/dead-letters/999999');
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
    assert.equal(missing.json().code, 'DEAD_LETTER_NOT_FOUND');
  });

  it('answers bad input with problem+json', async () => {
    const bad = await call('GET', '/api/v1/admin/dead-letters?limit=0');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'VALIDATION_FAILED');
    const age = await call('GET', '/api/v1/admin/dead-letters?olderThan=yesterday');
    assert.equal(age.statusCode, 422);
    assert.equal(age.json().code, 'AGE_INVALID');
    assert.equal(age.json().errors[0].pointer, '/querystring/olderThan');
    const id = await call('GET', '/api/v1/admin/dead-letters/abc');
    assert.equal(id.statusCode, 400);
    const unconfirmed = await call('POST', '/api/v1/admin/dead-letters/purge', admin, {
      filter: { queue: 'worker.test.http_a' },
    });
    assert.equal(unconfirmed.statusCode, 422);
    assert.equal(unconfirmed.json().code, 'BULK_NOT_CONFIRMED');
    const ambiguous = await call('POST', '/api/v1/admin/dead-letters/replay', admin, {
      ids: ['1'],
      all: true,
    });
    assert.equal(ambiguous.json().code, 'BULK_AMBIGUOUS');
    const extra = await call('POST', '/api/v1/admin/dead-letters/replay', admin, { everything: true });
    assert.equal(extra.statusCode, 400);
  });

  it('requires the admin scope and refuses guild-restricted tokens', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/admin/dead-letters' });
    assert.equal(anonymous.statusCode, 401);
    const scoped = await call('GET', '/api/v1/admin/dead-letters', reader);
    assert.equal(scoped.statusCode, 403);
    assert.equal(scoped.json().code, 'INSUFFICIENT_SCOPE');
    const restricted = await call('GET', '/api/v1/admin/dead-letters', guildOnly);
    assert.equal(restricted.statusCode, 403);
    assert.equal(restricted.json().code, 'TOKEN_GUILD_RESTRICTED');
  });

  it('replays one into the outbox, addressed to its consumer, and refuses what is not JSON', async () => {
    const list = (await call('GET', '/api/v1/admin/dead-letters?queue=worker.test.http_a')).json();
    const id = list.items[0].id;
    const res = await call('POST', `/api/v1/admin/dead-letters/${id}/replay`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { replayed: 1 });
    const { rows } = await t.db.query<{ target: string; attempt: number; id: string }>(
      `select target, attempt, message->>'id' as id from bus.outbox`,
    );
    assert.deepEqual(rows, [{ target: 'worker.test.http_a', attempt: 0, id: list.items[0].messageId }]);
    assert.equal((await call('POST', `/api/v1/admin/dead-letters/${id}/replay`)).statusCode, 404);
    const raw = (await call('GET', '/api/v1/admin/dead-letters?queue=worker.test.http_b')).json().items[0].id;
    const refused = await call('POST', `/api/v1/admin/dead-letters/${raw}/replay`);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'DEAD_LETTER_NOT_REPLAYABLE');
  });

  it('replays and purges in bulk, and deletes one', async () => {
    const replayed = await call('POST', '/api/v1/admin/dead-letters/replay', admin, {
      filter: { queue: 'worker.test.http_a' },
      all: true,
    });
    assert.deepEqual(replayed.json(), { replayed: 2 });
    const raw = (await call('GET', '/api/v1/admin/dead-letters')).json().items[0].id;
    assert.equal((await call('DELETE', `/api/v1/admin/dead-letters/${raw}`)).statusCode, 204);
    assert.equal((await call('DELETE', `/api/v1/admin/dead-letters/${raw}`)).statusCode, 404);
    const purged = await call('POST', '/api/v1/admin/dead-letters/purge', admin, { all: true });
    assert.deepEqual(purged.json(), { purged: 0 });
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of [
      '/api/v1/admin/dead-letters',
      '/api/v1/admin/dead-letters/summary',
      '/api/v1/admin/dead-letters/{id}',
      '/api/v1/admin/dead-letters/{id}/replay',
      '/api/v1/admin/dead-letters/replay',
      '/api/v1/admin/dead-letters/purge',
    ])
      assert.ok(doc.paths[path], `${path} is documented`);
    assert.ok(doc.paths['/api/v1/admin/dead-letters'].get.security);
  });

  it('reports the bus in /readyz', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().checks.some((c: { name: string; ok: boolean }) => c.name === 'bus' && c.ok));
  });
});
