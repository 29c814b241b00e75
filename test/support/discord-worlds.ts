import { createLogDiscord, sandboxBotId } from '#platform/discord/log.ts';
import { createRestDiscord } from '#platform/discord/rest.ts';
import { createSandbox } from '#platform/discord/sandbox.ts';
import type { DiscordWorld, DiscordWorldFactory, Fixture } from '../contracts/discord.ts';
import { type DatabaseFactory, quietLog } from './databases.ts';
import { DiscordStandin, type StandinBot, type StandinOptions } from './discord-standin/server.ts';

export const TEST_BOT: StandinBot = {
  name: 'default',
  token: 'test-bot-token-default',
  id: '990000000000000001',
};

export async function seedStandin(standin: DiscordStandin, f: Fixture) {
  const w = standin.world;
  for (const u of f.users) w.addUser({ id: u.id, username: u.username, acceptsDms: u.acceptsDms ?? true });
  w.addGuild({ id: f.guild.id, name: f.guild.name, ownerId: f.guild.ownerId, roles: f.roles });
  for (const c of f.channels)
    w.addChannel({
      id: c.id,
      guildId: f.guild.id,
      name: c.name,
      type: 0,
      permissionOverwrites: c.overwrites ?? [],
    });
  for (const m of f.members) w.addMember(f.guild.id, m.userId, m.roleIds);
}

/** REST adapter (real @discordjs/rest) against the stand-in. */
export function restWorld(options: Partial<StandinOptions> = {}): DiscordWorldFactory {
  return {
    kind: 'rest + stand-in',
    async create(): Promise<DiscordWorld> {
      const standin = await new DiscordStandin({ bots: [TEST_BOT], ...options }).start();
      const port = createRestDiscord({
        identity: TEST_BOT.name,
        token: TEST_BOT.token,
        applicationId: TEST_BOT.id,
        apiUrl: standin.apiUrl,
        log: quietLog,
      });
      return {
        port,
        botId: TEST_BOT.id,
        seed: (f) => seedStandin(standin, f),
        async openInteraction(input) {
          const i = standin.interaction({ bot: TEST_BOT, type: 3, ...input });
          return { id: i.id, token: i.token };
        },
        dispose: () => standin.stop(),
      };
    },
  };
}

/** The log adapter over a scratch database. */
export function logWorld(databases: DatabaseFactory): DiscordWorldFactory {
  return {
    kind: `log adapter (${databases.kind})`,
    async create(): Promise<DiscordWorld> {
      const t = await databases.create();
      const sandbox = createSandbox(t.db);
      const port = createLogDiscord({ db: t.db, identity: 'default' });
      const botId = sandboxBotId('default');
      await sandbox.upsertUser({ id: botId, username: 'Guildhall', bot: true });
      return {
        port,
        botId,
        async seed(f) {
          for (const u of f.users)
            await sandbox.upsertUser({ id: u.id, username: u.username, acceptsDms: u.acceptsDms ?? true });
          await sandbox.upsertGuild({ ...f.guild, roles: f.roles });
          for (const c of f.channels)
            await sandbox.upsertChannel({
              id: c.id,
              guildId: f.guild.id,
              name: c.name,
              permissionOverwrites: c.overwrites ?? [],
            });
          for (const m of f.members) await sandbox.upsertMember(f.guild.id, m.userId, m.roleIds);
        },
        openInteraction: (input) => sandbox.openInteraction({ bot: 'default', ...input }),
        dispose: () => t.dispose(),
      };
    },
  };
}
