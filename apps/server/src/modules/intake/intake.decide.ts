import { triage, type TriageInput } from '@onestop/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { fresh, partiesOf, StaleVersion, transact } from '../matters';
import { assertMatterInScope, recordChange } from '../../platform/scope';
import type { decideBody } from './intake.schema';
import { consentRecord, decisionSummary } from './intake.service';
import { findOpenProceedings, loadTriageSettings, resolveDecision } from './triage.service';

/** Triage decided (or re-decided) after registration; claims already handed to a track case keep theirs. */
export async function decideMatterTriage(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof decideBody>,
) {
  const { db } = ctx.database;
  const m = await assertMatterInScope(db, auth, id, 'intake.create');
  if (m.status !== 'registered' && m.status !== 'routed') {
    throw new AppError(409, 'MATTER_CLOSED', '事项已办结或已合并，不能重新分流');
  }
  const settings = await loadTriageSettings(db);
  const today = businessToday(ctx.config);
  await transact(ctx, auth, async (trx) => {
    const row = await trx.selectFrom('matter').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (row.version !== body.version) throw new StaleVersion(id);
    const claims = await trx
      .selectFrom('matter_claim')
      .selectAll()
      .where('matter_id', '=', id)
      .orderBy('sort')
      .execute();
    const { workers, employers } = await partiesOf(trx, id);
    const open = await findOpenProceedings(
      trx,
      workers.map((w) => w.id),
      employers.map((e) => e.id),
      id,
    );
    const stored = (row.triage_input ?? {}) as TriageInput;
    const f = body.facts ?? {};
    const input: TriageInput = {
      ...stored,
      today,
      claims: claims.map((c) => ({
        type: c.type as TriageInput['claims'][number]['type'],
        ...(c.amount_fen !== null && { amountFen: c.amount_fen }),
        ...(c.period_from && { periodFrom: c.period_from }),
        ...(c.period_to && { periodTo: c.period_to }),
      })),
      openProceedings: open,
      ...(f.employmentStart && { employmentStart: f.employmentStart }),
      ...(f.employmentEnd && { employmentEnd: f.employmentEnd }),
      ...(f.knewDate && { knewDate: f.knewDate }),
    };
    const result = triage(input, settings);
    const consent = body.consent;
    const decision = resolveDecision(
      result,
      claims.map((c) => c.type),
      body.triage,
      consent,
    );
    const consentWorker = consent ? workers[consent.workerIndex] : undefined;
    if (consent && !consentWorker) throw new AppError(400, 'CONSENT_WORKER', '同意调解的劳动者序号不存在');
    for (const r of decision.routes) {
      const claim = claims[r.claimIndex]!;
      if (claim.track_case_id) continue;
      await trx
        .updateTable('matter_claim')
        .set({ track: r.track, status: r.track ? 'routed' : 'pending' })
        .where('id', '=', claim.id)
        .execute();
    }
    await trx
      .updateTable('matter')
      .set((eb) => ({
        status: 'routed',
        triage_input: JSON.stringify(input),
        triage_result: JSON.stringify(result),
        triage_decision: JSON.stringify(decision),
        triage_decided_by: auth.userId,
        triage_decided_at: new Date(),
        priority_flags: result.priorityFlags,
        collective: result.collective,
        ...(consent &&
          consentWorker && {
            mediation_consent: JSON.stringify(consentRecord(consent, consentWorker, actor)),
          }),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .execute();
    await recordChange(trx, actor, m, 'triaged', decisionSummary(decision), decision);
  });
  return fresh(ctx, auth, id);
}
