import { describe, expect, it } from 'vitest';
import {
  ROOM_ADJUSTMENTS,
  ROOM_FORMAT_RULES,
  ROOM_FORMATS,
  ROOM_KINDS,
  ROOM_RECORD_DOCUMENTS,
  ROOM_ROLE_RIGHTS,
} from './index';

describe('online rooms as data', () => {
  it('every format names the kinds it serves and cites a statute with its article', () => {
    for (const f of ROOM_FORMATS) {
      expect(ROOM_FORMAT_RULES[f].basis).toMatch(/《.+》第.+条/);
      expect(ROOM_FORMAT_RULES[f].kinds.length).toBeGreaterThan(0);
    }
    expect(ROOM_KINDS.map((k) => ROOM_FORMATS.filter((f) => ROOM_FORMAT_RULES[f].kinds.includes(k)))).toEqual(
      [
        ['in_person', 'video', 'phone'],
        ['in_person', 'video', 'written'],
      ],
    );
  });

  it('adjustments and record documents carry their basis; only the presiding staff admit, mute and remove', () => {
    for (const a of Object.values(ROOM_ADJUSTMENTS)) expect(a.basis).toMatch(/《.+》第.+条/);
    expect(ROOM_RECORD_DOCUMENTS.mediation.type).toBe('mediation_record');
    expect(ROOM_RECORD_DOCUMENTS.hearing.basis).toContain('第四十条');
    expect(
      Object.entries(ROOM_ROLE_RIGHTS)
        .filter(([, r]) => r.admit)
        .map(([k]) => k),
    ).toEqual(['presiding']);
    expect(
      Object.entries(ROOM_ROLE_RIGHTS)
        .filter(([, r]) => r.waits)
        .map(([k]) => k),
    ).toEqual(['worker', 'employer']);
  });
});
