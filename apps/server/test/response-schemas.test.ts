import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { matterDetailSchema, triageResultSchema } from '../src/modules/matters';
import { mediationDetailSchema, mediationOverviewSchema } from '../src/modules/mediation/mediation.schema';
import { newMatter, places } from './cases.support';
import { signedIn, useTestServer } from './harness';
import { intakeBody } from './intake-fixtures';

/**
 * The route schemas the web's generated types come from (issue #16) describe what the presenters
 * really answer: each answer parses with its schema, and parsing keeps every field (a field the
 * schema does not name would be dropped, so the parsed value would differ).
 */
function conforms(schema: z.ZodType, body: unknown): void {
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(body);
}

describe('response schemas describe the answers (web types are generated from them)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });

  it('GET /api/matters/:id — triage result, decision and the mediation consent', async () => {
    const p = await places(env);
    const clerk = await signedIn(env, 'clerk');
    const body = intakeBody(p.zengdu, {
      triage: { mode: 'accept' },
      consent: { given: true, method: 'window_signature', workerIndex: 0 },
    });
    const created = await clerk.post('/api/intake', body);
    expect(created.status).toBe(201);
    const m = (await clerk.get(`/api/matters/${created.body.id}`)).body;
    expect(m.triage.result).not.toBeNull();
    expect(m.triage.decision.mode).toBe('accept');
    expect(m.triage.mediationConsent.methodLabel).toBe('窗口当面签字确认');
    conforms(matterDetailSchema, m);
  });

  it('POST /api/intake/triage — the preview’s result', async () => {
    const p = await places(env);
    const clerk = await signedIn(env, 'clerk');
    const r = await clerk.post('/api/intake/triage', intakeBody(p.zengdu));
    expect(r.status).toBe(200);
    expect(r.body.result.recommendations.length).toBeGreaterThan(0);
    conforms(triageResultSchema, r.body.result);
  });

  it('GET /api/mediation/cases/:id and /api/matters/:id/mediation — consents, sessions, overview', async () => {
    const p = await places(env);
    const clerk = await signedIn(env, 'clerk');
    const mediator = await signedIn(env, 'zhangmin');
    const m = await newMatter(clerk, p.zengdu);
    const started = await clerk.post(`/api/matters/${m.id}/mediation`, {
      consent: { given: true, method: 'window_signature', note: '窗口当面签字' },
    });
    expect(started.status).toBe(201);
    const before = (await mediator.get(`/api/mediation/cases/${started.body.caseId}`)).body;
    const s = await mediator.post(`/api/mediation/cases/${before.id}/sessions`, {
      version: before.version,
      startsAt: '2026-02-02T09:30:00+08:00',
      room: '一站式中心第二调解室',
      joint: true,
      mediators: [{ name: '张敏', agency: 'hrss' }],
      participants: ['劳动者本人'],
      employerConsents: true,
    });
    expect(s.status).toBe(200);
    const d = (await mediator.get(`/api/mediation/cases/${before.id}`)).body;
    expect(d.consent.given).toBe(true);
    expect(d.employerConsent.channel).toBe('session');
    expect(d.sessions).toHaveLength(1);
    conforms(mediationDetailSchema, d);
    const overview = (await clerk.get(`/api/matters/${m.id}/mediation`)).body;
    expect(overview.cases).toHaveLength(1);
    conforms(mediationOverviewSchema, overview);
  });
});
