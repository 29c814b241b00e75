import type { KeyObject } from 'node:crypto';
import type { Cache } from '../cache/cache.ts';
import type { BotIdentity } from '../config/load.ts';
import type { Database } from '../db/database.ts';
import type { I18n } from '../i18n/i18n.ts';
import type { Logger } from '../log/logger.ts';
import { cachedDiscord } from './cached.ts';
import { createRegistry, type ModuleDiscord, type Registry } from './commands/registry.ts';
import { type Authorizer, createDispatcher, type Dispatcher } from './interactions/dispatcher.ts';
import { ed25519PublicKey } from './interactions/verify.ts';
import { createLogDiscord } from './log.ts';
import type { Discord } from './port.ts';
import { createRestDiscord } from './rest.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';

/** One bot identity at run time: its port, its interactions key, what it serves. */
export type Bot = {
  readonly name: string;
  /** The port, with cached look-ups when it talks to Discord. */
  readonly discord: Discord;
  /** Undefined in the embedded (sandbox) mode and for identities without a public key. */
  readonly publicKey: KeyObject | undefined;
  /** The token, for the Gateway (undefined in the embedded mode). */
  readonly token: string | undefined;
  /** Names of the modules it serves. */
  readonly modules: readonly string[];
  readonly registry: Registry;
  readonly dispatcher: Dispatcher;
};

export type DiscordBots = {
  /** True when no bot token is configured: the sandbox (log adapter) stands in for Discord. */
  readonly embedded: boolean;
  readonly all: readonly Bot[];
  /** The identity used for `POST /interactions` and for modules no identity names. */
  readonly primary: Bot;
  byName(name: string): Bot | undefined;
  /** The identity that serves `module` (its port is how that module talks to Discord). */
  forModule(module: string): Bot;
  /** The sandbox's administration (embedded mode only). */
  readonly sandbox: Sandbox | undefined;
};

export type DiscordBotsOptions = {
  readonly identities: readonly BotIdentity[];
  readonly apiUrl: string;
  readonly db: Database;
  readonly cache: Cache;
  readonly log: Logger;
  readonly i18n: I18n;
  /** Every module of the composition (those without a Discord part too: they may still send). */
  readonly modules: readonly ModuleDiscord[];
  readonly authorize: Authorizer;
  readonly guildLocale?: (guildId: string) => Promise<string | undefined>;
  readonly deferAfterMs?: number;
  readonly globalRequestsPerSecond?: number;
  readonly track?: (work: Promise<unknown>) => void;
};

/**
 * Builds every bot identity of the deployment (BlissBotV2 runs six in one process): each gets its
 * own REST client, hence its own rate-limit buckets, its own registry of the modules it serves
 * and its own interactions path. Without any token, one embedded identity serves everything.
 */
export function createDiscordBots(options: DiscordBotsOptions): DiscordBots {
  const embedded = options.identities.length === 0;
  const identities: readonly Pick<BotIdentity, 'name' | 'token' | 'applicationId' | 'publicKey' | 'modules'>[] =
    embedded
      ? [{ name: 'default', token: '', applicationId: undefined, publicKey: undefined, modules: undefined }]
      : options.identities;
  const known = new Set(options.modules.map((m) => m.name));
  for (const identity of identities)
    for (const m of identity.modules ?? [])
      if (!known.has(m)) throw new Error(`bot identity "${identity.name}" names unknown module "${m}"`);

  const bots: Bot[] = identities.map((identity) => {
    const served = options.modules.filter((m) => !identity.modules || identity.modules.includes(m.name));
    const port = embedded
      ? createLogDiscord({ db: options.db, identity: identity.name })
      : cachedDiscord(
          createRestDiscord({
            identity: identity.name,
            token: identity.token,
            applicationId: identity.applicationId,
            apiUrl: options.apiUrl,
            log: options.log,
            ...(options.globalRequestsPerSecond ? { globalRequestsPerSecond: options.globalRequestsPerSecond } : {}),
          }),
          options.cache,
        );
    const registry = createRegistry(served, options.i18n);
    return {
      name: identity.name,
      discord: port,
      publicKey: identity.publicKey ? ed25519PublicKey(identity.publicKey) : undefined,
      token: embedded ? undefined : identity.token,
      modules: served.map((m) => m.name),
      registry,
      dispatcher: createDispatcher({
        identity: identity.name,
        discord: port,
        registry,
        i18n: options.i18n,
        log: options.log,
        authorize: options.authorize,
        ...(options.guildLocale ? { guildLocale: options.guildLocale } : {}),
        ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
        ...(options.track ? { track: options.track } : {}),
      }),
    };
  });
  const primary = bots.find((b) => b.name === 'default') ?? (bots[0] as Bot);
  return {
    embedded,
    all: bots,
    primary,
    byName: (name) => bots.find((b) => b.name === name),
    // An identity that names the module wins over one that serves everything.
    forModule: (module) =>
      bots.find((_, i) => identities[i]?.modules?.includes(module)) ??
      bots.find((b) => b.modules.includes(module)) ??
      primary,
    sandbox: embedded ? createSandbox(options.db) : undefined,
  };
}
