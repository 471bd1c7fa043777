import { describe, expect, it } from 'vitest';
import { lastQuarter } from './statistics.api';

describe('lastQuarter', () => {
  it('is the quarter before the business date', () => {
    expect(lastQuarter('2026-12-07')).toEqual({ year: 2026, quarter: 3 });
    expect(lastQuarter('2026-04-01')).toEqual({ year: 2026, quarter: 1 });
    expect(lastQuarter('2027-01-01')).toEqual({ year: 2026, quarter: 4 });
    expect(lastQuarter('2026-03-31')).toEqual({ year: 2025, quarter: 4 });
  });
});
