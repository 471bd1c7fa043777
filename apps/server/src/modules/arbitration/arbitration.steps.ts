import type { AppContext } from '../../app';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { applyTransitionInTrx, type TransitionInput } from '../cases/cases.service';
import { getDocumentsService } from '../documents/documents.plugin';
import type { RecordKind } from './arbitration.tables';
import type { Trx } from './arbitration.runtime';

/** One machine step of the case inside the caller's transaction (roles, guard, clocks by the machine). */
export function transitionCase(
  ctx: AppContext,
  trx: Trx,
  auth: Pick<AuthContext, 'grants'>,
  actor: Actor,
  caseId: string,
  event: string,
  input: TransitionInput = {},
) {
  return applyTransitionInTrx(ctx, trx, auth, actor, caseId, event, input);
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
