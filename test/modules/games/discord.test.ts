import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { syncAnnouncement } from '#modules/games/discord/sync.ts';
import { run } from '#platform/db/statement.ts';
import { postgresFactory } from '#test/support/databases.ts';
import { skipWithoutServices } from '#test/support/services.ts';
import {
  buttonIds,
  embedOf,
  fieldOf,
  G,
  GAMES_CHANNEL,
  type GamesDiscordWorld,
  HOST,
  type Interacted,
  p,
  startGamesDiscord,
  until,
} from './discord-harness.ts';

const EPHEMERAL = 64;
const data = (r: Interacted) => r.body.data as { content?: string; flags?: number; components?: unknown[] };
const isEphemeral = (r: Interacted) => ((data(r).flags ?? 0) & EPHEMERAL) !== 0;
const inDays = (days: number, hour = 20) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe('games on Discord, end to end (signed interactions, stand-in, embedded bus)', {
  skip: skipWithoutServices(),
}, () => {
  let w: GamesDiscordWorld;
  before(async () => {
    w = await startGamesDiscord(postgresFactory);
  });
  after(async () => w?.close());

  const announcementOf = (gameId: string) =>
    w.channelMessages().find((m) => embedOf(m)?.footer?.text?.includes(gameId));
  const gameState = async (gameId: string) =>
    (await w.api('GET', `/api/v1/guilds/${G}/games/${gameId}`, HOST)).body;
  const createViaApi = async (input: Record<string, unknown>) => {
    const r = await w.api('POST', `/api/v1/guilds/${G}/games`, HOST, input);
    assert.equal(r.statusCode, 201, JSON.stringify(r.body));
    return r.body as { id: string; title: string };
  };
  const count = async (table: string) => {
    const [row] = await w.runtime.db.withSystem((tx) =>
      run<{ n: number }>(tx, `select count(*)::int as n from ${table}`),
    );
    return row?.n ?? 0;
  };

  let gameId = '';
  let messageId = '';

  it('/game create: a form, the time read in the guild’s zone and echoed as <t:…> for confirmation, then the announcement', async () => {
    const opened = await w.command(HOST, 'create');
    assert.equal(opened.body.type, 9, 'a modal');
    const modal = opened.body.data as { custom_id: string; components: unknown[] };
    assert.equal(modal.components.length, 5);

    const asked = await w.submitModal(HOST, modal.custom_id, {
      title: 'Friday raid',
      when: 'friday 8pm',
      duration: '120',
      maxPlayers: '2',
      description: 'Bring snacks.',
    });
    assert.equal(asked.body.type, 4);
    assert.ok(isEphemeral(asked));
    const echoed = /<t:(\d+):F>/.exec(data(asked).content ?? '');
    assert.ok(echoed, data(asked).content ?? 'no content');
    const at = new Date(Number(echoed[1]) * 1000);
    assert.equal(at.getUTCDay(), 5, 'a Friday');
    assert.equal(at.getUTCHours(), 20, '8pm in the guild’s zone (UTC)');
    assert.equal(await count('games.games'), 0, 'nothing created before Confirm');
    const [confirm, cancel] = buttonIds(data(asked) as never);
    assert.ok(confirm && cancel);

    const done = await w.press(HOST, confirm, '830000000000000500');
    assert.equal(done.body.type, 7, 'the confirmation message is updated');
    assert.match(data(done).content ?? '', /Created “Friday raid”/);
    assert.deepEqual(data(done).components, []);
    const again = await w.press(HOST, confirm, '830000000000000500');
    assert.match(data(again).content ?? '', /draft is gone/, 'a second press creates nothing');

    const posted = await until('the announcement', () => w.channelMessages()[0]);
    const e = embedOf(posted);
    assert.equal(e?.title, 'Friday raid');
    assert.equal(e?.description, 'Bring snacks.');
    assert.equal(fieldOf(posted, 'When'), `<t:${echoed[1]}:F> (<t:${echoed[1]}:R>)`);
    assert.equal(fieldOf(posted, 'Duration'), '2 h');
    assert.equal(fieldOf(posted, 'Host'), `<@${HOST}>`);
    assert.equal(fieldOf(posted, 'Players'), '0/2');
    assert.equal(buttonIds(posted).length, 3);
    gameId = (/Game ([0-9a-f-]{36})/.exec(e?.footer?.text ?? '') ?? [])[1] ?? '';
    messageId = posted.id;
    assert.equal(await count('games.games'), 1);
    const game = await until('the message id on the game', async () => {
      const g = await gameState(gameId);
      return g.announcementMessageId === messageId ? g : undefined;
    });
    assert.equal(game.startsAt, at.toISOString());
  });

  it('joins past capacity go to the waitlist, shown on the announcement; joining twice is refused and changes nothing', async () => {
    const [join] = buttonIds(w.channelMessages()[0]);
    assert.ok(join);
    const first = await w.press(p(1), join, messageId);
    assert.ok(isEphemeral(first));
    assert.match(data(first).content ?? '', /You are in: “Friday raid”/);
    await w.press(p(2), join, messageId);
    const third = await w.press(p(3), join, messageId);
    assert.match(data(third).content ?? '', /Warteliste von „Friday raid“/, 'in the clicker’s language');
    assert.match(data(third).content ?? '', /Nummer 1/);

    const shown = await until('the waitlist on the announcement', () => {
      const m = announcementOf(gameId);
      return fieldOf(m, 'Waitlist')?.includes(p(3)) ? m : undefined;
    });
    assert.equal(fieldOf(shown, 'Players'), '2/2');
    assert.equal(fieldOf(shown, 'Signed up'), `1. <@${p(1)}>\n2. <@${p(2)}>`);
    assert.equal(shown.id, messageId, 'edited in place');

    const twice = await w.press(p(1), join, messageId);
    assert.ok(isEphemeral(twice));
    assert.match(data(twice).content ?? '', /already signed up/);
    const game = await gameState(gameId);
    assert.equal((game.participants as unknown[]).length, 3);
  });

  it('leaving promotes the first waitlisted player, who gets a DM in their language', async () => {
    const [, leave] = buttonIds(announcementOf(gameId));
    assert.ok(leave);
    const left = await w.press(p(1), leave, messageId);
    assert.match(data(left).content ?? '', /You left “Friday raid”/);
    const dm = await until('the promotion DM', () => w.dms(p(3)).at(-1));
    assert.match(dm.content, /Ein Platz ist frei geworden/);
    assert.match(dm.content, /Friday raid/);
    assert.match(dm.content, /<t:\d+:F>/);
    const shown = await until('the promotion on the announcement', () => {
      const m = announcementOf(gameId);
      return fieldOf(m, 'Waitlist') === undefined && fieldOf(m, 'Signed up')?.includes(p(3)) ? m : undefined;
    });
    assert.equal(fieldOf(shown, 'Players'), '2/2');
    assert.equal(w.dms(p(3)).length, 1, 'one DM, not one per delivery');
  });

  it('a member who does not host cannot cancel: an ephemeral answer, nothing changed', async () => {
    const r = await w.command(p(2), 'cancel', [{ name: 'game', type: 3, value: gameId }]);
    assert.ok(isEphemeral(r));
    assert.match(data(r).content ?? '', /Only the host/);
    assert.equal((await gameState(gameId)).status, 'SCHEDULED');
  });

  it('autocompletes the host’s games for /game cancel', async () => {
    const r = await w.interact(HOST, 4, {
      id: '1',
      name: 'game',
      type: 1,
      options: [
        { type: 1, name: 'cancel', options: [{ type: 3, name: 'game', value: 'fri', focused: true }] },
      ],
    });
    const choices = (r.body.data as { choices: Array<{ name: string; value: string }> }).choices;
    assert.deepEqual(
      choices.map((c) => c.value),
      [gameId],
    );
    assert.match(choices[0]?.name ?? '', /Friday raid/);
  });

  it('/game list and /game mine show the game', async () => {
    const list = await w.command(p(2), 'list');
    const embeds = (list.body.data as { embeds: Array<{ description: string }> }).embeds;
    assert.match(embeds[0]?.description ?? '', /Friday raid.*\(2\/2\)/);
    const mine = await w.command(p(2), 'mine');
    assert.match(
      (mine.body.data as { embeds: Array<{ description: string }> }).embeds[0]?.description ?? '',
      /Friday raid.*signed up/,
    );
  });

  it('cancelling marks the announcement cancelled and DMs the players', async () => {
    const r = await w.command(HOST, 'cancel', [
      { name: 'game', type: 3, value: gameId },
      { name: 'reason', type: 3, value: 'half the party has the flu' },
    ]);
    assert.ok(isEphemeral(r));
    assert.match(data(r).content ?? '', /is cancelled/);
    const shown = await until('the cancelled look', () => {
      const m = announcementOf(gameId);
      return embedOf(m)?.title?.startsWith('❌') ? m : undefined;
    });
    assert.equal(embedOf(shown)?.title, '❌ Cancelled: Friday raid');
    assert.deepEqual(shown.components, [], 'no more buttons');
    const dm2 = await until('p2’s DM', () => w.dms(p(2)).at(-1));
    assert.match(dm2.content, /was cancelled by the host: half the party has the flu/);
    const dm3 = await until('p3’s DM', () => (w.dms(p(3)).length === 2 ? w.dms(p(3)).at(-1) : undefined));
    assert.match(dm3.content, /abgesagt/);
    assert.equal(w.dms(p(1)).length, 0, 'who left is not told');
    assert.equal(w.dms(HOST).length, 0, 'the host cancelled it themselves');
  });

  it('an announcement deleted in Discord is posted again and the new id kept', async () => {
    const game = await createViaApi({ title: 'Board games', startsAt: inDays(3), maxPlayers: 4 });
    const first = await until('the announcement', () => announcementOf(game.id));
    const stored = w.standin.world.messages.get(first.id);
    assert.ok(stored);
    stored.deleted = true;
    const joined = await w.api('POST', `/api/v1/guilds/${G}/games/${game.id}/join`, p(4), {});
    assert.ok(joined.statusCode < 300, JSON.stringify(joined.body));
    const again = await until('the repost', () => {
      const m = announcementOf(game.id);
      return m && m.id !== first.id ? m : undefined;
    });
    assert.equal(fieldOf(again, 'Signed up'), `1. <@${p(4)}>`);
    // Discord has the new message a moment before the consumer's commit records it.
    const row = await until('the new id stored', async () => {
      const [r] = await w.runtime.db.withSystem((tx) =>
        run<{ message_id: string; reposts: number }>(
          tx,
          `select message_id::text, reposts from games.discord_announcements where game_id = $1::uuid`,
          [game.id],
        ),
      );
      return r?.message_id === again.id ? r : undefined;
    });
    assert.deepEqual(row, { message_id: again.id, reposts: 1 });
    assert.equal((await gameState(game.id)).announcementMessageId, again.id);
  });

  it('a crash between posting and the commit does not post twice (message nonce)', async () => {
    // Posted later (postAt), so no consumer posts it meanwhile; then "the worker" posts it and
    // dies before its commit, and the redelivery posts again.
    const postAt = inDays(2, 12);
    const game = await createViaApi({ title: 'Nonce night', startsAt: inDays(5), postAt });
    const deps = {
      discord: () => w.runtime.discord.forModule('games').discord,
      i18n: w.runtime.i18n,
      now: () => new Date(Date.parse(postAt) + 60_000),
    };
    const posts = () => w.standin.callsTo('POST', '/channels/:channel/messages').length;
    const before = posts();
    await assert.rejects(
      w.runtime.db.withSystem(async (tx) => {
        const synced = await syncAnnouncement(deps, tx, w.runtime.log, game.id);
        assert.equal(synced.outcome, 'posted');
        throw new Error('the worker died before its commit');
      }),
      /died/,
    );
    const synced = await w.runtime.db.withSystem((tx) => syncAnnouncement(deps, tx, w.runtime.log, game.id));
    assert.equal(synced.outcome, 'posted');
    assert.equal(posts() - before, 2, 'Discord was asked twice');
    const messages = w.channelMessages().filter((m) => embedOf(m)?.title === 'Nonce night');
    assert.equal(messages.length, 1, 'but posted once');
    assert.equal(synced.row?.message_id, messages[0]?.id);

    // Nothing changed since: the next delivery sends nothing at all.
    const patches = w.standin.callsTo('PATCH', '/channels/:channel/messages/:message').length;
    const unchanged = await w.runtime.db.withSystem((tx) =>
      syncAnnouncement(deps, tx, w.runtime.log, game.id),
    );
    assert.equal(unchanged.outcome, 'unchanged');
    assert.equal(w.standin.callsTo('PATCH', '/channels/:channel/messages/:message').length, patches);
  });

  it('a time it cannot read, or one in the past, is answered ephemerally and creates nothing', async () => {
    const games = await count('games.games');
    const opened = await w.command(HOST, 'create');
    const modal = opened.body.data as { custom_id: string };
    const unreadable = await w.submitModal(HOST, modal.custom_id, { title: 'X', when: 'when pigs fly' });
    assert.ok(isEphemeral(unreadable));
    assert.match(data(unreadable).content ?? '', /could not read “when pigs fly” as a time/);
    const past = await w.submitModal(HOST, modal.custom_id, { title: 'X', when: '2020-01-01 20:00' });
    assert.ok(isEphemeral(past));
    assert.match(data(past).content ?? '', /in the past/);
    const badNumber = await w.submitModal(HOST, modal.custom_id, {
      title: 'X',
      when: 'tomorrow 8pm',
      maxPlayers: 'lots',
    });
    assert.match(data(badNumber).content ?? '', /whole number between 1 and 1000/);
    assert.equal(data(badNumber).components, undefined, 'no Confirm button');
    assert.equal(await count('games.games'), games);
    assert.equal(await count('games.discord_drafts'), 0);
  });

  it('/game reminders off and lead time answer ephemerally', async () => {
    const off = await w.command(p(2), 'reminders', [{ name: 'mode', type: 3, value: 'off' }]);
    assert.ok(isEphemeral(off));
    assert.match(data(off).content ?? '', /Reminders are off for all games/);
    const lead = await w.command(p(2), 'reminders', [
      { name: 'mode', type: 3, value: 'lead' },
      { name: 'minutes', type: 4, value: 30 },
    ]);
    assert.match(data(lead).content ?? '', /30 minutes before/);
    const missing = await w.command(p(2), 'reminders', [{ name: 'mode', type: 3, value: 'lead' }]);
    assert.match(data(missing).content ?? '', /whole number/);
  });

  it('keeps the announcement channel given in the config', async () => {
    const [row] = await w.runtime.db
      .withSystem((tx) =>
        tx.execute(
          sql`select count(*)::int as n from games.discord_announcements where channel_id <> ${GAMES_CHANNEL}`,
        ),
      )
      .then((r) => (r as unknown as { rows: Array<{ n: number }> }).rows);
    assert.equal(row?.n, 0);
  });
});
