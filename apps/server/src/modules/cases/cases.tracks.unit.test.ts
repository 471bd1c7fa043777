import { formatNumber, validateNumberPattern } from '@onestop/domain';
import { describe, expect, it } from 'vitest';
import { CASE_TRACKS } from './cases.tables';
import { TRACKS, trackForArea } from './cases.tracks';

describe('track specs', () => {
  it('every pattern is valid and formats the official numbers', () => {
    for (const t of CASE_TRACKS) expect(validateNumberPattern(TRACKS[t].pattern), t).toEqual([]);
    expect(formatNumber(TRACKS.arbitration.pattern, 2026, 15)).toBe('随劳人仲案字〔2026〕第15号');
    expect(formatNumber(TRACKS.petition.pattern, 2026, 3)).toBe('随信转〔2026〕3号');
    expect(formatNumber(TRACKS.consultation.pattern, 2026, 7)).toBe('随咨〔2026〕7号');
  });

  it('handlers of a declared machine may act in it, and every work area maps to one track', () => {
    for (const t of CASE_TRACKS) {
      const m = TRACKS[t].machine;
      if (!m) continue;
      const acting = new Set(m.transitions.flatMap((x) => x.roles));
      for (const h of TRACKS[t].handlers) expect(acting.has(h), `${t}: ${h}`).toBe(true);
      expect(trackForArea(TRACKS[t].area)).toBe(t);
    }
  });
});
