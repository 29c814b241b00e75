import { parseArgs } from 'node:util';
import { compose, type Runtime } from '#components/runtime.ts';
import { print, printError } from '#platform/cli/output.ts';
import type { Config } from '#platform/config/load.ts';
import { migrate } from '#platform/db/migrations.ts';
import { type CommandDiff, diffCommands } from '#platform/discord/commands/diff.ts';
import { isDiscordError } from '#platform/discord/errors.ts';

export const DISCORD_HELP = `guildhall discord register [--guild ID] [--bot NAME] [--dry-run]

Registers the slash commands of the modules each bot identity serves, by bulk overwrite, and prints
what changed (added, changed, removed). Global commands by default; --guild registers them in one
guild only (they appear at once there: handy while developing).

  --guild ID   register in this guild instead of globally
  --bot NAME   only this identity (a name from DISCORD_BOTS; "default" with DISCORD_BOT_TOKEN)
  --dry-run    print the changes, register nothing

Without a bot token the commands are recorded in the sandbox instead.`;

export type RegisterResult = { bot: string; diff: CommandDiff; applied: boolean };

/** Compares and (unless dry) overwrites the commands of each selected identity. */
export async function registerCommands(
  runtime: Runtime,
  options: { guildId?: string | undefined; bot?: string | undefined; dryRun?: boolean },
): Promise<RegisterResult[]> {
  const bots = options.bot ? runtime.discord.all.filter((b) => b.name === options.bot) : runtime.discord.all;
  if (bots.length === 0)
    throw new Error(
      `No bot identity "${options.bot}"; known: ${runtime.discord.all.map((b) => b.name).join(', ')}.`,
    );
  const scope = options.guildId ? { guildId: options.guildId } : {};
  const results: RegisterResult[] = [];
  for (const bot of bots) {
    const desired = bot.registry.applicationCommands();
    const current = await bot.discord.getCommands(scope);
    const diff = diffCommands(current, desired);
    const changes = diff.added.length + diff.changed.length + diff.removed.length;
    if (!options.dryRun && changes > 0) await bot.discord.overwriteCommands(desired, scope);
    results.push({ bot: bot.name, diff, applied: !options.dryRun && changes > 0 });
  }
  return results;
}

export function describeResult(r: RegisterResult, where: string, dryRun: boolean): string[] {
  const lines = [`${r.bot} (${where}):`];
  for (const name of r.diff.added) lines.push(`  + /${name}`);
  for (const c of r.diff.changed) lines.push(`  ~ /${c.name}  (${c.fields.join(', ')})`);
  for (const name of r.diff.removed) lines.push(`  - /${name}`);
  const changes = r.diff.added.length + r.diff.changed.length + r.diff.removed.length;
  lines.push(
    changes === 0
      ? `  up to date: ${r.diff.unchanged.length} command${r.diff.unchanged.length === 1 ? '' : 's'}`
      : `  ${dryRun ? 'would change' : 'changed'} ${changes}, unchanged ${r.diff.unchanged.length}`,
  );
  return lines;
}

export async function discordCommand(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'register') {
    print(DISCORD_HELP);
    return sub === undefined || sub === 'help' || sub === '--help' ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      guild: { type: 'string' },
      bot: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(DISCORD_HELP);
    return 0;
  }
  if (values.guild && !/^\d{15,21}$/.test(values.guild)) {
    printError('--guild takes a Discord guild id (15–21 digits).');
    return 2;
  }
  const runtime = await compose(config, 'discord');
  try {
    await migrate(runtime.db, runtime.migrations);
    if (runtime.discord.embedded) print('No bot token configured: recording the commands in the sandbox.');
    const dryRun = values['dry-run'] ?? false;
    const results = await registerCommands(runtime, { guildId: values.guild, bot: values.bot, dryRun });
    const where = values.guild ? `guild ${values.guild}` : 'global';
    for (const r of results) for (const line of describeResult(r, where, dryRun)) print(line);
    if (!values.guild && results.some((r) => r.applied))
      print('Global commands can take a while to appear in every client.');
    return 0;
  } catch (error) {
    if (isDiscordError(error)) {
      printError(`Discord refused: ${error.message} (${error.code}).`);
      return 1;
    }
    if (error instanceof Error && error.message.startsWith('No bot identity')) {
      printError(error.message);
      return 2;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}
