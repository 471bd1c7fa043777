import { chineseDate, MEDIATION_ORG_STATUS_LABELS } from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { VISIT_KIND_LABELS, VISIT_STATUS_LABELS } from './prevention.outreach.schema';

/**
 * The prevention side of an employer's profile: its enterprise mediation committee in the register
 * (registered? last 六有五统一 assessment passed or failed, re-assessment due) and the outreach visits
 * to it within the viewer's jurisdictions, newest first.
 */
export async function employerPrevention(
  db: Kysely<DB>,
  employer: { id: string; creditCode: string | null },
  scope: readonly string[],
) {
  const committee = await db
    .selectFrom('prevention_org as p')
    .innerJoin('mediation_organization as o', 'o.id', 'p.organization_id')
    .leftJoin('prevention_assessment as a', 'a.id', 'p.last_assessment_id')
    .select([
      'o.id',
      'o.name',
      'p.status',
      'p.founded_on',
      'a.passed',
      'a.assessed_on',
      'a.failed_count',
      'a.reassess_due',
    ])
    .where((eb) =>
      eb.or([
        eb('p.employer_party_id', '=', employer.id),
        ...(employer.creditCode ? [eb('p.credit_code', '=', employer.creditCode)] : []),
      ]),
    )
    .where('o.kind', '=', 'enterprise_committee')
    .orderBy('p.created_at', 'desc')
    .executeTakeFirst();
  const visits = scope.length
    ? await db
        .selectFrom('prevention_visit as v')
        .select([
          'v.id',
          'v.kind',
          'v.status',
          'v.planned_on',
          'v.done_on',
          'v.topics',
          (eb) =>
            eb
              .selectFrom('prevention_visit_issue as i')
              .select((x) => x.fn.countAll<number>().as('n'))
              .whereRef('i.visit_id', '=', 'v.id')
              .as('issue_count'),
        ])
        .where('v.employer_party_id', '=', employer.id)
        .where('v.jurisdiction_id', 'in', scope)
        .orderBy((eb) => eb.fn.coalesce('v.done_on', 'v.planned_on'), 'desc')
        .limit(50)
        .execute()
    : [];
  return {
    committee: committee
      ? {
          id: committee.id,
          name: committee.name,
          status: committee.status,
          statusLabel: MEDIATION_ORG_STATUS_LABELS[committee.status],
          foundedOn: committee.founded_on,
          standard:
            committee.passed === null || committee.assessed_on === null || committee.reassess_due === null
              ? { state: 'never' as const, label: '未评估', lastAssessedOn: null, reassessDue: null }
              : {
                  state: committee.passed ? ('passed' as const) : ('failed' as const),
                  label: committee.passed ? '达标' : `未达标（${committee.failed_count}项不符合）`,
                  lastAssessedOn: committee.assessed_on,
                  lastAssessedOnText: chineseDate(committee.assessed_on),
                  reassessDue: committee.reassess_due,
                  reassessDueText: chineseDate(committee.reassess_due),
                },
        }
      : null,
    visits: visits.map((v) => ({
      id: v.id,
      kind: v.kind,
      kindLabel: VISIT_KIND_LABELS[v.kind],
      status: v.status,
      statusLabel: VISIT_STATUS_LABELS[v.status],
      date: v.done_on ?? v.planned_on,
      dateText: chineseDate(v.done_on ?? v.planned_on),
      topics: v.topics,
      issueCount: Number(v.issue_count ?? 0),
    })),
  };
}
