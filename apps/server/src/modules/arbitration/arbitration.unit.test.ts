import { describe, expect, it } from 'vitest';
import { determineFinality } from './arbitration.conduct';
import { reviewApplication, sameDayCategory, simplifiedEligibility } from './arbitration.review';

const base = {
  parties: [
    {
      role: 'worker' as const,
      name: '王建国',
      hasIdNumber: true,
      hasPhone: true,
      hasAddress: true,
      birthDate: '1985-03-12',
      legalRepresentative: null,
      creditCode: null,
    },
    {
      role: 'employer' as const,
      name: '鸿运公司',
      hasIdNumber: false,
      hasPhone: false,
      hasAddress: true,
      birthDate: null,
      legalRepresentative: '李大海',
      creditCode: 'x',
    },
  ],
  claims: [
    {
      type: 'unpaid_wages',
      amountFen: 100_000,
      periodFrom: '2025-01-01',
      periodTo: '2025-02-28',
      facts: '欠薪',
    },
  ],
  facts: '在工地干活两个月没有拿到工资',
  evidence: [{ title: '考勤', source: '本人' }],
  materials: (['application', 'applicant_id', 'respondent_info', 'evidence'] as const).map((kind) => ({
    kind,
    title: kind,
    form: '原件' as const,
    pages: 1,
  })),
  copiesSubmitted: 1,
  applicantSigned: true,
  withinJurisdiction: null,
  performancePlace: '随州市曾都区',
  employerDomicile: null,
  collective: false,
  representatives: [],
  employmentEnd: null,
  knewDate: null,
  today: '2026-03-02',
  jurisdictionNames: ['随州市', '曾都区', '广水市', '随县'],
};

describe('preliminary review (办案规则第二十九条、第三十条、第三十一条)', () => {
  it('passes a complete application', () => {
    const r = reviewApplication(base);
    expect(r.complete).toBe(true);
    expect(r.conditionsMet).toBe(true);
    expect(r.withinJurisdiction).toBe(true);
  });
  it('lists every missing item at once', () => {
    const r = reviewApplication({
      ...base,
      materials: [],
      copiesSubmitted: 0,
      applicantSigned: false,
      evidence: [],
      facts: '',
    });
    expect(r.missingItems).toEqual([
      '事实和理由（不少于十个字）',
      '仲裁申请书',
      '申请人在仲裁申请书上签名（盖章或按指印）',
      '仲裁申请书副本（按被申请人人数，应交1份，已交0份）',
      '申请人身份证明复印件',
      '被申请人主体资格材料（营业执照复印件或登记信息）',
      '证据目录及证据材料（注明证据来源）',
    ]);
    expect(r.complete).toBe(false);
  });
  it('outside the jurisdiction is a redirect, limitation only a warning', () => {
    const r = reviewApplication({
      ...base,
      performancePlace: '武汉市',
      employerDomicile: '武汉市',
      employmentEnd: '2024-01-01',
    });
    expect(r.checklist.find((c) => c.code === 'jurisdiction')?.status).toBe('redirect');
    expect(r.checklist.find((c) => c.code === 'limitation')?.status).toBe('warning');
    expect(r.complete).toBe(true);
    expect(r.conditionsMet).toBe(true);
  });
  it('picks the same-day category and the simplified grounds', () => {
    expect(
      sameDayCategory([{ type: 'injury_medical_fees' }], { collective: false, workerCount: 1, majorMin: 30 }),
    ).toBe('work_injury');
    expect(
      sameDayCategory([{ type: 'overtime_pay' }], { collective: true, workerCount: 40, majorMin: 30 }),
    ).toBe('major_collective');
    expect(
      simplifiedEligibility({ declared: [], exclusions: [], totalFen: 100, capFen: 1000 }).grounds,
    ).toEqual(['amount_within_cap']);
    expect(
      simplifiedEligibility({
        declared: ['parties_agree'],
        exclusions: ['respondent_missing'],
        totalFen: 0,
        capFen: 1,
      }).eligible,
    ).toBe(false);
  });
  it('determines finality per item against 12 × the monthly minimum wage', () => {
    const r = determineFinality(
      [
        { text: 'a', claimType: 'unpaid_wages', amountFen: 2_400_000 },
        { text: 'b', claimType: 'unpaid_wages', amountFen: 2_400_001 },
        { text: 'c', claimType: 'social_insurance' },
        { text: 'd', claimType: 'labor_relation_confirmation' },
      ],
      200_000,
    );
    expect(r.map((i) => i.finality)).toEqual(['final', 'non_final', 'final', 'non_final']);
  });
});
