import { CLAIM_TYPES } from '../claims/catalogue';
import { isIsoDate } from '../claims/dates';
import { DomainError } from '../workflows/errors';
import { buildFacts } from './facts';
import { ROUTING_RULES } from './rules';
import type {
  PriorityFlag,
  Recommendation,
  RoutingRule,
  TriageInput,
  TriageResult,
  TriageSettings,
} from './types';
import { DEFAULT_TRIAGE_SETTINGS } from './types';

const PRIORITY_ORDER: readonly PriorityFlag[] = [
  'wage_arrears',
  'work_injury',
  'collective',
  'migrant_worker',
  'pregnant_or_nursing',
  'disabled',
  'minor',
];

function assertInput(input: TriageInput): void {
  const dates: Array<[string, string | undefined]> = [
    ['today', input.today],
    ['employmentStart', input.employmentStart],
    ['employmentEnd', input.employmentEnd],
    ['knewDate', input.knewDate],
    ...input.claims.flatMap(
      (c): Array<[string, string | undefined]> => [
        ['periodFrom', c.periodFrom],
        ['periodTo', c.periodTo],
      ],
    ),
  ];
  for (const [field, value] of dates) {
    if (value !== undefined && !isIsoDate(value)) {
      throw new DomainError('TRIAGE_INVALID_INPUT', `日期格式应为YYYY-MM-DD：${field}`, { field, value });
    }
  }
  for (const c of input.claims) {
    if (!(CLAIM_TYPES as readonly string[]).includes(c.type)) {
      throw new DomainError('TRIAGE_INVALID_INPUT', `未知的诉求类型：${c.type}`, {
        field: 'claims',
        value: c.type,
      });
    }
  }
  if (!Number.isInteger(input.workerCount) || input.workerCount < 1) {
    throw new DomainError('TRIAGE_INVALID_INPUT', '劳动者人数应为正整数', { field: 'workerCount' });
  }
}

/** One recommendation per track (and referral destination); claim lists and reasons are merged. */
function mergeRecommendations(list: readonly Recommendation[]): Recommendation[] {
  const out: Recommendation[] = [];
  for (const r of list) {
    const same = out.find((o) => o.track === r.track && o.referTo === r.referTo);
    if (!same) {
      out.push({ ...r, claimTypes: [...r.claimTypes] });
      continue;
    }
    for (const t of r.claimTypes) if (!same.claimTypes.includes(t)) same.claimTypes.push(t);
    if (!same.reason.includes(r.reason)) same.reason = `${same.reason}；${r.reason}`;
    if (!same.basis.includes(r.basis)) same.basis = `${same.basis}；${r.basis}`;
    if (r.urgent) same.urgent = true;
  }
  return out;
}

/**
 * Routes a matter (分流). Pure: evaluates ROUTING_RULES in order and merges their outcomes.
 * The result is advice for the intake clerk, who stays the decision-maker of record (PIPL Art. 24).
 */
export function triage(
  input: TriageInput,
  settings: TriageSettings = DEFAULT_TRIAGE_SETTINGS,
  rules: readonly RoutingRule[] = ROUTING_RULES,
): TriageResult {
  assertInput(input);
  const facts = buildFacts(input, settings);
  const result: TriageResult = {
    opensCase: input.requestKind !== 'question',
    recommendations: [],
    warnings: [],
    conflicts: [],
    choice: null,
    priorityFlags: [],
    collective: facts.collective,
    sameDayAcceptance: false,
    firedRules: [],
  };
  const recs: Recommendation[] = [];
  const flags = new Set<PriorityFlag>();
  let halted = false;

  for (const rule of rules) {
    if (halted && !rule.always) continue;
    if (!rule.when(facts)) continue;
    const o = rule.outcome(facts);
    result.firedRules.push(rule.id);
    recs.push(...(o.recommendations ?? []));
    result.warnings.push(...(o.warnings ?? []));
    result.conflicts.push(...(o.conflicts ?? []));
    if (o.choice) result.choice = o.choice;
    for (const flag of o.priorityFlags ?? []) flags.add(flag);
    if (o.sameDayAcceptance) result.sameDayAcceptance = true;
    if (o.halt) halted = true;
  }
  result.recommendations = mergeRecommendations(recs);
  // Nothing is accepted here when the matter goes elsewhere or is only a question.
  if (halted || !result.opensCase) result.sameDayAcceptance = false;
  result.priorityFlags = PRIORITY_ORDER.filter((f) => flags.has(f));
  return result;
}
