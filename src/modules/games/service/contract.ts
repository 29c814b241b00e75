import type {
  Actor,
  CancelScope,
  EditScope,
  Game,
  GameFilter,
  GameInput,
  GamePatch,
  GameSummary,
  GamesConfig,
  GamesConfigInput,
  Page,
  ParticipantState,
  ParticipationResult,
  ReminderPreference,
  ReminderPreferenceInput,
  Template,
  TemplateInput,
} from '../types.ts';

/**
 * What the API routes, the Discord part and the consumers call. Every method runs in one
 * `withGuild(guildId)` transaction that also writes its events to the outbox, moves or cancels
 * its scheduler jobs and records the audit entry: a change is either complete or absent. Bad
 * input throws a `GamesError` (or `UserError`) before anything is written.
 */
export type GamesService = {
  list(guildId: string, filter: GameFilter, cursor?: string | null): Promise<Page<GameSummary>>;
  /** GAME_NOT_FOUND when absent (or in another guild). */
  get(guildId: string, gameId: string): Promise<Game>;
  create(guildId: string, actor: Actor, input: GameInput): Promise<Game>;
  /**
   * Host of the game or a guild admin. Moving startsAt moves every schedule of the game. For an
   * instance of a recurring game, `scope` (default `occurrence`): the change stays with this game
   * and the series goes on as before, or with `series` it carries on to every later instance.
   * `recurrence` itself always applies to the series (`null` stops it after this game).
   */
  update(guildId: string, actor: Actor, gameId: string, patch: GamePatch, scope?: EditScope): Promise<Game>;
  /**
   * Host or admin; removes every pending schedule of the game. `scope` (default `occurrence`):
   * a recurring game's series goes on (its next instance is still created when this one would
   * have ended), or with `series` this and every later instance end and nothing more is created.
   * `series` on an occurrence cancelled before widens that cancellation; see `cancel.ts`.
   */
  cancel(guildId: string, actor: Actor, gameId: string, reason?: string, scope?: CancelScope): Promise<Game>;
  /** A new game with the same settings (no participants) at `startsAt`. */
  clone(
    guildId: string,
    actor: Actor,
    gameId: string,
    overrides: GamePatch & { startsAt: string },
  ): Promise<Game>;

  /**
   * The signed-in user joins (confirmed, or waitlisted past maxPlayers / by the signup method).
   * `roleIds`: the member's roles when the caller knows them (a Discord interaction); otherwise
   * they are read from core.guild_members. Concurrent joins of one game in this process are
   * grouped into one transaction, in arrival order.
   */
  join(
    guildId: string,
    userId: string,
    gameId: string,
    options?: {
      readonly note?: string | null;
      readonly roleIds?: readonly string[];
      /** For the audit log (request id, token or session); defaults to the user. */
      readonly actor?: Actor;
    },
  ): Promise<ParticipationResult>;
  /** Leaving frees a slot: the first eligible waitlisted player is promoted (WAITLIST_PROMOTED). */
  leave(guildId: string, userId: string, gameId: string): Promise<ParticipationResult>;
  /** The explicit "can't come" (state declined; frees a slot like leave). */
  decline(guildId: string, userId: string, gameId: string): Promise<ParticipationResult>;

  /**
   * Host adds a player (state host_added, counts as confirmed). When the game is full, the last
   * self-joined confirmed player is pushed back to the waitlist (PLAYER_DEMOTED).
   */
  addParticipant(
    guildId: string,
    actor: Actor,
    gameId: string,
    userId: string,
    options?: { readonly note?: string | null },
  ): Promise<ParticipationResult>;
  /** Host removes a player (PLAYER_REMOVED); a freed slot promotes the first waitlisted. */
  removeParticipant(
    guildId: string,
    actor: Actor,
    gameId: string,
    userId: string,
  ): Promise<ParticipationResult>;
  /** Host moves a waitlisted player to confirmed (GAME_FULL when no slot is free). */
  promote(guildId: string, actor: Actor, gameId: string, userId: string): Promise<ParticipationResult>;

  /** Discord side: remember where the announcement / thread lives (no event: a bookkeeping write). */
  setDiscordRefs(
    guildId: string,
    gameId: string,
    refs: { readonly announcementMessageId?: string | null; readonly threadId?: string | null },
  ): Promise<void>;

  listTemplates(guildId: string): Promise<Template[]>;
  getTemplate(guildId: string, templateId: string): Promise<Template>;
  createTemplate(guildId: string, actor: Actor, input: TemplateInput): Promise<Template>;
  updateTemplate(guildId: string, actor: Actor, templateId: string, input: TemplateInput): Promise<Template>;
  deleteTemplate(guildId: string, actor: Actor, templateId: string): Promise<void>;

  getConfig(guildId: string): Promise<GamesConfig>;
  /** Admins only. */
  putConfig(guildId: string, actor: Actor, input: GamesConfigInput): Promise<GamesConfig>;

  /** The user's preferences: the guild-wide one (gameId null) first, then per game. */
  getReminderPreferences(guildId: string, userId: string): Promise<ReminderPreference[]>;
  setReminderPreference(
    guildId: string,
    userId: string,
    input: ReminderPreferenceInput,
  ): Promise<ReminderPreference>;

  /** The state of one participant, or null. */
  participantState(guildId: string, gameId: string, userId: string): Promise<ParticipantState | null>;
};
