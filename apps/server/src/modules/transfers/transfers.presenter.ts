import { addDays, transferMachine } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';
import { businessToday, dateOf } from '../../platform/time';
import { MATTER_TITLE_SQL } from '../cases';
import type { CaseTrack } from '../cases';
import { TRACKS } from '../cases';
import { clocksRuntime } from '../clocks';

/**
 * A transfer must be accepted (or returned) within ONE working day of its sending day, by the
 * working-day calendar of the matter's jurisdiction (中心转办签收制度；首问负责制，
 * 《保障农民工工资支付条例》第十条第三款). Returns the last working day for acceptance.
 */
export async function acceptBy(
  ctx: AppContext,
  createdAt: Date,
  jurisdictionId: string,
  exec: Kysely<DB> | Transaction<DB> = ctx.database.db,
): Promise<string> {
  const sentOn = dateOf(ctx.config, createdAt);
  try {
    // Inside a transaction pass it: PGlite runs one transaction at a time.
    const snap = await clocksRuntime(ctx).calendars.snapshot(exec);
    return snap.for(jurisdictionId).addWorkingDays(sentOn, 1);
  } catch {
    // A year without a published holiday notice: fall back to the next calendar day.
    return addDays(sentOn, 1);
  }
}

export const TRANSFER_SELECT = (db: Kysely<DB>) =>
  db
    .selectFrom('transfer as t')
    .innerJoin('matter as m', 'm.id', 't.matter_id')
    .innerJoin('organization as fo', 'fo.id', 't.from_org_id')
    .innerJoin('organization as tor', 'tor.id', 't.to_org_id')
    .innerJoin('app_user as fu', 'fu.id', 't.from_user_id')
    .leftJoin('app_user as du', 'du.id', 't.decided_by')
    .leftJoin('track_case as sc', 'sc.id', 't.case_id')
    .leftJoin('track_case as oc', 'oc.id', 't.opened_case_id')
    .selectAll('t')
    .select([
      'm.number as matter_number',
      'm.jurisdiction_id',
      'fo.name as from_org_name',
      'tor.name as to_org_name',
      'fu.display_name as from_user_name',
      'du.display_name as decided_by_name',
      'sc.number as case_number',
      'oc.number as opened_case_number',
    ])
    .select(MATTER_TITLE_SQL.as('matter_title'));

type Row = Awaited<ReturnType<ReturnType<typeof TRANSFER_SELECT>['executeTakeFirstOrThrow']>>;

export async function presentTransfers(ctx: AppContext, rows: Row[], auth: AuthContext) {
  const today = businessToday(ctx.config);
  const out = [];
  for (const r of rows) {
    const deadline =
      r.state === 'pending' ? await acceptBy(ctx, new Date(r.created_at), r.jurisdiction_id) : null;
    out.push({
      id: r.id,
      matterId: r.matter_id,
      matterNumber: r.matter_number,
      matterTitle: r.matter_title,
      caseId: r.case_id,
      caseNumber: r.case_number,
      fromOrg: { id: r.from_org_id, name: r.from_org_name },
      fromUser: { id: r.from_user_id, name: r.from_user_name },
      toOrg: { id: r.to_org_id, name: r.to_org_name },
      toTrack: r.to_track as CaseTrack | null,
      toTrackLabel: r.to_track ? TRACKS[r.to_track as CaseTrack].label : null,
      claimIds: r.claim_ids,
      reason: r.reason,
      state: r.state,
      stateLabel: transferMachine.states[r.state],
      slipDocumentId: r.slip_document_id,
      openedCaseId: r.opened_case_id,
      openedCaseNumber: r.opened_case_number,
      createdAt: new Date(r.created_at).toISOString(),
      acceptBy: deadline,
      overdue: deadline !== null && today > deadline,
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
      returnReason: r.return_reason,
      version: r.version,
      canDecide:
        r.state === 'pending' && r.to_org_id === auth.organizationId && auth.permissions.has('matter.read'),
    });
  }
  return out;
}
