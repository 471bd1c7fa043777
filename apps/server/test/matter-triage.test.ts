import { describe, expect, it } from 'vitest';
import { Client, signedIn, useTestServer } from './harness';
import { intakeBody, jurisdictions } from './intake-fixtures';

// POST /api/matters/:id/triage — the triage decision on a registered matter (served by the intake
// module since the module cycles were broken; the URL and the OpenAPI tag are unchanged).
describe('triage decision on a registered matter', () => {
  const env = useTestServer();

  async function registeredMatter() {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((j) => j.name === '曾都区')!.id;
    const body = intakeBody(zengdu);
    delete (body as Record<string, unknown>).triage;
    delete (body as Record<string, unknown>).consent;
    const r = await clerk.post('/api/intake', body);
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('registered');
    return { clerk, matter: r.body as { id: string; version: number } };
  }

  it('walks 401 → 400 → 200 (routed, decision recorded) → 409 on the old version', async () => {
    const { clerk, matter } = await registeredMatter();
    const url = `/api/matters/${matter.id}/triage`;
    expect(
      (await new Client(env.url).post(url, { version: matter.version, triage: { mode: 'accept' } })).status,
    ).toBe(401);
    const bad = await clerk.post(url, { version: matter.version });
    expect(bad.status).toBe(400);
    const ok = await clerk.post(url, { version: matter.version, triage: { mode: 'accept' } });
    expect(ok.status).toBe(200);
    expect(ok.body.id).toBe(matter.id);
    expect(ok.body.status).toBe('routed');
    expect(ok.body.version).toBe(matter.version + 1);
    expect(ok.body.triage.decision.mode).toBe('accept');
    const stale = await clerk.post(url, { version: matter.version, triage: { mode: 'accept' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
  });
});
