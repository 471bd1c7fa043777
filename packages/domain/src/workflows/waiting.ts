import { ROLES, type RoleCode } from '../access/roles';
import type { AnyMachine } from './engine';

/** One step that would move a record on: its button text and the posts that may take it. */
export interface OpenStep {
  event: string;
  label: string;
  roles: readonly RoleCode[];
}

/** Who a record waits on, read from its machine: the steps that answer its running time limit. */
export interface WaitingOn {
  /** The steps, in the machine's order. */
  steps: readonly OpenStep[];
  /** Every post that may take one of them (each once, in ROLES order). */
  roles: readonly RoleCode[];
  /** 「仲裁员、分管领导：受理并出具受理通知书／不予受理」 — for lists. */
  text: string;
  /** Whether the steps answer the running time limit (true) or are simply every step open in this state. */
  answersClock: boolean;
}

const ROLE_ORDER = Object.keys(ROLES) as RoleCode[];

/**
 * Who must act next on a record in `state`, given its running time limits `runningRuleIds` (nearest
 * first): the steps from this state that answer the first limit some step answers — the acts that meet
 * it, e.g. 受理立案 for the acceptance period of 《劳动争议调解仲裁法》第二十九条 (not 通知补正, which restarts
 * the period; 不予受理 also answers it but ends the record, and is listed only when no onward step is). A limit met outside the machine (the center's same-day acceptance
 * promise, met by the acceptance itself) is passed over for the next. When no running limit is answered
 * from here: every step open in this state. A terminal state, or one with no step, waits on nobody (null).
 */
export function waitingOn(
  machine: AnyMachine,
  state: string,
  runningRuleIds: readonly string[],
): WaitingOn | null {
  if (machine.terminal.includes(state)) return null;
  const open = machine.transitions.filter((t) => t.from === state);
  if (!open.length) return null;
  // A step that stops the clock with an outcome of its own (通知补正: the period restarts on
  // correction) does not answer it; the acts that meet the limit do.
  const answers = (ruleId: string) =>
    open.filter((t) => t.clocksStop.includes(ruleId) && !(ruleId in t.clockOutcomes));
  const answered = runningRuleIds.map(answers).find((steps) => steps.length > 0) ?? [];
  // The steps that carry the record on come first: ending it (撤销, 移送, 不予受理) also stops its clocks,
  // but is not what the record waits for while a step carrying it on is open.
  const onward = answered.filter((t) => !machine.terminal.includes(t.to));
  const answering = onward.length ? onward : answered;
  const chosen = answering.length ? answering : open;
  const steps = chosen.map((t) => ({
    event: t.event as string,
    label: (machine.events as Record<string, string>)[t.event] ?? t.event,
    roles: t.roles,
  }));
  const roleSet = new Set(steps.flatMap((s) => s.roles));
  const roles = ROLE_ORDER.filter((r) => roleSet.has(r));
  const text = `${roles.map((r) => ROLES[r].label).join('、')}：${[...new Set(steps.map((s) => s.label))].join('／')}`;
  return { steps, roles, text, answersClock: answering.length > 0 };
}
