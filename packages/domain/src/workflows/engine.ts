import type { RoleCode } from '../access/roles';
import { WorkflowError } from './errors';

/** Facts a guard reads (amounts, flags, day counts). Each machine narrows it. */
export type WorkflowContext = Readonly<Record<string, unknown>>;

/** A guard returns null when the transition may proceed, otherwise the reason in Chinese. */
export type Guard<C> = (ctx: C) => string | null;

export interface TransitionSpec<S extends string, E extends string, C> {
  from: S | readonly S[];
  event: E;
  to: S;
  roles: readonly RoleCode[];
  guard?: Guard<C>;
  /** Document type codes issued (see DOCUMENT_TYPES). */
  documents?: readonly string[];
  /**
   * Clock rule ids of the clocks catalogue (clocks/rules*.ts, e.g. 'arbitration.award' = 《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条): started
   * (or restarted from zero), stopped (met), paused (suspended: 中止 days excluded) or resumed.
   * Stopping or pausing a clock that is not running is a no-op for the clock service.
   */
  clocksStart?: readonly string[];
  clocksStop?: readonly string[];
  clocksPause?: readonly string[];
  clocksResume?: readonly string[];
  /** Clocks extended with approval (the clock's extension rule supplies the length). */
  clocksExtend?: readonly string[];
  /**
   * What a stopped clock records as having happened, when that is not the step itself: e.g. the
   * acceptance period stopped by a 补正通知书 is not decided but restarts on correction. Keys are rule ids
   * of clocksStop; the text is shown as the clock's state.
   */
  clockOutcomes?: Readonly<Record<string, string>>;
  /** Legal basis of this step. */
  basis?: string;
}

export interface MachineSpec<S extends string, E extends string, C> {
  track: string;
  /** Every state with its Chinese label. */
  states: Readonly<Record<S, string>>;
  /** Every event with its Chinese label (button text). */
  events: Readonly<Record<E, string>>;
  initial: NoInfer<S>;
  terminal: readonly NoInfer<S>[];
  /** What creating the record issues and starts. */
  onCreate?: { documents?: readonly string[]; clocksStart?: readonly string[] };
  transitions: readonly TransitionSpec<NoInfer<S>, NoInfer<E>, C>[];
  /**
   * Events that stand for a legal act (a document with its contents, a decision with its reasons):
   * each names, in Chinese, the form where the act is done. A generic state change must never stand
   * in for them — the server's generic transition refuses these events and the UI offers them only
   * through their forms.
   */
  acts?: Partial<Record<NoInfer<E>, string>>;
}

export interface Transition<S extends string, E extends string, C> {
  from: S;
  event: E;
  to: S;
  roles: readonly RoleCode[];
  guard?: Guard<C>;
  documents: readonly string[];
  clocksStart: readonly string[];
  clocksStop: readonly string[];
  clocksPause: readonly string[];
  clocksResume: readonly string[];
  clocksExtend: readonly string[];
  clockOutcomes: Readonly<Record<string, string>>;
  basis?: string;
}

export interface Machine<S extends string, E extends string, C> {
  track: string;
  states: Readonly<Record<S, string>>;
  events: Readonly<Record<E, string>>;
  stateList: readonly S[];
  eventList: readonly E[];
  initial: S;
  terminal: readonly S[];
  onCreate: { documents: readonly string[]; clocksStart: readonly string[] };
  /** One row per (from, event): the table is deterministic. */
  transitions: readonly Transition<S, E, C>[];
  /** Events that are legal acts → the form where each is done (see MachineSpec.acts). */
  acts: Readonly<Partial<Record<E, string>>>;
}

// biome-ignore lint/suspicious/noExplicitAny: any machine, whatever its state, event and context types.
export type AnyMachine = Machine<string, string, any>;

export interface TransitionResult<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
  documents: readonly string[];
  clocksStart: readonly string[];
  clocksStop: readonly string[];
  clocksPause: readonly string[];
  clocksResume: readonly string[];
  clocksExtend: readonly string[];
  clockOutcomes: Readonly<Record<string, string>>;
}

export interface TransitionRequest<C> {
  /** The actor's active roles (一人多岗: any one allowed role suffices). */
  roles: readonly RoleCode[];
  ctx?: C;
}

function invalid(message: string, details: Record<string, unknown>): never {
  throw new WorkflowError('WORKFLOW_INVALID_MACHINE', message, details);
}

/**
 * Declares a machine and checks the table: known states, one row per (from, event), terminal states
 * without exits, every other state with at least one exit, every state reachable, roles declared.
 */
export function defineMachine<S extends string, E extends string, C = WorkflowContext>(
  spec: MachineSpec<S, E, C>,
): Machine<S, E, C> {
  const stateList = Object.keys(spec.states) as S[];
  const eventList = Object.keys(spec.events) as E[];
  const isState = (s: string): s is S => Object.hasOwn(spec.states, s);
  const track = spec.track;
  if (!isState(spec.initial)) invalid(`初始状态未声明：${spec.initial}`, { track, state: spec.initial });
  for (const t of spec.terminal) if (!isState(t)) invalid(`终结状态未声明：${t}`, { track, state: t });

  const transitions: Transition<S, E, C>[] = [];
  const seen = new Set<string>();
  for (const t of spec.transitions) {
    const froms: readonly S[] = typeof t.from === 'string' ? [t.from as S] : (t.from as readonly S[]);
    for (const from of froms) {
      if (!isState(from) || !isState(t.to))
        invalid(`转换引用了未声明的状态：${from} → ${t.to}`, { track, from, to: t.to });
      if (!Object.hasOwn(spec.events, t.event)) invalid(`事件未声明：${t.event}`, { track, event: t.event });
      if (spec.terminal.includes(from))
        invalid(`终结状态不得再转换：${from}`, { track, from, event: t.event });
      if (t.roles.length === 0)
        invalid(`转换未声明岗位：${from} —${t.event}→`, { track, from, event: t.event });
      for (const rule of Object.keys(t.clockOutcomes ?? {}))
        if (!t.clocksStop?.includes(rule))
          invalid(`期限结果只能用于本步骤停止的期限：${rule}`, { track, from, event: t.event, rule });
      const key = `${from}\u0000${t.event}`;
      if (seen.has(key))
        invalid(`同一状态与事件重复声明：${from} —${t.event}→`, { track, from, event: t.event });
      seen.add(key);
      transitions.push({
        from,
        event: t.event,
        to: t.to,
        roles: t.roles,
        ...(t.guard ? { guard: t.guard } : {}),
        documents: t.documents ?? [],
        clocksStart: t.clocksStart ?? [],
        clocksStop: t.clocksStop ?? [],
        clocksPause: t.clocksPause ?? [],
        clocksResume: t.clocksResume ?? [],
        clocksExtend: t.clocksExtend ?? [],
        clockOutcomes: t.clockOutcomes ?? {},
        ...(t.basis ? { basis: t.basis } : {}),
      });
    }
  }
  for (const s of stateList) {
    if (!spec.terminal.includes(s) && !transitions.some((t) => t.from === s)) {
      invalid(`非终结状态没有出口：${s}`, { track, state: s });
    }
  }
  const reached = new Set<S>([spec.initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of transitions) {
      if (reached.has(t.from) && !reached.has(t.to)) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  for (const s of stateList) if (!reached.has(s)) invalid(`状态不可达：${s}`, { track, state: s });
  for (const e of eventList) {
    if (!transitions.some((t) => t.event === e)) invalid(`事件未被使用：${e}`, { track, event: e });
  }
  for (const e of Object.keys(spec.acts ?? {})) {
    if (!Object.hasOwn(spec.events, e)) invalid(`文书行为引用了未声明的事件：${e}`, { track, event: e });
  }

  return {
    track,
    states: spec.states,
    events: spec.events,
    stateList,
    eventList,
    initial: spec.initial,
    terminal: spec.terminal,
    onCreate: { documents: spec.onCreate?.documents ?? [], clocksStart: spec.onCreate?.clocksStart ?? [] },
    transitions,
    acts: spec.acts ?? ({} as Partial<Record<E, string>>),
  };
}

/** The form where `event` is done when it is a legal act (see MachineSpec.acts), otherwise null. */
export function actForm(machine: AnyMachine, event: string): string | null {
  return (machine.acts as Record<string, string | undefined>)[event] ?? null;
}

export function findTransition<S extends string, E extends string, C>(
  machine: Machine<S, E, C>,
  state: S,
  event: E,
): Transition<S, E, C> | undefined {
  return machine.transitions.find((t) => t.from === state && t.event === event);
}

export function isTerminal<S extends string, E extends string, C>(
  machine: Machine<S, E, C>,
  state: S,
): boolean {
  return machine.terminal.includes(state);
}

/**
 * Pure transition: checks the table, then the actor's roles, then the guard, in that order,
 * and returns what the step issues and which clocks it moves. Throws WorkflowError.
 */
export function transition<S extends string, E extends string, C>(
  machine: Machine<S, E, C>,
  state: S,
  event: E,
  request: TransitionRequest<C>,
): TransitionResult<S, E> {
  const t = findTransition(machine, state, event);
  const stateLabel = machine.states[state] ?? state;
  const eventLabel = machine.events[event] ?? event;
  const details = { track: machine.track, state, event };
  if (!t) {
    throw new WorkflowError(
      'WORKFLOW_ILLEGAL_TRANSITION',
      `当前状态“${stateLabel}”下不能执行“${eventLabel}”`,
      details,
    );
  }
  if (!request.roles.some((r) => t.roles.includes(r))) {
    throw new WorkflowError('WORKFLOW_ROLE_FORBIDDEN', `当前岗位无权执行“${eventLabel}”`, {
      ...details,
      allowedRoles: t.roles,
    });
  }
  if (t.guard) {
    const reason = t.guard((request.ctx ?? {}) as C);
    if (reason !== null) {
      throw new WorkflowError('WORKFLOW_GUARD_FAILED', `不能执行“${eventLabel}”：${reason}`, {
        ...details,
        reason,
      });
    }
  }
  return {
    from: state,
    event,
    to: t.to,
    documents: t.documents,
    clocksStart: t.clocksStart,
    clocksStop: t.clocksStop,
    clocksPause: t.clocksPause,
    clocksResume: t.clocksResume,
    clocksExtend: t.clocksExtend,
    clockOutcomes: t.clockOutcomes,
  };
}

export interface AvailableEvent<S extends string, E extends string> {
  event: E;
  label: string;
  to: S;
  /** False when the guard refuses; `reason` says why (show the button disabled with a tooltip). */
  enabled: boolean;
  reason: string | null;
}

/** Events the actor may see from `state` (role-filtered), with the guard verdict for the UI. */
export function availableEvents<S extends string, E extends string, C>(
  machine: Machine<S, E, C>,
  state: S,
  roles: readonly RoleCode[],
  ctx?: C,
): AvailableEvent<S, E>[] {
  return machine.transitions
    .filter((t) => t.from === state && roles.some((r) => t.roles.includes(r)))
    .map((t) => {
      const reason = t.guard ? t.guard((ctx ?? {}) as C) : null;
      return { event: t.event, label: machine.events[t.event], to: t.to, enabled: reason === null, reason };
    });
}
