import { describe, expect, it } from 'vitest';
import { sampleSealPng } from '../src/modules/documents/render/index';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { signedIn } from './harness';
import {
  createDraft,
  download,
  issued,
  runJobs,
  subject,
  upload,
  useDocumentsServer,
} from './documents.support';

describe('documents: service (送达), seals and number patterns', () => {
  const env = useDocumentsServer();

  it('electronic service needs the e-service consent; the first opening is the time of service, once', async () => {
    const clerk = await signedIn(env, 'clerk');
    const subj = await subject(clerk);
    const doc = await issued(env, clerk, 'acceptance_notice', subj);
    const recipients = (await clerk.get(`/api/documents/${doc.id}/recipients`)).body.items;
    const worker = recipients.find((x: { role: string }) => x.role === 'worker');
    const noConsent = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: worker.name,
      method: 'electronic',
    });
    expect(noConsent.status).toBe(409);
    expect(noConsent.body.code).toBe('SERVICE_CONSENT_MISSING');
    expect(noConsent.body.message).toBe(
      `${worker.name}的记录中没有同意电子送达，不能电子送达；请改用直接送达或邮寄送达，或请其先签署电子送达同意`,
    );
    const { db } = env.server.database;
    expect(
      await db.selectFrom('document_service').select('id').where('document_id', '=', doc.id).execute(),
    ).toEqual([]);
    // A consent number typed by hand is not accepted: the consent comes from the party's record.
    const typed = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: worker.name,
      method: 'electronic',
      consentRef: '送达地址确认书 SZ-2026-001532',
    });
    expect(typed.status).toBe(400);
    await db
      .insertInto('portal_consent')
      .values({
        ref: 'WS-DZ-DOCS0001',
        kind: 'electronic_service',
        matter_id: subj.subjectId,
        party_id: worker.partyId,
        given: true,
        text_shown: '同意电子送达',
      })
      .execute();
    const r = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: worker.name,
      recipientRole: '申请人',
      method: 'electronic',
      partyId: worker.partyId,
    });
    expect(r.status).toBe(201);
    expect(r.body.serviceSummary).toBe('pending');
    const svc = r.body.services[0];
    expect(svc).toMatchObject({
      method: 'electronic',
      consentRef: 'WS-DZ-DOCS0001',
      state: 'pending',
      servedAt: null,
      firstOpenedAt: null,
    });

    const first = await clerk.post(`/api/documents/${doc.id}/service/${svc.id}/opened`, {});
    expect(first.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await clerk.post(`/api/documents/${doc.id}/service/${svc.id}/opened`, {});
    expect(second.body.firstOpenedAt).toBe(first.body.firstOpenedAt);
    const after = (await clerk.get(`/api/documents/${doc.id}`)).body;
    expect(after.serviceSummary).toBe('served');
    expect(after.services[0]).toMatchObject({ state: 'served', servedAt: first.body.firstOpenedAt });
    const opened = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', doc.id)
      .where('action', '=', 'document.service.opened')
      .execute();
    expect(opened).toHaveLength(1);
  });

  it('in person: prints the 送达回证, then records a refusal with witnesses (留置送达)', async () => {
    const clerk = await signedIn(env, 'clerk');
    const doc = await issued(env, clerk, 'notice_to_respond');
    expect((await download(clerk, `/api/documents/${doc.id}/proof-of-service.pdf`)).status).toBe(409);
    const noPlace = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: '恒达公司',
      method: 'in_person',
    });
    expect(noPlace.body.code).toBe('SERVICE_MISSING_FIELDS');
    const r = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: '随州市恒达机械制造有限公司',
      recipientRole: '被申请人',
      method: 'in_person',
      place: '随州市曾都区交通大道88号',
    });
    const svc = r.body.services[0];
    const pdf = await download(clerk, `/api/documents/${doc.id}/proof-of-service.pdf?serviceId=${svc.id}`);
    expect(pdf.status).toBe(200);
    const text = squash(pdftotext(writeTemp('pos.pdf', pdf.data), '-layout'));
    for (const v of [
      '送达回证',
      '随州市恒达机械制造有限公司',
      `应诉通知书（${doc.number}）`,
      '直接送达',
      '劳动报酬',
    ]) {
      expect(text, v).toContain(squash(v));
    }
    const servedAt = new Date().toISOString();
    const noWitness = await clerk.post(`/api/documents/${doc.id}/service/${svc.id}/result`, {
      outcome: 'refused',
      servedAt,
      refusalReason: '拒绝签收',
      rowVersion: svc.rowVersion,
    });
    expect(noWitness.status).toBe(400);
    expect(noWitness.body.message).toContain('见证人');
    const refused = await clerk.post(`/api/documents/${doc.id}/service/${svc.id}/result`, {
      outcome: 'refused',
      servedAt,
      refusalReason: '法定代表人拒绝签收',
      witnesses: '社区工作人员王某',
      rowVersion: svc.rowVersion,
    });
    expect(refused.status).toBe(200);
    expect(refused.body.services[0]).toMatchObject({ state: 'refused', stateLabel: '拒收（留置送达）' });
    expect(refused.body.serviceSummary).toBe('served');
    const twice = await clerk.post(`/api/documents/${doc.id}/service/${svc.id}/result`, {
      outcome: 'served',
      servedAt,
      signer: '张三',
      rowVersion: svc.rowVersion,
    });
    expect(twice.status).toBe(409);
  });

  it('post needs a tracking number; a public notice is deemed served thirty days after publication', async () => {
    const clerk = await signedIn(env, 'clerk');
    const doc = await issued(env, clerk, 'hearing_notice');
    const noTracking = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: '刘䶮',
      method: 'post',
    });
    expect(noTracking.body.message).toContain('邮件单号');
    const post = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: '刘䶮',
      method: 'post',
      trackingNo: 'EMS1234567890',
    });
    expect(post.status).toBe(201);
    const postSvc = post.body.services[0];
    const returned = await clerk.post(`/api/documents/${doc.id}/service/${postSvc.id}/result`, {
      outcome: 'returned',
      rowVersion: postSvc.rowVersion,
    });
    expect(returned.body.serviceSummary).toBe('returned');

    const old = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const notice = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: '随州市恒达机械制造有限公司',
      method: 'public_notice',
      noticeDate: old,
    });
    const n = notice.body.services[1];
    expect(n).toMatchObject({ method: 'public_notice', state: 'served', noticeDate: old });
    expect(new Date(n.servedAt).getTime() - new Date(`${old}T00:00:00+08:00`).getTime()).toBe(
      30 * 86_400_000,
    );
    expect(notice.body.serviceSummary).toBe('partial');

    const today = new Date().toISOString().slice(0, 10);
    const fresh = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: '某某',
      method: 'public_notice',
      noticeDate: today,
    });
    expect(fresh.body.services[2].state).toBe('pending');

    const list = await clerk.get(`/api/documents?subjectType=${doc.subjectType}&subjectId=${doc.subjectId}`);
    expect(list.body.items[0].services).toHaveLength(3);
    const reader = await signedIn(env, 'director');
    expect((await reader.get(`/api/documents?subjectType=matter&subjectId=${doc.subjectId}`)).status).toBe(
      200,
    );
    const denied = await reader.post(`/api/documents/${doc.id}/service`, {
      recipient: 'x',
      method: 'post',
      trackingNo: '1',
    });
    expect(denied.status).toBe(403);
  });

  it('uploads a seal (PNG only, sniffed, ≤ 2 MB) and places it on documents issued afterwards', async () => {
    const admin = await signedIn(env, 'admin');
    const orgs = (await admin.get('/api/admin/organizations')).body.items;
    const legalAid = orgs.find((o: any) => o.name === '随州市司法局法律援助中心');
    const path = `/api/admin/organizations/${legalAid.id}/seal`;
    expect((await upload(env, path, sampleSealPng())).status).toBe(401);
    const clerk = await signedIn(env, 'clerk');
    expect((await upload(env, path, sampleSealPng(), { client: clerk, type: 'image/png' })).status).toBe(403);
    const fake = await upload(env, path, Buffer.from('GIF89a not a png at all, renamed to seal.png'), {
      client: admin,
      type: 'image/png',
      name: 'seal.png',
    });
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe('SEAL_NOT_PNG');
    const big = Buffer.concat([sampleSealPng(), Buffer.alloc(2 * 1024 * 1024)]);
    expect((await upload(env, path, big, { client: admin, type: 'image/png' })).status).toBe(413);
    // Demo mode gives every organisation with a number pattern a stand-in seal; the upload replaces it.
    const standIn = await download(admin, path);
    expect(standIn.status).toBe(200);
    expect(standIn.data.equals(sampleSealPng())).toBe(true);
    const png = sampleSealPng(200);
    const ok = await upload(env, path, png, { client: admin, type: 'image/png', name: '印章.png' });
    expect(ok.status).toBe(200);
    const preview = await download(admin, path);
    expect(preview.headers.get('content-type')).toBe('image/png');
    expect(preview.data.equals(png)).toBe(true);

    // A number pattern for the legal-aid centre, then a referral issued by it carries the seal.
    const bad = await admin.post('/api/admin/document-number-patterns', {
      issuerOrgId: legalAid.id,
      type: 'legal_aid_referral',
      pattern: '随法援转字〔{year}〕',
      basis: '本中心文书编号规则',
    });
    expect(bad.status).toBe(400);
    const created = await admin.post('/api/admin/document-number-patterns', {
      issuerOrgId: legalAid.id,
      type: 'legal_aid_referral',
      pattern: '随法援转字〔{year}〕第{seq}号',
      basis: '本中心文书编号规则',
    });
    expect(created.status).toBe(201);
    const updated = await admin.patch(`/api/admin/document-number-patterns/${created.body.id}`, {
      pattern: '随法援转字〔{year}〕{seq:3}号',
      basis: '本中心文书编号规则（三位序号）',
      version: created.body.version,
    });
    expect(updated.status).toBe(200);
    const list = (await admin.get('/api/admin/document-number-patterns')).body.items;
    expect(
      list.some((p: any) => p.issuerName === '随州市劳动保障监察支队' && p.type === 'order_to_correct'),
    ).toBe(true);

    const legalaid = await signedIn(env, 'legalaid');
    const d = await createDraft(legalaid, 'legal_aid_referral', { issuerOrgId: legalAid.id });
    await legalaid.post(`/api/documents/${d.id}/issue`, {});
    await runJobs(env);
    const doc = (await legalaid.get(`/api/documents/${d.id}`)).body;
    expect(doc.number).toMatch(/^随法援转字〔\d{4}〕001号$/);
    const { db } = env.server.database;
    const audit = await db
      .selectFrom('audit_log')
      .select('summary')
      .where('entity_id', '=', d.id)
      .where('action', '=', 'document.issued')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain('加盖印章');
  });

  it('documents every new route in the OpenAPI description', async () => {
    const spec: any = await (await fetch(`${env.url}/api/openapi.json`)).json();
    for (const p of [
      '/api/documents',
      '/api/documents/types',
      '/api/documents/{id}/issue',
      '/api/documents/{id}/proof-of-service.pdf',
      '/api/verify/{code}',
      '/api/verify/file',
      '/api/admin/organizations/{id}/seal',
    ]) {
      expect(spec.paths[p], p).toBeTruthy();
    }
    for (const [p, ops] of Object.entries<any>(spec.paths)) {
      if (!p.startsWith('/api/documents') && !p.startsWith('/api/verify') && !p.includes('seal')) continue;
      if (ops.post) expect(ops.post.requestBody, `POST ${p} request body`).toBeTruthy();
    }
  });
});
