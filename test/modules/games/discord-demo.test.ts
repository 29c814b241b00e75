import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compose, type Runtime } from '#components/runtime.ts';
import { DEMO_CHANNELS, DEMO_GUILD, DEMO_USERS } from '#modules/core/demo.ts';
import type { Actor } from '#modules/games/types.ts';
import { loadConfig } from '#platform/config/load.ts';
import { run } from '#platform/db/statement.ts';
import { pgliteFactory, quietLog, type TestDatabase } from '#test/support/databases.ts';
import { until } from './discord-harness.ts';

const [ADA, HUGO, MIA] = DEMO_USERS.map((u) => u.id) as [string, string, string];
const actor = (userId: string): Actor => ({
  userId,
  principal: { userId, via: 'session', scopes: 'all', guildId: undefined },
  requestId: 'demo-test',
});

/**
 * The quick start as a newcomer sees it: no token, the demo guilds seeded, a guild admin turns on
 * the optional Discord features. The demo's bot may manage roles and open threads, so both work.
 */
describe('games’ optional Discord features in the demo', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let stop: Array<{ stop(): Promise<void> }> = [];
  before(async () => {
    database = await pgliteFactory.create();
    const config = loadConfig(
      { HOST: '127.0.0.1', GUILDHALL_DATA_DIR: database.dataDir ?? '/tmp/unused' },
      { envFile: false },
    );
    runtime = await compose(config, 'test', { db: database.db, log: quietLog, bus: { pollIntervalMs: 50 } });
    assert.equal(await runtime.core.seedDemo(), true);
    stop = [
      await runtime.bus.startRelay(),
      await runtime.bus.startConsumers((s) => s.name.includes('.games.')),
    ];
  });
  after(async () => {
    for (const s of stop) await s.stop();
    await runtime?.close();
    await database?.dispose();
  });

  it('creates the temporary role for the confirmed players', async () => {
    await runtime.games.putConfig(DEMO_GUILD, actor(ADA), {
      announcementChannelIds: [DEMO_CHANNELS.gameNight],
      tempRole: true,
      threadPerGame: true,
    });
    const game = await runtime.games.create(DEMO_GUILD, actor(HUGO), {
      title: 'Demo raid',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      maxPlayers: 4,
    });
    await runtime.games.join(DEMO_GUILD, MIA, game.id, { roleIds: [] });
    const roleId = await until('the role, held by Mia', async () => {
      const [row] = await runtime.db.withSystem((tx) =>
        run<{ role_id: string | null; holders: string[] | string }>(
          tx,
          `select a.role_id::text, a.role_member_ids::text[] as holders
             from games.discord_announcements a where a.game_id = $1::uuid`,
          [game.id],
        ),
      );
      const holders = typeof row?.holders === 'string' ? row.holders : (row?.holders ?? []).join(',');
      return row?.role_id && holders.includes(MIA) ? row.role_id : undefined;
    });
    const roles = await runtime.discord.primary.discord.getRoles(DEMO_GUILD);
    assert.equal(roles.find((r) => r.id === roleId)?.name, '🎲 Demo raid');
    const mia = await runtime.discord.primary.discord.getMember(DEMO_GUILD, MIA);
    assert.ok(mia?.roleIds.includes(roleId));
  });
});
