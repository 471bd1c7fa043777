import { CLAIM_CATALOGUE } from '@onestop/domain';
import { describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { openCase, places } from './cases.support';
import { createDraft, download, issued, runJobs } from './documents.support';
import { useDocumentsServer } from './documents.support';
import { type Client, signedIn } from './harness';
import { creditCode, intakeBody, residentId } from './intake-fixtures';

// Issue #13: a case document carries the case's 案号 and the parties' particulars as stored in the
// master record (address decrypted, ID masked, sex and birth date from the ID number), and the
// violated provision from the case's claim types.
describe('documents: 案号 and particulars from the master record', () => {
  const env = useDocumentsServer();

  let n = 0;
  /** A matter registered at the window with the particulars the model texts print, and a case on it. */
  async function caseOf(track: 'inspection' | 'arbitration') {
    n++;
    const clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const body = intakeBody(p.zengdu) as any;
    body.workers[0].idNumber = residentId('19900307', 300 + n, '421303');
    body.workers[0].ethnicity = '回';
    body.employers[0].creditCode = creditCode(`MA4P${String(n).padStart(4, '0')}`);
    body.employers[0].legalRepresentativePost = '执行董事';
    const m = await clerk.post('/api/intake', body);
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const r = await openCase(clerk, m.body.id, track, [m.body.claims[0].id]);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return {
      clerk,
      caseId: r.body.case.id as ReturnType<typeof crypto.randomUUID>,
      caseNumber: r.body.case.number as string,
      idNumber: body.workers[0].idNumber as string,
      creditCode: body.employers[0].creditCode as string,
    };
  }

  async function pdfText(clerk: Client, id: string, name: string) {
    const pdf = await download(clerk, `/api/documents/${id}/pdf`);
    expect(pdf.status).toBe(200);
    return squash(pdftotext(writeTemp(name, pdf.data))).replace(/—\d+—/g, '');
  }

  it('prints the 案号, the employer particulars and the violated provision on a penalty decision', async () => {
    const { clerk, caseId, caseNumber, creditCode: code } = await caseOf('inspection');
    const doc = await issued(env, clerk, 'penalty_decision', { subjectType: 'case', subjectId: caseId });
    const text = await pdfText(clerk, doc.id, 'penalty-particulars.pdf');
    expect(text).toContain(squash(`案号：${caseNumber}`));
    expect(text).toContain(
      `当事人：随州市鸿运建筑劳务有限公司，住所地随州市曾都区擂鼓墩大道8号，统一社会信用代码${code}。`,
    );
    expect(text).toContain('法定代表人：李大海，职务：执行董事。');
    expect(text).toContain(squash(`违反了${CLAIM_CATALOGUE.unpaid_wages.basis}的规定`));
    expect(text).toContain('向随州市人民政府申请行政复议');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('prints the worker particulars from the ID number and the stored record on an award', async () => {
    const { clerk, caseId, caseNumber, idNumber } = await caseOf('arbitration');
    const doc = await issued(env, clerk, 'award', { subjectType: 'case', subjectId: caseId });
    const text = await pdfText(clerk, doc.id, 'award-particulars.pdf');
    expect(text).toContain(squash(`案号：${caseNumber}`));
    expect(text).toContain(
      `申请人：王建国，${Number(idNumber[16]) % 2 === 1 ? '男' : '女'}，1990年3月7日出生，回族，住湖北省随州市曾都区交通大道100号，公民身份号码421***********${idNumber.slice(-4)}。`,
    );
    expect(text).toContain('被申请人：随州市鸿运建筑劳务有限公司');
    expect(text).toContain('二、被申请人辩称被申请人在答辩期内未提交书面答辩意见。');
    expect(text).not.toContain(idNumber);
  });

  it('freezes the particulars at issue: a later address change shows only on documents issued after it', async () => {
    const { clerk, caseId, idNumber } = await caseOf('arbitration');
    const subject = { subjectType: 'case', subjectId: caseId } as const;
    const draft = await createDraft(clerk, 'award', {}, subject);
    const issuedRes = await clerk.post(`/api/documents/${draft.id}/issue`, {});
    expect(issuedRes.status, JSON.stringify(issuedRes.body)).toBe(200);
    // The worker moves before the issued award is rendered (or re-rendered later).
    const { db } = env.server.app.ctx.database;
    const { cipher } = env.server.app.ctx;
    const worker = await db
      .selectFrom('matter_party as mp')
      .innerJoin('track_case as c', 'c.matter_id', 'mp.matter_id')
      .select('mp.party_id')
      .where('c.id', '=', caseId)
      .where('mp.role', '=', 'worker')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('party')
      .set({ address_enc: cipher.encrypt('湖北省随州市曾都区白云大道9号') })
      .where('id', '=', worker.party_id)
      .execute();
    await runJobs(env);
    const before = await pdfText(clerk, draft.id, 'award-frozen.pdf');
    expect(before).toContain('1990年3月7日出生，回族，住湖北省随州市曾都区交通大道100号，公民身份号码');
    expect(before).not.toContain('白云大道');
    const stored = await db
      .selectFrom('document')
      .select('context_enc')
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(stored.context_enc).toMatch(/^v2\./);
    expect(stored.context_enc).not.toContain('交通大道');
    // A document issued after the move prints the new address.
    const later = await issued(env, clerk, 'award', subject);
    const after = await pdfText(clerk, later.id, 'award-after-move.pdf');
    expect(after).toContain('1990年3月7日出生，回族，住湖北省随州市曾都区白云大道9号，公民身份号码');
    expect(after).toContain(idNumber.slice(-4));
  });

  it('gives a document of a matter (no case yet) no 案号', async () => {
    const clerk = await signedIn(env, 'clerk');
    const doc = await issued(env, clerk, 'receipt');
    const pdf = await download(clerk, `/api/documents/${doc.id}/pdf`);
    const text = squash(pdftotext(writeTemp('receipt-no-case.pdf', pdf.data)));
    expect(text).not.toContain('案号');
    expect(text).toContain('随州市劳动人事争议仲裁委员会');
  });
});
