import { describe, expect, it } from 'vitest';
import { ARBITRATION_GUARDS, type ArbitrationSnapshot, arbitrationStepVerdict } from './arbitration.guards';
import { INSPECTION_GUARDS, type InspectionSnapshot, inspectionStepVerdict } from './inspection.guards';
import { arbitrationMachine } from './arbitration.machine';
import { chineseDate } from './procedure';

const arb = (over: Partial<ArbitrationSnapshot> = {}): ArbitrationSnapshot => ({
  today: '2026-12-07',
  defenceDueDate: '2026-12-18',
  defenceWaived: false,
  evidenceDueDate: '2026-12-21',
  evidenceWaived: false,
  hearingDate: '2026-12-28',
  hearingHeld: false,
  hearingNoticeServedToApplicant: false,
  filingApprovalRequired: false,
  filingApproved: false,
  closingApproved: false,
  ...over,
});
const DEFENCE_BASIS =
  '《劳动争议调解仲裁法》第三十条第二款；《劳动人事争议仲裁办案规则》第五十八条（经被申请人同意可以缩短或者取消答辩期）';
const check = (id: string, s: ArbitrationSnapshot) => ARBITRATION_GUARDS[id]!.check(s);

describe('chineseDate', () => {
  it('writes the date the Chinese way without leading zeros', () => {
    expect(chineseDate('2026-12-07')).toBe('2026年12月7日');
    expect(chineseDate('2027-01-01')).toBe('2027年1月1日');
  });
});

describe('arbitration guards', () => {
  it('hearing after the defence period: the earliest date is the day after its last day', () => {
    expect(
      check('arbitration.hearing-after-defence-period', arb({ proposedHearingDate: '2026-12-18' })),
    ).toEqual({
      met: false,
      guard: 'arbitration.hearing-after-defence-period',
      message:
        '被申请人答辩期至2026年12月18日届满，开庭日期不得早于2026年12月19日；被申请人书面放弃答辩期的除外',
      earliestDate: '2026-12-19',
      basis: DEFENCE_BASIS,
    });
    expect(
      check('arbitration.hearing-after-defence-period', arb({ proposedHearingDate: '2026-12-19' })).met,
    ).toBe(true);
  });

  it('hearing after the defence period: a written waiver lifts it; an unserved case cannot schedule', () => {
    const waived = arb({ proposedHearingDate: '2026-12-10', defenceWaived: true });
    expect(check('arbitration.hearing-after-defence-period', waived).met).toBe(true);
    const r = check(
      'arbitration.hearing-after-defence-period',
      arb({ proposedHearingDate: '2026-12-30', defenceDueDate: null }),
    );
    expect(r).toMatchObject({ met: false, earliestDate: null });
    expect(check('arbitration.hearing-after-defence-period', arb())).toMatchObject({
      met: false,
      message: '须指定开庭日期',
    });
  });

  it('hearing after the evidence period, where one is set', () => {
    expect(
      check('arbitration.hearing-after-evidence-period', arb({ proposedHearingDate: '2026-12-21' })),
    ).toEqual({
      met: false,
      guard: 'arbitration.hearing-after-evidence-period',
      message: '举证期限至2026年12月21日届满，开庭日期不得早于2026年12月22日；当事人书面放弃举证期限的除外',
      earliestDate: '2026-12-22',
      basis: '《劳动人事争议仲裁办案规则》第十五条（举证期限）',
    });
    expect(
      check('arbitration.hearing-after-evidence-period', arb({ proposedHearingDate: '2026-12-22' })).met,
    ).toBe(true);
    const none = arb({ proposedHearingDate: '2026-12-10', evidenceDueDate: null });
    expect(check('arbitration.hearing-after-evidence-period', none).met).toBe(true);
    const waived = arb({ proposedHearingDate: '2026-12-10', evidenceWaived: true });
    expect(check('arbitration.hearing-after-evidence-period', waived).met).toBe(true);
  });

  it('defence period over: nothing is decided before it ends', () => {
    expect(check('arbitration.defence-period-over', arb())).toEqual({
      met: false,
      guard: 'arbitration.defence-period-over',
      message: '被申请人答辩期至2026年12月18日届满，此前不得审理终结；最早可于2026年12月19日办理',
      earliestDate: '2026-12-19',
      basis: DEFENCE_BASIS,
    });
    expect(check('arbitration.defence-period-over', arb({ today: '2026-12-19' })).met).toBe(true);
    expect(check('arbitration.defence-period-over', arb({ defenceWaived: true })).met).toBe(true);
  });

  it('hearing date reached: earliest date is the hearing date', () => {
    expect(check('arbitration.hearing-date-reached', arb())).toEqual({
      met: false,
      guard: 'arbitration.hearing-date-reached',
      message: '开庭日期为2026年12月28日，开庭日之前不得办理；最早可于2026年12月28日办理',
      earliestDate: '2026-12-28',
      basis: '《劳动争议调解仲裁法》第三十五条、第三十九条',
    });
    expect(check('arbitration.hearing-date-reached', arb({ today: '2026-12-28' })).met).toBe(true);
    expect(check('arbitration.hearing-date-reached', arb({ hearingDate: null }))).toMatchObject({
      met: false,
      message: '尚未安排开庭',
      earliestDate: null,
    });
  });

  it('hearing held', () => {
    expect(check('arbitration.hearing-held', arb())).toEqual({
      met: false,
      guard: 'arbitration.hearing-held',
      message: '尚未开庭审理并记录庭审笔录',
      earliestDate: '2026-12-28',
      basis: '《劳动争议调解仲裁法》第三十九条、第四十条',
    });
    expect(check('arbitration.hearing-held', arb({ hearingHeld: true })).met).toBe(true);
  });

  it('hearing notice proven served on the applicant', () => {
    expect(check('arbitration.hearing-notice-served', arb())).toMatchObject({
      met: false,
      earliestDate: null,
    });
    expect(
      check('arbitration.hearing-notice-served', arb({ hearingNoticeServedToApplicant: true })).met,
    ).toBe(true);
  });

  it('an award before the hearing lists every unmet condition, first the defence period', () => {
    const v = arbitrationStepVerdict('award', arb());
    expect(v.allowed).toBe(false);
    expect(v.unmet.map((u) => [u.guard, u.earliestDate])).toEqual([
      ['arbitration.defence-period-over', '2026-12-19'],
      ['arbitration.hearing-date-reached', '2026-12-28'],
      ['arbitration.hearing-held', '2026-12-28'],
    ]);
    const after = arbitrationStepVerdict('award', arb({ today: '2026-12-28', hearingHeld: true }));
    expect(after).toEqual({ allowed: true, unmet: [] });
  });

  it('every step the table names is an event of the machine, every guard id is declared', () => {
    const verdict = arbitrationStepVerdict('accept', arb());
    expect(verdict).toEqual({ allowed: true, unmet: [] });
    for (const step of [
      'schedule_hearing',
      'hold_hearing',
      'applicant_no_show',
      'mediate',
      'award',
      'partial_award',
    ])
      expect(arbitrationMachine.eventList).toContain(step);
  });
});

const insp = (over: Partial<InspectionSnapshot> = {}): InspectionSnapshot => ({
  today: '2026-12-07',
  hearingDeadline: '2026-12-14',
  hearingRequested: false,
  hearingDate: null,
  hearingHeld: false,
  fineFen: 500_000,
  legalReviewMinFen: 1_000_000,
  legalReviewBasis: '《中华人民共和国行政处罚法》第五十八条',
  legalReview: null,
  filingApprovalRequired: false,
  filingApproved: false,
  ...over,
});
const icheck = (id: string, s: InspectionSnapshot) => INSPECTION_GUARDS[id]!.check(s);

describe('hearing notice period (调解仲裁法第三十五条; 办案规则第三十八条)', () => {
  it('a hearing is set at least five days after today, the day of the notice', () => {
    expect(
      check(
        'arbitration.hearing-notice-period',
        arb({ defenceWaived: true, proposedHearingDate: '2026-12-11' }),
      ),
    ).toEqual({
      met: false,
      guard: 'arbitration.hearing-notice-period',
      message: '开庭通知须在开庭五日前书面送达双方当事人，今日通知的，开庭日期不得早于2026年12月12日',
      earliestDate: '2026-12-12',
      basis: '《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第三十八条',
    });
    expect(check('arbitration.hearing-notice-period', arb({ proposedHearingDate: '2026-12-12' })).met).toBe(
      true,
    );
    for (const step of ['schedule_hearing', 'adjourn', 'postpone']) {
      expect(
        arbitrationStepVerdict(
          step,
          arb({ defenceWaived: true, evidenceWaived: true, proposedHearingDate: '2026-12-08' }),
        ).unmet.map((u) => u.guard),
      ).toEqual(['arbitration.hearing-notice-period']);
    }
  });
});

describe('approval guards (approval forms gate the act)', () => {
  const FILING =
    '《劳动人事争议仲裁办案规则》第三十条；《劳动争议调解仲裁法》第七条、第十九条（仲裁委员会决定受理集体劳动争议）；《劳动人事争议仲裁办案规则》第三十条、第三十一条；仲裁文书样式 立案（组庭）审批表';
  it('acceptance waits for the filing approval only where the commission requires one', () => {
    expect(arbitrationStepVerdict('accept', arb()).allowed).toBe(true);
    expect(arbitrationStepVerdict('accept', arb({ filingApprovalRequired: true }))).toEqual({
      allowed: false,
      unmet: [
        {
          guard: 'arbitration.filing-approved',
          message: '本案须经立案审批，立案审批表尚未经负责人批准，不能受理；请先报请立案审批',
          earliestDate: null,
          basis: FILING,
        },
      ],
    });
    expect(
      arbitrationStepVerdict('accept', arb({ filingApprovalRequired: true, filingApproved: true })).allowed,
    ).toBe(true);
  });
  it('closing waits for the closing approval', () => {
    expect(arbitrationStepVerdict('close', arb()).unmet).toEqual([
      {
        guard: 'arbitration.closing-approved',
        message: '结案审批表尚未经负责人批准，不能结案；请先报请结案审批',
        earliestDate: null,
        basis: '《劳动人事争议仲裁办案规则》第二十一条至第二十四条（结案归档）；仲裁文书样式 结案审批表',
      },
    ]);
    expect(arbitrationStepVerdict('close', arb({ closingApproved: true })).allowed).toBe(true);
  });
});

describe('inspection guards', () => {
  it('立案 waits for the 立案审批 by the 负责人 where the inspection body requires it', () => {
    expect(inspectionStepVerdict('accept', insp()).allowed).toBe(true);
    expect(inspectionStepVerdict('accept', insp({ filingApprovalRequired: true }))).toEqual({
      allowed: false,
      unmet: [
        {
          guard: 'inspection.filing-approved',
          message: '本案立案须经劳动保障行政部门负责人审批，立案审批表尚未批准，不能立案；请先报请立案审批',
          earliestDate: null,
          basis:
            '《劳动保障监察条例》第十四条第二款；《关于实施〈劳动保障监察条例〉若干规定》第十八条第一款（立案审批表报负责人批准）',
        },
      ],
    });
    expect(
      inspectionStepVerdict('accept', insp({ filingApprovalRequired: true, filingApproved: true })).allowed,
    ).toBe(true);
  });
  it('no decision while the hearing-request window is open; earliest the day after it closes', () => {
    expect(icheck('inspection.hearing-window-closed', insp())).toEqual({
      met: false,
      guard: 'inspection.hearing-window-closed',
      message:
        '当事人要求听证的期限至2026年12月14日届满，期限内不得作出行政处罚决定；最早可于2026年12月15日作出',
      earliestDate: '2026-12-15',
      basis: '《中华人民共和国行政处罚法》第六十三条、第六十四条第（一）项',
    });
    expect(icheck('inspection.hearing-window-closed', insp({ today: '2026-12-15' })).met).toBe(true);
    expect(icheck('inspection.hearing-window-closed', insp({ hearingRequested: true })).met).toBe(true);
  });

  it('a requested hearing must be held first', () => {
    const scheduled = insp({ hearingRequested: true, hearingDate: '2026-12-20' });
    expect(icheck('inspection.requested-hearing-held', scheduled)).toEqual({
      met: false,
      guard: 'inspection.requested-hearing-held',
      message: '当事人已要求听证，须于2026年12月20日举行听证并记录听证笔录后方可作出决定',
      earliestDate: '2026-12-20',
      basis: '《中华人民共和国行政处罚法》第六十四条、第六十五条',
    });
    expect(icheck('inspection.requested-hearing-held', insp({ hearingRequested: true }))).toMatchObject({
      met: false,
      earliestDate: null,
    });
    expect(
      icheck('inspection.requested-hearing-held', insp({ hearingRequested: true, hearingHeld: true })).met,
    ).toBe(true);
  });

  it('法制审核 at or above the threshold; a rejected review blocks', () => {
    expect(icheck('inspection.legal-review', insp({ fineFen: 1_000_000 }))).toEqual({
      met: false,
      guard: 'inspection.legal-review',
      message: '罚款数额达到法制审核标准（10,000.00元），作出决定前须经法制审核',
      earliestDate: null,
      basis: '《中华人民共和国行政处罚法》第五十八条',
    });
    expect(icheck('inspection.legal-review', insp({ fineFen: 1_000_000, legalReview: 'approved' })).met).toBe(
      true,
    );
    expect(icheck('inspection.legal-review', insp({ fineFen: 999_999 })).met).toBe(true);
    expect(icheck('inspection.legal-review', insp({ legalReview: 'rejected' }))).toMatchObject({
      met: false,
    });
  });

  it('the decision step collects the unmet guards in table order', () => {
    const v = inspectionStepVerdict('decide_penalty', insp({ fineFen: 2_000_000 }));
    expect(v.unmet.map((u) => u.guard)).toEqual([
      'inspection.hearing-window-closed',
      'inspection.legal-review',
    ]);
    expect(inspectionStepVerdict('decide_penalty', insp({ today: '2026-12-15' }))).toEqual({
      allowed: true,
      unmet: [],
    });
  });
});
