import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../src/modules/documents/render/index';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { newMatter, openCase, places } from './cases.support';
import { createDraft, download, runJobs, useDocumentsServer } from './documents.support';
import { type Client, signedIn } from './harness';

/**
 * Issue 14 item 11 / #14-h14 item 2: a due date computed while its year's holiday notice is not entered
 * (clocks.service computeOrProvisional: calendar_pending_year) says “暂定” wherever it is printed — the
 * work lists (工作台 and work areas) and documents. The clock is made provisional here directly (as the
 * engine leaves it for 2027 until the admin enters that year), so the test does not depend on today.
 */
describe('provisional due dates are printed as 暂定', () => {
  const env = useDocumentsServer();
  let clerk: Client;
  let mediator: Client;

  beforeAll(async () => {
    clerk = await signedIn(env, 'clerk');
    mediator = await signedIn(env, 'zhangmin');
  });

  async function provisional(subjectId: string, due: string) {
    const { db } = env.server.app.ctx.database;
    const r = await db
      .updateTable('clock')
      .set({ due_date: due, calendar_pending_year: Number(due.slice(0, 4)) })
      .where('subject_id', '=', subjectId)
      .where('status', 'in', ['running', 'extended'])
      .executeTakeFirst();
    expect(Number(r.numUpdatedRows)).toBeGreaterThan(0);
  }

  it('in the work lists: the 工作台 and the mediation work area flag the date', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '暂定甲' });
    const med = (await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id])).body.case;
    await provisional(med.id, '2027-01-08');
    const area = (await mediator.get('/api/work/mediation?queue=all&pageSize=100')).body.items as any[];
    expect(area.find((i) => i.id === med.id)).toMatchObject({ dueDate: '2027-01-08', dueProvisional: true });
    const mine = (await mediator.get('/api/work/queue?queue=mine')).body.items as any[];
    expect(mine.find((i) => i.id === med.id)).toMatchObject({ dueDate: '2027-01-08', dueProvisional: true });
    // Another case of the same list with a calendar-backed date is not flagged.
    const other = await newMatter(clerk, p.zengdu, { worker: '暂定乙' });
    const med2 = (await openCase(clerk, other.id, 'mediation', [other.claims[0]!.id])).body.case;
    const again = (await mediator.get('/api/work/mediation?queue=all&pageSize=100')).body.items as any[];
    const plain = again.find((i) => i.id === med2.id);
    expect(plain.dueProvisional).toBe(false);
    expect(plain.dueDate).not.toBeNull();
  });

  it('in a document: the date says （暂定） and a note says how it is settled', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '暂定丙' });
    const med = (await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id])).body.case;
    await provisional(med.id, '2027-01-08');
    const draft = await createDraft(
      clerk,
      'correction_notice',
      { fields: { ...SAMPLE_FIELDS.correction_notice, deadline: '2027-01-08' } },
      { subjectType: 'case', subjectId: med.id },
    );
    const r = await clerk.post(`/api/documents/${draft.id}/issue`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await runJobs(env);
    const pdf = await download(clerk, `/api/documents/${draft.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = squash(pdftotext(writeTemp(`${draft.id}.pdf`, pdf.data)));
    expect(text).toContain('请你于2027年1月8日（暂定）前将上述材料一次性补正齐全');
    expect(text).toContain('注：标注“暂定”的日期涉及2027年，该年度国务院节假日安排尚未公布');
    // The date received (a calendar-backed fact, not a computed deadline) is printed plainly.
    expect(text).toContain('2026年11月20日');
    expect(text).not.toContain('2026年11月20日（暂定）');
  });
});
