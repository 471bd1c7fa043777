import type { Recommendation, TriageFacts } from './types';

export const rec = (
  r: Omit<Recommendation, 'claimTypes'> & { claimTypes?: Recommendation['claimTypes'] },
) => ({
  ...r,
  claimTypes: r.claimTypes ?? [],
});

/** Days left on arbitration limitations that are within the urgent legal-aid window (S16 Art. 44). */
export function urgentDaysLeft(f: TriageFacts): number[] {
  return f.routable
    .map((c) => c.arbitrationDaysLeft)
    .filter((d): d is number => d !== null && d >= 0 && d <= f.settings.urgentLegalAidDays);
}
