import type { RoleCode } from '../access/roles';
import { defineMachine } from './engine';
import { all, requireNumber, requireText, requireTrue } from './guards';

export type LegalAidContext = Readonly<{
  /** Matter listed in 法律援助法第三十一条 (or another statutory basis). */
  subjectMatterEligible?: boolean;
  /** Economic hardship shown (Art. 41) … */
  economicHardship?: boolean;
  /** … or exempt from the means test (Art. 42, e.g. migrant worker claiming wages or injury damages). */
  meansTestExempt?: boolean;
  missingItems?: readonly string[];
  supplementDeadlinePassed?: boolean;
  refusalReason?: string;
  /** Days left before a limitation or time limit (Art. 44: ≤7 → provide first). */
  daysToDeadline?: number;
  /** Preservation or advance execution is urgently needed (Art. 44). */
  urgentMeasureNeeded?: boolean;
  terminationGround?: string;
}>;

const LIAISON: readonly RoleCode[] = ['legal_aid_liaison'];
const DECIDERS: readonly RoleCode[] = ['legal_aid_liaison', 'leader'];

const eligible = (c: LegalAidContext) =>
  all(
    requireTrue(c, 'subjectMatterEligible', '申请事项不属于法律援助范围'),
    c.economicHardship === true || c.meansTestExempt === true
      ? null
      : '未核实经济困难状况，且不属于免予核查的情形',
  );

/** Legal aid (法律援助), 《法律援助法》: application, one-time supplement list, urgent provisional aid, decision, service. */
export const legalAidMachine = defineMachine<
  | 'applied'
  | 'needs_supplement'
  | 'deemed_withdrawn'
  | 'refused'
  | 'provisional_aid'
  | 'granted'
  | 'in_service'
  | 'terminated'
  | 'closed',
  | 'request_supplement'
  | 'supplied'
  | 'supplement_lapsed'
  | 'refuse'
  | 'provide_urgent_aid'
  | 'grant'
  | 'confirm'
  | 'assign_lawyer'
  | 'terminate'
  | 'close',
  LegalAidContext
>({
  track: 'legal_aid',
  states: {
    applied: '已申请（审查中）',
    needs_supplement: '待补充材料',
    deemed_withdrawn: '视为撤回申请',
    refused: '不予援助',
    provisional_aid: '先行援助',
    granted: '决定给予援助',
    in_service: '援助服务中',
    terminated: '终止援助',
    closed: '已结案',
  },
  events: {
    request_supplement: '一次性告知补充材料',
    supplied: '补充完成',
    supplement_lapsed: '逾期未补充',
    refuse: '决定不予援助',
    provide_urgent_aid: '先行提供援助',
    grant: '决定给予援助',
    confirm: '补办手续后确认援助',
    assign_lawyer: '指派律师',
    terminate: '终止援助',
    close: '结案',
  },
  initial: 'applied',
  terminal: ['deemed_withdrawn', 'refused', 'terminated', 'closed'],
  onCreate: { documents: ['legal_aid_application'], clocksStart: ['legal-aid.decision'] },
  transitions: [
    {
      from: 'applied',
      event: 'request_supplement',
      to: 'needs_supplement',
      roles: LIAISON,
      guard: (c) =>
        Array.isArray(c.missingItems) && c.missingItems.length > 0 ? null : '须一次性告知需补充的全部材料',
      documents: ['supplement_notice'],
      clocksPause: ['legal-aid.decision'],
      basis: '《法律援助法》第四十三条第二款',
    },
    {
      from: 'needs_supplement',
      event: 'supplied',
      to: 'applied',
      roles: LIAISON,
      clocksResume: ['legal-aid.decision'],
    },
    {
      from: 'needs_supplement',
      event: 'supplement_lapsed',
      to: 'deemed_withdrawn',
      roles: LIAISON,
      guard: (c) => requireTrue(c, 'supplementDeadlinePassed', '补充期限尚未届满'),
      clocksStop: ['legal-aid.decision'],
      basis: '《法律援助法》第四十三条第二款',
    },
    {
      from: 'applied',
      event: 'refuse',
      to: 'refused',
      roles: DECIDERS,
      guard: (c) => requireText(c, 'refusalReason', '不予援助须书面说明理由'),
      documents: ['legal_aid_refusal'],
      clocksStop: ['legal-aid.decision'],
      basis: '《法律援助法》第四十三条',
    },
    {
      from: 'applied',
      event: 'provide_urgent_aid',
      to: 'provisional_aid',
      roles: DECIDERS,
      guard: (c) =>
        c.urgentMeasureNeeded === true
          ? null
          : requireNumber(
              c,
              'daysToDeadline',
              (d) => d >= 0 && d <= 7,
              '距期限届满超过七日且无需紧急保全或先予执行',
            ),
      documents: ['assignment_notice'],
      clocksStop: ['legal-aid.decision'],
      basis: '《法律援助法》第四十四条',
    },
    {
      from: 'applied',
      event: 'grant',
      to: 'granted',
      roles: DECIDERS,
      guard: eligible,
      documents: ['legal_aid_decision'],
      clocksStop: ['legal-aid.decision'],
      clocksStart: ['legal-aid.assignment'],
      basis: '《法律援助法》第三十一条、第四十一条、第四十二条、第四十三条',
    },
    {
      from: 'provisional_aid',
      event: 'confirm',
      to: 'in_service',
      roles: DECIDERS,
      guard: eligible,
      documents: ['legal_aid_decision'],
      basis: '《法律援助法》第四十四条（事后补办手续）',
    },
    {
      from: 'granted',
      event: 'assign_lawyer',
      to: 'in_service',
      roles: LIAISON,
      documents: ['assignment_notice'],
      clocksStop: ['legal-aid.assignment'],
      basis: '《法律援助法》第四十三条（决定之日起三日内指派）',
    },
    {
      from: ['provisional_aid', 'in_service'],
      event: 'terminate',
      to: 'terminated',
      roles: DECIDERS,
      guard: (c) => requireText(c, 'terminationGround', '须写明终止援助的法定情形'),
      documents: ['legal_aid_termination'],
      basis: '《法律援助法》第四十八条',
    },
    {
      from: 'in_service',
      event: 'close',
      to: 'closed',
      roles: LIAISON,
      documents: ['legal_aid_closing_report'],
    },
  ],
});
