import { describe, expect, it } from 'vitest';
import { newMatter, openCase, places } from './cases.support';
import { createDraft, runJobs, useDocumentsServer } from './documents.support';
import { Client, signedIn } from './harness';

describe('the master record aggregates all its tracks; the to-do list shows what waits on my posts', () => {
  const env = useDocumentsServer();

  it('lists the clocks and documents of the matter and of every case opened on it, each with its source', async () => {
    const p = await places(env);
    const clerk = await signedIn(env, 'clerk');
    const m = await newMatter(clerk, p.zengdu, { worker: '聚合甲' });
    expect((await new Client(env.url).get(`/api/matters/${m.id}/clocks`)).status).toBe(401);
    expect((await clerk.get('/api/matters/not-a-uuid/clocks')).status).toBe(400);
    const gsclerk = await signedIn(env, 'gsclerk'); // 广水: outside its scope → 404, existence not disclosed
    expect((await gsclerk.get(`/api/matters/${m.id}/clocks`)).status).toBe(404);
    expect((await gsclerk.get(`/api/matters/${m.id}/documents`)).status).toBe(404);

    const opened = await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id]);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId = opened.body.case.id as string;
    const caseNumber = opened.body.case.number as string;
    const caseClocks = (await clerk.get(`/api/clocks?subjectType=case&subjectId=${caseId}`)).body.items;
    // Opening a mediation case starts its one clock: the 15-day settlement period (调解仲裁法第十四条第三款).
    expect(caseClocks.map((c: any) => [c.ruleId, c.status])).toEqual([['mediation.settlement', 'running']]);

    const r = await clerk.get(`/api/matters/${m.id}/clocks`);
    expect(r.status).toBe(200);
    const fromCase = r.body.items.filter((c: any) => c.source.type === 'case');
    expect(fromCase.map((c: any) => c.id).sort()).toEqual(caseClocks.map((c: any) => c.id).sort());
    expect(fromCase[0].source).toEqual({ type: 'case', id: caseId, label: `调解 ${caseNumber}` });
    const dues = r.body.items.map((c: any) => c.dueDate);
    expect(dues).toEqual([...dues].sort());

    const onCase = await createDraft(clerk, 'receipt', {}, { subjectType: 'case', subjectId: caseId as any });
    const onMatter = await createDraft(
      clerk,
      'receipt',
      {},
      { subjectType: 'matter', subjectId: m.id as any },
    );
    const d = await clerk.get(`/api/matters/${m.id}/documents`);
    expect(d.status).toBe(200);
    expect(d.body.items.map((x: any) => [x.id, x.source.type])).toEqual([
      [onCase.id, 'case'],
      [onMatter.id, 'matter'],
    ]);
    expect(d.body.items[1].source).toEqual({ type: 'matter', id: m.id, label: '维权事项' });
  });

  it('puts on the clerk’s list the matters waiting for triage and the documents issued but not served', async () => {
    const p = await places(env);
    const clerk = await signedIn(env, 'clerk');
    const gsclerk = await signedIn(env, 'gsclerk');
    const waiting = await newMatter(clerk, p.zengdu, { worker: '待分流乙' });
    const elsewhere = await newMatter(gsclerk, p.guangshui, { worker: '广水丙' });

    const mine = (await clerk.get('/api/work/queue?queue=mine')).body.items;
    const row = mine.find((x: any) => x.id === waiting.id);
    expect(row).toMatchObject({
      kind: 'matter',
      number: waiting.number,
      statusLabel: '待分流',
      link: `/matters/${waiting.id}`,
      matterId: waiting.id,
      jurisdictionName: '曾都区',
    });
    expect(row.title).toContain('待分流乙');
    // Filtering by track narrows to cases: no triage items then.
    const filtered = (await clerk.get('/api/work/queue?queue=mine&track=mediation')).body.items;
    expect(filtered.some((x: any) => x.kind === 'matter')).toBe(false);

    // A document issued by the clerk and not yet served is on the list until a service is recorded.
    const doc = await createDraft(
      clerk,
      'receipt',
      {},
      { subjectType: 'matter', subjectId: waiting.id as any },
    );
    expect((await clerk.post(`/api/documents/${doc.id}/issue`, {})).status).toBe(200);
    await runJobs(env);
    const withDoc = (await clerk.get('/api/work/queue?queue=mine')).body.items;
    const served = withDoc.find((x: any) => x.id === doc.id);
    expect(served).toMatchObject({
      kind: 'service',
      statusLabel: '未送达',
      matterId: waiting.id,
      link: `/matters/${waiting.id}`,
    });
    expect(served.title).toBe(`待送达：${doc.title}`);
    // 广水's clerk sees none of it.
    const gsItems = (await gsclerk.get('/api/work/queue?queue=mine')).body.items.map((x: any) => x.id);
    expect(gsItems).toContain(elsewhere.id);
    expect(gsItems).not.toContain(doc.id);
    expect(gsItems).not.toContain(waiting.id);
  });
});
