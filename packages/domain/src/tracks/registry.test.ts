import { describe, expect, it } from 'vitest';
import { CLOCK_TRACK_LABELS } from '../clocks/types';
import { WORKFLOW_MACHINES } from '../workflows/registry';
import {
  CASE_TRACK_IDS,
  CASE_TRACK_LABELS,
  CLAIM_TRACK_IDS,
  CLAIM_TRACK_LABELS,
  TRACK_REGISTRY,
  trackLabel,
} from './registry';

describe('track registry', () => {
  it('derives the case and claim track lists in declaration order', () => {
    expect(CASE_TRACK_IDS).toEqual([
      'consultation',
      'mediation',
      'arbitration',
      'inspection',
      'petition',
      'legal_aid',
      'court',
    ]);
    expect(CLAIM_TRACK_IDS).toEqual([
      'consultation',
      'mediation',
      'arbitration',
      'inspection',
      'petition',
      'referral',
    ]);
    expect(CASE_TRACK_LABELS.court).toBe('诉调对接');
    expect(CLAIM_TRACK_LABELS.referral).toBe('转办其他部门');
    expect(trackLabel('legal_aid')).toBe('法律援助');
    expect(trackLabel('toString')).toBe('');
  });

  it('names only declared machines and clock families, with the clocks’ own labels', () => {
    for (const [id, t] of Object.entries(TRACK_REGISTRY)) {
      if (t.machine) expect(WORKFLOW_MACHINES[t.machine], id).toBeDefined();
      if (t.clockTrack) expect(CLOCK_TRACK_LABELS[t.clockTrack], id).toBe(t.label);
    }
    // Every machine but the cross-track transfer belongs to exactly one track.
    const machines = Object.values(TRACK_REGISTRY).flatMap((t) => (t.machine ? [t.machine] : []));
    expect([...machines, 'transfer'].sort()).toEqual(Object.keys(WORKFLOW_MACHINES).sort());
  });
});
