import { describe, expect, it } from 'vitest';
import { dispatchCheck, layoffCheck, placementCheck } from './supervision.checks';

describe('layoffCheck (《劳动合同法》第四十一条)', () => {
  const base = { noticeDate: '2026-01-01', plannedDate: '2026-02-15', unionOpinionHeard: true };
  it('20 people or 10 % triggers the procedure', () => {
    expect(
      layoffCheck({ ...base, totalEmployees: 1000, layoffCount: 20 }, '2026-01-05').procedureRequired,
    ).toBe(true);
    expect(
      layoffCheck({ ...base, totalEmployees: 1000, layoffCount: 19 }, '2026-01-05').procedureRequired,
    ).toBe(false);
    expect(
      layoffCheck({ ...base, totalEmployees: 100, layoffCount: 10 }, '2026-01-05').procedureRequired,
    ).toBe(true);
    expect(
      layoffCheck({ ...base, totalEmployees: 100, layoffCount: 9 }, '2026-01-05').procedureRequired,
    ).toBe(false);
  });
  it('flags short notice and a missing union opinion', () => {
    const r = layoffCheck(
      {
        totalEmployees: 200,
        layoffCount: 30,
        noticeDate: '2026-02-01',
        plannedDate: '2026-02-15',
        unionOpinionHeard: false,
      },
      '2026-02-02',
    );
    expect(r.flags.map((f) => f.code)).toEqual(['LAYOFF_NOTICE_SHORT', 'LAYOFF_UNION_OPINION']);
  });
});

describe('dispatchCheck (《劳务派遣暂行规定》第四条)', () => {
  it('computes the 10 % cap over contract + dispatched', () => {
    const ok = dispatchCheck(
      { contractEmployees: 180, dispatchedWorkers: 20, agencyName: 'A', agencyLicenceNo: 'L1' },
      '2026-01-01',
    );
    expect(ok.maxAllowed).toBe(20);
    expect(ok.flags).toEqual([]);
    const over = dispatchCheck(
      { contractEmployees: 180, dispatchedWorkers: 25, agencyName: 'A', agencyLicenceNo: 'L1' },
      '2026-01-01',
    );
    expect(over.ratioPercent).toBe(12.2);
    expect(over.flags[0]?.code).toBe('DISPATCH_CAP_EXCEEDED');
  });
  it('flags an unlicensed or expired agency', () => {
    const r = dispatchCheck(
      {
        contractEmployees: 90,
        dispatchedWorkers: 1,
        agencyName: 'A',
        agencyLicenceNo: 'L',
        licenceValidTo: '2025-01-01',
      },
      '2026-01-01',
    );
    expect(r.flags.map((f) => f.code)).toEqual(['DISPATCH_AGENCY_UNLICENSED']);
  });
});

describe('placementCheck', () => {
  it('restructuring needs the workers congress', () => {
    expect(
      placementCheck('restructuring', { workerCount: 50, planTitle: 'p', congressApproved: false }).flags[0]
        ?.code,
    ).toBe('PLACEMENT_NOT_APPROVED');
  });
});
