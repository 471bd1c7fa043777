import { api } from '../../../lib/api';
import type { ClockRule, DeadlineResult } from '../types';

export function fetchClockRules(signal?: AbortSignal): Promise<{ items: ClockRule[] }> {
  return api.get('/api/clocks/rules', undefined, signal);
}

/** `rule` is the rule's code (stable across environments); `from` is YYYY-MM-DD. */
export function calculateDeadline(rule: string, from: string, signal?: AbortSignal): Promise<DeadlineResult> {
  return api.get('/api/clocks/calculate', { rule, from }, signal);
}
