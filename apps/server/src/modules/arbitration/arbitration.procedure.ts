import { writtenHearingFacts } from './arbitration.written';
import {
  type ArbitrationSnapshot,
  arbitrationStepVerdict,
  filingApprovalRequired,
  isFilingApprovalPolicy,
  type StepVerdict,
} from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { businessToday, dateOf } from '../../platform/time';
import { type ProcedureCheck, preconditionUnmet } from '../cases';
import { hearingNoticeServedToApplicant } from './arbitration.service-proof';
import { readFamilySetting } from '../../platform/settings';

type Exec = Kysely<DB> | Transaction<DB>;

/** Document types whose fields carry the 举证期限 set for the case (acceptance; collective / simplified notices). */
const EVIDENCE_DEADLINE_DOCS = ['acceptance_notice', 'collective_notice', 'simplified_notice'];

/**
 * The facts the procedure guards read, from the case record and its clocks (the due dates the clock
 * engine computed), read through `exec` (inside a step: the step's transaction).
 */
export async function arbitrationSnapshot(
  ctx: AppContext,
  exec: Exec,
  caseId: string,
  proposedHearingDate: string | null = null,
): Promise<ArbitrationSnapshot> {
  const defence = await exec
    .selectFrom('clock')
    .select(['due_date'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', 'arbitration.defence')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const records = await exec
    .selectFrom('arbitration_record')
    .select('kind')
    .distinct()
    .where('case_id', '=', caseId)
    .where('kind', 'in', ['defence_waiver', 'evidence_waiver', 'hearing_record'])
    .execute();
  const has = (k: string) => records.some((r) => r.kind === k);
  const evidenceDoc = await exec
    .selectFrom('document')
    .select('fields')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('type', 'in', EVIDENCE_DEADLINE_DOCS)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const evidence = (evidenceDoc?.fields as { evidenceDeadline?: unknown } | null)?.evidenceDeadline;
  const hearings = await exec
    .selectFrom('hearing')
    .select(['starts_at', 'state'])
    .where('case_id', '=', caseId)
    .where('state', 'in', ['scheduled', 'held'])
    .orderBy('starts_at', 'desc')
    .execute();
  const pending = hearings.find((h) => h.state === 'scheduled');
  const current = pending ?? hearings[0];
  // 书面审理 (issue #20): the written hearing stands for the oral one.
  const written = await writtenHearingFacts(
    exec,
    caseId,
    businessToday(ctx.config),
    ctx.config.tzOffsetMinutes,
  );
  return {
    today: businessToday(ctx.config),
    defenceDueDate: defence?.due_date ?? null,
    defenceWaived: has('defence_waiver'),
    evidenceDueDate: typeof evidence === 'string' ? evidence : null,
    evidenceWaived: has('evidence_waiver'),
    hearingDate: current ? dateOf(ctx.config, new Date(current.starts_at)) : (written?.orderedDate ?? null),
    proposedHearingDate,
    // Held: a hearing held (or a 庭审笔录 entered) and no later hearing pending (an adjournment).
    hearingHeld: written
      ? written.held
      : !pending && (hearings.some((h) => h.state === 'held') || has('hearing_record')),
    hearingNoticeServedToApplicant: (await hearingNoticeServedToApplicant(exec, caseId, ctx.config)) !== null,
    ...(await approvalFacts(exec, caseId)),
  };
}

/**
 * The approval facts: whether the commission requires the 立案审批 for this case (the jurisdiction's
 * policy: setting `arbitration.filing_approval.<jurisdiction code>` = all | collective | none, else
 * the domain default per level) and which approval forms were approved.
 */
async function approvalFacts(exec: Exec, caseId: string) {
  const c = await exec
    .selectFrom('track_case as c')
    .innerJoin('jurisdiction as j', 'j.id', 'c.jurisdiction_id')
    .innerJoin('matter as m', 'm.id', 'c.matter_id')
    .select(['j.code', 'j.level', 'm.collective'])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const policy = await readFamilySetting(exec, 'arbitration.filing_approval', c.code);
  const approved = await exec
    .selectFrom('approval_request')
    .select('kind')
    .distinct()
    .where('subject_id', '=', caseId)
    .where('state', '=', 'approved')
    .where('kind', 'in', ['arbitration_filing', 'arbitration_closing'])
    .execute();
  const has = (k: string) => approved.some((a) => a.kind === k);
  return {
    filingApprovalRequired: filingApprovalRequired(
      { level: c.level, collective: c.collective === true },
      isFilingApprovalPolicy(policy) ? policy : null,
    ),
    filingApproved: has('arbitration_filing'),
    closingApproved: has('arbitration_closing'),
  };
}

/** Refuses the step (409 PRECONDITION_UNMET) when one of its legal preconditions is unmet. */
export async function assertArbitrationStep(
  ctx: AppContext,
  exec: Exec,
  caseId: string,
  step: string,
  proposedHearingDate: string | null = null,
): Promise<void> {
  const verdict = arbitrationStepVerdict(
    step,
    await arbitrationSnapshot(ctx, exec, caseId, proposedHearingDate),
  );
  if (!verdict.allowed) throw preconditionUnmet(verdict.unmet);
}

/** The case's own check, run by every transition of an arbitration case (see cases/procedure.registry). */
export const arbitrationProcedureCheck: ProcedureCheck = (ctx, trx, caseId, event, facts) =>
  assertArbitrationStep(
    ctx,
    trx,
    caseId,
    event,
    typeof facts.proposedHearingDate === 'string' ? facts.proposedHearingDate : null,
  );

const SCHEDULING = new Set(['schedule_hearing', 'adjourn', 'postpone']);

/**
 * Per offered step: allowed + the unmet preconditions (the case page disables the step and says why).
 * Scheduling steps are judged for a date far ahead (only a period that has not started refuses them);
 * `earliestHearingDate` tells which first date the hearing may take.
 */
export async function arbitrationStepVerdicts(
  ctx: AppContext,
  exec: Exec,
  caseId: string,
  steps: readonly string[],
) {
  const snapshot = await arbitrationSnapshot(ctx, exec, caseId);
  const verdicts: Record<string, StepVerdict> = {};
  for (const s of steps) {
    verdicts[s] = arbitrationStepVerdict(
      s,
      SCHEDULING.has(s) ? { ...snapshot, proposedHearingDate: '9999-12-31' } : snapshot,
    );
  }
  const dates = arbitrationStepVerdict('schedule_hearing', {
    ...snapshot,
    proposedHearingDate: snapshot.today,
  })
    .unmet.map((u) => u.earliestDate)
    .filter((d): d is string => d !== null)
    .sort();
  return { verdicts, earliestHearingDate: dates.at(-1) ?? null };
}
