import { readFileSync } from 'node:fs';
import { print, printError } from '#platform/cli/output.ts';
import { type Config, ConfigError, loadConfig } from '#platform/config/load.ts';
import { COMPONENTS, type Component } from '#platform/config/variables.ts';

// Commands are imported when chosen: `guildhall version` should not load the database driver.
const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const HELP = `guildhall ${VERSION}: game sessions, records, economies and server operations for Discord communities

Usage: guildhall <command> [options]

Components (long-running):
  start        every component in one process (embedded defaults need nothing but Node)
  api          HTTP API, dashboard, /docs, Discord interactions endpoint
  worker       outbox relay and event consumers
  scheduler    durable scheduler: reminders, status transitions, recurring jobs
  bot          Discord gateway client
  With no command, GUILDHALL_COMPONENT chooses one of these.

Operations:
  migrate      apply database migrations (--dry-run, --status)
  tokens       create, list and revoke API tokens
  discord      register slash commands (discord register [--guild ID] [--bot NAME])
  dlq          list, show, replay and purge dead letters of the event bus
  doctor       check the configuration and every configured service
  version      print the version

Run \`guildhall <command> --help\` for a command's options. Configuration comes from environment
variables and an optional .env file; see the README for the full list.`;

/** Entry point: returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === '--help' || first === '-h' || first === 'help') {
      print(HELP);
      return 0;
    }
    if (first === 'version' || first === '--version' || first === '-v') {
      print(VERSION);
      return 0;
    }
    if (first === 'doctor') return await (await import('./commands/doctor.ts')).doctorCommand();

    const config = loadConfig();
    const command = first ?? config.component;
    if (!command) {
      print(HELP);
      return 2;
    }
    if ((COMPONENTS as readonly string[]).includes(command)) {
      if (rest.includes('--help')) {
        print(`guildhall ${command}: see \`guildhall --help\``);
        return 0;
      }
      const { runComponent } = await import('./commands/run.ts');
      return await runComponent(config, command as Component);
    }
    return await runOperation(config, command, rest);
  } catch (error) {
    if (error instanceof ConfigError) {
      printError(error.message);
      printError(
        '\nFix these variables (environment or .env) and start again. `guildhall doctor` checks a setup.',
      );
      return 78; // EX_CONFIG
    }
    printError(`guildhall: ${(error as Error).stack ?? error}`);
    return 1;
  }
}

async function runOperation(config: Config, command: string, args: string[]): Promise<number> {
  switch (command) {
    case 'migrate':
      return (await import('./commands/migrate.ts')).migrateCommand(config, args);
    case 'tokens':
      return (await import('./commands/tokens.ts')).tokensCommand(config, args);
    case 'discord':
      return (await import('./commands/discord.ts')).discordCommand(config, args);
    case 'dlq':
      return (await import('./commands/dlq.ts')).dlqCommand(config, args);
    default:
      printError(`Unknown command "${command}".\n`);
      print(HELP);
      return 2;
  }
}
