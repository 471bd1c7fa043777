import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from './audit';
import { type AuthContext, holdsRouteAuth, jurisdictionsFor } from './auth';
import { isSystemActor, isSystemAuth, SYSTEM_USER_ID, systemActor, systemAuth } from './system';

describe('the system actor', () => {
  it('is 系统 with its reason, never a user', () => {
    expect(systemActor('义务履行期限巡检')).toEqual({
      id: null,
      name: '系统',
      role: 'system',
      ip: null,
      reason: '义务履行期限巡检',
    });
    expect(isSystemActor(systemActor('x'))).toBe(true);
    expect(isSystemActor(SYSTEM_ACTOR)).toBe(true);
    expect(isSystemActor({ id: 'u1', name: '张敏', role: 'mediator', ip: '10.0.0.1' })).toBe(false);
    expect(isSystemActor({ id: null, name: '匿名', role: null, ip: '10.0.0.1' })).toBe(false);
  });

  it('as an AuthContext holds no permission and no jurisdiction of its own', () => {
    const auth = systemAuth({ reason: '调解不成', organizationId: 'org-1' });
    expect(isSystemAuth(auth)).toBe(true);
    expect(auth.system).toEqual({ reason: '调解不成' });
    expect([auth.userId, auth.displayName, auth.organizationId]).toEqual([SYSTEM_USER_ID, '系统', 'org-1']);
    expect(holdsRouteAuth(auth, 'matter.read')).toBe(false);
    expect(holdsRouteAuth(auth, ['matter.read', 'intake.create'])).toBe(false);
    expect(jurisdictionsFor(auth, 'matter.read')).toEqual([]);
  });

  it('carries only the grants its caller names, for the one call', () => {
    const auth = systemAuth({
      reason: '当事人通过门户答复调解建议书',
      organizationId: SYSTEM_USER_ID,
      grants: [{ role: 'intake_clerk', active: true, jurisdictionIds: ['j-1'] }],
    });
    expect(jurisdictionsFor(auth, 'intake.create')).toEqual(['j-1']);
    expect(auth.permissions.size).toBe(0);
  });

  it('a user is not the system', () => {
    const user: AuthContext = {
      sessionId: 's',
      csrfToken: 'c',
      userId: 'u1',
      username: 'zhangmin',
      displayName: '张敏',
      organizationId: 'org-1',
      organizationName: '曾都区劳动人事争议调解中心',
      mustChangePassword: false,
      permissions: new Set(['matter.read']),
      grants: [],
    };
    expect(isSystemAuth(user)).toBe(false);
  });
});
