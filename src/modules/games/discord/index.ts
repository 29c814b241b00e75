import type { Subscription } from '#platform/bus/subscription.ts';
import type { Database } from '#platform/db/database.ts';
import type { DiscordPart } from '#platform/discord/commands/types.ts';
import type { DiscordBots } from '#platform/discord/identities.ts';
import type { I18n } from '#platform/i18n/i18n.ts';
import { createRepeatedProblems } from '#platform/log/repeated.ts';
import type { GamesService } from '../service/contract.ts';
import { discordConsumers } from './consumers.ts';
import { gamesInteractions } from './interactions.ts';
import { GAMES_DISCORD_MESSAGES } from './messages.ts';

export type GamesDiscordDeps = {
  readonly db: Database;
  readonly bots: DiscordBots;
  readonly i18n: I18n;
  readonly service: GamesService;
  /** Tests move the clock. */
  readonly now?: () => Date;
};

/**
 * The games module's Discord side: the `/game` command, the announcement's buttons and forms
 * (`discord`), and the consumers that keep announcements, DMs, threads and temporary roles in
 * step with the games (`consumers`). Its texts are `games.discord.*`.
 */
export function gamesDiscord(deps: GamesDiscordDeps): {
  discord: DiscordPart;
  consumers: Subscription[];
} {
  deps.i18n.extend(GAMES_DISCORD_MESSAGES);
  const interactions = gamesInteractions({
    db: deps.db,
    service: deps.service,
    ...(deps.now ? { now: deps.now } : {}),
  });
  return {
    discord: { ...interactions, messages: GAMES_DISCORD_MESSAGES },
    consumers: discordConsumers({
      discord: () => deps.bots.forModule('games').discord,
      i18n: deps.i18n,
      problems: createRepeatedProblems(),
      ...(deps.now ? { now: deps.now } : {}),
    }),
  };
}
