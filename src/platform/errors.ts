/**
 * Errors with stable codes. `AppError` is anything Guildhall raises on purpose; `UserError` is the
 * subset whose message is written for the person who caused it (shown as problem+json detail or
 * as an ephemeral Discord message). Anything else is a bug: logged in full, shown as a bare 500.
 */

export type FieldProblem = {
  /** JSON pointer into the request, e.g. `/body/maxPlayers` or `/params/guildId`. */
  readonly pointer: string;
  readonly detail: string;
  /** Message catalogue key (for translation by clients that have the catalogue). */
  readonly code?: string;
};

export type AppErrorOptions = {
  readonly status?: number;
  readonly fields?: readonly FieldProblem[];
  readonly cause?: unknown;
  /** Values for the message template, kept for translation. */
  readonly params?: Readonly<Record<string, string | number>>;
  readonly headers?: Readonly<Record<string, string>>;
};

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: readonly FieldProblem[];
  readonly params: Readonly<Record<string, string | number>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status ?? 500;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
    this.headers = options.headers ?? {};
  }
}

/** An error whose message is safe and meant to be shown to the user who caused it. */
export class UserError extends AppError {
  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(code, message, { status: 400, ...options });
  }
}

export const notFound = (what: string, code = 'NOT_FOUND') =>
  new UserError(code, `${what} was not found.`, { status: 404 });
export const forbidden = (message = 'You do not have permission to do that.', code = 'FORBIDDEN') =>
  new UserError(code, message, { status: 403 });
export const unauthorized = (message = 'Authentication is required.', code = 'UNAUTHENTICATED') =>
  new UserError(code, message, { status: 401 });
export const conflict = (message: string, code = 'CONFLICT') => new UserError(code, message, { status: 409 });
export const invalid = (pointer: string, detail: string, code = 'VALIDATION_FAILED') =>
  new UserError(code, detail, { status: 422, fields: [{ pointer, detail }] });

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
