import { ComponentType, PermissionFlagsBits, TextInputStyle } from 'discord-api-types/v10';
import { embed } from '#platform/discord/embeds.ts';
import { createPaginator } from '#platform/discord/paginator.ts';
import { UserError } from '#platform/errors.ts';
import type { Module } from '#platform/module.ts';

/** Counts handler calls, so tests can tell that a refused interaction dispatched nothing. */
export const calls: string[] = [];

const GAMES = ['Apex Legends', 'Age of Empires IV', 'Deep Rock Galactic', 'Valheim', 'Among Us'];

const pages = createPaginator({
  id: 'pages',
  timeoutMs: 60_000,
  async render(ctx, state, page) {
    const total = Number(state[0] ?? '3');
    return {
      pageCount: total,
      embeds: [embed({ title: `${ctx.t('testmod.page')} ${page + 1}`, description: `of ${total}` })],
    };
  },
});

/** A small module that declares one of everything the command framework offers. */
export function testModule(name = 'testmod', prefix = ''): Module {
  const c = (n: string) => `${prefix}${n}`;
  return {
    name,
    discord: {
      messages: {
        en: {
          testmod: {
            page: 'Page',
            echo: { description: 'Repeat something', options: { text: { description: 'What to repeat' } } },
            slow: { description: 'Takes its time' },
            fail: { description: 'Refuses politely' },
            boom: { description: 'Breaks' },
            admin: { description: 'For admins' },
            host: { description: 'For hosts' },
            pick: {
              description: 'Pick a game',
              options: { game: { description: 'The game' }, count: { description: 'How many' } },
            },
            form: { description: 'Opens a form' },
            purge: { description: 'For moderators' },
            pages: { description: 'Pages' },
            notify: {
              description: 'Notifications',
              sub: { status: { description: 'What is on' } },
              group: {
                rules: {
                  description: 'Notification rules',
                  sub: {
                    add: {
                      description: 'Add a rule',
                      options: {
                        game: { description: 'For which game' },
                        minutes: { description: 'How long before' },
                      },
                    },
                    clear: { description: 'Remove every rule' },
                  },
                },
              },
            },
            thanks: 'Thanks, {{who}}: {{comment}}',
            echoed: 'You said: {{text}}',
          },
          errors: { TEST_NOPE: 'Nope, {{who}}.' },
        },
        de: {
          testmod: {
            echo: {
              name: 'echo-de',
              description: 'Etwas wiederholen',
              options: { text: { description: 'Was' } },
            },
            echoed: 'Du sagtest: {{text}}',
            notify: {
              group: {
                rules: {
                  name: 'regeln',
                  description: 'Benachrichtigungsregeln',
                  sub: { add: { name: 'neu', description: 'Regel hinzufügen' } },
                },
              },
            },
          },
          errors: { TEST_NOPE: 'Nein, {{who}}.' },
        },
      },
      commands: [
        {
          name: c('echo'),
          key: 'testmod.echo',
          options: { text: { type: 'string', required: true, maxLength: 100 } },
          async handler(ctx) {
            calls.push(`echo:${ctx.options.text}`);
            return {
              content: ctx.t('testmod.echoed', { text: String(ctx.options.text) }),
              components: [
                {
                  type: ComponentType.ActionRow,
                  components: [
                    {
                      type: ComponentType.Button,
                      style: 1,
                      label: 'Ping',
                      custom_id: ctx.customId('ping', [String(ctx.options.text)]),
                    },
                    {
                      type: ComponentType.Button,
                      style: 2,
                      label: 'Short-lived',
                      custom_id: ctx.customId('ping', ['short'], { ttlMs: -1000 }),
                    },
                  ],
                },
              ],
            };
          },
        },
        {
          name: c('slow'),
          key: 'testmod.slow',
          async handler(ctx) {
            calls.push('slow');
            await new Promise((r) => setTimeout(r, Number(process.env.TEST_SLOW_MS ?? 1300)));
            return { content: `slow done for ${ctx.userId}` };
          },
        },
        {
          name: c('fail'),
          key: 'testmod.fail',
          async handler(ctx) {
            calls.push('fail');
            throw new UserError('TEST_NOPE', 'Nope.', { params: { who: ctx.userId } });
          },
        },
        {
          name: c('boom'),
          key: 'testmod.boom',
          async handler() {
            calls.push('boom');
            throw new Error('a bug');
          },
        },
        {
          name: c('admin'),
          key: 'testmod.admin',
          requires: { admin: true },
          ephemeral: true,
          async handler(ctx) {
            calls.push(`admin:${ctx.guildId}`);
            return { content: `admin ok in ${ctx.guildId}` };
          },
        },
        {
          name: c('host'),
          key: 'testmod.host',
          requires: { capability: 'host' },
          async handler(ctx) {
            calls.push(`host:${ctx.guildId}`);
            return { content: `host ok in ${ctx.guildId}` };
          },
        },
        {
          name: c('purge'),
          key: 'testmod.purge',
          requires: { permissions: PermissionFlagsBits.ManageMessages },
          async handler(ctx) {
            calls.push(`purge:${ctx.guildId}`);
            return { content: 'purged' };
          },
        },
        {
          name: c('pick'),
          key: 'testmod.pick',
          options: {
            game: {
              type: 'string',
              required: true,
              async autocomplete(ctx) {
                calls.push(`autocomplete:${ctx.focused.value}`);
                const q = ctx.focused.value.toLowerCase();
                return GAMES.filter((g) => g.toLowerCase().includes(q)).map((g) => ({ name: g, value: g }));
              },
            },
            count: { type: 'integer', minValue: 1, maxValue: 10 },
          },
          async handler(ctx) {
            calls.push('pick');
            return { content: `picked ${ctx.options.game} x${ctx.options.count ?? 1}` };
          },
        },
        {
          name: c('form'),
          key: 'testmod.form',
          async handler(ctx) {
            calls.push('form');
            return {
              modal: {
                custom_id: ctx.customId('feedback', [ctx.userId]),
                title: 'Feedback',
                components: [
                  {
                    type: ComponentType.ActionRow,
                    components: [
                      {
                        type: ComponentType.TextInput,
                        custom_id: 'comment',
                        label: 'Comment',
                        style: TextInputStyle.Paragraph,
                      },
                    ],
                  },
                ],
              },
            };
          },
        },
        {
          // Subcommands and a group of them, as `/notify status` and `/notify rules add|clear`.
          name: c('notify'),
          key: 'testmod.notify',
          ephemeral: true,
          subcommands: {
            status: {
              async handler(ctx) {
                calls.push(`notify:${ctx.subcommand}`);
                return { content: 'nothing on' };
              },
            },
          },
          groups: {
            rules: {
              requires: { guildOnly: true },
              subcommands: {
                add: {
                  options: {
                    game: {
                      type: 'string',
                      async autocomplete(ctx) {
                        calls.push(`notify-autocomplete:${ctx.subcommand}:${ctx.focused.value}`);
                        return GAMES.filter((g) =>
                          g.toLowerCase().startsWith(ctx.focused.value.toLowerCase()),
                        ).map((g) => ({ name: g, value: g }));
                      },
                    },
                    minutes: { type: 'integer', required: true, minValue: 1, maxValue: 1440 },
                  },
                  async handler(ctx) {
                    calls.push(`notify:${ctx.subcommand}`);
                    return {
                      content: `rule: ${ctx.options.minutes} min before ${ctx.options.game ?? 'any game'}`,
                    };
                  },
                },
                clear: {
                  requires: { admin: true },
                  async handler(ctx) {
                    calls.push(`notify:${ctx.subcommand}`);
                    return { content: 'cleared' };
                  },
                },
              },
            },
          },
        },
        {
          name: c('pages'),
          key: 'testmod.pages',
          async handler(ctx) {
            calls.push('pages');
            return pages.start(ctx, ['3']);
          },
        },
      ],
      components: [
        {
          id: 'ping',
          version: 1,
          updatesMessage: true,
          async handler(ctx) {
            calls.push(`ping:${ctx.state[0]}`);
            return { update: true, content: `pong ${ctx.state[0]}`, components: [] };
          },
        },
        pages.component,
      ],
      modals: [
        {
          id: 'feedback',
          version: 1,
          async handler(ctx) {
            calls.push(`feedback:${ctx.fields.comment}`);
            return {
              content: ctx.t('testmod.thanks', {
                who: ctx.state[0] ?? '',
                comment: ctx.fields.comment ?? '',
              }),
            };
          },
        },
      ],
    },
  };
}
