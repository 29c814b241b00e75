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

    const [second] = await registerCommands(t.runtime, {});
    assert.equal(second?.applied, false);
    assert.equal(second?.diff.unchanged.length, 11);
    assert.equal(t.standin.callsTo('PUT', '/applications/:app/commands').length, 1, 'no second overwrite');
    assert.match(describeResult(second as never, 'global', false).join('\n'), /up to date: 11 commands/);
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
    assert.equal(r?.diff.added.length, 11);
    assert.equal(t.standin.callsTo('PUT', '/applications/:app/guilds/:guild/commands').length, 1);
    await assert.rejects(registerCommands(t.runtime, { bot: 'nobody' }), /No bot identity "nobody"/);
  });
});
