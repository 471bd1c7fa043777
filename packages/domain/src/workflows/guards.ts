/**
 * Small fail-closed guard helpers: a missing fact refuses the transition, so a caller that forgets
 * to supply the context cannot slip past a legal condition.
 */
export type Ctx = Readonly<Record<string, unknown>>;

export function requireTrue(ctx: Ctx, key: string, reason: string): string | null {
  return ctx[key] === true ? null : reason;
}

export function requireText(ctx: Ctx, key: string, reason: string): string | null {
  const v = ctx[key];
  return typeof v === 'string' && v.trim() !== '' ? null : reason;
}

export function requireNumber(
  ctx: Ctx,
  key: string,
  test: (n: number) => boolean,
  reason: string,
): string | null {
  const v = ctx[key];
  return typeof v === 'number' && Number.isFinite(v) && test(v) ? null : reason;
}

export function requireOneOf(
  ctx: Ctx,
  key: string,
  values: readonly string[],
  reason: string,
): string | null {
  const v = ctx[key];
  return typeof v === 'string' && values.includes(v) ? null : reason;
}

/** First failing guard wins. */
export function all(...checks: Array<string | null>): string | null {
  return checks.find((c) => c !== null) ?? null;
}
