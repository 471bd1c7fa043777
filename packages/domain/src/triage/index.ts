export { PROCEEDING_LABELS } from './facts';
export { OUT_OF_SCOPE_REFERRALS, ROUTING_RULES } from './rules';
export { triage } from './triage';
export * from './types';
