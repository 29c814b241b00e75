import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import { DEMO_CHANNELS, DEMO_GUILD, DEMO_GUILD_B, DEMO_USERS } from '#modules/core/demo.ts';
import { loadConfig } from '#platform/config/load.ts';
import type { HttpApp } from '#platform/http/types.ts';
import type { Module } from '#platform/module.ts';
import { pgliteFactory, quietLog, type TestDatabase } from '../../support/databases.ts';

const [ADA, HUGO, MIA, , LENA] = DEMO_USERS.map((u) => u.id) as [string, string, string, string, string];

/** A command whose options Discord would send with their declared types: a member and a fraction. */
const typed: Module = {
  name: 'typed',
  discord: {
    messages: {
      en: {
        typed: {
          give: {
            description: 'Give someone points',
            options: { to: { description: 'Who' }, points: { description: 'How many' } },
          },
        },
      },
      de: { typed: { give: { description: 'Punkte vergeben' } } },
    },
    commands: [
      {
        name: 'give',
        key: 'typed.give',
        options: { to: { type: 'user', required: true }, points: { type: 'number', minValue: 0 } },
        async handler(ctx) {
          return { content: `gave ${ctx.options.points} to <@${ctx.options.to}>` };
        },
      },
    ],
  },
};

/**
 * What the dashboard's sandbox panel needs beyond sending interactions: the demo's welcome
 * message and /whoami, acting as another demo person, the names a Discord client shows, and the
 * command list with the declared option types.
 */
describe('the sandbox as the dashboard uses it', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let app: HttpApp;
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  before(async () => {
    database = await pgliteFactory.create();
    runtime = await compose(loadConfig({ HOST: '127.0.0.1' }, { envFile: false }), 'test', {
      db: database.db,
      log: quietLog,
      extraModules: [typed],
    });
    await runtime.core.seedDemo();
    await runtime.core.seedDemo(); // idempotent: still one welcome message
    app = await buildApi(runtime);
    for (const id of [ADA, MIA]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { userId: id } });
      sessions.set(id, {
        cookie: res.cookies.find((c) => c.name === 'guildhall_session')?.value as string,
        csrf: res.json().csrfToken,
      });
    }
  });
  after(async () => {
    await app?.close();
    await runtime?.close();
    await database?.dispose();
  });

  const as = (userId: string) => {
    const s = sessions.get(userId) as { cookie: string; csrf: string };
    return { cookies: { guildhall_session: s.cookie }, headers: { 'x-csrf-token': s.csrf } };
  };
  const get = (userId: string, url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, ...as(userId), headers: { ...as(userId).headers, ...headers } });
  const press = (userId: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/sandbox/interactions', payload, ...as(userId) });

  it('says whether a request is signed in and how one signs in, without a 401', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/auth/status' });
    assert.equal(anonymous.statusCode, 200);
    assert.deepEqual(anonymous.json(), { signedIn: false, discord: false, demo: true });
    const signedIn = await get(ADA, '/api/v1/auth/status');
    assert.equal(signedIn.json().signedIn, true);
    const stale = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/status',
      cookies: { guildhall_session: 'not-a-session' },
    });
    assert.equal(stale.statusCode, 200);
    assert.equal(stale.json().signedIn, false);
  });

  it('posts the welcome message once, and its button answers each person with their own roles', async () => {
    const list = (await get(ADA, `/api/v1/sandbox/messages?channelId=${DEMO_CHANNELS.general}`)).json()
      .messages as Array<{ id: string; embeds: Array<{ title: string }>; components: unknown[] }>;
    const welcome = list.filter((m) => m.embeds[0]?.title === 'Welcome to the Guildhall sandbox');
    assert.equal(welcome.length, 1);
    const button = JSON.stringify(welcome[0]?.components).match(/"custom_id":"(core:whoami[^"]*)"/)?.[1];
    assert.ok(button, 'the welcome message has the Who am I? button');

    const asAda = await press(ADA, { type: 'component', messageId: welcome[0]?.id, customId: button });
    assert.equal(asAda.statusCode, 200, asAda.body);
    assert.equal(asAda.json().response.data.flags, 64, 'only the presser sees the answer');
    assert.match(JSON.stringify(asAda.json().response.data.embeds), /Ada \(owner\) in Demo Guild.*"yes"/);

    // Ada's session, acting as Hugo: Hugo's host role, no admin rights.
    const asHugo = await press(ADA, {
      type: 'component',
      messageId: welcome[0]?.id,
      customId: button,
      actAs: HUGO,
    });
    assert.equal(asHugo.statusCode, 200, asHugo.body);
    const embed = asHugo.json().response.data.embeds[0];
    assert.equal(embed.title, 'Hugo (host) in Demo Guild');
    assert.deepEqual(
      embed.fields.map((f: { value: string }) => f.value),
      ['<@&900000000000000101>', 'no', 'host'],
    );

    // Hugo's ephemeral answer is his: listed acting as Hugo, not for Ada herself.
    const hugoSees = (await get(ADA, `/api/v1/sandbox/messages?actAs=${HUGO}`)).json().messages;
    const adaSees = (await get(ADA, '/api/v1/sandbox/messages')).json().messages;
    const hugoAnswer = (m: { embeds: Array<{ title?: string }> }) =>
      m.embeds[0]?.title === 'Hugo (host) in Demo Guild';
    assert.equal(hugoSees.filter(hugoAnswer).length, 1);
    assert.equal(adaSees.filter(hugoAnswer).length, 0);
  });

  it('opens a form from the welcome message whose greeting everyone sees', async () => {
    const list = (await get(MIA, `/api/v1/sandbox/messages?channelId=${DEMO_CHANNELS.general}`)).json()
      .messages as Array<{ id: string; components: unknown[] }>;
    const welcome = list.find((m) => JSON.stringify(m.components).includes('core:hello'));
    const button = JSON.stringify(welcome?.components).match(/"custom_id":"(core:hello[^"]*)"/)?.[1];
    const opened = await press(MIA, { type: 'component', messageId: welcome?.id, customId: button });
    assert.equal(opened.json().response.type, 9, 'a modal');
    const form = opened.json().response.data;
    assert.equal(form.title, 'Say hello');
    const field = form.components[0].components[0].custom_id;

    const sent = await press(MIA, {
      type: 'modal',
      channelId: DEMO_CHANNELS.general,
      messageId: welcome?.id,
      customId: form.custom_id,
      fields: { [field]: ' Anyone for Valheim tonight? ' },
    });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().response.type, 4);
    const greeting = `<@${MIA}> says: Anyone for Valheim tonight?`;
    assert.equal(sent.json().response.data.content, greeting);
    const adaSees = (await get(ADA, `/api/v1/sandbox/messages?channelId=${DEMO_CHANNELS.general}`)).json()
      .messages;
    assert.ok(
      adaSees.some((m: { content: string }) => m.content === greeting),
      'a greeting everyone sees',
    );
  });

  it('lists the channels, guilds, roles and people of the person acted as', async () => {
    const mine = (await get(ADA, '/api/v1/sandbox/channels')).json();
    assert.deepEqual(
      mine.guilds.map((g: { name: string }) => g.name),
      ['Demo Guild'],
    );
    assert.ok(mine.guilds[0].roles.some((r: { name: string }) => r.name === 'Host'));
    assert.ok(mine.people.some((p: { id: string; bot: boolean }) => p.id === LENA && !p.bot));
    assert.ok(
      mine.people.some((p: { bot: boolean }) => p.bot),
      'the bot, to name its messages',
    );

    const mias = (await get(ADA, `/api/v1/sandbox/channels?actAs=${MIA}`)).json();
    assert.deepEqual(mias.guilds.map((g: { id: string }) => g.id).sort(), [DEMO_GUILD, DEMO_GUILD_B].sort());
    assert.ok(mias.channels.some((c: { id: string }) => c.id === DEMO_CHANNELS.raids));

    const bot = mine.people.find((p: { bot: boolean }) => p.bot);
    for (const bad of [bot.id, '123456789012345678']) {
      const res = await get(ADA, `/api/v1/sandbox/channels?actAs=${bad}`);
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'SANDBOX_UNKNOWN_PERSON');
      assert.equal(res.json().errors[0].pointer, '/query/actAs');
    }
  });

  it('lists the commands in the reader’s language and sends options with their declared types', async () => {
    const en = (await get(ADA, '/api/v1/sandbox/commands')).json().commands;
    const give = en.find((c: { name: string }) => c.name === 'give');
    assert.deepEqual(give, {
      name: 'give',
      description: 'Give someone points',
      options: [
        {
          name: 'to',
          description: 'Who',
          type: 'user',
          required: true,
          choices: [],
          autocomplete: false,
        },
        {
          name: 'points',
          description: 'How many',
          type: 'number',
          required: false,
          choices: [],
          minValue: 0,
          autocomplete: false,
        },
      ],
      subcommands: [],
    });
    assert.ok(en.some((c: { name: string }) => c.name === 'whoami'));
    const de = (await get(ADA, '/api/v1/sandbox/commands', { 'accept-language': 'de-DE' })).json().commands;
    assert.equal(de.find((c: { name: string }) => c.name === 'give').description, 'Punkte vergeben');

    // A member's id is a string and 2 is a whole number, yet Discord would say "user" and "number".
    const res = await press(ADA, {
      type: 'command',
      channelId: DEMO_CHANNELS.general,
      name: 'give',
      options: { to: MIA, points: 2 },
      actAs: HUGO,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().response.data.content, `gave 2 to <@${MIA}>`);
    // A group's subcommands are listed flat ("reminders off") and run nested, as Discord sends them.
    const game = en.find((c: { name: string }) => c.name === 'game') as {
      subcommands: Array<{ name: string; options: Array<{ name: string }> }>;
    };
    assert.deepEqual(
      game.subcommands.filter((s) => s.name.startsWith('reminders')).map((s) => s.name),
      ['reminders off', 'reminders on', 'reminders lead'],
    );
    const lead = await press(ADA, {
      type: 'command',
      channelId: DEMO_CHANNELS.general,
      name: 'game',
      subcommand: 'reminders lead',
      options: { time: '2h' },
      actAs: HUGO,
    });
    assert.equal(lead.statusCode, 200, lead.body);
    assert.equal(lead.json().response.data.content, 'You will be reminded 2h before your games.');
  });

  it('lists a guild’s roles and the modules a guild can enable', async () => {
    const roles = await get(ADA, `/api/v1/guilds/${DEMO_GUILD}/roles`);
    assert.equal(roles.statusCode, 200);
    const list = roles.json().roles as Array<{ name: string; everyone: boolean; position: number }>;
    assert.deepEqual(
      list.map((r) => r.name),
      ['Guildhall', 'Moderator', 'Host', '@everyone'],
      'highest first',
    );
    assert.deepEqual(
      list.filter((r) => r.everyone).map((r) => r.name),
      ['@everyone'],
    );
    // Ada is not in Demo Raiders: its roles are as hidden as the guild itself.
    assert.equal((await get(ADA, `/api/v1/guilds/${DEMO_GUILD_B}/roles`)).statusCode, 404);

    const modules = await get(ADA, '/api/v1/modules');
    assert.deepEqual(modules.json(), { modules: [{ name: 'games' }, { name: 'typed' }] });
  });
});
