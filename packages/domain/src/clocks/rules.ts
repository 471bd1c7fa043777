import { ClockInputError } from './errors';
import { ARBITRATION_RULES } from './rules-arbitration';
import { DEFAULTER_RULES } from './rules-defaulters';
import {
  INSPECTION_RULES,
  LEGAL_AID_AND_CENTER_RULES,
  MEDIATION_RULES,
  PETITION_RULES,
} from './rules-tracks';
import { PREVENTION_RULES } from './rules-prevention';
import { TRAINING_RULES } from './rules-training';
import type { ClockRule, ClockTrack } from './types';

/** The clock catalogue (the statutory time limits) as data. Ids are stable: they are persisted with every deadline. */
export const CLOCK_RULES: readonly ClockRule[] = [
  ...ARBITRATION_RULES,
  ...MEDIATION_RULES,
  ...INSPECTION_RULES,
  ...PETITION_RULES,
  ...LEGAL_AID_AND_CENTER_RULES,
  ...DEFAULTER_RULES,
  ...PREVENTION_RULES,
  ...TRAINING_RULES,
];

const BY_ID: ReadonlyMap<string, ClockRule> = new Map(CLOCK_RULES.map((rule) => [rule.id, rule]));

export function findRule(id: string): ClockRule | undefined {
  return BY_ID.get(id);
}

/** Like findRule, but throws CLOCK_RULE_UNKNOWN for an id that is not in the catalogue. */
export function requireRule(id: string): ClockRule {
  const rule = BY_ID.get(id);
  if (!rule) throw new ClockInputError('CLOCK_RULE_UNKNOWN', `期限规则“${id}”不存在`, { ruleId: id });
  return rule;
}

export function rulesForTrack(track: ClockTrack): ClockRule[] {
  return CLOCK_RULES.filter((rule) => rule.track === track);
}

/** Rules whose clock restarts from zero on the given event. */
export function rulesRestartedBy(event: string): ClockRule[] {
  return CLOCK_RULES.filter((rule) => rule.restartEvents.includes(event));
}
