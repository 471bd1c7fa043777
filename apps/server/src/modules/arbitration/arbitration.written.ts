import { chineseDate, findRule } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import { getClocksService } from '../clocks';
import { loadApplication } from './arbitration.data';
import { transitionCase } from './arbitration.steps';

/**
 * 书面审理 (issue #20): a simplified case (办案规则第五十六条) heard on the papers, with both parties'
 * agreement, as the tribunal may set the procedure of a simplified case (办案规则第六十条). Both sides
 * submit their statements and evidence online within the first period, then their comments on the
 * other side's papers within the second; both periods come from the clock catalogue
 * (arbitration.written-statement / arbitration.written-reply) and run on the working-day calendar.
 * The tribunal may decide (the award says 书面审理) once the second period has ended, or earlier when
 * both sides have submitted both rounds.
 */
export const STATEMENT_RULE = 'arbitration.written-statement';
export const REPLY_RULE = 'arbitration.written-reply';
export const WRITTEN_BASIS = '《劳动人事争议仲裁办案规则》第六十条';
/** The sentence of the award of a case heard on the papers. */
export const WRITTEN_AWARD_TEXT = `本案适用简易处理，经双方当事人同意，仲裁庭不开庭，依据双方在规定期限内在线提交的陈述意见、证据和质证意见进行了书面审理（${WRITTEN_BASIS}）`;

type Trx = Transaction<DB>;
type Exec = Kysely<DB> | Trx;
type Round = 'statement' | 'reply';
const ROUND_LABELS: Record<Round, string> = { statement: '陈述意见和证据', reply: '质证意见' };
const SIDE_LABELS = { worker: '申请人', employer: '被申请人' } as const;

/** The tribunal orders the written hearing: the case moves to 'hearing', both periods start. */
export async function orderWrittenHearing(
  ctx: AppContext,
  trx: Trx,
  auth: Pick<AuthContext, 'grants'>,
  actor: Actor,
  caseId: string,
  input: { bothPartiesAgreed: boolean; note?: string | undefined },
) {
  const d = await loadApplication(trx, caseId);
  const existing = await trx
    .selectFrom('written_hearing')
    .select('case_id')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (existing) throw new AppError(409, 'WRITTEN_HEARING_EXISTS', '本案已决定书面审理');
  if (!d.app.simplified) {
    throw new AppError(
      422,
      'WRITTEN_HEARING_NOT_SIMPLIFIED',
      `只有简易处理的案件可以书面审理（${WRITTEN_BASIS}）`,
    );
  }
  await transitionCase(ctx, trx, auth, actor, caseId, 'order_written_hearing', {
    payload: { simplified: true, bothPartiesAgreed: input.bothPartiesAgreed },
    reason: input.note,
  });
  const clocks = getClocksService(ctx);
  const common = {
    subjectType: 'case',
    subjectId: caseId,
    subjectLabel: d.c.number,
    responsibleUserId: d.c.assignee_user_id,
    organizationId: d.c.organization_id,
    jurisdictionId: d.c.jurisdiction_id,
  };
  const statement = await clocks.start(
    trx,
    { ...common, ruleId: STATEMENT_RULE, triggerDate: businessToday(ctx.config) },
    actor,
  );
  const reply = await clocks.start(
    trx,
    { ...common, ruleId: REPLY_RULE, triggerDate: String(statement.due_date).slice(0, 10) },
    actor,
  );
  const statementDue = String(statement.due_date).slice(0, 10);
  const replyDue = String(reply.due_date).slice(0, 10);
  await trx
    .insertInto('written_hearing')
    .values({
      case_id: caseId,
      ordered_by_name: actor.name,
      note: input.note ?? null,
      statement_due: statementDue,
      reply_due: replyDue,
      basis: `${findRule(STATEMENT_RULE)!.basis}`,
    })
    .execute();
  await appendEvent(
    trx,
    actor,
    d.c.matter_id,
    'written_hearing_ordered',
    `${d.c.number}经双方同意书面审理：${chineseDate(statementDue)}前提交陈述意见和证据，${chineseDate(replyDue)}前提交质证意见（${WRITTEN_BASIS}）`,
    { caseId, statementDue, replyDue },
  );
  return writtenHearingView(trx, caseId, businessToday(ctx.config), null);
}

async function loadHearing(exec: Exec, caseId: string) {
  const h = await exec
    .selectFrom('written_hearing')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!h) throw errors.notFound('书面审理');
  return h;
}

const iso = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** Where the written hearing stands on `today` (business date): open rounds and whether the tribunal may decide. */
function standing(
  h: { statement_due: Date | string; reply_due: Date | string },
  subs: { role: string; round: string }[],
  today: string,
) {
  const has = (role: string, round: Round) => subs.some((s) => s.role === role && s.round === round);
  const bothStatements = has('worker', 'statement') && has('employer', 'statement');
  const bothReplies = has('worker', 'reply') && has('employer', 'reply');
  const statementDue = iso(h.statement_due);
  const replyDue = iso(h.reply_due);
  const statementsClosed = today > statementDue || bothStatements;
  const decidable = today > replyDue || (bothStatements && bothReplies);
  return {
    statementDue,
    replyDue,
    statementOpen: today <= statementDue,
    replyOpen: statementsClosed && today <= replyDue,
    statementsClosed,
    decidable,
    blocking: decidable
      ? null
      : `书面审理期限尚未届满（质证意见期限至${chineseDate(replyDue)}），且双方尚未全部提交，暂不能作出裁决（${WRITTEN_BASIS}：应当保障当事人陈述意见的权利）`,
  };
}

/** The written hearing as staff (role null) or a party (its role) sees it. */
export async function writtenHearingView(
  exec: Exec,
  caseId: string,
  today: string,
  viewer: 'worker' | 'employer' | null,
) {
  const h = await loadHearing(exec, caseId);
  const subs = await exec
    .selectFrom('written_submission')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('submitted_at')
    .execute();
  const s = standing(h, subs, today);
  const evidenceIds = [...new Set(subs.flatMap((x) => x.evidence_ids as string[]))];
  const evidence = evidenceIds.length
    ? await exec
        .selectFrom('matter_evidence')
        .select(['id', 'file_name'])
        .where('id', 'in', evidenceIds)
        .execute()
    : [];
  return {
    caseId,
    basis: h.basis,
    orderedBy: h.ordered_by_name,
    statementDue: s.statementDue,
    replyDue: s.replyDue,
    statementOpen: s.statementOpen,
    replyOpen: s.replyOpen,
    decidable: s.decidable,
    viewer,
    blocking: s.blocking,
    submissions: subs
      // A party sees the other side's statement once the statements are closed (to comment on it).
      .filter((x) => viewer === null || x.role === viewer || s.statementsClosed)
      .map((x) => ({
        role: x.role,
        roleLabel: SIDE_LABELS[x.role],
        round: x.round,
        roundLabel: ROUND_LABELS[x.round],
        text: x.text,
        evidence: (x.evidence_ids as string[]).map(
          (id) => evidence.find((e) => e.id === id)?.file_name ?? '',
        ),
        submittedBy: x.submitted_by_name,
        submittedAt: new Date(x.submitted_at).toISOString(),
      })),
  };
}

/** The party of a case a portal user acts for (resolved by the caller from the portal session). */
export interface WrittenMember {
  matterId: string;
  partyId: string;
  partyName: string;
  role: 'worker' | 'employer';
}

/** A party submits one round online (once per round; within its period). */
export async function submitWritten(
  ctx: AppContext,
  me: WrittenMember,
  caseId: string,
  body: { round: Round; text: string; evidenceIds: string[] },
  actorIp: string,
  /** Files uploaded with this submission become the case's evidence, in the same transaction (their ids). */
  attach?: (trx: Trx, actor: Actor) => Promise<string[]>,
) {
  const { db } = ctx.database;
  const c = { matter_id: me.matterId };
  const role = me.role;
  const today = businessToday(ctx.config);
  return db.transaction().execute(async (trx) => {
    const h = await trx
      .selectFrom('written_hearing')
      .selectAll()
      .where('case_id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!h) throw errors.notFound('书面审理');
    const subs = await trx
      .selectFrom('written_submission')
      .select(['role', 'round'])
      .where('case_id', '=', caseId)
      .execute();
    if (subs.some((x) => x.role === role && x.round === body.round)) {
      throw new AppError(409, 'WRITTEN_ALREADY_SUBMITTED', `您已提交${ROUND_LABELS[body.round]}`);
    }
    const s = standing(h, subs, today);
    if (body.round === 'statement' && !s.statementOpen) {
      throw new AppError(
        422,
        'WRITTEN_PERIOD_OVER',
        `提交陈述意见和证据的期限已于${chineseDate(s.statementDue)}届满`,
      );
    }
    if (body.round === 'reply' && !s.replyOpen) {
      throw new AppError(
        422,
        today > s.replyDue ? 'WRITTEN_PERIOD_OVER' : 'WRITTEN_REPLY_NOT_YET',
        today > s.replyDue
          ? `提交质证意见的期限已于${chineseDate(s.replyDue)}届满`
          : `双方陈述意见提交后（或${chineseDate(s.statementDue)}期限届满后）才能对对方材料发表质证意见`,
      );
    }
    const ids = [...new Set(body.evidenceIds)];
    if (ids.length) {
      const found = await trx
        .selectFrom('matter_evidence')
        .select('id')
        .where('id', 'in', ids)
        .where('matter_id', '=', c.matter_id)
        .execute();
      if (found.length !== ids.length)
        throw new AppError(400, 'WRITTEN_EVIDENCE_UNKNOWN', '所附证据不是本案已上传的证据');
    }
    const name = `${me.partyName}（网上）`;
    const actor: Actor = { id: null, name, role: 'portal', ip: actorIp };
    if (attach) ids.push(...(await attach(trx, actor)));
    await trx
      .insertInto('written_submission')
      .values({
        case_id: caseId,
        party_id: me.partyId,
        role,
        round: body.round,
        text: body.text,
        evidence_ids: JSON.stringify(ids),
        submitted_by_name: name,
      })
      .execute();
    await appendEvent(
      trx,
      actor,
      c.matter_id,
      'written_submission',
      `${SIDE_LABELS[role]}${me.partyName}在线提交书面审理${ROUND_LABELS[body.round]}${ids.length ? `（附证据${ids.length}件）` : ''}`,
      { caseId, round: body.round },
    );
    return writtenHearingView(trx, caseId, today, role);
  });
}

/**
 * The procedure facts of a case heard on the papers: the written hearing stands for the hearing — it
 * began on the day it was ordered and counts as held once the tribunal may decide. Null otherwise.
 */
export async function writtenHearingFacts(
  exec: Exec,
  caseId: string,
  today: string,
  tzOffsetMinutes: number,
) {
  const h = await exec
    .selectFrom('written_hearing')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!h) return null;
  const subs = await exec
    .selectFrom('written_submission')
    .select(['role', 'round'])
    .where('case_id', '=', caseId)
    .execute();
  const ordered = new Date(new Date(h.ordered_at).getTime() + tzOffsetMinutes * 60_000)
    .toISOString()
    .slice(0, 10);
  return { orderedDate: ordered, held: standing(h, subs, today).decidable };
}

/**
 * The award of a case heard on the papers: before the periods end, only when both sides have
 * submitted both rounds (422 WRITTEN_HEARING_OPEN). Returns the sentence for the award, or null when
 * the case was not heard on the papers.
 */
export async function writtenAwardText(trx: Trx, caseId: string, today: string): Promise<string | null> {
  const h = await trx
    .selectFrom('written_hearing')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!h) return null;
  const subs = await trx
    .selectFrom('written_submission')
    .select(['role', 'round'])
    .where('case_id', '=', caseId)
    .execute();
  const s = standing(h, subs, today);
  if (!s.decidable) throw new AppError(422, 'WRITTEN_HEARING_OPEN', s.blocking!);
  return WRITTEN_AWARD_TEXT;
}
