import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { type Actor, appendAudit } from '../../platform/audit';
import { actorOf, type AuthContext } from '../../platform/auth';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { assertCaseVisible } from '../cases';
import { StaleCase } from '../cases';
import { presentCase } from './arbitration.presenter';
import type { Trx } from './arbitration.runtime';
import { stepResultSchema } from './arbitration.responses';
import { caseParam } from './arbitration.schema';

/** Route options of a step on one case: matter.read at the door (the machine checks the post), the
 * case id, the body, and the answer every step gives (the fresh case, or 422 with what is missing). */
export function caseStep<B extends z.ZodTypeAny>(summary: string, body: B) {
  return {
    config: { auth: 'matter.read' as const },
    schema: {
      tags: ['仲裁'],
      summary,
      params: caseParam,
      body,
      response: { 200: stepResultSchema, 422: errorSchema, ...errorResponses },
    },
  };
}

/** What a step's work gives back (the route adds the fresh case view); `step` is not answered. */
export type ActResult = Omit<z.infer<typeof stepResultSchema>, 'case' | 'documents'> & {
  documents?: { type: string; id: string; number: string }[] | undefined;
  step?: unknown;
};

/**
 * Runs one arbitration step on a visible case in ONE transaction and answers with the fresh case view;
 * a stale version is 409 with the fresh view, read after the rollback.
 */
export async function act(
  ctx: AppContext,
  req: FastifyRequest,
  caseId: string,
  work: (trx: Trx, auth: AuthContext, actor: Actor) => Promise<ActResult>,
) {
  const auth = req.auth!;
  const { db } = ctx.database;
  await assertCaseVisible(db, auth, caseId);
  const actor = actorOf(req, 'matter.read');
  let out: ActResult;
  try {
    out = await db.transaction().execute((trx) => work(trx, auth, actor));
  } catch (err) {
    if (err instanceof StaleCase) throw errors.conflict(await presentCase(ctx, err.caseId, auth));
    throw err;
  }
  const { step: _step, ...rest } = out;
  return { ...rest, documents: out.documents ?? [], case: await presentCase(ctx, caseId, auth) };
}

export async function audited(
  trx: Trx,
  actor: Actor,
  action: string,
  caseId: string,
  summary: string,
  after?: unknown,
) {
  await appendAudit(trx, actor, { action, entityType: 'case', entityId: caseId, summary, after });
}
