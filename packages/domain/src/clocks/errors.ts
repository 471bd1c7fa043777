import { DomainError } from '../workflows/errors';

/**
 * Typed clock errors. There is no shared `packages/domain/src/errors.ts`; the domain's one
 * DomainError class lives in workflows/errors.ts and is reused here so that a single `instanceof`
 * check covers every domain error. If a shared errors module appears, import it here instead.
 */
export { DomainError, isDomainError } from '../workflows/errors';

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
