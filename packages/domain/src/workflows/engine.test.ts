import { describe, expect, it } from 'vitest';
import { arbitrationMachine } from './arbitration.machine';
import { type AnyMachine, defineMachine, transition } from './engine';
import { DomainError, isDomainError, type WorkflowError } from './errors';
import { inspectionMachine } from './inspection.machine';
import { legalAidMachine } from './legal-aid.machine';
import { mediationMachine } from './mediation.machine';
import { petitionMachine } from './petition.machine';

const states = { a: '甲', b: '乙', c: '丙' } as const;
const events = { go: '前进', stop: '停止' } as const;

function invalidCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as WorkflowError).code;
  }
  return undefined;
}

describe('defineMachine validates the table', () => {
  const ok = {
    track: 't',
    states,
    events,
    initial: 'a' as const,
    terminal: ['c'] as const,
    transitions: [
      { from: 'a' as const, event: 'go' as const, to: 'b' as const, roles: ['mediator' as const] },
      { from: 'b' as const, event: 'stop' as const, to: 'c' as const, roles: ['mediator' as const] },
    ],
  };

  it('accepts a well-formed machine', () => {
    expect(defineMachine(ok).transitions).toHaveLength(2);
  });

  it.each([
    [
      'duplicate (from, event)',
      { transitions: [...ok.transitions, { ...ok.transitions[0]!, to: 'c' as const }] },
    ],
    ['exit from a terminal state', { terminal: ['b', 'c'] as const }],
    ['non-terminal state without exit', { terminal: [] as const }],
    [
      'unreachable state',
      {
        transitions: [{ ...ok.transitions[1]!, from: 'a' as const }, ok.transitions[0]!],
        initial: 'b' as const,
      },
    ],
    ['unused event', { events: { ...events, extra: '多余' } }],
    ['empty roles', { transitions: [{ ...ok.transitions[0]!, roles: [] }, ok.transitions[1]!] }],
  ])('rejects %s', (_name, patch) => {
    expect(invalidCode(() => defineMachine({ ...ok, ...patch } as typeof ok))).toBe(
      'WORKFLOW_INVALID_MACHINE',
    );
  });
});

describe('errors', () => {
  it('WorkflowError is a DomainError with a stable code and details', () => {
    try {
      transition(arbitrationMachine, 'closed', 'accept', { roles: ['arbitrator'] });
    } catch (e) {
      expect(isDomainError(e)).toBe(true);
      expect(e).toBeInstanceOf(DomainError);
      expect((e as WorkflowError).details).toMatchObject({
        track: 'arbitration',
        state: 'closed',
        event: 'accept',
      });
      expect((e as Error).message).toBe('当前状态“已结案归档”下不能执行“受理立案”');
    }
    expect.assertions(4);
  });

  it('checks the table before roles, and roles before guards', () => {
    expect(
      invalidCode(() => transition(arbitrationMachine, 'closed', 'accept', { roles: ['sysadmin'] })),
    ).toBe('WORKFLOW_ILLEGAL_TRANSITION');
    expect(
      invalidCode(() => transition(arbitrationMachine, 'received', 'accept', { roles: ['mediator'] })),
    ).toBe('WORKFLOW_ROLE_FORBIDDEN');
  });
});

describe('legal guards at their boundaries', () => {
  const guardOf = (fn: () => unknown) => {
    try {
      fn();
      return null;
    } catch (e) {
      return (e as WorkflowError).code === 'WORKFLOW_GUARD_FAILED' ? (e as WorkflowError).message : 'OTHER';
    }
  };
  const arbitration: AnyMachine = arbitrationMachine;
  const inspection: AnyMachine = inspectionMachine;
  const arb = (state: string, event: string, ctx: object) =>
    guardOf(() => transition(arbitration, state, event, { roles: ['arbitrator', 'leader'], ctx }));

  it("arbitration: hearing notice ≥5 days, a late postponement request is the commission's call, no-show needs proof of service", () => {
    expect(arb('answer_period', 'schedule_hearing', { noticeDaysBeforeHearing: 4 })).toContain('开庭五日前');
    expect(arb('answer_period', 'schedule_hearing', { noticeDaysBeforeHearing: 5 })).toBeNull();
    expect(arb('hearing_scheduled', 'postpone', { postponementRequestDaysBefore: 2 })).toBeNull();
    expect(arb('hearing_scheduled', 'postpone', {})).toBe('不能执行“延期开庭”：须写明延期请求提出的日期');
    expect(arb('hearing_scheduled', 'applicant_no_show', { hearingNoticeServed: false })).toContain('送达');
  });

  it('arbitration: mediation before award; extension at most 15 days and once', () => {
    expect(arb('hearing', 'award', {})).toContain('先行调解');
    expect(arb('hearing', 'extend_award_period', { extensionDays: 16, alreadyExtended: false })).toContain(
      '十五日',
    );
    expect(arb('hearing', 'extend_award_period', { extensionDays: 10, alreadyExtended: true })).toContain(
      '一次',
    );
    expect(arb('received', 'accept', { materialsComplete: false, acceptanceConditionsMet: true })).toContain(
      '补正',
    );
    expect(arb('received', 'reject', { rejectionReason: 'because' })).toContain('理由类别');
  });

  it('arbitration: acceptance starts the award clock; suspension pauses it', () => {
    const ok = transition(arbitrationMachine, 'received', 'accept', {
      roles: ['arbitrator'],
      ctx: { materialsComplete: true, acceptanceConditionsMet: true },
    });
    expect(ok.clocksStart).toContain('arbitration.award');
    expect(ok.documents).toEqual(['filing_approval_form', 'acceptance_notice']);
    const s = transition(arbitrationMachine, 'hearing', 'suspend', {
      roles: ['leader'],
      ctx: { suspensionGround: 'awaiting_injury_or_appraisal' },
    });
    expect(s.clocksPause).toEqual(['arbitration.award']);
  });

  it('mediation: full vs partial agreement by item, and the 15-day period', () => {
    const run = (
      event: 'agree' | 'agree_partially' | 'period_expired',
      ctx: object,
      state = 'in_session' as const,
    ) => guardOf(() => transition(mediationMachine, state, event, { roles: ['mediator'], ctx }));
    expect(run('agree', { itemsTotal: 3, itemsAgreed: 2, agreementSigned: true })).toContain('未达成一致');
    expect(run('agree_partially', { itemsTotal: 3, itemsAgreed: 3, agreementSigned: true })).toContain(
      '至少一项',
    );
    expect(run('agree_partially', { itemsTotal: 3, itemsAgreed: 0, agreementSigned: true })).toContain(
      '至少一项',
    );
    expect(run('period_expired', { daysSinceReceipt: 15 })).toContain('十五日');
    expect(run('period_expired', { daysSinceReceipt: 16 })).toBeNull();
  });

  it('inspection: two-year limit, dispute procedures, two inspectors, untrue complaint', () => {
    const run = (state: string, event: string, ctx: object) =>
      guardOf(() => transition(inspection, state, event, { roles: ['inspector', 'leader'], ctx }));
    expect(run('registered', 'reject', { olderThanTwoYears: false })).toContain('两年');
    expect(
      run('registered', 'accept', { olderThanTwoYears: false, belongsToDisputeProcedure: true }),
    ).toContain('仲裁');
    expect(run('filed', 'start_investigation', { inspectorCount: 1 })).toContain('两名以上');
    expect(run('investigating', 'end_investigation', { violationEstablished: true })).toContain('不实');
    expect(run('investigating', 'withdraw_case', { minorAndCorrected: true })).toBeNull();
  });

  it('petition: review within 30 days of the reply', () => {
    const run = (days: number) =>
      guardOf(() =>
        transition(petitionMachine, 'decided', 'request_review', {
          roles: ['petition_officer'],
          ctx: { daysSinceReplyReceived: days },
        }),
      );
    expect(run(30)).toBeNull();
    expect(run(31)).toContain('三十日');
  });

  it('legal aid: urgent aid within 7 days; migrant workers exempt from the means test', () => {
    const run = (event: 'provide_urgent_aid' | 'grant', ctx: object) =>
      guardOf(() => transition(legalAidMachine, 'applied', event, { roles: ['legal_aid_liaison'], ctx }));
    expect(run('provide_urgent_aid', { daysToDeadline: 8 })).toContain('七日');
    expect(run('provide_urgent_aid', { daysToDeadline: 8, urgentMeasureNeeded: true })).toBeNull();
    expect(run('grant', { subjectMatterEligible: true })).toContain('经济困难');
    expect(run('grant', { subjectMatterEligible: true, meansTestExempt: true })).toBeNull();
  });
});

describe('an arbitration case from the window to the archive', () => {
  it('walks received → accepted → hearing → award → closed', () => {
    const ctx = {
      materialsComplete: true,
      acceptanceConditionsMet: true,
      noticeDaysBeforeHearing: 7,
      mediationAttempted: true,
    };
    const steps = [
      ['accept', 'arbitrator'],
      ['serve_respondent', 'tribunal_clerk'],
      ['schedule_hearing', 'tribunal_clerk'],
      ['hold_hearing', 'arbitrator'],
      ['award', 'arbitrator'],
      ['serve_final_award', 'tribunal_clerk'],
      ['close', 'tribunal_clerk'],
    ] as const;
    const machine: AnyMachine = arbitrationMachine;
    let state = machine.initial;
    const path: string[] = [state];
    for (const [event, role] of steps) {
      state = transition(machine, state, event, { roles: [role], ctx }).to;
      path.push(state);
    }
    expect(path).toEqual([
      'received',
      'accepted',
      'answer_period',
      'hearing_scheduled',
      'hearing',
      'awarded',
      'award_served',
      'closed',
    ]);
  });
});
