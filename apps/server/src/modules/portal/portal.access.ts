import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { errors } from '../../platform/errors';
import type { PortalContext } from './portal.session';

/** One matter the portal user may see, and in which capacity (the party they act for). */
export interface Membership {
  matterId: string;
  partyId: string;
  role: 'worker' | 'employer';
  partyName: string;
}

/**
 * What a portal user may see, only through what that user proved. An account (a phone verified by
 * SMS) acts for the worker registered with that phone and for the worker of the matters it filed;
 * it acts for an employer only on the matters for which it redeemed a 单位代表码 (portal
 * representation) — a contact phone typed into an application never opens a matter. A 查询码 session
 * (code + the worker's own ID digits) sees one matter as one worker. Merged matters are left out.
 */
export async function myMemberships(
  db: Kysely<DB>,
  p: PortalContext,
  matterId?: string,
): Promise<Membership[]> {
  const only = matterId ? sql`AND mp.matter_id = ${matterId}::uuid` : sql``;
  const r =
    p.kind === 'query'
      ? await sql<Membership>`
          SELECT mp.matter_id AS "matterId", mp.party_id AS "partyId", mp.role, pa.name AS "partyName"
            FROM matter_party mp JOIN party pa ON pa.id = mp.party_id JOIN matter m ON m.id = mp.matter_id
           WHERE mp.matter_id = ${p.matterId} AND mp.party_id = ${p.partyId} AND m.status <> 'merged' ${only}`.execute(
          db,
        )
      : await sql<Membership>`
          SELECT DISTINCT ON (mp.matter_id) mp.matter_id AS "matterId", mp.party_id AS "partyId", mp.role,
                 pa.name AS "partyName"
            FROM matter_party mp JOIN party pa ON pa.id = mp.party_id JOIN matter m ON m.id = mp.matter_id
            JOIN portal_account a ON a.id = ${p.accountId}
           WHERE m.status <> 'merged' ${only}
             -- 《劳动保障监察条例》第九条第三款: complaints and reports are never shown to the employer side.
             AND (mp.role = 'worker' OR m.request_kind NOT IN ('complaint', 'report', 'petition'))
             AND ((mp.role = 'worker' AND pa.phone_hash = a.phone_hash)
                  OR (mp.role = 'worker' AND mp.matter_id IN
                        (SELECT s.matter_id FROM portal_submission s WHERE s.account_id = a.id AND s.matter_id IS NOT NULL))
                  OR (mp.role = 'employer' AND EXISTS
                        (SELECT 1 FROM portal_representation r
                          WHERE r.account_id = a.id AND r.matter_id = mp.matter_id AND r.party_id = mp.party_id)))
           ORDER BY mp.matter_id, (mp.role = 'worker' AND pa.phone_hash = a.phone_hash) DESC, mp.sort`.execute(
          db,
        );
  return r.rows;
}

/** The caller's membership of this matter, or 404 (existence is never disclosed). */
export async function membershipOf(db: Kysely<DB>, p: PortalContext, matterId: string): Promise<Membership> {
  if (!/^[0-9a-f-]{36}$/i.test(matterId)) throw errors.notFound('事项');
  const m = (await myMemberships(db, p, matterId))[0];
  if (!m) throw errors.notFound('事项');
  return m;
}
