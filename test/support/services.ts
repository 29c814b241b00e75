import net from 'node:net';

/**
 * Real services the suites run against. They are required: a suite never skips silently. Only an
 * explicit GUILDHALL_TEST_SERVICES=embedded (for a laptop without them) skips the real-service
 * runs, and says so in the test report.
 */
export const SERVICES = {
  postgres: process.env.GUILDHALL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redis: process.env.GUILDHALL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  amqp: process.env.GUILDHALL_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
} as const;

export type ServiceName = keyof typeof SERVICES;

export function embeddedOnly(): boolean {
  return process.env.GUILDHALL_TEST_SERVICES === 'embedded';
}

/**
 * `skip` option for node:test: a reason string when real services were explicitly switched off,
 * otherwise false (and the service must then be reachable, or the suite fails loudly).
 */
export function skipWithoutServices(): string | false {
  return embeddedOnly()
    ? 'GUILDHALL_TEST_SERVICES=embedded: real-service run switched off on purpose'
    : false;
}

/** Fails with a clear message when the service is down, instead of a confusing timeout later. */
export async function assertReachable(service: ServiceName): Promise<void> {
  const url = new URL(SERVICES[service]);
  const port = Number(url.port || { postgres: 5432, redis: 6379, amqp: 5672 }[service]);
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port, timeout: 3000 }, () => {
      socket.end();
      resolve();
    });
    const fail = (why: string) => {
      socket.destroy();
      reject(
        new Error(
          `${service} is not reachable at ${url.hostname}:${port} (${why}). Start it (see README, "Running the tests") ` +
            'or run only the embedded suites with GUILDHALL_TEST_SERVICES=embedded.',
        ),
      );
    };
    socket.on('error', (e) => fail(e.message));
    socket.on('timeout', () => fail('timeout'));
  });
}
