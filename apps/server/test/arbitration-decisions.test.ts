import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addArbitrator, application, seedCalendars } from './arbitration.support';
import { newMatter, type Places, places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';

/**
 * Decision documents of the proceedings (《劳动争议调解仲裁法》第三十一条至第五十条, 《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条): 中止审理决定书 with the ground and the
 * 恢复审理通知书; 延长审理期限通知书 (+15 days, approver) to both parties; 准予撤回仲裁申请决定书. And the
 * simplified procedure's notice (《劳动人事争议仲裁办案规则》第五十六条至第六十七条): issued as a document and sent by SMS through the party outbox,
 * the defence period shortened only with the respondent's consent.
 */
describe('arbitration: decision documents and the simplified notice', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-arbd-${process.pid}` });
  let p: Places;
  let clerk: Client;
  let director: Client;
  let liqiang: Client;
  let zhangmin: Client;
  let soleId: string;

  async function servedCase() {
    const m = await newMatter(clerk, p.zengdu);
    const body = await application(clerk, { id: m.id, claims: m.claims });
    const caseId = body.case.caseId as string;
    const acc = await director.post(`/api/arbitration/cases/${caseId}/accept`, {});
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    const served = await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {});
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    return caseId;
  }
  const fields = async (id: string) => (await clerk.get(`/api/documents/${id}`)).body;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    director = await signedIn(env, 'director');
    liqiang = await signedIn(env, 'liqiang');
    zhangmin = await signedIn(env, 'zhangmin');
    await seedCalendars(env);
    soleId = await addArbitrator(env, 'arb_dec_sole', '郑仲裁');
  });

  it('suspension issues a 中止审理决定书 with the ground; resumption a 恢复审理通知书', async () => {
    const caseId = await servedCase();
    const s = await director.post(`/api/arbitration/cases/${caseId}/suspend`, {
      ground: 'awaiting_injury_or_appraisal',
      detail: '等待工伤认定结论',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.documents.map((x: any) => x.type)).toEqual(['suspension_decision']);
    expect(s.body.documents[0].number).toMatch(/^随劳人仲中字〔\d{4}〕第\d+号$/);
    const doc = await fields(s.body.documents[0].id);
    expect(doc.title).toBe('中止审理决定书');
    expect(doc.fields.ground).toContain('工伤认定');
    expect(doc.fields.detail).toBe('等待工伤认定结论');
    expect(doc.fields.approver).toBeTruthy();
    expect(s.body.case.documents.some((x: any) => x.type === 'suspension_decision' && x.number)).toBe(true);

    const r = await director.post(`/api/arbitration/cases/${caseId}/resume`, {
      reason: '工伤认定结论已作出',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.documents.map((x: any) => x.type)).toEqual(['resumption_notice']);
    const rd = await fields(r.body.documents[0].id);
    expect(rd.fields.reason).toBe('工伤认定结论已作出');
    const award = r.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.award');
    expect(rd.fields.awardDueDate).toBe(award.dueDate);
  });

  it('an approved extension (+15 days) is notified in writing to both parties', async () => {
    const caseId = await servedCase();
    const view = (await liqiang.get(`/api/arbitration/cases/${caseId}`)).body;
    const before = view.clocks.find((k: any) => k.ruleId === 'arbitration.award').dueDate;
    const e = await director.post(`/api/arbitration/cases/${caseId}/extend`, {
      approver: '仲裁委主任 吴建国',
      reason: '案情复杂，需对加班时长进行鉴定',
      days: 15,
    });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    expect(e.body.documents.map((x: any) => x.type)).toEqual(['extension_notice', 'extension_notice']);
    const after = e.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.award').dueDate;
    const docs = await Promise.all(e.body.documents.map((x: any) => fields(x.id)));
    const addressees = docs.map((x) => x.fields.addresseeName);
    const parties = view.parties.map((x: any) => x.name);
    expect(addressees.sort()).toEqual([...parties].sort());
    for (const x of docs) {
      expect(x.title).toBe('延长审理期限通知书');
      expect(x.fields).toMatchObject({
        days: 15,
        originalDueDate: before,
        newDueDate: after,
        approver: '仲裁委主任 吴建国',
      });
    }
    expect(e.body.case.records.at(-1).summary).toContain('已书面通知双方当事人');
  });

  it('a withdrawal issues the 准予撤回仲裁申请决定书', async () => {
    const caseId = await servedCase();
    const noForm = await zhangmin.post(`/api/arbitration/cases/${caseId}/steps`, {
      step: 'withdraw',
      summary: '双方已和解',
    });
    expect(noForm.status).toBe(422);
    const w = await zhangmin.post(`/api/arbitration/cases/${caseId}/steps`, {
      step: 'withdraw',
      summary: '双方已自行和解，被申请人已支付工资',
      withdrawalApplicationFiled: true,
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body.case.state).toBe('withdrawn');
    expect(w.body.documents.map((x: any) => x.type)).toEqual(['withdrawal_decision']);
    const doc = await fields(w.body.documents[0].id);
    expect(doc.title).toBe('准予撤回仲裁申请决定书');
    expect(doc.fields.reason).toContain('和解');
    expect(doc.number).toMatch(/^随劳人仲撤字/);
  });

  it('simplified notice: 409 before simplified, 422 shortened defence without consent, SMS through the outbox', async () => {
    const caseId = await servedCase();
    const path = `/api/arbitration/cases/${caseId}/simplified-notice`;
    const anon = await env.server.app.inject({ method: 'POST', url: path, payload: { channel: 'sms' } });
    expect(anon.statusCode).toBe(401);
    expect((await liqiang.post(path, { channel: 'fax' })).status).toBe(400);
    expect((await clerk.post(path, { channel: 'sms' })).status).toBe(403);
    const notYet = await liqiang.post(path, { channel: 'sms' });
    expect([notYet.status, notYet.body.code]).toEqual([409, 'NOT_SIMPLIFIED']);
    const simp = await liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
      apply: true,
      reason: '欠薪事实清楚',
      grounds: ['clear_facts'],
    });
    expect(simp.status, JSON.stringify(simp.body)).toBe(200);
    const noTribunal = await liqiang.post(path, { channel: 'sms' });
    expect([noTribunal.status, noTribunal.body.code]).toEqual([422, 'TRIBUNAL_REQUIRED']);
    const t = await liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, { arbitratorIds: [soleId] });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const noConsent = await liqiang.post(path, { channel: 'sms', defenceDays: 3 });
    expect([noConsent.status, noConsent.body.code]).toEqual([422, 'DEFENCE_SHORTENING_NEEDS_CONSENT']);
    expect(noConsent.body.message).toContain('被申请人同意');
    const ok = await liqiang.post(path, {
      channel: 'sms',
      defenceDays: 3,
      respondentConsentRef: '被申请人同意缩短答辩期确认书（2026-001）',
      version: t.body.case.version,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.documents.map((x: any) => x.type)).toEqual(['simplified_notice', 'simplified_notice']);
    const doc = await fields(ok.body.documents[1].id);
    expect(doc.title).toBe('简易处理通知书');
    expect(doc.fields.defencePeriod).toContain('缩短为三日');
    // The running defence clock follows: due three working days after the respondent received the copy.
    const defence = ok.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.defence');
    const row = await env.server.app.ctx.database.db
      .selectFrom('clock')
      .select(['trigger_date', 'due_date', 'shortened_duration', 'explanation'])
      .where('id', '=', defence.id)
      .executeTakeFirstOrThrow();
    expect(row.shortened_duration).toBe(3);
    expect(row.explanation).toContain('经被申请人同意缩短为3个工作日');
    expect(defence.dueDate).toBe(row.due_date);
    expect(row.due_date < addDays(row.trigger_date, 10)).toBe(true);
    expect(doc.fields.arbitrator).toBe('郑仲裁');
    expect(ok.body.case.partyNotices).toHaveLength(2);
    expect(ok.body.case.partyNotices.every((n: any) => n.channel === 'sms' && n.state === 'pending')).toBe(
      true,
    );
    expect(ok.body.case.partyNotices[0].body).toContain('简易处理');
    const db = env.server.app.ctx.database.db;
    const rows = await db.selectFrom('party_notice').selectAll().where('subject_id', '=', caseId).execute();
    expect(rows.map((r) => r.template)).toEqual(['arbitration.simplified', 'arbitration.simplified']);
    expect(rows.every((r) => r.party_id !== null && r.document_id !== null)).toBe(true);
    const again = await liqiang.post(path, { channel: 'sms' });
    expect([again.status, again.body.code]).toEqual([409, 'SIMPLIFIED_NOTICE_ISSUED']);
  });

  it('cancelling the defence period with consent meets the defence clock', async () => {
    const caseId = await servedCase();
    await liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
      apply: true,
      reason: '双方同意',
      grounds: ['parties_agree'],
    });
    await liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, { arbitratorIds: [soleId] });
    const ok = await liqiang.post(`/api/arbitration/cases/${caseId}/simplified-notice`, {
      channel: 'phone',
      defenceDays: 0,
      respondentConsentRef: '电话记录：被申请人同意不设答辩期',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.defence').status).toBe('met');
    expect(ok.body.case.partyNotices.every((n: any) => n.channel === 'phone' && n.state === 'recorded')).toBe(
      true,
    );
  });
});

describe('migration 0017: decision-document 文号 patterns on a database seeded before them', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  it('adds the rows for the seeded arbitration commission only, once', async () => {
    const { db } = env.server.app.ctx.database;
    const file = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../src/db/migrations/0017_arbitration_decision_numbers.sql',
    );
    const types = ['suspension_decision', 'withdrawal_decision', 'collective_notice', 'simplified_notice'];
    const before = await db
      .selectFrom('document_number_pattern')
      .select(['issuer_org_id', 'type', 'pattern'])
      .where('type', 'in', types)
      .orderBy('type')
      .execute();
    expect(before).toHaveLength(4);
    await db.deleteFrom('document_number_pattern').where('type', 'in', types).execute();
    const migration = sql.raw(readFileSync(file, 'utf8'));
    await migration.execute(db);
    await migration.execute(db);
    const after = await db
      .selectFrom('document_number_pattern')
      .select(['issuer_org_id', 'type', 'pattern'])
      .where('type', 'in', types)
      .orderBy('type')
      .execute();
    expect(after).toEqual(before);
  });
});

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
