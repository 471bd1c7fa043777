import { RULE_R_13, RULE_R_04, RULE_T_A1, RULE_R_08, RULE_R_10, RULE_R_14 } from './rules-protection';
import { RULE_R_01, RULE_R_05, RULE_R_03, RULE_R_06, RULE_R_07, RULE_R_02, RULE_R_09 } from './rules-routing';
import type { RoutingRule } from './types';

export { OUT_OF_SCOPE_REFERRALS } from './rules-routing';

/**
 * The routing rules (routing rules), evaluated in this order. A rule that halts stops the
 * case-routing rules after it; rules marked `always` still run (warnings the worker must hear).
 */
export const ROUTING_RULES: readonly RoutingRule[] = [
  RULE_R_01,
  RULE_R_05,
  RULE_R_03,
  RULE_R_13,
  RULE_R_06,
  RULE_R_07,
  RULE_R_02,
  RULE_R_09,
  RULE_R_04,
  RULE_T_A1,
  RULE_R_08,
  RULE_R_10,
  RULE_R_14,
];
