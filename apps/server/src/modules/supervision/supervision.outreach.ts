import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import type { Flag } from './supervision.checks';
import { FILING_LABELS } from './supervision.service';

/**
 * A supervision item from an outreach visit (走访发现问题), in the caller's transaction: a filing of kind
 * 'outreach' carrying the issue as its one flag, so it shows in the supervision list as 'flagged' and an
 * inspector may open an ex-officio case from it (《劳动保障监察条例》第十四条) like any other finding.
 */
export async function fileOutreachFinding(
  trx: Transaction<DB>,
  auth: AuthContext,
  actor: Actor,
  f: {
    employerPartyId: string;
    employerName: string;
    jurisdictionId: string;
    visitId: string;
    issueId: string;
    description: string;
    visitedOn: string;
    note?: string | undefined;
  },
): Promise<string> {
  const flags: Flag[] = [
    {
      code: 'outreach_issue',
      message: f.description,
      // Routine visits are a form of labor inspection; a suspected violation is to be filed for investigation.
      basis: '《劳动保障监察条例》第十四条',
    },
  ];
  const row = await trx
    .insertInto('supervision_filing')
    .values({
      kind: 'outreach',
      employer_party_id: f.employerPartyId,
      jurisdiction_id: f.jurisdictionId,
      data: JSON.stringify({ visitId: f.visitId, issueId: f.issueId, visitedOn: f.visitedOn }),
      flags: JSON.stringify(flags),
      status: 'flagged',
      note: f.note ?? null,
      created_by: auth.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, actor, {
    action: 'supervision.outreach',
    entityType: 'supervision_filing',
    entityId: row.id,
    summary: `${FILING_LABELS.outreach}：${f.employerName}（${f.description}）`,
  });
  return row.id;
}
