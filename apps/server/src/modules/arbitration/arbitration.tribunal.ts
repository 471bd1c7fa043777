// Over 400 lines on purpose: tribunal forming, recusal and hearing scheduling share the tribunal row and its conflicts check.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { activeRolesIn, grantsOfUser, jurisdictionChain } from '../cases';
import { barredStaff, recusalRequired } from '../cases';
import { documentNames, loadApplication } from './arbitration.data';
import { postponementNotices, tribunalCompositionNotices } from './arbitration.documents';
import { daysFromTo, localDate, localDateTime, type Trx } from './arbitration.runtime';
import { addRecord, type IssuedDoc, issueFor, transitionCase } from './arbitration.steps';
import type { TribunalRole, TribunalSide } from './arbitration.tables';

export const TRIBUNAL_SIDES: Readonly<Record<TribunalSide, string>> = {
  labour_administration: '劳动行政部门代表',
  trade_union: '工会代表',
  enterprise: '企业方面代表',
};

/**
 * Collective-CONTRACT disputes (集体合同争议): the tribunal is formed on the tripartite principle —
 * labour administration, trade union and enterprise side, one arbitrator each (《劳动人事争议仲裁办案规则》第五十六条至第六十七条 and collective disputes, 《劳动人事争议仲裁办案规则》第六十二条至第六十七条:
 * "collective-contract disputes: tripartite composition (government–union–employers)", S2 Arts. 62–67,
 * verified only through secondary summaries [V2]; the exact article is uncertain, so the message cites
 * the section and 调解仲裁法第十九条's tripartite make-up of the commission). Returns null when the sides
 * are complete, otherwise the Chinese reason.
 */
export function tripartiteProblem(
  ids: string[],
  sides: Readonly<Record<string, TribunalSide>> | undefined,
): string | null {
  const basis =
    '（《劳动争议调解仲裁法》第十九条；《劳动人事争议仲裁办案规则》第六十二条至第六十七条关于集体合同争议的规定）';
  if (ids.length !== 3) return `集体合同争议应当按照三方原则由三名仲裁员组成仲裁庭${basis}`;
  const chosen = ids.map((id) => sides?.[id]);
  const missing = (Object.keys(TRIBUNAL_SIDES) as TribunalSide[]).filter((k) => !chosen.includes(k));
  if (chosen.some((x) => x === undefined) || missing.length) {
    return `集体合同争议的仲裁庭应当按照三方原则组成，由劳动行政部门代表、工会代表和企业方面代表各一名仲裁员组成${
      missing.length ? `，尚缺：${missing.map((k) => TRIBUNAL_SIDES[k]).join('、')}` : ''
    }${basis}`;
  }
  return null;
}

type Auth = Pick<AuthContext, 'grants'>;

const COMPOSE_BASIS = '《劳动争议调解仲裁法》第三十一条、第三十二条；《劳动人事争议仲裁办案规则》第三十七条';

export async function assertArbitrationStaff(trx: Trx, auth: Auth, jurisdictionId: string) {
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(trx, jurisdictionId));
  if (!roles.some((r) => r === 'arbitrator' || r === 'tribunal_clerk' || r === 'leader')) {
    throw errors.forbidden('您在该辖区没有仲裁员、书记员或领导岗位');
  }
}

/**
 * 组庭: one arbitrator (独任, simplified procedure) or three with a presiding arbitrator; collective
 * disputes always three (办案规则第六十二条起). Each must hold an ACTIVE arbitrator post (valid 仲裁员证)
 * in the case's jurisdiction; staff who must step aside (回避, e.g. the matter's mediator) are refused.
 */
export async function composeTribunal(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: {
    arbitratorIds: string[];
    presidingId?: string | undefined;
    clerkId?: string | undefined;
    sides?: Record<string, TribunalSide> | undefined;
  },
) {
  const d = await loadApplication(trx, caseId);
  await assertArbitrationStaff(trx, auth, d.c.jurisdiction_id);
  if (
    d.c.closed ||
    ['received', 'needs_correction', 'mediation_suggested', 'pre_mediation'].includes(d.c.state)
  ) {
    throw new AppError(409, 'TRIBUNAL_NOT_NOW', '案件受理后、结案前方可组成仲裁庭');
  }
  const ids = [...new Set(input.arbitratorIds)];
  if (ids.length !== input.arbitratorIds.length)
    throw new AppError(400, 'TRIBUNAL_DUPLICATE', '仲裁员不得重复');
  if (d.matter.collective_contract) {
    const problem = tripartiteProblem(ids, input.sides);
    if (problem) throw new AppError(422, 'TRIBUNAL_TRIPARTITE', problem, { sides: TRIBUNAL_SIDES });
  }
  if (d.matter.collective && ids.length !== 3) {
    throw new AppError(422, 'TRIBUNAL_SIZE', `集体劳动争议应当由三名仲裁员组成仲裁庭（${COMPOSE_BASIS}）`);
  }
  if (ids.length !== 1 && ids.length !== 3) {
    throw new AppError(422, 'TRIBUNAL_SIZE', `仲裁庭由一名或者三名仲裁员组成（${COMPOSE_BASIS}）`);
  }
  if (ids.length === 1 && !d.app.simplified) {
    throw new AppError(
      422,
      'SOLE_ARBITRATOR_NOT_ALLOWED',
      '独任仲裁仅适用于决定简易处理的案件：请先决定简易处理，或由三名仲裁员组成仲裁庭（《劳动争议调解仲裁法》第三十一条；《劳动人事争议仲裁办案规则》第五十八条）',
    );
  }
  const presiding = ids.length === 1 ? ids[0] : (input.presidingId ?? ids[0]);
  if (!presiding || !ids.includes(presiding))
    throw new AppError(400, 'TRIBUNAL_PRESIDING', '首席仲裁员须为仲裁庭成员');
  const chain = await jurisdictionChain(trx, d.c.jurisdiction_id);
  const today = businessToday(ctx.config);
  const barred = await barredStaff(trx, d.c);
  const names: string[] = [];
  for (const id of ids) {
    const u = await grantsOfUser(trx, id, today);
    if (!u?.user.active) throw errors.notFound('仲裁员');
    const held = u.grants.filter(
      (g) => g.role === 'arbitrator' && g.jurisdictionIds.some((j) => chain.includes(j)),
    );
    if (!held.some((g) => g.active)) {
      throw new AppError(
        422,
        'ARBITRATOR_NOT_QUALIFIED',
        held.length
          ? `${u.user.display_name}的仲裁员证不在有效期内或已被吊销，不能担任本案仲裁员`
          : `${u.user.display_name}在本案辖区没有仲裁员岗位`,
        { userId: id },
      );
    }
    const bar = barred.find((b) => b.userId === id);
    if (bar) throw recusalRequired(bar);
    names.push(u.user.display_name);
  }
  let clerkName: string | null = null;
  if (input.clerkId) {
    const u = await grantsOfUser(trx, input.clerkId, today);
    const ok = u?.grants.some(
      (g) => g.role === 'tribunal_clerk' && g.active && g.jurisdictionIds.some((j) => chain.includes(j)),
    );
    if (!u || !ok) throw new AppError(422, 'CLERK_NOT_QUALIFIED', '书记员须在本案辖区担任书记员岗位');
    clerkName = u.user.display_name;
  }
  await trx.deleteFrom('tribunal_member').where('case_id', '=', caseId).execute();
  const rows: {
    case_id: string;
    user_id: string;
    role: TribunalRole;
    side?: TribunalSide | null;
    appointed_by: string | null;
  }[] = ids.map((id) => ({
    case_id: caseId,
    user_id: id,
    role: ids.length === 1 ? 'sole' : id === presiding ? 'presiding' : 'member',
    side: d.matter.collective_contract ? (input.sides?.[id] ?? null) : null,
    appointed_by: actor.id,
  }));
  if (input.clerkId && !ids.includes(input.clerkId)) {
    rows.push({ case_id: caseId, user_id: input.clerkId, role: 'clerk', appointed_by: actor.id });
  }
  await trx.insertInto('tribunal_member').values(rows).execute();
  if (!d.c.assignee_user_id) {
    await trx
      .updateTable('track_case')
      .set({ assignee_user_id: presiding })
      .where('id', '=', caseId)
      .execute();
  }
  await addRecord(
    trx,
    actor,
    caseId,
    'note',
    `组成仲裁庭：${names
      .map((n, i) => (d.matter.collective_contract ? `${n}（${TRIBUNAL_SIDES[input.sides![ids[i]!]!]}）` : n))
      .join('、')}${clerkName ? `；书记员${clerkName}` : ''}`,
    {
      arbitratorIds: ids,
      presidingId: presiding,
      clerkId: input.clerkId ?? null,
      ...(d.matter.collective_contract && { sides: input.sides }),
    },
  );
  // 调解仲裁法第三十二条: the parties are told in writing how the tribunal is composed.
  const documents = await tribunalCompositionNotices(ctx, trx, actor, caseId);
  return { arbitrators: names, presidingId: presiding, documents };
}

export async function tribunalOf(exec: Trx | AppContext['database']['db'], caseId: string) {
  return exec
    .selectFrom('tribunal_member as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.user_id', 't.role', 't.side', 'u.display_name'])
    .where('t.case_id', '=', caseId)
    .orderBy('t.appointed_at')
    .execute();
}

/** Checked transaction: locks the room and each arbitrator, then looks for an overlapping hearing. */
async function assertFree(
  trx: Trx,
  roomId: string,
  arbitratorIds: string[],
  startsAt: Date,
  endsAt: Date,
  except?: string,
) {
  const keys = [`room:${roomId}`, ...arbitratorIds.map((a) => `arbitrator:${a}`)].sort();
  for (const k of keys) await sql`SELECT pg_advisory_xact_lock(hashtext(${`hearing:${k}`}))`.execute(trx);
  const clashes = await trx
    .selectFrom('hearing as h')
    .innerJoin('track_case as tc', 'tc.id', 'h.case_id')
    .innerJoin('hearing_room as r', 'r.id', 'h.room_id')
    .select(['h.id', 'h.room_id', 'h.arbitrator_ids', 'h.starts_at', 'h.ends_at', 'tc.number', 'r.name'])
    .where('h.state', '=', 'scheduled')
    .where('h.starts_at', '<', endsAt)
    .where('h.ends_at', '>', startsAt)
    .where((eb) =>
      eb.or([eb('h.room_id', '=', roomId), sql<boolean>`h.arbitrator_ids && ${arbitratorIds}::uuid[]`]),
    )
    .$if(except !== undefined, (q) => q.where('h.id', '<>', except!))
    .execute();
  if (!clashes.length) return;
  const users = new Map(
    (
      await trx
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('id', 'in', arbitratorIds)
        .execute()
    ).map((u) => [u.id, u.display_name]),
  );
  const details = clashes.map((c) => {
    const who =
      c.room_id === roomId
        ? c.name
        : `仲裁员${(c.arbitrator_ids as string[])
            .filter((a) => users.has(a))
            .map((a) => users.get(a))
            .join('、')}`;
    return {
      hearingId: c.id,
      caseNumber: c.number,
      what: who,
      startsAt: c.starts_at.toISOString(),
      endsAt: c.ends_at.toISOString(),
    };
  });
  throw new AppError(
    409,
    'HEARING_CONFLICT',
    `时间冲突：${details.map((x) => `${x.what}已安排${x.caseNumber}的开庭`).join('；')}`,
    { conflicts: details },
  );
}

async function hearingNotices(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  caseId: string,
  at: Date,
  roomId: string,
) {
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  const tribunal = await tribunalOf(trx, caseId);
  const room = await trx
    .selectFrom('hearing_room')
    .select(['name', 'location'])
    .where('id', '=', roomId)
    .executeTakeFirstOrThrow();
  const sitting = tribunal.filter((t) => t.role !== 'clerk');
  const presiding = sitting.find((t) => t.role !== 'member') ?? sitting[0];
  const clerk = tribunal.find((t) => t.role === 'clerk')?.display_name ?? actor.name;
  const base = {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    hearingAt: localDateTime(ctx, at),
    hearingPlace: `${room.name}（${room.location}）`,
    presidingArbitrator: presiding?.display_name ?? '',
    clerk,
    ...(sitting.length > 1 && {
      arbitrators: sitting.filter((t) => t !== presiding).map((t) => t.display_name),
    }),
  };
  // Collective variant: one notice to all parties at once (办案规则第六十三条, 《劳动人事争议仲裁办案规则》第六十三条).
  const addressees = d.matter.collective
    ? [`${names.applicantName}、${names.respondentName}`]
    : [...names.workers.map((w) => w.name), ...names.employers.map((e) => e.name)];
  const docs: IssuedDoc[] = [];
  for (const addresseeName of addressees) {
    docs.push(await issueFor(ctx, trx, actor, caseId, 'hearing_notice', { ...base, addresseeName }));
  }
  return docs;
}

/**
 * 排期开庭 on the room calendar: no double booking of a room or an arbitrator (409 HEARING_CONFLICT naming
 * the clash); the written notice at least five days ahead (调解仲裁法第三十五条, T-A11), otherwise refused.
 */
export async function scheduleHearing(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { roomId: string; startsAt: string; endsAt: string },
) {
  const c = await trx
    .selectFrom('track_case')
    .select(['state', 'jurisdiction_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!(endsAt > startsAt)) throw new AppError(400, 'HEARING_TIME_INVALID', '结束时间须晚于开始时间');
  const tribunal = (await tribunalOf(trx, caseId)).filter((t) => t.role !== 'clerk');
  if (!tribunal.length) throw new AppError(422, 'TRIBUNAL_REQUIRED', '请先组成仲裁庭再排期开庭');
  const room = await trx
    .selectFrom('hearing_room')
    .select(['id', 'active'])
    .where('id', '=', input.roomId)
    .executeTakeFirst();
  if (!room?.active) throw errors.notFound('仲裁庭室');
  // Five days' notice (调解仲裁法第三十五条; 办案规则第三十八条): the procedure guard
  // arbitration.hearing-notice-period refuses an earlier date (409 PRECONDITION_UNMET).
  const noticeDays = daysFromTo(businessToday(ctx.config), localDate(ctx, startsAt));
  const arbitratorIds = tribunal.map((t) => t.user_id);
  await assertFree(trx, input.roomId, arbitratorIds, startsAt, endsAt);
  const event = c.state === 'hearing' ? 'adjourn' : 'schedule_hearing';
  const step = await transitionCase(ctx, trx, auth, actor, caseId, event, {
    payload: { noticeDaysBeforeHearing: noticeDays, proposedHearingDate: localDate(ctx, startsAt) },
  });
  const documents = await hearingNotices(ctx, trx, actor, caseId, startsAt, input.roomId);
  const h = await trx
    .insertInto('hearing')
    .values({
      case_id: caseId,
      room_id: input.roomId,
      starts_at: startsAt,
      ends_at: endsAt,
      arbitrator_ids: arbitratorIds,
      notice_document_ids: documents.map((x) => x.id),
      created_by: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { hearingId: h.id, step, documents };
}

/** 延期开庭: requested at least three days before the hearing (调解仲裁法第三十五条); a new date is set. */
export async function postponeHearing(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  hearingId: string,
  input: {
    reason: string;
    requestedOn?: string | undefined;
    requestedBy?: string | undefined;
    startsAt: string;
    endsAt: string;
  },
) {
  const h = await trx
    .selectFrom('hearing')
    .selectAll()
    .where('id', '=', hearingId)
    .forUpdate()
    .executeTakeFirst();
  if (!h) throw errors.notFound('开庭安排');
  if (h.state !== 'scheduled') throw new AppError(409, 'HEARING_NOT_SCHEDULED', '该开庭安排已不在待开庭状态');
  const requestedOn = input.requestedOn ?? businessToday(ctx.config);
  const daysBefore = daysFromTo(requestedOn, localDate(ctx, h.starts_at));
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  // The new date: five days' notice, checked by the procedure guard arbitration.hearing-notice-period.
  const step = await transitionCase(ctx, trx, auth, actor, h.case_id, 'postpone', {
    reason: input.reason,
    payload: { postponementRequestDaysBefore: daysBefore, proposedHearingDate: localDate(ctx, startsAt) },
  });
  await trx
    .updateTable('hearing')
    .set({ state: 'postponed', postponed_reason: input.reason })
    .where('id', '=', h.id)
    .execute();
  await assertFree(trx, h.room_id, h.arbitrator_ids, startsAt, endsAt, h.id);
  // 延期开庭通知书 to each party: the original date, the reason and the new date and place.
  const documents = await postponementNotices(ctx, trx, actor, h.case_id, {
    originalAt: h.starts_at,
    newAt: startsAt,
    roomId: h.room_id,
    reason: input.reason,
    requestedBy: input.requestedBy,
    requestedOn: input.requestedOn,
  });
  const next = await trx
    .insertInto('hearing')
    .values({
      case_id: h.case_id,
      room_id: h.room_id,
      starts_at: startsAt,
      ends_at: endsAt,
      arbitrator_ids: h.arbitrator_ids,
      notice_document_ids: documents.map((x) => x.id),
      created_by: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addRecord(
    trx,
    actor,
    h.case_id,
    'postponement_request',
    `延期开庭（开庭前${daysBefore}日提出）：${input.reason}`,
    {
      hearingId: h.id,
      newHearingId: next.id,
    },
  );
  return { hearingId: next.id, step, documents };
}
