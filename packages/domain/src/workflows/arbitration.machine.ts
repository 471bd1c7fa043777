// Over 400 lines: the arbitration state machine as one declaration of states and steps with their preconditions.
import type { RoleCode } from '../access/roles';
import { defineMachine, type TransitionSpec } from './engine';
import {
  ARBITRATION_REJECTION_REASONS,
  ARBITRATION_SUSPENSION_GROUNDS,
  ARBITRATION_EVENT_LABELS,
  ARBITRATION_STATE_LABELS,
  type ArbitrationContext,
  type ArbitrationEvent as Event,
  type ArbitrationState as State,
} from './arbitration.context';
import { all, requireNumber, requireOneOf, requireText, requireTrue } from './guards';

type Row = TransitionSpec<State, Event, ArbitrationContext>;

const WINDOW: readonly RoleCode[] = ['intake_clerk', 'tribunal_clerk', 'arbitrator'];
const DECIDERS: readonly RoleCode[] = ['arbitrator', 'leader'];
const TRIBUNAL: readonly RoleCode[] = ['arbitrator'];
const CLERKS: readonly RoleCode[] = ['tribunal_clerk', 'arbitrator'];
/** Approval by the commission chair or the institute head he or she authorises (S2 Arts. 45, 47). */
const APPROVERS: readonly RoleCode[] = ['leader'];

const IN_PROCEEDINGS: readonly State[] = ['answer_period', 'hearing_scheduled', 'hearing'];
const ALL_CLOCKS = [
  'arbitration.service-to-respondent',
  'arbitration.defence',
  'arbitration.tribunal-notice',
  'arbitration.award',
];

const noticeOk = (c: ArbitrationContext) =>
  requireNumber(c, 'noticeDaysBeforeHearing', (d) => d >= 5, '开庭通知须在开庭五日前送达');

const correctionListed = (c: ArbitrationContext) =>
  Array.isArray(c.missingItems) && c.missingItems.length > 0 ? null : '须一次性列明全部需补正的材料';

const extensionRows: Row[] = IN_PROCEEDINGS.map((s) => ({
  from: s,
  event: 'extend_award_period',
  to: s,
  roles: APPROVERS,
  guard: (c) =>
    all(
      requireNumber(c, 'extensionDays', (d) => d >= 1 && d <= 15, '延长期限不得超过十五日'),
      c.alreadyExtended === false ? null : '审理期限只能延长一次',
    ),
  documents: ['extension_notice'],
  clocksExtend: ['arbitration.award'],
  basis: '《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条',
}));

/** Arbitration (仲裁), 《劳动争议调解仲裁法》第二十八条至第三十条 window → acceptance and 《劳动争议调解仲裁法》第三十一条至第五十条 acceptance → closure, with 《劳动人事争议仲裁办案规则》第六十八条、第六十九条 pre-mediation. */
export const arbitrationMachine = defineMachine<State, Event, ArbitrationContext>({
  track: 'arbitration',
  states: ARBITRATION_STATE_LABELS,
  events: ARBITRATION_EVENT_LABELS,
  initial: 'received',
  terminal: ['not_accepted', 'redirected', 'settled', 'transferred', 'closed'],
  onCreate: { documents: ['receipt'], clocksStart: ['arbitration.correction', 'arbitration.acceptance'] },
  // Acts: each is done on the arbitration case page, whose form issues the document with its contents.
  acts: {
    request_correction: '初审并出具补正通知书',
    correct: '补正完成并重新初审',
    correction_lapsed: '制作相应文书（尚未开放在线办理）',
    suggest_mediation: '制作相应文书（尚未开放在线办理）',
    settle: '制作相应文书（尚未开放在线办理）',
    accept: '受理并出具受理通知书',
    reject: '不予受理（出具不予受理通知书）',
    redirect: '管辖告知（书面告知有管辖权的仲裁委员会）',
    serve_respondent: '送达应诉通知书',
    schedule_hearing: '排期开庭（开庭通知书）',
    postpone: '延期开庭',
    hold_hearing: '开庭笔录',
    applicant_no_show: '申请人拒不到庭（按撤回处理）',
    adjourn: '排期开庭（开庭通知书）',
    partial_award: '制作相应文书（尚未开放在线办理）',
    order_advance_execution: '裁决先予执行',
    mediate: '仲裁调解书',
    award: '制作裁决书',
    serve_final_award: '送达裁决书',
    serve_non_final_award: '送达裁决书',
    suspend: '中止审理（中止审理决定书）',
    resume: '恢复审理（恢复审理通知书）',
    withdraw: '准予撤回（决定书）',
    revoke: '制作相应文书（尚未开放在线办理）',
    transfer: '制作相应文书（尚未开放在线办理）',
    terminate: '制作相应文书（尚未开放在线办理）',
    extend_award_period: '延长审理期限（延长审限通知书）',
    close: '结案审批',
  },
  transitions: [
    {
      from: 'received',
      event: 'request_correction',
      to: 'needs_correction',
      roles: WINDOW,
      guard: correctionListed,
      documents: ['request_for_materials_notice'],
      clocksStop: ['arbitration.correction', 'arbitration.acceptance'],
      clocksStart: ['arbitration.correction-period'],
      // Nothing is decided yet: the acceptance period starts again from the day the corrected
      // materials are received (《劳动人事争议仲裁办案规则》第四十六条第（二）项).
      clockOutcomes: { 'arbitration.acceptance': '已停止：通知补正，补正完成后重新起算' },
      basis: '《劳动人事争议仲裁办案规则》第二十九条第四款',
    },
    {
      from: 'needs_correction',
      event: 'correct',
      to: 'received',
      roles: WINDOW,
      documents: ['receipt'],
      clocksStop: ['arbitration.correction-period'],
      clocksStart: ['arbitration.acceptance'],
      basis: '《劳动人事争议仲裁办案规则》第四十六条第（二）项（收件日以补正之日起算）',
    },
    {
      from: 'needs_correction',
      event: 'correction_lapsed',
      to: 'not_accepted',
      roles: DECIDERS,
      guard: (c) => requireTrue(c, 'correctionDeadlinePassed', '补正期限尚未届满'),
      documents: ['rejection_notice'],
      clocksStop: ['arbitration.correction-period'],
      basis: '地方规则（如《浙江省劳动人事争议调解仲裁条例》第二十条）',
    },
    {
      from: 'received',
      event: 'suggest_mediation',
      to: 'mediation_suggested',
      roles: [...WINDOW, 'mediator'],
      guard: (c) => requireTrue(c, 'suitableForMediation', '案情不适宜先行调解'),
      documents: ['mediation_proposal'],
      basis: '《劳动争议调解仲裁法》第三条；人社部发〔2022〕71号',
    },
    {
      from: 'mediation_suggested',
      event: 'applicant_declines',
      to: 'received',
      roles: [...WINDOW, 'mediator'],
    },
    {
      from: 'mediation_suggested',
      event: 'applicant_consents',
      to: 'pre_mediation',
      roles: [...WINDOW, 'mediator'],
      guard: (c) => requireTrue(c, 'writtenConsent', '暂缓受理须申请人书面同意'),
      clocksPause: ['arbitration.acceptance'],
    },
    {
      from: 'pre_mediation',
      event: 'pre_mediation_failed',
      to: 'received',
      roles: ['mediator', 'arbitrator'],
      clocksResume: ['arbitration.acceptance'],
    },
    {
      from: 'pre_mediation',
      event: 'settle',
      to: 'settled',
      roles: ['mediator', 'arbitrator'],
      guard: (c) => requireTrue(c, 'agreementSigned', '调解协议须经双方签名或盖章'),
      documents: ['mediation_agreement'],
      clocksStop: ['arbitration.correction', 'arbitration.acceptance'],
      clocksStart: ['mediation.arbitral-review-filing', 'mediation.judicial-confirmation-filing'],
    },
    {
      from: 'received',
      event: 'accept',
      to: 'accepted',
      roles: DECIDERS,
      guard: (c) =>
        all(
          requireTrue(c, 'materialsComplete', '申请材料不齐全，应先通知补正'),
          requireTrue(c, 'acceptanceConditionsMet', '不符合受理条件'),
        ),
      documents: ['filing_approval_form', 'acceptance_notice'],
      clocksStop: ['arbitration.correction', 'arbitration.acceptance'],
      clocksStart: ['arbitration.service-to-respondent', 'arbitration.tribunal-notice', 'arbitration.award'],
      basis: '《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第三十条',
    },
    {
      from: 'received',
      event: 'reject',
      to: 'not_accepted',
      roles: DECIDERS,
      guard: (c) =>
        requireOneOf(
          c,
          'rejectionReason',
          Object.keys(ARBITRATION_REJECTION_REASONS),
          '须选择不予受理的理由类别',
        ),
      documents: ['rejection_notice'],
      clocksStop: ['arbitration.correction', 'arbitration.acceptance'],
      basis: '《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第三十条、第三十四条、第三十九条',
    },
    {
      from: 'received',
      event: 'redirect',
      to: 'redirected',
      roles: DECIDERS,
      guard: (c) => requireText(c, 'competentCommission', '须写明有管辖权的仲裁委员会'),
      documents: ['jurisdiction_explanation'],
      clocksStop: ['arbitration.correction', 'arbitration.acceptance'],
      basis: '《劳动人事争议仲裁办案规则》第三十一条',
    },
    {
      from: 'accepted',
      event: 'serve_respondent',
      to: 'answer_period',
      roles: CLERKS,
      documents: ['notice_to_respond', 'evidence_notice', 'tribunal_composition_notice', 'proof_of_service'],
      clocksStop: ['arbitration.service-to-respondent', 'arbitration.tribunal-notice'],
      clocksStart: ['arbitration.defence'],
      basis: '《劳动争议调解仲裁法》第三十条、第三十二条',
    },
    {
      from: 'answer_period',
      event: 'receive_defence',
      to: 'answer_period',
      roles: CLERKS,
      clocksStop: ['arbitration.defence'],
      clocksStart: ['arbitration.defence-forwarding'],
      basis: '《劳动争议调解仲裁法》第三十条第二款',
    },
    {
      from: 'answer_period',
      event: 'schedule_hearing',
      to: 'hearing_scheduled',
      roles: CLERKS,
      guard: noticeOk,
      documents: ['hearing_notice'],
      basis: '《劳动争议调解仲裁法》第三十五条',
    },
    {
      from: 'hearing_scheduled',
      event: 'postpone',
      to: 'hearing_scheduled',
      roles: TRIBUNAL,
      // A request later than 3 days before the hearing is not forbidden: whether to postpone is the
      // commission's decision (调解仲裁法第三十五条第二款); the request date is recorded.
      guard: (c) => requireNumber(c, 'postponementRequestDaysBefore', () => true, '须写明延期请求提出的日期'),
      documents: ['postponement_notice'],
      basis: '《劳动争议调解仲裁法》第三十五条',
    },
    {
      from: 'hearing_scheduled',
      event: 'hold_hearing',
      to: 'hearing',
      roles: TRIBUNAL,
      documents: ['hearing_record'],
    },
    {
      from: 'hearing_scheduled',
      event: 'applicant_no_show',
      to: 'deemed_withdrawn',
      roles: TRIBUNAL,
      guard: (c) => requireTrue(c, 'hearingNoticeServed', '未能证明书面开庭通知已送达，不得按撤回处理'),
      documents: ['deemed_withdrawal_decision'],
      clocksStop: ALL_CLOCKS,
      basis: '《劳动争议调解仲裁法》第三十六条；《劳动人事争议仲裁办案规则》第三十九条',
    },
    {
      // Issue #20: a simplified case heard on the papers (书面审理) — the parties submit statements and
      // evidence online within periods the tribunal sets; the award follows from the 'hearing' state.
      from: ['answer_period', 'hearing_scheduled'],
      event: 'order_written_hearing',
      to: 'hearing',
      roles: TRIBUNAL,
      guard: (c) =>
        all(
          requireTrue(c, 'simplified', '只有简易处理的案件可以书面审理'),
          requireTrue(c, 'bothPartiesAgreed', '书面审理须经双方当事人同意'),
        ),
      basis: '《劳动人事争议仲裁办案规则》第六十条',
    },
    {
      from: 'hearing',
      event: 'adjourn',
      to: 'hearing_scheduled',
      roles: CLERKS,
      guard: noticeOk,
      documents: ['hearing_notice'],
    },
    {
      from: 'hearing',
      event: 'partial_award',
      to: 'hearing',
      roles: TRIBUNAL,
      guard: (c) => requireTrue(c, 'partOfFactsClear', '须部分事实已经清楚'),
      documents: ['partial_award'],
      basis: '《劳动争议调解仲裁法》第四十三条第二款',
    },
    {
      from: 'hearing',
      event: 'order_advance_execution',
      to: 'hearing',
      roles: TRIBUNAL,
      guard: (c) =>
        all(
          requireTrue(c, 'rightsClear', '须当事人之间权利义务关系明确'),
          requireTrue(c, 'seriousHardship', '须不先予执行将严重影响申请人的生活'),
        ),
      documents: ['advance_execution_award', 'enforcement_transfer_letter'],
      basis: '《劳动争议调解仲裁法》第四十四条',
    },
    {
      from: 'hearing',
      event: 'mediate',
      to: 'mediated',
      roles: TRIBUNAL,
      guard: (c) => requireTrue(c, 'bothPartiesSigned', '调解书须经双方当事人签收后发生法律效力'),
      documents: ['arbitral_mediation_statement', 'proof_of_service'],
      clocksStop: ALL_CLOCKS,
      basis: '《劳动争议调解仲裁法》第四十二条',
    },
    {
      from: 'hearing',
      event: 'award',
      to: 'awarded',
      roles: TRIBUNAL,
      guard: (c) => requireTrue(c, 'mediationAttempted', '仲裁庭在作出裁决前，应当先行调解'),
      documents: ['award'],
      clocksStop: ALL_CLOCKS,
      basis: '《劳动争议调解仲裁法》第四十二条、第四十六条',
    },
    {
      from: 'awarded',
      event: 'serve_final_award',
      to: 'award_served',
      roles: CLERKS,
      documents: ['proof_of_service'],
      clocksStart: ['arbitration.final-award.worker-suit', 'arbitration.final-award.employer-set-aside'],
      basis: '《劳动争议调解仲裁法》第四十七条至第四十九条',
    },
    {
      from: 'awarded',
      event: 'serve_non_final_award',
      to: 'award_served',
      roles: CLERKS,
      documents: ['proof_of_service'],
      clocksStart: ['arbitration.non-final-award.suit'],
      basis: '《劳动争议调解仲裁法》第五十条',
    },
    {
      from: IN_PROCEEDINGS,
      event: 'suspend',
      to: 'suspended',
      roles: APPROVERS,
      guard: (c) =>
        requireOneOf(c, 'suspensionGround', Object.keys(ARBITRATION_SUSPENSION_GROUNDS), '须选择中止事由'),
      documents: ['suspension_approval_form', 'decision'],
      clocksPause: ['arbitration.award'],
      basis: '《劳动人事争议仲裁办案规则》第四十七条',
    },
    {
      from: 'suspended',
      event: 'resume',
      to: 'answer_period',
      roles: [...TRIBUNAL, ...APPROVERS],
      documents: ['resumption_notice'],
      clocksResume: ['arbitration.award'],
    },
    {
      from: [...IN_PROCEEDINGS, 'suspended'],
      event: 'withdraw',
      to: 'withdrawn',
      roles: TRIBUNAL,
      guard: (c) => requireTrue(c, 'withdrawalApplicationFiled', '须有申请人撤回仲裁申请书'),
      documents: ['decision'],
      clocksStop: ALL_CLOCKS,
      basis: '《劳动争议调解仲裁法》第四十一条',
    },
    {
      from: ['accepted', 'answer_period'],
      event: 'revoke',
      to: 'revoked',
      roles: DECIDERS,
      guard: (c) => requireText(c, 'revocationReason', '须写明撤销案件的理由'),
      documents: ['decision'],
      clocksStop: ALL_CLOCKS,
      basis: '《劳动人事争议仲裁办案规则》第三十二条',
    },
    {
      from: ['accepted', 'answer_period', 'hearing_scheduled'],
      event: 'transfer',
      to: 'transferred',
      roles: DECIDERS,
      guard: (c) => requireText(c, 'receivingCommission', '须写明受移送的仲裁委员会'),
      documents: ['transfer_letter', 'decision'],
      clocksStop: ALL_CLOCKS,
      basis: '《劳动人事争议仲裁办案规则》第九条',
    },
    {
      from: [...IN_PROCEEDINGS, 'suspended'],
      event: 'terminate',
      to: 'terminated',
      roles: DECIDERS,
      guard: (c) => requireText(c, 'terminationGround', '须写明终结事由'),
      documents: ['decision'],
      clocksStop: ALL_CLOCKS,
    },
    ...extensionRows,
    {
      from: ['mediated', 'withdrawn', 'deemed_withdrawn', 'revoked', 'terminated', 'award_served'],
      event: 'close',
      to: 'closed',
      roles: CLERKS,
      documents: ['closing_approval_form'],
      basis: '《劳动人事争议仲裁办案规则》第二十四条（案卷保存）',
    },
  ],
});
