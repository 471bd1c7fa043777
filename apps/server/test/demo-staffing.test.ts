import { describe, expect, it } from 'vitest';
import { signedIn, useTestServer } from './harness';

/** Demo data staffs each jurisdiction used by the demo so that every track can run end to end. */
describe('demo staffing', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });

  it('has two certified inspectors at the city detachment and one more at 广水 (两名以上监察员)', async () => {
    const second = await signedIn(env, 'inspector2');
    const r = await second.get('/api/work/inspection');
    expect(r.status).toBe(200);
    expect(r.body.scope.jurisdictions.map((j: any) => j.name)).toEqual(['随州市']);
    const gs = await signedIn(env, 'gsinspector');
    const g = await gs.get('/api/work/inspection');
    expect(g.status).toBe(200);
    expect(g.body.scope.jurisdictions.map((j: any) => j.name)).toEqual(['广水市']);
    const admin = await signedIn(env, 'admin');
    const users = (await admin.get('/api/admin/users?role=inspector&limit=200')).body.items as any[];
    expect(users.map((u) => u.displayName).sort()).toEqual(['吴静', '张敏', '刘伟', '陈刚'].sort());
  });
});
