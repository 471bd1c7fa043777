import { beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { COMPLETE, seedCalendars } from './arbitration.support';
import { newMatter, organizations, type Places, places } from './cases.support';
import { download, runJobs, upload, useDocumentsServer } from './documents.support';
import { type Client, signedIn } from './harness';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const NO_EVIDENCE = {
  ...COMPLETE,
  evidence: [],
  materials: COMPLETE.materials.filter((m) => m.kind !== 'evidence'),
};

/**
 * Issue #14 at the window: the review counts evidence added to the record later; a second 补正通知书
 * only for new items and never the same notice again; service from the record's recipients; the
 * transfer slip numbered when sent.
 */
describe('window: correction notices, recipients, transfer slip', () => {
  const env = useDocumentsServer();
  let p: Places;
  let clerk: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    await seedCalendars(env);
  });

  const pdfText = async (id: string) => {
    await runJobs(env);
    const pdf = await download(clerk, `/api/documents/${id}/pdf`);
    expect(pdf.status).toBe(200);
    return squash(pdftotext(writeTemp(`${id}.pdf`, pdf.data))).replace(/—\d+—/g, '');
  };
  /** The case's correction notices with their fields (the list leaves fields out). */
  const notices = async (caseId: string) => {
    const list = (await clerk.get(`/api/documents?subjectType=case&subjectId=${caseId}`)).body.items as {
      id: string;
      type: string;
    }[];
    const out: { number: string; fields: { missingItems: string[]; deadline: string } }[] = [];
    for (const d of list.filter((x) => x.type === 'correction_notice'))
      out.push((await clerk.get(`/api/documents/${d.id}`)).body);
    return out;
  };

  it('counts evidence uploaded to the matter after the first review: 补正完成 then completes the review', async () => {
    const m = await newMatter(clerk, p.zengdu, { worker: '后补证据' });
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      ...NO_EVIDENCE,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.case.state).toBe('needs_correction');
    const caseId = r.body.case.caseId as string;
    const view = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(view.missingItems).toEqual(['证据目录及证据材料（注明证据来源）']);

    const up = await upload(env, `/api/matters/${m.id}/evidence`, PDF, { client: clerk, name: '工资条.pdf' });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const review = await clerk.post(`/api/arbitration/cases/${caseId}/review`, {});
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    expect(review.body.complete).toBe(true);
    expect(review.body.missingItems).toEqual([]);
    expect(review.body.documents.map((d: { type: string }) => d.type)).toEqual(['receipt']);
    expect(await notices(caseId)).toHaveLength(1);
  });

  it('never re-issues the same notice; new items get one numbered second notice that lists only them', async () => {
    const m = await newMatter(clerk, p.zengdu, { worker: '二次补正' });
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      ...COMPLETE,
      applicantSigned: false,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const caseId = r.body.case.caseId as string;
    const [first] = await notices(caseId);
    expect(first!.fields.missingItems).toEqual(['申请人在仲裁申请书上签名（盖章或按指印）']);

    // Nothing new is missing: refused with the list, and no notice is issued again.
    const same = await clerk.post(`/api/arbitration/cases/${caseId}/review`, {});
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('APPLICATION_INCOMPLETE');
    expect(same.body.details.missingItems).toEqual(['申请人在仲裁申请书上签名（盖章或按指印）']);
    expect(await notices(caseId)).toHaveLength(1);

    // The signed application now shows a new gap (the facts were cut to a few words).
    const second = await clerk.post(`/api/arbitration/cases/${caseId}/review`, {
      applicantSigned: true,
      facts: '欠薪',
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.complete).toBe(false);
    expect(second.body.missingItems).toContain('事实和理由（不少于十个字）');
    expect(second.body.missingItems).not.toContain('申请人在仲裁申请书上签名（盖章或按指印）');
    const both = await notices(caseId);
    expect(both).toHaveLength(2);
    expect(both[1]!.number).not.toBe(first!.number);
    expect(both[1]!.number).toMatch(/^随劳人仲/);
    expect(both[1]!.fields.missingItems).toEqual(second.body.missingItems);
    const text = await pdfText(second.body.documents[0].id);
    expect(text).toContain('本通知为第二次补正通知，仅列新增事项');
    expect(text).toContain(`以${first!.number}补正通知书告知`);
    const clock = (await clerk.get(`/api/clocks?subjectType=case&subjectId=${caseId}`)).body.items.find(
      (k: { ruleId: string; status: string }) =>
        k.ruleId === 'arbitration.correction-period' && k.status === 'running',
    );
    expect((await clerk.get(`/api/documents/${second.body.documents[0].id}`)).body.fields.deadline).toBe(
      clock.dueDate,
    );

    // Still the same gap: no third notice.
    const again = await clerk.post(`/api/arbitration/cases/${caseId}/review`, {});
    expect(again.status).toBe(422);
    expect(await notices(caseId)).toHaveLength(2);
  });

  it('lists the matter’s parties as recipients with the e-service consent on their record', async () => {
    const m = await newMatter(clerk, p.zengdu, { worker: '送达对象' });
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      ...COMPLETE,
      applicantSigned: false,
    });
    const docId = r.body.documents[0].id as string;
    expect((await clerk.get(`/api/documents/${crypto.randomUUID()}/recipients`)).status).toBe(404);
    const before = await clerk.get(`/api/documents/${docId}/recipients`);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    const worker = before.body.items.find((x: { role: string }) => x.role === 'worker');
    expect(worker).toEqual({
      partyId: worker.partyId,
      name: '送达对象',
      role: 'worker',
      roleLabel: '劳动者',
      electronicConsentRef: null,
    });
    expect(before.body.items.map((x: { role: string }) => x.role)).toEqual(['worker', 'employer']);
    const db = env.server.app.ctx.database.db;
    await db
      .insertInto('portal_consent')
      .values({
        ref: 'WS-DZ-TEST0001',
        kind: 'electronic_service',
        matter_id: m.id,
        party_id: worker.partyId,
        given: true,
        text_shown: '同意电子送达',
      })
      .execute();
    const after = await clerk.get(`/api/documents/${docId}/recipients`);
    expect(after.body.items[0].electronicConsentRef).toBe('WS-DZ-TEST0001');
    await runJobs(env);
    const served = await clerk.post(`/api/documents/${docId}/service`, {
      recipient: '送达对象',
      recipientRole: '申请人',
      method: 'electronic',
    });
    expect(served.status, JSON.stringify(served.body)).toBe(201);
    expect(served.body.services[0].consentRef).toBe('WS-DZ-TEST0001');
    expect(served.body.serviceSummary).toBe('pending');
    // Another jurisdiction's clerk does not see the matter's parties.
    const gs = await signedIn(env, 'gsclerk');
    expect((await gs.get(`/api/documents/${docId}/recipients`)).status).toBe(404);
  });

  it('numbers and seals the transfer slip when the transfer is sent', async () => {
    const orgs = await organizations(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '转办单号' });
    const sent = await clerk.post(`/api/matters/${m.id}/transfers`, {
      toOrgId: orgs.随州市总工会,
      toTrack: 'mediation',
      reason: '劳动者希望由工会调解',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    await runJobs(env);
    const slip = (await clerk.get(`/api/documents/${sent.body.slipDocumentId}`)).body;
    expect(slip.state).toBe('issued');
    expect(slip.number).toMatch(/^随劳人仲院字〔\d{4}〕\d+号$/);
    expect(slip.hasPdf).toBe(true);
  });
});
