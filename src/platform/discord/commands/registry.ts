import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { I18n } from '../../i18n/i18n.ts';
import { buildCommand } from './build.ts';
import type {
  CommandSpec,
  ComponentSpec,
  DiscordPart,
  ModalSpec,
  Requirement,
  SubcommandSpec,
} from './types.ts';

export type ModuleDiscord = { readonly name: string; readonly discord: DiscordPart };

/**
 * Everything one bot identity answers: the commands, components and modals of the modules it
 * serves, indexed for routing. Built once at start; a duplicate name is a startup error, not a
 * surprise at the first interaction.
 */
export type Registry = {
  readonly modules: readonly string[];
  command(name: string): { module: string; spec: CommandSpec } | undefined;
  component(module: string, id: string): ComponentSpec | undefined;
  modal(module: string, id: string): ModalSpec | undefined;
  /** The JSON for a bulk overwrite, in a stable order. */
  applicationCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[];
};

export function createRegistry(modules: readonly ModuleDiscord[], i18n: I18n): Registry {
  const commands = new Map<string, { module: string; spec: CommandSpec }>();
  const components = new Map<string, ComponentSpec>();
  const modals = new Map<string, ModalSpec>();
  for (const m of modules) {
    if (m.discord.messages) i18n.extend(m.discord.messages);
    for (const spec of m.discord.commands ?? []) {
      const existing = commands.get(spec.name);
      if (existing)
        throw new Error(`command /${spec.name} is declared by both ${existing.module} and ${m.name}`);
      commands.set(spec.name, { module: m.name, spec });
    }
    for (const spec of m.discord.components ?? []) {
      const key = `${m.name}:${spec.id}`;
      if (components.has(key)) throw new Error(`component ${key} is declared twice`);
      components.set(key, spec);
    }
    for (const spec of m.discord.modals ?? []) {
      const key = `${m.name}:${spec.id}`;
      if (modals.has(key)) throw new Error(`modal ${key} is declared twice`);
      modals.set(key, spec);
    }
  }
  // Built eagerly so a missing catalogue entry or an invalid option fails at start.
  const built = [...commands.values()]
    .sort((a, b) => a.spec.name.localeCompare(b.spec.name))
    .map((c) => buildCommand(i18n, c.spec));
  if (built.length > 100) throw new Error('Discord allows at most 100 slash commands per application');
  return {
    modules: modules.map((m) => m.name),
    command: (name) => commands.get(name),
    component: (module, id) => components.get(`${module}:${id}`),
    modal: (module, id) => modals.get(`${module}:${id}`),
    applicationCommands: () => built,
  };
}

/**
 * The subcommand an interaction names (`off`, or `reminders off` inside a group, as
 * `flattenOptions` writes it) with the requirements on the way to it, outermost first; undefined
 * when the command has no such subcommand (registered by another build, or forged).
 */
export function findSubcommand(
  spec: CommandSpec,
  path: string | undefined,
): { sub: SubcommandSpec; requires: ReadonlyArray<Requirement | undefined> } | undefined {
  if (!path) return undefined;
  const [first, second, ...rest] = path.split(' ');
  if (!first || rest.length > 0) return undefined;
  if (second === undefined) {
    const sub = Object.hasOwn(spec.subcommands ?? {}, first) ? spec.subcommands?.[first] : undefined;
    return sub && { sub, requires: [sub.requires] };
  }
  const group = Object.hasOwn(spec.groups ?? {}, first) ? spec.groups?.[first] : undefined;
  const sub = group && Object.hasOwn(group.subcommands, second) ? group.subcommands[second] : undefined;
  return sub && { sub, requires: [group?.requires, sub.requires] };
}
