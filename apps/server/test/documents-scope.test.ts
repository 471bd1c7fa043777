import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../src/modules/documents/render/index';
import { newMatter, openCase, places } from './cases.support';
import { createDraft, download, issued, subject, useDocumentsServer } from './documents.support';
import { signedIn } from './harness';

const HIDDEN = { code: 'NOT_FOUND', message: '文书不存在或已被删除' };

describe('documents are limited by their subject’s jurisdiction', () => {
  const env = useDocumentsServer();

  it('another county’s staff get 404 on every route of a 曾都区 matter’s document, and change nothing', async () => {
    const clerk = await signedIn(env, 'clerk');
    const subj = await subject(clerk);
    const doc = await issued(env, clerk, 'acceptance_notice', subj);
    const served = await clerk.post(`/api/documents/${doc.id}/service`, {
      recipient: '随州市恒达机械制造有限公司',
      method: 'in_person',
      place: '随州市曾都区交通大道88号',
    });
    expect(served.status, JSON.stringify(served.body)).toBe(201);
    const svc = served.body.services[0];
    const before = (await clerk.get(`/api/documents/${doc.id}`)).body;

    for (const user of ['gsclerk', 'gsinspector']) {
      const out = await signedIn(env, user);
      for (const path of [`/api/documents/${doc.id}`, `/api/documents/${randomUUID()}`]) {
        const r = await out.get(path);
        expect([user, path, r.status, r.body]).toEqual([user, path, 404, HIDDEN]);
      }
      for (const file of ['pdf', 'docx', `proof-of-service.pdf?serviceId=${svc.id}`]) {
        expect((await download(out, `/api/documents/${doc.id}/${file}`)).status, `${user} ${file}`).toBe(404);
      }
      const list = await out.get(`/api/documents?subjectType=matter&subjectId=${subj.subjectId}`);
      expect([user, list.status, list.body.code, list.body.message]).toEqual([
        user,
        404,
        'NOT_FOUND',
        '维权事项不存在或已被删除',
      ]);
    }

    // gsclerk holds document-work permissions (广水 window), so the writes reach the scope check.
    const gs = await signedIn(env, 'gsclerk');
    const writes: [string, string, unknown][] = [
      ['post', `/api/documents/${doc.id}/issue`, {}],
      ['patch', `/api/documents/${doc.id}`, { fields: SAMPLE_FIELDS.acceptance_notice, rowVersion: 1 }],
      ['post', `/api/documents/${doc.id}/correct`, { reason: '当事人名称有误' }],
      ['post', `/api/documents/${doc.id}/render`, {}],
      ['post', `/api/documents/${doc.id}/service`, { recipient: '某某', method: 'post', trackingNo: 'EMS1' }],
      [
        'post',
        `/api/documents/${doc.id}/service/${svc.id}/result`,
        { outcome: 'served', signer: '张三', rowVersion: svc.rowVersion },
      ],
      ['post', `/api/documents/${doc.id}/service/${svc.id}/opened`, {}],
    ];
    for (const [method, path, body] of writes) {
      const r = method === 'post' ? await gs.post(path, body) : await gs.patch(path, body);
      expect([path, r.status, r.body]).toEqual([path, 404, HIDDEN]);
    }
    const draft = await gs.post('/api/documents', {
      ...subj,
      type: 'receipt',
      fields: SAMPLE_FIELDS.receipt,
    });
    expect([draft.status, draft.body.code, draft.body.message]).toEqual([
      404,
      'NOT_FOUND',
      '维权事项不存在或已被删除',
    ]);

    // Nothing changed: same version and services, no correction, no other document, no audit by 广水.
    const after = (await clerk.get(`/api/documents/${doc.id}`)).body;
    expect(after).toEqual(before);
    expect(after.services.map((s: any) => [s.state, s.firstOpenedAt])).toEqual([['pending', null]]);
    const { db } = env.server.database;
    const docs = await db
      .selectFrom('document')
      .select('id')
      .where('subject_id', '=', subj.subjectId)
      .execute();
    expect(docs.map((d) => d.id)).toEqual([doc.id]);
    const gsUser = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'gsclerk')
      .executeTakeFirstOrThrow();
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', gsUser.id)
      .where('entity_id', '=', doc.id)
      .execute();
    expect(audit).toEqual([]);

    // Staff of the county (and of the city above it) read and list it.
    for (const user of ['clerk', 'director', 'inspector']) {
      const c = await signedIn(env, user);
      expect((await c.get(`/api/documents/${doc.id}`)).status, user).toBe(200);
      const l = await c.get(`/api/documents?subjectType=matter&subjectId=${subj.subjectId}`);
      expect(
        l.body.items.map((d: any) => d.id),
        user,
      ).toEqual([doc.id]);
    }
    expect((await download(clerk, `/api/documents/${doc.id}/pdf`)).status).toBe(200);
  });

  it('a case’s document follows the case: 404 outside its jurisdiction, 200 inside', async () => {
    const clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu);
    const opened = await openCase(clerk, m.id, 'consultation', [m.claims[0]!.id]);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId = opened.body.case.id as string;
    const doc = await createDraft(clerk, 'receipt', {}, { subjectType: 'case', subjectId: caseId });

    const gs = await signedIn(env, 'gsclerk');
    const r = await gs.get(`/api/documents/${doc.id}`);
    expect([r.status, r.body]).toEqual([404, HIDDEN]);
    const list = await gs.get(`/api/documents?subjectType=case&subjectId=${caseId}`);
    expect([list.status, list.body.code, list.body.message]).toEqual([
      404,
      'NOT_FOUND',
      '案件不存在或已被删除',
    ]);
    const draft = await gs.post('/api/documents', {
      subjectType: 'case',
      subjectId: caseId,
      type: 'receipt',
      fields: SAMPLE_FIELDS.receipt,
    });
    expect([draft.status, draft.body.message]).toEqual([404, '案件不存在或已被删除']);

    const own = await clerk.get(`/api/documents?subjectType=case&subjectId=${caseId}`);
    expect(own.body.items.map((d: any) => [d.id, d.subjectType, d.subjectId])).toEqual([
      [doc.id, 'case', caseId],
    ]);
  });

  it('a missing subject is 404, so no document hangs on a made-up matter or case', async () => {
    const clerk = await signedIn(env, 'clerk');
    for (const [subjectType, what] of [
      ['matter', '维权事项'],
      ['case', '案件'],
    ] as const) {
      const r = await clerk.post('/api/documents', {
        subjectType,
        subjectId: randomUUID(),
        type: 'receipt',
        fields: SAMPLE_FIELDS.receipt,
      });
      expect([r.status, r.body.code, r.body.message]).toEqual([404, 'NOT_FOUND', `${what}不存在或已被删除`]);
    }
  });

  it('a document of subject type other has no jurisdiction and keeps the route rule (matter.read)', async () => {
    const clerk = await signedIn(env, 'clerk');
    const subjectId = randomUUID();
    const doc = await createDraft(clerk, 'receipt', {}, { subjectType: 'other', subjectId });
    const gs = await signedIn(env, 'gsinspector');
    const r = await gs.get(`/api/documents/${doc.id}`);
    expect([r.status, r.body.id, r.body.subjectType]).toEqual([200, doc.id, 'other']);
    const admin = await signedIn(env, 'admin');
    expect((await admin.get(`/api/documents/${doc.id}`)).status).toBe(403);
  });
});
