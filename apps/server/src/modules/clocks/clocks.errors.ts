import { isDomainError } from '@onestop/domain';
import { AppError } from '../../platform/errors';

/**
 * Maps the pure domain's typed errors to HTTP: a year without calendar data is 422 CALENDAR_UNKNOWN
 * (never silently weekdays-only), an illegal clock transition 409, any other input error 400.
 */
export function toAppError(err: unknown): unknown {
  if (!isDomainError(err)) return err;
  const status = err.code === 'CALENDAR_UNKNOWN' ? 422 : err.code === 'CLOCK_ILLEGAL_TRANSITION' ? 409 : 400;
  return new AppError(status, err.code, err.message, err.details);
}

/** Runs `fn`, rethrowing domain errors as AppErrors (works for sync and async functions). */
export async function domain<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAppError(err);
  }
}

/** Synchronous variant for pure computations. */
export function domainSync<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw toAppError(err);
  }
}
