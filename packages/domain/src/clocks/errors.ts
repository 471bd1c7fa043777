/**
 * Typed domain errors. There is no shared `packages/domain/src/errors.ts` yet, so the base class
 * lives here; when a shared one appears, re-export it from this file instead.
 *
 * `code` is stable and machine-readable (the server maps it to an HTTP status); `message` is the
 * Chinese text shown to users; `details` carries structured data for logs and clients.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** A clock event that the clock's current status does not allow. */
export class ClockIllegalTransitionError extends DomainError {
  readonly from: string;
  readonly event: string;

  constructor(from: string, event: string, message: string) {
    super('CLOCK_ILLEGAL_TRANSITION', message, { from, event });
    this.name = 'ClockIllegalTransitionError';
    this.from = from;
    this.event = event;
  }
}

export type ClockInputErrorCode =
  | 'CLOCK_EXTENSION_INVALID'
  | 'CLOCK_EXTENSION_NOT_ALLOWED'
  | 'CLOCK_NOT_SUSPENDABLE'
  | 'CLOCK_INPUT_INVALID'
  | 'CLOCK_RULE_UNKNOWN';

/** Invalid input to a deadline computation (missing approver, suspension on a rule without one…). */
export class ClockInputError extends DomainError {
  override readonly code: ClockInputErrorCode;

  constructor(code: ClockInputErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'ClockInputError';
    this.code = code;
  }
}
