import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { encodeCustomId } from '#platform/discord/commands/custom-id.ts';
import type { BaseContext, DiscordPart, Reply } from '#platform/discord/commands/types.ts';
import { embed } from '#platform/discord/embeds.ts';
import type { MessagePayload } from '#platform/discord/port.ts';
import { fullTime, relativeTime } from '#platform/discord/timestamps.ts';
import type { I18n } from '#platform/i18n/i18n.ts';
import type { AccessPolicy } from './access.ts';
import type { Directory } from './directory.ts';

/**
 * The demo's own bit of Discord, only while the demo sign-in is enabled: a welcome message in
 * #general with a "Who am I?" button, and `/whoami`. Before any module posts anything, a newcomer
 * has something in the dashboard's sandbox to press, as any demo member, and sees the access policy
 * answer differently for each of them.
 */
const WHOAMI = { module: 'core', id: 'whoami', version: 1 } as const;

const GUILDHALL_BLUE = 0x5865f2;

async function whoami(
  ctx: BaseContext,
  deps: { access: AccessPolicy; directory: Directory },
): Promise<Reply> {
  const guildId = ctx.guildId as string; // guildOnly: the dispatcher refused DMs already
  const [membership, guild, roles, user] = await Promise.all([
    deps.access.membership(guildId, ctx.userId),
    deps.directory.getGuild(guildId),
    deps.directory.rolesOf(guildId),
    deps.directory.getUser(ctx.userId),
  ]);
  const none = ctx.t('core.demo.whoami.none');
  const held = roles.filter((r) => r.id !== guildId && membership?.roleIds.includes(r.id));
  const capabilities = [...(membership?.capabilities ?? [])].map((c) => ctx.t(`discord.capabilities.${c}`));
  return {
    ephemeral: true,
    embeds: [
      embed({
        title: ctx.t('core.demo.whoami.title', {
          name: user?.globalName ?? user?.username ?? ctx.userId,
          guild: guild?.name ?? guildId,
        }),
        color: GUILDHALL_BLUE,
        fields: [
          {
            name: ctx.t('core.demo.whoami.roles'),
            value: held.map((r) => `<@&${r.id}>`).join(' ') || none,
            inline: true,
          },
          {
            name: ctx.t('core.demo.whoami.admin'),
            value: ctx.t(membership?.admin ? 'core.demo.whoami.yes' : 'core.demo.whoami.no'),
            inline: true,
          },
          {
            name: ctx.t('core.demo.whoami.capabilities'),
            value: capabilities.join(', ') || none,
            inline: true,
          },
        ],
      }),
    ],
  };
}

export function demoDiscord(deps: { access: AccessPolicy; directory: Directory }): DiscordPart {
  return {
    messages: { en: DEMO_MESSAGES_EN, de: DEMO_MESSAGES_DE },
    commands: [
      {
        name: 'whoami',
        key: 'core.demo.whoami.command',
        requires: { guildOnly: true },
        ephemeral: true,
        handler: (ctx) => whoami(ctx, deps),
      },
    ],
    components: [
      {
        id: WHOAMI.id,
        version: WHOAMI.version,
        requires: { guildOnly: true },
        ephemeral: true,
        handler: (ctx) => whoami(ctx, deps),
      },
    ],
  };
}

/** The welcome message the demo seed posts once in #general, in the guild's language. */
export function welcomeMessage(i18n: I18n, locale: string, at: Date): MessagePayload {
  const t = i18n.forLocale(locale);
  return {
    embeds: [
      embed({
        title: t('core.demo.welcome.title'),
        description: t('core.demo.welcome.description'),
        color: GUILDHALL_BLUE,
        fields: [
          { name: t('core.demo.welcome.tryName'), value: t('core.demo.welcome.tryValue') },
          {
            name: t('core.demo.welcome.startedName'),
            value: `${fullTime(at)} (${relativeTime(at)})`,
          },
        ],
        footer: { text: t('core.demo.welcome.footer') },
        timestamp: at.toISOString(),
      }),
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: t('core.demo.whoami.button'),
            custom_id: encodeCustomId(WHOAMI),
          },
        ],
      },
    ],
  };
}

const DEMO_MESSAGES_EN = {
  core: {
    demo: {
      whoami: {
        command: {
          description:
            'Show what Guildhall knows about you in this server: roles, admin rights, capabilities',
        },
        button: 'Who am I?',
        title: '{{name}} in {{guild}}',
        roles: 'Roles',
        admin: 'Admin',
        capabilities: 'Capabilities',
        yes: 'yes',
        no: 'no',
        none: 'none',
      },
      welcome: {
        title: 'Welcome to the Guildhall sandbox',
        description:
          'No Discord credentials are configured, so everything the Guildhall bot would post on Discord appears here instead: channel messages, direct messages and answers only one member can see.\n\nPick any demo member under **Acting as** and press the buttons under the messages, or run a slash command: Guildhall answers exactly as it would on Discord.',
        tryName: 'Try it',
        tryValue:
          'Press **Who am I?** as Ada, then as Hugo: each sees their own roles and capabilities. Or run `/whoami`.',
        startedName: 'Demo started',
        footer: 'Guildhall demo',
      },
    },
  },
};

const DEMO_MESSAGES_DE = {
  core: {
    demo: {
      whoami: {
        command: {
          description:
            'Zeigt, was Guildhall auf diesem Server über dich weiß: Rollen, Adminrechte, Fähigkeiten',
        },
        button: 'Wer bin ich?',
        title: '{{name}} auf {{guild}}',
        roles: 'Rollen',
        admin: 'Admin',
        capabilities: 'Fähigkeiten',
        yes: 'ja',
        no: 'nein',
        none: 'keine',
      },
      welcome: {
        title: 'Willkommen in der Guildhall-Sandbox',
        description:
          'Es sind keine Discord-Zugangsdaten eingerichtet. Darum erscheint hier alles, was der Guildhall-Bot auf Discord posten würde: Kanalnachrichten, Direktnachrichten und Antworten, die nur ein Mitglied sieht.\n\nWähle unter **Handeln als** ein beliebiges Demo-Mitglied und drücke die Knöpfe unter den Nachrichten oder führe einen Slash-Befehl aus: Guildhall antwortet genau wie auf Discord.',
        tryName: 'Probier es aus',
        tryValue:
          'Drücke **Wer bin ich?** als Ada und dann als Hugo: Jede Person sieht ihre eigenen Rollen und Fähigkeiten. Oder führe `/whoami` aus.',
        startedName: 'Demo gestartet',
        footer: 'Guildhall-Demo',
      },
    },
  },
};
