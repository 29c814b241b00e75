import { type AppErrorOptions, UserError } from '#platform/errors.ts';

/**
 * Stable codes of the games module and their HTTP status. The message catalogue has an entry
 * `errors.<CODE>` (and `games.errors.<CODE>`) for each, so the Discord layer shows them
 * translated; the HTTP layer sends them as problem+json with field pointers where one field is
 * to blame.
 */
export const GAMES_ERROR_STATUS = {
  GAME_NOT_FOUND: 404,
  TEMPLATE_NOT_FOUND: 404,
  PARTICIPANT_NOT_FOUND: 404,
  GAME_CLOSED: 409,
  ALREADY_JOINED: 409,
  NOT_JOINED: 409,
  NOT_WAITLISTED: 409,
  GAME_FULL: 409,
  SIGNUP_HOST_ONLY: 409,
  NOT_HOST: 403,
  NOT_ALLOWED_TO_HOST: 403,
  NOT_GUILD_ADMIN: 403,
  START_IN_PAST: 422,
  END_BEFORE_START: 422,
  MAX_BELOW_MIN: 422,
  UNKNOWN_TIMEZONE: 422,
  CHANNEL_NOT_POSTABLE: 422,
  CHANNEL_NOT_ALLOWED: 422,
  FIELD_LOCKED: 422,
  INVALID_RECURRENCE: 422,
  INVALID_CURSOR: 400,
  INVALID_GAME_INPUT: 422,
  TEMPLATE_NAME_TAKEN: 409,
} as const;

export type GamesErrorCode = keyof typeof GAMES_ERROR_STATUS;

export class GamesError extends UserError {
  override readonly code: GamesErrorCode;
  constructor(
    code: GamesErrorCode,
    message: string,
    options: Omit<AppErrorOptions, 'status'> & { readonly pointer?: string } = {},
  ) {
    const { pointer, ...rest } = options;
    super(code, message, {
      ...rest,
      status: GAMES_ERROR_STATUS[code],
      ...(pointer ? { fields: [{ pointer, detail: message, code: `games.errors.${code}` }] } : {}),
    });
    this.code = code;
  }
}

export function isGamesError(error: unknown, code?: GamesErrorCode): error is GamesError {
  return error instanceof GamesError && (code === undefined || error.code === code);
}
