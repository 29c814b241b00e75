import { sql } from 'drizzle-orm';
import type { Database } from '#platform/db/database.ts';
import { PermissionBits } from '#platform/discord/permissions.ts';
import type { Discord } from '#platform/discord/port.ts';
import type { Sandbox } from '#platform/discord/sandbox.ts';
import type { I18n } from '#platform/i18n/i18n.ts';
import { welcomeMessage } from './demo-discord.ts';
import type { Directory } from './directory.ts';

/**
 * The demo world for `npm start` without Discord credentials: two guilds with people, roles and
 * channels, created in the sandbox (which stands in for Discord) and mirrored into the directory
 * the way the gateway would. Seeding is idempotent and never overwrites settings an admin changed.
 */
export const DEMO_GUILD = '900000000000000001';
export const DEMO_GUILD_B = '900000000000000002';

const ROLE = {
  host: '900000000000000101',
  moderator: '900000000000000102',
  bot: '900000000000000103',
  raidLead: '900000000000000201',
  botB: '900000000000000202',
} as const;

export const DEMO_CHANNELS = {
  general: '900000000000000301',
  gameNight: '900000000000000302',
  rules: '900000000000000303',
  raids: '900000000000000401',
} as const;

export type DemoUser = { id: string; username: string; globalName: string; role: string; locale: string };

export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: '900000000000001001',
    username: 'ada',
    globalName: 'Ada (owner)',
    role: 'owner and admin of Demo Guild',
    locale: 'en',
  },
  {
    id: '900000000000001002',
    username: 'hugo',
    globalName: 'Hugo (host)',
    role: 'host in Demo Guild',
    locale: 'de',
  },
  {
    id: '900000000000001003',
    username: 'mia',
    globalName: 'Mia',
    role: 'member of Demo Guild, owner of Demo Raiders',
    locale: 'en',
  },
  {
    id: '900000000000001004',
    username: 'noah',
    globalName: 'Noah (moderator)',
    role: 'moderator in Demo Guild, member of Demo Raiders',
    locale: 'en',
  },
  {
    id: '900000000000001005',
    username: 'lena',
    globalName: 'Lena',
    role: 'member of Demo Guild (DMs closed)',
    locale: 'de',
  },
];

/**
 * More members of Demo Guild, who cannot sign in but whom the sandbox can act as: a game night
 * needs more than five people to fill its slots and show a waitlist.
 */
export const DEMO_CROWD: readonly { id: string; username: string; globalName: string }[] = [
  'Sam',
  'Yuki',
  'Omar',
  'Priya',
  'Jonas',
  'Zoe',
  'Tomás',
  'Ines',
].map((name, i) => ({
  id: `9000000000000010${String(11 + i)}`,
  username: name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, ''),
  globalName: name,
}));

const [ADA, HUGO, MIA, NOAH, LENA] = DEMO_USERS.map((u) => u.id) as [string, string, string, string, string];

const EVERYONE =
  PermissionBits.VIEW_CHANNEL |
  PermissionBits.SEND_MESSAGES |
  PermissionBits.SEND_MESSAGES_IN_THREADS |
  PermissionBits.CREATE_PUBLIC_THREADS |
  PermissionBits.EMBED_LINKS |
  PermissionBits.ADD_REACTIONS;

/**
 * The bot's role: what the README asks a real deployment to grant when inviting the bot, so that
 * every optional feature (a game's thread, its temporary role) works in the demo too.
 */
const BOT =
  PermissionBits.VIEW_CHANNEL |
  PermissionBits.SEND_MESSAGES |
  PermissionBits.SEND_MESSAGES_IN_THREADS |
  PermissionBits.CREATE_PUBLIC_THREADS |
  PermissionBits.EMBED_LINKS |
  PermissionBits.ADD_REACTIONS |
  PermissionBits.MANAGE_ROLES;

export async function seedDemo(deps: {
  db: Database;
  sandbox: Sandbox;
  directory: Directory;
  botUserId: string;
  /** The sandbox's port, to post the welcome message as the bot would. */
  discord: Discord;
  i18n: I18n;
}): Promise<void> {
  const { sandbox, directory, botUserId } = deps;
  await sandbox.upsertUser({ id: botUserId, username: 'Guildhall', bot: true, acceptsDms: false });
  for (const u of DEMO_USERS) {
    await sandbox.upsertUser({
      id: u.id,
      username: u.username,
      globalName: u.globalName,
      acceptsDms: u.id !== LENA,
    });
    await directory.upsertUser({
      id: u.id,
      username: u.username,
      globalName: u.globalName,
      locale: u.locale,
    });
  }

  for (const u of DEMO_CROWD) {
    await sandbox.upsertUser({ id: u.id, username: u.username, globalName: u.globalName, acceptsDms: true });
    await directory.upsertUser({ id: u.id, username: u.username, globalName: u.globalName, locale: 'en' });
  }

  const guilds = [
    {
      guild: { id: DEMO_GUILD, name: 'Demo Guild', ownerId: ADA },
      roles: [
        { id: DEMO_GUILD, name: '@everyone', permissions: EVERYONE.toString(), position: 0 },
        { id: ROLE.host, name: 'Host', permissions: '0', position: 1, color: 0x2ecc71 },
        { id: ROLE.moderator, name: 'Moderator', permissions: '0', position: 2, color: 0x3498db },
        { id: ROLE.bot, name: 'Guildhall', permissions: BOT.toString(), position: 3 },
      ],
      members: [
        { userId: ADA, roleIds: [] },
        { userId: HUGO, roleIds: [ROLE.host] },
        { userId: MIA, roleIds: [] },
        { userId: NOAH, roleIds: [ROLE.moderator] },
        { userId: LENA, roleIds: [] },
        ...DEMO_CROWD.map((u) => ({ userId: u.id, roleIds: [] })),
      ],
      botRoles: [ROLE.bot],
      channels: [
        { id: DEMO_CHANNELS.general, name: 'general' },
        { id: DEMO_CHANNELS.gameNight, name: 'game-night' },
        // Read-only for everyone, the bot included: "a channel the bot cannot post in".
        {
          id: DEMO_CHANNELS.rules,
          name: 'rules',
          permissionOverwrites: [
            { id: DEMO_GUILD, type: 0, allow: '0', deny: PermissionBits.SEND_MESSAGES.toString() },
          ],
        },
      ],
      capabilityRoles: { host: [ROLE.host], moderator: [ROLE.moderator], verifier: [] },
      timezone: 'Europe/Berlin',
    },
    {
      guild: { id: DEMO_GUILD_B, name: 'Demo Raiders', ownerId: MIA },
      roles: [
        { id: DEMO_GUILD_B, name: '@everyone', permissions: EVERYONE.toString(), position: 0 },
        { id: ROLE.raidLead, name: 'Raid lead', permissions: '0', position: 1 },
        { id: ROLE.botB, name: 'Guildhall', permissions: BOT.toString(), position: 2 },
      ],
      members: [
        { userId: MIA, roleIds: [ROLE.raidLead] },
        { userId: NOAH, roleIds: [] },
      ],
      botRoles: [ROLE.botB],
      channels: [{ id: DEMO_CHANNELS.raids, name: 'raids' }],
      capabilityRoles: { host: [ROLE.raidLead], moderator: [], verifier: [] },
      timezone: 'America/New_York',
    },
  ];

  for (const g of guilds) {
    await sandbox.upsertGuild({ ...g.guild, roles: g.roles });
    for (const c of g.channels) await sandbox.upsertChannel({ guildId: g.guild.id, ...c });
    await sandbox.upsertMember(g.guild.id, botUserId, g.botRoles);
    for (const m of g.members) await sandbox.upsertMember(g.guild.id, m.userId, m.roleIds);
    // What the gateway would write on GUILD_CREATE.
    await directory.syncGuild(g.guild, g.roles, g.members);
    await deps.db.withSystem((tx) =>
      tx.execute(sql`insert into core.guild_settings (guild_id, timezone, locale, capability_roles)
                     values (${g.guild.id}, ${g.timezone}, 'en', ${JSON.stringify(g.capabilityRoles)}::jsonb)
                     on conflict (guild_id) do nothing`),
    );
  }

  // Once: something to press in the dashboard's sandbox before any module has posted.
  const [existing] = await sandbox.messages({
    channelId: DEMO_CHANNELS.general,
    includeDeleted: true,
    limit: 1,
  });
  if (!existing)
    await deps.discord.sendMessage(DEMO_CHANNELS.general, welcomeMessage(deps.i18n, 'en', new Date()));
}
