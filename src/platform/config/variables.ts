/**
 * Every environment variable Guildhall reads, declared once. The README's table is checked
 * against this list by a test, so the two cannot drift.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export type Variable<T> = {
  readonly description: string;
  readonly example?: string;
  readonly secret?: boolean;
  /** Shown in the README's default column; undefined means "unset". */
  readonly defaultText?: string;
  readonly parse: (raw: string | undefined) => Parsed<T>;
};

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): Parsed<never> => ({ ok: false, error });

type Meta = { description: string; example?: string; secret?: boolean };

function withDefault<T>(meta: Meta, fallback: T, parse: (raw: string) => Parsed<T>): Variable<T> {
  return {
    ...meta,
    defaultText: String(fallback),
    parse: (raw) => (raw === undefined || raw === '' ? ok(fallback) : parse(raw)),
  };
}

function optional<T>(meta: Meta, parse: (raw: string) => Parsed<T>): Variable<T | undefined> {
  return { ...meta, parse: (raw) => (raw === undefined || raw === '' ? ok(undefined) : parse(raw)) };
}

const parseInteger =
  (min: number, max: number) =>
  (raw: string): Parsed<number> => {
    if (!/^-?\d+$/.test(raw.trim())) return fail(`must be a whole number, got "${raw}"`);
    const n = Number(raw);
    return n < min || n > max ? fail(`must be between ${min} and ${max}, got ${n}`) : ok(n);
  };

const parseUrl =
  (protocols: readonly string[]) =>
  (raw: string): Parsed<string> => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return fail(`must be a URL (${protocols.join(' or ')}), got "${redact(raw)}"`);
    }
    return protocols.includes(url.protocol)
      ? ok(raw)
      : fail(`must use ${protocols.join(' or ')}, got "${url.protocol}"`);
  };

const parseOneOf =
  <const T extends string>(values: readonly T[]) =>
  (raw: string): Parsed<T> =>
    (values as readonly string[]).includes(raw)
      ? ok(raw as T)
      : fail(`must be one of ${values.join(', ')}, got "${raw}"`);

const parseBoolean = (raw: string): Parsed<boolean> => {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return ok(true);
  if (['0', 'false', 'no', 'off'].includes(v)) return ok(false);
  return fail(`must be true or false, got "${raw}"`);
};

const parseText = (raw: string): Parsed<string> => ok(raw);

const parseRatio = (raw: string): Parsed<number> => {
  const n = Number(raw.trim());
  return raw.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1
    ? ok(n)
    : fail(`must be a number from 0 to 1, got "${raw}"`);
};

/** `https://<public key>@<host>/<project id>`: the key and the project are both needed. */
const parseSentryDsn = (raw: string): Parsed<string> => {
  const url = parseUrl(['http:', 'https:'])(raw);
  if (!url.ok) return url;
  const dsn = new URL(raw);
  return dsn.username && /^\/?(.*\/)?\d+$/.test(dsn.pathname)
    ? ok(raw)
    : fail('must be a Sentry DSN: https://<key>@<host>/<project id>');
};

/** A limit in the unit it is a whole number of: 10m, not 0.0069 days. */
const durationText = (ms: number): string => {
  for (const [unit, size] of [
    ['d', 864e5],
    ['h', 36e5],
    ['m', 6e4],
  ] as const)
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms / 1000}s`;
};

/** "30d", "12h", "90m" or "45s" as milliseconds. */
const parseDurationMs =
  (minMs: number, maxMs: number) =>
  (raw: string): Parsed<number> => {
    const match = /^(\d+)\s*(s|m|h|d)$/.exec(raw.trim());
    if (!match) return fail(`must be a duration such as 7d, 12h or 30m, got "${raw}"`);
    const ms = Number(match[1]) * { s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[match[2] as 's' | 'm' | 'h' | 'd'];
    return ms < minMs || ms > maxMs
      ? fail(`must be between ${durationText(minMs)} and ${durationText(maxMs)}, got "${raw}"`)
      : ok(ms);
  };

const parseSnowflake = (raw: string): Parsed<string> =>
  /^\d{15,21}$/.test(raw) ? ok(raw) : fail(`must be a Discord id (15–21 digits), got "${raw}"`);

const parseHexKey = (raw: string): Parsed<string> =>
  /^[0-9a-fA-F]{64}$/.test(raw)
    ? ok(raw.toLowerCase())
    : fail('must be the 64-hex-digit Ed25519 public key from the Developer Portal');

/** Credentials inside a URL never reach an error message or a log. */
export function redact(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return raw.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
  }
}

export const COMPONENTS = ['start', 'api', 'bot', 'worker', 'scheduler'] as const;
export type Component = (typeof COMPONENTS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const variables = {
  PORT: withDefault(
    { description: 'HTTP port of the API, dashboard and interactions endpoint' },
    8080,
    parseInteger(0, 65535),
  ),
  HOST: withDefault(
    { description: 'Address the HTTP server binds to. The demo sign-in only works on loopback.' },
    '127.0.0.1',
    parseText,
  ),
  PUBLIC_URL: optional(
    {
      description:
        'Externally visible base URL (OAuth2 redirects, links in Discord messages). Defaults to http://HOST:PORT',
      example: 'https://guildhall.example.org',
    },
    parseUrl(['http:', 'https:']),
  ),
  GUILDHALL_DATA_DIR: withDefault(
    { description: 'Where the embedded database and local object storage live' },
    './data',
    parseText,
  ),
  GUILDHALL_COMPONENT: optional(
    { description: `Component to run when the CLI gets no subcommand: ${COMPONENTS.join(', ')}` },
    parseOneOf(COMPONENTS),
  ),
  DATABASE_URL: optional(
    {
      description: 'PostgreSQL ≥ 15 connection string. Unset: embedded PGlite in GUILDHALL_DATA_DIR',
      example: 'postgres://guildhall@127.0.0.1:5432/guildhall',
      secret: true,
    },
    parseUrl(['postgres:', 'postgresql:']),
  ),
  DATABASE_POOL_MAX: withDefault(
    { description: 'Connections per process in the PostgreSQL pool' },
    10,
    parseInteger(1, 200),
  ),
  AMQP_URL: optional(
    {
      description: 'RabbitMQ connection string. Unset: the embedded Postgres-backed bus',
      example: 'amqp://guest:guest@127.0.0.1:5672',
      secret: true,
    },
    parseUrl(['amqp:', 'amqps:']),
  ),
  BUS_PREFIX: withDefault(
    {
      description:
        'Prefix of RabbitMQ exchange and queue names, for deployments sharing one broker (e.g. "staging.")',
    },
    '',
    (raw) =>
      /^[a-zA-Z0-9_.-]{0,60}$/.test(raw) ? ok(raw) : fail('may hold only letters, digits, "_", "." and "-"'),
  ),
  BUS_PREFETCH: withDefault(
    { description: 'Unacknowledged RabbitMQ messages per consumer (batches are taken from these)' },
    200,
    parseInteger(1, 10_000),
  ),
  BUS_DELIVERY_LIMIT: withDefault(
    {
      description:
        'Redeliveries after which RabbitMQ dead-letters a message on its own (a message that crashes workers)',
    },
    20,
    parseInteger(2, 1000),
  ),
  BUS_RELAY_BATCH_SIZE: withDefault(
    { description: 'Outbox rows the relay moves per transaction' },
    500,
    parseInteger(1, 10_000),
  ),
  BUS_RELAY_LOOPS: withDefault(
    { description: 'Concurrent relay loops per worker process (each takes different guilds)' },
    2,
    parseInteger(1, 32),
  ),
  BUS_POLL_INTERVAL_MS: withDefault(
    {
      description:
        'Relay and embedded consumers re-check their tables at least this often (NOTIFY is only a hint)',
    },
    1000,
    parseInteger(10, 600_000),
  ),
  BUS_INBOX_RETENTION_DAYS: withDefault(
    { description: 'Days a handled message id is remembered to recognise redeliveries' },
    14,
    parseInteger(1, 3650),
  ),
  METRICS_PORT: optional(
    {
      description:
        'Port on which `guildhall worker` and `guildhall scheduler` serve Prometheus /metrics (on HOST). Unset: none (the API serves /metrics on PORT, also for `guildhall start`)',
      example: '9464',
    },
    parseInteger(0, 65535),
  ),
  SCHEDULER_BATCH_SIZE: withDefault(
    { description: 'Due jobs a scheduler claims per transaction' },
    500,
    parseInteger(1, 10_000),
  ),
  SCHEDULER_POLL_INTERVAL_MS: withDefault(
    { description: 'A scheduler re-reads the next due time at least this often (NOTIFY is only a hint)' },
    5000,
    parseInteger(10, 600_000),
  ),
  SCHEDULER_HISTORY_DAYS: withDefault(
    { description: 'Days fired and missed jobs are kept for inspection' },
    7,
    parseInteger(0, 3650),
  ),
  REDIS_URL: optional(
    {
      description: 'Redis/Valkey connection string. Unset: in-process cache and Postgres-backed leaderboards',
      example: 'redis://127.0.0.1:6379',
      secret: true,
    },
    parseUrl(['redis:', 'rediss:']),
  ),
  S3_ENDPOINT: optional(
    {
      description: 'S3-compatible endpoint (R2, MinIO, AWS). Unset: files under GUILDHALL_DATA_DIR/storage',
      example: 'https://<account>.r2.cloudflarestorage.com',
    },
    parseUrl(['http:', 'https:']),
  ),
  S3_REGION: withDefault({ description: 'S3 region' }, 'auto', parseText),
  S3_BUCKET: optional({ description: 'S3 bucket name (required with S3_ENDPOINT)' }, parseText),
  S3_ACCESS_KEY_ID: optional({ description: 'S3 access key id', secret: true }, parseText),
  S3_SECRET_ACCESS_KEY: optional({ description: 'S3 secret access key', secret: true }, parseText),
  S3_FORCE_PATH_STYLE: withDefault({ description: 'Use path-style S3 URLs (MinIO)' }, false, parseBoolean),
  S3_PUBLIC_URL: optional(
    { description: 'Public base URL for stored objects (a CDN in front of the bucket)' },
    parseUrl(['http:', 'https:']),
  ),
  DISCORD_BOT_TOKEN: optional(
    { description: 'Bot token. Unset: the log adapter records what the bot would send', secret: true },
    parseText,
  ),
  DISCORD_APPLICATION_ID: optional({ description: 'Application id of the bot' }, parseSnowflake),
  DISCORD_PUBLIC_KEY: optional(
    { description: 'Ed25519 public key used to verify HTTP interactions' },
    parseHexKey,
  ),
  DISCORD_CLIENT_ID: optional(
    { description: 'OAuth2 client id for dashboard sign-in (usually the application id)' },
    parseSnowflake,
  ),
  DISCORD_CLIENT_SECRET: optional(
    { description: 'OAuth2 client secret for dashboard sign-in', secret: true },
    parseText,
  ),
  DISCORD_API_URL: withDefault(
    { description: 'Base URL of Discord’s REST API (tests point it at a local stand-in)' },
    'https://discord.com/api',
    parseUrl(['http:', 'https:']),
  ),
  DISCORD_GATEWAY: withDefault(
    { description: 'Connect to the Discord Gateway in `guildhall bot` (false: HTTP interactions only)' },
    true,
    parseBoolean,
  ),
  DISCORD_MEMBER_INTENT: withDefault(
    {
      description:
        'Ask the Gateway for the privileged Server Members intent (enable it in the Developer Portal); keeps memberships current without look-ups',
    },
    true,
    parseBoolean,
  ),
  DISCORD_BOTS: optional(
    {
      description:
        'JSON array describing several bot identities: [{"name","token","applicationId","publicKey","modules":[…]}]',
      secret: true,
    },
    parseText,
  ),
  SESSION_TTL: {
    ...withDefault(
      {
        description:
          'Dashboard sessions end after this long unused; every use pushes the end forward (up to SESSION_MAX_AGE)',
      },
      7 * 864e5,
      parseDurationMs(60_000, 365 * 864e5),
    ),
    defaultText: '7d',
  },
  SESSION_MAX_AGE: {
    ...withDefault(
      { description: 'Longest a dashboard session lives however often it is used (then sign in again)' },
      30 * 864e5,
      parseDurationMs(60_000, 365 * 864e5),
    ),
    defaultText: '30d',
  },
  ACCESS_CACHE_TTL: {
    ...withDefault(
      {
        description:
          'How long each process may reuse a verified token, session or membership without asking the database again; revocations and role changes reach it at once by NOTIFY, this bounds a lost one. 0s turns the memo off',
      },
      30_000,
      parseDurationMs(0, 10 * 60_000),
    ),
    defaultText: '30s',
  },
  LOG_LEVEL: withDefault(
    { description: `Log level: ${LOG_LEVELS.join(', ')}` },
    'info',
    parseOneOf(LOG_LEVELS),
  ),
  LOG_PRETTY: withDefault({ description: 'Human-readable logs instead of JSON lines' }, false, parseBoolean),
  SENTRY_DSN: optional(
    {
      description:
        'Report 5xx errors and failed event handlers to Sentry (scrubbed: no tokens, cookies, headers or message contents). Unset: Sentry is not loaded',
      example: 'https://<key>@o0.ingest.sentry.io/<project>',
      secret: true,
    },
    parseSentryDsn,
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(
    {
      description:
        'Send OpenTelemetry traces to this OTLP/HTTP collector (`/v1/traces` is appended). Unset: OpenTelemetry is not loaded',
      example: 'http://127.0.0.1:4318',
    },
    parseUrl(['http:', 'https:']),
  ),
  OTEL_SERVICE_NAME: optional(
    { description: 'Service name on every span. Defaults to guildhall-<component> (guildhall-api, …)' },
    (raw) => (/^[\w.@/-]{1,100}$/.test(raw) ? ok(raw) : fail('may hold only letters, digits and _ . @ / -')),
  ),
  OTEL_TRACES_SAMPLER_ARG: withDefault(
    {
      description: 'Share of new traces recorded, 0 to 1 (traces begun upstream keep their own decision)',
    },
    1,
    parseRatio,
  ),
  HTTP_BODY_LIMIT: withDefault(
    { description: 'Largest accepted request body, in bytes' },
    1_048_576,
    parseInteger(1024, 100 * 1024 * 1024),
  ),
  HTTP_TRUST_PROXY: withDefault(
    { description: 'Trust X-Forwarded-* headers (behind a reverse proxy)' },
    false,
    parseBoolean,
  ),
  SHUTDOWN_TIMEOUT_MS: withDefault(
    { description: 'How long graceful shutdown waits for in-flight work' },
    10_000,
    parseInteger(0, 600_000),
  ),
} as const;

export type VariableName = keyof typeof variables;
export type Values = {
  -readonly [K in VariableName]: (typeof variables)[K] extends Variable<infer T> ? T : never;
};
