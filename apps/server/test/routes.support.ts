import { randomUUID } from 'node:crypto';
import { ROLES, type Permission } from '@onestop/domain';
import type { RouteEntry } from '../src/platform/auth';
import { DEMO_USERS } from '../src/seed/demo';
import type { TestEnv } from './harness';

/** Every demo post-holder: the route tests sign each of them in. */
export const DEMO_USERNAMES = DEMO_USERS.map((u) => u.username);

/** The permissions a demo user holds by post (certificates aside: a lapsed card is checked separately). */
export function postPermissions(username: string): Set<Permission> {
  const u = DEMO_USERS.find((x) => x.username === username)!;
  return new Set(u.roles.flatMap((r) => ROLES[r.role].permissions));
}

/** The /api routes as the server registered them (method, url, declared auth). */
export function routeTable(env: TestEnv): RouteEntry[] {
  return env.server.app.routeCatalog.filter((r) => r.url.startsWith('/api/'));
}

export const isWrite = (r: RouteEntry) => r.method !== 'GET';
export const key = (r: RouteEntry) => `${r.method} ${r.url}`;

export function required(r: RouteEntry): readonly Permission[] | null {
  if (r.auth === 'public' || r.auth === 'authenticated') return null;
  return typeof r.auth === 'string' ? [r.auth as Permission] : (r.auth as readonly Permission[]);
}

/** The URL with every `:param` replaced (a fresh UUID unless given). */
export function fillPath(url: string, values: Record<string, string> = {}): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name] ?? randomUUID());
}
