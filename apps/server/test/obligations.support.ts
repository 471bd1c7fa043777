import { expect } from 'vitest';
import { newMatter, type Places } from './cases.support';
import { signedIn, type TestEnv } from './harness';

const WAGES = {
  type: 'unpaid_wages',
  amountFen: 800_000,
  periodFrom: '2026-07-01',
  periodTo: '2026-10-31',
  facts: '2026年7月至10月工资未发放',
};

const ok = (r: { status: number; body: unknown }, status = 200) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as any;
};

/**
 * A mediation agreement on 8,000.00元 of wages (曾都区, worker phone 13871234567), paid in two
 * instalments of 4,000.00元 due 2026-12-20 and 2027-01-20. Set the business date before 2026-12-20.
 */
export async function agreementInTwoInstalments(env: TestEnv, p: Places, worker: string) {
  const clerk = await signedIn(env, 'clerk');
  const mediator = await signedIn(env, 'zhangmin');
  const m = await newMatter(clerk, p.zengdu, { worker, claims: [WAGES] });
  const started = ok(
    await clerk.post(`/api/matters/${m.id}/mediation`, {
      consent: { given: true, method: 'window_signature', note: '窗口当面签字' },
    }),
    201,
  );
  const caseId = started.caseId as string;
  let d = ok(await mediator.get(`/api/mediation/cases/${caseId}`));
  const claimId = m.claims[0]!.id;
  d = ok(
    await mediator.post(`/api/mediation/cases/${caseId}/proposal`, {
      version: d.version,
      mediatorContact: '0722-3258000',
      items: [{ claimId, proposedFen: 800_000, reason: '按工资表核对' }],
    }),
  );
  for (const side of ['worker', 'employer']) {
    ok(
      await clerk.post(`/api/mediation/cases/${caseId}/replies`, {
        side,
        ...(side === 'employer' ? { channel: 'phone' } : {}),
        replies: [{ claimId, accepted: true }],
      }),
    );
  }
  d = ok(await mediator.get(`/api/mediation/cases/${caseId}`));
  const uneven = await mediator.post(`/api/mediation/cases/${caseId}/agreement`, {
    version: d.version,
    performanceDate: '2027-01-20',
    signed: true,
    instalments: [{ claimId, amountFen: 400_000, dueDate: '2026-12-20' }],
  });
  expect([uneven.status, uneven.body.code, uneven.body.message]).toEqual([
    400,
    'INSTALMENTS_INVALID',
    '分期金额合计4000.00元，与协议金额8000.00元不符',
  ]);
  d = ok(
    await mediator.post(`/api/mediation/cases/${caseId}/agreement`, {
      version: d.version,
      performanceDate: '2027-01-20',
      signed: true,
      instalments: [
        { claimId, amountFen: 400_000, dueDate: '2026-12-20' },
        { claimId, amountFen: 400_000, dueDate: '2027-01-20' },
      ],
    }),
  );
  const agreement = d.documents.find((x: any) => x.type === 'mediation_agreement');
  return { matterId: m.id, caseId, agreement };
}
