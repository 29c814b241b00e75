import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '#platform/db/database.ts';
import { sandboxWithin } from '#platform/discord/log.ts';
import { PermissionBits } from '#platform/discord/permissions.ts';
import { pgliteFactory } from '#test/support/databases.ts';
import { logWorld } from '#test/support/discord-worlds.ts';
import type { DiscordWorld } from '../../contracts/discord.ts';

const G = '840000000000000001';
const CHANNEL = '840000000000000020';

/**
 * Consumers talk to Discord while holding their transaction. On PGlite (one connection) the
 * sandbox's own transaction would wait for it forever; inside `sandboxWithin` it joins it.
 */
describe('the sandbox inside a consumer’s transaction (PGlite)', () => {
  let world: DiscordWorld;
  let db: Database;
  before(async () => {
    const created = await logWorld({
      kind: 'pglite',
      async create(options) {
        const t = await pgliteFactory.create(options);
        db = t.db;
        return t;
      },
    }).create();
    world = created;
    await world.seed({
      guild: { id: G, name: 'G', ownerId: '840000000000000030' },
      roles: [
        {
          id: G,
          name: '@everyone',
          permissions: (
            PermissionBits.VIEW_CHANNEL |
            PermissionBits.SEND_MESSAGES |
            PermissionBits.EMBED_LINKS
          ).toString(),
        },
      ],
      channels: [{ id: CHANNEL, name: 'games' }],
      users: [{ id: '840000000000000030', username: 'owner' }],
      members: [{ userId: world.botId, roleIds: [] }],
    });
  });
  after(async () => world?.dispose());

  it('posts from within a transaction, and the post rolls back with it', async () => {
    const sent = await db.withSystem((tx) =>
      sandboxWithin(tx, () => world.port.sendMessage(CHANNEL, { content: 'inside' })),
    );
    assert.equal((await world.port.getMessage(CHANNEL, sent.id)).content, 'inside');
    let lost = '';
    await assert.rejects(
      db.withSystem((tx) =>
        sandboxWithin(tx, async () => {
          lost = (await world.port.sendMessage(CHANNEL, { content: 'lost' })).id;
          throw new Error('rolled back');
        }),
      ),
      /rolled back/,
    );
    await assert.rejects(world.port.getMessage(CHANNEL, lost), /Unknown Message/);
  });
});
