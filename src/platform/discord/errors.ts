import { AppError } from '../errors.ts';

/**
 * Discord failures with stable codes, the same from both adapters, so a module can react to the
 * case rather than parse messages: repost a deleted announcement (`DISCORD_UNKNOWN_MESSAGE`), skip
 * a member whose DMs are closed (`DISCORD_CANNOT_DM`), tell a host the bot may not post in a
 * channel (`DISCORD_MISSING_ACCESS` / `DISCORD_MISSING_PERMISSIONS`).
 */
export const DISCORD_ERROR_CODES = {
  10003: 'DISCORD_UNKNOWN_CHANNEL',
  10004: 'DISCORD_UNKNOWN_GUILD',
  10007: 'DISCORD_UNKNOWN_MEMBER',
  10008: 'DISCORD_UNKNOWN_MESSAGE',
  10011: 'DISCORD_UNKNOWN_ROLE',
  10013: 'DISCORD_UNKNOWN_USER',
  10014: 'DISCORD_UNKNOWN_EMOJI',
  10015: 'DISCORD_UNKNOWN_WEBHOOK',
  10062: 'DISCORD_UNKNOWN_INTERACTION',
  10063: 'DISCORD_UNKNOWN_COMMAND',
  40060: 'DISCORD_INTERACTION_ACKNOWLEDGED',
  50001: 'DISCORD_MISSING_ACCESS',
  50007: 'DISCORD_CANNOT_DM',
  50013: 'DISCORD_MISSING_PERMISSIONS',
  50035: 'DISCORD_INVALID_REQUEST',
  50083: 'DISCORD_THREAD_ARCHIVED',
} as const;

export type DiscordErrorCode =
  | (typeof DISCORD_ERROR_CODES)[keyof typeof DISCORD_ERROR_CODES]
  | 'DISCORD_UNAUTHORIZED'
  | 'DISCORD_RATE_LIMITED'
  | 'DISCORD_UNAVAILABLE'
  | 'DISCORD_REQUEST_FAILED';

export class DiscordError extends AppError {
  declare readonly code: DiscordErrorCode;
  /** Discord's JSON error code (10008 …), 0 when the failure had none. */
  readonly discordCode: number;
  /** The HTTP status Discord answered, 0 for a network failure. */
  readonly httpStatus: number;

  constructor(
    code: DiscordErrorCode,
    message: string,
    details: { discordCode?: number; httpStatus?: number; cause?: unknown } = {},
  ) {
    // 502: from the API's point of view Discord is an upstream that failed the request.
    super(code, message, { status: 502, cause: details.cause });
    this.discordCode = details.discordCode ?? 0;
    this.httpStatus = details.httpStatus ?? 0;
  }
}

export function isDiscordError(error: unknown, code?: DiscordErrorCode): error is DiscordError {
  return error instanceof DiscordError && (code === undefined || error.code === code);
}

/** Our code for Discord's JSON error code and HTTP status. */
export function codeFor(discordCode: number, httpStatus: number): DiscordErrorCode {
  const known = DISCORD_ERROR_CODES[discordCode as keyof typeof DISCORD_ERROR_CODES];
  if (known) return known;
  if (httpStatus === 401) return 'DISCORD_UNAUTHORIZED';
  if (httpStatus === 403) return 'DISCORD_MISSING_ACCESS';
  if (httpStatus === 429) return 'DISCORD_RATE_LIMITED';
  if (httpStatus >= 500 || httpStatus === 0) return 'DISCORD_UNAVAILABLE';
  return 'DISCORD_REQUEST_FAILED';
}

/** The JSON error body Discord answers with, as the stand-in and the log adapter produce it too. */
export const DISCORD_ERROR_MESSAGES: Record<number, string> = {
  10003: 'Unknown Channel',
  10004: 'Unknown Guild',
  10007: 'Unknown Member',
  10008: 'Unknown Message',
  10011: 'Unknown Role',
  10013: 'Unknown User',
  10015: 'Unknown Webhook',
  10062: 'Unknown interaction',
  10063: 'Unknown application command',
  40060: 'Interaction has already been acknowledged.',
  50001: 'Missing Access',
  50007: 'Cannot send messages to this user',
  50013: 'Missing Permissions',
  50035: 'Invalid Form Body',
};

export function discordError(discordCode: number, httpStatus: number, cause?: unknown): DiscordError {
  return new DiscordError(
    codeFor(discordCode, httpStatus),
    `Discord: ${DISCORD_ERROR_MESSAGES[discordCode] ?? `HTTP ${httpStatus}`}`,
    { discordCode, httpStatus, cause },
  );
}
