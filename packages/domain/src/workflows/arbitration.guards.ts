import type { ArbitrationEvent } from './arbitration.context';
import { APPROVAL_FORMS, FILING_APPROVAL_BASIS } from './approvals';
import { addDays } from '../calendar/date';
import {
  chineseDate,
  dayAfter,
  evaluateStep,
  met,
  type ProcedureGuard,
  type StepVerdict,
  unmet,
} from './procedure';

/**
 * What the arbitration guards read: facts from the case record, today (business time zone) and the
 * due dates the clock engine computed. Dates are 'YYYY-MM-DD'.
 */
export interface ArbitrationSnapshot {
  today: string;
  /** Last day of the respondent's defence period (T-A7 clock due date); null when it never started. */
  defenceDueDate: string | null;
  /** The respondent waived (the rest of) the defence period in writing (recorded on the case). */
  defenceWaived: boolean;
  /** Last day of the evidence period (举证期限) where one was set; null when none was set. */
  evidenceDueDate: string | null;
  /** Both parties waived (the rest of) the evidence period in writing (recorded on the case). */
  evidenceWaived: boolean;
  /** Date of the case's current hearing (scheduled or held, not cancelled); null when none. */
  hearingDate: string | null;
  /** The date a scheduling step would set (scheduling and postponement only). */
  proposedHearingDate?: string | null;
  /** A hearing was held and its record (庭审笔录) entered. */
  hearingHeld: boolean;
  /** The written hearing notice is proven served on the applicant (signed, left on refusal, opened). */
  hearingNoticeServedToApplicant: boolean;
  /** The commission requires the 立案审批 for this case (per jurisdiction policy, approvals.ts). */
  filingApprovalRequired: boolean;
  /** A holder of the approving post approved the 立案审批 (approval form arbitration_filing). */
  filingApproved: boolean;
  /** A holder of the approving post approved the 结案审批 (approval form arbitration_closing). */
  closingApproved: boolean;
}

type G = ProcedureGuard<ArbitrationSnapshot>;

const DEFENCE_BASIS =
  '《劳动争议调解仲裁法》第三十条第二款；《劳动人事争议仲裁办案规则》第五十八条（经被申请人同意可以缩短或者取消答辩期）';
const EVIDENCE_BASIS = '《劳动人事争议仲裁办案规则》第十五条（举证期限）';
const HEARING_BASIS = '《劳动争议调解仲裁法》第三十五条、第三十九条';

/** The hearing date must fall after the defence period unless the respondent waived it in writing. */
const hearingAfterDefence: G = {
  id: 'arbitration.hearing-after-defence-period',
  label: '开庭日期须在答辩期届满之后（被申请人书面放弃的除外）',
  basis: DEFENCE_BASIS,
  check(s) {
    const date = s.proposedHearingDate;
    if (!date) return unmet(this, '须指定开庭日期', null);
    if (s.defenceWaived) return met(this.id);
    if (s.defenceDueDate === null)
      return unmet(this, '被申请人答辩期尚未起算（须先向被申请人送达仲裁申请书副本），不能安排开庭', null);
    if (date > s.defenceDueDate) return met(this.id);
    const earliest = dayAfter(s.defenceDueDate);
    return unmet(
      this,
      `被申请人答辩期至${chineseDate(s.defenceDueDate)}届满，开庭日期不得早于${chineseDate(earliest)}；被申请人书面放弃答辩期的除外`,
      earliest,
    );
  },
};

/** Days the written hearing notice must precede the hearing (调解仲裁法第三十五条; 办案规则第三十八条). */
export const HEARING_NOTICE_DAYS = 5;

/** A hearing (or a new date after postponement or adjournment) at least five days after its notice. */
const hearingNoticePeriod: G = {
  id: 'arbitration.hearing-notice-period',
  label: '开庭通知须在开庭五日前送达双方当事人',
  basis: '《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第三十八条',
  check(s) {
    const date = s.proposedHearingDate;
    const earliest = addDays(s.today, HEARING_NOTICE_DAYS);
    if (!date || date >= earliest) return met(this.id);
    return unmet(
      this,
      `开庭通知须在开庭五日前书面送达双方当事人，今日通知的，开庭日期不得早于${chineseDate(earliest)}`,
      earliest,
    );
  },
};

/** The hearing date must fall after the evidence period, where one is set, unless waived in writing. */
const hearingAfterEvidence: G = {
  id: 'arbitration.hearing-after-evidence-period',
  label: '开庭日期须在举证期限届满之后（当事人书面放弃的除外）',
  basis: EVIDENCE_BASIS,
  check(s) {
    const date = s.proposedHearingDate;
    if (s.evidenceWaived || !date || s.evidenceDueDate === null || date > s.evidenceDueDate)
      return met(this.id);
    const earliest = dayAfter(s.evidenceDueDate);
    return unmet(
      this,
      `举证期限至${chineseDate(s.evidenceDueDate)}届满，开庭日期不得早于${chineseDate(earliest)}；当事人书面放弃举证期限的除外`,
      earliest,
    );
  },
};

/** Nothing is decided while the respondent may still answer (an award or 调解书 before T-A7 ends). */
const defencePeriodOver: G = {
  id: 'arbitration.defence-period-over',
  label: '答辩期已届满（被申请人书面放弃的除外）',
  basis: DEFENCE_BASIS,
  check(s) {
    if (s.defenceWaived) return met(this.id);
    if (s.defenceDueDate === null)
      return unmet(this, '被申请人答辩期尚未起算（尚未送达仲裁申请书副本）', null);
    if (s.today > s.defenceDueDate) return met(this.id);
    const earliest = dayAfter(s.defenceDueDate);
    return unmet(
      this,
      `被申请人答辩期至${chineseDate(s.defenceDueDate)}届满，此前不得审理终结；最早可于${chineseDate(earliest)}办理`,
      earliest,
    );
  },
};

/** The hearing date has come (no hearing record, award, 调解书 or 按撤回 before it). */
const hearingDateReached: G = {
  id: 'arbitration.hearing-date-reached',
  label: '开庭日期已到',
  basis: HEARING_BASIS,
  check(s) {
    if (s.hearingDate === null) return unmet(this, '尚未安排开庭', null);
    if (s.today >= s.hearingDate) return met(this.id);
    return unmet(
      this,
      `开庭日期为${chineseDate(s.hearingDate)}，开庭日之前不得办理；最早可于${chineseDate(s.hearingDate)}办理`,
      s.hearingDate,
    );
  },
};

/** The hearing was held and recorded (庭审笔录) before an award or a 调解书. */
const hearingHeld: G = {
  id: 'arbitration.hearing-held',
  label: '已开庭审理并记录庭审笔录',
  basis: '《劳动争议调解仲裁法》第三十九条、第四十条',
  check(s) {
    if (s.hearingHeld) return met(this.id);
    return unmet(
      this,
      '尚未开庭审理并记录庭审笔录',
      s.hearingDate && s.hearingDate > s.today ? s.hearingDate : null,
    );
  },
};

/** 按撤回处理 needs proof the written notice reached the applicant (K-12). */
const noticeServedToApplicant: G = {
  id: 'arbitration.hearing-notice-served',
  label: '开庭通知书已证明送达申请人',
  basis: '《劳动争议调解仲裁法》第三十六条；《劳动人事争议仲裁办案规则》第三十九条',
  check(s) {
    if (s.hearingNoticeServedToApplicant) return met(this.id);
    return unmet(
      this,
      '未能证明书面开庭通知已送达申请人（须有签收、留置送达或电子送达打开记录），不得按撤回处理',
      null,
    );
  },
};

/** Acceptance waits for the 立案审批 where the commission requires one (approval forms, approvals.ts). */
const filingApproved: G = {
  id: 'arbitration.filing-approved',
  label: '立案审批已经批准（仲裁委员会要求立案审批的案件）',
  basis: `${FILING_APPROVAL_BASIS}；${APPROVAL_FORMS.arbitration_filing.basis}`,
  check(s) {
    if (!s.filingApprovalRequired || s.filingApproved) return met(this.id);
    return unmet(this, '本案须经立案审批，立案审批表尚未经负责人批准，不能受理；请先报请立案审批', null);
  },
};

/** Closing waits for the 结案审批 (approval forms, approvals.ts). */
const closingApproved: G = {
  id: 'arbitration.closing-approved',
  label: '结案审批已经批准',
  basis: APPROVAL_FORMS.arbitration_closing.basis,
  check(s) {
    if (s.closingApproved) return met(this.id);
    return unmet(this, '结案审批表尚未经负责人批准，不能结案；请先报请结案审批', null);
  },
};

export const ARBITRATION_GUARDS: Readonly<Record<string, G>> = Object.fromEntries(
  [
    filingApproved,
    closingApproved,
    hearingNoticePeriod,
    hearingAfterDefence,
    hearingAfterEvidence,
    defencePeriodOver,
    hearingDateReached,
    hearingHeld,
    noticeServedToApplicant,
  ].map((g) => [g.id, g]),
);

/**
 * Step → legal preconditions (checked in the step's transaction and shown on the case page).
 * A postponement requested later than 3 days before the hearing is the commission's decision, not
 * forbidden (调解仲裁法第三十五条), so `postpone` only has the new date's guards.
 */
export const ARBITRATION_STEP_GUARDS: Readonly<
  Partial<Record<ArbitrationEvent | 'record_hearing', readonly string[]>>
> = {
  accept: ['arbitration.filing-approved'],
  close: ['arbitration.closing-approved'],
  schedule_hearing: [
    'arbitration.hearing-notice-period',
    'arbitration.hearing-after-defence-period',
    'arbitration.hearing-after-evidence-period',
  ],
  adjourn: [
    'arbitration.hearing-notice-period',
    'arbitration.hearing-after-defence-period',
    'arbitration.hearing-after-evidence-period',
  ],
  postpone: [
    'arbitration.hearing-notice-period',
    'arbitration.hearing-after-defence-period',
    'arbitration.hearing-after-evidence-period',
  ],
  hold_hearing: ['arbitration.hearing-date-reached'],
  /** A 庭审笔录 entered on its own (records route) is a hearing record too. */
  record_hearing: ['arbitration.hearing-date-reached'],
  applicant_no_show: ['arbitration.hearing-date-reached', 'arbitration.hearing-notice-served'],
  partial_award: [
    'arbitration.defence-period-over',
    'arbitration.hearing-date-reached',
    'arbitration.hearing-held',
  ],
  mediate: [
    'arbitration.defence-period-over',
    'arbitration.hearing-date-reached',
    'arbitration.hearing-held',
  ],
  award: ['arbitration.defence-period-over', 'arbitration.hearing-date-reached', 'arbitration.hearing-held'],
};

export function arbitrationStepVerdict(step: string, snapshot: ArbitrationSnapshot): StepVerdict {
  return evaluateStep(ARBITRATION_GUARDS, ARBITRATION_STEP_GUARDS, step, snapshot);
}
