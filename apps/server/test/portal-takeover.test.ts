import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';
import { creditCode, residentId } from './intake-fixtures';
import { applicationBody, type PortalClient, SmsGateway, signInByPhone } from './portal.support';

const sms = new SmsGateway();
await sms.start();
const env = useTestServer({
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: sms.url,
  STORAGE_DIR: `/tmp/onestop-portal-takeover-${randomUUID()}`,
});
afterAll(() => sms.stop());

const db = () => env.server.app.ctx.database.db;
const cipher = () => env.server.app.ctx.cipher;

async function partyRow(id: string) {
  return db()
    .selectFrom('party')
    .select(['name', 'phone_enc', 'contact_name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A worker files online against an employer; returns the matter and its parties as the clerk sees them. */
async function fileAgainst(worker: PortalClient, body: ReturnType<typeof applicationBody>, clerk: Client) {
  const r = await worker.post('/api/portal/applications', body, { 'idempotency-key': randomUUID() });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const d = (await clerk.get(`/api/matters/${r.body.matterId}`)).body;
  return { matterId: r.body.matterId as string, employerId: d.employers[0].id, workerId: d.workers[0].id };
}

describe('portal identity: access only from what a party proved', () => {
  let clerk: Client;
  let jurisdiction: string;
  beforeAll(async () => {
    clerk = await signedIn(env, 'clerk');
    jurisdiction = (await places(env)).zengdu;
  });

  it("an applicant who types his own phone as another worker's employer's contact gets nothing", async () => {
    const code = creditCode('MA4T0001');
    const victim = await signInByPhone(env, sms, '13711110001');
    const victimBody = applicationBody(jurisdiction, {
      employer: {
        name: '随州市恒通机械有限公司',
        creditCode: code,
        contactName: '孙会计',
        contactPhone: '13900000002',
        address: '随州市曾都区南郊工业园8号',
        legalRepresentative: '孙永福',
      },
    });
    const filed = await fileAgainst(victim, victimBody, clerk);

    const attacker = await signInByPhone(env, sms, '13722220002');
    const attackBody = applicationBody(jurisdiction, {
      worker: {
        name: '周小明',
        idType: 'resident_id',
        idNumber: residentId('19920101', 711),
        address: '随州市曾都区西城街道1号',
      },
      employer: {
        name: '被改名的公司',
        creditCode: code,
        contactName: '周经理',
        contactPhone: '13722220002',
      },
    });
    const mine = await fileAgainst(attacker, attackBody, clerk);
    // Same employer record, untouched: name, contact and phone as first registered.
    expect(mine.employerId).toBe(filed.employerId);
    const employer = await partyRow(filed.employerId);
    expect([employer.name, employer.contact_name]).toEqual(['随州市恒通机械有限公司', '孙会计']);
    expect(cipher().decrypt(employer.phone_enc!)).toBe('13900000002');
    // The attacker sees only his own matter, as its worker, and cannot act on the victim's.
    const list = (await attacker.get('/api/portal/matters')).body.items;
    expect(list.map((m: any) => [m.id, m.role])).toEqual([[mine.matterId, 'worker']]);
    const m = filed.matterId;
    expect((await attacker.get(`/api/portal/matters/${m}`)).status).toBe(404);
    const defence = await attacker.post(
      `/api/portal/matters/${m}/defence`,
      { text: '公司不认可申请人的全部请求。' },
      { 'idempotency-key': randomUUID() },
    );
    expect(defence.status).toBe(404);
    const consent = await attacker.post(
      `/api/portal/matters/${m}/consents`,
      { kind: 'electronic_service', given: false },
      { 'idempotency-key': randomUUID() },
    );
    expect(consent.status).toBe(404);
    // Even the phone registered as the employer's contact reaches the matter only with a 单位代表码.
    const contact = await signInByPhone(env, sms, '13900000002');
    expect((await contact.get('/api/portal/matters')).body.items).toEqual([]);
  });

  it("naming another worker's ID number neither rewrites that worker nor opens his matters", async () => {
    const victim = await signInByPhone(env, sms, '13711110003');
    const idNumber = residentId('19880808', 733);
    const victimBody = applicationBody(jurisdiction, {
      worker: { name: '吴大伟', idType: 'resident_id', idNumber, address: '随州市曾都区东城街道2号' },
    });
    const filed = await fileAgainst(victim, victimBody, clerk);
    const attacker = await signInByPhone(env, sms, '13722220004');
    const mine = await fileAgainst(
      attacker,
      applicationBody(jurisdiction, {
        worker: { name: '冒名者', idType: 'resident_id', idNumber, address: '别处' },
        acknowledgeDuplicate: true,
        kind: 'mediation',
      }),
      clerk,
    );
    expect(mine.workerId).toBe(filed.workerId);
    const w = await partyRow(filed.workerId);
    expect(w.name).toBe('吴大伟');
    expect(cipher().decrypt(w.phone_enc!)).toBe('13711110003');
    const list = (await attacker.get('/api/portal/matters')).body.items;
    expect(list.map((m: any) => m.id)).toEqual([mine.matterId]);
    expect((await attacker.get(`/api/portal/matters/${filed.matterId}`)).status).toBe(404);
  });

  it('the 单位代表码 is issued only by case staff, for an employer of the matter, and opens that matter alone', async () => {
    const worker = await signInByPhone(env, sms, '13711110005');
    const filed = await fileAgainst(
      worker,
      applicationBody(jurisdiction, {
        employer: {
          name: '随州市远航电子有限公司',
          creditCode: creditCode('MA4T0005'),
          contactPhone: '13900000005',
          address: '随州市曾都区汉东路5号',
          legalRepresentative: '陈远航',
        },
      }),
      clerk,
    );
    const path = `/api/portal/staff/matters/${filed.matterId}/representative-code`;
    for (const who of ['court', 'petition', 'director']) {
      const c = await signedIn(env, who);
      expect((await c.post(path, { partyId: filed.employerId })).status, who).toBe(403);
    }
    const wrong = await clerk.post(path, { partyId: filed.workerId });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'NOT_AN_EMPLOYER']);
    const issued = await clerk.post(path, { partyId: filed.employerId });
    expect(issued.status).toBe(200);
    const rep = await signInByPhone(env, sms, '13900000006');
    const bad = await rep.post('/api/portal/representation', { code: 'AAAAAAAA' });
    expect([bad.status, bad.body.code]).toEqual([404, 'REPRESENTATIVE_CODE_INVALID']);
    const ok = await rep.post('/api/portal/representation', { code: issued.body.code.toLowerCase() });
    expect(ok.status).toBe(200);
    const list = (await rep.get('/api/portal/matters')).body.items;
    expect(list.map((m: any) => [m.id, m.role])).toEqual([[filed.matterId, 'employer']]);
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', filed.matterId)
      .where('action', 'like', 'portal.representative_code.%')
      .orderBy('action')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'portal.representative_code.issue',
      'portal.representative_code.redeem',
    ]);
  });

  it('the 查询码 is read by the staff who hand out receipts, never by liaisons; each read audited', async () => {
    const worker = await signInByPhone(env, sms, '13711110007');
    const filed = await fileAgainst(worker, applicationBody(jurisdiction), clerk);
    const path = `/api/portal/staff/matters/${filed.matterId}/query-code`;
    for (const who of ['court', 'director']) {
      const c = await signedIn(env, who);
      expect((await c.get(path)).status, who).toBe(403);
    }
    const gs = await signedIn(env, 'gsclerk');
    expect((await gs.get(path)).status).toBe(404);
    const r = await clerk.get(path);
    expect(r.status).toBe(200);
    expect(r.body.queryCode).toMatch(/^[A-Z0-9]{8}$/);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('entity_id', '=', filed.matterId)
      .where('action', '=', 'matter.query_code.view')
      .execute();
    expect(audit).toEqual([{ action: 'matter.query_code.view', actor_role: 'intake_clerk' }]);
  });
});
