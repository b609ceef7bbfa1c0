/**
 * Kernel error classes. Services throw these with a stable, dotted `code`
 * (`identity.login.invalid_credentials`); only the server maps them to HTTP.
 */
export class KernelError extends Error {
  /** HTTP status the server maps this class to. */
  readonly status: number = 500;
  constructor(
    /** Stable machine-readable code, e.g. `org.division.not_found`. */
    readonly code: string,
    message: string,
    /** Extra, non-personal detail for the client (field errors, warnings). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is malformed or breaks a rule (400/422). */
export class InputError extends KernelError {
  override readonly status = 400;
}
/** The thing asked for does not exist, or the caller may not know it does (404). */
export class NotFoundError extends KernelError {
  override readonly status = 404;
}
/** The request conflicts with current state: duplicate, stale version, locked (409). */
export class ConflictError extends KernelError {
  override readonly status = 409;
}
/** Authenticated, but not permitted here (403). */
export class NotAllowedError extends KernelError {
  override readonly status = 403;
}
/** Not authenticated, or the credentials are wrong (401). */
export class AuthenticationError extends KernelError {
  override readonly status = 401;
}
/** Too many attempts (429). */
export class RateLimitedError extends KernelError {
  override readonly status = 429;
}

export function isKernelError(error: unknown): error is KernelError {
  return error instanceof KernelError;
}

/**
 * An error's message fit for logs and stored error columns: a failed query's driver message
 * (“value too long for type character varying(64)”), never the query's parameters — the ORM's own
 * message lists them, and they can hold personal data or whole files.
 */
export function safeErrorMessage(error: unknown): string {
  const err = error as { message?: unknown; cause?: { message?: unknown } };
  const message = String(err?.message ?? error);
  if (message.startsWith('Failed query') && err?.cause?.message)
    return String(err.cause.message).split('\n')[0];
  return message.split('\nparams:')[0].slice(0, 1000);
}
