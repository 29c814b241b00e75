import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { recordDeadLetters } from '#platform/bus/dead-letters.ts';
import { envelopeOf } from '#platform/bus/events.ts';
import { ThingHappened } from '../support/bus.ts';
import { postgresFactory, type TestDatabase } from '../support/databases.ts';
import { skipWithoutServices } from '../support/services.ts';

const exec = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/guildhall.js', import.meta.url));

describe('guildhall dlq', { skip: skipWithoutServices() }, () => {
  let t: TestDatabase;

  /** Runs the real CLI against the scratch database; resolves with exit code and output. */
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await exec(process.execPath, [BIN, 'dlq', ...args], {
        env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' },
        timeout: 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  before(async () => {
    t = await postgresFactory.create();
    const letters = Array.from({ length: 120 }, (_, i) => {
      const envelope = envelopeOf(ThingHappened.of({ n: i }, { guildId: null }));
      return {
        consumer: i < 100 ? 'worker.test.cli_bulk' : 'worker.test.cli_other',
        transport: 'embedded' as const,
        envelope,
        body: envelope,
        failure: {
          code: 'HANDLER_FAILED',
          message: `failure number ${i}`,
          stack: `Error: failure\n    at handler${i}`,
        },
        attempts: 5,
        ...(i >= 100 ? { failedAt: new Date(Date.now() - 10 * 86_400_000) } : {}),
      };
    });
    await t.db.withSystem((tx) => recordDeadLetters(tx, letters));
  });
  after(async () => t?.dispose());

  it('lists with filters, as a table or JSON, and summarises', async () => {
    const list = await cli('list', '--queue', 'worker.test.cli_other');
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /worker\.test\.cli_other/);
    assert.doesNotMatch(list.stdout, /cli_bulk/);
    const json = JSON.parse((await cli('list', '--older-than', '7d', '--json', '--limit', '100')).stdout);
    assert.equal(json.length, 20);
    const summary = await cli('list', '--summary');
    assert.match(summary.stdout, /worker\.test\.cli_bulk\s+test\.thing_happened\s+100/);
  });

  it('shows one dead letter with its error, stack and message', async () => {
    const [first] = JSON.parse(
      (await cli('list', '--queue', 'worker.test.cli_other', '--json', '--limit', '1')).stdout,
    );
    const shown = await cli('show', first.id);
    assert.equal(shown.code, 0);
    assert.match(shown.stdout, /failure number 1\d\d/);
    assert.match(shown.stdout, /at handler1\d\d/);
    assert.match(shown.stdout, /"type": "test.thing_happened"/);
    const missing = await cli('show', '999999');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No dead letter 999999/);
  });

  it('refuses unclear requests with a usage error', async () => {
    const bulk = await cli('replay', '--queue', 'worker.test.cli_bulk');
    assert.equal(bulk.code, 2);
    assert.match(bulk.stderr, /--all/);
    assert.equal((await cli('replay', 'abc')).code, 2);
  });

  it('replays one, several, or all that match, with progress', async () => {
    const ids = JSON.parse((await cli('list', '--queue', 'worker.test.cli_other', '--json')).stdout).map(
      (l: { id: string }) => l.id,
    );
    const one = await cli('replay', ids[0]);
    assert.equal(one.code, 0);
    assert.match(one.stdout, /Replayed 1 of 1/);
    const some = await cli('replay', ids[1], ids[2], '999999');
    assert.equal(some.code, 1, 'one of them does not exist');
    assert.match(some.stdout, /Replayed 2 of 3/);
    const all = await cli('replay', '--all', '--queue', 'worker.test.cli_bulk');
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /Replaying 100\/100 \(100%\)/);
    assert.match(all.stdout, /Replayed 100 dead letters/);
    const { rows } = await t.db.query<{ n: number }>(
      `select count(*)::int as n from bus.outbox where target is not null`,
    );
    assert.equal(rows[0]?.n, 103);
  });

  it('purges', async () => {
    const purged = await cli('purge', '--all');
    assert.equal(purged.code, 0);
    assert.match(purged.stdout, /Purged 17 dead letters/);
    assert.match((await cli('list')).stdout, /No dead letters match/);
  });
});
