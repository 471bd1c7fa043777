import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from './documents';
import { transition } from './engine';
import { inspectionMachine } from './inspection.machine';

const ROLES = { roles: ['inspector', 'leader'] as const };

/** The documents the inspection machine names are the document module's template codes. */
describe('inspection machine documents', () => {
  it('the penalty notice is the penalty_notice template (propose and escalate)', () => {
    expect(
      transition(inspectionMachine, 'investigating', 'propose_penalty', { ...ROLES, ctx: {} }).documents,
    ).toEqual(['penalty_notice']);
    expect(
      transition(inspectionMachine, 'ordered', 'escalate_to_penalty', {
        ...ROLES,
        ctx: { orderDeadlinePassed: true, complied: false },
      }).documents,
    ).toEqual(['penalty_notice']);
    expect(DOCUMENT_TYPES.penalty_notice).toBe('行政处罚告知书');
  });

  it.each([
    ['penalized', {}],
    ['case_withdrawn', {}],
    ['investigation_ended', {}],
    ['ordered', { complied: true }],
  ])('closing from %s issues the 结案审批表 and the result notice', (from, ctx) => {
    const r = transition(inspectionMachine, from as never, 'close', { ...ROLES, ctx });
    expect(r.to).toBe('closed');
    expect(r.documents).toEqual(['inspection_closing_approval', 'inspection_result_notice']);
  });

  it('labels the inspection codes with the titles printed on the documents', () => {
    expect(DOCUMENT_TYPES.inspection_closing_approval).toBe('结案审批表');
    expect(DOCUMENT_TYPES.inspection_result_notice).toBe('投诉处理结果告知书');
    expect(DOCUMENT_TYPES.hearing_notice_penalty).toBe('行政处罚听证通知书');
    expect(Object.keys(DOCUMENT_TYPES)).not.toContain('penalty_pre_notice');
    expect(Object.keys(DOCUMENT_TYPES)).not.toContain('result_notice');
  });
});
