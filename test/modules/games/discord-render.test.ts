import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GAMES_DISCORD_MESSAGES } from '#modules/games/discord/messages.ts';
import { renderAnnouncement, renderHash } from '#modules/games/discord/render.ts';
import type { Game, Participant } from '#modules/games/types.ts';
import { decodeCustomId } from '#platform/discord/commands/custom-id.ts';
import { EMBED_LIMITS, embedLength } from '#platform/discord/embeds.ts';
import { createI18n } from '#platform/i18n/i18n.ts';

const i18n = createI18n();
i18n.extend(GAMES_DISCORD_MESSAGES);
const en = i18n.forLocale('en');
const de = i18n.forLocale('de');

const START = '2026-12-04T19:00:00.000Z';

function person(n: number, state: Participant['state'], note: string | null = null): Participant {
  return {
    userId: String(820000000000000000n + BigInt(n)),
    state,
    position: n,
    note,
    joinedAt: START,
  };
}

function game(overrides: Partial<Game> = {}): Game {
  const participants = overrides.participants ?? [];
  // `as Game`: the fixture stays valid while the core adds fields (templateId).
  return {
    templateId: null,
    id: '0b0f5f8e-8a55-4c1e-9d3c-2f1e0a9b7c11',
    guildId: '810000000000000001',
    title: 'Friday raid',
    description: 'Bring potions.',
    activity: 'Deep Rock Galactic',
    channelId: '810000000000000020',
    hostId: '810000000000000030',
    startsAt: START,
    timezone: 'Europe/Berlin',
    durationMinutes: 150,
    minPlayers: 4,
    maxPlayers: 10,
    signupMethod: 'SELF_SIGNUP',
    signupRoleIds: [],
    roleSignupUntil: null,
    reminderOffsetsMinutes: [60],
    minPlayersCheckMinutes: null,
    joinNotificationDelayMinutes: null,
    signupInstructions: null,
    postAt: null,
    recurrence: { kind: 'monthly_weekday', interval: 1, nth: 2 },
    status: 'SCHEDULED',
    announcementMessageId: null,
    threadId: null,
    seriesId: null,
    seriesIndex: 0,
    confirmedCount: participants.filter((p) => p.state === 'confirmed' || p.state === 'host_added').length,
    waitlistCount: participants.filter((p) => p.state === 'waitlisted').length,
    createdAt: START,
    updatedAt: START,
    ...overrides,
    participants,
  } as Game;
}

const field = (payload: ReturnType<typeof renderAnnouncement>, prefix: string) =>
  payload.embeds?.[0]?.fields?.find((f) => f.name.startsWith(prefix));

describe('games announcement renderer', () => {
  it('shows times as Discord timestamps, duration, host, capacity, participants with notes and the waitlist', () => {
    const confirmed = Array.from({ length: 7 }, (_, i) =>
      person(i + 1, 'confirmed', i === 0 ? 'tank' : null),
    );
    const payload = renderAnnouncement(
      game({ participants: [...confirmed, person(8, 'waitlisted'), person(9, 'declined')] }),
      en,
    );
    const e = payload.embeds?.[0];
    assert.equal(e?.title, 'Friday raid');
    assert.equal(e?.description, 'Bring potions.');
    const unix = Date.parse(START) / 1000;
    assert.equal(field(payload, 'When')?.value, `<t:${unix}:F> (<t:${unix}:R>)`);
    assert.equal(field(payload, 'Duration')?.value, '2 h 30 min');
    assert.equal(field(payload, 'Host')?.value, '<@810000000000000030>');
    assert.equal(field(payload, 'Players')?.value, '7/10 · at least 4');
    assert.equal(field(payload, 'Repeats')?.value, 'every month on the second weekday');
    assert.equal(field(payload, 'Status')?.value, 'Scheduled');
    const signed = field(payload, 'Signed up');
    assert.equal(signed?.name, 'Signed up (7)');
    assert.match(signed?.value ?? '', /^1\. <@820000000000000001> — tank\n2\. <@820000000000000002>/);
    assert.equal(field(payload, 'Waitlist')?.value, '1. <@820000000000000008>');
    assert.equal(field(payload, 'Can’t come')?.value, '<@820000000000000009>');
    assert.deepEqual(payload.allowedMentions, { parse: [] }, 'nobody is pinged');
  });

  it('has Join, Leave and Can’t come buttons with versioned custom ids carrying the game', () => {
    const payload = renderAnnouncement(game(), en);
    const row = payload.components?.[0] as { components: Array<{ custom_id: string; label: string }> };
    assert.deepEqual(
      row.components.map((b) => b.label),
      ['Join', 'Leave', 'Can’t come'],
    );
    const ids = row.components.map((b) => decodeCustomId(b.custom_id));
    assert.deepEqual(
      ids.map((d) => [d?.module, d?.id, d?.version, d?.state[0]]),
      ['join', 'leave', 'decline'].map((id) => ['games', id, 1, game().id]),
    );
    assert.equal(ids[0]?.expiresAt, undefined, 'announcement buttons never expire');
  });

  it('gives a cancelled or finished game its own look, without buttons', () => {
    const cancelled = renderAnnouncement(game({ status: 'CANCELLED' }), en);
    assert.equal(cancelled.embeds?.[0]?.title, '❌ Cancelled: Friday raid');
    assert.equal(cancelled.embeds?.[0]?.color, 0xed4245);
    assert.deepEqual(cancelled.components, []);
    const done = renderAnnouncement(game({ status: 'COMPLETED' }), de);
    assert.equal(done.embeds?.[0]?.title, '✅ Vorbei: Friday raid');
    assert.equal(field(done, 'Status')?.value, 'Beendet');
    assert.deepEqual(done.components, []);
  });

  it('stays within Discord’s limits with 1,000 players, long notes and a long description', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      person(i + 1, i < 500 ? 'confirmed' : 'waitlisted', 'x'.repeat(300)),
    );
    const payload = renderAnnouncement(
      game({ participants: many, maxPlayers: 500, description: 'd'.repeat(10_000), title: 't'.repeat(400) }),
      en,
    );
    const e = payload.embeds?.[0];
    assert.ok(e);
    assert.ok(embedLength(e) <= EMBED_LIMITS.total, `total ${embedLength(e)}`);
    assert.ok((e.title?.length ?? 0) <= EMBED_LIMITS.title);
    for (const f of e.fields ?? []) assert.ok(f.value.length <= EMBED_LIMITS.fieldValue, f.name);
    assert.match(field(payload, 'Signed up')?.value ?? '', /… and \d+ more$/);
    assert.match(field(payload, 'Waitlist')?.value ?? '', /… and \d+ more$/);
    assert.equal(field(payload, 'Players')?.value, '500/500 · at least 4');
  });

  it('renders the same game to the same hash, and a changed one to another', () => {
    const a = renderHash(renderAnnouncement(game({ participants: [person(1, 'confirmed')] }), en));
    const b = renderHash(renderAnnouncement(game({ participants: [person(1, 'confirmed')] }), en));
    const c = renderHash(renderAnnouncement(game({ participants: [person(2, 'confirmed')] }), en));
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('has every games.discord text in German too, with the same placeholders', () => {
    const keys = (m: unknown, prefix = ''): string[] =>
      Object.entries(m as Record<string, unknown>).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
      );
    const enKeys = keys(GAMES_DISCORD_MESSAGES.en);
    const deKeys = new Set(keys(GAMES_DISCORD_MESSAGES.de));
    for (const k of enKeys) {
      assert.ok(deKeys.has(k), `German lacks ${k}`);
      const holes = (locale: 'en' | 'de') =>
        [...i18n.t(locale, k).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(holes('de'), holes('en'), k);
    }
  });
});
