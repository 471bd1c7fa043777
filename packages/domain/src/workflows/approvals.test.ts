import { describe, expect, it } from 'vitest';
import { REQUIRED_ELEMENTS } from '../documents/elements';
import {
  APPROVAL_FORMS,
  filingApprovalRequired,
  inspectionFilingApprovalRequired,
  isApprovalFormKind,
  mayApproveForm,
} from './approvals';
import { INSPECTION_APPROVALS, INSPECTION_FORM_KIND, inspectionApprovalKey } from './inspection.approvals';
import { WORKFLOW_MACHINES } from './registry';

describe('approval forms', () => {
  it('every form is a document type with its required elements and every gated step is an event of its track', () => {
    for (const [kind, f] of Object.entries(APPROVAL_FORMS)) {
      expect(Object.keys(REQUIRED_ELEMENTS), kind).toContain(f.form);
      expect(f.basis, kind).toMatch(/《.+》第.+条/);
      const machine = WORKFLOW_MACHINES[f.track as keyof typeof WORKFLOW_MACHINES];
      const events = new Set(machine.transitions.map((t: { event: string }) => t.event));
      if (f.gates) expect(events.has(f.gates), `${kind} gates ${f.gates}`).toBe(true);
    }
  });
  it('the inspection approvals are views of the same table', () => {
    for (const [k, kind] of Object.entries(INSPECTION_FORM_KIND)) {
      const rule = INSPECTION_APPROVALS[k as keyof typeof INSPECTION_APPROVALS];
      expect(rule.form).toBe(APPROVAL_FORMS[kind].form);
      expect(rule.approverRoles).toEqual(APPROVAL_FORMS[kind].approverRoles);
    }
  });
  it('only the approving post may approve', () => {
    expect(mayApproveForm('arbitration_closing', ['arbitrator', 'leader'])).toBe(true);
    expect(mayApproveForm('arbitration_closing', ['arbitrator'])).toBe(false);
    expect(isApprovalFormKind('arbitration_filing')).toBe(true);
    expect(isApprovalFormKind('toString')).toBe(false);
  });
  it('filing approval: default the city commission collective cases; overridable per jurisdiction', () => {
    expect(filingApprovalRequired({ level: 'city', collective: true })).toBe(true);
    expect(filingApprovalRequired({ level: 'city', collective: false })).toBe(false);
    expect(filingApprovalRequired({ level: 'county', collective: true })).toBe(false);
    expect(filingApprovalRequired({ level: 'county', collective: false }, 'all')).toBe(true);
    expect(filingApprovalRequired({ level: 'city', collective: true }, 'none')).toBe(false);
  });
  it('inspection filing approval: every complaint and report case by default; ex officio cases never', () => {
    expect(inspectionFilingApprovalRequired('complaint')).toBe(true);
    expect(inspectionFilingApprovalRequired('report')).toBe(true);
    expect(inspectionFilingApprovalRequired('campaign')).toBe(false);
    expect(inspectionFilingApprovalRequired('ex_officio', 'all')).toBe(false);
    expect(inspectionFilingApprovalRequired('complaint', 'none')).toBe(false);
  });
  it('every inspection approval maps back from its form kind', () => {
    for (const [k, kind] of Object.entries(INSPECTION_FORM_KIND)) expect(inspectionApprovalKey(kind)).toBe(k);
    expect(inspectionApprovalKey('arbitration_filing')).toBeNull();
  });
});
