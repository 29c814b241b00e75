import type { Tx } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import { GamesError } from '../errors.ts';
import { type GameSummary, isConfirmed, type ParticipantState } from '../types.ts';
import { GAME_COLUMNS, type GameRow, pgArray, toSummary } from './rows.ts';

/** A game row locked for a participation change, with its join-order counter. */
export type LockedGame = GameSummary & { readonly nextPosition: number };

export type Member = {
  userId: string;
  state: ParticipantState;
  position: number;
  note: string | null;
  /** ROLE_BASED: held a listed role when joining. */
  priority: boolean;
  selfJoined: boolean;
};

/**
 * Locks the game row: every participation change of one game runs under this lock, so the
 * counters and positions it reads are the latest committed ones (READ COMMITTED re-reads a row
 * it had to wait for). Statements after it see everything committed before the lock was granted.
 */
export const LOCK_GAME = `
select ${GAME_COLUMNS}, g.next_position
  from games.games g where g.id = $1::uuid for update`;

const SELECT_MEMBERS = `
select p.user_id::text, p.state, p.position, p.note, p.priority, p.self_joined
  from games.participants p where p.game_id = $1::uuid order by p.position`;

/**
 * Writes the changed participants in one statement: 'deleted' rows go, others are upserted, and
 * the game's counters are set from the in-memory list the change was computed on.
 */
const APPLY_CHANGES = `
with ch as (
  select * from unnest($2::bigint[], $3::text[], $4::int[], $5::text[], $6::bool[], $7::bool[])
    as c(user_id, state, position, note, priority, self_joined)
), del as (
  delete from games.participants p using ch c
   where p.game_id = $1::uuid and p.user_id = c.user_id and c.state = 'deleted'
  returning 1
), ups as (
  insert into games.participants (game_id, user_id, guild_id, state, position, note, priority, self_joined, starts_at)
  select $1::uuid, c.user_id, $8::bigint, c.state, c.position, c.note, c.priority, c.self_joined,
         (select g.starts_at from games.games g where g.id = $1::uuid)
    from ch c where c.state <> 'deleted'
  on conflict (game_id, user_id) do update set
    state = excluded.state, position = excluded.position, note = excluded.note,
    priority = excluded.priority, self_joined = excluded.self_joined, updated_at = now(),
    joined_at = case when games.participants.state = 'declined' and excluded.state <> 'declined'
                     then now() else games.participants.joined_at end
  returning 1
)
update games.games set next_position = $9, confirmed_count = $10, waitlist_count = $11, updated_at = now()
 where id = $1::uuid`;

export type LockedRow = GameRow & { next_position: number };

export function toLocked(row: LockedRow): LockedGame {
  return { ...toSummary(row), nextPosition: row.next_position };
}

export async function lockGame(tx: Tx, gameId: string): Promise<LockedGame> {
  const [row] = await run<LockedRow>(tx, LOCK_GAME, [gameId]);
  if (!row) throw new GamesError('GAME_NOT_FOUND', 'That game was not found.');
  return toLocked(row);
}

/** The mutable participant list of a locked game (and the change tracking applyChanges needs). */
export class Roster {
  readonly game: LockedGame;
  readonly members: Member[];
  nextPosition: number;
  private readonly original = new Map<string, string>();
  private readonly removed = new Set<string>();

  constructor(game: LockedGame, members: Member[]) {
    this.game = game;
    this.members = members;
    this.nextPosition = game.nextPosition;
    for (const m of members) this.original.set(m.userId, JSON.stringify(m));
  }

  static async load(tx: Tx, gameId: string): Promise<Roster> {
    const game = await lockGame(tx, gameId);
    const rows = await run<{
      user_id: string;
      state: ParticipantState;
      position: number;
      note: string | null;
      priority: boolean;
      self_joined: boolean;
    }>(tx, SELECT_MEMBERS, [gameId]);
    return new Roster(
      game,
      rows.map((r) => ({
        userId: r.user_id,
        state: r.state,
        position: r.position,
        note: r.note,
        priority: r.priority,
        selfJoined: r.self_joined,
      })),
    );
  }

  find(userId: string): Member | undefined {
    return this.members.find((m) => m.userId === userId);
  }

  add(member: Omit<Member, 'position'>): Member {
    this.nextPosition += 1;
    const m = { ...member, position: this.nextPosition };
    this.removed.delete(m.userId);
    this.members.push(m);
    return m;
  }

  remove(userId: string): void {
    const i = this.members.findIndex((m) => m.userId === userId);
    if (i >= 0) this.members.splice(i, 1);
    this.removed.add(userId);
  }

  get confirmed(): number {
    return this.members.filter((m) => isConfirmed(m.state)).length;
  }

  get waitlisted(): number {
    return this.members.filter((m) => m.state === 'waitlisted').length;
  }

  async save(tx: Tx): Promise<void> {
    const changed = this.members.filter((m) => this.original.get(m.userId) !== JSON.stringify(m));
    const deleted = [...this.removed].filter((u) => this.original.has(u) && !this.find(u));
    const rows = [
      ...changed,
      ...deleted.map((userId) => ({
        userId,
        state: 'deleted',
        position: 0,
        note: null,
        priority: false,
        selfJoined: false,
      })),
    ];
    await run(tx, APPLY_CHANGES, [
      this.game.id,
      pgArray(rows.map((r) => r.userId)),
      pgArray(rows.map((r) => r.state)),
      pgArray(rows.map((r) => r.position)),
      pgArray(rows.map((r) => r.note)),
      pgArray(rows.map((r) => r.priority)),
      pgArray(rows.map((r) => r.selfJoined)),
      this.game.guildId,
      this.nextPosition,
      this.confirmed,
      this.waitlisted,
    ]);
  }
}

/** Participation is open while a game is scheduled or running; never once cancelled or completed. */
export function assertOpen(game: Pick<GameSummary, 'status'>): void {
  if (game.status === 'CANCELLED' || game.status === 'COMPLETED')
    throw new GamesError('GAME_CLOSED', `This game is ${game.status.toLowerCase()}; its sign-up is closed.`, {
      params: { status: game.status.toLowerCase() },
    });
}

/**
 * ROLE_BASED priority: until `roleSignupUntil` (or, without one, until the start) only members
 * who held a listed role when joining may take a slot; the others wait in arrival order.
 */
export function priorityActive(
  game: Pick<GameSummary, 'signupMethod' | 'roleSignupUntil'>,
  now: Date,
): boolean {
  if (game.signupMethod !== 'ROLE_BASED') return false;
  return game.roleSignupUntil === null || now.getTime() < new Date(game.roleSignupUntil).getTime();
}

/** Only these methods fill a freed slot from the waitlist by themselves; otherwise the host picks. */
export const autoPromotes = (game: Pick<GameSummary, 'signupMethod'>) =>
  game.signupMethod === 'SELF_SIGNUP' || game.signupMethod === 'ROLE_BASED';

/** The state a self-signup gets, given the locked counters. */
export function joinState(
  game: Pick<GameSummary, 'signupMethod' | 'roleSignupUntil' | 'maxPlayers'>,
  confirmed: number,
  priority: boolean,
  now: Date,
): 'confirmed' | 'waitlisted' {
  if (game.signupMethod === 'HOST_SELECTED')
    throw new GamesError(
      'SIGNUP_HOST_ONLY',
      'The host picks the players of this game; you cannot sign up yourself.',
    );
  if (game.signupMethod === 'HOST_SELECTED_WITH_WAITLIST') return 'waitlisted';
  if (priorityActive(game, now) && !priority) return 'waitlisted';
  return game.maxPlayers === null || confirmed < game.maxPlayers ? 'confirmed' : 'waitlisted';
}

/**
 * Brings the roster within capacity: fills free slots from the waitlist (first eligible by
 * position) when the signup method promotes by itself, and pushes the last self-joined confirmed
 * players back to the waitlist while over capacity (a host-added player is never pushed back).
 */
export function rebalance(roster: Roster, now: Date): { promoted: string[]; demoted: string[] } {
  const { game } = roster;
  const promoted: string[] = [];
  const demoted: string[] = [];
  const capacity = game.maxPlayers ?? Number.POSITIVE_INFINITY;
  const byPosition = () => [...roster.members].sort((a, b) => a.position - b.position);
  if (autoPromotes(game)) {
    const onlyPriority = priorityActive(game, now);
    while (roster.confirmed < capacity) {
      const next = byPosition().find((m) => m.state === 'waitlisted' && (!onlyPriority || m.priority));
      if (!next) break;
      next.state = 'confirmed';
      promoted.push(next.userId);
    }
  }
  while (roster.confirmed > capacity) {
    const last = byPosition()
      .reverse()
      .find((m) => m.state === 'confirmed');
    if (!last) break;
    last.state = 'waitlisted';
    demoted.push(last.userId);
  }
  return { promoted, demoted };
}
