import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { type DiscordApp, startDiscordApp } from '../../support/discord-app.ts';
import { calls, testModule } from '../../support/discord-test-module.ts';

const GUILD = '880000000000000001';
const CHANNEL = '880000000000000002';
const USER = '880000000000000003';

describe('several bot identities in one process', () => {
  let t: DiscordApp;
  let alpha: DiscordApp['bots'][number];
  let beta: DiscordApp['bots'][number];
  before(async () => {
    t = await startDiscordApp({
      bots: [
        { name: 'alpha', id: '890000000000000001', modules: ['testmod'] },
        { name: 'beta', id: '890000000000000002', modules: ['other'] },
      ],
      modules: [testModule('testmod'), testModule('other', 'o-')],
    });
    [alpha, beta] = t.bots as [DiscordApp['bots'][number], DiscordApp['bots'][number]];
    const w = t.standin.world;
    w.addUser({ id: USER, username: 'user' });
    w.addGuild({
      id: GUILD,
      name: 'Both',
      ownerId: USER,
      roles: [{ id: GUILD, name: '@everyone', permissions: '19456' }],
    });
    w.addChannel({ id: CHANNEL, guildId: GUILD, name: 'general', type: 0 });
    w.addMember(GUILD, alpha.id).addMember(GUILD, beta.id).addMember(GUILD, USER);
  });
  after(async () => t?.close());

  const run = (bot: typeof alpha, name: string) =>
    t.standin.interaction({
      bot,
      type: InteractionType.ApplicationCommand,
      guildId: GUILD,
      channelId: CHANNEL,
      userId: USER,
      locale: 'en-US',
      data: { id: '1', name, type: 1, options: [{ name: 'text', type: 3, value: bot.name }] },
    });

  it('gives each identity its own interactions path, key and commands', async () => {
    calls.length = 0;
    const a = (await t.interact(alpha, run(alpha, 'echo'))).json();
    assert.equal((a.data as { content: string }).content, 'You said: alpha');
    const b = (await t.interact(beta, run(beta, 'o-echo'))).json();
    assert.equal((b.data as { content: string }).content, 'You said: beta');
    // Beta does not serve alpha's module…
    const notServed = (await t.interact(beta, run(beta, 'echo'))).json();
    assert.equal(notServed.type, InteractionResponseType.ChannelMessageWithSource);
    assert.match((notServed.data as { content: string }).content, /not available/);
    // …and alpha's key does not open beta's door.
    const wrongKey = await t.interact(beta, run(beta, 'o-echo'), { key: alpha.key });
    assert.equal(wrongKey.statusCode, 401);
    assert.deepEqual(calls, ['echo:alpha', 'echo:beta']);

    assert.deepEqual(
      t.runtime.discord
        .byName('alpha')
        ?.registry.applicationCommands()
        .map((c) => c.name),
      ['admin', 'boom', 'echo', 'fail', 'form', 'host', 'notify', 'pages', 'pick', 'purge', 'slow'],
    );
    assert.ok(
      t.runtime.discord
        .byName('beta')
        ?.registry.applicationCommands()
        .every((c) => c.name.startsWith('o-')),
    );
  });

  it('sends through the identity that serves the module, each with its own token and buckets', async () => {
    assert.equal(t.runtime.discord.forModule('testmod').name, 'alpha');
    assert.equal(t.runtime.discord.forModule('other').name, 'beta');
    assert.equal(
      t.runtime.discord.forModule('core').name,
      'alpha',
      'unnamed modules go to the primary identity',
    );
    await t.runtime.discord.forModule('testmod').discord.sendMessage(CHANNEL, { content: 'from alpha' });
    await t.runtime.discord.forModule('other').discord.sendMessage(CHANNEL, { content: 'from beta' });
    const posts = t.standin.callsTo('POST', '/channels/:channel/messages');
    assert.deepEqual(
      posts.map((p) => [p.bot, (p.body as { content: string }).content]),
      [
        ['alpha', 'from alpha'],
        ['beta', 'from beta'],
      ],
    );
    const authors = [...t.standin.world.messages.values()].map((m) => m.author.id);
    assert.deepEqual(authors, [alpha.id, beta.id]);
    const buckets = t.standin.limits.served.map((s) => s.bucket.split('|')[0]);
    assert.ok(buckets.includes('alpha') && buckets.includes('beta'), 'separate rate-limit buckets per token');
  });
});
