import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Connection } from 'rabbitmq-client';
import { Type } from 'typebox';
import { BUS_DEFAULTS, type Bus, type BusConfig, createBus } from '#platform/bus/bus.ts';
import { defineEvent } from '#platform/bus/events.ts';
import { rabbitNames } from '#platform/bus/rabbitmq.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log/logger.ts';
import { createMetrics, type Registry } from '#platform/telemetry/metrics.ts';
import { type DatabaseFactory, pgliteFactory, postgresFactory, quietLog } from './databases.ts';
import { SERVICES } from './services.ts';

/** Test events: small payloads with a schema that can be violated on purpose. */
export const ThingHappened = defineEvent({
  domain: 'test',
  name: 'THING_HAPPENED',
  version: 1,
  payload: Type.Object(
    { n: Type.Integer(), guildSeq: Type.Optional(Type.Integer()), note: Type.Optional(Type.String()) },
    { additionalProperties: false },
  ),
});

export const OtherHappened = defineEvent({
  domain: 'test',
  name: 'OTHER_HAPPENED',
  version: 1,
  payload: Type.Object({ n: Type.Integer() }, { additionalProperties: false }),
});

export const NobodyListens = defineEvent({
  domain: 'test',
  name: 'NOBODY_LISTENS',
  version: 1,
  payload: Type.Object({ n: Type.Integer() }),
});

/** A transport under test: which database it runs on and whether RabbitMQ carries it. */
export type BusVariant = {
  readonly name: string;
  readonly database: DatabaseFactory;
  readonly rabbitmq: boolean;
};

export const BUS_VARIANTS: readonly BusVariant[] = [
  { name: 'embedded on PGlite', database: pgliteFactory, rabbitmq: false },
  { name: 'embedded on PostgreSQL', database: postgresFactory, rabbitmq: false },
  { name: 'RabbitMQ', database: postgresFactory, rabbitmq: true },
];

/** A prefix of its own for every test run, so parallel files and other people never collide. */
export function uniquePrefix(label = 't'): string {
  return `gh-test-${label}-${process.pid}-${randomBytes(3).toString('hex')}.`;
}

export function testBusConfig(
  variant: { rabbitmq: boolean },
  prefix: string,
  overrides: Partial<BusConfig> = {},
): BusConfig {
  return {
    ...BUS_DEFAULTS,
    rabbitmq: variant.rabbitmq ? { url: SERVICES.amqp, prefix, prefetch: 50, deliveryLimit: 20 } : undefined,
    relayBatchSize: 100,
    relayLoops: 2,
    pollIntervalMs: 100,
    connectionName: `guildhall-test-${prefix}`,
    ...overrides,
  };
}

export function testBus(
  db: Database,
  variant: { rabbitmq: boolean },
  prefix: string,
  options: { overrides?: Partial<BusConfig>; metrics?: Registry; log?: Logger } = {},
): Bus {
  return createBus({
    db,
    log: options.log ?? quietLog,
    metrics: options.metrics ?? createMetrics('test'),
    config: testBusConfig(variant, prefix, options.overrides),
  });
}

/** A table handlers write their effects into; deliberately without a unique key. */
export const EFFECTS_TABLE = `
create table if not exists public.test_effects (
  id bigint generated always as identity primary key,
  consumer text not null,
  message_id uuid not null,
  guild_id bigint,
  n integer,
  guild_seq integer,
  attempt integer,
  at timestamptz not null default clock_timestamp()
);
grant select, insert, update, delete on public.test_effects to guildhall_system;
grant usage on schema public to guildhall_system;`;

export async function createEffectsTable(db: Database): Promise<void> {
  await db.session((s) => s.exec(EFFECTS_TABLE));
}

/** Deletes the exchanges and queues of a test run from the broker. */
export async function deleteRabbitTopology(prefix: string, consumers: readonly string[]): Promise<void> {
  const names = rabbitNames(prefix);
  const conn = new Connection({ url: SERVICES.amqp, connectionName: `guildhall-test-cleanup-${prefix}` });
  conn.on('error', () => {});
  try {
    for (const c of consumers) {
      await conn.queueDelete({ queue: names.queue(c) }).catch(() => {});
      await conn.queueDelete({ queue: names.dlq(c) }).catch(() => {});
    }
    await conn.exchangeDelete({ exchange: names.exchange }).catch(() => {});
    await conn.exchangeDelete({ exchange: names.deadLetterExchange }).catch(() => {});
  } finally {
    await conn.close();
  }
}

const exec = promisify(execFile);

/**
 * Closes the broker connections whose name contains `marker` (only this test's own: other
 * people share the broker). Returns how many were closed.
 */
export async function closeRabbitConnections(marker: string): Promise<number> {
  const { stdout } = await exec('rabbitmqctl', ['list_connections', '-q', 'pid', 'client_properties'], {
    timeout: 60_000,
  });
  let closed = 0;
  for (const line of stdout.split('\n')) {
    if (!line.includes(marker)) continue;
    const pid = line.split('\t')[0]?.trim();
    if (!pid) continue;
    await exec('rabbitmqctl', ['close_connection', pid, 'guildhall test: dropping the connection'], {
      timeout: 60_000,
    }).catch(() => {});
    closed += 1;
  }
  return closed;
}

/** Terminates every backend connected to this (scratch) database, except the caller's. */
export async function terminateBackends(db: Database, databaseName: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
     where datname = $1 and pid <> pg_backend_pid()`,
    [databaseName],
  );
  return rows[0]?.n ?? 0;
}
