import type { Executor, Tx } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import type { EditScope, GameSummary } from '../types.ts';

/**
 * The settings a series carries from one instance to the next (everything a game is planned
 * with; not its status, roster or Discord references).
 */
export const SERIES_FIELDS = [
  'title',
  'description',
  'activity',
  'channelId',
  'hostId',
  'startsAt',
  'timezone',
  'durationMinutes',
  'minPlayers',
  'maxPlayers',
  'signupMethod',
  'signupRoleIds',
  'roleSignupUntil',
  'reminderOffsetsMinutes',
  'minPlayersCheckMinutes',
  'joinNotificationDelayMinutes',
  'signupInstructions',
  'postAt',
  'recurrence',
] as const satisfies readonly (keyof GameSummary)[];

type SeriesField = (typeof SERIES_FIELDS)[number];
/** `startsAt` is the instance's slot in the series' rhythm (where the next one is counted from). */
export type SeriesBase = Pick<GameSummary, SeriesField>;

const READ_BASE = `select series_base from games.games where id = $1::uuid`;
const WRITE_BASE = `update games.games set series_base = $2::jsonb where id = $1::uuid`;
/** A game that starts repeating heads its series, as one created repeating does. */
const START_SERIES = `
update games.games set series_id = coalesce(series_id, id), series_base = null where id = $1::uuid`;

async function readBase(tx: Executor, gameId: string): Promise<SeriesBase | null> {
  const [row] = await run<{ series_base: SeriesBase | null }>(tx, READ_BASE, [gameId]);
  return row?.series_base ?? null;
}

const pick = (game: GameSummary): SeriesBase =>
  Object.fromEntries(SERIES_FIELDS.map((k) => [k, game[k]])) as SeriesBase;

/**
 * After an edit of an instance (in the edit's transaction): what the series goes on with.
 *
 * - `series`: the instance's new settings are the series' from here on (they carry forward, a
 *   new time moves the rhythm). When an earlier "this game only" edit left the series' own
 *   settings aside, the changed fields are written into them too, the rest stays as it was.
 * - `occurrence`: the series' settings are kept aside as they were before this edit (unless an
 *   earlier one did so already), so the change stays with this game.
 *
 * `recurrence` always belongs to the series: "stop repeating" (null) or a new rule applies with
 * either scope. A game that did not repeat before the edit starts its series from itself.
 */
export async function recordSeriesEdit(
  tx: Tx,
  before: GameSummary,
  after: GameSummary,
  changed: readonly string[],
  scope: EditScope,
): Promise<void> {
  const relevant = changed.filter((k): k is SeriesField => (SERIES_FIELDS as readonly string[]).includes(k));
  if (relevant.length === 0) return;
  if (before.recurrence === null && after.recurrence !== null) {
    await run(tx, START_SERIES, [before.id]);
    return;
  }
  const stored = await readBase(tx, before.id);
  if (before.recurrence === null || after.recurrence === null) {
    if (stored) await run(tx, WRITE_BASE, [before.id, null]);
    return;
  }
  let base: SeriesBase | null;
  if (scope === 'series') {
    if (!stored) return;
    base = { ...stored };
    for (const k of relevant) Object.assign(base, { [k]: after[k] });
  } else {
    base = { ...(stored ?? pick(before)), recurrence: after.recurrence };
  }
  await run(tx, WRITE_BASE, [before.id, JSON.stringify(base)]);
}

/**
 * What the next instance is created from: the series' settings kept aside by a "this game only"
 * edit, else the instance's own.
 */
export async function seriesSource(tx: Executor, game: GameSummary): Promise<GameSummary> {
  const base = await readBase(tx, game.id);
  return base ? { ...game, ...base } : game;
}
