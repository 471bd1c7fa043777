import { describe, expect, it } from 'vitest';
import { ROLE_CODES, type RoleCode } from '../access/roles';
import { CLOCK_RULES } from '../clocks/rules';
import { isDocumentType } from './documents';
import { type AnyMachine, availableEvents, findTransition, transition } from './engine';
import { WorkflowError } from './errors';
import { WORKFLOW_MACHINES } from './registry';

type Ctx = Record<string, unknown>;

/** Per machine: a context that satisfies every guard, plus per-event overrides where guards exclude each other. */
const OK: Record<keyof typeof WORKFLOW_MACHINES, { base: Ctx; events?: Record<string, Ctx> }> = {
  consultation: { base: { submitsRequest: true, referTo: '应急管理部门' } },
  transfer: { base: { returnReason: '不属于本部门职责' } },
  mediation: {
    base: {
      bothPartiesConsent: true,
      itemsTotal: 3,
      itemsAgreed: 3,
      agreementSigned: true,
      daysSinceReceipt: 16,
      performanceDeadlinePassed: true,
      withdrawalReason: '已自行和解',
    },
    events: { agree_partially: { itemsAgreed: 2 } },
  },
  arbitration: {
    base: {
      missingItems: ['身份证复印件'],
      correctionDeadlinePassed: true,
      suitableForMediation: true,
      writtenConsent: true,
      agreementSigned: true,
      materialsComplete: true,
      acceptanceConditionsMet: true,
      rejectionReason: 'outside_scope',
      competentCommission: '武汉市劳动人事争议仲裁委员会',
      noticeDaysBeforeHearing: 5,
      postponementRequestDaysBefore: 3,
      hearingNoticeServed: true,
      partOfFactsClear: true,
      rightsClear: true,
      seriousHardship: true,
      bothPartiesSigned: true,
      mediationAttempted: true,
      simplified: true,
      bothPartiesAgreed: true,
      suspensionGround: 'awaiting_injury_or_appraisal',
      withdrawalApplicationFiled: true,
      revocationReason: '不属于受理范围',
      receivingCommission: '广水市劳动人事争议仲裁委员会',
      terminationGround: '劳动者死亡且无继承人',
      extensionDays: 15,
      alreadyExtended: false,
    },
  },
  inspection: {
    base: {
      olderThanTwoYears: false,
      belongsToDisputeProcedure: false,
      informTo: '劳动人事争议仲裁委员会',
      missingItems: ['被投诉单位名称'],
      correctionDeadlinePassed: true,
      inspectorCount: 2,
      alreadyExtended: false,
      minorAndCorrected: true,
      violationEstablished: false,
      receivingAuthority: '公安机关',
      complied: true,
      orderDeadlinePassed: true,
    },
    events: { reject: { olderThanTwoYears: true }, escalate_to_penalty: { complied: false } },
  },
  petition: {
    base: {
      channelTo: '劳动人事争议仲裁',
      receivingOrgan: '纪检监察机关',
      daysSinceReplyReceived: 30,
      agreementSigned: true,
      extensionReason: '情况复杂',
      alreadyExtended: false,
      majorOrUrgent: true,
    },
    events: { close: { daysSinceReplyReceived: 31 } },
  },
  legal_aid: {
    base: {
      subjectMatterEligible: true,
      economicHardship: true,
      missingItems: ['经济困难状况说明'],
      supplementDeadlinePassed: true,
      refusalReason: '不属于法律援助事项范围',
      daysToDeadline: 7,
      terminationGround: '受援人以欺骗方式获得法律援助',
    },
  },
};

const okCtx = (m: AnyMachine, event: string): Ctx => {
  const spec = OK[m.track as keyof typeof OK];
  return { ...spec.base, ...(spec.events?.[event] ?? {}) };
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(WorkflowError);
    expect((e as WorkflowError).message).toMatch(/[\u4e00-\u9fa5]/);
    return (e as WorkflowError).code;
  }
  return 'NO_ERROR';
}

const HAN = /[\u4e00-\u9fa5]/;

describe.each(Object.values(WORKFLOW_MACHINES) as AnyMachine[])('$track machine', (m) => {
  it('labels every state and event in Chinese and issues only known documents', () => {
    for (const s of m.stateList) expect(m.states[s]).toMatch(HAN);
    for (const e of m.eventList) expect(m.events[e]).toMatch(HAN);
    const docs = [...m.onCreate.documents, ...m.transitions.flatMap((t) => t.documents)];
    for (const d of docs) expect(isDocumentType(d), d).toBe(true);
  });

  it('moves only clocks that exist in the clock catalogue', () => {
    const known = new Set(CLOCK_RULES.map((r) => r.id));
    const used = [
      ...m.onCreate.clocksStart,
      ...m.transitions.flatMap((t) => [
        ...t.clocksStart,
        ...t.clocksStop,
        ...t.clocksPause,
        ...t.clocksResume,
      ]),
    ];
    for (const id of used) expect(known.has(id), id).toBe(true);
  });

  it('every state × every event: the declared transition or WORKFLOW_ILLEGAL_TRANSITION', () => {
    let legal = 0;
    for (const s of m.stateList) {
      for (const e of m.eventList) {
        const t = findTransition(m, s, e);
        if (!t) {
          expect(
            codeOf(() => transition(m, s, e, { roles: ROLE_CODES, ctx: okCtx(m, e) })),
            `${s} × ${e}`,
          ).toBe('WORKFLOW_ILLEGAL_TRANSITION');
          continue;
        }
        legal++;
        const r = transition(m, s, e, { roles: t.roles, ctx: okCtx(m, e) });
        expect(r).toEqual({
          from: s,
          event: e,
          to: t.to,
          documents: t.documents,
          clocksStart: t.clocksStart,
          clocksStop: t.clocksStop,
          clocksPause: t.clocksPause,
          clocksResume: t.clocksResume,
          clocksExtend: t.clocksExtend,
          clockOutcomes: t.clockOutcomes,
        });
      }
    }
    expect(legal).toBe(m.transitions.length);
  });

  it('terminal states accept no event', () => {
    for (const s of m.terminal) expect(availableEvents(m, s, ROLE_CODES, okCtx(m, ''))).toEqual([]);
  });

  it('refuses every role not allowed, and accepts any one allowed role among several', () => {
    for (const t of m.transitions) {
      const ctx = okCtx(m, t.event);
      for (const role of ROLE_CODES) {
        if (t.roles.includes(role)) continue;
        expect(codeOf(() => transition(m, t.from, t.event, { roles: [role], ctx }))).toBe(
          'WORKFLOW_ROLE_FORBIDDEN',
        );
        const mixed: RoleCode[] = [role, t.roles[0] as RoleCode];
        expect(transition(m, t.from, t.event, { roles: mixed, ctx }).to).toBe(t.to);
      }
      expect(codeOf(() => transition(m, t.from, t.event, { roles: [], ctx }))).toBe(
        'WORKFLOW_ROLE_FORBIDDEN',
      );
    }
  });

  it('guards fail closed: without context every guarded transition is refused with a reason', () => {
    for (const t of m.transitions) {
      const run = () => transition(m, t.from, t.event, { roles: t.roles });
      if (t.guard) expect(codeOf(run), `${t.from} × ${t.event}`).toBe('WORKFLOW_GUARD_FAILED');
      else expect(run().to).toBe(t.to);
    }
  });

  it('availableEvents lists exactly the declared exits the roles allow, with guard verdicts', () => {
    for (const s of m.stateList) {
      const declared = m.transitions.filter((t) => t.from === s).map((t) => t.event);
      const all = availableEvents(m, s, ROLE_CODES);
      expect(all.map((a) => a.event)).toEqual(declared);
      for (const a of all) {
        const t = findTransition(m, s, a.event)!;
        expect(a.enabled).toBe(!t.guard);
        if (t.guard) expect(a.reason).toMatch(HAN);
        expect(a.label).toBe(m.events[a.event]);
      }
      for (const a of all) {
        expect(
          availableEvents(m, s, ROLE_CODES, okCtx(m, a.event)).find((x) => x.event === a.event)?.enabled,
        ).toBe(true);
      }
      expect(availableEvents(m, s, ['sysadmin'])).toEqual([]);
    }
  });
});
