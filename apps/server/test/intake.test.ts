import { describe, expect, it } from 'vitest';
import { type Client, signedIn, useTestServer } from './harness';
import { creditCode, intakeBody, jurisdictions, residentId } from './intake-fixtures';

describe('intake: one transaction, validation, idempotency, numbering, triage, duplicates, merge', () => {
  const env = useTestServer();
  const count = async (table: 'matter' | 'party' | 'matter_claim' | 'matter_event') => {
    const r = await env.server.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  async function setup(): Promise<{ clerk: Client; zengdu: string }> {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((j) => j.name === '曾都区')!.id;
    return { clerk, zengdu };
  }

  it('creates parties, matter, claims, triage decision and consent in one call', async () => {
    const { clerk, zengdu } = await setup();
    const body = intakeBody(zengdu, {
      triage: { mode: 'accept' },
      consent: { given: true, method: 'window_signature', workerIndex: 0 },
    });
    const preview = await clerk.post('/api/intake/triage', body);
    expect(preview.status).toBe(200);
    expect(preview.body.result.priorityFlags).toEqual(['wage_arrears', 'migrant_worker']);
    expect(preview.body.result.choice.options.map((o: { track: string }) => o.track)).toContain('inspection');
    expect(preview.body.defaultRoutes).toEqual([{ claimIndex: 0, track: 'mediation' }]);
    const r = await clerk.post('/api/intake', body);
    expect(r.status).toBe(201);
    expect(r.body.number).toMatch(/^随维〔\d{4}〕\d{5}$/);
    expect(r.body.status).toBe('routed');
    expect(r.body.claims[0]).toMatchObject({
      type: 'unpaid_wages',
      amountFen: 1_250_000,
      track: 'mediation',
    });
    expect(r.body.triage.decision.mode).toBe('accept');
    expect(r.body.triage.result.recommendations.length).toBeGreaterThan(0);
    expect(r.body.triage.mediationConsent).toMatchObject({
      given: true,
      method: 'window_signature',
      workerName: '王建国',
      recordedByName: expect.any(String),
    });
    const kinds = r.body.timeline.map((e: { kind: string }) => e.kind);
    // Registration, triage and consent; the consented mediation case then opens at once.
    expect(kinds.slice(0, 3)).toEqual(['created', 'triaged', 'mediation_consent']);
    expect(kinds).toContain('case_opened');
    expect(r.body.allowedActions).toContain('edit');
    expect(r.body.allowedActions).not.toContain('viewPii');
    const admin = await signedIn(env, 'admin');
    const audit = await admin.get(`/api/admin/audit?entityId=${r.body.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('matter.create');
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const { clerk, zengdu } = await setup();
    const before = await Promise.all([
      count('matter'),
      count('party'),
      count('matter_claim'),
      count('matter_event'),
    ]);
    const base = intakeBody(zengdu);
    const claim = base.claims[0]!;
    const cases: [Record<string, unknown>, string][] = [
      [{ claims: [{ ...claim, type: 'free_lunch' }] }, 'CLAIM_UNKNOWN_TYPE'],
      [{ claims: [{ ...claim, amountFen: -100 }] }, 'CLAIM_NEGATIVE_AMOUNT'],
      [{ claims: [{ ...claim, periodFrom: '2999-01-01', periodTo: undefined }] }, 'CLAIM_FUTURE_DATE'],
      // A claim without facts needs the shared statement of facts (案情陈述).
      [{ claims: [{ ...claim, facts: '' }], narrative: '  ' }, 'CLAIM_FACTS_REQUIRED'],
      [{ workers: [{ ...base.workers[0], idNumber: '421303198503121001' }] }, 'ID_CHECKSUM'],
      [{ employers: [{ ...base.employers[0], creditCode: '91421300MA4C12345Z' }] }, 'USCC_CHARSET'],
      [
        { triage: { mode: 'override', routes: [{ claimIndex: 0, track: 'inspection' }] } },
        'OVERRIDE_REASON_REQUIRED',
      ],
      [
        {
          triage: {
            mode: 'override',
            routes: [{ claimIndex: 0, track: 'mediation' }],
            overrideReason: '劳动者选择调解',
          },
        },
        'MEDIATION_CONSENT_REQUIRED',
      ],
    ];
    for (const [over, code] of cases) {
      const r = await clerk.post('/api/intake', { ...base, ...over });
      expect(r.status, code).toBe(400);
      expect(r.body.code).toBe(code);
      expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const unknownField = await clerk.post('/api/intake', { ...base, extra: 1 });
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');
    const after = await Promise.all([
      count('matter'),
      count('party'),
      count('matter_claim'),
      count('matter_event'),
    ]);
    expect(after).toEqual(before);
  });

  it('one statement of facts (案情陈述) serves every claim', async () => {
    const { clerk, zengdu } = await setup();
    const base = intakeBody(zengdu);
    const r = await clerk.post('/api/intake', {
      ...base,
      claims: base.claims.map((c) => ({ ...c, facts: '' })),
      narrative: '2026年8月至10月在工地做钢筋工，三个月工资未发放。',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.claims.every((c: { facts: string }) => c.facts === '')).toBe(true);
  });

  it('a retried submission with the same Idempotency-Key returns the first result, not a second matter', async () => {
    const { clerk, zengdu } = await setup();
    const body = intakeBody(zengdu);
    const headers = { 'idempotency-key': `intake-${Date.now()}` };
    const before = await count('matter');
    const a = await clerk.request('POST', '/api/intake', body, { headers });
    const b = await clerk.request('POST', '/api/intake', body, { headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replay')).toBe('true');
    expect(b.body.id).toBe(a.body.id);
    expect(b.body.number).toBe(a.body.number);
    expect(await count('matter')).toBe(before + 1);
  });

  it('stores an override with its reason; refuses a claim already in another procedure (R-03) with 409', async () => {
    const { clerk, zengdu } = await setup();
    const worker = { ...intakeBody(zengdu).workers[0]!, idNumber: residentId('19920505', 501) };
    const employer = {
      ...intakeBody(zengdu).employers[0]!,
      name: '随州市安达物流有限公司',
      creditCode: creditCode('MA4D5678'),
    };
    const first = await clerk.post(
      '/api/intake',
      intakeBody(zengdu, {
        workers: [worker],
        employers: [employer],
        triage: {
          mode: 'override',
          routes: [{ claimIndex: 0, track: 'inspection' }],
          overrideReason: '劳动者选择向劳动保障监察投诉',
        },
      }),
    );
    expect(first.status).toBe(201);
    expect(first.body.claims[0].track).toBe('inspection');
    expect(first.body.triage.decision).toMatchObject({
      mode: 'override',
      overrideReason: '劳动者选择向劳动保障监察投诉',
      recommendedRoutes: [{ claimIndex: 0, track: 'arbitration' }],
    });
    const second = await clerk.post(
      '/api/intake',
      intakeBody(zengdu, {
        workers: [worker],
        employers: [employer],
        triage: {
          mode: 'override',
          routes: [{ claimIndex: 0, track: 'arbitration' }],
          overrideReason: '改为申请仲裁',
        },
      }),
    );
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('CLAIM_IN_OTHER_PROCEEDING');
    expect(second.body.message).toContain('支付拖欠工资');
    expect(second.body.message).toContain(first.body.number);
    const twice = await clerk.post(
      '/api/intake',
      intakeBody(zengdu, {
        triage: {
          mode: 'override',
          routes: [
            { claimIndex: 0, track: 'arbitration' },
            { claimIndex: 0, track: 'inspection' },
          ],
          overrideReason: '测试双轨',
        },
      }),
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CLAIM_DOUBLE_TRACK');
    expect(twice.body.message).toContain('支付拖欠工资');
  });

  it('flags a duplicate (same worker and employer, open matter) and merges two matters', async () => {
    const { clerk, zengdu } = await setup();
    const worker = { ...intakeBody(zengdu).workers[0]!, idNumber: residentId('19800808', 808) };
    const employer = {
      ...intakeBody(zengdu).employers[0]!,
      name: '随州市恒通机械有限公司',
      creditCode: creditCode('MA4E9999'),
    };
    const a = await clerk.post(
      '/api/intake',
      intakeBody(zengdu, { workers: [worker], employers: [employer] }),
    );
    const b = await clerk.post(
      '/api/intake',
      intakeBody(zengdu, {
        channel: 'hotline_12333',
        workers: [worker],
        employers: [employer],
        claims: [{ type: 'overtime_pay', amountFen: 300_000, facts: '周末加班未付加班费' }],
      }),
    );
    expect(b.status).toBe(201);
    expect(b.body.duplicateOf).toMatchObject({ id: a.body.id, number: a.body.number });
    expect(b.body.timeline.some((e: { kind: string }) => e.kind === 'duplicate_flagged')).toBe(true);
    const aNow = await clerk.get(`/api/matters/${a.body.id}`);
    expect(aNow.body.duplicates.map((d: { id: string }) => d.id)).toContain(b.body.id);
    expect(aNow.body.timeline.some((e: { kind: string }) => e.kind === 'duplicate_flagged')).toBe(true);

    const stale = await clerk.post(`/api/matters/${a.body.id}/merge`, {
      version: aNow.body.version + 5,
      otherId: b.body.id,
      otherVersion: b.body.version,
      reason: '同一事项重复登记',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.id).toBe(a.body.id);
    const merged = await clerk.post(`/api/matters/${a.body.id}/merge`, {
      version: aNow.body.version,
      otherId: b.body.id,
      otherVersion: b.body.version,
      reason: '同一事项重复登记',
    });
    expect(merged.status).toBe(200);
    expect(merged.body.claims.map((c: { type: string }) => c.type)).toEqual(['unpaid_wages', 'overtime_pay']);
    expect(merged.body.timeline.at(-1).kind).toBe('merged_in');
    const bNow = await clerk.get(`/api/matters/${b.body.id}`);
    expect(bNow.body).toMatchObject({ status: 'merged', mergedInto: { id: a.body.id } });
    expect(bNow.body.timeline.at(-1).kind).toBe('merged');
    expect(bNow.body.claims).toEqual([]);
  });

  it('PATCH uses the version: a stale edit gets 409 with the fresh state', async () => {
    const { clerk, zengdu } = await setup();
    const m = await clerk.post('/api/intake', intakeBody(zengdu));
    const ok = await clerk.patch(`/api/matters/${m.body.id}`, {
      version: m.body.version,
      narrative: '补充：有考勤记录',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.narrative).toBe('补充：有考勤记录');
    expect(ok.body.timeline.at(-1).kind).toBe('updated');
    const stale = await clerk.patch(`/api/matters/${m.body.id}`, {
      version: m.body.version,
      narrative: '旧版本',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.narrative).toBe('补充：有考勤记录');
  });
});
