import type { Running } from './running.ts';
import type { Runtime } from './runtime.ts';

/** Discord gateway client. The Discord layer fills this in. */
export async function startBot(runtime: Runtime): Promise<Running> {
  const bots = runtime.config.discord.bots;
  const describe =
    bots.length === 0
      ? 'bot (no DISCORD_BOT_TOKEN: the log adapter records what would be sent)'
      : `bot (${bots.length} identit${bots.length === 1 ? 'y' : 'ies'}: gateway not connected yet)`;
  runtime.log.info(describe);
  return { name: 'bot', describe, stop: async () => {} };
}
