import { describe, expect, it } from 'vitest';
import { businessHour, monthDayClockOfInstant } from './time';

describe('business wall clock on screen', () => {
  it('reads hours and dates in China Standard Time, not the browser zone', () => {
    // 20:30 UTC is 04:30 the next day in Beijing.
    expect(businessHour('2026-12-07T20:30:00Z')).toBe(4);
    expect(monthDayClockOfInstant('2026-12-07T20:30:00Z')).toBe('12月8日 04:30');
    expect(businessHour('2026-12-07T09:05:00+08:00')).toBe(9);
    expect(monthDayClockOfInstant('2026-12-31T23:59:00+08:00')).toBe('12月31日 23:59');
  });
});
