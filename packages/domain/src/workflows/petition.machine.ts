import type { RoleCode } from '../access/roles';
import { defineMachine, type TransitionSpec } from './engine';
import { all, requireNumber, requireText, requireTrue } from './guards';

export type PetitionContext = Readonly<{
  /** The statutory procedure the matter is channelled into (《信访工作条例》第三十一条), e.g. '劳动人事争议仲裁'. */
  channelTo?: string;
  /** Competent organ for accusations (检举控告类, S5 Art. 30). */
  receivingOrgan?: string;
  /** Days since the petitioner received the written reply (30-day windows, S5 Arts. 35–36). */
  daysSinceReplyReceived?: number;
  agreementSigned?: boolean;
  extensionReason?: string;
  alreadyExtended?: boolean;
  /** Major or urgent matter, group visit, or public-opinion risk (S5 Art. 25). */
  majorOrUrgent?: boolean;
}>;

type State =
  | 'registered'
  | 'under_study'
  | 'replied'
  | 'forwarded'
  | 'channelled'
  | 'explained'
  | 'accepted'
  | 'settled'
  | 'decided'
  | 'under_review'
  | 'reviewed'
  | 'under_re_review'
  | 'final'
  | 'closed';

type Event =
  | 'classify_as_suggestion'
  | 'reply'
  | 'forward_accusation'
  | 'channel'
  | 'explain'
  | 'accept'
  | 'extend'
  | 'settle'
  | 'decide'
  | 'request_review'
  | 'issue_review'
  | 'request_re_review'
  | 'issue_re_review'
  | 'close'
  | 'report_upward';

const OFFICERS: readonly RoleCode[] = ['petition_officer'];
const HEADS: readonly RoleCode[] = ['leader'];

const withinWindow = (c: PetitionContext) =>
  requireNumber(c, 'daysSinceReplyReceived', (d) => d >= 0 && d <= 30, '须自收到书面答复之日起三十日内提出');

const reportRows: TransitionSpec<State, Event, PetitionContext>[] = (
  ['registered', 'under_study', 'accepted', 'decided', 'under_review', 'under_re_review'] as const
).map((s) => ({
  from: s,
  event: 'report_upward',
  to: s,
  roles: [...OFFICERS, ...HEADS],
  guard: (c) => requireTrue(c, 'majorOrUrgent', '仅重大、紧急信访事项须报告'),
  documents: ['escalation_report'],
  basis: '《信访工作条例》第二十五条',
}));

/** Petitions (信访), 《信访工作条例》: register, classify, channel into legal procedures, or handle, review and re-review. */
export const petitionMachine = defineMachine<State, Event, PetitionContext>({
  track: 'petition',
  states: {
    registered: '已登记',
    under_study: '研究办理中（建议意见类）',
    replied: '已答复',
    forwarded: '已转送有权机关（检举控告类）',
    channelled: '已导入法定途径',
    explained: '已释法明理',
    accepted: '已受理',
    settled: '已调解和解',
    decided: '已出具处理意见',
    under_review: '复查中',
    reviewed: '已出具复查意见',
    under_re_review: '复核中',
    final: '复核终结',
    closed: '已办结',
  },
  events: {
    classify_as_suggestion: '按建议意见类办理',
    reply: '答复',
    forward_accusation: '转送检举控告',
    channel: '导入法定途径',
    explain: '释法明理',
    accept: '受理',
    extend: '延长办理期限',
    settle: '调解和解',
    decide: '出具处理意见书',
    request_review: '申请复查',
    issue_review: '出具复查意见',
    request_re_review: '申请复核',
    issue_re_review: '出具复核意见',
    close: '办结',
    report_upward: '报告重大紧急事项',
  },
  initial: 'registered',
  terminal: ['replied', 'forwarded', 'channelled', 'explained', 'settled', 'final', 'closed'],
  onCreate: { documents: ['petition_register'], clocksStart: ['petition.reply'] },
  transitions: [
    {
      from: 'registered',
      event: 'classify_as_suggestion',
      to: 'under_study',
      roles: OFFICERS,
      basis: '《信访工作条例》第二十九条',
    },
    { from: 'under_study', event: 'reply', to: 'replied', roles: OFFICERS, clocksStop: ['petition.reply'] },
    {
      from: 'registered',
      event: 'forward_accusation',
      to: 'forwarded',
      roles: OFFICERS,
      guard: (c) => requireText(c, 'receivingOrgan', '须写明有权处理的机关'),
      documents: ['transfer_slip'],
      clocksStop: ['petition.reply'],
      basis: '《信访工作条例》第三十条（检举控告材料不得透露、转给被检举控告人）',
    },
    {
      from: 'registered',
      event: 'channel',
      to: 'channelled',
      roles: OFFICERS,
      guard: (c) => requireText(c, 'channelTo', '须写明导入的法定途径'),
      documents: ['notification'],
      clocksStop: ['petition.reply'],
      basis: '《信访工作条例》第三十一条第（一）（二）（四）（五）项',
    },
    {
      from: 'registered',
      event: 'explain',
      to: 'explained',
      roles: OFFICERS,
      documents: ['explanation_record'],
      clocksStop: ['petition.reply'],
      basis: '《信访工作条例》第二十二条第二款',
    },
    {
      from: 'registered',
      event: 'accept',
      to: 'accepted',
      roles: OFFICERS,
      documents: ['petition_acceptance_notice'],
      clocksStop: ['petition.reply'],
      clocksStart: ['petition.handling'],
      basis: '《信访工作条例》第二十三条、第三十一条第（六）项',
    },
    {
      from: 'accepted',
      event: 'extend',
      to: 'accepted',
      roles: HEADS,
      guard: (c) =>
        all(
          requireText(c, 'extensionReason', '须告知信访人延期理由'),
          c.alreadyExtended === false ? null : '办理期限只能延长一次（不超过三十日）',
        ),
      documents: ['extension_notice'],
      clocksExtend: ['petition.handling'],
      basis: '《信访工作条例》第三十四条',
    },
    {
      from: 'accepted',
      event: 'settle',
      to: 'settled',
      roles: OFFICERS,
      guard: (c) => requireTrue(c, 'agreementSigned', '调解、和解协议须经双方签字'),
      documents: ['settlement_agreement'],
      clocksStop: ['petition.handling'],
      basis: '《信访工作条例》第三十三条',
    },
    {
      from: 'accepted',
      event: 'decide',
      to: 'decided',
      roles: OFFICERS,
      documents: ['petition_opinion'],
      clocksStop: ['petition.handling'],
      clocksStart: ['petition.review-request'],
      basis: '《信访工作条例》第三十二条、第三十四条',
    },
    {
      from: 'decided',
      event: 'request_review',
      to: 'under_review',
      roles: OFFICERS,
      guard: withinWindow,
      clocksStop: ['petition.review-request'],
      clocksStart: ['petition.review-reply'],
      basis: '《信访工作条例》第三十五条',
    },
    {
      from: 'under_review',
      event: 'issue_review',
      to: 'reviewed',
      roles: [...OFFICERS, ...HEADS],
      documents: ['review_opinion'],
      clocksStop: ['petition.review-reply'],
      clocksStart: ['petition.re-review-request'],
      basis: '《信访工作条例》第三十五条',
    },
    {
      from: 'reviewed',
      event: 'request_re_review',
      to: 'under_re_review',
      roles: OFFICERS,
      guard: withinWindow,
      clocksStop: ['petition.re-review-request'],
      clocksStart: ['petition.re-review-reply'],
      basis: '《信访工作条例》第三十六条',
    },
    {
      from: 'under_re_review',
      event: 'issue_re_review',
      to: 'final',
      roles: [...OFFICERS, ...HEADS],
      documents: ['re_review_opinion'],
      clocksStop: ['petition.re-review-reply'],
      basis: '《信访工作条例》第三十六条第三款（同一事实和理由不再受理）',
    },
    {
      from: ['decided', 'reviewed'],
      event: 'close',
      to: 'closed',
      roles: OFFICERS,
      guard: (c) =>
        requireNumber(c, 'daysSinceReplyReceived', (d) => d > 30, '信访人申请复查（复核）的期限尚未届满'),
      clocksStop: ['petition.review-request', 'petition.re-review-request'],
    },
    ...reportRows,
  ],
});
