import type { Permission } from '@onestop/domain';
import { type AuthContext, jurisdictionsFor } from '../../platform/auth';

/**
 * 一窗受理: the petition window (信访维权咨询窗口, seed 四(五) "接待登记") and the court-docking desk
 * register the matters they receive through the single window's intake, like the intake clerk.
 * The caller's own work permission scopes where: a window grant is derived from it for the one call
 * to the intake service (createIntake), nothing else. The audit actor stays the caller's own post.
 */
export function asWindow(auth: AuthContext, permission: Permission): AuthContext {
  if (auth.permissions.has('intake.create')) return auth;
  const jurisdictionIds = jurisdictionsFor(auth, permission);
  if (!jurisdictionIds.length) return auth;
  return {
    ...auth,
    grants: [...auth.grants, { role: 'intake_clerk', active: true, jurisdictionIds }],
  };
}
