import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

/**
 * Shared zod building blocks for request schemas. Dates are real calendar dates (2026-02-30 is
 * refused, not passed on to PostgreSQL), within a range the database and the calendars can hold.
 */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const yearInRange = (v: string) => {
  const y = Number(v.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
};
const RANGE_MESSAGE = `日期须在 ${MIN_YEAR}—${MAX_YEAR} 年之间`;

/** A calendar date 'YYYY-MM-DD' that exists (leap years included). */
export function isoDate(message = '日期格式应为 YYYY-MM-DD，且须是真实存在的日期') {
  return z.iso.date(message).refine(yearInRange, RANGE_MESSAGE);
}

/** A date and time in ISO 8601 with its time zone (e.g. 2026-03-02T09:30:00+08:00). */
export function isoDateTime(message = '时间格式不正确（ISO 8601，含时区）') {
  return z.iso.datetime({ offset: true, message }).refine(yearInRange, RANGE_MESSAGE);
}

export const NUL_MESSAGE = '不能包含空字符（\\u0000），请删除后重试';

/** The path of the first string (or key) containing a NUL byte, or null. */
export function findNul(
  value: unknown,
  path: (string | number)[] = [],
  depth = 0,
): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], [...path, i], depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return [...path, k];
    const hit = findNul(v, [...path, k], depth + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * The request validator: every string of every body, query and path is refused when it contains
 * a NUL byte (PostgreSQL cannot store 0x00 in text), then the route's own zod schema applies.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> = (req) => {
  const guarded = z
    .unknown()
    .superRefine((data, ctx) => {
      const path = findNul(data);
      if (path) ctx.addIssue({ code: 'custom', path, message: NUL_MESSAGE, input: data });
    })
    .pipe(req.schema);
  return zodValidatorCompiler({ ...req, schema: guarded });
};
