import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRestDiscord } from '#platform/discord/rest.ts';
import { quietLog } from '../../support/databases.ts';
import { DiscordStandin } from '../../support/discord-standin/server.ts';
import { TEST_BOT } from '../../support/discord-worlds.ts';

const GUILD = '850000000000000001';
const CHANNELS = Array.from({ length: 10 }, (_, i) => `8500000000000001${String(i).padStart(2, '0')}`);
const MESSAGE_LIMIT = { limit: 5, windowMs: 250 };
const GLOBAL_LIMIT = { limit: 25, windowMs: 100 };

describe('rate limits: 500 messages through the REST port', () => {
  let standin: DiscordStandin;
  before(async () => {
    standin = await new DiscordStandin({
      bots: [TEST_BOT],
      routeLimit: (key) =>
        key.startsWith('POST /channels/:id/messages') ? MESSAGE_LIMIT : { limit: 50, windowMs: 1000 },
      globalLimit: GLOBAL_LIMIT,
    }).start();
    const w = standin.world;
    w.addGuild({
      id: GUILD,
      name: 'Busy',
      ownerId: TEST_BOT.id,
      roles: [{ id: GUILD, name: '@everyone', permissions: '19456' }],
    });
    w.addMember(GUILD, TEST_BOT.id);
    for (const id of CHANNELS) w.addChannel({ id, guildId: GUILD, name: id, type: 0 });
  });
  after(async () => standin?.stop());

  it('delivers every message once, never serves past a limit, and retries every 429', async () => {
    // Two replicas with the same token: each keeps its own view of the shared buckets, so the
    // stand-in's 429s are certain, and the client must retry them. Both also allow themselves
    // more global requests than the stand-in grants (250/s against 200/s).
    const replicas = [1, 2].map(() =>
      createRestDiscord({
        identity: TEST_BOT.name,
        token: TEST_BOT.token,
        applicationId: TEST_BOT.id,
        apiUrl: standin.apiUrl,
        log: quietLog,
        globalRequestsPerSecond: 250,
      }),
    );
    // Besides the windows, Discord pushes back unannounced now and then (shared or hidden limits).
    standin.limits.forceRateLimits(3, true);
    standin.limits.forceRateLimits(3, false);
    const sends = Array.from({ length: 500 }, (_, i) => {
      const port = replicas[i % 2] as (typeof replicas)[number];
      return port.sendMessage(CHANNELS[Math.floor(i / 2) % CHANNELS.length] as string, {
        content: `message ${i}`,
      });
    });
    const sent = await Promise.all(sends);

    assert.equal(new Set(sent.map((m) => m.id)).size, 500, 'every send got its own message');
    const stored = [...standin.world.messages.values()].map((m) => m.content).sort();
    assert.deepEqual(
      stored,
      Array.from({ length: 500 }, (_, i) => `message ${i}`).sort(),
      'each message exactly once',
    );

    const posts = standin.callsTo('POST', '/channels/:channel/messages');
    const rejected = posts.filter((c) => c.status === 429);
    assert.equal(posts.length, 500 + rejected.length, 'every 429 was retried, and nothing else was repeated');
    assert.ok(rejected.length >= 6, 'the stand-in did push back (otherwise this test proves nothing)');
    assert.ok(posts.every((c) => c.status === 200 || c.status === 429));

    for (const [bucket, max] of standin.limits.maxServedPerWindow()) {
      const limit = bucket.endsWith('|global') ? GLOBAL_LIMIT.limit : MESSAGE_LIMIT.limit;
      assert.ok(max <= limit, `${bucket} served ${max} in one window (limit ${limit})`);
    }
    const kinds = new Set(standin.limits.rejected.map((r) => (r.global ? 'global' : 'route')));
    assert.deepEqual([...kinds].sort(), ['global', 'route']);
    if (process.env.TEST_VERBOSE) console.warn({ rejected: rejected.length, kinds: [...kinds] });
  });

  it('maps Discord errors to stable codes through the real client', async () => {
    const port = createRestDiscord({
      identity: 'stranger',
      token: 'not-a-known-token',
      applicationId: TEST_BOT.id,
      apiUrl: standin.apiUrl,
      log: quietLog,
    });
    await assert.rejects(port.sendMessage(CHANNELS[0] as string, { content: 'x' }), {
      code: 'DISCORD_UNAUTHORIZED',
    });
    const down = createRestDiscord({
      identity: 'down',
      token: TEST_BOT.token,
      applicationId: TEST_BOT.id,
      apiUrl: 'http://127.0.0.1:9/api',
      log: quietLog,
      timeoutMs: 500,
    });
    await assert.rejects(down.getChannel(CHANNELS[0] as string), { code: 'DISCORD_UNAVAILABLE' });
  });
});
