import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { PermissionBits } from '#platform/discord/permissions.ts';
import { type DiscordApp, startDiscordApp } from '../../support/discord-app.ts';

const GA = '860000000000000001';
const GB = '860000000000000002';
const GC = '860000000000000003';
const ADMIN_A = '860000000000000101';
const MEMBER = '860000000000000102';
const LONER = '860000000000000103';
const OWNER_B = '860000000000000104';
const MANAGER = '860000000000000201';
const CLIENT = { clientId: '870000000000000001', clientSecret: 'shh-secret' };
const EVERYONE = (PermissionBits.VIEW_CHANNEL | PermissionBits.SEND_MESSAGES).toString();

type Cookie = {
  name: string;
  value: string;
  httpOnly?: boolean;
  sameSite?: string;
  secure?: boolean;
  maxAge?: number;
};

describe('sign-in with Discord (OAuth2 + PKCE) and sessions', () => {
  let t: DiscordApp;
  before(async () => {
    t = await startDiscordApp({
      bots: [{ name: 'default', id: CLIENT.clientId }],
      modules: [],
      standin: { oauth: CLIENT },
      env: {
        DISCORD_CLIENT_ID: CLIENT.clientId,
        DISCORD_CLIENT_SECRET: CLIENT.clientSecret,
        PUBLIC_URL: 'http://127.0.0.1:8080',
      },
    });
    const w = t.standin.world;
    for (const [id, username] of [
      [ADMIN_A, 'admina'],
      [MEMBER, 'member'],
      [LONER, 'loner'],
      [OWNER_B, 'ownerb'],
    ] as const)
      w.addUser({ id, username });
    w.addGuild({
      id: GA,
      name: 'Alpha',
      ownerId: OWNER_B,
      roles: [
        { id: GA, name: '@everyone', permissions: EVERYONE },
        { id: MANAGER, name: 'Manager', permissions: PermissionBits.MANAGE_GUILD.toString() },
      ],
    });
    w.addGuild({
      id: GB,
      name: 'Beta',
      ownerId: OWNER_B,
      roles: [{ id: GB, name: '@everyone', permissions: EVERYONE }],
    });
    // A guild without the bot: its members share nothing with Guildhall.
    w.addGuild({
      id: GC,
      name: 'Gamma',
      ownerId: LONER,
      roles: [{ id: GC, name: '@everyone', permissions: EVERYONE }],
    });
    w.addMember(GA, CLIENT.clientId).addMember(GB, CLIENT.clientId);
    w.addMember(GA, ADMIN_A, [MANAGER]).addMember(GA, MEMBER).addMember(GB, MEMBER).addMember(GB, OWNER_B);
    w.addMember(GC, LONER);
  });
  after(async () => t?.close());

  const cookiesOf = (res: { cookies: Cookie[] }) => Object.fromEntries(res.cookies.map((c) => [c.name, c]));
  const sessionCount = async () =>
    Number(
      (await t.runtime.db.query<{ n: number }>('select count(*)::int as n from core.sessions')).rows[0]?.n,
    );

  /** Login → Discord's consent page (the stand-in) → the callback URL Discord redirects to. */
  async function consent(userId: string, agree = true) {
    const login = await t.app.inject({ method: 'GET', url: '/api/v1/auth/discord/login?returnTo=/guilds' });
    assert.equal(login.statusCode, 302);
    const state = cookiesOf(login).guildhall_oauth_state as Cookie;
    assert.ok(state.httpOnly);
    const authorize = new URL(String(login.headers.location));
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorize.searchParams.get('scope'), 'identify guilds');
    assert.equal(
      authorize.searchParams.get('redirect_uri'),
      'http://127.0.0.1:8080/api/v1/auth/discord/callback',
    );
    t.standin.oauthNext = { userId, consent: agree };
    const discord = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(String(discord.headers.get('location')));
    return {
      callback: `${callback.pathname}${callback.search}`,
      stateCookie: state.value,
      params: callback.searchParams,
    };
  }

  async function signIn(userId: string, existing?: string) {
    const { callback, stateCookie } = await consent(userId);
    const res = await t.app.inject({
      method: 'GET',
      url: callback,
      cookies: { guildhall_oauth_state: stateCookie, ...(existing ? { guildhall_session: existing } : {}) },
    });
    return res;
  }

  async function csrfOf(session: string): Promise<string> {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { guildhall_session: session },
    });
    assert.equal(res.statusCode, 200);
    return res.json().csrfToken;
  }

  it('signs in: a session cookie, the user and the guilds they share with the bot', async () => {
    const res = await signIn(MEMBER);
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/guilds');
    const cookie = cookiesOf(res).guildhall_session as Cookie;
    assert.ok(cookie, 'session cookie set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.notEqual(cookie.secure, true, 'not Secure on a plain-http PUBLIC_URL');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { guildhall_session: cookie.value },
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.username, 'member');
    assert.deepEqual(
      me
        .json()
        .guilds.map((g: { id: string }) => g.id)
        .sort(),
      [GA, GB],
    );
    // Only its hash is stored.
    const { rows } = await t.runtime.db.query<{ n: number }>(
      `select count(*)::int as n from core.sessions where token_hash = sha256($1::text::bytea)`,
      [cookie.value],
    );
    assert.equal(rows[0]?.n, 1);
  });

  it('refuses a callback whose state does not match the browser’s, creating no session', async () => {
    const before = await sessionCount();
    const { callback } = await consent(MEMBER);
    const res = await t.app.inject({
      method: 'GET',
      url: callback,
      cookies: { guildhall_oauth_state: 'someone-elses' },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'OAUTH_STATE_MISMATCH');
    assert.equal(cookiesOf(res).guildhall_session, undefined);
    const replay = await t.app.inject({ method: 'GET', url: callback });
    assert.equal(replay.json().code, 'OAUTH_STATE_MISMATCH');
    assert.equal(await sessionCount(), before);
  });

  it('refuses a code redeemed with another flow’s verifier (PKCE mismatch)', async () => {
    const before = await sessionCount();
    const first = await consent(MEMBER);
    const second = await consent(MEMBER);
    // The code of the first flow, with the state (and so the verifier) of the second.
    const url = `/api/v1/auth/discord/callback?code=${first.params.get('code')}&state=${second.params.get('state')}`;
    const res = await t.app.inject({
      method: 'GET',
      url,
      cookies: { guildhall_oauth_state: second.stateCookie },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'OAUTH_EXCHANGE_FAILED');
    assert.equal(t.standin.callsTo('POST', '/oauth2/token').at(-1)?.status, 400);
    assert.equal(await sessionCount(), before);
  });

  it('explains a denied consent, as a page to a browser and as problem+json otherwise', async () => {
    const { callback, stateCookie, params } = await consent(MEMBER, false);
    assert.equal(params.get('error'), 'access_denied');
    const page = await t.app.inject({
      method: 'GET',
      url: callback,
      headers: { accept: 'text/html' },
      cookies: { guildhall_oauth_state: stateCookie },
    });
    assert.equal(page.statusCode, 403);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.body, /cancelled the sign-in/);
    const json = await t.app.inject({
      method: 'GET',
      url: callback,
      cookies: { guildhall_oauth_state: stateCookie },
    });
    assert.equal(json.json().code, 'OAUTH_DENIED');
  });

  it('refuses a user who shares no guild with the bot', async () => {
    const before = await sessionCount();
    const res = await signIn(LONER);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'OAUTH_NO_SHARED_GUILD');
    assert.equal(await sessionCount(), before);
  });

  it('rotates the session on sign-in, lists and revokes sessions, signs out', async () => {
    const first = (cookiesOf(await signIn(ADMIN_A)).guildhall_session as Cookie).value;
    const second = (cookiesOf(await signIn(ADMIN_A, first)).guildhall_session as Cookie).value;
    assert.notEqual(first, second);
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { guildhall_session: first },
    });
    assert.equal(old.statusCode, 401, 'the session signed in over is gone');
    const third = (cookiesOf(await signIn(ADMIN_A)).guildhall_session as Cookie).value;

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      cookies: { guildhall_session: second },
    });
    const sessions = list.json().sessions as Array<{ id: string; current: boolean }>;
    assert.equal(sessions.length, 2);
    assert.equal(sessions.filter((s) => s.current).length, 1);
    const other = sessions.find((s) => !s.current) as { id: string };

    const csrf = await csrfOf(second);
    const noCsrf = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other.id}`,
      cookies: { guildhall_session: second },
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().code, 'CSRF_TOKEN_INVALID');
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other.id}`,
      cookies: { guildhall_session: second },
      headers: { 'x-csrf-token': csrf },
    });
    assert.equal(revoked.statusCode, 204);
    const gone = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { guildhall_session: third },
    });
    assert.equal(gone.statusCode, 401);

    // Someone else's session is "not found".
    const memberSession = (cookiesOf(await signIn(MEMBER)).guildhall_session as Cookie).value;
    const notMine = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other.id.replace(/.$/, '0')}`,
      cookies: { guildhall_session: memberSession },
      headers: { 'x-csrf-token': await csrfOf(memberSession) },
    });
    assert.equal(notMine.statusCode, 404);

    const wrongOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { guildhall_session: second },
      headers: { 'x-csrf-token': csrf, origin: 'https://evil.example' },
    });
    assert.equal(wrongOrigin.statusCode, 403);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { guildhall_session: second },
      headers: { 'x-csrf-token': csrf, origin: 'http://127.0.0.1:8080' },
    });
    assert.equal(out.statusCode, 204);
    assert.equal(cookiesOf(out).guildhall_session?.value, '');
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { guildhall_session: second },
    });
    assert.equal(after.statusCode, 401);
  });

  it('a member of guild A cannot act in guild B through the API', async () => {
    const session = (cookiesOf(await signIn(ADMIN_A)).guildhall_session as Cookie).value;
    const csrf = await csrfOf(session);
    const body = { timezone: 'Europe/Berlin', locale: 'de', enabledModules: [], capabilityRoles: {} };
    const put = (guildId: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/guilds/${guildId}/settings`,
        cookies: { guildhall_session: session },
        headers: { 'x-csrf-token': csrf },
        payload: body,
      });
    const own = await put(GA);
    assert.equal(own.statusCode, 200, own.body);
    const other = await put(GB);
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().code, 'GUILD_NOT_FOUND');
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/guilds/${GB}`,
      cookies: { guildhall_session: session },
    });
    assert.equal(read.statusCode, 404);
    // MEMBER is in B, but without Manage Server.
    const member = (cookiesOf(await signIn(MEMBER)).guildhall_session as Cookie).value;
    const asMember = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/guilds/${GB}/settings`,
      cookies: { guildhall_session: member },
      headers: { 'x-csrf-token': await csrfOf(member) },
      payload: body,
    });
    assert.equal(asMember.statusCode, 403);
    assert.equal(asMember.json().code, 'NOT_GUILD_ADMIN');
    const { rows } = await t.runtime.db.query<{ locale: string }>(
      'select locale from core.guild_settings where guild_id = $1',
      [GB],
    );
    assert.equal(rows[0]?.locale ?? 'en', 'en', 'guild B unchanged');
  });

  it('refuses the demo sign-in when Discord credentials are configured', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { userId: MEMBER } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'DEMO_SIGN_IN_REFUSED');
    await t.runtime.db.withSystem((tx) => tx.execute(sql`select 1`));
  });
});
