import { describe, expect, it } from 'vitest';
import { DomainError } from '../workflows/errors';
import { ROUTING_RULES } from './rules';
import { triage } from './triage';
import type { TriageInput, TriageResult } from './types';
import { DEFAULT_TRIAGE_SETTINGS } from './types';

const base: TriageInput = {
  today: '2026-03-10',
  requestKind: 'application',
  claims: [{ type: 'unpaid_wages', amountFen: 900_000, periodFrom: '2025-10-01', periodTo: '2025-12-31' }],
  worker: {},
  employerStatus: 'normal',
  employmentStart: '2024-01-01',
  workerCount: 1,
  openProceedings: [],
  withinJurisdiction: true,
  outOfScopeTopics: [],
};

const run = (patch: Partial<TriageInput>) => triage({ ...base, ...patch });
const tracks = (r: TriageResult) => r.recommendations.map((x) => x.track);
const codes = (r: TriageResult) => r.warnings.map((w) => w.code);
const rec = (r: TriageResult, track: string) => r.recommendations.find((x) => x.track === track);

describe('routing rule table', () => {
  it('every rule has an id, a Chinese title and a legal basis', () => {
    const ids = ROUTING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ROUTING_RULES) {
      expect(r.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.basis.length).toBeGreaterThan(3);
    }
  });

  it('every recommendation and warning carries a reason/message and a basis', () => {
    const r = run({ worker: { migrantWorker: true }, workerCount: 12, employerStatus: 'bankrupt' });
    for (const x of r.recommendations) expect(x.reason && x.basis && x.ruleId).toBeTruthy();
    for (const w of r.warnings) expect(w.message && w.basis).toBeTruthy();
  });
});

describe('R-01 consultation first', () => {
  it('always records a consultation; a question opens no case', () => {
    const q = run({ requestKind: 'question' });
    expect(tracks(q)[0]).toBe('consultation');
    expect(q.opensCase).toBe(false);
    expect(q.sameDayAcceptance).toBe(false);
    expect(run({}).opensCase).toBe(true);
  });
});

describe('R-02 dispute vs violation', () => {
  it('sends a pure dispute to mediation and arbitration, never inspection', () => {
    const r = run({
      claims: [{ type: 'unlawful_termination_damages', amountFen: 1 }],
      knewDate: '2026-01-01',
    });
    expect(tracks(r)).toEqual(expect.arrayContaining(['arbitration', 'mediation']));
    expect(tracks(r)).not.toContain('inspection');
    expect(r.choice).toBeNull();
  });

  it('sends a violation to inspection', () => {
    const r = run({ requestKind: 'complaint', claims: [{ type: 'dispatch', periodTo: '2026-01-01' }] });
    expect(rec(r, 'inspection')?.claimTypes).toEqual(['dispatch']);
    expect(tracks(r)).not.toContain('arbitration');
  });

  it('explains both ways for wage arrears and lets the worker choose', () => {
    const r = run({ requestKind: 'question' });
    expect(tracks(r)).toEqual(expect.arrayContaining(['mediation', 'arbitration', 'inspection']));
    expect(r.choice?.claimTypes).toEqual(['unpaid_wages']);
    expect(r.choice?.options.map((o) => o.track)).toEqual(['mediation', 'arbitration', 'inspection']);
    expect(r.choice?.message).toContain('自主选择');
  });

  it('tells a complainant that a pure dispute belongs to mediation/arbitration (S3 Art. 21)', () => {
    const r = run({ requestKind: 'complaint', claims: [{ type: 'double_wages_no_contract', amountFen: 1 }] });
    expect(codes(r)).toContain('DISPUTE_NOT_FOR_INSPECTION');
    expect(tracks(r)).toContain('arbitration');
    expect(tracks(r)).not.toContain('inspection');
  });

  it('a report (anyone) only reaches inspection', () => {
    const r = run({
      requestKind: 'report',
      claims: [{ type: 'unpaid_wages', amountFen: 1, periodTo: '2026-01-31' }],
    });
    expect(tracks(r)).toContain('inspection');
    expect(tracks(r)).not.toContain('arbitration');
    expect(r.choice).toBeNull();
  });
});

describe('R-03 no double track', () => {
  it('blocks a claim already in another procedure and names it', () => {
    const r = run({
      requestKind: 'complaint',
      claims: [
        { type: 'unpaid_wages', amountFen: 1, periodTo: '2026-01-31' },
        { type: 'working_hours', periodTo: '2026-01-31' },
      ],
      openProceedings: [
        { track: 'arbitration', claimTypes: ['unpaid_wages'], reference: '随劳人仲案字〔2026〕第15号' },
      ],
    });
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ claimType: 'unpaid_wages', existingTrack: 'arbitration' });
    expect(r.conflicts[0]?.message).toContain('支付拖欠工资');
    expect(r.conflicts[0]?.message).toContain('随劳人仲案字〔2026〕第15号');
    expect(codes(r)).toContain('SAME_CLAIM_IN_OTHER_PROCEEDING');
    expect(rec(r, 'inspection')?.claimTypes).toEqual(['working_hours']);
    for (const x of r.recommendations) expect(x.claimTypes).not.toContain('unpaid_wages');
  });
});

describe('R-04 inspection two-year limitation', () => {
  it('drops inspection for an act older than 2 years and points to arbitration', () => {
    const r = run({
      requestKind: 'complaint',
      claims: [{ type: 'unpaid_wages', amountFen: 1, periodTo: '2024-01-31' }],
      employmentEnd: '2025-06-30',
    });
    expect(codes(r)).toContain('INSPECTION_LIMITATION_EXPIRED');
    expect(tracks(r)).not.toContain('inspection');
    expect(rec(r, 'arbitration')?.ruleId).toBe('R-04');
  });

  it('keeps inspection on the last day of the two years', () => {
    const r = run({ requestKind: 'complaint', claims: [{ type: 'dispatch', periodTo: '2024-03-10' }] });
    expect(tracks(r)).toContain('inspection');
  });
});

describe('R-05 out of scope', () => {
  it('refers occupational safety and work-injury recognition, saying where to go', () => {
    const r = run({ outOfScopeTopics: ['occupational_safety', 'work_injury_recognition'] });
    const refs = r.recommendations.filter((x) => x.track === 'referral');
    expect(refs.map((x) => x.referTo)).toEqual([
      expect.stringContaining('应急管理部门'),
      expect.stringContaining('社会保险行政部门'),
    ]);
  });
});

describe('R-06 jurisdiction', () => {
  it('refers outside matters and opens no track here, but still warns about limitation', () => {
    const r = run({
      withinJurisdiction: false,
      competentAuthority: '武汉市劳动人事争议仲裁委员会',
      claims: [{ type: 'economic_compensation', amountFen: 1 }],
      knewDate: '2025-03-15',
    });
    expect(tracks(r)).toEqual(['consultation', 'referral']);
    expect(rec(r, 'referral')?.referTo).toBe('武汉市劳动人事争议仲裁委员会');
    expect(codes(r)).toEqual(expect.arrayContaining(['OUTSIDE_JURISDICTION', 'ARBITRATION_LIMITATION_NEAR']));
    expect(r.sameDayAcceptance).toBe(false);
  });
});

describe('R-07 petitions', () => {
  it('registers the petition and channels claims into legal procedures', () => {
    const r = run({
      requestKind: 'petition',
      claims: [{ type: 'unlawful_termination_damages', amountFen: 1 }],
    });
    expect(tracks(r)).toEqual(expect.arrayContaining(['petition', 'arbitration']));
  });

  it('explains litigation rights when the petitioner disputes a prior conclusion', () => {
    const r = run({ requestKind: 'petition', disputesPriorConclusion: true });
    expect(rec(r, 'petition')?.reason).toContain('司法途径');
    expect(tracks(r)).not.toContain('arbitration');
  });
});

describe('R-08 collective', () => {
  it('flags ten or more workers with a common claim', () => {
    expect(run({ workerCount: 9 }).collective).toBe(false);
    const r = run({ workerCount: 10 });
    expect(r.collective).toBe(true);
    expect(r.priorityFlags).toContain('collective');
    expect(codes(r)).toContain('COLLECTIVE_DISPUTE');
    expect(run({ collectiveContract: true }).collective).toBe(true);
  });
});

describe('R-09 voluntary mediation', () => {
  it('offers mediation as voluntary, not a precondition', () => {
    expect(rec(run({}), 'mediation')?.reason).toContain('不是申请仲裁的前置程序');
  });
});

describe('R-10 legal aid', () => {
  it('offers legal aid for wage claims and exempts migrant workers from the means test', () => {
    const r = run({ worker: { migrantWorker: true } });
    expect(rec(r, 'legal_aid')?.reason).toContain('免予核查经济困难');
  });

  it('marks legal aid urgent when 7 days or fewer remain', () => {
    const r = run({ claims: [{ type: 'annual_leave_pay', amountFen: 1 }], knewDate: '2025-03-15' });
    expect(codes(r)).toContain('LEGAL_AID_URGENT');
    expect(rec(r, 'legal_aid')?.urgent).toBe(true);
    expect(r.warnings.find((w) => w.code === 'LEGAL_AID_URGENT')?.daysLeft).toBe(5);
  });

  it('is not offered for claims outside the statutory list', () => {
    expect(tracks(run({ claims: [{ type: 'dispatch' }] }))).not.toContain('legal_aid');
  });
});

describe('T-A1 arbitration limitation', () => {
  it('wage arrears during employment: no one-year limit', () => {
    const r = run({});
    expect(codes(r)).toContain('ARBITRATION_LIMITATION_WAGE_EXCEPTION');
    expect(codes(r)).not.toContain('ARBITRATION_LIMITATION_EXPIRED');
  });

  it('wage arrears after termination: one year from termination', () => {
    const r = run({ employmentEnd: '2025-03-01', knewDate: '2025-12-31' });
    const w = r.warnings.find((x) => x.code === 'ARBITRATION_LIMITATION_EXPIRED');
    expect(w?.dueDate).toBe('2026-03-01');
    expect(w?.message).toContain('不是受理条件');
  });

  it('other claims: one year from when the worker knew', () => {
    const r = run({ claims: [{ type: 'economic_compensation', amountFen: 1 }], knewDate: '2025-03-31' });
    expect(r.warnings.find((x) => x.code === 'ARBITRATION_LIMITATION_NEAR')).toMatchObject({
      dueDate: '2026-03-31',
      daysLeft: 21,
    });
  });

  it('asks for the date when it cannot compute', () => {
    expect(codes(run({ claims: [{ type: 'economic_compensation', amountFen: 1 }] }))).toContain(
      'ARBITRATION_LIMITATION_UNKNOWN',
    );
  });
});

describe('R-13 employer status', () => {
  it('bankrupt employer: employee claims listed by the administrator', () => {
    const r = run({ employerStatus: 'bankrupt' });
    expect(codes(r)).toContain('EMPLOYER_BANKRUPT');
    expect(rec(r, 'referral')?.referTo).toContain('破产管理人');
  });

  it('restructuring and closed employers get their own warnings', () => {
    expect(codes(run({ employerStatus: 'restructuring' }))).toContain('EMPLOYER_RESTRUCTURING');
    expect(codes(run({ employerStatus: 'closed' }))).toContain('EMPLOYER_CLOSED');
  });
});

describe('R-14 priority and same-day acceptance', () => {
  it('collects priority flags in a stable order', () => {
    const r = run({
      claims: [
        { type: 'unpaid_wages', amountFen: 1 },
        { type: 'injury_medical_fees', amountFen: 1 },
      ],
      worker: { migrantWorker: true, pregnantOrNursing: true, disabled: true, minor: true },
      workerCount: 10,
    });
    expect(r.priorityFlags).toEqual([
      'wage_arrears',
      'work_injury',
      'collective',
      'migrant_worker',
      'pregnant_or_nursing',
      'disabled',
      'minor',
    ]);
  });

  it('same-day acceptance for wage arrears, work injury and major collective cases only', () => {
    expect(run({}).sameDayAcceptance).toBe(true);
    expect(run({ claims: [{ type: 'work_injury_benefits', amountFen: 1 }] }).sameDayAcceptance).toBe(true);
    const dispute = {
      claims: [{ type: 'unlawful_termination_damages' as const, amountFen: 1 }],
      knewDate: '2026-01-01',
    };
    expect(run({ ...dispute, workerCount: 12 }).sameDayAcceptance).toBe(false);
    expect(
      run({ ...dispute, workerCount: DEFAULT_TRIAGE_SETTINGS.majorCollectiveMinWorkers }).sameDayAcceptance,
    ).toBe(true);
  });
});

describe('input checks', () => {
  it('rejects malformed dates and unknown claim types with a DomainError', () => {
    expect(() => run({ today: '2026/03/10' })).toThrow(DomainError);
    expect(() => run({ claims: [{ type: 'bonus' as never }] })).toThrow(/未知的诉求类型/);
    expect(() => run({ workerCount: 0 })).toThrow(DomainError);
  });
});

describe('limitation warnings once per matter', () => {
  it('gives one wage-exception warning naming every monthly item by its period', () => {
    const months = ['2025-09', '2025-10', '2025-11'];
    const r = run({
      claims: months.map((m) => ({
        type: 'unpaid_wages' as const,
        amountFen: 300_000,
        periodFrom: `${m}-01`,
        periodTo: `${m}-${m === '2025-10' ? '31' : '30'}`,
      })),
    });
    const w = r.warnings.filter((x) => x.code === 'ARBITRATION_LIMITATION_WAGE_EXCEPTION');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toBe(
      '“支付拖欠工资（2025年9月）”、“支付拖欠工资（2025年10月）”、“支付拖欠工资（2025年11月）”：劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年时效限制；劳动关系终止的，应自终止之日起一年内提出',
    );
  });
});
