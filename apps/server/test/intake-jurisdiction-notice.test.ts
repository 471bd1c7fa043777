import { beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { servedDocuments } from '../src/modules/portal/portal.follow.service';
import { type Places, places } from './cases.support';
import { download, runJobs, useDocumentsServer } from './documents.support';
import { type Client, signedIn } from './harness';
import { intakeBody } from './intake-fixtures';

const COMMISSION = '武汉市东西湖区劳动人事争议仲裁委员会';

/** 管辖告知书 from the intake's jurisdiction warning: numbered, sealed, served to the worker's portal. */
describe('intake: the 管辖告知书 issued from the jurisdiction warning', () => {
  const env = useDocumentsServer();
  let p: Places;
  let clerk: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
  });

  const register = async (worker: string, employerAddress: string, workplace?: string) => {
    const body = intakeBody(p.zengdu, { facts: workplace ? { workplace } : {} }) as any;
    body.workers[0].name = worker;
    body.employers[0].address = employerAddress;
    const r = await clerk.post('/api/intake', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; number: string };
  };
  const issue = (matterId: string, over: Record<string, unknown> = {}) =>
    clerk.post(`/api/matters/${matterId}/jurisdiction-notice`, { competentCommission: COMMISSION, ...over });

  it('issues one numbered notice, records the worker’s consent signed at the window and serves it to the portal', async () => {
    const m = await register('管辖告知甲', '湖北省武汉市江汉区建设大道100号', '武汉市东西湖区工地');
    const detail = (await clerk.get(`/api/matters/${m.id}`)).body;
    expect(
      detail.triage.result.warnings.filter((w: { code: string }) => w.code === 'OUTSIDE_JURISDICTION'),
    ).toHaveLength(1);

    expect((await clerk.post(`/api/matters/${m.id}/jurisdiction-notice`, {})).status).toBe(400);
    const r = await issue(m.id, { electronicConsent: true });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.servedElectronically).toBe(true);
    expect(r.body.consentRef).toMatch(/^WS-DZ-[A-Z0-9]{8}$/);
    expect(r.body.number).toMatch(/〔\d{4}〕\d+号$/);
    await runJobs(env);
    const doc = (await clerk.get(`/api/documents/${r.body.documentId}`)).body;
    expect(doc.state).toBe('issued');
    expect(doc.title).toBe('管辖告知书');
    expect(doc.services).toHaveLength(1);
    expect(doc.services[0]).toMatchObject({
      recipient: '管辖告知甲',
      method: 'electronic',
      consentRef: r.body.consentRef,
      state: 'pending',
    });
    const pdf = await download(clerk, `/api/documents/${doc.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = squash(pdftotext(writeTemp(`${doc.id}.pdf`, pdf.data))).replace(/—\d+—/g, '');
    expect(text).toContain(squash(`请你向${COMMISSION}申请仲裁`));
    expect(text).toContain('本告知不是不予受理决定');
    expect(text).toContain(
      squash('用人单位所在地（湖北省武汉市江汉区建设大道100号）和工作地点（武汉市东西湖区工地）'),
    );
    // On the worker's portal page, among the documents served on the worker.
    const party = detail.workers[0];
    const portal = await servedDocuments(env.server.app.ctx.database.db, {
      matterId: m.id,
      partyId: party.id,
      role: 'worker',
      partyName: '管辖告知甲',
    });
    expect(portal.map((x) => [x.title, x.number])).toEqual([['管辖告知书', r.body.number]]);
    // The worker's consent is on the record for later documents too.
    const recipients = (await clerk.get(`/api/documents/${doc.id}/recipients`)).body.items;
    expect(recipients[0]).toMatchObject({ name: '管辖告知甲', electronicConsentRef: r.body.consentRef });
    const db = env.server.app.ctx.database.db;
    const row = await db
      .selectFrom('portal_consent')
      .select(['channel', 'given'])
      .where('ref', '=', r.body.consentRef)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'window', given: true });

    const again = await issue(m.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('JURISDICTION_NOTICE_ISSUED');
  });

  it('refuses without a conclusive warning, and leaves service to the window without a consent', async () => {
    const inside = await register('管辖告知乙', '随州市曾都区擂鼓墩大道8号');
    const no = await issue(inside.id);
    expect(no.status).toBe(409);
    expect(no.body.code).toBe('NO_JURISDICTION_WARNING');
    const unknown = await register('管辖告知丙', '湖北省武汉市江汉区建设大道100号');
    const ask = await issue(unknown.id);
    expect(ask.status).toBe(409);
    expect(ask.body.code).toBe('WORKPLACE_UNKNOWN');
    const paper = await register('管辖告知丁', '湖北省武汉市江汉区建设大道100号', '武汉市东西湖区工地');
    const r = await issue(paper.id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.servedElectronically).toBe(false);
    expect(r.body.consentRef).toBeNull();
    const gs = await signedIn(env, 'gsclerk');
    expect(
      (await gs.post(`/api/matters/${paper.id}/jurisdiction-notice`, { competentCommission: COMMISSION }))
        .status,
    ).toBe(404);
  });
});
