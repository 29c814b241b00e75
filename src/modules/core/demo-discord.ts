import { ButtonStyle, ComponentType, TextInputStyle } from 'discord-api-types/v10';
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
 * #general with a "Who am I?" button (and `/whoami`), answered only to the presser with what the
 * access policy says about them, and a "Say hello" button whose form posts a greeting everyone
 * sees. Before any module posts anything, a newcomer can try every kind of interaction in the
 * dashboard's sandbox, as any demo member.
 */
const WHOAMI = { module: 'core', id: 'whoami', version: 1 } as const;
const HELLO = { module: 'core', id: 'hello', version: 1 } as const;
const GREETING_FIELD = 'greeting';

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
      {
        id: HELLO.id,
        version: HELLO.version,
        requires: { guildOnly: true },
        handler: async (ctx) => ({
          modal: {
            custom_id: ctx.customId(HELLO.id),
            title: ctx.t('core.demo.hello.title'),
            components: [
              {
                type: ComponentType.ActionRow,
                components: [
                  {
                    type: ComponentType.TextInput,
                    custom_id: GREETING_FIELD,
                    label: ctx.t('core.demo.hello.label'),
                    placeholder: ctx.t('core.demo.hello.placeholder'),
                    style: TextInputStyle.Paragraph,
                    min_length: 1,
                    max_length: 200,
                    required: true,
                  },
                ],
              },
            ],
          },
        }),
      },
    ],
    modals: [
      {
        id: HELLO.id,
        version: HELLO.version,
        requires: { guildOnly: true },
        // Forms answer only their sender unless told otherwise; a greeting is for everyone.
        ephemeral: false,
        handler: async (ctx) => ({
          content: ctx.t('core.demo.hello.posted', {
            user: `<@${ctx.userId}>`,
            greeting: (ctx.fields[GREETING_FIELD] ?? '').trim(),
          }),
        }),
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
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: t('core.demo.hello.button'),
            custom_id: encodeCustomId(HELLO),
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
      hello: {
        button: 'Say hello',
        title: 'Say hello',
        label: 'Your greeting',
        placeholder: 'Hi all, who is up for a game tonight?',
        posted: '{{user}} says: {{greeting}}',
      },
      welcome: {
        title: 'Welcome to the Guildhall sandbox',
        description:
          'No Discord credentials are configured, so everything the Guildhall bot would post on Discord appears here instead: channel messages, direct messages and answers only one member can see.\n\nPick any demo member under **Acting as** and press the buttons under the messages, or run a slash command: Guildhall answers exactly as it would on Discord.',
        tryName: 'Try it',
        tryValue:
          'Press **Who am I?** as Ada, then as Hugo: each sees their own roles and capabilities, and nobody else does. **Say hello** opens a form; what you write there, everyone sees. Or run `/whoami`.',
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
      hello: {
        button: 'Hallo sagen',
        title: 'Hallo sagen',
        label: 'Dein Gruß',
        placeholder: 'Hallo zusammen, wer spielt heute Abend mit?',
        posted: '{{user}} sagt: {{greeting}}',
      },
      welcome: {
        title: 'Willkommen in der Guildhall-Sandbox',
        description:
          'Es sind keine Discord-Zugangsdaten eingerichtet. Darum erscheint hier alles, was der Guildhall-Bot auf Discord posten würde: Kanalnachrichten, Direktnachrichten und Antworten, die nur ein Mitglied sieht.\n\nWähle unter **Handeln als** ein beliebiges Demo-Mitglied und drücke die Knöpfe unter den Nachrichten oder führe einen Slash-Befehl aus: Guildhall antwortet genau wie auf Discord.',
        tryName: 'Probier es aus',
        tryValue:
          'Drücke **Wer bin ich?** als Ada und dann als Hugo: Jede Person sieht ihre eigenen Rollen und Fähigkeiten, sonst niemand. **Hallo sagen** öffnet ein Formular; was du dort schreibst, sehen alle. Oder führe `/whoami` aus.',
        startedName: 'Demo gestartet',
        footer: 'Guildhall-Demo',
      },
    },
  },
};
