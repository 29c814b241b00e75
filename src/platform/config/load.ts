import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { type Component, type Values, type VariableName, variables } from './variables.ts';

export type Config = {
  readonly component: Component | undefined;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl: string;
    readonly bodyLimit: number;
    readonly trustProxy: boolean;
    /** Bound to 127.0.0.0/8 or ::1: nobody else can reach it, so the demo sign-in is allowed. */
    readonly loopback: boolean;
  };
  readonly dataDir: string;
  readonly database: { readonly url: string | undefined; readonly poolMax: number };
  readonly amqpUrl: string | undefined;
  readonly bus: {
    readonly prefix: string;
    readonly prefetch: number;
    readonly deliveryLimit: number;
    readonly relayBatchSize: number;
    readonly relayLoops: number;
    readonly pollIntervalMs: number;
    readonly inboxRetentionDays: number;
  };
  /** Where worker and scheduler processes serve /metrics; undefined: they do not. */
  readonly metricsPort: number | undefined;
  readonly scheduler: {
    readonly batchSize: number;
    readonly pollIntervalMs: number;
    readonly historyDays: number;
  };
  readonly redisUrl: string | undefined;
  readonly s3:
    | {
        readonly endpoint: string;
        readonly region: string;
        readonly bucket: string;
        readonly accessKeyId: string;
        readonly secretAccessKey: string;
        readonly forcePathStyle: boolean;
        readonly publicUrl: string | undefined;
      }
    | undefined;
  readonly discord: {
    readonly apiUrl: string;
    readonly gateway: boolean;
    readonly memberIntent: boolean;
    readonly clientId: string | undefined;
    readonly clientSecret: string | undefined;
    readonly bots: readonly BotIdentity[];
  };
  readonly sessions: { readonly ttlMs: number; readonly maxAgeMs: number };
  /** Reuse of verified credentials and memberships in process (ms; 0: off). */
  readonly accessCacheTtlMs: number;
  readonly log: { readonly level: Values['LOG_LEVEL']; readonly pretty: boolean };
  readonly sentryDsn: string | undefined;
  readonly otlpEndpoint: string | undefined;
  readonly otel: { readonly serviceName: string | undefined; readonly sampleRatio: number };
  readonly shutdownTimeoutMs: number;
};

export type BotIdentity = {
  readonly name: string;
  readonly token: string;
  readonly applicationId: string | undefined;
  readonly publicKey: string | undefined;
  /** Module names this identity serves; undefined means all. */
  readonly modules: readonly string[] | undefined;
};

export type ConfigProblem = { readonly variable: string; readonly message: string };

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly problems: readonly ConfigProblem[];
  constructor(problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
        .map((p) => `  - ${p.variable} ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export type LoadOptions = {
  /** Read this .env file first; the process environment wins over it. */
  readonly envFile?: string | false;
  readonly cwd?: string;
};

/** Reads the environment once, validates every variable and returns a deeply frozen config. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  options: LoadOptions = {},
): Config {
  const cwd = options.cwd ?? process.cwd();
  const merged = { ...readEnvFile(options.envFile ?? path.join(cwd, '.env')), ...env };
  const problems: ConfigProblem[] = [];
  const values = {} as Record<VariableName, unknown>;
  for (const [name, variable] of Object.entries(variables) as [
    VariableName,
    (typeof variables)[VariableName],
  ][]) {
    const result = variable.parse(merged[name]);
    if (result.ok) values[name] = result.value;
    else problems.push({ variable: name, message: result.error });
  }
  const v = values as Values;
  const bots = problems.length === 0 ? parseBots(v, problems) : [];
  if (problems.length === 0) crossCheck(v, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const loopback = isLoopback(v.HOST);
  const config: Config = {
    component: v.GUILDHALL_COMPONENT,
    http: {
      host: v.HOST,
      port: v.PORT,
      publicUrl: (
        v.PUBLIC_URL ?? `http://${v.HOST.includes(':') ? `[${v.HOST}]` : v.HOST}:${v.PORT}`
      ).replace(/\/$/, ''),
      bodyLimit: v.HTTP_BODY_LIMIT,
      trustProxy: v.HTTP_TRUST_PROXY,
      loopback,
    },
    dataDir: path.resolve(cwd, v.GUILDHALL_DATA_DIR),
    database: { url: v.DATABASE_URL, poolMax: v.DATABASE_POOL_MAX },
    amqpUrl: v.AMQP_URL,
    bus: {
      prefix: v.BUS_PREFIX,
      prefetch: v.BUS_PREFETCH,
      deliveryLimit: v.BUS_DELIVERY_LIMIT,
      relayBatchSize: v.BUS_RELAY_BATCH_SIZE,
      relayLoops: v.BUS_RELAY_LOOPS,
      pollIntervalMs: v.BUS_POLL_INTERVAL_MS,
      inboxRetentionDays: v.BUS_INBOX_RETENTION_DAYS,
    },
    metricsPort: v.METRICS_PORT,
    scheduler: {
      batchSize: v.SCHEDULER_BATCH_SIZE,
      pollIntervalMs: v.SCHEDULER_POLL_INTERVAL_MS,
      historyDays: v.SCHEDULER_HISTORY_DAYS,
    },
    redisUrl: v.REDIS_URL,
    s3:
      v.S3_ENDPOINT && v.S3_BUCKET && v.S3_ACCESS_KEY_ID && v.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: v.S3_ENDPOINT,
            region: v.S3_REGION,
            bucket: v.S3_BUCKET,
            accessKeyId: v.S3_ACCESS_KEY_ID,
            secretAccessKey: v.S3_SECRET_ACCESS_KEY,
            forcePathStyle: v.S3_FORCE_PATH_STYLE,
            publicUrl: v.S3_PUBLIC_URL,
          }
        : undefined,
    discord: {
      apiUrl: v.DISCORD_API_URL.replace(/\/$/, ''),
      gateway: v.DISCORD_GATEWAY,
      memberIntent: v.DISCORD_MEMBER_INTENT,
      clientId: v.DISCORD_CLIENT_ID ?? v.DISCORD_APPLICATION_ID,
      clientSecret: v.DISCORD_CLIENT_SECRET,
      bots,
    },
    sessions: { ttlMs: v.SESSION_TTL, maxAgeMs: v.SESSION_MAX_AGE },
    accessCacheTtlMs: v.ACCESS_CACHE_TTL,
    log: { level: v.LOG_LEVEL, pretty: v.LOG_PRETTY },
    sentryDsn: v.SENTRY_DSN,
    otlpEndpoint: v.OTEL_EXPORTER_OTLP_ENDPOINT,
    otel: { serviceName: v.OTEL_SERVICE_NAME, sampleRatio: v.OTEL_TRACES_SAMPLER_ARG },
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
  };
  return deepFreeze(config);
}

function readEnvFile(file: string | false): Record<string, string> {
  if (file === false || !existsSync(file)) return {};
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
}

function crossCheck(v: Values, problems: ConfigProblem[]): void {
  const s3 = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  if (v.S3_ENDPOINT) {
    for (const name of s3)
      if (!v[name]) problems.push({ variable: name, message: 'is required when S3_ENDPOINT is set' });
  } else {
    for (const name of s3)
      if (v[name]) problems.push({ variable: 'S3_ENDPOINT', message: `is required when ${name} is set` });
  }
  if (v.DISCORD_CLIENT_SECRET && !(v.DISCORD_CLIENT_ID ?? v.DISCORD_APPLICATION_ID)) {
    problems.push({
      variable: 'DISCORD_CLIENT_ID',
      message: 'is required when DISCORD_CLIENT_SECRET is set',
    });
  }
  if (v.DISCORD_BOT_TOKEN && v.DISCORD_BOTS) {
    problems.push({
      variable: 'DISCORD_BOTS',
      message: 'cannot be combined with DISCORD_BOT_TOKEN; describe every bot in DISCORD_BOTS',
    });
  }
}

function parseBots(v: Values, problems: ConfigProblem[]): BotIdentity[] {
  if (v.DISCORD_BOT_TOKEN) {
    return [
      {
        name: 'default',
        token: v.DISCORD_BOT_TOKEN,
        applicationId: v.DISCORD_APPLICATION_ID,
        publicKey: v.DISCORD_PUBLIC_KEY,
        modules: undefined,
      },
    ];
  }
  if (!v.DISCORD_BOTS) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(v.DISCORD_BOTS);
  } catch {
    problems.push({ variable: 'DISCORD_BOTS', message: 'must be a JSON array' });
    return [];
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({
      variable: 'DISCORD_BOTS',
      message: 'must be a non-empty JSON array of bot descriptions',
    });
    return [];
  }
  const bots: BotIdentity[] = [];
  const names = new Set<string>();
  raw.forEach((entry: unknown, i: number) => {
    const at = `DISCORD_BOTS[${i}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push({ variable: at, message: 'must be an object' });
      return;
    }
    const e = entry as Record<string, unknown>;
    const name = typeof e.name === 'string' && /^[a-z0-9-]{1,32}$/.test(e.name) ? e.name : undefined;
    if (!name)
      problems.push({ variable: `${at}.name`, message: 'must be 1–32 characters of a-z, 0-9 and -' });
    else if (names.has(name)) problems.push({ variable: `${at}.name`, message: `"${name}" is used twice` });
    if (typeof e.token !== 'string' || e.token.length < 10)
      problems.push({ variable: `${at}.token`, message: 'must be a bot token' });
    const applicationId = e.applicationId;
    if (
      applicationId !== undefined &&
      (typeof applicationId !== 'string' || !/^\d{15,21}$/.test(applicationId))
    )
      problems.push({ variable: `${at}.applicationId`, message: 'must be a Discord id' });
    const publicKey = e.publicKey;
    if (publicKey !== undefined && (typeof publicKey !== 'string' || !/^[0-9a-fA-F]{64}$/.test(publicKey)))
      problems.push({ variable: `${at}.publicKey`, message: 'must be a 64-hex-digit Ed25519 key' });
    const modules = e.modules;
    if (modules !== undefined && (!Array.isArray(modules) || !modules.every((m) => typeof m === 'string')))
      problems.push({ variable: `${at}.modules`, message: 'must be an array of module names' });
    if (name && typeof e.token === 'string') {
      names.add(name);
      bots.push({
        name,
        token: e.token,
        applicationId: typeof applicationId === 'string' ? applicationId : undefined,
        publicKey: typeof publicKey === 'string' ? publicKey.toLowerCase() : undefined,
        modules: Array.isArray(modules) ? (modules as string[]) : undefined,
      });
    }
  });
  return bots;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
