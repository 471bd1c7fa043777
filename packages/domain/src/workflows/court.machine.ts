import type { RoleCode } from '../access/roles';
import { defineMachine } from './engine';

/** States of a court-docking record (诉调对接). */
export type DockingState =
  | 'referred_in'
  | 'mediating'
  | 'agreed'
  | 'returned_to_court'
  | 'conf_applied'
  | 'confirmed'
  | 'rejected';

export type CourtContext = Readonly<{
  agreementTerms?: string;
  returnedReason?: string;
  /** Days since the mediation agreement took effect (30-day window, T-M5). */
  daysSinceEffective?: number;
  rulingNo?: string;
}>;

const COURT: readonly RoleCode[] = ['court_liaison'];
const MEDIATORS: readonly RoleCode[] = ['mediator', 'union_liaison'];

export type CourtDockingEvent =
  | 'start_mediation'
  | 'agree'
  | 'return_to_court'
  | 'apply_confirmation'
  | 'confirm'
  | 'reject';

const text = (v: unknown, reason: string) => (typeof v === 'string' && v.trim() ? null : reason);

/**
 * Court docking desk (诉调对接, 法〔2020〕55号): (a) court-entrusted mediation by the center's mediators,
 * back to court on failure; (b) judicial confirmation of a mediation agreement, applied for within 30
 * days of its effect (《民事诉讼法》第二百零五条；《人民调解法》第三十三条), the court's ruling recorded
 * by the court liaison (第二百零六条).
 */
export const courtDockingMachine = defineMachine<DockingState, CourtDockingEvent, CourtContext>({
  track: 'court',
  states: {
    referred_in: '法院委派（待调解）',
    mediating: '调解中',
    agreed: '已达成调解协议',
    returned_to_court: '调解不成，退回法院',
    conf_applied: '已申请司法确认',
    confirmed: '司法确认有效',
    rejected: '司法确认驳回',
  },
  events: {
    start_mediation: '开始调解',
    agree: '达成调解协议',
    return_to_court: '退回法院',
    apply_confirmation: '申请司法确认',
    confirm: '裁定确认有效',
    reject: '裁定驳回申请',
  },
  initial: 'referred_in',
  terminal: ['returned_to_court', 'confirmed', 'rejected'],
  transitions: [
    {
      from: 'referred_in',
      event: 'start_mediation',
      to: 'mediating',
      roles: MEDIATORS,
      basis: '《民事诉讼法》第一百二十五条',
    },
    {
      from: 'mediating',
      event: 'agree',
      to: 'agreed',
      roles: MEDIATORS,
      guard: (c) => text(c.agreementTerms, '须写明调解协议内容'),
      documents: ['mediation_agreement'],
      clocksStart: ['mediation.judicial-confirmation-filing'],
      basis: '《人民调解法》第二十八条至第三十一条',
    },
    {
      from: ['referred_in', 'mediating'],
      event: 'return_to_court',
      to: 'returned_to_court',
      roles: [...MEDIATORS, ...COURT],
      guard: (c) => text(c.returnedReason, '须写明退回法院的理由'),
    },
    {
      from: 'agreed',
      event: 'apply_confirmation',
      to: 'conf_applied',
      roles: [...MEDIATORS, ...COURT],
      guard: (c) =>
        typeof c.daysSinceEffective === 'number' && c.daysSinceEffective >= 0 && c.daysSinceEffective <= 30
          ? null
          : '须自调解协议生效之日起三十日内共同申请司法确认',
      clocksStop: ['mediation.judicial-confirmation-filing'],
      basis: '《民事诉讼法》第二百零五条；《人民调解法》第三十三条',
    },
    {
      from: 'conf_applied',
      event: 'confirm',
      to: 'confirmed',
      roles: COURT,
      guard: (c) => text(c.rulingNo, '须填写人民法院裁定书文号'),
      basis: '《民事诉讼法》第二百零六条',
    },
    {
      from: 'conf_applied',
      event: 'reject',
      to: 'rejected',
      roles: COURT,
      guard: (c) => text(c.rulingNo, '须填写人民法院裁定书文号'),
      basis: '《民事诉讼法》第二百零六条',
    },
  ],
});
