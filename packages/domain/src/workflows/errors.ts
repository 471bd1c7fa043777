/**
 * The one error type the pure domain throws. `code` is stable (clients and tests switch on it),
 * `message` is Chinese and can be shown to staff as is, `details` carries machine-readable context.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const WORKFLOW_ERROR_CODES = [
  'WORKFLOW_ILLEGAL_TRANSITION',
  'WORKFLOW_ROLE_FORBIDDEN',
  'WORKFLOW_GUARD_FAILED',
  'WORKFLOW_INVALID_MACHINE',
] as const;

export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

/** Thrown by `transition()` and `defineMachine()`. */
export class WorkflowError extends DomainError {
  override readonly code: WorkflowErrorCode;

  constructor(code: WorkflowErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, details);
    this.name = 'WorkflowError';
    this.code = code;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
