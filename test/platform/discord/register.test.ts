import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeResult, registerCommands } from '../../../src/commands/discord.ts';
import { type DiscordApp, startDiscordApp } from '../../support/discord-app.ts';
import { testModule } from '../../support/discord-test-module.ts';

const GUILD = '940000000000000001';

describe('guildhall discord register', () => {
  let t: DiscordApp;
  before(async () => {
    t = await startDiscordApp({
      bots: [{ name: 'default', id: '950000000000000001' }],
      modules: [testModule()],
    });
    t.standin.world.addGuild({ id: GUILD, name: 'Dev', ownerId: '950000000000000001', roles: [] });
    t.standin.world.addMember(GUILD, '950000000000000001');
  });
  after(async () => t?.close());

  it('adds every command on the first run, with localizations, and changes nothing on the second', async () => {
    const [first] = await registerCommands(t.runtime, {});
    assert.equal(first?.applied, true);
    assert.deepEqual(first?.diff.added, [
      'admin',
      'boom',
      'echo',
      'fail',
      'form',
      'game',
      'host',
      'notify',
      'pages',
      'pick',
      'purge',
      'slow',
    ]);
    const sent = (t.standin.callsTo('PUT', '/applications/:app/commands')[0]?.body ?? []) as Array<
      Record<string, unknown>
    >;
    const echo = sent.find((c) => c.name === 'echo');
    assert.deepEqual(echo?.description_localizations, { de: 'Etwas wiederholen' });
    assert.deepEqual(echo?.name_localizations, { de: 'echo-de' });
    assert.deepEqual(echo?.contexts, [0, 1], 'usable in DMs as it requires nothing');
    const admin = sent.find((c) => c.name === 'admin');
    assert.deepEqual(admin?.contexts, [0], 'guild only');
    // A group (type 2) holds its subcommands (type 1), each with its options and localizations.
    const notify = sent.find((c) => c.name === 'notify') as { options: Array<Record<string, unknown>> };
    assert.deepEqual(
      notify.options.map((o) => [o.type, o.name]),
      [
        [1, 'status'],
        [2, 'rules'],
      ],
    );
    const rules = notify.options[1] as {
      name_localizations: unknown;
      options: Array<Record<string, unknown>>;
    };
    assert.deepEqual(rules.name_localizations, { de: 'regeln' });
    assert.deepEqual(
      rules.options.map((o) => [o.type, o.name, o.name_localizations]),
      [
        [1, 'add', { de: 'neu' }],
        [1, 'clear', {}],
      ],
    );
    const add = rules.options[0] as { options: Array<Record<string, unknown>> };
    assert.deepEqual(
      add.options.map((o) => [o.name, o.type, o.required, o.autocomplete]),
      [
        ['minutes', 4, true, undefined],
        ['game', 3, false, true],
      ],
    );
    assert.deepEqual((notify as Record<string, unknown>).contexts, [0, 1], '/notify status works in DMs');

    const [second] = await registerCommands(t.runtime, {});
    assert.equal(second?.applied, false);
    assert.equal(second?.diff.unchanged.length, 12);
    assert.equal(t.standin.callsTo('PUT', '/applications/:app/commands').length, 1, 'no second overwrite');
    assert.match(describeResult(second as never, 'global', false).join('\n'), /up to date: 12 commands/);
  });

  it('reports changed and removed commands, and dry runs change nothing', async () => {
    // Discord has an extra command and an outdated description.
    const current = t.standin.world.commands.get('950000000000000001:global') ?? [];
    t.standin.world.commands.set('950000000000000001:global', [
      ...current.map((c) => (c.name === 'slow' ? { ...c, description: 'old text' } : c)),
      { ...(current[0] as (typeof current)[number]), name: 'retired', id: '1' },
    ]);
    const [dry] = await registerCommands(t.runtime, { dryRun: true });
    assert.deepEqual(dry?.diff.changed, [{ name: 'slow', fields: ['description'] }]);
    assert.deepEqual(dry?.diff.removed, ['retired']);
    assert.equal(t.standin.callsTo('PUT', '/applications/:app/commands').length, 1);
    const lines = describeResult(dry as never, 'global', true).join('\n');
    assert.match(lines, /~ \/slow {2}\(description\)/);
    assert.match(lines, /- \/retired/);
    assert.match(lines, /would change 2/);
    await registerCommands(t.runtime, {});
    assert.deepEqual(
      (t.standin.world.commands.get('950000000000000001:global') ?? [])
        .map((c) => c.name)
        .includes('retired'),
      false,
    );
  });

  it('registers per guild, and refuses unknown identities', async () => {
    const [r] = await registerCommands(t.runtime, { guildId: GUILD });
    assert.equal(r?.diff.added.length, 12);
    assert.equal(t.standin.callsTo('PUT', '/applications/:app/guilds/:guild/commands').length, 1);
    await assert.rejects(registerCommands(t.runtime, { bot: 'nobody' }), /No bot identity "nobody"/);
  });
});
