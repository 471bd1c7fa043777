import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { today } from './inspection.access';
import { employerName, issue } from './inspection.outcomes';
import type { PenaltyDetails } from './inspection.hearing';
import { type CaseRow, violationText } from './inspection.service';
import type { InspectionSource } from './inspection.tables';

type Trx = Transaction<DB>;

export const SOURCE_LABELS: Record<InspectionSource, string> = {
  complaint: '投诉',
  report: '举报',
  ex_officio: '依职权检查',
  campaign: '专项检查',
  supervision: '监管发现',
};

/** The inspectors' default opinion by the state the case is closed from. */
const DEFAULT_OPINION: Record<string, string> = {
  case_withdrawn: '违法行为轻微且已改正，已撤销立案，建议结案。',
  investigation_ended: '经调查，投诉举报内容不实，违法事实不能成立，已终结调查，建议结案。',
  penalized: '违法事实清楚，已依法作出行政处罚决定，建议结案。',
  ordered: '用人单位已按期改正，建议结案。',
};

export interface ClosingInput {
  resultText: string;
  facts?: string | undefined;
  opinion?: string | undefined;
}

/** What every inspection 审批表 states about the case: number, cause, employer, 立案 date, inspectors. */
export async function caseHeader(trx: Trx, c: CaseRow, filedOn: string | null, day: string) {
  const claims = await trx
    .selectFrom('case_claim as cc')
    .innerJoin('matter_claim as mc', 'mc.id', 'cc.claim_id')
    .select(['mc.type'])
    .where('cc.case_id', '=', c.id)
    .orderBy('mc.sort')
    .execute();
  const inspectors = await trx
    .selectFrom('inspection_inspector as ii')
    .innerJoin('app_user as u', 'u.id', 'ii.user_id')
    .select(['u.display_name', 'ii.lead'])
    .where('ii.case_id', '=', c.id)
    .where('ii.removed_at', 'is', null)
    .orderBy('ii.lead', 'desc')
    .orderBy('ii.assigned_at')
    .execute();
  return {
    caseNumber: c.number,
    cause: violationText(claims.map((x) => x.type)),
    employerName: await employerName(trx, c),
    filedDate: filedOn ?? day,
    inspectors:
      inspectors.map((i) => `${i.display_name}${i.lead ? '（主办）' : ''}`).join('、') || '（未指派）',
  };
}

/**
 * 结案审批表 (《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》: PENALIZED / ORDERED / WITHDRAWN_CASE --> CLOSED ⇒ 结案审批表), issued in the
 * closing transaction. Everything is read through `trx`. The reporter's identity is never printed:
 * a report shows "举报人（身份依法保密）" or "匿名举报" (《劳动保障监察条例》第九条第三款).
 */
export async function issueClosingApproval(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  auth: AuthContext,
  c: CaseRow,
  v: ClosingInput & {
    source: InspectionSource | null;
    anonymous: boolean;
    filedOn: string | null;
    receivedOn: string | null;
  },
) {
  const outcomes = await trx
    .selectFrom('inspection_outcome')
    .selectAll()
    .where('case_id', '=', c.id)
    .orderBy('created_at')
    .execute();
  const matter = await trx
    .selectFrom('matter')
    .select('narrative')
    .where('id', '=', c.matter_id)
    .executeTakeFirstOrThrow();

  let complainant: string;
  if (v.source === 'complaint') {
    const w = await trx
      .selectFrom('matter_party as mp')
      .innerJoin('party as p', 'p.id', 'mp.party_id')
      .select('p.name')
      .where('mp.matter_id', '=', c.matter_id)
      .where('mp.role', '=', 'worker')
      .orderBy('mp.sort')
      .executeTakeFirst();
    complainant = w?.name ?? '（未登记）';
  } else if (v.source === 'report') {
    complainant = v.anonymous ? '匿名举报' : '举报人（身份依法保密）';
  } else {
    complainant = `无（${SOURCE_LABELS[v.source ?? 'ex_officio']}）`;
  }

  const penalty = [...outcomes].reverse().find((o) => o.kind === 'penalty');
  const order = [...outcomes].reverse().find((o) => o.kind === 'order');
  const closeOut = outcomes.find((o) => o.kind === 'withdrawal' || o.kind === 'investigation_end');
  const derivedFacts =
    (penalty?.details as PenaltyDetails | null)?.facts ??
    (order?.details as { violations?: string } | null)?.violations ??
    closeOut?.summary ??
    matter.narrative;
  const recovered = outcomes
    .filter((o) => (o.kind === 'order' || o.kind === 'compensation') && o.complied === true)
    .reduce((sum, o) => sum + Number(o.amount_fen ?? 0), 0);
  const fine = c.state === 'penalized' && penalty ? Number(penalty.fine_fen ?? 0) : 0;
  const handling = [
    ...outcomes.map((o) => `${new Date(o.created_at).toISOString().slice(0, 10)} ${o.summary}`),
    `处理结果：${v.resultText}`,
  ];
  const day = today(ctx);
  // The header every inspection 审批表 shares (number, cause, employer, 立案 date, inspectors).
  const header = await caseHeader(trx, c, v.filedOn ?? v.receivedOn, day);
  const fields = {
    caseNumber: header.caseNumber,
    cause: header.cause,
    source: SOURCE_LABELS[v.source ?? 'complaint'],
    employerName: header.employerName,
    complainant,
    filedDate: header.filedDate,
    inspectors: header.inspectors,
    facts: v.facts ?? derivedFacts,
    handling,
    amountRecovered: recovered / 100,
    fine: fine / 100,
    opinion: v.opinion ?? DEFAULT_OPINION[c.state] ?? '建议结案。',
    approver: actor.name,
    approvalDate: day,
  };
  const doc = await issue(ctx, trx, actor, auth, c, 'inspection_closing_approval', fields);
  return { document: doc };
}
