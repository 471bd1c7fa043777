import { APPROVAL_FORMS } from './approvals';
import {
  chineseDate,
  dayAfter,
  evaluateStep,
  met,
  type ProcedureGuard,
  type StepVerdict,
  unmet,
} from './procedure';

/** What the inspection guards read (the proposed penalty's record, today, the T-I6 window). */
export interface InspectionSnapshot {
  today: string;
  /** Last day of the 5-working-day hearing-request window after the 行政处罚告知书 (T-I6); null when no notice. */
  hearingDeadline: string | null;
  /** The party asked for a hearing (recorded on the case). */
  hearingRequested: boolean;
  /** Date of the scheduled hearing, when one was set. */
  hearingDate: string | null;
  /** The hearing was held and its 听证笔录 recorded. */
  hearingHeld: boolean;
  /** Fine of the proposed decision, in fen. */
  fineFen: number;
  /** 法制审核 threshold (from `setting`), in fen, with its basis. */
  legalReviewMinFen: number;
  legalReviewBasis: string;
  /** Conclusion of the 法制审核, when one was recorded. */
  legalReview: 'approved' | 'rejected' | null;
  /** The inspection body requires the 立案审批 for this case (setting, approvals.ts). */
  filingApprovalRequired: boolean;
  /** A holder of the approving post approved the 立案审批 (or is the one taking the step). */
  filingApproved: boolean;
}

type G = ProcedureGuard<InspectionSnapshot>;

/** 1000000 fen → 10,000.00元 */
function yuan(fen: number): string {
  return `${(fen / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`;
}

const HEARING_BASIS = '《中华人民共和国行政处罚法》第六十三条、第六十四条第（一）项';

/** No decision while the party may still ask for a hearing (T-I6), unless the party already asked. */
const hearingWindowClosed: G = {
  id: 'inspection.hearing-window-closed',
  label: '要求听证的五个工作日期限已届满（当事人已要求听证的，依听证程序）',
  basis: HEARING_BASIS,
  check(s) {
    if (s.hearingRequested) return met(this.id);
    if (s.hearingDeadline === null) return unmet(this, '尚未送达行政处罚告知书（告知听证权利）', null);
    if (s.today > s.hearingDeadline) return met(this.id);
    const earliest = dayAfter(s.hearingDeadline);
    return unmet(
      this,
      `当事人要求听证的期限至${chineseDate(s.hearingDeadline)}届满，期限内不得作出行政处罚决定；最早可于${chineseDate(earliest)}作出`,
      earliest,
    );
  },
};

/** A requested hearing must be held (and recorded) before the decision. */
const requestedHearingHeld: G = {
  id: 'inspection.requested-hearing-held',
  label: '当事人要求听证的，已举行听证并记录听证笔录',
  basis: '《中华人民共和国行政处罚法》第六十四条、第六十五条',
  check(s) {
    if (!s.hearingRequested || s.hearingHeld) return met(this.id);
    const when = s.hearingDate && s.hearingDate >= s.today ? s.hearingDate : null;
    return unmet(
      this,
      when
        ? `当事人已要求听证，须于${chineseDate(when)}举行听证并记录听证笔录后方可作出决定`
        : '当事人已要求听证，须安排并举行听证、记录听证笔录后方可作出决定',
      when,
    );
  },
};

/** 法制审核 before decisions at or above the threshold; a rejected review blocks the decision. */
const legalReviewPassed: G = {
  id: 'inspection.legal-review',
  label: '达到法制审核标准的，已经法制审核并通过',
  basis: '《中华人民共和国行政处罚法》第五十八条',
  check(s) {
    if (s.legalReview === 'rejected')
      return {
        ...unmet(this, '法制审核未通过，不得作出行政处罚决定；补正后可重新提交法制审核', null),
        basis: s.legalReviewBasis,
      };
    if (s.fineFen < s.legalReviewMinFen || s.legalReview === 'approved') return met(this.id);
    return {
      ...unmet(
        this,
        `罚款数额达到法制审核标准（${yuan(s.legalReviewMinFen)}），作出决定前须经法制审核`,
        null,
      ),
      basis: s.legalReviewBasis,
    };
  },
};

/** 立案 waits for the 立案审批 by the 负责人 where the inspection body requires it (approvals.ts). */
const filingApproved: G = {
  id: 'inspection.filing-approved',
  label: '立案审批表已经负责人批准',
  basis: APPROVAL_FORMS.inspection_filing.basis,
  check(s) {
    if (!s.filingApprovalRequired || s.filingApproved) return met(this.id);
    return unmet(
      this,
      '本案立案须经劳动保障行政部门负责人审批，立案审批表尚未批准，不能立案；请先报请立案审批',
      null,
    );
  },
};

export const INSPECTION_GUARDS: Readonly<Record<string, G>> = Object.fromEntries(
  [filingApproved, hearingWindowClosed, requestedHearingHeld, legalReviewPassed].map((g) => [g.id, g]),
);

/** Step → legal preconditions of the inspection machine. */
export const INSPECTION_STEP_GUARDS: Readonly<Record<string, readonly string[]>> = {
  accept: ['inspection.filing-approved'],
  decide_penalty: [
    'inspection.hearing-window-closed',
    'inspection.requested-hearing-held',
    'inspection.legal-review',
  ],
};

export function inspectionStepVerdict(step: string, snapshot: InspectionSnapshot): StepVerdict {
  return evaluateStep(INSPECTION_GUARDS, INSPECTION_STEP_GUARDS, step, snapshot);
}
