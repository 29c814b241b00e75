import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import { sql } from 'drizzle-orm';
import { PermissionBits } from '#platform/discord/permissions.ts';
import { waitFor } from '../../contracts/database.ts';
import { type DiscordApp, ed25519Pair, startDiscordApp } from '../../support/discord-app.ts';
import { calls, testModule } from '../../support/discord-test-module.ts';

const GA = '820000000000000001';
const GB = '820000000000000002';
const CHANNEL_A = '820000000000000011';
const CHANNEL_B = '820000000000000012';
const OWNER = '820000000000000101';
const ADMIN = '820000000000000102';
const HOST = '820000000000000103';
const MEMBER = '820000000000000104';
const OTHER = '820000000000000105';
const MANAGER_ROLE = '820000000000000201';
const HOST_ROLE = '820000000000000202';

const EVERYONE = (
  PermissionBits.VIEW_CHANNEL |
  PermissionBits.SEND_MESSAGES |
  PermissionBits.EMBED_LINKS
).toString();

type Json = Record<string, unknown>;
const data = (r: Json) => r.data as Json;
const EPHEMERAL = 64;

describe('HTTP interactions', () => {
  let t: DiscordApp;
  let alpha: DiscordApp['bots'][number];

  before(async () => {
    t = await startDiscordApp({
      bots: [{ name: 'alpha', id: '830000000000000001' }],
      modules: [testModule()],
    });
    alpha = t.bots[0] as DiscordApp['bots'][number];
    const w = t.standin.world;
    for (const [id, username] of [
      [OWNER, 'owner'],
      [ADMIN, 'admin'],
      [HOST, 'host'],
      [MEMBER, 'member'],
      [OTHER, 'other'],
    ] as const)
      w.addUser({ id, username });
    w.addGuild({
      id: GA,
      name: 'Guild A',
      ownerId: OWNER,
      roles: [
        { id: GA, name: '@everyone', permissions: EVERYONE },
        { id: MANAGER_ROLE, name: 'Manager', permissions: PermissionBits.MANAGE_GUILD.toString() },
        { id: HOST_ROLE, name: 'Host', permissions: '0' },
      ],
    });
    w.addGuild({
      id: GB,
      name: 'Guild B',
      ownerId: OTHER,
      roles: [{ id: GB, name: '@everyone', permissions: EVERYONE }],
    });
    w.addChannel({ id: CHANNEL_A, guildId: GA, name: 'a', type: 0 });
    w.addChannel({ id: CHANNEL_B, guildId: GB, name: 'b', type: 0 });
    w.addMember(GA, alpha.id).addMember(GB, alpha.id);
    w.addMember(GA, OWNER)
      .addMember(GA, ADMIN, [MANAGER_ROLE])
      .addMember(GA, HOST, [HOST_ROLE])
      .addMember(GA, MEMBER);
    w.addMember(GB, OTHER).addMember(GB, MEMBER);
    // Guild A's settings: the Host role grants the host capability.
    await t.runtime.core.directory.syncGuild({ id: GA, name: 'Guild A', ownerId: OWNER }, []);
    await t.runtime.core.directory.syncGuild({ id: GB, name: 'Guild B', ownerId: OTHER }, []);
    await t.runtime.db.withSystem((tx) =>
      tx.execute(sql`insert into core.guild_settings (guild_id, capability_roles, locale)
                     values (${GA}, ${JSON.stringify({ host: [HOST_ROLE] })}::jsonb, 'de')`),
    );
  });
  after(async () => t?.close());
  beforeEach(() => {
    calls.length = 0;
  });

  const command = (name: string, options: unknown[] = [], user = MEMBER, extra: Json = {}) =>
    t.standin.interaction({
      bot: alpha,
      type: InteractionType.ApplicationCommand,
      guildId: GA,
      channelId: CHANNEL_A,
      userId: user,
      data: { id: '1', name, type: 1, options },
      ...extra,
    });

  describe('signature verification', () => {
    it('answers a signed PING with PONG', async () => {
      const res = await t.interact(alpha, {
        id: '1',
        type: InteractionType.Ping,
        application_id: alpha.id,
        token: 'x',
        version: 1,
      });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { type: InteractionResponseType.Pong });
    });

    it('refuses unsigned, forged, stale and tampered requests with 401 and dispatches nothing', async () => {
      const payload = command('echo', [{ name: 'text', type: 3, value: 'hi' }]);
      const body = JSON.stringify(payload);
      const unsigned = await t.app.inject({
        method: 'POST',
        url: '/interactions/alpha',
        headers: { 'content-type': 'application/json' },
        payload: body,
      });
      assert.equal(unsigned.statusCode, 401);
      assert.equal(unsigned.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(unsigned.json().code, 'INTERACTION_SIGNATURE_INVALID');

      const forged = await t.interact(alpha, payload, { key: ed25519Pair() });
      assert.equal(forged.statusCode, 401);

      const stale = await t.interact(alpha, payload, { timestamp: Math.floor(Date.now() / 1000) - 600 });
      assert.equal(stale.statusCode, 401);

      const good = (await import('../../support/discord-app.ts')).signed(alpha.key, body);
      const tampered = await t.app.inject({
        method: 'POST',
        url: '/interactions/alpha',
        headers: good,
        payload: body.replace('"hi"', '"ha"'),
      });
      assert.equal(tampered.statusCode, 401);
      const garbage = await t.app.inject({
        method: 'POST',
        url: '/interactions/alpha',
        headers: { ...good, 'x-signature-ed25519': 'zz' },
        payload: body,
      });
      assert.equal(garbage.statusCode, 401);
      assert.deepEqual(calls, [], 'nothing was dispatched');
    });

    it('refuses a replayed request', async () => {
      const payload = command('echo', [{ name: 'text', type: 3, value: 'once' }]);
      const body = JSON.stringify(payload);
      const headers = (await import('../../support/discord-app.ts')).signed(alpha.key, body);
      const first = await t.app.inject({
        method: 'POST',
        url: '/interactions/alpha',
        headers,
        payload: body,
      });
      assert.equal(first.statusCode, 200);
      const again = await t.app.inject({
        method: 'POST',
        url: '/interactions/alpha',
        headers,
        payload: body,
      });
      assert.equal(again.statusCode, 401);
      assert.equal(again.json().code, 'INTERACTION_REPLAYED');
      assert.deepEqual(calls, ['echo:once']);
    });

    it('knows the default path only for the primary identity and 404s unknown identities', async () => {
      const res = await t.interact(alpha, { type: 1 }, { path: '/interactions/nobody' });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'INTERACTIONS_UNKNOWN_BOT');
      const primary = await t.interact(
        alpha,
        { type: 1, id: '1', token: 't', version: 1 },
        { path: '/interactions' },
      );
      assert.equal(primary.statusCode, 200);
    });
  });

  describe('round trips', () => {
    it('runs a slash command and answers in the user’s language, with a working button', async () => {
      const res = (
        await t.interact(
          alpha,
          command('echo', [{ name: 'text', type: 3, value: 'hello' }], MEMBER, { locale: 'de' }),
        )
      ).json();
      assert.equal(res.type, InteractionResponseType.ChannelMessageWithSource);
      assert.equal(data(res).content, 'Du sagtest: hello');
      const rows = data(res).components as Array<{ components: Array<{ custom_id: string }> }>;
      const customId = rows[0]?.components[0]?.custom_id as string;
      assert.match(customId, /^testmod:ping:v1:-:hello$/);

      const press = t.standin.interaction({
        bot: alpha,
        type: InteractionType.MessageComponent,
        guildId: GA,
        channelId: CHANNEL_A,
        userId: MEMBER,
        data: { custom_id: customId, component_type: 2 },
        message: { id: '840000000000000001' },
      });
      const pressed = (await t.interact(alpha, press)).json();
      assert.equal(pressed.type, InteractionResponseType.UpdateMessage);
      assert.equal(data(pressed).content, 'pong hello');
      assert.deepEqual(calls, ['echo:hello', 'ping:hello']);
    });

    it('falls back to the guild’s language when the user’s is not supported', async () => {
      const res = (
        await t.interact(
          alpha,
          command('echo', [{ name: 'text', type: 3, value: 'x' }], MEMBER, { locale: 'fr' }),
        )
      ).json();
      assert.equal(data(res).content, 'Du sagtest: x', 'guild A is configured as German');
    });

    it('opens a modal and handles its submission', async () => {
      const res = (await t.interact(alpha, command('form'))).json();
      assert.equal(res.type, InteractionResponseType.Modal);
      const modal = data(res) as { custom_id: string };
      const submit = t.standin.interaction({
        bot: alpha,
        type: InteractionType.ModalSubmit,
        guildId: GA,
        channelId: CHANNEL_A,
        userId: MEMBER,
        locale: 'en-US',
        data: {
          custom_id: modal.custom_id,
          components: [{ type: 1, components: [{ type: 4, custom_id: 'comment', value: 'great evening' }] }],
        },
      });
      const answer = (await t.interact(alpha, submit)).json();
      assert.equal(answer.type, InteractionResponseType.ChannelMessageWithSource);
      assert.equal(data(answer).content, `Thanks, ${MEMBER}: great evening`);
      assert.equal(data(answer).flags, EPHEMERAL);
    });

    it('suggests while the user types (autocomplete)', async () => {
      const payload = t.standin.interaction({
        bot: alpha,
        type: InteractionType.ApplicationCommandAutocomplete,
        guildId: GA,
        channelId: CHANNEL_A,
        userId: MEMBER,
        data: {
          id: '1',
          name: 'pick',
          type: 1,
          options: [{ name: 'game', type: 3, value: 'ag', focused: true }],
        },
      });
      const res = (await t.interact(alpha, payload)).json();
      assert.equal(res.type, InteractionResponseType.ApplicationCommandAutocompleteResult);
      assert.deepEqual(data(res).choices, [{ name: 'Age of Empires IV', value: 'Age of Empires IV' }]);
    });

    it('defers a slow handler and follows up through the webhook', async () => {
      const payload = command('slow');
      const res = (await t.interact(alpha, payload)).json();
      assert.equal(res.type, InteractionResponseType.DeferredChannelMessageWithSource);
      await waitFor(
        () => t.standin.callsTo('PATCH', '/webhooks/:app/:token/messages/@original').length > 0,
        5000,
        'follow-up',
      );
      const edit = t.standin.callsTo('PATCH', '/webhooks/:app/:token/messages/@original')[0];
      assert.ok(edit);
      assert.equal((edit.body as Json).content, `slow done for ${MEMBER}`);
      assert.equal(
        edit.path,
        `/api/v10/webhooks/${alpha.id}/${(payload as { token: string }).token}/messages/@original`,
      );
      assert.equal(edit.status, 200);
    });

    it('pages with buttons that carry their page', async () => {
      const res = (await t.interact(alpha, command('pages'))).json();
      const row = (
        data(res).components as Array<{
          components: Array<{ custom_id: string; disabled: boolean; label: string }>;
        }>
      )[0];
      assert.equal(row?.components[0]?.disabled, true, 'no previous page on the first');
      assert.equal(row?.components[1]?.label, 'Page 1 of 3');
      const next = row?.components[2]?.custom_id as string;
      const press = t.standin.interaction({
        bot: alpha,
        type: InteractionType.MessageComponent,
        guildId: GA,
        channelId: CHANNEL_A,
        userId: MEMBER,
        data: { custom_id: next, component_type: 2 },
        message: { id: '840000000000000002' },
      });
      const second = (await t.interact(alpha, press)).json();
      assert.equal(second.type, InteractionResponseType.UpdateMessage);
      const row2 = (
        data(second).components as Array<{ components: Array<{ label: string; disabled: boolean }> }>
      )[0];
      assert.equal(row2?.components[1]?.label, 'Page 2 of 3');
      assert.equal(row2?.components[0]?.disabled, false);
    });
  });

  describe('subcommand groups', () => {
    const rulesAdd = (options: unknown[], extra: Json = {}) =>
      command('notify', [{ name: 'rules', type: 2, options: [{ name: 'add', type: 1, options }] }], MEMBER, {
        locale: 'en-US',
        ...extra,
      });

    it('runs a subcommand inside a group with its options, and one beside the group', async () => {
      const res = (
        await t.interact(
          alpha,
          rulesAdd([
            { name: 'minutes', type: 4, value: 30 },
            { name: 'game', type: 3, value: 'Valheim' },
          ]),
        )
      ).json();
      assert.equal(data(res).content, 'rule: 30 min before Valheim');
      assert.equal(data(res).flags, EPHEMERAL);
      const status = (
        await t.interact(alpha, command('notify', [{ name: 'status', type: 1, options: [] }]))
      ).json();
      assert.equal(data(status).content, 'nothing on');
      assert.deepEqual(calls, ['notify:rules add', 'notify:status']);
    });

    it('checks the options of the subcommand in the group, and the group’s and subcommand’s requirements', async () => {
      const text = async (payload: unknown) =>
        data((await t.interact(alpha, payload)).json()).content as string;
      assert.match(await text(rulesAdd([{ name: 'minutes', type: 4, value: 0 }])), /minutes/);
      assert.equal(await text(rulesAdd([])), '“minutes” is required.');
      // The group is guild-only: refused in DMs before its subcommand runs.
      const dm = t.standin.interaction({
        bot: alpha,
        type: InteractionType.ApplicationCommand,
        channelId: '820000000000000999',
        userId: MEMBER,
        locale: 'en-US',
        data: {
          id: '1',
          name: 'notify',
          type: 1,
          options: [{ name: 'rules', type: 2, options: [{ name: 'add', type: 1, options: [] }] }],
        },
      });
      assert.match(await text(dm), /only works in a server/);
      // `clear` needs an admin.
      const clear = (user: string) =>
        command(
          'notify',
          [{ name: 'rules', type: 2, options: [{ name: 'clear', type: 1, options: [] }] }],
          user,
          {
            locale: 'en-US',
          },
        );
      assert.doesNotMatch(await text(clear(MEMBER)), /cleared/);
      assert.equal(await text(clear(OWNER)), 'cleared');
      // A subcommand or group this build does not declare.
      assert.match(
        await text(
          command(
            'notify',
            [{ name: 'rules', type: 2, options: [{ name: 'purge', type: 1, options: [] }] }],
            MEMBER,
            {
              locale: 'en-US',
            },
          ),
        ),
        /not available/,
      );
      assert.match(
        await text(command('notify', [{ name: 'add', type: 1, options: [] }], MEMBER, { locale: 'en-US' })),
        /not available/,
      );
      assert.deepEqual(calls, ['notify:rules clear']);
    });

    it('routes autocomplete to the option of the subcommand in the group', async () => {
      const payload = t.standin.interaction({
        bot: alpha,
        type: InteractionType.ApplicationCommandAutocomplete,
        guildId: GA,
        channelId: CHANNEL_A,
        userId: MEMBER,
        data: {
          id: '1',
          name: 'notify',
          type: 1,
          options: [
            {
              name: 'rules',
              type: 2,
              options: [
                { name: 'add', type: 1, options: [{ name: 'game', type: 3, value: 'a', focused: true }] },
              ],
            },
          ],
        },
      });
      const res = (await t.interact(alpha, payload)).json();
      assert.equal(res.type, InteractionResponseType.ApplicationCommandAutocompleteResult);
      assert.deepEqual(
        (data(res).choices as Array<{ value: string }>).map((c) => c.value),
        ['Apex Legends', 'Age of Empires IV', 'Among Us'],
      );
      assert.deepEqual(calls, ['notify-autocomplete:rules add:a']);
    });
  });

  describe('bad input answers ephemerally', () => {
    const ephemeralText = async (payload: unknown) => {
      const res = (await t.interact(alpha, payload)).json();
      assert.equal(res.type, InteractionResponseType.ChannelMessageWithSource);
      assert.equal(data(res).flags, EPHEMERAL);
      return data(res).content as string;
    };
    const press = (customId: string) =>
      t.standin.interaction({
        bot: alpha,
        type: InteractionType.MessageComponent,
        guildId: GA,
        channelId: CHANNEL_A,
        userId: MEMBER,
        locale: 'en-GB',
        data: { custom_id: customId, component_type: 2 },
      });

    it('unknown and malformed custom ids, outdated and expired components', async () => {
      assert.match(await ephemeralText(press('somebody-else:thing')), /no longer works/);
      assert.match(await ephemeralText(press('testmod:nope:v1:-')), /no longer works/);
      assert.match(await ephemeralText(press('testmod:ping:v0:-:x')), /older version/);
      const expired = `testmod:ping:v1:${Math.floor(Date.now() / 1000 - 60).toString(36)}:x`;
      assert.match(await ephemeralText(press(expired)), /expired/);
      assert.deepEqual(calls, []);
    });

    it('options of the wrong type, out of range or missing', async () => {
      const pick = (options: unknown[]) => command('pick', options, MEMBER, { locale: 'en-US' });
      assert.equal(
        await ephemeralText(
          pick([
            { name: 'game', type: ApplicationCommandOptionType.String, value: 'x' },
            { name: 'count', type: 3, value: 'three' },
          ]),
        ),
        '“count” must be a whole number.',
      );
      assert.match(
        await ephemeralText(
          pick([
            { name: 'game', type: 3, value: 'x' },
            { name: 'count', type: 4, value: 11 },
          ]),
        ),
        /count/,
      );
      assert.match(await ephemeralText(pick([{ name: 'game', type: 3, value: 42 }])), /“game” must be text/);
      assert.equal(await ephemeralText(pick([])), '“game” is required.');
      assert.equal(
        await ephemeralText(command('nope', [], MEMBER, { locale: 'en-US' })).then((s) =>
          /not available/.test(s),
        ),
        true,
      );
      assert.deepEqual(calls, []);
    });

    it("a user error in the user's language, and a bug as a reference without details", async () => {
      assert.equal(await ephemeralText(command('fail', [], MEMBER, { locale: 'de' })), `Nein, ${MEMBER}.`);
      const text = await ephemeralText(command('boom', [], MEMBER, { locale: 'en-US' }));
      assert.match(text, /went wrong on our side/);
      assert.doesNotMatch(text, /a bug/);
    });
  });

  describe('a module the guild turned off', () => {
    const settings = () => t.runtime.core.settings;
    const turn = async (modules: string[]) => {
      const current = await settings().get(GB);
      await settings().put(
        GB,
        { ...current, enabledModules: modules },
        { userId: OTHER, via: 'session', scopes: 'all', guildId: undefined },
      );
    };
    const inB = (type: number, data: Json, locale = 'en-US') =>
      t.standin.interaction({
        bot: alpha,
        type,
        guildId: GB,
        channelId: CHANNEL_B,
        userId: MEMBER,
        locale,
        data,
      });
    const answer = async (payload: unknown) => (await t.interact(alpha, payload)).json();

    it('refuses its commands, buttons and forms ephemerally and suggests nothing, in the user’s language', async () => {
      assert.deepEqual((await settings().get(GB)).enabledModules, ['games', 'testmod'], 'on by default');
      await turn(['games']);
      const echo = await answer(
        inB(InteractionType.ApplicationCommand, {
          id: '1',
          name: 'echo',
          type: 1,
          options: [{ name: 'text', type: 3, value: 'hi' }],
        }),
      );
      assert.equal(data(echo).flags, EPHEMERAL);
      assert.equal(
        data(echo).content,
        'The “testmod” module is turned off on this server. An admin can turn it on in the dashboard’s server settings.',
      );
      const german = await answer(
        inB(InteractionType.ApplicationCommand, { id: '1', name: 'slow', type: 1 }, 'de'),
      );
      assert.match(String(data(german).content), /Das Modul „testmod“ ist auf diesem Server ausgeschaltet/);
      const button = await answer(
        inB(InteractionType.MessageComponent, { custom_id: 'testmod:ping:v1:-:x', component_type: 2 }),
      );
      assert.match(String(data(button).content), /turned off/);
      const form = await answer(
        inB(InteractionType.ModalSubmit, {
          custom_id: `testmod:feedback:v1:-:${MEMBER}`,
          components: [{ type: 1, components: [{ type: 4, custom_id: 'comment', value: 'x' }] }],
        }),
      );
      assert.match(String(data(form).content), /turned off/);
      const suggestions = await answer(
        inB(InteractionType.ApplicationCommandAutocomplete, {
          id: '1',
          name: 'pick',
          type: 1,
          options: [{ name: 'game', type: 3, value: 'a', focused: true }],
        }),
      );
      assert.equal(suggestions.type, InteractionResponseType.ApplicationCommandAutocompleteResult);
      assert.deepEqual(data(suggestions).choices, []);
      assert.deepEqual(calls, [], 'no handler ran');

      // Guild A keeps it; turned on again, guild B has it back.
      const inA = await answer(
        command('echo', [{ name: 'text', type: 3, value: 'a' }], MEMBER, { locale: 'en-US' }),
      );
      assert.equal(data(inA).content, 'You said: a');
      await turn(['games', 'testmod']);
      const back = await answer(
        inB(InteractionType.ApplicationCommand, {
          id: '1',
          name: 'echo',
          type: 1,
          options: [{ name: 'text', type: 3, value: 'b' }],
        }),
      );
      assert.equal(data(back).content, 'You said: b');
    });
  });

  describe('permissions (one policy for the API and the bot)', () => {
    it('lets the owner and MANAGE_GUILD holders run admin commands, and nobody else', async () => {
      const ok = (await t.interact(alpha, command('admin', [], OWNER))).json();
      assert.equal(data(ok).content, `admin ok in ${GA}`);
      const manager = (await t.interact(alpha, command('admin', [], ADMIN))).json();
      assert.equal(data(manager).content, `admin ok in ${GA}`);
      const member = (await t.interact(alpha, command('admin', [], MEMBER, { locale: 'en-US' }))).json();
      assert.match(data(member).content as string, /Only the server owner/);
      assert.equal(data(member).flags, EPHEMERAL);
    });

    it('grants capabilities through the configured roles', async () => {
      const host = (await t.interact(alpha, command('host', [], HOST))).json();
      assert.equal(data(host).content, `host ok in ${GA}`);
      const member = (await t.interact(alpha, command('host', [], MEMBER, { locale: 'de' }))).json();
      assert.equal(data(member).content, 'Dafür brauchst du die Rolle Gastgeber auf diesem Server.');
    });

    it('a member of guild A cannot act in guild B, whatever they are in A', async () => {
      const inB = (user: string) =>
        t.standin.interaction({
          bot: alpha,
          type: InteractionType.ApplicationCommand,
          guildId: GB,
          channelId: CHANNEL_B,
          userId: user,
          locale: 'en-US',
          data: { id: '1', name: 'admin', type: 1 },
        });
      // ADMIN manages guild A but is not even in B; MEMBER is in B without rights there.
      for (const user of [ADMIN, MEMBER, HOST]) {
        const res = (await t.interact(alpha, inB(user))).json();
        assert.equal(data(res).flags, EPHEMERAL);
        assert.doesNotMatch(String(data(res).content), /admin ok/);
      }
      const owner = (await t.interact(alpha, inB(OTHER))).json();
      assert.equal(data(owner).content, `admin ok in ${GB}`);
      assert.deepEqual(calls, [`admin:${GB}`]);
    });

    it('checks Discord permissions as Discord computed them for the interaction', async () => {
      const member = (await t.interact(alpha, command('purge', [], MEMBER, { locale: 'en-US' }))).json();
      assert.equal(data(member).content, 'You need the “Manage Messages” permission to do that.');
      const german = (await t.interact(alpha, command('purge', [], ADMIN, { locale: 'de' }))).json();
      assert.equal(data(german).content, 'Dafür brauchst du die Berechtigung „Nachrichten verwalten“.');
      const owner = (await t.interact(alpha, command('purge', [], OWNER))).json();
      assert.equal(data(owner).content, 'purged');
    });

    it('refuses guild-only commands in DMs', async () => {
      const dm = t.standin.interaction({
        bot: alpha,
        type: InteractionType.ApplicationCommand,
        channelId: '820000000000000999',
        userId: MEMBER,
        locale: 'en-US',
        data: { id: '1', name: 'admin', type: 1 },
      });
      const res = (await t.interact(alpha, dm)).json();
      assert.match(String(data(res).content), /only works in a server/);
    });
  });
});
