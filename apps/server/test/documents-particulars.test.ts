import { CLAIM_CATALOGUE } from '@onestop/domain';
import { describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { newMatter, openCase, places } from './cases.support';
import { download, issued } from './documents.support';
import { useDocumentsServer } from './documents.support';
import { signedIn } from './harness';
import { residentId } from './intake-fixtures';

// Issue #13: a case document carries the case's 案号 and the parties' particulars as stored in the
// master record (address decrypted, ID masked, sex and birth date from the ID number), and the
// violated provision from the case's claim types.
describe('documents: 案号 and particulars from the master record', () => {
  const env = useDocumentsServer();

  async function inspectionCase() {
    const clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { idNumber: residentId('19900307', 123, '421303') });
    const r = await openCase(clerk, m.id, 'inspection', [m.claims[0]!.id]);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { clerk, matter: m, caseId: r.body.case.id as string, caseNumber: r.body.case.number as string };
  }

  it('prints the 案号, the employer particulars and the violated provision on a penalty decision', async () => {
    const { clerk, caseId, caseNumber } = await inspectionCase();
    const db = env.server.app.ctx.database.db;
    const employer = await db
      .selectFrom('matter_party as mp')
      .innerJoin('track_case as c', 'c.matter_id', 'mp.matter_id')
      .select('mp.party_id')
      .where('c.id', '=', caseId)
      .where('mp.role', '=', 'employer')
      .executeTakeFirstOrThrow();
    // The post of the 法定代表人 (migration 0031) has no intake field yet: set it as staff would.
    await db
      .updateTable('party')
      .set({ legal_representative_post: '执行董事' } as never)
      .where('id', '=', employer.party_id)
      .execute();

    const doc = await issued(env, clerk, 'penalty_decision', { subjectType: 'case', subjectId: caseId as ReturnType<typeof crypto.randomUUID> });
    const pdf = await download(clerk, `/api/documents/${doc.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = squash(pdftotext(writeTemp('penalty-particulars.pdf', pdf.data))).replace(/—\d+—/g, '');
    expect(text).toContain(squash(`案号：${caseNumber}`));
    expect(text).toContain(
      '当事人：随州市鸿运建筑劳务有限公司，住所地随州市曾都区擂鼓墩大道8号，统一社会信用代码',
    );
    expect(text).toContain('法定代表人：李大海，职务：执行董事。');
    expect(text).toContain(squash(`违反了${CLAIM_CATALOGUE.unpaid_wages.basis}的规定`));
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
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
