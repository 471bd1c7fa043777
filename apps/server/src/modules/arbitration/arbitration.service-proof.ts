import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { loadParties } from './arbitration.data';
import { chineseDateAt, type TimeConfig } from '../../platform/time';

type Exec = Kysely<DB> | Transaction<DB>;

const METHOD_LABELS: Record<string, string> = {
  in_person: '直接送达',
  electronic: '电子送达',
  post: '邮寄送达',
  public_notice: '公告送达',
};

/**
 * How a 开庭通知书 of this case was served on the applicant (signed for, left on refusal, opened), as
 * the decision states it; null when there is no such proof.
 */
export async function hearingNoticeServedToApplicant(
  exec: Exec,
  caseId: string,
  config: TimeConfig,
): Promise<string | null> {
  const c = await exec
    .selectFrom('track_case')
    .select('matter_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const applicants = (await loadParties(exec, c.matter_id))
    .filter((p) => p.role === 'worker')
    .map((p) => p.name);
  const row = await exec
    .selectFrom('document_service as s')
    .innerJoin('document as doc', 'doc.id', 's.document_id')
    .select(['s.method', 's.state', 's.served_at', 's.recipient'])
    .where('doc.subject_type', '=', 'case')
    .where('doc.subject_id', '=', caseId)
    // After a postponement the 延期开庭通知书 is the written notice of the (new) hearing.
    .where('doc.type', 'in', ['hearing_notice', 'postponement_notice'])
    .where('s.state', 'in', ['served', 'refused'])
    .where((eb) =>
      eb.or([
        eb('s.recipient_role', '=', '申请人'),
        ...(applicants.length ? [eb('s.recipient', 'in', applicants)] : []),
      ]),
    )
    .orderBy('s.served_at')
    .executeTakeFirst();
  if (!row) return null;
  const when = row.served_at ? chineseDateAt(config, row.served_at) : '';
  return `${when}${METHOD_LABELS[row.method] ?? row.method}，${row.state === 'refused' ? `${row.recipient}拒绝签收，留置送达` : `${row.recipient}签收`}`;
}
