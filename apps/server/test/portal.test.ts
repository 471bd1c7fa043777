// Over 400 lines: the portal journey (apply, follow, serve, message, rate, the employer's side, refusals) in nine tests, each filing its own application (factories).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../src/modules/documents/render/index';
import { organizations, places } from './cases.support';
import { flowDraft, runJobs } from './documents.support';
import { type Client, signedIn, useTestServer } from './harness';
import { applicationBody, jpeg, PortalClient, SmsGateway, signInByPhone, uploadFile } from './portal.support';

const sms = new SmsGateway();
await sms.start();
const env = useTestServer({
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: sms.url,
  STORAGE_DIR: `/tmp/onestop-portal-${randomUUID()}`,
});
afterAll(() => sms.stop());

const db = () => env.server.app.ctx.database.db;
/** The phone the applications name as the employer's contact (applicationBody). */
const EMPLOYER_PHONE = '13900000001';

let phones = 0;
/** A worker's phone of its own for each test: one code per phone a minute (portal.limits). */
const nextPhone = () => `1371234${String(5000 + ++phones).padStart(4, '0')}`;

type Filed = { matterId: string; number: string; queryCode: string };

describe('portal: online application, following, service, rating', () => {
  let clerk: Client;
  let jurisdiction: string;

  beforeAll(async () => {
    clerk = await signedIn(env, 'clerk');
    jurisdiction = (await places(env)).zengdu;
  });

  /** A worker signed in by a phone of its own who filed an arbitration application online. */
  async function filed(over: Record<string, unknown> = {}) {
    const worker = await signInByPhone(env, sms, nextPhone());
    const body = applicationBody(jurisdiction, over);
    const r = await worker.post('/api/portal/applications', body, { 'idempotency-key': randomUUID() });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { worker, body, matter: r.body as Filed };
  }

  /** The 受理通知书 on the matter, issued and served electronically on the worker (who consented). */
  async function servedNotice(matterId: string) {
    const draft = await flowDraft(env, clerk, {
      subjectType: 'matter',
      subjectId: matterId,
      type: 'acceptance_notice',
      fields: { ...SAMPLE_FIELDS.acceptance_notice, applicantName: '赵小军' },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await clerk.post(`/api/documents/${draft.body.id}/issue`, {})).status).toBe(200);
    await runJobs(env);
    const sv = await clerk.post(`/api/documents/${draft.body.id}/service`, {
      recipient: '赵小军',
      recipientRole: '申请人',
      method: 'electronic',
    });
    expect(sv.status, JSON.stringify(sv.body)).toBe(201);
    return draft.body.id as string;
  }

  it('files an arbitration application with two photos; retries give one record', async () => {
    const phone = nextPhone();
    const worker = await signInByPhone(env, sms, phone);
    const online = () =>
      db()
        .selectFrom('matter')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('channel', '=', 'online')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const before = await online();
    const k1 = randomUUID();
    const a = await uploadFile(worker, jpeg('a'), '欠条.jpg', k1);
    expect(a.status).toBe(201);
    const retry = await uploadFile(worker, jpeg('a'), '欠条.jpg', k1);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(a.body.id);
    const b = await uploadFile(worker, jpeg('b'), '工资表.jpg');
    const txt = await uploadFile(worker, Buffer.from('not an image'), 'x.jpg');
    expect(txt.status).toBe(400);
    expect(txt.body.code).toBe('EVIDENCE_TYPE');
    const body = applicationBody(jurisdiction, { uploadIds: [a.body.id, b.body.id] });
    const noKey = await worker.post('/api/portal/applications', body);
    expect(noKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const key = randomUUID();
    const r1 = await worker.post('/api/portal/applications', body, { 'idempotency-key': key });
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    expect(r1.body.evidenceCount).toBe(2);
    expect(r1.body.queryCode).toMatch(/^[A-Z0-9]{8}$/);
    const r2 = await worker.post('/api/portal/applications', body, { 'idempotency-key': key });
    expect(r2.status).toBe(201);
    expect(r2.headers.get('idempotent-replay')).toBe('true');
    expect(r2.body).toEqual(r1.body);
    const matter: Filed = r1.body;
    expect(await online()).toBe(before + 1);
    const detail = (await clerk.get(`/api/matters/${matter.matterId}`)).body;
    expect(detail.channel).toBe('online');
    expect(detail.evidence).toHaveLength(2);
    expect(detail.workers[0].phoneMasked).toBe(`137****${phone.slice(-4)}`);
    // Same checks as the window: a wrong ID number is refused with the domain's message.
    const badId = await worker.post(
      '/api/portal/applications',
      { ...body, uploadIds: [], worker: { ...body.worker, idNumber: '421302199002153001' } },
      { 'idempotency-key': randomUUID() },
    );
    expect(badId.status).toBe(400);
  });

  it('refuses an online arbitration application without what the 补正通知书 would demand, listing it all', async () => {
    const worker = await signInByPhone(env, sms, nextPhone());
    const bare = applicationBody(jurisdiction);
    const r = await worker.post(
      '/api/portal/applications',
      {
        ...bare,
        worker: { ...bare.worker, address: ' ' },
        employer: { name: '随州市无名建材有限公司', contactPhone: '13900000009' },
        claims: [{ type: 'unpaid_wages', amountFen: 500_000, facts: '欠薪' }],
        narrative: '',
        facts: {},
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('ARBITRATION_APPLICATION_INCOMPLETE');
    expect(r.body.details.missing.map((m: { label: string }) => m.label)).toEqual([
      '您的住址',
      '单位地址',
      '单位法定代表人或主要负责人姓名',
      '入职日期',
      '第1项请求的起止日期',
      '事实和理由（至少10个字）',
    ]);
    expect(r.body.message).toBe(
      '仲裁申请还需要填写：您的住址、单位地址、单位法定代表人或主要负责人姓名、入职日期、第1项请求的起止日期、事实和理由（至少10个字）（否则仲裁委初审时会要求补正）',
    );
    // Refused before anything is written.
    const names = await db()
      .selectFrom('party')
      .select('name')
      .where('name', '=', '随州市无名建材有限公司')
      .execute();
    expect(names).toEqual([]);
  });

  it('tells the worker about an open matter with the same employer', async () => {
    const { worker, body } = await filed();
    const again = { ...body, uploadIds: [] };
    const dup = await worker.post('/api/portal/applications', again, { 'idempotency-key': randomUUID() });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_OPEN_MATTER');
    const ack = await worker.post(
      '/api/portal/applications',
      { ...again, acknowledgeDuplicate: true, kind: 'complaint' },
      { 'idempotency-key': randomUUID() },
    );
    expect(ack.status).toBe(201);
    expect(ack.body.duplicate).toBe(true);
  });

  it('shows the matter in plain words and gives the 查询码 access to it alone', async () => {
    const { worker, body, matter } = await filed();
    const list = (await worker.get('/api/portal/matters')).body.items;
    expect(list.map((m: any) => m.id)).toContain(matter.matterId);
    const d = (await worker.get(`/api/portal/matters/${matter.matterId}`)).body;
    expect(d.timeline[0].text).toBe('您在网上提交的申请已收到');
    expect(d.consents.electronicService.given).toBe(true);
    expect(d.queryCode).toBe(matter.queryCode);
    const q = new PortalClient(env.url);
    const last6 = body.worker.idNumber.slice(-6);
    expect(
      (await q.post('/api/portal/auth/query', { queryCode: matter.queryCode, idLast6: '000000' })).status,
    ).toBe(404);
    const ok = await q.post('/api/portal/auth/query', {
      queryCode: matter.queryCode.toLowerCase(),
      idLast6: last6,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.matterId).toBe(matter.matterId);
    expect((await q.get(`/api/portal/matters/${matter.matterId}`)).body.number).toBe(matter.number);
    expect((await q.get('/api/portal/matters')).body.items).toHaveLength(1);
    expect((await q.post('/api/portal/applications', body, { 'idempotency-key': randomUUID() })).status).toBe(
      403,
    );
    // A 查询码 printed on a window receipt: generated on demand for staff.
    const staffCode = (await clerk.get(`/api/portal/staff/matters/${matter.matterId}/query-code`)).body
      .queryCode;
    expect(staffCode).toBe(matter.queryCode);
  });

  it('opening a served document records the service once', async () => {
    const { worker, matter } = await filed();
    const consents = (await clerk.get(`/api/portal/staff/matters/${matter.matterId}/consents`)).body.items;
    const es = consents.find((c: any) => c.kind === 'electronic_service');
    expect(es.given).toBe(true);
    const documentId = await servedNotice(matter.matterId);
    const d = (await worker.get(`/api/portal/matters/${matter.matterId}`)).body;
    expect(d.documents).toHaveLength(1);
    expect(d.documents[0].openedAt).toBeNull();
    const path = `/api/portal/matters/${matter.matterId}/documents/${d.documents[0].serviceId}/file`;
    const f1 = await worker.get(path);
    expect(f1.status).toBe(200);
    expect(f1.headers.get('content-type')).toBe('application/pdf');
    const first = await db()
      .selectFrom('document_service')
      .select(['first_opened_at', 'state'])
      .where('id', '=', d.documents[0].serviceId)
      .executeTakeFirstOrThrow();
    expect(first.state).toBe('served');
    await worker.get(path);
    const second = await db()
      .selectFrom('document_service')
      .select('first_opened_at')
      .where('id', '=', d.documents[0].serviceId)
      .executeTakeFirstOrThrow();
    expect(second.first_opened_at?.toISOString()).toBe(first.first_opened_at?.toISOString());
    const audits = await db()
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'document.service.opened')
      .where('entity_id', '=', documentId)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('messages from staff reach the party', async () => {
    const { worker, matter } = await filed();
    const detail = (await clerk.get(`/api/matters/${matter.matterId}`)).body;
    const r = await clerk.post(`/api/portal/staff/matters/${matter.matterId}/messages`, {
      partyId: detail.workers[0].id,
      body: '请于周三上午带身份证原件到窗口核对。',
    });
    expect(r.status).toBe(201);
    expect((await worker.get(`/api/portal/matters/${matter.matterId}`)).body.unreadMessages).toBe(1);
    const msgs = (await worker.get(`/api/portal/matters/${matter.matterId}/messages`)).body.items;
    expect(msgs[0].author).toBe('工作人员');
    expect(
      (await worker.post(`/api/portal/matters/${matter.matterId}/messages`, { body: '好的，谢谢' })).status,
    ).toBe(201);
  });

  it('a rating opens once a track is closed, once per track', async () => {
    const { worker, matter } = await filed();
    const early = await worker.post(`/api/portal/matters/${matter.matterId}/ratings`, {
      track: 'consultation',
      score: 5,
    });
    expect(early.body.code).toBe('RATING_NOT_OPEN');
    const detail = (await clerk.get(`/api/matters/${matter.matterId}`)).body;
    const opened = await clerk.post(`/api/matters/${matter.matterId}/cases`, {
      track: 'consultation',
      claimIds: [detail.claims[0].id],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const c = opened.body.case;
    const t = await clerk.post(`/api/cases/${c.id}/transitions`, {
      event: 'answer',
      version: c.version,
      reason: '已当面解答',
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const d = (await worker.get(`/api/portal/matters/${matter.matterId}`)).body;
    expect(d.ratings).toEqual([expect.objectContaining({ track: 'consultation', score: null })]);
    expect(
      (
        await worker.post(`/api/portal/matters/${matter.matterId}/ratings`, {
          track: 'consultation',
          score: 4,
          comment: '解答清楚',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await worker.post(`/api/portal/matters/${matter.matterId}/ratings`, {
          track: 'consultation',
          score: 5,
        })
      ).body.code,
    ).toBe('RATING_DONE');
    const rows = await db()
      .selectFrom('satisfaction_rating')
      .select(['track', 'score', 'comment'])
      .where('matter_id', '=', matter.matterId)
      .execute();
    expect(rows).toEqual([{ track: 'consultation', score: 4, comment: '解答清楚' }]);
  });

  it('the employer redeems the 单位代表码, sees the notice and answers the 调解建议书 item by item', async () => {
    const { worker, body, matter } = await filed();
    // The worker also complains to labour inspection about the same employer.
    const complaint = await worker.post(
      '/api/portal/applications',
      { ...body, acknowledgeDuplicate: true, kind: 'complaint' },
      { 'idempotency-key': randomUUID() },
    );
    expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
    const employer = await signInByPhone(env, sms, EMPLOYER_PHONE);
    // The contact phone the worker typed into his application opens nothing by itself.
    expect((await employer.get('/api/portal/matters')).body.items).toEqual([]);
    const employerId = (await clerk.get(`/api/matters/${matter.matterId}`)).body.employers[0].id;
    const issued = await clerk.post(`/api/portal/staff/matters/${matter.matterId}/representative-code`, {
      partyId: employerId,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.code).toMatch(/^[A-Z0-9]{8}$/);
    const redeemed = await employer.post('/api/portal/representation', { code: issued.body.code });
    expect([redeemed.status, redeemed.body]).toEqual([200, { matterId: matter.matterId }]);
    // One use only.
    const again = await employer.post('/api/portal/representation', { code: issued.body.code });
    expect([again.status, again.body.code]).toEqual([404, 'REPRESENTATIVE_CODE_INVALID']);
    const list = (await employer.get('/api/portal/matters')).body.items;
    const mine = list.find((m: any) => m.id === matter.matterId);
    expect(mine.role).toBe('employer');
    // The complaint filed by the worker against the same employer stays hidden from the employer (《劳动保障监察条例》第九条第三款；《信访工作条例》第三十条第三款).
    expect(list).toHaveLength(1);
    const name = body.employer.name;
    const draft = await flowDraft(env, clerk, {
      subjectType: 'matter',
      subjectId: matter.matterId,
      type: 'mediation_proposal',
      issuerOrgId: (await organizations(env)).随州市劳动人事争议仲裁委员会,
      fields: { ...SAMPLE_FIELDS.mediation_proposal, addresseeName: name, respondentName: name },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const iss = await clerk.post(`/api/documents/${draft.body.id}/issue`, {});
    expect(iss.status, JSON.stringify(iss.body)).toBe(200);
    await runJobs(env);
    const serve = () =>
      clerk.post(`/api/documents/${draft.body.id}/service`, {
        recipient: name,
        method: 'electronic',
        partyId: employerId,
      });
    // Without the employer's own consent on record, no electronic service (民事诉讼法第九十条).
    const refused = await serve();
    expect([refused.status, refused.body.code]).toEqual([409, 'SERVICE_CONSENT_MISSING']);
    const consent = await employer.post(`/api/portal/matters/${matter.matterId}/consents`, {
      kind: 'electronic_service',
      given: true,
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(200);
    const sv = await serve();
    expect(sv.status, JSON.stringify(sv.body)).toBe(201);
    expect(sv.body.services[0].consentRef).toBe(consent.body.ref);
    const d = (await employer.get(`/api/portal/matters/${matter.matterId}`)).body;
    expect(d.queryCode).toBeNull();
    expect(d.documents.map((x: any) => x.type)).toEqual(['mediation_proposal']);
    const p = (await employer.get(`/api/portal/matters/${matter.matterId}/proposal`)).body;
    expect(p.items).toHaveLength(3);
    const counter = await employer.post(`/api/portal/matters/${matter.matterId}/proposal`, {
      documentId: p.document.documentId,
      items: [{ index: 2, answer: 'counter' }],
    });
    expect(counter.body.code).toBe('COUNTER_AMOUNT_REQUIRED');
    const r = await employer.post(`/api/portal/matters/${matter.matterId}/proposal`, {
      documentId: p.document.documentId,
      items: [
        { index: 0, answer: 'accept' },
        { index: 1, answer: 'reject', comment: '无加班审批' },
        { index: 2, answer: 'counter', counterAmountFen: 800_000 },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.map((i: any) => i.myAnswer)).toEqual(['accept', 'reject', 'counter']);
    const defence = await employer.post(`/api/portal/matters/${matter.matterId}/defence`, {
      text: '公司已于一月发放部分工资，金额有出入。',
    });
    expect(defence.status).toBe(201);
    expect(
      (
        await worker.post(`/api/portal/matters/${matter.matterId}/defence`, {
          text: '劳动者不能提交答辩意见的。',
        })
      ).status,
    ).toBe(403);
    const wd = (await worker.get(`/api/portal/matters/${matter.matterId}`)).body;
    expect(wd.timeline.map((t: any) => t.text)).toContain('用人单位已提交答辩意见');
  });

  it('refuses another party on every portal endpoint, without leaking anything', async () => {
    const { worker, body, matter } = await filed();
    await servedNotice(matter.matterId);
    // A second matter of the same worker, opened by its own 查询码 below.
    const second = await worker.post(
      '/api/portal/applications',
      { ...body, acknowledgeDuplicate: true, kind: 'complaint' },
      { 'idempotency-key': randomUUID() },
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const other = await signInByPhone(env, sms, '13512340000');
    const mine = await uploadFile(other, jpeg('x'), 'x.jpg');
    const d = (await worker.get(`/api/portal/matters/${matter.matterId}`)).body;
    const m = matter.matterId;
    expect(d.documents).toHaveLength(1);
    const svc = d.documents[0].serviceId;
    const probes: [string, string, unknown?][] = [
      ['GET', `/api/portal/matters/${m}`],
      ['GET', `/api/portal/matters/${m}/documents/${svc}/file`],
      ['GET', `/api/portal/matters/${m}/messages`],
      ['POST', `/api/portal/matters/${m}/messages`, { body: '你好' }],
      ['POST', `/api/portal/matters/${m}/evidence`, { uploadIds: [mine.body.id] }],
      ['POST', `/api/portal/matters/${m}/defence`, { text: '这是一段答辩意见文字。' }],
      ['POST', `/api/portal/matters/${m}/consents`, { kind: 'mediation', given: true }],
      ['POST', `/api/portal/matters/${m}/ratings`, { track: 'consultation', score: 1 }],
      ['GET', `/api/portal/matters/${m}/proposal`],
      [
        'POST',
        `/api/portal/matters/${m}/proposal`,
        { documentId: randomUUID(), items: [{ index: 0, answer: 'accept' }] },
      ],
    ];
    const q = new PortalClient(env.url);
    const last6 = body.worker.idNumber.slice(-6);
    const code = await db()
      .selectFrom('matter')
      .select(sql<string>`query_code`.as('q'))
      .where('id', '=', second.body.matterId)
      .executeTakeFirstOrThrow();
    expect((await q.post('/api/portal/auth/query', { queryCode: code.q, idLast6: last6 })).status).toBe(200);
    for (const client of [other, q]) {
      for (const [method, path, payload] of probes) {
        const r = await client.request(method, path, payload, { 'idempotency-key': randomUUID() });
        expect([403, 404], `${method} ${path} → ${r.status}`).toContain(r.status);
        expect(JSON.stringify(r.body)).not.toContain(matter.number);
      }
    }
    expect((await other.get('/api/portal/matters')).body.items).toEqual([]);
    // Someone else's upload cannot be attached.
    const steal = await worker.post(
      `/api/portal/matters/${m}/evidence`,
      { uploadIds: [mine.body.id] },
      { 'idempotency-key': randomUUID() },
    );
    expect(steal.body.code).toBe('UPLOAD_UNKNOWN');
    // Without a session: 401; without the CSRF header: 403.
    const anon = new PortalClient(env.url);
    expect((await anon.get(`/api/portal/matters/${m}`)).status).toBe(401);
    const noCsrf = new PortalClient(env.url);
    noCsrf.cookie = worker.cookie;
    expect((await noCsrf.post(`/api/portal/matters/${m}/messages`, { body: 'x' })).status).toBe(403);
  });
});
