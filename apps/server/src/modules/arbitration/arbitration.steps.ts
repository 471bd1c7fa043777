import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { applyTransitionInTrx, type TransitionInput } from '../cases';
import { getClocksService } from '../clocks';
import { getDocumentsService } from '../documents';
import type { RecordKind } from './arbitration.tables';
import type { Trx } from './arbitration.runtime';

/** 《劳动人事争议仲裁办案规则》第六十三条: the one-time notice of all key dates of a collective case runs from acceptance. */
export const COLLECTIVE_NOTICE_RULE = 'arbitration.collective.notice';

/**
 * One machine step of the case inside the caller's transaction (roles, guard, clocks by the machine).
 * Accepting a COLLECTIVE case also starts the 《劳动人事争议仲裁办案规则》第六十三条 clock (办案规则第六十三条: within five days of
 * acceptance the parties are told at once of the tribunal, defence and evidence periods and the hearing);
 * the machine's clock lists cannot depend on the case, so it is started here.
 */
export async function transitionCase(
  ctx: AppContext,
  trx: Trx,
  auth: Pick<AuthContext, 'grants'>,
  actor: Actor,
  caseId: string,
  event: string,
  input: TransitionInput = {},
) {
  const step = await applyTransitionInTrx(ctx, trx, auth, actor, caseId, event, input);
  if (event === 'accept') await startCollectiveNoticeClock(ctx, trx, actor, caseId);
  return step;
}

async function startCollectiveNoticeClock(ctx: AppContext, trx: Trx, actor: Actor, caseId: string) {
  const c = await trx
    .selectFrom('track_case as tc')
    .innerJoin('matter as m', 'm.id', 'tc.matter_id')
    .select([
      'tc.id',
      'tc.number',
      'tc.assignee_user_id',
      'tc.organization_id',
      'tc.jurisdiction_id',
      'm.collective',
    ])
    .where('tc.id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (!c.collective) return;
  const open = await trx
    .selectFrom('clock')
    .select('id')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', COLLECTIVE_NOTICE_RULE)
    .where('status', 'in', ['running', 'suspended', 'extended'])
    .executeTakeFirst();
  if (open) return;
  await getClocksService(ctx).start(
    trx,
    {
      subjectType: 'case',
      subjectId: caseId,
      subjectLabel: c.number,
      ruleId: COLLECTIVE_NOTICE_RULE,
      triggerDate: businessToday(ctx.config),
      responsibleUserId: c.assignee_user_id,
      organizationId: c.organization_id,
      jurisdictionId: c.jurisdiction_id,
    },
    actor,
  );
}

export interface IssuedDoc {
  type: string;
  id: string;
  number: string;
}

/** Drafts and issues a document of the case (文号 now; the sealed PDF is rendered by the job). */
export async function issueFor(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  caseId: string,
  type: string,
  fields: Record<string, unknown>,
): Promise<IssuedDoc> {
  const c = await trx
    .selectFrom('track_case')
    .select('organization_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const r = await getDocumentsService(ctx).createAndIssue(trx, actor, {
    subjectType: 'case',
    subjectId: caseId,
    type,
    fields,
    userOrgId: c.organization_id,
  });
  return { type, id: r.id, number: r.number };
}

export async function addRecord(
  trx: Trx,
  actor: Actor,
  caseId: string,
  kind: RecordKind,
  summary: string,
  content: Record<string, unknown> = {},
) {
  return trx
    .insertInto('arbitration_record')
    .values({
      case_id: caseId,
      kind,
      summary,
      content: JSON.stringify(content),
      created_by: actor.id,
      created_by_name: actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
