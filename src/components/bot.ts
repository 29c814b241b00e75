import type { Directory } from '#modules/core/directory.ts';
import {
  connectGateway,
  createGatewayHandlers,
  type DirectorySink,
  type GatewayConnection,
} from '#platform/discord/gateway.ts';
import type { Running } from './running.ts';
import type { Runtime } from './runtime.ts';

/** Gateway changes into core's directory. */
export function directorySink(directory: Directory): DirectorySink {
  return {
    upsertGuild: async (guild, roles) => {
      if (roles) await directory.syncGuild(guild, roles);
      else await directory.upsertGuildInfo(guild);
    },
    upsertRole: (guildId, role) => directory.upsertRole(guildId, role),
    deleteRole: (guildId, roleId) => directory.deleteRole(guildId, roleId),
    upsertMembers: (guildId, members) => directory.upsertMembers(guildId, members),
    removeMember: (guildId, userId) => directory.removeMember(guildId, userId),
    guildGone: (guildId) => directory.markGuildGone(guildId),
  };
}

/**
 * The Discord Gateway client: one discord.js connection per bot identity, serving the same
 * command handlers as the HTTP interactions endpoint and keeping the directory and the cache
 * current from guild, role and member events.
 */
export async function startBot(runtime: Runtime): Promise<Running> {
  const { config, discord, log } = runtime;
  if (discord.embedded) {
    const describe =
      'bot (no DISCORD_BOT_TOKEN: the sandbox records what would be sent; the dashboard plays Discord)';
    log.info(describe);
    return { name: 'bot', describe, stop: async () => {} };
  }
  if (!config.discord.gateway) {
    const describe = `bot (${discord.all.length} identities, DISCORD_GATEWAY=false: HTTP interactions only)`;
    log.info(describe);
    return { name: 'bot', describe, stop: async () => {} };
  }
  const handlers = createGatewayHandlers({
    sink: directorySink(runtime.core.directory),
    cache: runtime.cache,
    log,
  });
  const connections: GatewayConnection[] = [];
  try {
    for (const bot of discord.all)
      connections.push(
        await connectGateway({
          bot,
          handlers,
          apiUrl: config.discord.apiUrl,
          memberIntent: config.discord.memberIntent,
          log,
        }),
      );
  } catch (error) {
    await Promise.allSettled(connections.map((c) => c.stop()));
    throw error;
  }
  return {
    name: 'bot',
    describe: `bot (gateway: ${connections.map((c) => c.bot).join(', ')})`,
    async stop() {
      await Promise.allSettled(connections.map((c) => c.stop()));
    },
  };
}
