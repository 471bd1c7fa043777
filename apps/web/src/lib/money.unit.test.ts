import { describe, expect, it } from 'vitest';
import { money, moneyInText } from './money';

describe('money (web and portal amount format)', () => {
  it('prints fen as grouped yuan with two decimals', () => {
    expect(money(0)).toBe('¥0.00');
    expect(money(1)).toBe('¥0.01');
    expect(money(450000)).toBe('¥4,500.00');
    expect(money(123456789)).toBe('¥1,234,567.89');
    expect(money(-450000)).toBe('-¥4,500.00');
  });
  it('prints a dash when there is no amount', () => {
    expect(money(null)).toBe('—');
    expect(money(undefined)).toBe('—');
  });
  it('has a running-text form with 元', () => {
    expect(moneyInText(123456789)).toBe('1,234,567.89元');
    expect(moneyInText(null)).toBe('—');
  });
});
