/** Failure shape shared by every validator: a stable code, a Chinese message, and the 1-based position. */
export interface ValidationFailure<C extends string> {
  ok: false;
  code: C;
  message: string;
  /** 1-based position of the first offending character, when one can be named. */
  position?: number;
}
