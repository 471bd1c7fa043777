import { REMEDY_BODIES } from '@onestop/domain';
import type { Block } from '../model.js';
import {
  type DocumentContext,
  d,
  defineTemplate,
  h,
  kv,
  list,
  p,
  partyBlocks,
  sign,
  yuan,
} from './template.js';

// Labor inspection documents (《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》, inspection documents, 《劳动保障监察条例》《行政处罚法》). 条例 = 《劳动保障监察条例》, 规定 = 《关于实施〈劳动保障监察条例〉若干规定》.

/**
 * The remedy against an inspection decision, naming the document, the review body, the court and
 * both deadlines (《行政处罚法》第五十九条第一款第（五）项; 《行政复议法》第二十条、第二十四条; 《行政诉讼法》第四十六条).
 */
export const remedy = (documentName: string) =>
  p(
    `你单位如不服本${documentName}，可以自收到本${documentName}之日起六十日内向${REMEDY_BODIES.administrativeReview}申请行政复议，或者自收到本${documentName}之日起六个月内向${REMEDY_BODIES.basicCourt}提起行政诉讼。行政复议和行政诉讼期间，本${documentName}不停止执行，法律另有规定的除外。`,
  );

/** The provisions violated, from the case's violation types (CLAIM_CATALOGUE), when recorded. */
export function violatedProvisions(ctx: DocumentContext, stated?: string): Block[] {
  const v = ctx.violations ?? [];
  if (!v.length) return stated ? [p(`你单位的上述行为违反了${stated}的规定。`)] : [];
  const basis = [...new Set(v.map((x) => x.basis))].join('；');
  return [p(`你单位的上述行为（${v.map((x) => x.label).join('、')}）违反了${basis}的规定。`)];
}

export interface InspectionAcceptanceFields {
  complainantName: string;
  employerName: string;
  complaintDate: string;
  matters: string;
  filedDate: string;
}

export const inspectionAcceptance = defineTemplate<InspectionAcceptanceFields>({
  type: 'inspection_acceptance',
  title: '劳动保障监察受理告知书',
  required: [
    { key: 'complainantName', label: '投诉人' },
    { key: 'employerName', label: '被投诉单位' },
    { key: 'complaintDate', label: '投诉日期', kind: 'date' },
    { key: 'matters', label: '投诉事项' },
    { key: 'filedDate', label: '立案日期', kind: 'date' },
  ],
  addressee: (f) => f.complainantName,
  build: (f) => [
    p(
      `你于${d(f.complaintDate)}对${f.employerName}${f.matters}的投诉，经审查，符合《劳动保障监察条例》规定的受理条件，本机关已于${d(f.filedDate)}立案调查。`,
    ),
    p(
      '本机关将自立案之日起六十个工作日内完成调查处理；情况复杂的，经批准可以延长三十个工作日。处理结果将书面告知你。本机关对投诉人、举报人的相关信息依法予以保密。',
    ),
  ],
});

export interface InspectionRejectionFields {
  complainantName: string;
  employerName: string;
  complaintDate: string;
  reasons: string;
  guidance: string;
}

export const inspectionRejection = defineTemplate<InspectionRejectionFields>({
  type: 'inspection_rejection',
  title: '劳动保障监察不予受理告知书',
  required: [
    { key: 'complainantName', label: '投诉人' },
    { key: 'employerName', label: '被投诉单位' },
    { key: 'complaintDate', label: '投诉日期', kind: 'date' },
    { key: 'reasons', label: '不予受理理由' },
    { key: 'guidance', label: '救济途径' },
  ],
  addressee: (f) => f.complainantName,
  build: (f) => [
    p(`你于${d(f.complaintDate)}对${f.employerName}的投诉，经审查，本机关决定不予受理。理由如下：`),
    p(f.reasons),
    p(f.guidance),
  ],
});

/**
 * An order lists each payment once: a typed item and the generated "支付拖欠的劳动报酬X元" with the
 * same amount are the same correction (issue #13: item 3 repeated item 1).
 */
function distinctPayments(items: string[]): string[] {
  const amounts = new Set<string>();
  return items.filter((item) => {
    const amount = /支付.*?([\d,]+(?:\.\d{1,2})?)元/.exec(item)?.[1]?.replace(/,/g, '');
    if (!amount) return true;
    const key = Number(amount).toFixed(2);
    if (amounts.has(key)) return false;
    amounts.add(key);
    return true;
  });
}

export interface OrderToCorrectFields {
  employerName: string;
  violations: string;
  legalBasis: string;
  corrections: string[];
  deadline: string;
}

export const orderToCorrect = defineTemplate<OrderToCorrectFields>({
  type: 'order_to_correct',
  title: '劳动保障监察责令改正指令书',
  required: [
    { key: 'employerName', label: '用人单位' },
    { key: 'violations', label: '违法事实' },
    { key: 'legalBasis', label: '法律依据' },
    { key: 'corrections', label: '改正事项', kind: 'texts' },
    { key: 'deadline', label: '改正期限', kind: 'date' },
  ],
  addressee: (f) => f.employerName,
  build: (f, ctx) => [
    ...partyBlocks(ctx, ['当事人'], []),
    p(`经调查，你单位存在下列违反劳动保障法律、法规或者规章的行为：${f.violations}`),
    ...violatedProvisions(ctx),
    p(
      `根据${f.legalBasis}的规定，现责令你单位于${d(f.deadline)}前改正下列事项，并将改正情况书面报告本机关：`,
    ),
    list(distinctPayments(f.corrections)),
    p(
      '逾期不改正的，本机关将依照《劳动保障监察条例》第二十六条、第三十条等规定依法处理；逾期不支付劳动报酬的，可以责令按应付金额百分之五十以上一倍以下的标准加付赔偿金。',
    ),
    remedy('指令书'),
  ],
});

export const WITHDRAWAL_REASONS = {
  minor_corrected: '违法行为轻微并已改正',
  not_established: '违法事实不能成立',
} as const;

export interface CaseWithdrawalFields {
  employerName: string;
  filedDate: string;
  reasonCode: keyof typeof WITHDRAWAL_REASONS;
  reasons: string;
}

export const caseWithdrawal = defineTemplate<CaseWithdrawalFields>({
  type: 'case_withdrawal',
  title: '撤销立案决定书',
  required: [
    { key: 'employerName', label: '被调查单位' },
    { key: 'filedDate', label: '立案日期', kind: 'date' },
    { key: 'reasonCode', label: '撤销理由类别', kind: 'choice', choices: WITHDRAWAL_REASONS },
    { key: 'reasons', label: '撤销理由' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    p(
      `本机关于${d(f.filedDate)}对你单位涉嫌违反劳动保障法律、法规的行为立案调查。经调查，${WITHDRAWAL_REASONS[f.reasonCode]}：${f.reasons}`,
    ),
    p(
      '根据《劳动保障监察条例》第十八条和《关于实施〈劳动保障监察条例〉若干规定》第三十五条的规定，本机关决定撤销立案。',
    ),
    remedy('决定书'),
  ],
});

export interface PenaltyNoticeFields {
  employerName: string;
  facts: string;
  reasons: string;
  legalBasis: string;
  proposedPenalty: string;
  hearingDeadline: string;
}

/** 行政处罚告知书 (《行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条; inspection documents, 《劳动保障监察条例》《行政处罚法》). */
export const penaltyNotice = defineTemplate<PenaltyNoticeFields>({
  type: 'penalty_notice',
  title: '行政处罚告知书',
  required: [
    { key: 'employerName', label: '当事人' },
    { key: 'facts', label: '违法事实' },
    { key: 'reasons', label: '处罚理由' },
    { key: 'legalBasis', label: '处罚依据' },
    { key: 'proposedPenalty', label: '拟作出的行政处罚' },
    { key: 'hearingDeadline', label: '听证申请期限', kind: 'date' },
  ],
  addressee: (f) => f.employerName,
  build: (f, ctx) => [
    p(`经调查，你单位存在下列违法事实：${f.facts}`),
    ...violatedProvisions(ctx),
    p(
      `${f.reasons.replace(/[。；]$/, '')}。根据${f.legalBasis}的规定，本机关拟对你单位作出如下行政处罚：${f.proposedPenalty}。`,
    ),
    p(
      '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩。本机关将充分听取你单位的意见，对你单位提出的事实、理由和证据进行复核；不因你单位陈述、申辩而给予更重的处罚。',
    ),
    p(
      `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求听证。如要求听证，应当在收到本告知书之日起五个工作日内（即${d(f.hearingDeadline)}前）向本机关提出；逾期未提出的，视为放弃听证权利。`,
    ),
  ],
});

export interface PenaltyHearingNoticeFields {
  employerName: string;
  hearingDate: string;
  hearingTime: string;
  place: string;
  hearingOfficer: string;
  rights: string[];
  legalBasis: string;
}

/** 行政处罚听证通知书 (《行政处罚法》第六十四条: notice at least seven days before the hearing). */
export const hearingNoticePenalty = defineTemplate<PenaltyHearingNoticeFields>({
  type: 'hearing_notice_penalty',
  title: '行政处罚听证通知书',
  required: [
    { key: 'employerName', label: '当事人' },
    { key: 'hearingDate', label: '听证日期', kind: 'date' },
    { key: 'hearingTime', label: '听证时间' },
    { key: 'place', label: '听证地点' },
    { key: 'hearingOfficer', label: '听证主持人' },
    { key: 'rights', label: '当事人的权利', kind: 'texts' },
    { key: 'legalBasis', label: '依据' },
  ],
  addressee: (f) => f.employerName,
  build: (f) => [
    p(
      `你单位要求听证的申请已收悉。根据${f.legalBasis}的规定，本机关决定于${d(f.hearingDate)}${f.hearingTime}在${f.place}举行听证，听证主持人为${f.hearingOfficer}。`,
    ),
    p('你单位在听证中享有下列权利：'),
    list(f.rights),
    p(
      '请你单位准时参加。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。',
    ),
  ],
});

export interface PenaltyDecisionFields {
  employerName: string;
  employerAddress: string;
  facts: string;
  evidence: string[];
  penalty: string;
  legalBasis: string;
  performance: string;
  performanceDeadline: string;
  /** The provision violated, when not taken from the case's violation types */
  violatedProvision?: string;
}

/** 行政处罚决定书 (《行政处罚法》第五十九条; inspection documents, 《劳动保障监察条例》《行政处罚法》). Agency and date: issuer and 成文日期. */
export const penaltyDecision = defineTemplate<PenaltyDecisionFields>({
  type: 'penalty_decision',
  title: '行政处罚决定书',
  required: [
    { key: 'employerName', label: '当事人' },
    { key: 'employerAddress', label: '当事人地址' },
    { key: 'facts', label: '违法事实' },
    { key: 'evidence', label: '证据', kind: 'texts' },
    { key: 'penalty', label: '行政处罚的种类和数额' },
    { key: 'legalBasis', label: '处罚依据' },
    { key: 'performance', label: '履行方式' },
    { key: 'performanceDeadline', label: '履行期限', kind: 'date' },
  ],
  addressee: (f) => f.employerName,
  build: (f, ctx) => [
    ...partyBlocks(ctx, ['当事人'], [`当事人：${f.employerName}，住所地${f.employerAddress}。`]),
    p(`经调查，你单位存在下列违法事实：${f.facts}`),
    p('以上事实有下列证据证明：'),
    list(f.evidence),
    ...violatedProvisions(ctx, f.violatedProvision),
    p(
      `本机关已依法告知你单位拟作出的行政处罚及陈述、申辩、要求听证的权利。根据${f.legalBasis}的规定，本机关决定对你单位作出如下行政处罚：${f.penalty}。`,
    ),
    p(
      `你单位应当自收到本决定书之日起至${d(f.performanceDeadline)}前履行本决定：${f.performance}。到期不缴纳罚款的，本机关可以依照《中华人民共和国行政处罚法》第七十二条的规定每日按罚款数额的百分之三加处罚款，并依法申请人民法院强制执行。`,
    ),
    remedy('决定书'),
  ],
});

export interface InspectionResultNoticeFields {
  complainantName: string;
  employerName: string;
  complaintDate: string;
  caseNumber: string;
  result: string;
}

/** 投诉处理结果告知书 (《保障农民工工资支付条例》第十条第三款; 《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》 CLOSED). */
export const inspectionResultNotice = defineTemplate<InspectionResultNoticeFields>({
  type: 'inspection_result_notice',
  title: '投诉处理结果告知书',
  required: [
    { key: 'complainantName', label: '投诉人' },
    { key: 'employerName', label: '被投诉单位' },
    { key: 'complaintDate', label: '投诉日期', kind: 'date' },
    { key: 'caseNumber', label: '案件编号' },
    { key: 'result', label: '处理结果' },
  ],
  addressee: (f) => f.complainantName,
  build: (f) => [
    p(
      `你于${d(f.complaintDate)}对${f.employerName}的投诉（案件编号：${f.caseNumber}），本机关已依法调查处理完毕。处理结果如下：`,
    ),
    p(f.result),
    p(
      '根据《保障农民工工资支付条例》第十条第三款的规定，特此告知。对劳动报酬等争议事项，你仍可以依法申请劳动人事争议调解、仲裁或者向人民法院提起诉讼。',
    ),
  ],
});

export interface InspectionClosingApprovalFields {
  caseNumber: string;
  cause: string;
  source: string;
  employerName: string;
  /** The complainant's name; for a report "举报人身份依法保密" or "匿名举报" (条例第九条第三款). */
  complainant: string;
  filedDate: string;
  inspectors: string;
  facts: string;
  handling: string[];
  /** Wages and compensation the employer paid (yuan). */
  amountRecovered: number;
  /** Fine decided (yuan). */
  fine: number;
  opinion: string;
  approver: string;
  approvalDate: string;
}

/**
 * 结案审批表 (《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》 CLOSED; inspection documents, 《劳动保障监察条例》《行政处罚法》 "撤销立案审批表 / 结案审批表"): an internal form of the 副卷,
 * never sent to a party; the reporter's identity is not printed on it.
 */
export const inspectionClosingApproval = defineTemplate<InspectionClosingApprovalFields>({
  type: 'inspection_closing_approval',
  title: '结案审批表',
  required: [
    { key: 'caseNumber', label: '案件编号' },
    { key: 'cause', label: '案由' },
    { key: 'source', label: '案件来源' },
    { key: 'employerName', label: '被投诉（举报）单位' },
    { key: 'complainant', label: '投诉人（举报人）' },
    { key: 'filedDate', label: '立案日期', kind: 'date' },
    { key: 'inspectors', label: '承办监察员' },
    { key: 'facts', label: '查明的事实' },
    { key: 'handling', label: '处理情况及结果', kind: 'texts' },
    { key: 'amountRecovered', label: '追发劳动报酬及赔偿金', kind: 'amount' },
    { key: 'fine', label: '罚款', kind: 'amount' },
    { key: 'opinion', label: '承办人意见' },
    { key: 'approver', label: '审批人' },
    { key: 'approvalDate', label: '审批日期', kind: 'date' },
  ],
  build: (f) => [
    kv([
      ['案件编号', f.caseNumber],
      ['案由', f.cause],
      ['案件来源', f.source],
      ['被投诉（举报）单位', f.employerName],
      ['投诉人（举报人）', f.complainant],
      ['立案日期', d(f.filedDate)],
      ['承办监察员', f.inspectors],
    ]),
    h('一、查明的事实'),
    p(f.facts),
    h('二、处理情况及结果'),
    list(f.handling),
    kv([
      ['追发劳动报酬及赔偿金', yuan(f.amountRecovered)],
      ['罚款', yuan(f.fine)],
    ]),
    h('三、承办人意见'),
    p(f.opinion),
    h('四、审批意见'),
    p(`同意结案。审批人：${f.approver}；审批日期：${d(f.approvalDate)}。`),
    p('（本表为内部审批文书，归入副卷，不向当事人送达。）'),
    sign('承办人（签名）：', '审批人（签名）：'),
  ],
});
