import type { RoleCode } from '../access/roles';
import { defineMachine } from './engine';
import { all, requireNumber, requireText, requireTrue } from './guards';

export type InspectionContext = Readonly<{
  /** The act (or the end of a continuing act) is more than 2 years old (S3 Art. 20). */
  olderThanTwoYears?: boolean;
  /** The same claim is in, or belongs to, mediation/arbitration/litigation (S3 Art. 21 ¶2). */
  belongsToDisputeProcedure?: boolean;
  /** Where the complainant is told to go (S4 Art. 18 ¶4). */
  informTo?: string;
  missingItems?: readonly string[];
  correctionDeadlinePassed?: boolean;
  /** At least two inspectors, badges shown (S3 Art. 16). */
  inspectorCount?: number;
  alreadyExtended?: boolean;
  /** Violation minor and already corrected (S3 Art. 18(3)). */
  minorAndCorrected?: boolean;
  /** Investigation shows the alleged violation is not established (complaint untrue). */
  violationEstablished?: boolean;
  receivingAuthority?: string;
  /** The employer complied with the order by its deadline. */
  complied?: boolean;
  orderDeadlinePassed?: boolean;
}>;

const WINDOW: readonly RoleCode[] = ['intake_clerk', 'inspector'];
const INSPECTORS: readonly RoleCode[] = ['inspector'];
const APPROVERS: readonly RoleCode[] = ['inspector', 'leader'];
const HEAD: readonly RoleCode[] = ['leader'];

type State =
  | 'registered'
  | 'needs_correction'
  | 'not_accepted'
  | 'informed'
  | 'filed'
  | 'investigating'
  | 'pre_decision'
  | 'ordered'
  | 'penalized'
  | 'case_withdrawn'
  | 'investigation_ended'
  | 'transferred'
  | 'closed';

type Event =
  | 'reject'
  | 'request_materials'
  | 'materials_supplied'
  | 'correction_lapsed'
  | 'inform'
  | 'accept'
  | 'start_investigation'
  | 'extend_investigation'
  | 'order_correction'
  | 'propose_penalty'
  | 'decide_penalty'
  | 'withdraw_case'
  | 'end_investigation'
  | 'escalate_to_penalty'
  | 'transfer'
  | 'close';

/** Labor inspection (劳动保障监察), 《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》: complaint or report → acceptance → 立案 → investigation → decision. */
export const inspectionMachine = defineMachine<State, Event, InspectionContext>({
  track: 'inspection',
  states: {
    registered: '已登记',
    needs_correction: '待补正',
    not_accepted: '不予受理',
    informed: '已告知',
    filed: '已立案',
    investigating: '调查中',
    pre_decision: '已告知拟处罚',
    ordered: '已责令改正',
    penalized: '已行政处罚',
    case_withdrawn: '撤销立案',
    investigation_ended: '终结调查',
    transferred: '已移送',
    closed: '已结案',
  },
  events: {
    reject: '不予受理',
    request_materials: '告知补正',
    materials_supplied: '补正完成',
    correction_lapsed: '逾期未补正',
    inform: '告知去向',
    accept: '受理并立案',
    start_investigation: '开始调查',
    extend_investigation: '延长办案期限',
    order_correction: '责令改正',
    propose_penalty: '告知拟处罚',
    decide_penalty: '作出处罚决定',
    withdraw_case: '撤销立案',
    end_investigation: '终结调查',
    escalate_to_penalty: '逾期未改正，拟处罚',
    transfer: '移送',
    close: '结案',
  },
  // Steps that need the 负责人's approval and issue a 审批表 (issue #13): never a bare status change
  // through the generic transition route (409 CASE_EVENT_IS_ACT), only through their own forms.
  acts: {
    extend_investigation: '延长办案期限（延长办案期限审批表）',
    withdraw_case: '撤销立案（撤销立案审批表、撤销立案决定书）',
    end_investigation: '终结调查（撤销立案审批表、撤销立案决定书）',
    close: '结案（结案审批表）',
  },
  initial: 'registered',
  terminal: ['not_accepted', 'informed', 'transferred', 'closed'],
  onCreate: { documents: ['complaint_register'], clocksStart: ['inspection.acceptance'] },
  transitions: [
    {
      from: 'registered',
      event: 'reject',
      to: 'not_accepted',
      roles: APPROVERS,
      guard: (c) => requireTrue(c, 'olderThanTwoYears', '仅违法行为超过两年未被发现、投诉的，方可不予受理'),
      documents: ['rejection_notice'],
      clocksStop: ['inspection.acceptance'],
      basis: '《劳动保障监察条例》第二十条；《关于实施〈劳动保障监察条例〉若干规定》第十八条第二款',
    },
    {
      from: 'registered',
      event: 'request_materials',
      to: 'needs_correction',
      roles: WINDOW,
      guard: (c) =>
        Array.isArray(c.missingItems) && c.missingItems.length > 0 ? null : '须一次性列明需补正的内容',
      documents: ['request_for_materials_notice'],
      basis: '《关于实施〈劳动保障监察条例〉若干规定》第十八条第三款',
    },
    { from: 'needs_correction', event: 'materials_supplied', to: 'registered', roles: WINDOW },
    {
      from: 'needs_correction',
      event: 'correction_lapsed',
      to: 'not_accepted',
      roles: APPROVERS,
      guard: (c) => requireTrue(c, 'correctionDeadlinePassed', '补正期限尚未届满'),
      documents: ['rejection_notice'],
      clocksStop: ['inspection.acceptance'],
    },
    {
      from: 'registered',
      event: 'inform',
      to: 'informed',
      roles: WINDOW,
      guard: (c) => requireText(c, 'informTo', '须写明告知前往的机构或程序'),
      documents: ['notification'],
      clocksStop: ['inspection.acceptance'],
      basis: '《劳动保障监察条例》第二十一条第二款；《关于实施〈劳动保障监察条例〉若干规定》第十八条第四款',
    },
    {
      from: 'registered',
      event: 'accept',
      to: 'filed',
      roles: APPROVERS,
      guard: (c) =>
        all(
          c.olderThanTwoYears === false ? null : '须先核实违法行为未超过两年',
          c.belongsToDisputeProcedure === false
            ? null
            : '属于或已进入调解、仲裁、诉讼程序的事项，应告知当事人依该程序处理',
        ),
      documents: ['filing_approval_form'],
      clocksStop: ['inspection.acceptance'],
      clocksStart: ['inspection.investigation'],
      basis:
        '《劳动保障监察条例》第十四条；《关于实施〈劳动保障监察条例〉若干规定》第十八条第一款（受理当日立案）',
    },
    {
      from: 'filed',
      event: 'start_investigation',
      to: 'investigating',
      roles: INSPECTORS,
      guard: (c) => requireNumber(c, 'inspectorCount', (n) => n >= 2, '调查须由两名以上监察员进行'),
      documents: ['inquiry_notice', 'inquiry_record', 'onsite_record'],
      basis: '《劳动保障监察条例》第十五条、第十六条',
    },
    {
      from: 'investigating',
      event: 'extend_investigation',
      to: 'investigating',
      roles: HEAD,
      guard: (c) => (c.alreadyExtended === false ? null : '办案期限只能延长一次（三十个工作日）'),
      documents: ['inspection_extension_approval'],
      clocksExtend: ['inspection.investigation'],
      basis: '《劳动保障监察条例》第十七条',
    },
    {
      from: 'investigating',
      event: 'order_correction',
      to: 'ordered',
      roles: APPROVERS,
      documents: ['order_to_correct'],
      basis: '《劳动保障监察条例》第十八条第一款第（二）项、第二十六条',
    },
    {
      from: 'investigating',
      event: 'propose_penalty',
      to: 'pre_decision',
      roles: APPROVERS,
      documents: ['penalty_notice'],
      basis: '《劳动保障监察条例》第十九条；《行政处罚法》第四十四条、第六十三条、第六十四条',
    },
    {
      from: 'pre_decision',
      event: 'decide_penalty',
      to: 'penalized',
      roles: HEAD,
      // The party's rights to be heard (hearing window, requested hearing held) and the 法制审核 are
      // procedure guards (inspection.guards.ts), checked on the case record, not on the caller's word.
      documents: ['penalty_decision'],
      clocksStop: ['inspection.investigation'],
      basis: '《劳动保障监察条例》第十八条第一款第（一）项；《行政处罚法》第五十九条',
    },
    {
      from: ['investigating', 'pre_decision'],
      event: 'withdraw_case',
      to: 'case_withdrawn',
      roles: APPROVERS,
      guard: (c) => requireTrue(c, 'minorAndCorrected', '违法行为须情节轻微且已改正'),
      documents: ['inspection_revocation_approval', 'case_withdrawal'],
      clocksStop: ['inspection.investigation'],
      basis: '《劳动保障监察条例》第十八条第一款第（三）项',
    },
    {
      from: 'investigating',
      event: 'end_investigation',
      to: 'investigation_ended',
      roles: APPROVERS,
      guard: (c) => (c.violationEstablished === false ? null : '须经调查认定投诉举报内容不实'),
      documents: ['investigation_end_approval'],
      clocksStop: ['inspection.investigation'],
      basis: '《关于实施〈劳动保障监察条例〉若干规定》第三十五条；随人社函〔2023〕36号',
    },
    {
      from: 'ordered',
      event: 'escalate_to_penalty',
      to: 'pre_decision',
      roles: APPROVERS,
      guard: (c) =>
        all(
          requireTrue(c, 'orderDeadlinePassed', '改正期限尚未届满'),
          c.complied === false ? null : '用人单位已按期改正',
        ),
      documents: ['penalty_notice'],
      basis: '《劳动保障监察条例》第二十六条、第三十条第一款第（三）项',
    },
    {
      from: ['registered', 'filed', 'investigating', 'ordered'],
      event: 'transfer',
      to: 'transferred',
      roles: APPROVERS,
      guard: (c) => requireText(c, 'receivingAuthority', '须写明受移送机关'),
      documents: ['case_transfer_letter'],
      clocksStop: ['inspection.acceptance', 'inspection.investigation'],
      basis: '《劳动保障监察条例》第十八条第二款；最高法拒不支付劳动报酬刑事案件解释第四条',
    },
    {
      from: 'ordered',
      event: 'close',
      to: 'closed',
      roles: APPROVERS,
      guard: (c) => requireTrue(c, 'complied', '用人单位尚未按期改正'),
      documents: ['inspection_closing_approval', 'inspection_result_notice'],
      clocksStop: ['inspection.investigation'],
      basis: '《保障农民工工资支付条例》第十条第三款（告知投诉人处理结果）',
    },
    {
      from: ['penalized', 'case_withdrawn', 'investigation_ended'],
      event: 'close',
      to: 'closed',
      roles: APPROVERS,
      documents: ['inspection_closing_approval', 'inspection_result_notice'],
      basis: '《保障农民工工资支付条例》第十条第三款（告知投诉人处理结果）',
    },
  ],
});
