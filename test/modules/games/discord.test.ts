import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { syncAnnouncement } from '#modules/games/discord/sync.ts';
import { PLAYER_JOINED } from '#modules/games/events.ts';
import { run } from '#platform/db/statement.ts';
import { PermissionBits } from '#platform/discord/permissions.ts';
import { createLogger } from '#platform/log/logger.ts';
import { createRepeatedProblems } from '#platform/log/repeated.ts';
import { postgresFactory } from '#test/support/databases.ts';
import { skipWithoutServices } from '#test/support/services.ts';
import {
  BOT_ROLE,
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

  /** A game of its own for each test (created over the API), once its announcement is up. */
  const newGame = async (title: string, input: Record<string, unknown> = {}) => {
    const game = await createViaApi({ title, startsAt: inDays(2), maxPlayers: 2, ...input });
    const posted = await until(`the announcement of ${title}`, () => announcementOf(game.id));
    const [join, leave, decline] = buttonIds(posted);
    assert.ok(join && leave && decline);
    return { id: game.id, messageId: posted.id, join, leave, decline };
  };
  const joinViaApi = async (gameId: string, userId: string) => {
    const r = await w.api('POST', `/api/v1/guilds/${G}/games/${gameId}/join`, userId);
    assert.ok(r.statusCode < 300, JSON.stringify(r.body));
  };
  /** The DMs `userId` got about the game titled `title`. */
  const dmsAbout = (userId: string, title: string) => w.dms(userId).filter((m) => m.content.includes(title));

  it('/game create: a form, the time read in the guild’s zone and echoed as <t:…> for confirmation, then the announcement', async () => {
    const opened = await w.command(HOST, 'create');
    assert.equal(opened.body.type, 9, 'a modal');
    const modal = opened.body.data as { custom_id: string; components: unknown[] };
    assert.equal(modal.components.length, 5);

    const games = await count('games.games');
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
    assert.equal(await count('games.games'), games, 'nothing created before Confirm');
    const [confirm, cancel] = buttonIds(data(asked) as never);
    assert.ok(confirm && cancel);

    const done = await w.press(HOST, confirm, '830000000000000500');
    assert.equal(done.body.type, 7, 'the confirmation message is updated');
    assert.match(data(done).content ?? '', /Created “Friday raid”/);
    assert.deepEqual(data(done).components, []);
    const again = await w.press(HOST, confirm, '830000000000000500');
    assert.match(data(again).content ?? '', /draft is gone/, 'a second press creates nothing');
    assert.equal(await count('games.games'), games + 1);

    const posted = await until('the announcement', () =>
      w.channelMessages().find((m) => embedOf(m)?.title === 'Friday raid'),
    );
    const e = embedOf(posted);
    assert.equal(e?.description, 'Bring snacks.');
    assert.equal(fieldOf(posted, 'When'), `<t:${echoed[1]}:F> (<t:${echoed[1]}:R>)`);
    assert.equal(fieldOf(posted, 'Duration'), '2 h');
    assert.equal(fieldOf(posted, 'Host'), `<@${HOST}>`);
    assert.equal(fieldOf(posted, 'Players'), '0/2');
    assert.equal(buttonIds(posted).length, 3);
    const gameId = (/Game ([0-9a-f-]{36})/.exec(e?.footer?.text ?? '') ?? [])[1] ?? '';
    const game = await until('the message id on the game', async () => {
      const g = await gameState(gameId);
      return g.announcementMessageId === posted.id ? g : undefined;
    });
    assert.equal(game.startsAt, at.toISOString());
  });

  it('joins past capacity go to the waitlist, shown on the announcement; joining twice is refused and changes nothing', async () => {
    const g = await newGame('Capacity test');
    const first = await w.press(p(1), g.join, g.messageId);
    assert.ok(isEphemeral(first));
    assert.match(data(first).content ?? '', /You are in: “Capacity test”/);
    await w.press(p(2), g.join, g.messageId);
    const third = await w.press(p(3), g.join, g.messageId);
    assert.match(data(third).content ?? '', /Warteliste von „Capacity test“/, 'in the clicker’s language');
    assert.match(data(third).content ?? '', /Nummer 1/);

    const shown = await until('the waitlist on the announcement', () => {
      const m = announcementOf(g.id);
      return fieldOf(m, 'Waitlist')?.includes(p(3)) ? m : undefined;
    });
    assert.equal(fieldOf(shown, 'Players'), '2/2');
    assert.equal(fieldOf(shown, 'Signed up'), `1. <@${p(1)}>\n2. <@${p(2)}>`);
    assert.equal(shown.id, g.messageId, 'edited in place');

    const twice = await w.press(p(1), g.join, g.messageId);
    assert.ok(isEphemeral(twice));
    assert.match(data(twice).content ?? '', /already signed up/);
    assert.equal(((await gameState(g.id)).participants as unknown[]).length, 3);
  });

  it('leaving promotes the first waitlisted player, who gets a DM in their language; a late delivery changes nothing', async () => {
    const g = await newGame('Promotion test');
    for (const n of [1, 2, 3]) await joinViaApi(g.id, p(n));
    const left = await w.press(p(1), g.leave, g.messageId);
    assert.match(data(left).content ?? '', /You left “Promotion test”/);
    const dm = await until('the promotion DM', () => dmsAbout(p(3), 'Promotion test').at(-1));
    assert.match(dm.content, /Ein Platz ist frei geworden/);
    assert.match(dm.content, /<t:\d+:F>/);
    const shown = await until('the promotion on the announcement', () => {
      const m = announcementOf(g.id);
      return fieldOf(m, 'Waitlist') === undefined && fieldOf(m, 'Signed up')?.includes(p(3)) ? m : undefined;
    });
    assert.equal(fieldOf(shown, 'Players'), '2/2');
    assert.equal(dmsAbout(p(3), 'Promotion test').length, 1, 'one DM, not one per delivery');

    // A late, out-of-order delivery (p1's join, after p1 left) renders the game as it is now:
    // same render, so nothing is sent and p1 does not reappear.
    const patches = w.standin.callsTo('PATCH', '/channels/:channel/messages/:message').length;
    const stale = PLAYER_JOINED.of({ gameId: g.id, userId: p(1), state: 'confirmed' }, { guildId: G });
    await w.runtime.db.withSystem((tx) => w.runtime.bus.publish(tx, stale));
    await until('the stale event handled', async () => {
      const [row] = await w.runtime.db.withSystem((tx) =>
        run<{ n: number }>(
          tx,
          `select count(*)::int as n from bus.inbox where consumer = 'discord.games.announce-joined' and message_id = $1::uuid`,
          [stale.id],
        ),
      );
      return row?.n === 1;
    });
    assert.equal(w.standin.callsTo('PATCH', '/channels/:channel/messages/:message').length, patches);
    assert.ok(!fieldOf(announcementOf(g.id), 'Signed up')?.includes(p(1)));
  });

  it('a member who does not host cannot cancel: an ephemeral answer, nothing changed', async () => {
    const g = await newGame('Not yours');
    const r = await w.command(p(2), 'cancel', [{ name: 'game', type: 3, value: g.id }]);
    assert.ok(isEphemeral(r));
    assert.match(data(r).content ?? '', /Only the host/);
    assert.equal((await gameState(g.id)).status, 'SCHEDULED');
  });

  it('/game cancel on a repeating game: this one by default (the series goes on), scope:series ends the series', async () => {
    const weekly = await newGame('Weekly skirmish', { recurrence: { kind: 'weekly', interval: 1 } });
    const gameOpt = { name: 'game', type: 3, value: weekly.id };
    const one = await w.command(HOST, 'cancel', [gameOpt]);
    assert.ok(isEphemeral(one));
    assert.match(data(one).content ?? '', /“Weekly skirmish” is cancelled/);
    const after = await gameState(weekly.id);
    assert.deepEqual([after.status, after.cancelScope], ['CANCELLED', 'occurrence']);
    const all = await w.command(HOST, 'cancel', [gameOpt, { name: 'scope', type: 3, value: 'series' }]);
    assert.match(data(all).content ?? '', /every later game of its series/);
    assert.equal((await gameState(weekly.id)).cancelScope, 'series');

    // Players are told which: this week only, or the series with it.
    const thisWeek = await newGame('Weekly once', { recurrence: { kind: 'weekly', interval: 1 } });
    const forGood = await newGame('Weekly ended', { recurrence: { kind: 'weekly', interval: 1 } });
    await joinViaApi(thisWeek.id, p(5));
    await joinViaApi(forGood.id, p(5));
    await w.command(HOST, 'cancel', [{ name: 'game', type: 3, value: thisWeek.id }]);
    await w.command(HOST, 'cancel', [
      { name: 'game', type: 3, value: forGood.id },
      { name: 'scope', type: 3, value: 'series' },
    ]);
    const once = await until('the occurrence DM', () => dmsAbout(p(5), 'Weekly once').at(-1));
    assert.doesNotMatch(once.content, /series/);
    const ended = await until('the series DM', () => dmsAbout(p(5), 'Weekly ended').at(-1));
    assert.match(ended.content, /with the rest of its series/);
  });

  it('autocompletes the host’s games for /game cancel', async () => {
    const g = await newGame('Autocomplete zebra');
    const r = await w.interact(HOST, 4, {
      id: '1',
      name: 'game',
      type: 1,
      options: [
        { type: 1, name: 'cancel', options: [{ type: 3, name: 'game', value: 'zebra', focused: true }] },
      ],
    });
    const choices = (r.body.data as { choices: Array<{ name: string; value: string }> }).choices;
    assert.deepEqual(
      choices.map((c) => c.value),
      [g.id],
    );
    assert.match(choices[0]?.name ?? '', /Autocomplete zebra/);
    const other = await w.interact(p(2), 4, {
      id: '1',
      name: 'game',
      type: 1,
      options: [
        { type: 1, name: 'cancel', options: [{ type: 3, name: 'game', value: 'zebra', focused: true }] },
      ],
    });
    assert.deepEqual((other.body.data as { choices: unknown[] }).choices, [], 'not p2’s game');
  });

  it('/game list and /game mine show the game', async () => {
    const g = await newGame('Listed game');
    await joinViaApi(g.id, p(2));
    const list = await w.command(p(2), 'list');
    const embeds = (list.body.data as { embeds: Array<{ description: string }> }).embeds;
    assert.match(embeds[0]?.description ?? '', /Listed game.*\(1\/2\)/);
    const mine = await w.command(p(2), 'mine');
    assert.match(
      (mine.body.data as { embeds: Array<{ description: string }> }).embeds[0]?.description ?? '',
      /Listed game.*signed up/,
    );
  });

  it('cancelling marks the announcement cancelled and DMs the players; a stale Join is refused', async () => {
    const g = await newGame('Cancel test');
    for (const n of [1, 2, 3]) await joinViaApi(g.id, p(n));
    await w.press(p(1), g.leave, g.messageId);
    const r = await w.command(HOST, 'cancel', [
      { name: 'game', type: 3, value: g.id },
      { name: 'reason', type: 3, value: 'half the party has the flu' },
    ]);
    assert.ok(isEphemeral(r));
    assert.match(data(r).content ?? '', /is cancelled/);
    const shown = await until('the cancelled look', () => {
      const m = announcementOf(g.id);
      return embedOf(m)?.title?.startsWith('❌') ? m : undefined;
    });
    assert.equal(embedOf(shown)?.title, '❌ Cancelled: Cancel test');
    assert.deepEqual(shown.components, [], 'no more buttons');
    const dm2 = await until('p2’s DM', () => dmsAbout(p(2), 'Cancel test').at(-1));
    assert.match(dm2.content, /was cancelled by the host: half the party has the flu/);
    const dm3 = await until('p3’s DM', () =>
      dmsAbout(p(3), 'Cancel test').find((m) => /abgesagt/.test(m.content)),
    );
    assert.ok(dm3);
    assert.equal(dmsAbout(p(1), 'Cancel test').length, 0, 'who left is not told');
    assert.equal(dmsAbout(HOST, 'Cancel test').length, 0, 'the host cancelled it themselves');

    // A stale Join button on a client that has not seen the edit yet: refused, in German for p3.
    const before = await gameState(g.id);
    const late = await w.press(p(3), g.join, g.messageId);
    assert.ok(isEphemeral(late));
    assert.match(data(late).content ?? '', /Anmeldung ist geschlossen/);
    assert.deepEqual((await gameState(g.id)).participants, before.participants, 'nothing changed');
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
      problems: createRepeatedProblems(),
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

  it('a permission the bot lacks is warned about once per guild, not on every event, until it works again', async () => {
    const botRole = w.standin.world.guilds.get(G)?.roles.find((r) => r.id === BOT_ROLE);
    assert.ok(botRole);
    const granted = botRole.permissions;
    const postAt = inDays(2, 12);
    const game = await createViaApi({ title: 'Roleless night', startsAt: inDays(5), postAt });
    const lines: Array<{ level: string; msg: string; problem?: string }> = [];
    const log = createLogger({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const deps = {
      discord: () => w.runtime.discord.forModule('games').discord,
      i18n: w.runtime.i18n,
      problems: createRepeatedProblems(),
      now: () => new Date(Date.parse(postAt) + 60_000),
    };
    const config = (tempRole: boolean) =>
      w.api('PUT', `/api/v1/guilds/${G}/games/config`, HOST, {
        announcementChannelIds: [GAMES_CHANNEL],
        tempRole,
      });
    const sync = () => w.runtime.db.withSystem((tx) => syncAnnouncement(deps, tx, log, game.id));
    const roleLines = (level: string) =>
      lines.filter((l) => l.level === level && l.problem === 'temp-role').length;
    try {
      assert.equal((await config(true)).statusCode, 200);
      botRole.permissions = PermissionBits.EMBED_LINKS.toString(); // no Manage Roles
      for (let i = 0; i < 4; i++) await sync();
      assert.equal(
        w.standin.callsTo('POST', '/guilds/:guild/roles').filter((c) => c.status === 403).length,
        4,
      );
      assert.equal(roleLines('warn'), 1, 'one warning for four events');
      assert.equal(roleLines('debug'), 3);
      // Granted: the role is made, and the next failure would warn again.
      botRole.permissions = granted;
      await sync();
      assert.ok(w.standin.world.guilds.get(G)?.roles.some((r) => r.name === '🎲 Roleless night'));
      assert.ok(
        lines.some((l) => l.level === 'info' && l.problem === 'temp-role' && l.msg === 'works again'),
      );
      assert.deepEqual(deps.problems.active(G), []);
    } finally {
      botRole.permissions = granted;
      await config(false);
    }
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

  it('/game reminders off|on|lead (a group): ephemeral answers, preferences saved, bad lead times refused', async () => {
    const prefs = async (userId: string) =>
      (await w.api('GET', `/api/v1/guilds/${G}/games/reminder-preferences`, userId)).body;
    const off = await w.command(p(2), 'reminders off');
    assert.ok(isEphemeral(off));
    assert.match(data(off).content ?? '', /Reminders are off for all games/);
    const on = await w.command(p(2), 'reminders on');
    assert.match(data(on).content ?? '', /Reminders are on again for all games/);
    for (const [text, minutes, shown] of [
      ['30', 30, '30m'],
      ['2h', 120, '2h'],
      ['1d 2h', 1560, '1d 2h'],
    ] as const) {
      const lead = await w.command(p(2), 'reminders lead', [{ name: 'time', type: 3, value: text }]);
      assert.ok(isEphemeral(lead));
      assert.equal(data(lead).content, `You will be reminded ${shown} before your games.`);
      assert.match(JSON.stringify(await prefs(p(2))), new RegExp(`"leadMinutes":${minutes}\\b`));
    }
    const game = await newGame('Reminder night');
    const forGame = await w.command(p(3), 'reminders lead', [
      { name: 'time', type: 3, value: '45m' },
      { name: 'game', type: 3, value: game.id },
    ]);
    assert.equal(data(forGame).content, 'Du wirst 45m vor „Reminder night“ erinnert.');
    const offGame = await w.command(p(3), 'reminders off', [{ name: 'game', type: 3, value: game.id }]);
    assert.match(data(offGame).content ?? '', /Reminder night/);
    // The game option inside the group suggests the host's (and joined) games.
    const suggested = await w.interact(HOST, 4, {
      id: '1',
      name: 'game',
      type: 1,
      options: [
        {
          type: 2,
          name: 'reminders',
          options: [
            {
              type: 1,
              name: 'off',
              options: [{ type: 3, name: 'game', value: 'reminder n', focused: true }],
            },
          ],
        },
      ],
    });
    assert.deepEqual(
      (suggested.body.data as { choices: Array<{ value: string }> }).choices.map((c) => c.value),
      [game.id],
    );

    const before = JSON.stringify(await prefs(p(2)));
    for (const bad of ['soon', '0', '8d', '30x', '-5', '1h, 2h']) {
      const refused = await w.command(p(2), 'reminders lead', [{ name: 'time', type: 3, value: bad }]);
      assert.ok(isEphemeral(refused));
      assert.match(data(refused).content ?? '', /is not a lead time/, bad);
    }
    const missing = await w.command(p(2), 'reminders lead');
    assert.match(data(missing).content ?? '', /required/);
    assert.equal(JSON.stringify(await prefs(p(2))), before, 'nothing changed');
    // The old single command is gone: Discord would not send it, a forged one is refused.
    const old = await w.command(p(2), 'reminders', [{ name: 'mode', type: 3, value: 'off' }]);
    assert.match(data(old).content ?? '', /not available/);
  });

  it('a guild that turned the games module off gets no /game and no Join, only an ephemeral word why', async () => {
    const game = await newGame('Switched off');
    const core = w.runtime.core.settings;
    const settings = async (enabledModules: string[]) =>
      core.put(
        G,
        { ...(await core.get(G)), enabledModules },
        { userId: HOST, via: 'session', scopes: 'all', guildId: undefined },
      );
    try {
      await settings([]);
      const list = await w.command(p(1), 'list');
      assert.ok(isEphemeral(list));
      assert.match(data(list).content ?? '', /“games” module is turned off/);
      const join = await w.press(p(1), game.join, game.messageId);
      assert.match(data(join).content ?? '', /turned off/);
      assert.equal((await gameState(game.id)).confirmedCount, 0, 'nobody joined');
    } finally {
      await settings(['games']);
    }
    const joined = await w.press(p(1), game.join, game.messageId);
    assert.match(data(joined).content ?? '', /You are in/);
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
