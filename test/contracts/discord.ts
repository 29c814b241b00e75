import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InteractionResponseType, OverwriteType } from 'discord-api-types/v10';
import { isDiscordError } from '#platform/discord/errors.ts';
import { PermissionBits } from '#platform/discord/permissions.ts';
import type { Discord } from '#platform/discord/port.ts';
import { snowflakeTime } from '#platform/discord/snowflake.ts';

/** A guild as both worlds (the stand-in and the sandbox) can be seeded with it. */
export type Fixture = {
  guild: { id: string; name: string; ownerId: string };
  roles: Array<{ id: string; name: string; permissions: string }>;
  channels: Array<{
    id: string;
    name: string;
    overwrites?: Array<{ id: string; type: number; allow: string; deny: string }>;
  }>;
  users: Array<{ id: string; username: string; acceptsDms?: boolean }>;
  members: Array<{ userId: string; roleIds: string[] }>;
};

export type DiscordWorld = {
  readonly port: Discord;
  readonly botId: string;
  seed(fixture: Fixture): Promise<void>;
  openInteraction(input: {
    channelId: string;
    guildId: string;
    userId: string;
  }): Promise<{ id: string; token: string }>;
  dispose(): Promise<void>;
};

export type DiscordWorldFactory = { readonly kind: string; create(): Promise<DiscordWorld> };

const G = '810000000000000001';
const BOT_ROLE = '810000000000000010';
const HOST_ROLE = '810000000000000011';
const OPEN = '810000000000000020';
const CLOSED = '810000000000000021';
const ALICE = '810000000000000030';
const BOB = '810000000000000031';
const STRANGER = '810000000000000032';

function failsWith(code: string) {
  return (error: unknown) => {
    assert.ok(isDiscordError(error), `not a DiscordError: ${error}`);
    assert.equal(error.code, code);
    return true;
  };
}

/** The Discord port's contract: the same answers from the log adapter and from REST against the stand-in. */
export function discordContract(factory: DiscordWorldFactory) {
  describe(`discord port contract (${factory.kind})`, () => {
    let world: DiscordWorld;
    let d: Discord;
    before(async () => {
      world = await factory.create();
      d = world.port;
      const send = PermissionBits.SEND_MESSAGES.toString();
      await world.seed({
        guild: { id: G, name: 'Contract Guild', ownerId: ALICE },
        roles: [
          {
            id: G,
            name: '@everyone',
            permissions: (
              PermissionBits.VIEW_CHANNEL |
              PermissionBits.SEND_MESSAGES |
              PermissionBits.SEND_MESSAGES_IN_THREADS |
              PermissionBits.EMBED_LINKS
            ).toString(),
          },
          {
            id: BOT_ROLE,
            name: 'Guildhall',
            permissions: (PermissionBits.EMBED_LINKS | PermissionBits.MANAGE_ROLES).toString(),
          },
          { id: HOST_ROLE, name: 'Host', permissions: '0' },
        ],
        channels: [
          { id: OPEN, name: 'games' },
          // Nobody but the owner may post here: the bot's role gets no allow.
          {
            id: CLOSED,
            name: 'rules',
            overwrites: [{ id: G, type: OverwriteType.Role, allow: '0', deny: send }],
          },
        ],
        users: [
          { id: ALICE, username: 'alice' },
          { id: BOB, username: 'bob', acceptsDms: false },
          { id: STRANGER, username: 'stranger' },
        ],
        members: [
          { userId: world.botId, roleIds: [BOT_ROLE] },
          { userId: ALICE, roleIds: [] },
          { userId: BOB, roleIds: [HOST_ROLE] },
        ],
      });
    });
    after(async () => world?.dispose());

    it('sends, reads, edits and deletes a message; afterwards it is unknown', async () => {
      const sent = await d.sendMessage(OPEN, {
        content: 'Game night',
        embeds: [{ title: 'Friday', description: 'Bring snacks' }],
        components: [
          { type: 1, components: [{ type: 2, style: 1, custom_id: 'games:join', label: 'Join' }] },
        ],
      });
      assert.match(sent.id, /^\d{17,20}$/);
      assert.ok(Math.abs(snowflakeTime(sent.id).getTime() - Date.now()) < 60_000, 'id carries its time');
      assert.equal(sent.channelId, OPEN);
      assert.equal(sent.authorId, world.botId);
      assert.equal(sent.editedAt, null);
      const read = await d.getMessage(OPEN, sent.id);
      assert.equal(read.content, 'Game night');
      assert.equal(read.embeds[0]?.title, 'Friday');
      assert.equal(read.components.length, 1);

      const edited = await d.editMessage(OPEN, sent.id, { embeds: [{ title: 'Friday (moved)' }] });
      assert.equal(edited.id, sent.id);
      assert.equal(edited.content, 'Game night', 'fields not given stay');
      assert.equal(edited.embeds[0]?.title, 'Friday (moved)');
      assert.ok(edited.editedAt);

      await d.deleteMessage(OPEN, sent.id);
      await assert.rejects(d.getMessage(OPEN, sent.id), failsWith('DISCORD_UNKNOWN_MESSAGE'));
      await assert.rejects(
        d.editMessage(OPEN, sent.id, { content: 'x' }),
        failsWith('DISCORD_UNKNOWN_MESSAGE'),
      );
      await assert.rejects(d.deleteMessage(OPEN, sent.id), failsWith('DISCORD_UNKNOWN_MESSAGE'));
    });

    it('gives later messages larger ids', async () => {
      const a = await d.sendMessage(OPEN, { content: 'a' });
      const b = await d.sendMessage(OPEN, { content: 'b' });
      assert.ok(BigInt(b.id) > BigInt(a.id));
    });

    it('refuses an empty message and one past 2,000 characters', async () => {
      await assert.rejects(d.sendMessage(OPEN, { content: '' }), failsWith('DISCORD_INVALID_REQUEST'));
      await assert.rejects(
        d.sendMessage(OPEN, { content: 'x'.repeat(2001) }),
        failsWith('DISCORD_INVALID_REQUEST'),
      );
    });

    it('answers unknown channels with DISCORD_UNKNOWN_CHANNEL', async () => {
      await assert.rejects(
        d.sendMessage('810000000000009999', { content: 'x' }),
        failsWith('DISCORD_UNKNOWN_CHANNEL'),
      );
      await assert.rejects(d.getChannel('810000000000009999'), failsWith('DISCORD_UNKNOWN_CHANNEL'));
    });

    it('tells whether the bot may post, and refuses posting where it may not', async () => {
      assert.equal(await d.canPost(OPEN), true);
      assert.equal(await d.canPost(CLOSED), false);
      assert.equal(await d.canPost('810000000000009999'), false);
      await assert.rejects(d.sendMessage(CLOSED, { content: 'x' }), failsWith('DISCORD_MISSING_PERMISSIONS'));
    });

    it('sends DMs, and reports closed DMs and unknown users', async () => {
      const dm = await d.sendDm(ALICE, { content: 'Your game starts in 15 minutes' });
      assert.equal(dm.guildId, null);
      const again = await d.sendDm(ALICE, { content: 'again' });
      assert.equal(again.channelId, dm.channelId, 'one DM channel per user');
      await assert.rejects(d.sendDm(BOB, { content: 'x' }), failsWith('DISCORD_CANNOT_DM'));
      await assert.rejects(
        d.sendDm('810000000000008888', { content: 'x' }),
        failsWith('DISCORD_UNKNOWN_USER'),
      );
    });

    it('creates a thread on a message, adds members and archives it', async () => {
      const announcement = await d.sendMessage(OPEN, { content: 'Raid' });
      const thread = await d.createThread(OPEN, { name: 'Raid — chat', messageId: announcement.id });
      assert.equal(thread.parentId, OPEN);
      assert.equal(thread.guildId, G);
      assert.equal(thread.type, 11);
      await d.addThreadMember(thread.id, ALICE);
      await assert.rejects(d.addThreadMember(thread.id, STRANGER), failsWith('DISCORD_UNKNOWN_MEMBER'));
      assert.equal(await d.canPost(thread.id), true);
      await d.removeThreadMember(thread.id, ALICE);
      // Idempotent: someone not (or no longer) in the thread is no error.
      await d.removeThreadMember(thread.id, ALICE);
      await d.removeThreadMember(thread.id, STRANGER);
      await d.addThreadMember(thread.id, ALICE);
      await d.archiveThread(thread.id);
      assert.equal((await d.getChannel(thread.id)).archived, true);
      await assert.rejects(d.addThreadMember(thread.id, BOB), failsWith('DISCORD_THREAD_ARCHIVED'));
      await assert.rejects(d.removeThreadMember(thread.id, ALICE), failsWith('DISCORD_THREAD_ARCHIVED'));
    });

    it('reacts to messages', async () => {
      const m = await d.sendMessage(OPEN, { content: 'poll' });
      await d.addReaction(OPEN, m.id, '✅');
      await d.removeOwnReaction(OPEN, m.id, '✅');
      await assert.rejects(
        d.addReaction(OPEN, '810000000000007777', '✅'),
        failsWith('DISCORD_UNKNOWN_MESSAGE'),
      );
    });

    it('looks up guilds, roles, channels and members', async () => {
      assert.deepEqual(
        (await d.getCurrentGuilds()).map((g) => g.id),
        [G],
      );
      const guild = await d.getGuild(G);
      assert.deepEqual(
        { id: guild.id, name: guild.name, ownerId: guild.ownerId },
        { id: G, name: 'Contract Guild', ownerId: ALICE },
      );
      const roles = await d.getRoles(G);
      assert.deepEqual(roles.map((r) => r.id).sort(), [G, BOT_ROLE, HOST_ROLE].sort());
      const channels = await d.getGuildChannels(G);
      assert.deepEqual(channels.map((c) => c.id).sort(), [OPEN, CLOSED].sort());
      const bob = await d.getMember(G, BOB);
      assert.deepEqual(bob?.roleIds, [HOST_ROLE]);
      assert.equal(bob?.user.username, 'bob');
      assert.equal(await d.getMember(G, STRANGER), null);
      await assert.rejects(d.getGuild('810000000000006666'), (e) =>
        ['DISCORD_UNKNOWN_GUILD', 'DISCORD_MISSING_ACCESS'].includes((e as { code: string }).code),
      );
    });

    it('grants and removes roles', async () => {
      await d.addMemberRole(G, ALICE, HOST_ROLE);
      assert.deepEqual((await d.getMember(G, ALICE))?.roleIds, [HOST_ROLE]);
      await d.removeMemberRole(G, ALICE, HOST_ROLE);
      assert.deepEqual((await d.getMember(G, ALICE))?.roleIds, []);
      await assert.rejects(
        d.addMemberRole(G, ALICE, '810000000000005555'),
        failsWith('DISCORD_UNKNOWN_ROLE'),
      );
      await assert.rejects(d.addMemberRole(G, STRANGER, HOST_ROLE), failsWith('DISCORD_UNKNOWN_MEMBER'));
    });

    it('creates a role, grants it and deletes it (members lose it)', async () => {
      const role = await d.createRole(G, { name: 'Raid — Friday', mentionable: true });
      assert.match(role.id, /^\d{17,20}$/);
      assert.equal(role.name, 'Raid — Friday');
      assert.equal(role.permissions, '0');
      assert.ok((await d.getRoles(G)).some((r) => r.id === role.id));
      await d.addMemberRole(G, ALICE, role.id);
      assert.deepEqual((await d.getMember(G, ALICE))?.roleIds, [role.id]);
      await d.deleteRole(G, role.id);
      assert.ok(!(await d.getRoles(G)).some((r) => r.id === role.id));
      assert.deepEqual((await d.getMember(G, ALICE))?.roleIds, []);
      await assert.rejects(d.deleteRole(G, role.id), failsWith('DISCORD_UNKNOWN_ROLE'));
    });

    it('returns the earlier message for a repeated nonce when it is enforced', async () => {
      const nonce = `n${Date.now().toString(36)}`;
      const first = await d.sendMessage(OPEN, { content: 'once', nonce, enforceNonce: true });
      const again = await d.sendMessage(OPEN, { content: 'once', nonce, enforceNonce: true });
      assert.equal(again.id, first.id, 'no second message');
      const loose = await d.sendMessage(OPEN, { content: 'twice', nonce });
      assert.notEqual(loose.id, first.id, 'without enforce_nonce the nonce is only echoed');
      const other = await d.sendMessage(OPEN, { content: 'other', nonce: `${nonce}x`, enforceNonce: true });
      assert.notEqual(other.id, first.id);
      await assert.rejects(
        d.sendMessage(OPEN, { content: 'x', nonce: 'n'.repeat(26), enforceNonce: true }),
        failsWith('DISCORD_INVALID_REQUEST'),
      );
    });

    it('overwrites commands per scope, keeping the ids of commands that stay', async () => {
      const first = await d.overwriteCommands([
        { name: 'game', description: 'Game sessions', options: [] },
        { name: 'ping', description: 'Ping' },
      ]);
      assert.equal(first.length, 2);
      const second = await d.overwriteCommands([{ name: 'game', description: 'Game sessions (new)' }]);
      assert.equal(second.length, 1);
      assert.equal(second[0]?.id, first.find((c) => c.name === 'game')?.id);
      assert.deepEqual(
        (await d.getCommands()).map((c) => c.description),
        ['Game sessions (new)'],
      );
      await d.overwriteCommands([{ name: 'guildonly', description: 'Only here' }], { guildId: G });
      assert.deepEqual(
        (await d.getCommands({ guildId: G })).map((c) => c.name),
        ['guildonly'],
      );
      assert.deepEqual(
        (await d.getCommands()).map((c) => c.name),
        ['game'],
      );
    });

    it('answers an interaction once, edits the answer and follows up', async () => {
      const { id, token } = await world.openInteraction({ channelId: OPEN, guildId: G, userId: ALICE });
      await d.respondToInteraction(id, token, {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: 64 },
      });
      await assert.rejects(
        d.respondToInteraction(id, token, { type: InteractionResponseType.Pong }),
        failsWith('DISCORD_INTERACTION_ACKNOWLEDGED'),
      );
      const original = await d.editOriginalResponse(token, { content: 'Done.' });
      assert.equal(original.content, 'Done.');
      const follow = await d.followUp(token, { content: 'One more thing', flags: 64 });
      assert.equal(follow.content, 'One more thing');
      await d.deleteOriginalResponse(token);
      await assert.rejects(
        d.followUp('unknown-token', { content: 'x' }),
        failsWith('DISCORD_UNKNOWN_WEBHOOK'),
      );
    });
  });
}
