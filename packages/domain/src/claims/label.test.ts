import { describe, expect, it } from 'vitest';
import { claimLabel, claimLabelList, claimPeriodText, claimTypeLabel } from './label';

describe('claim labels', () => {
  it('names whole months as months and other periods by their days', () => {
    expect(claimPeriodText('2025-09-01', '2025-09-30')).toBe('2025年9月');
    expect(claimPeriodText('2025-09-01', '2025-12-31')).toBe('2025年9月至12月');
    expect(claimPeriodText('2025-11-01', '2026-02-28')).toBe('2025年11月至2026年2月');
    expect(claimPeriodText('2024-02-01', '2024-02-29')).toBe('2024年2月');
    expect(claimPeriodText('2025-09-05', '2025-10-04')).toBe('2025年9月5日至2025年10月4日');
    expect(claimPeriodText('2025-09-05', '2025-09-05')).toBe('2025年9月5日');
    expect(claimPeriodText('2025-09-05', null)).toBe('2025年9月5日起');
    expect(claimPeriodText(null, '2025-10-04')).toBe('至2025年10月4日');
    expect(claimPeriodText(null, undefined)).toBeNull();
  });

  it('tells three monthly wage items apart, with their item number when asked', () => {
    const months = ['09', '10', '11'].map((m) => ({
      type: 'unpaid_wages',
      periodFrom: `2025-${m}-01`,
      periodTo: `2025-${m}-${m === '09' || m === '11' ? '30' : '31'}`,
    }));
    expect(months.map((c) => claimLabel(c))).toEqual([
      '支付拖欠工资（2025年9月）',
      '支付拖欠工资（2025年10月）',
      '支付拖欠工资（2025年11月）',
    ]);
    expect(claimLabel(months[1]!, { index: 1 })).toBe('第2项 支付拖欠工资（2025年10月）');
    expect(claimLabel({ type: 'overtime_pay' })).toBe('支付加班费');
    expect(claimTypeLabel('no_such_type')).toBe('no_such_type');
    expect(claimLabelList([...months.slice(0, 2), { type: 'overtime_pay' }, { type: 'overtime_pay' }])).toBe(
      '“支付拖欠工资（2025年9月）”、“支付拖欠工资（2025年10月）”、“支付加班费”',
    );
  });
});
