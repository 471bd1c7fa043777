import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../src/modules/documents/render/index';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { newMatter, openCase, places } from './cases.support';
import { download, issued, runJobs, useDocumentsServer } from './documents.support';
import { Client, signedIn } from './harness';

const zipNames = (zip: Buffer) =>
  [...zip.toString('latin1').matchAll(/word\/media\/[\w-]+\.png/g)].map((m) => m[0]);

/** Corrections are 更正 documents; /verify shows a summary without personal data; 审批表 are not public (issue #13). */
describe('document corrections and public verification', () => {
  const env = useDocumentsServer();
  let clerk: Client;
  const anon = () => new Client(env.url);

  beforeAll(async () => {
    clerk = await signedIn(env, 'clerk');
  });

  const pdfText = async (id: string) => {
    const pdf = await download(clerk, `/api/documents/${id}/pdf`);
    expect(pdf.status).toBe(200);
    return squash(pdftotext(writeTemp(`${id}.pdf`, pdf.data)));
  };

  it('a correction names the corrected document, what changed and why; the corrected one shows as superseded', async () => {
    const orig = await issued(env, clerk, 'acceptance_notice');
    const before = SAMPLE_FIELDS.acceptance_notice.caseCause;
    const c = await clerk.post(`/api/documents/${orig.id}/correct`, {
      reason: '案由填写有误',
      fields: { ...SAMPLE_FIELDS.acceptance_notice, caseCause: '经济补偿' },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const issue = await clerk.post(`/api/documents/${c.body.id}/issue`, {});
    expect(issue.status).toBe(200);
    expect(issue.body.number).toMatch(/^随劳人仲受字〔\d{4}〕第2号$/);
    await runJobs(env);

    const text = await pdfText(c.body.id);
    expect(text).toContain('受理通知书（更正）');
    expect(text).toContain(`《受理通知书》（${orig.number}）有误，现予更正`);
    expect(text).toContain(squash(`案由：原为“${before}”，更正为“经济补偿”。`));
    expect(text).toContain('更正理由');
    expect(text).toContain('案由填写有误。');
    expect(text).toContain(`原文书（${orig.number}）自本更正文书签发之日起作废`);

    const old = (await anon().get(`/api/verify/${orig.shortCode}`)).body;
    expect(old).toMatchObject({
      found: true,
      issued: true,
      superseded: true,
      supersededBy: { number: issue.body.number },
      corrects: null,
    });
    expect(old.message).toContain(`已被更正文书${issue.body.number}取代`);
    const fresh = (await anon().get(`/api/verify/${issue.body.shortCode}`)).body;
    expect(fresh).toMatchObject({
      found: true,
      superseded: false,
      title: '受理通知书',
      number: issue.body.number,
      corrects: { number: orig.number, issuedDate: orig.issuedDate },
    });
  });

  it('a correction that changes nothing is refused with a reason', async () => {
    const orig = await issued(env, clerk, 'acceptance_notice');
    const r = await clerk.post(`/api/documents/${orig.id}/correct`, { reason: '重新签发' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('DOCUMENT_CORRECTION_NO_CHANGE');
    expect(r.body.message).toContain('至少改动一项内容');
    const list = await env.server.app.ctx.database.db
      .selectFrom('document')
      .select('id')
      .where('supersedes_id', '=', orig.id)
      .execute();
    expect(list).toEqual([]);
  });

  it('verify shows type, 文号, 案号, issuer, date and amounts, and no personal data', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu);
    const opened = await openCase(clerk, m.id, 'arbitration', [m.claims[0]!.id]);
    expect(opened.status).toBe(201);
    const caseNumber = opened.body.case.number as string;
    const doc = await issued(env, clerk, 'award', { subjectType: 'case', subjectId: opened.body.case.id });
    const v = (await anon().get(`/api/verify/${doc.shortCode}`)).body;
    expect(v).toMatchObject({
      found: true,
      issued: true,
      type: 'award',
      title: '裁决书',
      number: doc.number,
      caseNumber,
      issuerName: '随州市劳动人事争议仲裁委员会',
      issuedDate: doc.issuedDate,
    });
    expect(v.amounts).toEqual([
      { label: '裁决事项第1项·金额', amount: '15,600.00元' },
      { label: '裁决事项第2项·金额', amount: '20,800.00元' },
      { label: '裁决事项合计', amount: '36,400.00元' },
    ]);
    const json = JSON.stringify(v);
    for (const personal of ['刘䶮', '恒达', SAMPLE_FIELDS.award.applicantName])
      expect(json).not.toContain(personal);
  });

  it('internal forms (审批表) carry no QR code and are not publicly verifiable; no DOCX carries the seal', async () => {
    const inspector = await signedIn(env, 'inspector');
    const form = await issued(env, inspector, 'inspection_closing_approval');
    expect(form.shortCode).toBeTruthy();
    const v = (await anon().get(`/api/verify/${form.shortCode}`)).body;
    expect(v).toEqual({ found: false, issued: false, message: '未找到该验证码对应的文书，请核对验证码' });
    const pdf = await download(inspector, `/api/documents/${form.id}/pdf`);
    expect(squash(pdftotext(writeTemp('form.pdf', pdf.data)))).not.toContain('验证码');
    // DOCX exports: the form has no image at all; a public document only its QR code, never the seal.
    const formDocx = await download(inspector, `/api/documents/${form.id}/docx`);
    expect(formDocx.status).toBe(200);
    expect(zipNames(formDocx.data)).toEqual([]);
    const notice = await issued(env, clerk, 'acceptance_notice');
    const docx = await download(clerk, `/api/documents/${notice.id}/docx`);
    expect([...new Set(zipNames(docx.data))]).toEqual(['word/media/image1.png']);
  });
});
