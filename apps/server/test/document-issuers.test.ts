import { beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { newMatter, openCase, organizations, type Places, places } from './cases.support';
import { download, runJobs, useDocumentsServer } from './documents.support';
import { type Client, signedIn } from './harness';

const CLAIMS = [
  {
    type: 'unpaid_wages',
    amountFen: 1_250_000,
    periodFrom: '2025-09-01',
    periodTo: '2025-12-31',
    facts: '2025年9月至12月工资未发放',
  },
  { type: 'overtime_pay', amountFen: 300_000, facts: '每周六加班未付加班费' },
];
const CENTER_ORG = '随州市劳动人事争议一站式多元联调联处中心';
const consent = { consent: { given: true, method: 'window_signature', note: '窗口当面签字' } };

/** Issuers (issue #13): mediation documents are the mediating organisation's; every issuing organisation has a pattern. */
describe('document issuers', () => {
  const env = useDocumentsServer();
  let p: Places;
  let clerk: Client;
  let mediator: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    mediator = await signedIn(env, 'zhangmin');
  });

  const pdfText = async (id: string) => {
    await runJobs(env);
    const pdf = await download(clerk, `/api/documents/${id}/pdf`);
    expect(pdf.status).toBe(200);
    // Page numbers (—1—) sit between a page's last line and the next page's first: drop them.
    return squash(pdftotext(writeTemp(`${id}.pdf`, pdf.data))).replace(/—\d+—/g, '');
  };

  /** Mediation at the center: consent, proposal; both sides accept every item. */
  async function mediate(matterId: string) {
    const started = await clerk.post(`/api/matters/${matterId}/mediation`, consent);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const caseId = started.body.caseId as string;
    const d = (await mediator.get(`/api/mediation/cases/${caseId}`)).body;
    const items = d.claims.map((c: { id: string }) => ({
      claimId: c.id,
      proposedFen: 100_000,
      reason: '按工资表核对',
    }));
    const sent = await mediator.post(`/api/mediation/cases/${caseId}/proposal`, {
      version: d.version,
      mediatorContact: '0722-3258000',
      items,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return sent.body;
  }

  it('a window clerk of the arbitration institute issues a transfer slip under the institute’s own number', async () => {
    const orgs = await organizations(env);
    const m = await newMatter(clerk, p.zengdu);
    const sent = await clerk.post(`/api/matters/${m.id}/transfers`, {
      toOrgId: orgs.随州市总工会,
      toTrack: 'mediation',
      reason: '劳动者希望由工会调解',
    });
    expect(sent.status).toBe(201);
    // Sending the transfer issues the slip (numbered and sealed with it).
    const issued = await clerk.get(`/api/documents/${sent.body.slipDocumentId}`);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.number).toMatch(/^随劳人仲院字〔\d{4}〕\d+号$/);
    await runJobs(env);
    const doc = (await clerk.get(`/api/documents/${sent.body.slipDocumentId}`)).body;
    expect(doc.state).toBe('issued');
    expect(doc.issuer.name).toBe('随州市劳动人事争议仲裁院');
  });

  it('the center’s mediation committee issues the proposal and the agreement, numbered and sealed as its own', async () => {
    const m = await newMatter(clerk, p.zengdu, { claims: CLAIMS });
    const d = await mediate(m.id);
    const proposals = d.documents.filter((x: { type: string }) => x.type === 'mediation_proposal');
    expect(proposals).toHaveLength(2);
    for (const { id } of proposals) {
      const doc = (await clerk.get(`/api/documents/${id}`)).body;
      expect(doc.number).toMatch(/^随联调建字〔\d{4}〕第\d+号$/);
      expect(doc.issuer.name).toBe(CENTER_ORG);
    }
    const issuerId = (await clerk.get(`/api/documents/${proposals[0].id}`)).body.issuer.id;
    const text = await pdfText(proposals[0].id);
    expect(text).toContain(CENTER_ORG);
    expect(text).toContain('本调解组织将终止调解');
    expect(text).toContain('第十四条第三款');
    expect(text).not.toContain('本委将依法继续处理仲裁申请');
    // The seal is the committee's (demo seal configured on first issue).
    const seal = await env.server.app.ctx.database.db
      .selectFrom('organization_seal')
      .select('organization_id')
      .where('organization_id', '=', issuerId)
      .executeTakeFirst();
    expect(seal?.organization_id).toBe(issuerId);

    for (const side of ['worker', 'employer']) {
      const r = await clerk.post(`/api/mediation/cases/${d.id}/replies`, {
        side,
        ...(side === 'employer' ? { channel: 'phone' } : {}),
        replies: d.claims.map((c: { id: string }) => ({ claimId: c.id, accepted: true })),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const fresh = (await mediator.get(`/api/mediation/cases/${d.id}`)).body;
    const agreed = await mediator.post(`/api/mediation/cases/${d.id}/agreement`, {
      version: fresh.version,
      performanceDate: '2099-01-31',
      signed: true,
      sessionRecord: '双方到场，达成一致',
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    const { id: agreementId } = agreed.body.documents.find(
      (x: { type: string }) => x.type === 'mediation_agreement',
    );
    const agreement = (await clerk.get(`/api/documents/${agreementId}`)).body;
    expect(agreement.number).toMatch(/^随联调协字〔\d{4}〕第1号$/);
    expect(agreement.issuer.name).toBe(CENTER_ORG);
    const agreementText = await pdfText(agreement.id);
    expect(agreementText).toContain(`调解组织（印章）：${CENTER_ORG}`);
    expect(agreementText).toContain('加盖调解组织印章后生效');
  });

  it('with an arbitration application pending, the proposal says the commission goes on with it', async () => {
    const m = await newMatter(clerk, p.zengdu, { claims: CLAIMS });
    const arb = await openCase(clerk, m.id, 'arbitration', [m.claims[1]!.id]);
    expect(arb.status, JSON.stringify(arb.body)).toBe(201);
    const d = await mediate(m.id);
    const proposal = d.documents.find((x: { type: string }) => x.type === 'mediation_proposal');
    const text = await pdfText(proposal.id);
    expect(text).toContain('劳动人事争议仲裁委员会将依法继续处理已提出的仲裁申请');
    expect(text).not.toContain('本调解组织将终止调解');
  });
});
