import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { application } from './arbitration.support';
import { newMatter, places } from './cases.support';
import { download, issued, useDocumentsServer } from './documents.support';
import { signedIn } from './harness';

/**
 * Issue #13: agents (委托代理人) recorded at arbitration filing with their authority (调解仲裁法第二十四条)
 * and printed in the particulars of the awards and 调解书 issued afterwards.
 */
describe('arbitration: agents with their authority', () => {
  const env = useDocumentsServer();

  async function filedCase(worker: string) {
    const clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker });
    const body = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    const caseId = body.case.caseId as string;
    const view = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    const { db } = env.server.app.ctx.database;
    const parties = await db
      .selectFrom('matter_party')
      .select(['party_id', 'role'])
      .where('matter_id', '=', m.id)
      .execute();
    return {
      clerk,
      caseId,
      number: view.number as string,
      workerId: parties.find((x) => x.role === 'worker')!.party_id,
      employerId: parties.find((x) => x.role === 'employer')!.party_id,
    };
  }

  it('needs the power of attorney and a party of the case', async () => {
    const c = await filedCase('代理甲');
    const noPoa = await c.clerk.post(`/api/arbitration/cases/${c.caseId}/agents`, {
      partyId: c.workerId,
      powerOfAttorneyFiled: false,
      agents: [{ name: '陈律', identity: '湖北随州某律师事务所律师', authority: 'special' }],
    });
    expect([noPoa.status, noPoa.body.code, noPoa.body.message]).toEqual([
      422,
      'POWER_OF_ATTORNEY_REQUIRED',
      '委托代理人参加仲裁活动，须提交有委托人签名或者盖章、载明委托事项和权限的授权委托书（《劳动争议调解仲裁法》第二十四条）',
    ]);
    const stranger = await c.clerk.post(`/api/arbitration/cases/${c.caseId}/agents`, {
      partyId: '00000000-0000-4000-8000-000000000000',
      powerOfAttorneyFiled: true,
      agents: [{ name: '陈律', authority: 'general' }],
    });
    expect([stranger.status, stranger.body.code]).toEqual([422, 'PARTY_NOT_IN_CASE']);
    const { db } = env.server.app.ctx.database;
    const row = await db
      .selectFrom('matter_party as mp')
      .innerJoin('track_case as tc', 'tc.matter_id', 'mp.matter_id')
      .select(sql<unknown>`mp.agents`.as('agents'))
      .where('tc.id', '=', c.caseId)
      .where('mp.party_id', '=', c.workerId)
      .executeTakeFirstOrThrow();
    expect(row.agents).toEqual([]);
  });

  it('records both sides’ agents and prints them with their authority on the award', async () => {
    const c = await filedCase('代理乙');
    const w = await c.clerk.post(`/api/arbitration/cases/${c.caseId}/agents`, {
      partyId: c.workerId,
      powerOfAttorneyFiled: true,
      agents: [{ name: '陈律', identity: '湖北随州某律师事务所律师', authority: 'special' }],
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body.agents).toEqual([
      { name: '陈律', identity: '湖北随州某律师事务所律师', authority: '特别授权' },
    ]);
    expect(w.body.case.records.at(-1).summary).toBe('代理乙委托代理人：陈律（特别授权）');
    const e = await c.clerk.post(`/api/arbitration/cases/${c.caseId}/agents`, {
      partyId: c.employerId,
      powerOfAttorneyFiled: true,
      agents: [{ name: '孙明', identity: '该公司人力资源部经理', authority: 'general' }],
    });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    const doc = await issued(env, c.clerk, 'award', { subjectType: 'case', subjectId: c.caseId });
    const pdf = await download(c.clerk, `/api/documents/${doc.id}/pdf`);
    const text = squash(pdftotext(writeTemp('award-agents.pdf', pdf.data))).replace(/—\d+—/g, '');
    expect(text).toContain('委托代理人：陈律，湖北随州某律师事务所律师，代理权限：特别授权。');
    expect(text).toContain('委托代理人：孙明，该公司人力资源部经理，代理权限：一般授权。');
    expect(text.indexOf('申请人：代理乙')).toBeLessThan(text.indexOf('委托代理人：陈律'));
    expect(text.indexOf('委托代理人：陈律')).toBeLessThan(text.indexOf('被申请人：'));
  });
});
