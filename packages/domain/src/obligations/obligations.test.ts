import { describe, expect, it } from 'vitest';
import {
  ageBand,
  daysOverdue,
  instalmentProblem,
  nextStepsFor,
  OBLIGATION_SOURCE_RULES,
  obligationStatus,
} from './index';

describe('obligation status', () => {
  it('is paid when the confirmed payments reach the amount, even after the due date', () => {
    expect(
      obligationStatus({ amountFen: 500000, paidFen: 500000, dueDate: '2026-01-10', today: '2026-03-01' }),
    ).toBe('paid');
  });
  it('is overdue from the day after the due date', () => {
    expect(
      obligationStatus({ amountFen: 500000, paidFen: 0, dueDate: '2026-01-10', today: '2026-01-10' }),
    ).toBe('open');
    expect(
      obligationStatus({ amountFen: 500000, paidFen: 0, dueDate: '2026-01-10', today: '2026-01-11' }),
    ).toBe('overdue');
    expect(
      obligationStatus({ amountFen: 500000, paidFen: 1, dueDate: '2026-01-10', today: '2026-01-11' }),
    ).toBe('overdue');
  });
  it('is part paid before the due date and awaiting effect without one', () => {
    expect(
      obligationStatus({ amountFen: 500000, paidFen: 100, dueDate: '2026-01-10', today: '2026-01-01' }),
    ).toBe('part_paid');
    expect(obligationStatus({ amountFen: 500000, paidFen: 0, dueDate: null, today: '2026-01-01' })).toBe(
      'awaiting_effect',
    );
  });
  it('counts days overdue and bands them', () => {
    expect(daysOverdue('2026-01-10', '2026-02-10')).toBe(31);
    expect(daysOverdue('2026-01-10', '2026-01-10')).toBe(0);
    expect([0, 1, 30, 31, 90, 91, 400].map(ageBand)).toEqual([
      'not_due',
      'd1_30',
      'd1_30',
      'd31_90',
      'd31_90',
      'd91_plus',
      'd91_plus',
    ]);
  });
});

describe('instalments', () => {
  it('must add up to the item and fall on increasing dates', () => {
    expect(
      instalmentProblem(800000, [
        { amountFen: 400000, dueDate: '2026-12-20' },
        { amountFen: 400000, dueDate: '2027-01-20' },
      ]),
    ).toBeNull();
    expect(instalmentProblem(800000, [{ amountFen: 400000, dueDate: '2026-12-20' }])).toBe(
      '分期金额合计4000.00元，与协议金额8000.00元不符',
    );
    expect(
      instalmentProblem(800000, [
        { amountFen: 400000, dueDate: '2026-12-20' },
        { amountFen: 400000, dueDate: '2026-12-20' },
      ]),
    ).toBe('分期履行日期须依次在后');
  });
});

describe('next steps per document and claim', () => {
  it('offers a 支付令 for a mediation agreement on wages and an inspection case', () => {
    expect(nextStepsFor('mediation_agreement', 'unpaid_wages')).toEqual(['payment_order', 'inspection']);
    expect(nextStepsFor('mediation_agreement', 'social_insurance')).toEqual([]);
  });
  it('offers enforcement for awards, arbitral mediation statements and court confirmations', () => {
    expect(nextStepsFor('arbitration_award_non_final', 'economic_compensation')).toEqual(['enforcement']);
    expect(nextStepsFor('arbitration_award_final', 'unpaid_wages')).toEqual(['enforcement', 'inspection']);
    expect(nextStepsFor('court_confirmation', null)).toEqual(['enforcement']);
    expect(nextStepsFor('order_to_correct', 'unpaid_wages')).toEqual([]);
  });
  it('cites a statute and article for every source', () => {
    for (const r of Object.values(OBLIGATION_SOURCE_RULES)) expect(r.basis).toMatch(/《.+》第.+条/);
  });
});
