/**
 * `npm run bench -- games [--games N] [--samples N] [--storms N]`: the games API on the local
 * PostgreSQL, with `guildhall api` in a child process of its own (so the load generator does not
 * share its event loop) against a scratch database.
 *
 * - List latency for a guild with N games (10,000) with participants: first page, deep keyset
 *   pages and filters, over HTTP with an API token. Baselines in the same run: GET /healthz (the
 *   HTTP floor) and the service's own keyset SQL sent straight to PostgreSQL, bare and framed in
 *   a guild transaction as `withGuild` does (the database floor).
 * - The join storm: 200 members join a 10-slot game at once over HTTP, each on its own
 *   connection; every storm must end with 10 confirmed and 190 waitlisted, the confirmed being
 *   the 10 earliest positions, no duplicates (checked, a failure exits non-zero). Baseline: 200
 *   simultaneous GET /healthz. The first storm is the joiners' first contact (their tokens and
 *   memberships are looked up, coalesced); the others follow 200 reads by the same people.
 *
 * Targets (issue 5): list p99 ≤ 10 ms, storm p99 ≤ 50 ms. Printed, never asserted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { listQuery } from '../src/modules/games/service/list-query.ts';
import { freePort } from '../test/support/cli.ts';
import { adminQuery, urlFor } from '../test/support/databases.ts';
import { against, fmt, print, printTable, ratio, summarize } from './report.ts';

const BIN = new URL('../bin/guildhall.js', import.meta.url).pathname;
const GUILD = '700000000000000001';
const OWNER = '710000000000000100';
/** Members 1..MEMBERS: ids OWNER + i. The first HOSTS host the seeded games. */
const MEMBERS = 220;
const HOSTS = 20;
const STORM = 200;
const SLOTS = 10;

type Stats = ReturnType<typeof summarize>;

export async function main(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      games: { type: 'string', default: '10000' },
      samples: { type: 'string', default: '1000' },
      storms: { type: 'string', default: '5' },
    },
  });
  const gameCount = Number(values.games);
  const samples = Number(values.samples);
  const storms = Number(values.storms);
  const dbName = `guildhall_bench_games_${process.pid}`;
  await adminQuery(`create database ${dbName}`);
  const url = urlFor(dbName);
  let server: ChildProcess | undefined;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    print(
      `Guildhall games API on PostgreSQL (${(await adminQuery('show server_version')).rows[0]?.server_version}), node ${process.version}, ${os.cpus().length} cores`,
    );
    const port = await freePort();
    server = await startApi(url, port);
    const base = `http://127.0.0.1:${port}`;
    const seeded = await seed(pool, gameCount);
    print(
      `seeded: 1 guild, ${MEMBERS} members, ${gameCount} games, ${seeded.participants} participants (${fmt(seeded.ms / 1000, 1)} s)`,
    );

    const client = new Client(base);
    const auth = { authorization: `Bearer ${seeded.tokens[0]}` };
    const list = `/api/v1/guilds/${GUILD}/games`;

    // Cursors for deep pages: walk the whole list once (also warms caches as a real guild is).
    const cursors: string[] = [];
    for (let cursor: string | null = null, pages = 0; pages < 1000; pages++) {
      const page = (await client.json(`${list}?limit=25${cursor ? `&cursor=${cursor}` : ''}`, auth)) as {
        items: unknown[];
        nextCursor: string | null;
      };
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      cursors.push(cursor);
    }
    const deep = cursors.slice(Math.floor(cursors.length / 4));
    const host = String(BigInt(OWNER) + 3n);
    const participant = String(BigInt(OWNER) + 7n);
    const from = new Date(Date.now() - 7 * 86400_000).toISOString();
    const to = new Date(Date.now() + 60 * 86400_000).toISOString();

    const rows: (readonly string[])[] = [];
    const row = (name: string, s: Stats, baseline: Stats | undefined) =>
      rows.push([
        name,
        fmt(s.p50, 2),
        fmt(s.p95, 2),
        fmt(s.p99, 2),
        fmt(s.max, 2),
        baseline ? ratio(s.p99, baseline.p99) : '',
      ]);

    const healthz = await measure(samples, () => client.status('/healthz'));
    row('baseline: GET /healthz (HTTP floor)', healthz, undefined);
    const sqlBare = await measure(samples, (i) =>
      pool.query(
        LIST_SQL(i % 2 === 0 ? undefined : deep[i % deep.length]),
        LIST_PARAMS(i % 2 === 0 ? undefined : deep[i % deep.length]),
      ),
    );
    row('baseline: keyset SQL, bare (first/deep pages)', sqlBare, undefined);
    const sqlFramed = await measure(samples, async (i) => {
      const c = await pool.connect();
      try {
        const cursor = i % 2 === 0 ? undefined : deep[i % deep.length];
        await c.query('begin read only');
        await c.query(
          `select set_config('app.guild_id', $1, true), set_config('role', 'guildhall_app', true)`,
          [GUILD],
        );
        await c.query(LIST_SQL(cursor), LIST_PARAMS(cursor));
        await c.query('commit');
      } finally {
        c.release();
      }
    });
    row('baseline: keyset SQL in a guild transaction', sqlFramed, undefined);
    // What one API list request asked of the database before the access memo, by hand: the token
    // look-up (system transaction), the membership (guild transaction) and the list (guild
    // transaction).
    const tokenHash = createHash('sha256')
      .update(seeded.tokens[0] as string)
      .digest();
    const inTx = async (c: pg.PoolClient, role: string, guild: string, text: string, params: unknown[]) => {
      await c.query('begin');
      await c.query(`select set_config('app.guild_id', $1, true), set_config('role', $2, true)`, [
        guild,
        role,
      ]);
      await c.query(text, params);
      await c.query('commit');
    };
    const dbWork = await measure(samples, async (i) => {
      const c = await pool.connect();
      try {
        const cursor = i % 2 === 0 ? undefined : deep[i % deep.length];
        await inTx(c, 'guildhall_system', '', 'select * from core.api_tokens where token_hash = $1', [
          tokenHash,
        ]);
        await inTx(c, 'guildhall_app', GUILD, MEMBERSHIP_SQL, [GUILD, OWNER]);
        await inTx(c, 'guildhall_app', GUILD, LIST_SQL(cursor), LIST_PARAMS(cursor));
      } finally {
        c.release();
      }
    });
    row('baseline: token + membership + list transactions (no memo)', dbWork, undefined);

    const cases: [string, (i: number) => string][] = [
      ['API list, first page', () => `${list}?limit=25`],
      ['API list, deep pages (cursor)', (i) => `${list}?limit=25&cursor=${deep[i % deep.length]}`],
      ['API list, status=SCHEDULED', () => `${list}?limit=25&status=SCHEDULED`],
      [
        'API list, status + from/to window',
        () => `${list}?limit=25&status=SCHEDULED,IN_PROGRESS&from=${from}&to=${to}`,
      ],
      ['API list, hostId', () => `${list}?limit=25&hostId=${host}`],
      ['API list, participantId', () => `${list}?limit=25&participantId=${participant}`],
      ['API list, mine (host or participant)', () => `${list}?limit=25&mine=true`],
    ];
    const listStats: [string, Stats][] = [];
    for (const [name, path] of cases) {
      const s = await measure(samples, (i) => client.status(path(i), auth, 200));
      listStats.push([name, s]);
      row(`${name}`, s, healthz);
    }
    printTable(
      `list latency, ${samples} sequential requests each (ms; ratio = p99 / healthz p99)`,
      ['request', 'p50', 'p95', 'p99', 'max', 'vs floor'],
      rows,
    );

    // The join storm.
    const stormSamples: number[] = [];
    const coldSamples: number[] = [];
    const floorSamples: number[] = [];
    const readSamples: number[] = [];
    let failures = 0;
    // Round 0 is the joiners' first contact with the API (nothing of them in the process's memo:
    // every token and membership is looked up); the others follow 200 reads by the same people.
    for (let round = 0; round <= storms; round++) {
      const cold = round === 0;
      const hostAuth = { authorization: `Bearer ${seeded.tokens[0]}` };
      const game = (await client.json(list, hostAuth, 'POST', {
        title: `Storm ${round}`,
        startsAt: new Date(Date.now() + 86400_000).toISOString(),
        maxPlayers: SLOTS,
      })) as { id: string };
      const joiners = seeded.tokens.slice(1, STORM + 1);
      const storm = new Client(base, STORM);
      await Promise.all(joiners.map(() => storm.status('/healthz'))); // open the 200 connections
      const floor = await Promise.all(joiners.map(() => timed(() => storm.status('/healthz'))));
      if (!cold) {
        floorSamples.push(...floor.map((f) => f.ms));
        // The same joiners reading the game: authentication, membership and one read, no lock.
        const reads = await Promise.all(
          joiners.map((token) =>
            timed(() => storm.status(`${list}/${game.id}`, { authorization: `Bearer ${token}` })),
          ),
        );
        readSamples.push(...reads.map((r) => r.ms));
      }
      const results = await Promise.all(
        joiners.map((token) =>
          timed(() =>
            storm.json(`${list}/${game.id}/join`, { authorization: `Bearer ${token}` }, 'POST', {}),
          ),
        ),
      );
      storm.close();
      (cold ? coldSamples : stormSamples).push(...results.map((r) => r.ms));
      const problems = checkStorm(
        results.map((r) => r.value as { state: string; position: number; userId: string }),
        (await client.json(`${list}/${game.id}`, hostAuth)) as {
          participants: { userId: string; state: string; position: number }[];
        },
      );
      if (problems.length > 0) {
        failures += 1;
        print(`storm ${round + 1}: WRONG — ${problems.join('; ')}`);
      }
    }
    const stormStats = summarize(stormSamples);
    const coldStats = summarize(coldSamples);
    const floorStats = summarize(floorSamples);
    const readStats = summarize(readSamples);
    printTable(
      `join storm: ${STORM} simultaneous joins of a ${SLOTS}-slot game over HTTP, ${storms} storms (ms per request)`,
      ['request', 'p50', 'p95', 'p99', 'max', 'vs floor'],
      [
        [
          'baseline: 200 simultaneous GET /healthz',
          fmt(floorStats.p50, 2),
          fmt(floorStats.p95, 2),
          fmt(floorStats.p99, 2),
          fmt(floorStats.max, 2),
          '',
        ],
        [
          '200 simultaneous GET …/games/{id} (auth + read)',
          fmt(readStats.p50, 2),
          fmt(readStats.p95, 2),
          fmt(readStats.p99, 2),
          fmt(readStats.max, 2),
          ratio(readStats.p99, floorStats.p99),
        ],
        [
          'POST …/join, first contact (nothing remembered)',
          fmt(coldStats.p50, 2),
          fmt(coldStats.p95, 2),
          fmt(coldStats.p99, 2),
          fmt(coldStats.max, 2),
          ratio(coldStats.p99, floorStats.p99),
        ],
        [
          'POST …/join',
          fmt(stormStats.p50, 2),
          fmt(stormStats.p95, 2),
          fmt(stormStats.p99, 2),
          fmt(stormStats.max, 2),
          ratio(stormStats.p99, floorStats.p99),
        ],
      ],
    );
    print(
      `storm outcome: ${storms + 1 - failures}/${storms + 1} storms ended with exactly ${SLOTS} confirmed + ${STORM - SLOTS} waitlisted in position order, no duplicates`,
    );

    const triggers = await triggerCost(pool);
    print();
    print(
      `live-feed triggers: ${STORM} participant rows in one statement (a storm's batch), median of ${TRIGGER_RUNS}: ` +
        `${fmt(triggers.with, 2)} ms with the triggers, ${fmt(triggers.without, 2)} ms without (${ratio(triggers.with, triggers.without)})`,
    );

    print();
    print('query plans (EXPLAIN ANALYZE of the service’s list SQL):');
    for (const [name, cursor] of [
      ['first page', undefined],
      ['deep page', deep[Math.floor(deep.length / 2)]],
    ] as const) {
      const plan = await pool.query(`explain (analyze, buffers) ${LIST_SQL(cursor)}`, LIST_PARAMS(cursor));
      const lines = plan.rows.map((r) => String(r['QUERY PLAN']));
      print(`  ${name}: ${lines.find((l) => /Index|Seq Scan/.test(l))?.trim()} — ${lines.at(-1)?.trim()}`);
    }
    print();
    const worstList = listStats.reduce((a, b) => (b[1].p99 > a[1].p99 ? b : a));
    print(`list p99 (worst case: ${worstList[0]}): ${against(worstList[1].p99, 10, 'ms')}`);
    print(`list p99 (first page):            ${against(listStats[0]?.[1].p99 ?? Number.NaN, 10, 'ms')}`);
    print(`join storm p99:                   ${against(stormStats.p99, 50, 'ms')}`);
    print(`join storm p99, first contact:    ${against(coldStats.p99, 50, 'ms')}`);
    return failures > 0 ? 1 : 0;
  } finally {
    await pool.end();
    if (server) await stop(server);
    await adminQuery(`drop database if exists ${dbName} with (force)`);
  }
}

const TRIGGER_RUNS = 21;

/** core's membership look-up for one user (src/modules/core/access.ts), as text. $1 = guild, $2 = user. */
const MEMBERSHIP_SQL = `
  select g.owner_id, m.role_ids,
         coalesce((select bit_or(r.permissions) from core.guild_roles r
                    where r.guild_id = g.id and (r.id = g.id or r.id = any (m.role_ids))), 0)::text as permissions,
         s.capability_roles
    from core.guilds g
    join core.guild_members m on m.guild_id = g.id and m.user_id = $2
    left join core.guild_settings s on s.guild_id = g.id
   where g.id = $1 and g.bot_present`;

/**
 * What the live feed's capture triggers add to a write: the same insert of STORM participants
 * into a fresh game, with the triggers and with them disabled, each in a rolled-back transaction.
 */
async function triggerCost(pool: pg.Pool): Promise<{ with: number; without: number }> {
  const once = async (disable: boolean) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      if (disable) {
        for (const t of ['games_live_insert', 'games_live_update'])
          await c.query(`alter table games.games disable trigger ${t}`);
        await c.query('alter table games.participants disable trigger participants_live_insert');
      }
      const id = randomUUID();
      await c.query(
        `insert into games.games (id, guild_id, title, host_id, starts_at, timezone) values ($1, $2, 't', $3, now(), 'UTC')`,
        [id, GUILD, OWNER],
      );
      const started = performance.now();
      await c.query(
        `insert into games.participants (game_id, user_id, guild_id, state, position, starts_at)
         select $1, $2::bigint + k, $3, 'confirmed', k, now() from generate_series(1, $4) k`,
        [id, OWNER, GUILD, STORM],
      );
      await c.query('update games.games set next_position = $2 where id = $1', [id, STORM]);
      return performance.now() - started;
    } finally {
      await c.query('rollback');
      c.release();
    }
  };
  const withT: number[] = [];
  const withoutT: number[] = [];
  for (let i = 0; i < TRIGGER_RUNS; i++) {
    withT.push(await once(false));
    withoutT.push(await once(true));
  }
  return { with: summarize(withT).p50, without: summarize(withoutT).p50 };
}

/** The service's list statement (src/modules/games/service/list-query.ts), first page or after a cursor. */
const dialect = new PgDialect();
function listStatement(cursor: string | undefined) {
  const c = cursor
    ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string])
    : undefined;
  return dialect.sqlToQuery(listQuery(GUILD, {}, c ? { startsAt: c[0], id: c[1] } : undefined, 25));
}
function LIST_SQL(cursor: string | undefined): string {
  return listStatement(cursor).sql;
}
function LIST_PARAMS(cursor: string | undefined): unknown[] {
  return listStatement(cursor).params;
}

function checkStorm(
  results: { state: string; position: number; userId: string }[],
  game: { participants: { userId: string; state: string; position: number }[] },
): string[] {
  const problems: string[] = [];
  const confirmed = results.filter((r) => r.state === 'confirmed');
  const waitlisted = results.filter((r) => r.state === 'waitlisted');
  if (confirmed.length !== SLOTS) problems.push(`${confirmed.length} confirmed`);
  if (waitlisted.length !== STORM - SLOTS) problems.push(`${waitlisted.length} waitlisted`);
  const positions = results.map((r) => r.position);
  if (new Set(positions).size !== STORM) problems.push('duplicate positions');
  const maxConfirmed = Math.max(...confirmed.map((r) => r.position));
  const minWaitlisted = Math.min(...waitlisted.map((r) => r.position));
  if (!(maxConfirmed < minWaitlisted)) problems.push('a waitlisted player arrived before a confirmed one');
  const stored = game.participants;
  if (stored.length !== STORM || new Set(stored.map((p) => p.userId)).size !== STORM)
    problems.push(`${stored.length} participants stored`);
  for (const r of results) {
    const s = stored.find((p) => p.userId === r.userId);
    if (!s || s.state !== r.state || s.position !== r.position) {
      problems.push(`stored state of ${r.userId} differs from the answer`);
      break;
    }
  }
  return problems;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

async function measure(n: number, fn: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < Math.min(100, n); i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return summarize(times);
}

/** Keep-alive HTTP client (node:http: less overhead of its own than fetch). */
class Client {
  readonly #agent: http.Agent;
  readonly #base: URL;
  constructor(base: string, sockets = 1) {
    this.#base = new URL(base);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }
  request(path: string, headers: Record<string, string>, method: string, body?: unknown) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          host: this.#base.hostname,
          port: this.#base.port,
          path,
          method,
          agent: this.#agent,
          headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
  async status(path: string, headers: Record<string, string> = {}, expect = 200) {
    const res = await this.request(path, headers, 'GET');
    if (res.status !== expect) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    return res.status;
  }
  async json(
    path: string,
    headers: Record<string, string>,
    method = 'GET',
    body?: unknown,
  ): Promise<unknown> {
    const res = await this.request(path, headers, method, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    return JSON.parse(res.body);
  }
  close() {
    this.#agent.destroy();
  }
}

/** The guild, its members with API tokens, and the games with participants, straight in SQL. */
export async function seed(pool: pg.Pool, games: number) {
  const started = performance.now();
  const tokens: string[] = [];
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query(
      `insert into core.users (id, username) select $1::bigint + i, 'member' || i from generate_series(0, $2) i`,
      [OWNER, MEMBERS],
    );
    await c.query(`insert into core.guilds (id, name, owner_id) values ($1, 'Bench Guild', $2)`, [
      GUILD,
      OWNER,
    ]);
    await c.query(`insert into core.guild_roles (guild_id, id, name) values ($1, $1, '@everyone')`, [GUILD]);
    await c.query(
      `insert into core.guild_members (guild_id, user_id) select $1, $2::bigint + i from generate_series(0, $3) i`,
      [GUILD, OWNER, MEMBERS],
    );
    for (let i = 0; i <= MEMBERS; i++) {
      const token = `gh_${randomBytes(32).toString('base64url')}`;
      tokens.push(token);
      await c.query(
        `insert into core.api_tokens (id, name, token_hash, prefix, user_id, scopes) values ($1, 'bench', $2, $3, $4, $5)`,
        [
          randomUUID(),
          createHash('sha256').update(token).digest(),
          token.slice(0, 10),
          String(BigInt(OWNER) + BigInt(i)),
          ['games:read', 'games:write'],
        ],
      );
    }
    // Games a year back and a year ahead; past ones completed (every 20th cancelled), the rest
    // scheduled; hosts spread over HOSTS members; 0–8 participants each (6 slots).
    await c.query(
      `insert into games.games (id, guild_id, title, host_id, starts_at, timezone, duration_minutes, max_players,
                                status, created_at, updated_at)
       select gen_random_uuid(), $1, 'Game ' || i, $2::bigint + 1 + (i % $3),
              t, 'Europe/Berlin', 120, 6,
              case when i % 20 = 0 then 'CANCELLED' when t < now() then 'COMPLETED' else 'SCHEDULED' end,
              now(), now()
       from generate_series(1, $4) i,
            lateral (select date_trunc('milliseconds', now() - interval '365 days' + (i::float8 / $4) * interval '730 days') as t) s`,
      [GUILD, OWNER, HOSTS, games],
    );
    await c.query(
      `insert into games.participants (game_id, user_id, guild_id, state, position, joined_at)
       select g.id, $2::bigint + 1 + ((abs(hashtext(g.id::text)) + k * 7) % $3), g.guild_id,
              case when k <= 6 then 'confirmed' else 'waitlisted' end, k, g.created_at
       from games.games g, lateral generate_series(1, abs(hashtext(g.id::text)) % 9) k
       where g.guild_id = $1`,
      [GUILD, OWNER, MEMBERS],
    );
    await c.query(
      `update games.games g set next_position = n, confirmed_count = least(n, 6), waitlist_count = greatest(n - 6, 0)
       from (select game_id, count(*)::int as n from games.participants group by game_id) p
       where p.game_id = g.id`,
    );
    // The seed is history, not news for live streams.
    await c.query('delete from live.changes');
    await c.query('commit');
    await c.query('analyze');
    const { rows } = await c.query<{ n: number }>('select count(*)::int as n from games.participants');
    return { tokens, participants: rows[0]?.n ?? 0, ms: performance.now() - started };
  } catch (error) {
    await c.query('rollback').catch(() => {});
    throw error;
  } finally {
    c.release();
  }
}

async function startApi(databaseUrl: string, port: number): Promise<ChildProcess> {
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the API process, written when it stops;
  // BENCH_NODE_ARGS: more Node flags for it (e.g. `--max-semi-space-size=64`).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--liftoff-only',
      BIN,
      'api',
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        GUILDHALL_DATA_DIR: os.tmpdir(),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`guildhall api exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('guildhall api did not become ready');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
