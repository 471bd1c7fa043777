import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { startMediation } from '../mediation';
import type { IntakeBody } from './intake.schema';

/**
 * Mediation first (调解优先): when the clerk routed claims to mediation and the worker consented at the
 * window, the mediation case opens right after registration, so the matter is in the mediators' queue
 * before the worker leaves. It is a second transaction on purpose: the registration stands even if
 * the mediation desk refuses (the refusal is logged and the mediator can start it from the matter page).
 */
export async function openConsentedMediation(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  matterId: string,
  body: IntakeBody,
  log: FastifyBaseLogger,
): Promise<void> {
  if (!body.consent?.given) return;
  const claims = await ctx.database.db
    .selectFrom('matter_claim')
    .select('id')
    .where('matter_id', '=', matterId)
    .where('track', '=', 'mediation')
    .where('track_case_id', 'is', null)
    .execute();
  if (!claims.length) return;
  try {
    await startMediation(ctx, auth, actor, matterId, {
      consent: { given: true, method: body.consent.method },
      claimIds: claims.map((c) => c.id),
      factsUndisputed: true,
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    log.warn({ matterId, code: err.code }, 'mediation not opened at intake');
  }
}
