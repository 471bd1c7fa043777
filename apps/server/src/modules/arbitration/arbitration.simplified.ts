import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { StaleCase } from '../cases';
import { getClocksService } from '../clocks';
import { documentNames, loadApplication } from './arbitration.data';
import { appendEvent } from '../../platform/scope';
import { enqueuePartyNotice } from '../notifications';
import { bumpCase } from './arbitration.collective';
import { audited } from './arbitration.http';
import {
  SIMPLIFIED_EXCLUSIONS,
  SIMPLIFIED_GROUNDS,
  type SimplifiedExclusion,
  type SimplifiedGround,
  simplifiedEligibility,
} from './arbitration.review';
import { settingNumber, type Trx } from './arbitration.runtime';
import { addRecord, type IssuedDoc, issueFor } from './arbitration.steps';
import { assertArbitrationStaff, tribunalOf } from './arbitration.tribunal';
import { readSetting } from '../../platform/settings';

type Auth = Pick<AuthContext, 'grants'>;

const BASIS = '《劳动人事争议仲裁办案规则》第五十六条至第六十一条';
const NOT_YET = [
  'received',
  'needs_correction',
  'mediation_suggested',
  'pre_mediation',
  'not_accepted',
  'redirected',
];

export interface SimplifiedInput {
  apply: boolean;
  reason: string;
  grounds?: SimplifiedGround[] | undefined;
  exclusions?: SimplifiedExclusion[] | undefined;
  version?: number | undefined;
}

/** What the case page needs to show the 简易处理 button only when it is allowed. */
export async function simplifiedOptions(exec: Kysely<DB> | Trx, caseId: string) {
  const d = await loadApplication(exec, caseId);
  const capFen = await readSetting(exec, 'arbitration.simplified_amount_cap_fen');
  const totalFen = d.claims.reduce((s, c) => s + (c.amountFen ?? 0), 0);
  const open = !d.c.closed && !NOT_YET.includes(d.c.state);
  const auto = simplifiedEligibility({ declared: [], exclusions: [], totalFen, capFen });
  return {
    canApply: open && !d.app.simplified,
    canConvert: open && d.app.simplified,
    amountWithinCap: !d.matter.collective && auto.grounds.includes('amount_within_cap'),
    capFen,
    totalFen,
  };
}

/**
 * 简易处理 (办案规则第五十六条至第六十一条) decided or converted, in the caller's transaction:
 * apply → the grounds of 第五十六条 (any one; the amount ground is computed from the claims against the
 * provincial average annual wage setting; a collective dispute only on the first ground, 第六十二条第二款),
 * none of the exclusions of 第五十七条 → recorded with the grounds; a sole arbitrator is then allowed.
 * Not eligible → 422 SIMPLIFIED_NOT_ELIGIBLE with the Chinese reason.
 * apply=false → conversion to the ordinary procedure, only BEFORE the award period expires (第六十一条);
 * the period keeps running from acceptance (the award clock is not restarted).
 */
export async function decideSimplified(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: SimplifiedInput,
) {
  const d = await loadApplication(trx, caseId);
  await assertArbitrationStaff(trx, auth, d.c.jurisdiction_id);
  if (d.c.closed || NOT_YET.includes(d.c.state)) {
    throw new AppError(409, 'SIMPLIFIED_NOT_NOW', '案件受理后、结案前方可决定简易处理或转为普通程序');
  }
  if (input.version !== undefined && input.version !== d.c.version) throw new StaleCase(caseId);
  const bumped = await trx
    .updateTable('track_case')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', caseId)
    .where('version', '=', d.c.version)
    .executeTakeFirst();
  if (Number(bumped.numUpdatedRows) === 0) throw new StaleCase(caseId);

  if (input.apply) {
    if (d.app.simplified) throw new AppError(409, 'ALREADY_SIMPLIFIED', '本案已决定简易处理');
    const capFen = await settingNumber(trx, 'arbitration.simplified_amount_cap_fen', 10_000_000);
    const totalFen = d.claims.reduce((s, c) => s + (c.amountFen ?? 0), 0);
    let declared = [...new Set(input.grounds ?? [])];
    if (d.matter.collective) {
      // 集体劳动争议仅符合第五十六条第一款第（一）项的，可以简易处理（第六十二条第二款）.
      if (!declared.includes('clear_facts')) {
        throw new AppError(
          422,
          'SIMPLIFIED_NOT_ELIGIBLE',
          `集体劳动人事争议仅在事实清楚、权利义务关系明确、争议不大时方可简易处理（《劳动人事争议仲裁办案规则》第六十二条第二款）`,
          { grounds: [], exclusions: input.exclusions ?? [] },
        );
      }
      declared = ['clear_facts'];
    }
    const r = simplifiedEligibility({
      declared,
      exclusions: [...new Set(input.exclusions ?? [])],
      totalFen: d.matter.collective ? 0 : totalFen,
      capFen,
    });
    if (!r.eligible) {
      throw new AppError(422, 'SIMPLIFIED_NOT_ELIGIBLE', r.reason ?? '不符合简易处理条件', {
        grounds: r.grounds,
        exclusions: input.exclusions ?? [],
        totalFen,
        capFen,
      });
    }
    await trx
      .updateTable('arbitration_application')
      .set((eb) => ({
        simplified: true,
        simplified_grounds: r.grounds,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('case_id', '=', caseId)
      .execute();
    const labels = r.grounds.map((g) => SIMPLIFIED_GROUNDS[g]).join('；');
    const summary = `决定简易处理（${labels}）：${input.reason}。可由一名仲裁员独任仲裁，并告知当事人（${BASIS}）`;
    await addRecord(trx, actor, caseId, 'note', summary, { simplified: true, grounds: r.grounds });
    await appendEvent(
      trx,
      actor,
      d.c.matter_id,
      'arbitration_simplified',
      `仲裁案件 ${d.c.number}：${summary}`,
      {
        caseId,
        grounds: r.grounds,
      },
    );
    await audited(trx, actor, 'arbitration.simplified.apply', caseId, summary, {
      simplified: true,
      grounds: r.grounds,
      reason: input.reason,
    });
    return { simplified: true, grounds: r.grounds };
  }

  if (!d.app.simplified) throw new AppError(409, 'NOT_SIMPLIFIED', '本案未适用简易处理，无需转为普通程序');
  const clock = await trx
    .selectFrom('clock')
    .select(['id', 'due_date', 'status'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', 'arbitration.award')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const today = businessToday(ctx.config);
  if (clock && (clock.due_date < today || !['running', 'suspended', 'extended'].includes(clock.status))) {
    throw new AppError(
      422,
      'CONVERSION_TOO_LATE',
      `审理期限已于${clock.due_date}届满或已停止计算，不能再转为普通程序（《劳动人事争议仲裁办案规则》第六十一条：应当在审理期限届满前转换）`,
      { dueDate: clock.due_date },
    );
  }
  await trx
    .updateTable('arbitration_application')
    .set((eb) => ({ simplified: false, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .execute();
  const sole = (await tribunalOf(trx, caseId)).some((t) => t.role === 'sole');
  const summary = `转为普通程序：${input.reason}。审理期限仍自受理之日起计算${clock ? `（届满日${clock.due_date}）` : ''}，双方已确认的事实无需再举证；应告知当事人${sole ? '；现为独任仲裁，应重新组成三人仲裁庭' : ''}（《劳动人事争议仲裁办案规则》第六十一条）`;
  await addRecord(trx, actor, caseId, 'note', summary, {
    simplified: false,
    awardDueDate: clock?.due_date ?? null,
    recomposeTribunal: sole,
  });
  await appendEvent(
    trx,
    actor,
    d.c.matter_id,
    'arbitration_simplified',
    `仲裁案件 ${d.c.number}：${summary}`,
    {
      caseId,
    },
  );
  await audited(trx, actor, 'arbitration.simplified.convert', caseId, summary, {
    simplified: false,
    reason: input.reason,
    awardDueDate: clock?.due_date ?? null,
  });
  return { simplified: false, awardDueDate: clock?.due_date ?? null, recomposeTribunal: sole };
}

export const SIMPLIFIED_LABELS = { grounds: SIMPLIFIED_GROUNDS, exclusions: SIMPLIFIED_EXCLUSIONS };

export const SIMPLIFIED_CHANNELS = { sms: '短信', phone: '电话' } as const;
export type SimplifiedChannel = keyof typeof SIMPLIFIED_CHANNELS;
const CN_DAYS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 简易处理通知 (办案规则第五十六条至第六十一条; 《劳动人事争议仲裁办案规则》第五十六条至第六十七条): documents other than the 调解书 and 裁决书 may be
 * served by phone, SMS, fax or e-mail, so the notice is issued as a document AND sent through the party
 * outbox (SMS rows are delivered by the outbox worker; a phone call is recorded). The defence period may be
 * shortened or cancelled only with the respondent's consent (第五十八条, T-A7) — its reference is
 * required (422 DEFENCE_SHORTENING_NEEDS_CONSENT otherwise); cancelling meets the running defence clock.
 */
export async function issueSimplifiedNotice(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: {
    channel: SimplifiedChannel;
    defenceDays?: number | undefined;
    respondentConsentRef?: string | undefined;
    version?: number | undefined;
  },
) {
  const d = await loadApplication(trx, caseId);
  await assertArbitrationStaff(trx, auth, d.c.jurisdiction_id);
  if (d.c.closed) throw new AppError(409, 'CASE_CLOSED', '案件已结案');
  if (!d.app.simplified) {
    throw new AppError(409, 'NOT_SIMPLIFIED', '本案未决定简易处理，不能发出简易处理通知');
  }
  const already = await trx
    .selectFrom('document')
    .select('number')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('type', '=', 'simplified_notice')
    .where('number', 'is not', null)
    .executeTakeFirst();
  if (already) {
    throw new AppError(409, 'SIMPLIFIED_NOTICE_ISSUED', `本案已发出简易处理通知（${already.number}）`);
  }
  const sitting = (await tribunalOf(trx, caseId)).filter((t) => t.role !== 'clerk');
  const arbitrator = sitting.find((t) => t.role !== 'member') ?? sitting[0];
  if (!arbitrator) throw new AppError(422, 'TRIBUNAL_REQUIRED', '请先组成仲裁庭（简易处理可以独任仲裁）');
  const days = input.defenceDays ?? 10;
  const consentRef = input.respondentConsentRef?.trim();
  if (days < 10 && !consentRef) {
    throw new AppError(
      422,
      'DEFENCE_SHORTENING_NEEDS_CONSENT',
      '缩短或者取消答辩期须经被申请人同意：请填写被申请人同意的依据（书面同意书或电话记录）（《劳动人事争议仲裁办案规则》第五十八条）',
    );
  }
  await bumpCase(trx, d, input.version);
  const defence =
    days >= 10
      ? '被申请人自收到仲裁申请书副本之日起十日内提交答辩书'
      : days === 0
        ? `经被申请人同意，取消答辩期（${consentRef}）`
        : `经被申请人同意，答辩期缩短为${CN_DAYS[days]}日，自收到仲裁申请书副本之日起计算（${consentRef}）`;
  const names = documentNames(d);
  const channelLabel = SIMPLIFIED_CHANNELS[input.channel];
  const base = {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    arbitrator: arbitrator.display_name,
    serviceChannel: `${channelLabel}（简易处理案件的简便送达方式）`,
    defencePeriod: defence,
    grounds: d.app.simplified_grounds.map((g) => SIMPLIFIED_GROUNDS[g as SimplifiedGround] ?? g).join('；'),
  };
  // Collective cases: one notice to all, through the representatives (as the hearing notice).
  const workers = d.matter.collective ? names.workers.filter((w) => w.representative) : names.workers;
  const recipients = [
    ...workers.map((w) => ({ partyId: w.partyId, name: w.name, label: `申请人${w.name}` })),
    ...names.employers.map((e) => ({ partyId: e.partyId, name: e.name, label: `被申请人${e.name}` })),
  ];
  const addressees = d.matter.collective
    ? [{ addresseeName: `${names.applicantName}、${names.respondentName}`, for: recipients }]
    : recipients.map((r) => ({ addresseeName: r.name, for: [r] }));
  const documents: IssuedDoc[] = [];
  const notices: string[] = [];
  for (const a of addressees) {
    const doc = await issueFor(ctx, trx, actor, caseId, 'simplified_notice', {
      ...base,
      addresseeName: a.addresseeName,
    });
    documents.push(doc);
    for (const r of a.for) {
      const id = await enqueuePartyNotice(trx, {
        subjectType: 'case',
        subjectId: caseId,
        partyId: r.partyId,
        recipientLabel: r.label,
        channel: input.channel,
        template: 'arbitration.simplified',
        params: {
          name: r.name,
          number: d.c.number,
          arbitrator: arbitrator.display_name,
          defence,
          document: doc.number,
        },
        documentId: doc.id,
        dedupeKey: `arbitration.simplified:${caseId}:${r.partyId}`,
        createdBy: actor.id,
      });
      if (id) notices.push(id);
    }
  }
  if (days < 10) {
    // The running defence clock follows the consent: cancelled → met; shortened → due on the shorter period.
    const clock = await trx
      .selectFrom('clock')
      .select('id')
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', caseId)
      .where('rule_id', '=', 'arbitration.defence')
      .where('status', 'in', ['running', 'suspended', 'extended'])
      .executeTakeFirst();
    const clocks = getClocksService(ctx);
    if (clock && days === 0)
      await clocks.meet(trx, clock.id, actor, `经被申请人同意取消答辩期（${consentRef}）`);
    else if (clock) {
      await clocks.shorten(trx, clock.id, { duration: days, reason: `被申请人同意：${consentRef}` }, actor);
    }
  }
  const summary = `发出简易处理通知（${documents.map((x) => x.number).join('、')}），以${channelLabel}通知${recipients.length}名当事人；${defence}`;
  await addRecord(trx, actor, caseId, 'simplified_notice', summary, {
    documents: documents.map((x) => x.id),
    channel: input.channel,
    defenceDays: days,
    respondentConsentRef: consentRef ?? null,
  });
  await audited(trx, actor, 'arbitration.simplified.notice', caseId, summary, {
    channel: input.channel,
    defenceDays: days,
    notices,
  });
  return { documents, notices, defencePeriod: defence };
}

/** Notices sent to the parties of the case (SMS delivery state, phone calls recorded). */
export async function partyNoticesOf(exec: Kysely<DB>, caseId: string) {
  const rows = await exec
    .selectFrom('party_notice')
    .select(['id', 'recipient_label', 'channel', 'state', 'body', 'template', 'created_at', 'sent_at'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recipient: r.recipient_label,
    channel: r.channel,
    state: r.state,
    body: r.body,
    template: r.template,
    at: r.created_at.toISOString(),
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
  }));
}
