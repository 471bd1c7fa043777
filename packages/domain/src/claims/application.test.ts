import { describe, expect, it } from 'vitest';
import { missingForArbitrationApplication } from './application';

describe('missingForArbitrationApplication', () => {
  const full = {
    workerAddress: '随州市曾都区文帝大道9号',
    employerAddress: '随州市曾都区纺织路18号',
    employerPrincipal: '周金桂',
    employmentStart: '2025-04-01',
    narrative: '',
    claims: [
      {
        type: 'unpaid_wages',
        amount: '9600',
        periodFrom: '2026-07-01',
        periodTo: '2026-08-31',
        facts: '2026年7月至8月工资没有发放',
      },
    ],
  };

  it('asks nothing of a complete application', () => {
    expect(missingForArbitrationApplication(full)).toEqual([]);
  });

  it('lists every item the 补正 would demand, in the form’s order', () => {
    const missing = missingForArbitrationApplication({
      workerAddress: ' ',
      employerAddress: '',
      employerPrincipal: '',
      employmentStart: '',
      narrative: '',
      claims: [
        { type: 'unpaid_wages', amount: '', periodFrom: '2026-07-01', periodTo: '', facts: '欠薪' },
        { type: 'labor_relation_confirmation', facts: '' },
      ],
    });
    expect(missing).toEqual([
      { field: 'address', label: '您的住址' },
      { field: 'employerAddress', label: '单位地址' },
      { field: 'legalRepresentative', label: '单位法定代表人或主要负责人姓名' },
      { field: 'employmentStart', label: '入职日期' },
      { field: 'claim-0-amount', label: '第1项请求的金额' },
      { field: 'claim-0-period', label: '第1项请求的起止日期' },
      { field: 'facts', label: '事实和理由（至少10个字）' },
    ]);
  });

  it('counts an employer principal already on file, and the narrative as the facts', () => {
    expect(
      missingForArbitrationApplication({
        ...full,
        employerPrincipal: true,
        narrative: '在纺织厂做挡车工，两个月工资没有发。',
        claims: [{ ...full.claims[0]!, facts: '' }],
      }),
    ).toEqual([]);
  });
});
