import type { RoleCode } from '../access/roles';
import { defineMachine } from './engine';
import { all, requireNumber, requireText, requireTrue } from './guards';

export type MediationContext = Readonly<{
  /** Both parties agree to mediate (mediation is voluntary, S1 Arts. 3, 5). */
  bothPartiesConsent?: boolean;
  /** Items of the proposal answered so far / in total (a reply is recorded per claim item). */
  itemsTotal?: number;
  itemsAgreed?: number;
  /** Signatures and seals complete (S1 Art. 14 ¶2). */
  agreementSigned?: boolean;
  /** Days since the mediation organisation received the application (T-M1). */
  daysSinceReceipt?: number;
  /** Mediation period in days, 15 by default (S1 Art. 14 ¶3). */
  mediationPeriodDays?: number;
  /** The performance deadline in the agreement has passed. */
  performanceDeadlinePassed?: boolean;
  withdrawalReason?: string;
}>;

const MEDIATORS: readonly RoleCode[] = ['mediator', 'union_liaison', 'court_liaison'];
const DESK: readonly RoleCode[] = ['mediator', 'intake_clerk'];

type State =
  | 'registered'
  | 'proposal_sent'
  | 'session_scheduled'
  | 'in_session'
  | 'agreed'
  | 'partially_agreed'
  | 'refused'
  | 'failed'
  | 'withdrawn'
  | 'no_show'
  | 'performed'
  | 'not_performed';

type Event =
  | 'send_proposal'
  | 'record_reply'
  | 'respondent_refuses'
  | 'schedule_session'
  | 'hold_session'
  | 'adjourn'
  | 'agree'
  | 'agree_partially'
  | 'fail'
  | 'period_expired'
  | 'no_show'
  | 'withdraw'
  | 'perform'
  | 'report_non_performance';

const OPEN: readonly State[] = ['registered', 'proposal_sent', 'session_scheduled', 'in_session'];

const periodOver = (c: MediationContext) =>
  requireNumber(
    c,
    'daysSinceReceipt',
    (d) => d > (typeof c.mediationPeriodDays === 'number' ? c.mediationPeriodDays : 15),
    '调解期限（自收到申请之日起十五日）尚未届满',
  );

const itemsOk = (c: MediationContext, test: (agreed: number, total: number) => boolean, reason: string) =>
  typeof c.itemsTotal === 'number' && typeof c.itemsAgreed === 'number' && test(c.itemsAgreed, c.itemsTotal)
    ? null
    : reason;

/**
 * Mediation (调解), 《劳动人事争议仲裁办案规则》第六十八条、第六十九条/《劳动争议调解仲裁法》第十条至第十六条；《劳动人事争议仲裁办案规则》第七十四条: a mediation proposal (调解建议书) with a proposed settlement per claim
 * item, replies per item, a session, and the outcome. The 15-day clock is T-M1 (S1 Art. 14).
 */
export const mediationMachine = defineMachine<State, Event, MediationContext>({
  track: 'mediation',
  states: {
    registered: '已登记',
    proposal_sent: '调解建议书已送达',
    session_scheduled: '已安排调解',
    in_session: '调解中',
    agreed: '达成协议',
    partially_agreed: '部分达成协议',
    refused: '对方不同意调解',
    failed: '调解不成',
    withdrawn: '申请人撤回',
    no_show: '当事人未到场',
    performed: '协议已履行',
    not_performed: '协议未履行',
  },
  events: {
    send_proposal: '送达调解建议书',
    record_reply: '登记答复',
    respondent_refuses: '对方拒绝调解',
    schedule_session: '安排调解',
    hold_session: '开始调解',
    adjourn: '另行安排调解',
    agree: '达成调解协议',
    agree_partially: '部分达成协议',
    fail: '调解不成',
    period_expired: '调解期满未达成协议',
    no_show: '当事人未到场',
    withdraw: '撤回申请',
    perform: '确认已履行',
    report_non_performance: '登记未履行',
  },
  initial: 'registered',
  terminal: ['refused', 'failed', 'withdrawn', 'no_show', 'performed', 'not_performed'],
  onCreate: { documents: ['mediation_application_record'], clocksStart: ['mediation.settlement'] },
  // Acts: each is done on the matter page's mediation panel, which issues the document with its contents.
  acts: {
    send_proposal: '调解建议书（逐项建议金额与理由）',
    record_reply: '登记双方逐项答复',
    respondent_refuses: '结束调解（写明理由，未达成诉求转仲裁）',
    schedule_session: '安排调解（时间、调解室、调解员）',
    hold_session: '调解笔录',
    adjourn: '安排调解（时间、调解室、调解员）',
    agree: '签订调解协议书',
    agree_partially: '签订调解协议书',
    fail: '结束调解（写明理由，未达成诉求转仲裁）',
    period_expired: '结束调解（写明理由，未达成诉求转仲裁）',
    no_show: '结束调解（写明理由，未达成诉求转仲裁）',
    withdraw: '结束调解（写明理由，未达成诉求转仲裁）',
    perform: '登记协议履行情况',
    report_non_performance: '登记协议履行情况',
  },
  transitions: [
    {
      from: 'registered',
      event: 'send_proposal',
      to: 'proposal_sent',
      roles: MEDIATORS,
      documents: ['mediation_proposal'],
      basis: '劳动人事争议仲裁文书样式（调解建议书）；人社部发〔2022〕71号',
    },
    { from: 'proposal_sent', event: 'record_reply', to: 'proposal_sent', roles: DESK },
    {
      from: ['registered', 'proposal_sent'],
      event: 'respondent_refuses',
      to: 'refused',
      roles: MEDIATORS,
      documents: ['mediation_refusal_notice'],
      clocksStop: ['mediation.settlement'],
      basis: '《劳动争议调解仲裁法》第三条、第五条（调解自愿）',
    },
    {
      from: ['registered', 'proposal_sent'],
      event: 'schedule_session',
      to: 'session_scheduled',
      roles: MEDIATORS,
      guard: (c) => requireTrue(c, 'bothPartiesConsent', '须双方同意调解'),
      documents: ['mediation_session_notice'],
    },
    { from: 'session_scheduled', event: 'hold_session', to: 'in_session', roles: MEDIATORS },
    {
      from: 'in_session',
      event: 'adjourn',
      to: 'session_scheduled',
      roles: MEDIATORS,
      documents: ['mediation_session_notice'],
    },
    {
      from: 'in_session',
      event: 'agree',
      to: 'agreed',
      roles: MEDIATORS,
      guard: (c) =>
        all(
          itemsOk(c, (a, t) => t > 0 && a === t, '尚有请求事项未达成一致'),
          requireTrue(c, 'agreementSigned', '调解协议书须经双方签名或盖章、调解员签名并加盖调解组织印章'),
        ),
      documents: ['mediation_agreement'],
      clocksStop: ['mediation.settlement'],
      clocksStart: ['mediation.arbitral-review-filing', 'mediation.judicial-confirmation-filing'],
      basis: '《劳动争议调解仲裁法》第十四条',
    },
    {
      from: 'in_session',
      event: 'agree_partially',
      to: 'partially_agreed',
      roles: MEDIATORS,
      guard: (c) =>
        all(
          itemsOk(c, (a, t) => a > 0 && a < t, '部分达成协议须至少一项达成、至少一项未达成'),
          requireTrue(c, 'agreementSigned', '调解协议书须经双方签名或盖章、调解员签名并加盖调解组织印章'),
        ),
      documents: ['mediation_agreement', 'mediation_failure_record'],
      clocksStop: ['mediation.settlement'],
      clocksStart: ['mediation.arbitral-review-filing', 'mediation.judicial-confirmation-filing'],
      basis: '《劳动争议调解仲裁法》第十四条；未达成部分可申请仲裁',
    },
    {
      from: 'in_session',
      event: 'fail',
      to: 'failed',
      roles: MEDIATORS,
      documents: ['mediation_failure_record'],
      clocksStop: ['mediation.settlement'],
      basis: '《劳动争议调解仲裁法》第十四条第三款',
    },
    {
      from: ['registered', 'proposal_sent', 'session_scheduled', 'in_session'],
      event: 'period_expired',
      to: 'failed',
      roles: MEDIATORS,
      guard: periodOver,
      documents: ['mediation_failure_record'],
      clocksStop: ['mediation.settlement'],
      basis: '《劳动争议调解仲裁法》第十四条第三款',
    },
    {
      from: 'session_scheduled',
      event: 'no_show',
      to: 'no_show',
      roles: MEDIATORS,
      documents: ['mediation_failure_record'],
      clocksStop: ['mediation.settlement'],
    },
    {
      from: OPEN,
      event: 'withdraw',
      to: 'withdrawn',
      roles: DESK,
      guard: (c) => requireText(c, 'withdrawalReason', '须登记撤回理由'),
      clocksStop: ['mediation.settlement'],
    },
    {
      from: ['agreed', 'partially_agreed'],
      event: 'perform',
      to: 'performed',
      roles: DESK,
      documents: ['performance_record'],
      clocksStop: ['mediation.arbitral-review-filing', 'mediation.judicial-confirmation-filing'],
    },
    {
      from: ['agreed', 'partially_agreed'],
      event: 'report_non_performance',
      to: 'not_performed',
      roles: DESK,
      guard: (c) => requireTrue(c, 'performanceDeadlinePassed', '协议约定的履行期限尚未届满'),
      documents: ['non_performance_guidance'],
      basis: '《劳动争议调解仲裁法》第十五条、第十六条；最高法劳动争议解释（一）第五十一条',
    },
  ],
});
