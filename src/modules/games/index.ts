import type { AccessPolicy } from '#modules/core/access.ts';
import type { SettingsService } from '#modules/core/settings.ts';
import type { Bus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import type { DiscordBots } from '#platform/discord/identities.ts';
import type { HttpApp } from '#platform/http/types.ts';
import type { I18n } from '#platform/i18n/i18n.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { Module } from '#platform/module.ts';
import type { Scheduler } from '#platform/scheduler/scheduler.ts';
import { gamesCalendarRoutes } from './calendar/routes.ts';
import { gamesConsumers } from './consumers/index.ts';
import { gamesDiscord } from './discord/index.ts';
import { GAMES_EVENTS } from './events.ts';
import { GAMES_JOB_KINDS } from './jobs.ts';
import { gamesLiveRoutes } from './live/routes.ts';
import { GAMES_MESSAGES } from './messages.ts';
import { gamesRoutes } from './routes/index.ts';
import { createGamesService } from './service/index.ts';

export type { GamesService } from './service/contract.ts';

export const GAMES_SCOPES = {
  'games:read': 'Read games, participants, templates and the games configuration of a guild',
  'games:write':
    'Create, edit and cancel games, sign up and manage participants, templates and configuration',
} as const;

export type GamesDeps = {
  readonly db: Database;
  readonly bus: Bus;
  readonly scheduler: Scheduler;
  readonly access: AccessPolicy;
  readonly settings: SettingsService;
  readonly bots: DiscordBots;
  readonly i18n: I18n;
  readonly log: Logger;
  /** The instance's public URL (calendar feed links). */
  readonly publicUrl: string;
  /** The clock (tests move it). */
  readonly now?: () => Date;
};

/**
 * Games: sessions with sign-up, waitlist and reminders (the Game Scheduler seed). The core
 * (service, API, schedules, non-Discord consumers) lives here; the Discord part and the live
 * feed / calendar are mounted from their folders.
 */
export function gamesModule(deps: GamesDeps) {
  deps.i18n.extend(GAMES_MESSAGES);
  const clock = deps.now ? { now: deps.now } : {};
  const service = createGamesService({
    db: deps.db,
    bus: deps.bus,
    scheduler: deps.scheduler,
    access: deps.access,
    settings: deps.settings,
    bots: deps.bots,
    log: deps.log.child({ module: 'games' }),
    ...clock,
  });
  const discord = gamesDiscord({ db: deps.db, bots: deps.bots, i18n: deps.i18n, service, ...clock });
  const api = gamesRoutes({ service, access: deps.access });
  const live = gamesLiveRoutes({ db: deps.db, log: deps.log, access: deps.access });
  const calendar = gamesCalendarRoutes({
    db: deps.db,
    access: deps.access,
    publicUrl: deps.publicUrl,
    i18n: deps.i18n,
  });
  const routes = (app: HttpApp) => {
    api(app);
    live(app);
    calendar(app);
  };
  const module: Module = {
    name: 'games',
    migrations: new URL('./migrations/', import.meta.url),
    scopes: GAMES_SCOPES,
    events: GAMES_EVENTS,
    jobKinds: GAMES_JOB_KINDS,
    consumers: [
      ...gamesConsumers({ bus: deps.bus, scheduler: deps.scheduler, ...clock }),
      ...discord.consumers,
    ],
    discord: discord.discord,
    routes,
  };
  return { module, service };
}

export type GamesModule = ReturnType<typeof gamesModule>;
