import type { FastifyRequest } from 'fastify';

/**
 * One cookie of the request, read straight from the Cookie header. @fastify/cookie is registered
 * without its parsing hook (it still writes the cookies replies set): parsing every cookie of every
 * request into an object cost a measurable share of a list request, when the server reads at most
 * two cookies by name. Same rules as the `cookie` package's parser: pairs split on ';', names and
 * values trimmed, the first occurrence of a name wins, surrounding double quotes dropped, and
 * %-escapes decoded when they are valid (the raw value kept otherwise).
 */
export function requestCookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  return header ? cookieFromHeader(header, name) : undefined;
}

export function cookieFromHeader(header: string, name: string): string | undefined {
  const len = header.length;
  let start = 0;
  while (start < len) {
    let end = header.indexOf(';', start);
    if (end === -1) end = len;
    const eq = header.indexOf('=', start);
    if (eq !== -1 && eq < end && header.slice(start, eq).trim() === name) {
      let value = header.slice(eq + 1, end).trim();
      if (value.length >= 2 && value.charCodeAt(0) === 34 && value.charCodeAt(value.length - 1) === 34)
        value = value.slice(1, -1);
      if (value.includes('%')) {
        try {
          value = decodeURIComponent(value);
        } catch {
          /* not an escape sequence: kept as sent */
        }
      }
      return value;
    }
    start = end + 1;
  }
  return undefined;
}
