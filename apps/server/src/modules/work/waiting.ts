import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';
import { CASE_LIST_COLUMNS, CASE_LIST_FROM, type CaseListRow, caseListItem, caseNext } from '../cases';

/** How many cases the list shows (the nearest time limits first). */
const LIMIT = 50;

/**
 * 我经办、待他人办理: open cases of matters the user registered (or cases they opened) that now wait on
 * someone else — the posts who may take the step that answers the case's running time limits
 * (cases `caseNext`, domain `waitingOn`), none of them held by the user, and the case not assigned to the
 * user. E.g. the window clerk who took in a wage-arrears application sees it waiting on the arbitrator's
 * 受理 on the same day (《劳动争议调解仲裁法》第二十九条).
 */
export async function waitingOnOthers(db: Kysely<DB>, auth: AuthContext) {
  const mine = new Set<string>(auth.grants.filter((g) => g.active).map((g) => g.role));
  const rows = await sql<CaseListRow & { rule_ids: string[] | null }>`
    SELECT ${CASE_LIST_COLUMNS}, k.due_date::text AS due_date, k.rule_ids
      FROM ${CASE_LIST_FROM}
      LEFT JOIN LATERAL (
        SELECT min(k.due_date) AS due_date, array_agg(k.rule_id ORDER BY k.due_date, k.rule_id) AS rule_ids
          FROM clock k
         WHERE k.subject_type = 'case' AND k.subject_id = c.id AND k.status IN ('running', 'extended')) k ON TRUE
     WHERE NOT c.closed
       AND (m.created_by = ${auth.userId} OR c.opened_by = ${auth.userId})
       AND c.assignee_user_id IS DISTINCT FROM ${auth.userId}
     ORDER BY k.due_date NULLS LAST, c.opened_at, c.id
     LIMIT 500`.execute(db);
  const items = [];
  for (const r of rows.rows) {
    const next = caseNext(r.track, r.state, r.rule_ids ?? [], r.due_date);
    if (!next || next.roles.some((role) => mine.has(role.code))) continue;
    const { dueDate: _d, dueRule, ...waitingOn } = next;
    items.push({ ...caseListItem(r), dueRule, waitingOn });
    if (items.length === LIMIT) break;
  }
  return { items, hasMore: items.length === LIMIT };
}
