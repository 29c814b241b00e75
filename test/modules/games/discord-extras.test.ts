import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GAME_STATUS_TRANSITION_DUE, NOTIFICATION_DUE, NOTIFICATION_SEND_DM } from '#modules/games/events.ts';
import type { OutgoingEvent } from '#platform/bus/events.ts';
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

const data = (r: Interacted) => r.body.data as { content?: string; flags?: number; custom_id?: string };

describe('games on Discord: thread, temporary role, reminders, edits (guild options on)', {
  skip: skipWithoutServices(),
}, () => {
  let w: GamesDiscordWorld;
  before(async () => {
    w = await startGamesDiscord(postgresFactory, {
      config: { threadPerGame: true, tempRole: true },
      allConsumers: true,
    });
  });
  after(async () => w?.close());

  const inboxCount = async (consumer: string) => {
    const [row] = await w.runtime.db.withSystem((tx) =>
      run<{ n: number }>(tx, `select count(*)::int as n from bus.inbox where consumer = $1`, [consumer]),
    );
    return row?.n ?? 0;
  };
  const publish = (event: OutgoingEvent) => w.runtime.db.withSystem((tx) => w.runtime.bus.publish(tx, event));
  const announcementOf = (gameId: string, channelId?: string) =>
    w.channelMessages(channelId).find((m) => embedOf(m)?.footer?.text?.includes(gameId));
  const roleHolders = (roleId: string) =>
    [...(w.standin.world.members.get(G)?.entries() ?? [])]
      .filter(([, m]) => m.roles.includes(roleId))
      .map(([id]) => id);

  const RAIDS = '830000000000000021';
  let gameId = '';
  let roleId = '';
  let startsAt = '';

  it('gives the confirmed players a temporary role, and takes it from who leaves', async () => {
    startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const created = await w.api('POST', `/api/v1/guilds/${G}/games`, HOST, {
      title: 'Raid night',
      startsAt,
      maxPlayers: 5,
    });
    assert.equal(created.statusCode, 201, JSON.stringify(created.body));
    gameId = String(created.body.id);
    const posted = await until('the announcement', () => announcementOf(gameId));
    const [join, leave] = buttonIds(posted);
    assert.ok(join && leave);
    for (const n of [1, 2, 3]) await w.press(p(n), join, posted.id);
    const role = await until('the role', () =>
      w.standin.world.guilds.get(G)?.roles.find((r) => r.name === '🎲 Raid night'),
    );
    roleId = role.id;
    await until('three role holders', () => roleHolders(roleId).length === 3);
    await w.press(p(1), leave, posted.id);
    const holders = await until('p1 without the role', () => {
      const now = roleHolders(roleId);
      return now.length === 2 ? now : undefined;
    });
    assert.deepEqual(holders.sort(), [p(2), p(3)].sort());
  });

  it('the first reminder opens a thread on the announcement with the confirmed players', async () => {
    // A reminder a day early (the game moved later since) is not the first one yet.
    await publish(NOTIFICATION_DUE.of({ gameId, kind: 'reminder', offsetMinutes: 60 }, { guildId: G }));
    await until(
      'the early reminder handled',
      async () => (await inboxCount('discord.games.thread-at-reminder')) === 1,
    );
    assert.equal(w.standin.callsTo('POST', '/channels/:channel/messages/:message/threads').length, 0);
    // Time passes: the game starts in 30 minutes, its 60-minute reminder is due.
    await w.runtime.db.withSystem((tx) =>
      run(tx, `update games.games set starts_at = now() + interval '30 minutes' where id = $1::uuid`, [
        gameId,
      ]),
    );
    await publish(NOTIFICATION_DUE.of({ gameId, kind: 'reminder', offsetMinutes: 60 }, { guildId: G }));
    const posted = announcementOf(gameId);
    assert.ok(posted);
    const thread = await until('the thread with its players', () => {
      const t = w.standin.world.channels.get(posted.id);
      return (t?.memberIds?.length ?? 0) >= 3 ? t : undefined;
    });
    assert.equal(thread.parentId, GAMES_CHANNEL);
    assert.deepEqual((thread.memberIds ?? []).filter((id) => id !== w.bot.id).sort(), [p(2), p(3)].sort());
    // The thread id is saved when the handler's transaction commits, just after the last member.
    const saved = await until('the thread id saved', async () => {
      const game = await w.api('GET', `/api/v1/guilds/${G}/games/${gameId}`, HOST);
      return game.body.threadId ?? undefined;
    });
    assert.equal(saved, thread.id);
    // A second reminder makes no second thread.
    await publish(NOTIFICATION_DUE.of({ gameId, kind: 'reminder', offsetMinutes: 15 }, { guildId: G }));
    await until(
      'the second reminder handled',
      async () => (await inboxCount('discord.games.thread-at-reminder')) === 3,
    );
    assert.equal(w.standin.callsTo('POST', '/channels/:channel/messages/:message/threads').length, 1);
  });

  it('the reminder reaches the confirmed players by DM, in their language (core fan-out, then the Discord side)', async () => {
    const en = await until('p2’s reminder', () => w.dms(p(2)).at(-1));
    assert.match(en.content, /Raid night/);
    const de = await until('p3’s reminder', () => w.dms(p(3)).at(-1));
    assert.match(de.content, /beginnt/);
    assert.equal(w.dms(p(1)).length, 0, 'who left is not reminded');
  });

  it('sends NOTIFICATION_SEND_DM in the user’s language, and skips a key the catalogue lacks', async () => {
    const dmsBefore = w.dms(p(4)).length;
    await publish(
      NOTIFICATION_SEND_DM.of(
        {
          guildId: G,
          userId: p(3),
          gameId,
          messageKey: 'games.notifications.minPlayers',
          params: { confirmed: 2, minPlayers: 4 },
        },
        { guildId: G },
      ),
    );
    await publish(
      NOTIFICATION_SEND_DM.of(
        { guildId: G, userId: p(4), messageKey: 'games.nothing.here', params: {} },
        { guildId: G },
      ),
    );
    const dm = await until('the DM', () => {
      const last = w.dms(p(3)).at(-1);
      return last && /nötig sind mindestens 4/.test(last.content) ? last : undefined;
    });
    assert.match(dm.content, /Raid night/);
    assert.match(dm.content, /<t:\d+:F>/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(w.dms(p(4)).length, dmsBefore);
  });

  it('the thread follows the players: who joins is added, who leaves, can’t come or is removed is taken out', async () => {
    const posted = announcementOf(gameId);
    assert.ok(posted);
    const [join, leave, decline] = buttonIds(posted);
    assert.ok(join && leave && decline);
    const inThread = () =>
      (w.standin.world.channels.get(posted.id)?.memberIds ?? []).filter((id) => id !== w.bot.id).sort();
    for (const n of [4, 5]) await w.press(p(n), join, posted.id);
    await until('p4 and p5 added', () => inThread().length === 4);
    await w.press(p(2), leave, posted.id);
    await w.press(p(3), decline, posted.id);
    const removed = await w.api('DELETE', `/api/v1/guilds/${G}/games/${gameId}/participants/${p(5)}`, HOST);
    assert.ok(removed.statusCode < 300, JSON.stringify(removed.body));
    const left = await until('only p4 left in the thread', () => {
      const now = inThread();
      return now.length === 1 ? now : undefined;
    });
    assert.deepEqual(left, [p(4)]);
    assert.equal(w.standin.callsTo('DELETE', '/channels/:channel/thread-members/:user').length, 3);
    // p2 comes back: in the thread again.
    await w.press(p(2), join, posted.id);
    await until('p2 back in the thread', () => inThread().includes(p(2)));
  });

  it('/game edit opens the form filled in and moves the game; the announcement follows', async () => {
    const opened = await w.command(HOST, 'edit', [{ name: 'game', type: 3, value: gameId }]);
    assert.equal(opened.body.type, 9);
    const modal = opened.body.data as {
      custom_id: string;
      components: Array<{ components: Array<{ custom_id: string; value?: string }> }>;
    };
    const values = Object.fromEntries(
      modal.components.map((r) => [r.components[0]?.custom_id, r.components[0]?.value]),
    );
    assert.equal(values.title, 'Raid night');
    assert.equal(values.maxPlayers, '5');
    assert.match(values.when ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const same = await w.submitModal(HOST, modal.custom_id, values as Record<string, string>);
    assert.match(data(same).content ?? '', /Nothing changed/);
    const other = await w.submitModal(p(2), modal.custom_id, { ...values, title: 'Hijacked' } as Record<
      string,
      string
    >);
    assert.match(data(other).content ?? '', /Only the host/);

    const moved = await w.submitModal(HOST, modal.custom_id, {
      ...(values as Record<string, string>),
      title: 'Raid night (moved)',
      when: '2030-01-05 21:00',
    });
    assert.match(data(moved).content ?? '', /Saved “Raid night \(moved\)”/);
    const shown = await until('the edited announcement', () => {
      const m = announcementOf(gameId);
      return embedOf(m)?.title === 'Raid night (moved)' ? m : undefined;
    });
    const unix = Date.parse('2030-01-05T21:00:00Z') / 1000;
    assert.equal(fieldOf(shown, 'When'), `<t:${unix}:F> (<t:${unix}:R>)`);
  });

  it('/game edit’s second step: “More settings…” opens a form for min players, reminders, repeat, activity and instructions', async () => {
    const opened = await w.command(HOST, 'edit', [{ name: 'game', type: 3, value: gameId }]);
    const first = opened.body.data as {
      custom_id: string;
      components: Array<{ components: Array<{ custom_id: string; value?: string }> }>;
    };
    const firstValues = Object.fromEntries(
      first.components.map((r) => [r.components[0]?.custom_id, r.components[0]?.value ?? '']),
    ) as Record<string, string>;
    const saved = await w.submitModal(HOST, first.custom_id, firstValues);
    assert.match(data(saved).content ?? '', /Nothing changed/);
    const [moreId] = (
      (saved.body.data as { components?: Array<{ components: Array<{ custom_id: string; label: string }> }> })
        .components ?? []
    ).flatMap((r) => r.components.map((c) => c.custom_id));
    assert.ok(moreId, 'a “More settings…” button');

    type Modal = {
      custom_id: string;
      components: Array<{ components: Array<{ custom_id: string; value?: string }> }>;
    };
    const openMore = async () => {
      const res = await w.press(HOST, moreId, '830000000000000777');
      assert.equal(res.body.type, 9, 'a modal');
      const modal = res.body.data as Modal;
      const values = Object.fromEntries(
        modal.components.map((r) => [r.components[0]?.custom_id, r.components[0]?.value ?? '']),
      ) as Record<string, string>;
      return { modal, values };
    };
    const { modal, values } = await openMore();
    assert.deepEqual(Object.keys(values), ['minPlayers', 'reminders', 'repeat', 'activity', 'instructions']);
    assert.equal(values.reminders, '1h', 'the guild’s default reminder, as a duration');
    assert.equal(values.repeat, '');

    const game = async () => (await w.api('GET', `/api/v1/guilds/${G}/games/${gameId}`, HOST)).body;
    const before = JSON.stringify(await game());
    const refused = async (fields: Record<string, string>, pattern: RegExp) => {
      const res = await w.submitModal(HOST, modal.custom_id, { ...values, ...fields });
      assert.equal(((data(res).flags ?? 0) & 64) !== 0, true, 'ephemeral');
      assert.match(data(res).content ?? '', pattern);
    };
    await refused({ reminders: '1d, soon' }, /are not reminder times.*Nothing was changed/);
    await refused({ reminders: '31d' }, /are not reminder times/);
    await refused({ reminders: '1m,2m,3m,4m,5m,6m,7m,8m,9m,10m,11m' }, /are not reminder times/);
    await refused({ repeat: 'fortnightly' }, /not a repetition/);
    await refused({ repeat: '0 weeks' }, /not a repetition/);
    await refused({ minPlayers: 'lots' }, /whole number between 1 and 1000/);
    await refused({ minPlayers: '9', reminders: '2h' }, /maximum number of players is below the minimum/);
    const hijack = await w.submitModal(p(2), modal.custom_id, { ...values, minPlayers: '2' });
    assert.match(data(hijack).content ?? '', /Only the host/);
    assert.equal(JSON.stringify(await game()), before, 'nothing changed');

    const done = await w.submitModal(HOST, modal.custom_id, {
      minPlayers: '2',
      reminders: '15m, 1d',
      repeat: 'every 2 weeks',
      activity: 'Valheim',
      instructions: 'Bring food.',
    });
    assert.match(data(done).content ?? '', /Saved “Raid night \(moved\)”/);
    const after = await game();
    assert.equal(after.minPlayers, 2);
    assert.deepEqual(after.reminderOffsetsMinutes, [1440, 15]);
    assert.deepEqual(after.recurrence, { kind: 'weekly', interval: 2 });
    assert.equal(after.activity, 'Valheim');
    assert.equal(after.signupInstructions, 'Bring food.');
    assert.equal(after.title, 'Raid night (moved)', 'the first step’s fields untouched');

    // Opened again: filled in with what was saved, which reads back as no change.
    const again = await openMore();
    assert.deepEqual(again.values, {
      minPlayers: '2',
      reminders: '1d, 15m',
      repeat: '2 weeks',
      activity: 'Valheim',
      instructions: 'Bring food.',
    });
    assert.match(
      data(await w.submitModal(HOST, again.modal.custom_id, again.values)).content ?? '',
      /Nothing changed/,
    );
    // Back to a single game (the last test completes it: no next instance wanted).
    const single = await w.submitModal(HOST, again.modal.custom_id, { ...again.values, repeat: '' });
    assert.match(data(single).content ?? '', /Saved/);
    assert.equal((await game()).recurrence, null);
  });

  it('a game moved to another channel takes its announcement along', async () => {
    w.standin.world.addChannel({ id: RAIDS, guildId: G, name: 'raids', type: 0, permissionOverwrites: [] });
    const config = await w.api('PUT', `/api/v1/guilds/${G}/games/config`, HOST, {
      announcementChannelIds: [GAMES_CHANNEL, RAIDS],
      threadPerGame: true,
      tempRole: true,
    });
    assert.equal(config.statusCode, 200, JSON.stringify(config.body));
    const old = announcementOf(gameId);
    assert.ok(old);
    const moved = await w.api('PATCH', `/api/v1/guilds/${G}/games/${gameId}`, HOST, { channelId: RAIDS });
    assert.equal(moved.statusCode, 200, JSON.stringify(moved.body));
    const there = await until('the announcement in #raids', () =>
      w.channelMessages(RAIDS).find((m) => embedOf(m)?.footer?.text?.includes(gameId)),
    );
    await until('the old one deleted', () => !announcementOf(gameId));
    assert.equal(w.channelMessages(RAIDS).length, 1);
    assert.equal(embedOf(there)?.title, 'Raid night (moved)');
    await until('the new id on the game', async () => {
      const g = await w.api('GET', `/api/v1/guilds/${G}/games/${gameId}`, HOST);
      return g.body.announcementMessageId === there.id;
    });
  });

  it('when the game is over: the finished look, the thread archived, the role deleted', async () => {
    // Time passes: the game started three hours ago and lasted one.
    await w.runtime.db.withSystem((tx) =>
      run(
        tx,
        `update games.games set starts_at = now() - interval '3 hours', duration_minutes = 60 where id = $1::uuid`,
        [gameId],
      ),
    );
    await publish(GAME_STATUS_TRANSITION_DUE.of({ gameId, to: 'IN_PROGRESS' }, { guildId: G }));
    await until('in progress', () => embedOf(announcementOf(gameId, RAIDS))?.title?.startsWith('▶️'));
    await publish(GAME_STATUS_TRANSITION_DUE.of({ gameId, to: 'COMPLETED' }, { guildId: G }));
    const done = await until('the finished look', () => {
      const m = announcementOf(gameId, RAIDS);
      return embedOf(m)?.title?.startsWith('✅') ? m : undefined;
    });
    assert.deepEqual(done.components, []);
    const threadId = String((await w.api('GET', `/api/v1/guilds/${G}/games/${gameId}`, HOST)).body.threadId);
    const thread = await until('the archived thread', () => {
      const t = w.standin.world.channels.get(threadId);
      return t?.archived ? t : undefined;
    });
    assert.equal(thread.locked, true);
    await until('the role deleted', () => !w.standin.world.guilds.get(G)?.roles.some((r) => r.id === roleId));
    assert.deepEqual(roleHolders(roleId), []);
  });
});
