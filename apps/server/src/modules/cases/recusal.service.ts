import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import { AppError, errors } from '../../platform/errors';

type Exec = Kysely<DB> | Transaction<DB>;

export interface BarredStaff {
  userId: string;
  name: string;
  kind: 'prior_role' | 'declared_relation';
  reason: string;
  basis: string;
}

/** 仲裁员 who mediated or inspected the same matter must step aside. */
const PRIOR_ROLE_BASIS =
  '《劳动争议调解仲裁法》第三十三条第（二）、（三）项；《劳动人事争议仲裁办案规则》第十二条（回避人员）：曾参与同一事项调解或监察的人员不得担任其仲裁员';
/** Any case: a declared relation to a party. */
const RELATION_BASIS =
  '《劳动争议调解仲裁法》第三十三条；《行政处罚法》第四十三条（执法人员与案件有利害关系应当回避）';

const PRIOR_TRACK_LABEL: Record<string, string> = { mediation: '调解', inspection: '监察' };

/**
 * Staff who may not take this case (回避): for an arbitration case, whoever is assigned to or acted in
 * (transitions, not registration or assignment) a mediation or inspection case of the same matter;
 * for every case, staff who declared a relation to one of the matter's parties.
 */
export async function barredStaff(
  exec: Exec,
  c: { matter_id: string; track: string },
): Promise<BarredStaff[]> {
  const out = new Map<string, BarredStaff>();
  if (c.track === 'arbitration') {
    const prior = await sql<{ user_id: string; name: string; track: string; number: string }>`
      SELECT DISTINCT ON (x.user_id) x.user_id, u.display_name AS name, x.track, x.number FROM (
        SELECT tc.assignee_user_id AS user_id, tc.track, tc.number, tc.opened_at
          FROM track_case tc
         WHERE tc.matter_id = ${c.matter_id} AND tc.track IN ('mediation', 'inspection')
           AND tc.assignee_user_id IS NOT NULL
        UNION ALL
        SELECT e.actor_id, tc.track, tc.number, tc.opened_at
          FROM case_event e JOIN track_case tc ON tc.id = e.case_id
         WHERE tc.matter_id = ${c.matter_id} AND tc.track IN ('mediation', 'inspection')
           AND e.actor_id IS NOT NULL AND e.event NOT IN ('open', 'assign')
      ) x JOIN app_user u ON u.id = x.user_id
      ORDER BY x.user_id, x.opened_at`.execute(exec);
    for (const p of prior.rows) {
      out.set(p.user_id, {
        userId: p.user_id,
        name: p.name,
        kind: 'prior_role',
        reason: `曾办理本事项的${PRIOR_TRACK_LABEL[p.track] ?? ''}案件 ${p.number}，不得担任本案仲裁员`,
        basis: PRIOR_ROLE_BASIS,
      });
    }
  }
  const declared = await sql<{ user_id: string; name: string; party: string; relation: string }>`
    SELECT sc.user_id, u.display_name AS name, p.name AS party, sc.relation
      FROM staff_conflict sc
      JOIN matter_party mp ON mp.party_id = sc.party_id AND mp.matter_id = ${c.matter_id}
      JOIN party p ON p.id = sc.party_id
      JOIN app_user u ON u.id = sc.user_id
     ORDER BY sc.declared_at`.execute(exec);
  for (const d of declared.rows) {
    if (out.has(d.user_id)) continue;
    out.set(d.user_id, {
      userId: d.user_id,
      name: d.name,
      kind: 'declared_relation',
      reason: `已申报与当事人“${d.party}”存在${d.relation}关系`,
      basis: RELATION_BASIS,
    });
  }
  return [...out.values()];
}

export function recusalRequired(b: BarredStaff): AppError {
  return new AppError(409, 'RECUSAL_REQUIRED', `${b.name}应当回避：${b.reason}（${b.basis}）`, {
    userId: b.userId,
    kind: b.kind,
    reason: b.reason,
    basis: b.basis,
  });
}

/** A member of staff declares a relation to a party (POST /api/me/conflicts). */
export async function declareConflict(
  db: Kysely<DB>,
  actor: Actor,
  userId: string,
  input: { partyId: string; relation: string },
) {
  const party = await db
    .selectFrom('party')
    .select(['id', 'name'])
    .where('id', '=', input.partyId)
    .executeTakeFirst();
  if (!party) throw errors.notFound('当事人');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('staff_conflict')
      .values({ user_id: userId, party_id: party.id, relation: input.relation })
      .onConflict((oc) => oc.columns(['user_id', 'party_id']).doUpdateSet({ relation: input.relation }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'staff_conflict.declare',
      entityType: 'staff_conflict',
      entityId: row.id,
      summary: `申报与当事人“${party.name}”存在${input.relation}关系（回避）`,
      after: { partyId: party.id, relation: input.relation },
    });
    return {
      id: row.id,
      partyId: party.id,
      partyName: party.name,
      relation: row.relation,
      declaredAt: row.declared_at.toISOString(),
    };
  });
}

export async function listConflicts(db: Kysely<DB>, userId: string) {
  const rows = await db
    .selectFrom('staff_conflict as sc')
    .innerJoin('party as p', 'p.id', 'sc.party_id')
    .select(['sc.id', 'sc.party_id', 'p.name', 'sc.relation', 'sc.declared_at'])
    .where('sc.user_id', '=', userId)
    .orderBy('sc.declared_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    partyId: r.party_id,
    partyName: r.name,
    relation: r.relation,
    declaredAt: new Date(r.declared_at).toISOString(),
  }));
}
