/**
 * `npm run bench -- games-discord [--joins 20,100,200] [--runs 3]`: how the Discord side keeps one
 * announcement in step with a storm of joins. Every join is an event; the consumers lock the
 * game's row, render afresh and skip renders equal to the last one sent, so the edits Discord
 * receives are far fewer than the events. Baseline, measured in the same run: one join and the
 * time until the announcement shows it. Figures: edits sent per event, and the time from the last
 * join's answer until the announcement shows the final state, against the baseline.
 * Needs the local PostgreSQL (test/support/services.ts); Discord is the test stand-in.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  embedOf,
  G,
  type GamesDiscordWorld,
  HOST,
  startGamesDiscord,
  until,
} from '../test/modules/games/discord-harness.ts';
import { postgresFactory } from '../test/support/databases.ts';
import { fmt, print, printTable, ratio, summarize } from './report.ts';

const EDITS = ['PATCH', '/channels/:channel/messages/:message'] as const;

async function players(w: GamesDiscordWorld, n: number, salt: number): Promise<string[]> {
  const users = Array.from({ length: n }, (_, i) => String(870000000000000000n + BigInt(salt * 10_000 + i)));
  for (const u of users) {
    await w.runtime.core.directory.upsertUser({ id: u, username: `u${u.slice(-5)}` });
    w.standin.world.addUser({ id: u, username: `u${u.slice(-5)}` }).addMember(G, u);
  }
  return users;
}

async function storm(w: GamesDiscordWorld, users: readonly string[], salt: number) {
  const created = await w.api('POST', `/api/v1/guilds/${G}/games`, HOST, {
    title: `Storm ${salt}`,
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    maxPlayers: 10,
  });
  if (created.statusCode !== 201) throw new Error(JSON.stringify(created.body));
  const id = String(created.body.id);
  const posted = await until('the announcement', () =>
    w.channelMessages().find((m) => embedOf(m)?.footer?.text?.includes(id)),
  );
  const edits = w.standin.callsTo(...EDITS).length;
  await Promise.all(users.map((u) => w.api('POST', `/api/v1/guilds/${G}/games/${id}/join`, u)));
  const answered = performance.now();
  const confirmed = Math.min(10, users.length);
  const waitlisted = users.length - confirmed;
  await until(
    'the final render',
    () => {
      const fields = embedOf(w.channelMessages().find((m) => m.id === posted.id))?.fields ?? [];
      const signed = fields.some((f) => f.name.endsWith(`(${confirmed})`) && !f.name.startsWith('Waitlist'));
      const waiting = waitlisted === 0 || fields.some((f) => f.name === `Waitlist (${waitlisted})`);
      return signed && waiting;
    },
    120_000,
  );
  const lagMs = performance.now() - answered;
  // Late deliveries still running would only find the same render: give them a moment to show it.
  await new Promise((r) => setTimeout(r, 1000));
  return { lagMs, edits: w.standin.callsTo(...EDITS).length - edits };
}

export async function main(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { joins: { type: 'string', default: '20,100,200' }, runs: { type: 'string', default: '3' } },
  });
  const sizes = String(values.joins).split(',').map(Number);
  const runs = Number(values.runs);
  const w = await startGamesDiscord(postgresFactory);
  try {
    print(
      `games on Discord: join storms against one announcement; node ${process.version}, ${os.cpus().length} cores`,
    );
    let salt = 1;
    const baseline: number[] = [];
    for (let i = 0; i < runs; i++) baseline.push((await storm(w, await players(w, 1, salt), salt++)).lagMs);
    const base = summarize(baseline).p50;
    const rows: (string | number)[][] = [['1 (baseline)', 1, '1', fmt(base), '1.00×']];
    for (const n of sizes) {
      const lags: number[] = [];
      const edits: number[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await storm(w, await players(w, n, salt), salt++);
        lags.push(r.lagMs);
        edits.push(r.edits);
      }
      const lag = summarize(lags).p50;
      const e = summarize(edits).p50;
      rows.push([n, n, `${e} (${fmt((e / n) * 100, 0)}%)`, fmt(lag), ratio(lag, base)]);
    }
    printTable(
      `median of ${runs} runs per size`,
      ['joins', 'events', 'edits sent to Discord', 'last answer → final render (ms)', 'vs baseline'],
      rows,
    );
  } finally {
    await w.close();
  }
  return 0;
}
