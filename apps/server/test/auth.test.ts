import { describe, expect, it } from 'vitest';
import { Client, signedIn, useTestServer } from './harness';

describe('sign-in, sessions, CSRF and lockout', () => {
  const env = useTestServer();

  it('signs in with the demo password and returns roles, permissions and a CSRF token', async () => {
    const c = new Client(env.url);
    const r = await c.login('zhangmin');
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toMatch(/onestop_sid=.*HttpOnly.*SameSite=Strict/i);
    expect(r.body.user.roles.map((x: any) => x.role).sort()).toEqual(['arbitrator', 'inspector', 'mediator']);
    expect(r.body.user.permissions).toContain('mediation.work');
    expect(r.body.csrfToken).toHaveLength(32);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.displayName).toBe('张敏');
  });

  it('keeps 401 (not signed in) and 403 (no permission) distinct', async () => {
    const anon = new Client(env.url);
    const r401 = await anon.get('/api/admin/users');
    expect(r401.status).toBe(401);
    expect(r401.body.code).toBe('UNAUTHENTICATED');
    const clerk = await signedIn(env, 'clerk');
    const r403 = await clerk.get('/api/admin/users');
    expect(r403.status).toBe(403);
    expect(r403.body).toMatchObject({ code: 'FORBIDDEN' });
    expect(r403.body.message).toMatch(/权限/);
  });

  it('refuses a state change without the CSRF header', async () => {
    const admin = await signedIn(env, 'admin');
    const r = await admin.request(
      'POST',
      '/api/admin/users/00000000-0000-0000-0000-000000000000/unlock',
      {},
      { noCsrf: true },
    );
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('CSRF_INVALID');
  });

  it('locks an account for 15 minutes after five wrong passwords, even against the right one', async () => {
    const c = new Client(env.url);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await c.login('petition', 'WrongPassword1!');
      codes.push(`${r.status}:${r.body.code}`);
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('401:AUTH_INVALID'));
    expect(codes[4]).toBe('423:AUTH_LOCKED');
    const right = await c.login('petition');
    expect(right.status).toBe(423);
    expect(right.body.message).toMatch(/锁定/);
    const row = await env.server.database.db
      .selectFrom('app_user')
      .select('locked_until')
      .where('username', '=', 'petition')
      .executeTakeFirstOrThrow();
    const minutes = (row.locked_until!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // An administrator can unlock it.
    const admin = await signedIn(env, 'admin');
    const u = await admin.get('/api/admin/users?q=petition');
    const unlock = await admin.post(`/api/admin/users/${u.body.items[0].id}/unlock`);
    expect(unlock.status).toBe(200);
    expect((await c.login('petition')).status).toBe(200);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const c = await signedIn(env, 'legalaid');
    await env.server.database.db
      .updateTable('session')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('user_id', 'in', (eb) =>
        eb.selectFrom('app_user').select('id').where('username', '=', 'legalaid'),
      )
      .execute();
    const r = await c.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('SESSION_EXPIRED');
  });

  it('logs out', async () => {
    const c = await signedIn(env, 'court');
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('enforces the password policy on change and stores argon2id hashes', async () => {
    const c = await signedIn(env, 'union');
    const weak = await c.post('/api/auth/password', {
      currentPassword: 'Onestop@2026',
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    const wrong = await c.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'Better#Pass2027',
    });
    expect(wrong.body.code).toBe('PASSWORD_WRONG');
    const ok = await c.post('/api/auth/password', {
      currentPassword: 'Onestop@2026',
      newPassword: 'Better#Pass2027',
    });
    expect(ok.status).toBe(204);
    const row = await env.server.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'union')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect((await new Client(env.url).login('union', 'Better#Pass2027')).status).toBe(200);
  });

  it('answers bad input with 400 and a stable code, never a stack trace', async () => {
    const c = new Client(env.url);
    const malformed = await c.request('POST', '/api/auth/login', undefined, { raw: '{"username":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const wrongType = await c.post('/api/auth/login', { username: 12, password: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.code).toBe('VALIDATION_FAILED');
    expect(wrongType.body.message).toMatch(/[\u4e00-\u9fff]/);
    const unknown = await c.post('/api/auth/login', { username: 'a', password: 'b', admin: true });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('admin');
    const big = await c.request('POST', '/api/auth/login', undefined, {
      raw: JSON.stringify({ username: 'a', password: 'x'.repeat(1_100_000) }),
    });
    expect(big.status).toBe(400);
    expect(big.body.code).toBe('BODY_TOO_LARGE');
    for (const r of [malformed, wrongType, unknown, big]) {
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|stack/i);
    }
  });
});
