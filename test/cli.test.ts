import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { freePort, runCli, startCli, waitForHttp } from './support/cli.ts';
import { adminQuery, allMigrations, pgliteDataDir, urlFor } from './support/databases.ts';
import { assertReachable, skipWithoutServices } from './support/services.ts';

describe('guildhall CLI', () => {
  it('refuses a bad configuration with one message listing every bad variable', async () => {
    const res = await runCli(['api'], { PORT: '99999', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://x' });
    assert.equal(res.code, 78);
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL'])
      assert.match(res.stderr, new RegExp(`- ${name} `));
    assert.match(res.stderr, /3 problems/);
  });

  it('prints help and rejects unknown commands', async () => {
    const help = await runCli(['--help'], {});
    assert.equal(help.code, 0);
    assert.match(help.stdout, /start\s+every component in one process/);
    const unknown = await runCli(['frobnicate'], {});
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command "frobnicate"/);
  });

  describe('embedded (PGlite)', () => {
    let data: { dataDir: string; dispose(): void };
    before(async () => {
      data = await pgliteDataDir({ migrated: false });
    });
    after(() => data?.dispose());

    it('migrate --dry-run lists pending migrations and changes nothing; migrate applies them with progress', async () => {
      const env = { GUILDHALL_DATA_DIR: data.dataDir };
      const total = (await allMigrations()).length;
      const dry = await runCli(['migrate', '--dry-run'], env);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, new RegExp(`Would apply ${total} migrations`));
      assert.match(dry.stdout, /core\/0001_core\.sql/);
      const status = await runCli(['migrate', '--status'], env);
      assert.match(status.stdout, /pending {2}platform\/0001_roles\.sql/);

      const run = await runCli(['migrate'], env);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`\\[${total}/${total}\\] \\S+ … done in \\d+ ms`));
      const again = await runCli(['migrate'], env);
      assert.match(again.stdout, new RegExp(`Up to date: ${total} migrations applied`));
    });

    it('doctor reports the embedded setup truthfully', async () => {
      const res = await runCli(['doctor'], { GUILDHALL_DATA_DIR: data.dataDir });
      assert.equal(res.code, 0, res.stdout);
      assert.match(res.stdout, /database\s+ok\s+PGlite in /);
      assert.match(res.stdout, /row-level security\s+ok\s+active for guildhall_app/);
      assert.match(res.stdout, /bus\s+-\s+embedded/);
      assert.match(res.stdout, /All checks passed/);
    });

    it('starts every component, becomes ready, and shuts down cleanly on SIGTERM', async () => {
      const port = await freePort();
      const proc = startCli(['start'], {
        GUILDHALL_DATA_DIR: data.dataDir,
        PORT: String(port),
        LOG_LEVEL: 'info',
      });
      try {
        const ready = await waitForHttp(`http://127.0.0.1:${port}/readyz`);
        assert.equal((await ready.json()).status, 'ready');
        assert.equal((await fetch(`http://127.0.0.1:${port}/docs/`)).status, 200);
      } finally {
        proc.child.kill('SIGTERM');
      }
      assert.equal(await proc.exited, 0, proc.output.stdout + proc.output.stderr);
      assert.match(proc.output.stdout, /"clean":true/);
    });
  });

  describe('PostgreSQL', { skip: skipWithoutServices() }, () => {
    let name: string;
    let url: string;
    before(async () => {
      await assertReachable('postgres');
      name = `guildhall_test_cli_${randomBytes(4).toString('hex')}`;
      await adminQuery(`create database ${name}`);
      url = urlFor(name);
    });
    after(async () => {
      if (name) await adminQuery(`drop database if exists ${name} with (force)`);
    });

    it('lets two processes migrate the same database at once: every migration applied exactly once', async () => {
      const [a, b] = await Promise.all([
        runCli(['migrate'], { DATABASE_URL: url }),
        runCli(['migrate'], { DATABASE_URL: url }),
      ]);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      const total = (await allMigrations()).length;
      const applied = [a.stdout, b.stdout].reduce((n, out) => n + (out.match(/… done in/g) ?? []).length, 0);
      assert.equal(applied, total, `${a.stdout}\n${b.stdout}`);
      const { rows } = await adminQueryIn(url, 'select count(*)::int as n from meta.migrations');
      assert.equal(rows[0].n, total);
    });

    it('creates, lists and revokes tokens; the token works until revoked', async () => {
      await adminQueryIn(url, `insert into core.users (id, username) values ('555555555555555555', 'ops')`);
      const created = await runCli(
        [
          'tokens',
          'create',
          '--user',
          '555555555555555555',
          '--name',
          'ci',
          '--scopes',
          'guilds:read',
          '--expires-in',
          '30d',
        ],
        { DATABASE_URL: url },
      );
      assert.equal(created.code, 0, created.stderr);
      const token = /(gh_[A-Za-z0-9_-]{43})/.exec(created.stdout)?.[1];
      assert.ok(token, created.stdout);
      const id = /Created token ([0-9a-f-]{36})/.exec(created.stdout)?.[1] ?? '';

      const list = await runCli(['tokens', 'list'], { DATABASE_URL: url });
      assert.match(list.stdout, new RegExp(`${id.slice(0, 8)}\\s+ci\\s+gh_`));
      assert.doesNotMatch(list.stdout, new RegExp(token));

      const bad = await runCli(
        ['tokens', 'create', '--user', '555555555555555555', '--name', 'x', '--scopes', 'root'],
        { DATABASE_URL: url },
      );
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /Unknown scope root/);

      const revoked = await runCli(['tokens', 'revoke', id.slice(0, 8)], { DATABASE_URL: url });
      assert.equal(revoked.code, 0, revoked.stderr);
      const after = await runCli(['tokens', 'list', '--all'], { DATABASE_URL: url });
      assert.match(after.stdout, /revoked/);
    });

    it('doctor reports PostgreSQL and a broken Redis truthfully', async () => {
      const ok = await runCli(['doctor'], { DATABASE_URL: url });
      assert.equal(ok.code, 0, ok.stdout);
      assert.match(
        ok.stdout,
        /database\s+ok\s+PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:5432\/guildhall_test_cli_/,
      );
      assert.match(ok.stdout, /database roles\s+ok/);
      assert.match(ok.stdout, /migrations\s+ok/);
      const broken = await runCli(['doctor'], { DATABASE_URL: url, REDIS_URL: 'redis://127.0.0.1:1' });
      assert.equal(broken.code, 1);
      assert.match(broken.stdout, /cache\s+FAIL\s+Redis at redis:\/\/127\.0\.0\.1:1/);
      assert.match(broken.stdout, /1 check failed/);
      const noDb = await runCli(['doctor'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
      assert.equal(noDb.code, 1);
      assert.match(noDb.stdout, /database\s+FAIL/);
    });

    it('runs the api component against PostgreSQL', async () => {
      const port = await freePort();
      const proc = startCli(['api'], { DATABASE_URL: url, PORT: String(port) });
      try {
        await waitForHttp(`http://127.0.0.1:${port}/readyz`);
      } finally {
        proc.child.kill('SIGTERM');
      }
      assert.equal(await proc.exited, 0);
    });
  });
});

async function adminQueryIn(url: string, text: string) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}
