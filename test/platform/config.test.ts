import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '#platform/config/load.ts';
import { variables } from '#platform/config/variables.ts';
import { envTable } from '../../scripts/env-table.ts';

const load = (env: Record<string, string>) => loadConfig(env, { envFile: false, cwd: '/srv/guildhall' });

describe('configuration', () => {
  it('starts on embedded defaults with nothing set', () => {
    const config = load({});
    assert.equal(config.http.port, 8080);
    assert.equal(config.http.host, '127.0.0.1');
    assert.equal(config.http.publicUrl, 'http://127.0.0.1:8080');
    assert.equal(config.http.loopback, true);
    assert.equal(config.dataDir, '/srv/guildhall/data');
    assert.equal(config.database.url, undefined);
    assert.equal(config.amqpUrl, undefined);
    assert.equal(config.s3, undefined);
    assert.deepEqual(config.discord.bots, []);
    assert.equal(config.log.level, 'info');
  });

  it('is deeply frozen', () => {
    const config = load({});
    assert.throws(() => {
      (config.http as { port: number }).port = 1;
    }, TypeError);
    assert.ok(Object.isFrozen(config.discord.bots));
  });

  it('lists every bad variable in one error', () => {
    let error: unknown;
    try {
      load({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root@localhost/db',
        LOG_LEVEL: 'loud',
        AMQP_URL: 'not a url',
        GUILDHALL_COMPONENT: 'everything',
        DISCORD_PUBLIC_KEY: 'abc',
      });
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof ConfigError);
    assert.deepEqual(error.problems.map((p) => p.variable).sort(), [
      'AMQP_URL',
      'DATABASE_URL',
      'DISCORD_PUBLIC_KEY',
      'GUILDHALL_COMPONENT',
      'LOG_LEVEL',
      'PORT',
    ]);
    assert.match(error.message, /6 problems/);
    assert.match(error.message, /PORT must be a whole number, got "eighty"/);
  });

  it('never prints credentials from a URL', () => {
    assert.throws(
      () => load({ REDIS_URL: 'http://user:s3cret@host' }),
      (e: Error) => !e.message.includes('s3cret'),
    );
  });

  it('checks variables that belong together', () => {
    assert.throws(
      () => load({ S3_ENDPOINT: 'https://s3.example.org', S3_BUCKET: 'b' }),
      (e: ConfigError) =>
        e.problems.map((p) => p.variable).join() === 'S3_ACCESS_KEY_ID,S3_SECRET_ACCESS_KEY',
    );
    assert.throws(() => load({ DISCORD_CLIENT_SECRET: 'x' }), /DISCORD_CLIENT_ID is required/);
  });

  it('parses several bot identities and reports each bad entry', () => {
    const config = load({
      DISCORD_BOTS: JSON.stringify([
        {
          name: 'events',
          token: 'token-aaaaaaaaaa',
          applicationId: '123456789012345678',
          modules: ['games'],
        },
        { name: 'ops', token: 'token-bbbbbbbbbb' },
      ]),
    });
    assert.deepEqual(
      config.discord.bots.map((b) => [b.name, b.modules]),
      [
        ['events', ['games']],
        ['ops', undefined],
      ],
    );
    assert.throws(
      () =>
        load({
          DISCORD_BOTS: JSON.stringify([
            { name: 'Bad Name', token: 'x' },
            { name: 'a', token: 'token-aaaaaaaaaa', publicKey: 'zz' },
          ]),
        }),
      (e: ConfigError) =>
        ['DISCORD_BOTS[0].name', 'DISCORD_BOTS[0].token', 'DISCORD_BOTS[1].publicKey'].every((v) =>
          e.problems.some((p) => p.variable === v),
        ),
    );
    assert.throws(() => load({ DISCORD_BOTS: '{oops' }), /DISCORD_BOTS must be a JSON array/);
  });

  it('reads a .env file, and the environment wins over it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gh-env-'));
    writeFileSync(path.join(dir, '.env'), 'PORT=9090\nLOG_LEVEL=debug\n# comment\nHOST=0.0.0.0\n');
    const config = loadConfig({ LOG_LEVEL: 'warn' }, { cwd: dir });
    assert.equal(config.http.port, 9090);
    assert.equal(config.log.level, 'warn');
    assert.equal(config.http.loopback, false);
  });

  it('documents every variable in the README table (npm run docs:env rewrites it)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    const missing = Object.keys(variables).filter((name) => !documented.has(name));
    assert.deepEqual(missing, [], 'variables missing from the README table');
    assert.ok(readme.includes(envTable()), 'README table is out of date: run npm run docs:env');
  });
});
