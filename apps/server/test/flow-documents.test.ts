import { beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { newMatter, type Places, places } from './cases.support';
import { download, runJobs, useDocumentsServer } from './documents.support';
import { type Client, signedIn } from './harness';
import { intakeBody } from './intake-fixtures';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86400_000).toISOString().slice(0, 10);
/** What a 复查/复核意见书 states (the review steps require it). */
const REVIEW = {
  facts: '经复查，单位已支付一次性伤残补助金',
  opinion: '维持原处理意见',
  legalBasis: '《工伤保险条例》第三十七条',
};
const YEAR = /〔\d{4}〕第\d+号$/.source;

/** Each flow step issues its document, in the step's transaction, with its own 文号 (issue #13). */
describe('documents issued by petition and legal-aid steps', () => {
  const env = useDocumentsServer();
  let p: Places;
  let clerk: Client;
  let officer: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    officer = await signedIn(env, 'petition');
  });

  const petition = async (request: string) => {
    const { channel: _c, requestKind: _r, ...intake } = intakeBody(p.zengdu) as Record<string, unknown>;
    const r = await officer.post('/api/petitions', {
      form: 'visit',
      intake,
      request,
      facts: '多次反映未果',
      reasons: '家庭生活困难',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string };
  };
  const text = async (id: string) => {
    await runJobs(env);
    const pdf = await download(clerk, `/api/documents/${id}/pdf`);
    expect(pdf.status).toBe(200);
    return squash(pdftotext(writeTemp(`${id}.pdf`, pdf.data)));
  };
  const expectDoc = (doc: any, type: string, prefix: string) => {
    expect(doc.type).toBe(type);
    expect(doc.number).toMatch(new RegExp(`^${prefix}${YEAR}`));
  };

  it('导入 issues the 不予受理告知书 naming where to apply; 检举控告转送 issues the 转送告知书', async () => {
    const pet = await petition('要求用人单位支付拖欠的四个月工资');
    const t = await officer.post(`/api/petitions/${pet.id}/transfer`, {
      target: 'arbitration',
      reason: '属于劳动争议。',
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(t.body.petition.case.state).toBe('channelled');
    expectDoc(t.body.document, 'petition_rejection_notice', '随信不受字');
    const body = await text(t.body.document.id);
    expect(body).toContain('信访事项不予受理告知书');
    expect(body).toContain('第三十一条');
    expect(body).toContain('向随州市劳动人事争议仲裁委员会申请仲裁');
    expect(body).not.toContain('。。');

    const acc = await petition('反映某工作人员办理案件时收受财物');
    const missing = await officer.post(`/api/petitions/${acc.id}/steps/forward_accusation`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('PETITION_DOCUMENT_FIELD_REQUIRED');
    const f = await officer.post(`/api/petitions/${acc.id}/steps/forward_accusation`, {
      receivingOrgan: '随州市纪委监委',
    });
    expect(f.status, JSON.stringify(f.body)).toBe(200);
    expect(f.body.petition.case.state).toBe('forwarded');
    expectDoc(f.body.document, 'petition_forward_notice', '随信转字');
    expect(await text(f.body.document.id)).toContain('已将其转送随州市纪委监委依法处理');
  });

  it('延期 issues the 延期办理告知书; 复查 and 复核 issue their 意见书 naming the opinion reviewed', async () => {
    const pet = await petition('要求落实工伤职工生活补助');
    expect((await officer.post(`/api/petitions/${pet.id}/accept`, {})).status).toBe(200);
    const director = await signedIn(env, 'director');
    const ext = await director.post(`/api/petitions/${pet.id}/steps/extend`, {
      extensionReason: '需调取工伤认定档案',
    });
    expect(ext.status, JSON.stringify(ext.body)).toBe(200);
    expectDoc(ext.body.document, 'petition_extension_notice', '随信延字');
    const extText = await text(ext.body.document.id);
    expect(extText).toContain('因需调取工伤认定档案，经本机关负责人批准');
    expect(extText).toContain('第三十四条');

    const dec = await officer.post(`/api/petitions/${pet.id}/decide`, {
      facts: '经核实，单位已支付一次性伤残补助金',
      opinion: '生活补助诉求缺乏政策依据',
      outcome: 'explain',
      legalBasis: '《工伤保险条例》第三十七条',
    });
    expect(dec.status, JSON.stringify(dec.body)).toBe(200);
    const rv = await officer.post(`/api/petitions/${pet.id}/steps/request_review`, {
      replyReceivedOn: daysAgo(3),
    });
    expect(rv.status).toBe(200);
    const bare = await officer.post(`/api/petitions/${pet.id}/steps/issue_review`, {});
    expect(bare.status).toBe(400);
    expect(bare.body.message).toBe('请填写查明的事实');
    const still = (await officer.get(`/api/petitions/${pet.id}`)).body;
    expect(still.case.state).toBe('under_review');
    const review = await officer.post(`/api/petitions/${pet.id}/steps/issue_review`, REVIEW);
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    expectDoc(review.body.document, 'petition_review_opinion', '随信复查字');
    const reviewText = await text(review.body.document.id);
    expect(reviewText).toContain(`你不服${dec.body.document.number}`);
    expect(reviewText).toContain('三十日内向复查机关的上一级行政机关请求复核');

    await officer.post(`/api/petitions/${pet.id}/steps/request_re_review`, { replyReceivedOn: daysAgo(1) });
    const re = await officer.post(`/api/petitions/${pet.id}/steps/issue_re_review`, REVIEW);
    expect(re.status, JSON.stringify(re.body)).toBe(200);
    expect(re.body.petition.case.state).toBe('final');
    expectDoc(re.body.document, 'petition_re_review_opinion', '随信复核字');
    const reText = await text(re.body.document.id);
    expect(reText).toContain(`你不服${review.body.document.number}`);
    expect(reText).toContain('不再受理');
  });

  it('the legal-aid decision issues the 给予 or 不予法律援助决定书 with its 案号 and remedy', async () => {
    const aid = await signedIn(env, 'legalaid');
    const docsOf = async (caseId: string) =>
      (await clerk.get(`/api/documents?subjectType=case&subjectId=${caseId}`)).body.items as any[];

    const m1 = await newMatter(clerk, p.zengdu, { migrant: true });
    const r1 = (await clerk.post(`/api/matters/${m1.id}/legal-aid`, {})).body;
    const g = await aid.post(`/api/legal-aid/${r1.id}/decision`, {
      decision: 'grant',
      version: r1.case.version,
    });
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    const grant = (await docsOf(r1.case.id)).find((d) => d.type === 'legal_aid_grant');
    expect(grant.number).toMatch(new RegExp(`^随法援决字${YEAR}`));
    expect(grant.issuer.name).toBe('随州市司法局法律援助中心');
    const grantText = await text(grant.id);
    expect(grantText).toContain(r1.case.number);
    expect(grantText).toContain('免予核查经济困难状况');
    expect(grantText).toContain('三日内指派法律援助人员');

    const m2 = await newMatter(clerk, p.zengdu, { migrant: true });
    const r2 = (await clerk.post(`/api/matters/${m2.id}/legal-aid`, {})).body;
    const f = await aid.post(`/api/legal-aid/${r2.id}/decision`, {
      decision: 'refuse',
      refusalReason: '申请人已委托律师代理，不再需要法律援助。',
      version: r2.case.version,
    });
    expect(f.status, JSON.stringify(f.body)).toBe(200);
    expect(f.body.decidedOn).toBe(today());
    const refusal = (await docsOf(r2.case.id)).find((d) => d.type === 'legal_aid_refusal');
    expect(refusal.number).toMatch(new RegExp(`^随法援不字${YEAR}`));
    const refusalText = await text(refusal.id);
    expect(refusalText).toContain('经审查，申请人已委托律师代理，不再需要法律援助。依照');
    expect(refusalText).toContain('第四十九条');
  });
});
