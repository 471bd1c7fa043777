import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { PORTAL_CODE_SMS_JOB } from '../src/modules/portal/portal.sms';
import { application, seedCalendars } from './arbitration.support';
import { newMatter, places } from './cases.support';
import { download, runJobs } from './documents.support';
import { type Client, signedIn, useTestServer } from './harness';
import { PortalClient } from './portal.support';

/**
 * Issue #15: the portal sign-in code goes through the one job queue (kind sms.portal_code), and the
 * 单位代表码 is printed on the issued 应诉通知书 with only its hash stored; a newer code supersedes it.
 */
const gateway = {
  fail: false,
  messages: [] as { to: string; body: string; template: string }[],
  url: '',
};
const gw = createServer((req, res) => {
  let data = '';
  req.on('data', (c) => {
    data += c;
  });
  req.on('end', () => {
    if (gateway.fail) return res.writeHead(503).end('gateway down');
    gateway.messages.push(JSON.parse(data));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ref: randomUUID() }));
  });
});
await new Promise<void>((r) => gw.listen(0, '127.0.0.1', r));
gateway.url = `http://127.0.0.1:${(gw.address() as AddressInfo).port}/sms`;
afterAll(() => new Promise<void>((r) => gw.close(() => r())));

const env = useTestServer({
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: gateway.url,
  STORAGE_DIR: mkdtempSync(join(tmpdir(), 'onestop-repnotice-')),
  PUBLIC_BASE_URL: 'https://onestop.example.cn',
});
const db = () => env.server.app.ctx.database.db;

async function portalSignIn(phone: string) {
  const c = new PortalClient(env.url);
  const r1 = await c.post('/api/portal/auth/sms', { phone });
  expect(r1.status, JSON.stringify(r1.body)).toBe(200);
  const sent = gateway.messages.filter((m) => m.to === phone).at(-1)!;
  const code = /(\d{6})/.exec(sent.body)![1];
  const r2 = await c.post('/api/portal/auth/verify', { phone, code });
  expect(r2.status, JSON.stringify(r2.body)).toBe(200);
  return c;
}

describe('portal sign-in codes go through the job queue', () => {
  it('a code is a job of kind sms.portal_code, sent at once; the text is cleared once sent', async () => {
    const phone = '13766660001';
    const c = await portalSignIn(phone);
    expect((await c.get('/api/portal/matters')).status).toBe(200);
    const row = await db()
      .selectFrom('portal_code')
      .select(['id', 'state', 'body_enc', 'phone_enc', 'sent_at'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect([row.state, row.body_enc, row.phone_enc, row.sent_at !== null]).toEqual([
      'sent',
      null,
      null,
      true,
    ]);
    const job = await db()
      .selectFrom('job')
      .select(['kind', 'state', 'attempts'])
      .where('dedupe_key', '=', `sms:portal_code:${row.id}`)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ kind: PORTAL_CODE_SMS_JOB, state: 'done', attempts: 1 });
    expect(gateway.messages.filter((m) => m.to === phone).map((m) => m.template)).toEqual([
      'portal.sign_in_code',
    ]);
  });

  it('a gateway failure answers 502 SMS_FAILED; the job is a dead letter administrators see', async () => {
    gateway.fail = true;
    try {
      const c = new PortalClient(env.url);
      const r = await c.post('/api/portal/auth/sms', { phone: '13766660002' });
      expect([r.status, r.body.code, r.body.message]).toEqual([
        502,
        'SMS_FAILED',
        '短信发送失败，请稍后再试',
      ]);
    } finally {
      gateway.fail = false;
    }
    const row = await db()
      .selectFrom('portal_code')
      .select(['id', 'state', 'body_enc', 'last_error'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect([row.state, row.body_enc]).toEqual(['failed', null]);
    expect(row.last_error).toContain('SMS gateway answered 503');
    const admin = await signedIn(env, 'admin');
    const dead = await admin.get('/api/admin/jobs?state=failed');
    expect(dead.status, JSON.stringify(dead.body)).toBe(200);
    expect(JSON.stringify(dead.body)).toContain(PORTAL_CODE_SMS_JOB);
  });
});

describe('单位代表码 on the 应诉通知书', () => {
  let clerk: Client;
  let director: Client;
  let liqiang: Client;
  beforeAll(async () => {
    clerk = await signedIn(env, 'clerk');
    director = await signedIn(env, 'director');
    liqiang = await signedIn(env, 'liqiang');
    await seedCalendars(env);
  });

  const pdfText = async (id: string) => {
    await runJobs(env);
    const pdf = await download(clerk, `/api/documents/${id}/pdf`);
    expect(pdf.status).toBe(200);
    return squash(pdftotext(writeTemp(`${id}.pdf`, pdf.data))).replace(/—\d+—/g, '');
  };
  const printedCode = (text: string) => /单位代表码([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1];

  it('the issued notice prints a code only its hash is kept of; a corrected notice supersedes it', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu);
    const body = await application(clerk, { id: m.id, claims: m.claims });
    const caseId = body.case.caseId as string;
    expect((await director.post(`/api/arbitration/cases/${caseId}/accept`, {})).status).toBe(200);
    const served = await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {});
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    const notice = served.body.documents.find((d: { type: string }) => d.type === 'notice_to_respond');
    const text = await pdfText(notice.id);
    const code = printedCode(text);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(text).toContain(
      squash(
        `登录当事人门户（https://onestop.example.cn/m/），在“我的事项”页输入单位代表码 ${code}，即可在网上查看本案、提交答辩书和证据。`,
      ),
    );
    // The database holds the hash only: not in the document's fields, not in the code row.
    const doc = (await clerk.get(`/api/documents/${notice.id}`)).body;
    expect(JSON.stringify(doc)).not.toContain(code!.replace('-', ''));
    const rows = await db()
      .selectFrom('portal_representative_code')
      .selectAll()
      .where('matter_id', '=', m.id)
      .execute();
    expect(rows.map((r) => [r.document_id, r.superseded_at, r.redeemed_at])).toEqual([
      [notice.id, null, null],
    ]);
    expect(rows[0]!.code_hash).toBe(env.server.app.ctx.cipher.lookupHash(code!.replace('-', '')));
    expect(JSON.stringify(rows)).not.toContain(code!.replace('-', ''));
    const audited = await db()
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity_id', '=', m.id)
      .where('action', '=', 'portal.representative_code.issue')
      .execute();
    expect(audited).toEqual([
      {
        action: 'portal.representative_code.issue',
        summary: `应诉通知书 ${notice.number} 印有用人单位网上应诉代表码（此前未使用的代表码作废）`,
      },
    ]);

    // Re-issued (a correction): a new code, and the first one no longer opens anything.
    const corrected = await clerk.post(`/api/documents/${notice.id}/correct`, {
      reason: '举证期限填写有误',
      fields: { ...doc.fields, evidenceDeadline: '2027-01-20' },
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect((await clerk.post(`/api/documents/${corrected.body.id}/issue`, {})).status).toBe(200);
    const second = printedCode(await pdfText(corrected.body.id));
    expect(second).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(second).not.toBe(code);

    const employer = await portalSignIn('13766660003');
    const old = await employer.post('/api/portal/representation', { code });
    expect([old.status, old.body.code]).toEqual([404, 'REPRESENTATIVE_CODE_INVALID']);
    const ok = await employer.post('/api/portal/representation', { code: second });
    expect([ok.status, ok.body]).toEqual([200, { matterId: m.id }]);
    const list = (await employer.get('/api/portal/matters')).body.items;
    expect(list.map((x: { id: string; role: string }) => [x.id, x.role])).toEqual([[m.id, 'employer']]);
  });

  it('a code issued on screen supersedes the printed one', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { employer: '随州市代表码测试有限公司' });
    const body = await application(clerk, { id: m.id, claims: m.claims });
    const caseId = body.case.caseId as string;
    expect((await director.post(`/api/arbitration/cases/${caseId}/accept`, {})).status).toBe(200);
    const served = await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {});
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    const notice = served.body.documents.find((d: { type: string }) => d.type === 'notice_to_respond');
    const printed = printedCode(await pdfText(notice.id));
    const employerId = (await clerk.get(`/api/matters/${m.id}`)).body.employers[0].id;
    const screen = await clerk.post(`/api/portal/staff/matters/${m.id}/representative-code`, {
      partyId: employerId,
    });
    expect(screen.status, JSON.stringify(screen.body)).toBe(200);
    const employer = await portalSignIn('13766660004');
    const old = await employer.post('/api/portal/representation', { code: printed });
    expect([old.status, old.body.code]).toEqual([404, 'REPRESENTATIVE_CODE_INVALID']);
    const ok = await employer.post('/api/portal/representation', { code: screen.body.code });
    expect([ok.status, ok.body]).toEqual([200, { matterId: m.id }]);
  });
});
