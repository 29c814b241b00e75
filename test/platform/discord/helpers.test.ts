import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { APIEmbed } from 'discord-api-types/v10';
import { buildCommand } from '#platform/discord/commands/build.ts';
import { decodeCustomId, encodeCustomId } from '#platform/discord/commands/custom-id.ts';
import { diffCommands } from '#platform/discord/commands/diff.ts';
import {
  EMBED_LIMITS,
  embed,
  embedLength,
  packMessages,
  splitEmbeds,
  truncate,
} from '#platform/discord/embeds.ts';
import { DEFAULT_DEFER_AFTER_MS } from '#platform/discord/interactions/dispatcher.ts';
import { ed25519PublicKey, verifyInteraction } from '#platform/discord/interactions/verify.ts';
import { createPaginator } from '#platform/discord/paginator.ts';
import { channelPermissions, PermissionBits } from '#platform/discord/permissions.ts';
import type { Discord, MessagePayload } from '#platform/discord/port.ts';
import { snowflakeGenerator, snowflakeTime } from '#platform/discord/snowflake.ts';
import { discordTimestamp, fullTime, relativeTime } from '#platform/discord/timestamps.ts';
import { createI18n } from '#platform/i18n/i18n.ts';
import { ed25519Pair, signed } from '../../support/discord-app.ts';

function withinLimits(e: APIEmbed) {
  assert.ok((e.title?.length ?? 0) <= EMBED_LIMITS.title);
  assert.ok((e.description?.length ?? 0) <= EMBED_LIMITS.description);
  assert.ok((e.fields?.length ?? 0) <= EMBED_LIMITS.fields);
  for (const f of e.fields ?? []) {
    assert.ok(f.name.length <= EMBED_LIMITS.fieldName && f.name.length > 0);
    assert.ok(f.value.length <= EMBED_LIMITS.fieldValue && f.value.length > 0);
  }
  assert.ok((e.footer?.text.length ?? 0) <= EMBED_LIMITS.footer);
  assert.ok(embedLength(e) <= EMBED_LIMITS.total);
}

describe('embeds', () => {
  it('truncates every text to its limit and the whole to 6,000', () => {
    const e = embed({
      title: 't'.repeat(300),
      description: 'd'.repeat(5000),
      footer: { text: 'f'.repeat(3000) },
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`.repeat(200), value: 'v'.repeat(2000) })),
    });
    withinLimits(e);
    assert.equal(e.title?.length, 256);
    assert.ok(e.title?.endsWith('…'));
    assert.ok((e.fields?.length ?? 0) < 25, 'fields give way to stay under 6,000');
    assert.equal(truncate('short', 10), 'short');
  });

  it('splits long content into several embeds, each within limits, losing nothing', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `Player ${i} joined the waitlist at position ${i}`);
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `Field ${i}`, value: 'x'.repeat(300) }));
    const parts = splitEmbeds(
      { title: 'Participants', description: lines.join('\n'), fields },
      (t) => `${t} (continued)`,
    );
    assert.ok(parts.length > 3);
    for (const p of parts) withinLimits(p);
    assert.equal(parts[1]?.title, 'Participants (continued)');
    const text = parts.map((p) => p.description ?? '').join('\n');
    for (const line of lines) assert.ok(text.includes(line), line);
    assert.equal(parts.flatMap((p) => p.fields ?? []).length, 60);
    const messages = packMessages(parts);
    for (const m of messages) {
      assert.ok(m.length <= 10);
      assert.ok(m.reduce((n, e) => n + embedLength(e), 0) <= 6000);
    }
    assert.equal(messages.flat().length, parts.length);
  });
});

describe('timestamps', () => {
  it('renders Discord timestamp markup', () => {
    const at = new Date('2026-11-21T19:00:00Z');
    assert.equal(fullTime(at), '<t:1795287600:F>');
    assert.equal(relativeTime(at), '<t:1795287600:R>');
    assert.equal(discordTimestamp(at.getTime() + 999, 't'), '<t:1795287600:t>');
    assert.throws(() => discordTimestamp(Number.NaN));
  });
});

describe('custom ids', () => {
  it('round-trips module, id, version, expiry and state (any characters)', () => {
    const expiresAt = Date.now() + 60_000;
    const text = encodeCustomId({
      module: 'games',
      id: 'join',
      version: 2,
      state: ['123', 'a:b/c ü'],
      expiresAt,
    });
    assert.ok(text.length <= 100);
    const parsed = decodeCustomId(text);
    assert.equal(parsed?.module, 'games');
    assert.equal(parsed?.version, 2);
    assert.deepEqual(parsed?.state, ['123', 'a:b/c ü']);
    assert.ok(Math.abs((parsed?.expiresAt ?? 0) - expiresAt) < 1000);
    assert.equal(decodeCustomId('games:join:v1:-')?.expiresAt, undefined);
  });

  it('rejects what is not ours, and state that does not fit', () => {
    for (const bad of [
      '',
      'x',
      'games:join',
      'games:join:1:-',
      'Games:join:v1:-',
      'g:j:v1:!!',
      'g:j:v1:-:%E0%A4%A',
    ]) {
      assert.equal(decodeCustomId(bad), undefined, bad);
    }
    assert.throws(
      () => encodeCustomId({ module: 'games', id: 'join', version: 1, state: ['x'.repeat(100)] }),
      RangeError,
    );
  });
});

describe('signature verification (node:crypto Ed25519)', () => {
  const key = ed25519Pair();
  const publicKey = ed25519PublicKey(key.publicKeyHex);
  const body = '{"type":1}';
  it('accepts Discord’s signature over timestamp + raw body', () => {
    const h = signed(key, body);
    assert.deepEqual(
      verifyInteraction(publicKey, h['x-signature-ed25519'], h['x-signature-timestamp'], Buffer.from(body)),
      { ok: true },
    );
  });
  it('tells missing, malformed, stale and forged apart', () => {
    const h = signed(key, body);
    assert.equal(
      verifyInteraction(publicKey, undefined, h['x-signature-timestamp'], Buffer.from(body)).ok,
      false,
    );
    assert.deepEqual(verifyInteraction(publicKey, 'xyz', h['x-signature-timestamp'], Buffer.from(body)), {
      ok: false,
      reason: 'malformed',
    });
    const old = signed(key, body, Math.floor(Date.now() / 1000) - 301);
    assert.deepEqual(
      verifyInteraction(
        publicKey,
        old['x-signature-ed25519'],
        old['x-signature-timestamp'],
        Buffer.from(body),
      ),
      {
        ok: false,
        reason: 'stale',
      },
    );
    const other = signed(ed25519Pair(), body);
    assert.deepEqual(
      verifyInteraction(
        publicKey,
        other['x-signature-ed25519'],
        other['x-signature-timestamp'],
        Buffer.from(body),
      ),
      {
        ok: false,
        reason: 'forged',
      },
    );
  });
  it('defers well inside Discord’s three seconds by default', () => {
    assert.ok(DEFAULT_DEFER_AFTER_MS < 3000 && DEFAULT_DEFER_AFTER_MS >= 1000);
  });
});

describe('permissions', () => {
  const G = '1';
  const roles = [
    { id: G, permissions: (PermissionBits.VIEW_CHANNEL | PermissionBits.SEND_MESSAGES).toString() },
    { id: '2', permissions: PermissionBits.ADMINISTRATOR.toString() },
    { id: '3', permissions: '0' },
  ];
  const base = { guildId: G, ownerId: '99', roles, userId: '10' };
  it('applies overwrites in Discord’s order: @everyone, roles, member', () => {
    const deny = [{ id: G, type: 0, allow: '0', deny: PermissionBits.SEND_MESSAGES.toString() }];
    assert.equal(
      channelPermissions({ ...base, memberRoleIds: [], overwrites: deny }) & PermissionBits.SEND_MESSAGES,
      0n,
    );
    const roleAllow = [
      ...deny,
      { id: '3', type: 0, allow: PermissionBits.SEND_MESSAGES.toString(), deny: '0' },
    ];
    assert.ok(
      channelPermissions({ ...base, memberRoleIds: ['3'], overwrites: roleAllow }) &
        PermissionBits.SEND_MESSAGES,
    );
    const memberDeny = [
      ...roleAllow,
      { id: '10', type: 1, allow: '0', deny: PermissionBits.SEND_MESSAGES.toString() },
    ];
    assert.equal(
      channelPermissions({ ...base, memberRoleIds: ['3'], overwrites: memberDeny }) &
        PermissionBits.SEND_MESSAGES,
      0n,
    );
    assert.ok(
      channelPermissions({ ...base, memberRoleIds: ['2'], overwrites: memberDeny }) &
        PermissionBits.SEND_MESSAGES,
      'admins ignore overwrites',
    );
  });
});

describe('snowflakes', () => {
  it('are unique, increasing and carry their time', () => {
    const next = snowflakeGenerator(1, 1);
    const ids = Array.from({ length: 10_000 }, () => next());
    assert.equal(new Set(ids).size, ids.length);
    for (let i = 1; i < ids.length; i++) assert.ok(BigInt(ids[i] as string) > BigInt(ids[i - 1] as string));
    assert.ok(Math.abs(snowflakeTime(ids[0] as string).getTime() - Date.now()) < 5000);
  });
});

describe('command diff', () => {
  it('ignores what Discord fills in, and names what changed', () => {
    const current = [
      {
        id: '1',
        name: 'game',
        description: 'Games',
        options: [],
        name_localizations: null,
        version: '9',
        type: 1,
      },
      { id: '2', name: 'old', description: 'Old', type: 1 },
    ] as never;
    const diff = diffCommands(current, [
      { name: 'game', description: 'Games', name_localizations: {}, options: [], type: 1 },
      { name: 'new', description: 'New', type: 1 },
    ] as never);
    assert.deepEqual(diff, { added: ['new'], changed: [], removed: ['old'], unchanged: ['game'] });
  });
});

describe('paginator', () => {
  it('disables its buttons when it times out', async () => {
    const edits: MessagePayload[] = [];
    const i18n = createI18n();
    const paginator = createPaginator({
      id: 'list',
      timeoutMs: 50,
      render: async (_ctx, _state, page) => ({ pageCount: 3, embeds: [{ title: `page ${page}` }] }),
    });
    const ctx = {
      interaction: { token: 'tok' },
      discord: {
        editOriginalResponse: async (_t: string, m: MessagePayload) => void edits.push(m),
      } as unknown as Discord,
      t: i18n.forLocale('en'),
      customId: (id: string, state: readonly string[] = []) => ['m', id, 'v1', '-', ...state].join(':'),
    } as never;
    type Row = { components: Array<{ disabled: boolean }> };
    const buttonsOf = (m: unknown) =>
      ((m as MessagePayload).components?.[0] as Row | undefined)?.components ?? [];
    const buttons = buttonsOf(await paginator.start(ctx));
    assert.deepEqual(
      buttons.map((b) => b.disabled),
      [true, true, false],
    );
    const deadline = Date.now() + 3000;
    while (edits.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const disabled = buttonsOf(edits[0]);
    assert.deepEqual(
      disabled.map((b) => b.disabled),
      [true, true, true],
    );
    // A press after the timeout turns nothing and disables instead.
    const next = await paginator.component.handler({
      ...(ctx as object),
      state: ['n', '1', Math.floor(Date.now() / 1000 - 10).toString(36)],
    } as never);
    const after = buttonsOf(next);
    assert.equal(after.length, 3);
    assert.ok(after.every((b) => b.disabled));
  });
});

describe('command declarations with groups', () => {
  const i18n = createI18n();
  i18n.extend({
    en: {
      t: { c: { description: 'C', sub: { a: { description: 'A' } }, group: { a: { description: 'G' } } } },
    },
  });
  const handler = async () => ({ content: 'x' });

  it('refuses a group named like a subcommand, options beside subcommands, and an empty group', () => {
    assert.throws(
      () =>
        buildCommand(i18n, {
          name: 'c',
          key: 't.c',
          subcommands: { a: { handler } },
          groups: { a: { subcommands: { a: { handler } } } },
        }),
      /both a subcommand and a group/,
    );
    assert.throws(
      () =>
        buildCommand(i18n, {
          name: 'c',
          key: 't.c',
          options: { x: { type: 'string' } },
          groups: { a: { subcommands: { a: { handler } } } },
        }),
      /options belong to its subcommands/,
    );
    assert.throws(
      () => buildCommand(i18n, { name: 'c', key: 't.c', groups: { a: { subcommands: {} } } }),
      /1–25 subcommands/,
    );
    assert.throws(
      () => buildCommand(i18n, { name: 'c', key: 't.c', groups: { x: { subcommands: { a: { handler } } } } }),
      /missing catalogue entry t\.c\.group\.x\.description/,
    );
  });
});
