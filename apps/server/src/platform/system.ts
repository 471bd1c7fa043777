import type { EffectiveGrant } from '@onestop/domain';
import { type Actor, SYSTEM_ACTOR } from './audit';
import type { AuthContext } from './auth';

/**
 * The system as an explicit identity (docs/ARCHITECTURE.md, "The system actor").
 *
 * Jobs, sweeps and one module acting on another's behalf do not pretend to be a user: they act as
 * 系统, always with a reason. As an `Actor` it is written into the timeline (matter_event: actor_id
 * null, actor_name 系统, actor_reason) and the audit log (actor_role 'system'). As an `AuthContext`
 * it holds no permission of its own (no route admits it, `scopeOf` gives it no jurisdiction); the
 * checks that let it through say so by `isSystemAuth` — e.g. opening a case on behalf of a module
 * whose own step was checked already (cases.service `openCaseInTrx`). The only grants it carries
 * are the ones its caller names, for the one call (the portal's reply desk).
 */
export type SystemActor = Actor & { id: null; role: 'system'; reason: string };

/** The system acting for `reason` (Chinese, shown with the record), e.g. 义务履行期限巡检. */
export function systemActor(reason: string): SystemActor {
  return { ...SYSTEM_ACTOR, id: null, role: 'system', reason };
}

export function isSystemActor(actor: Actor): boolean {
  return actor.id === null && actor.role === SYSTEM_ACTOR.role;
}

/** The system's user id in an AuthContext: a valid uuid that no user has (queries may compare it). */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/** An AuthContext that is the system, not a user. */
export interface SystemAuthContext extends AuthContext {
  system: { reason: string };
}

/**
 * The system's AuthContext for one internal call: no session, no user, no permission; the
 * organisation it acts for and, when the callee checks roles, only the grants named here.
 */
export function systemAuth(input: {
  reason: string;
  organizationId: string;
  organizationName?: string;
  grants?: EffectiveGrant[];
}): SystemAuthContext {
  return {
    sessionId: '',
    csrfToken: '',
    userId: SYSTEM_USER_ID,
    username: 'system',
    displayName: SYSTEM_ACTOR.name,
    organizationId: input.organizationId,
    organizationName: input.organizationName ?? '',
    mustChangePassword: false,
    permissions: new Set(),
    grants: input.grants ?? [],
    system: { reason: input.reason },
  };
}

export function isSystemAuth(auth: AuthContext): auth is SystemAuthContext {
  return (auth as Partial<SystemAuthContext>).system !== undefined;
}
