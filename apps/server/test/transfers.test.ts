import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { newMatter, openCase, organizations, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';

describe('transfers (转办)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let orgs: Record<string, string>;
  let clerk: Client;
  const org = (name: string) => orgs[name]!;

  beforeAll(async () => {
    p = await places(env);
    orgs = await organizations(env);
    clerk = await signedIn(env, 'clerk');
  });

  it('sends a matter to the union with a slip; the union accepts and its mediation case opens', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const url = `/api/matters/${m.id}/transfers`;
    const body = { toOrgId: org('随州市总工会'), toTrack: 'mediation', reason: '劳动者希望由工会调解' };
    expect((await new Client(env.url).post(url, body)).status).toBe(401);
    const noReason = await clerk.post(url, { ...body, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('请填写转办理由');
    const sent = await clerk.post(url, body);
    expect(sent.status).toBe(201);
    expect(sent.body.state).toBe('pending');
    expect(sent.body.slipDocumentId).toBeTruthy();
    expect(sent.body.acceptBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sent.body.overdue).toBe(false);
    const twice = await clerk.post(url, body);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('TRANSFER_PENDING');
    const slip = await clerk.get(`/api/documents/${sent.body.slipDocumentId}`);
    expect(slip.status).toBe(200);
    expect(JSON.stringify(slip.body)).toContain('转办单');

    const union = await signedIn(env, 'union');
    const inbox = (await union.get('/api/transfers?box=inbox')).body.items;
    expect(inbox.map((t: any) => t.id)).toContain(sent.body.id);
    expect(inbox[0].canDecide).toBe(true);
    expect((await clerk.get('/api/transfers?box=outbox')).body.items.map((t: any) => t.id)).toContain(
      sent.body.id,
    );
    const mine = (await union.get('/api/work/queue')).body.items;
    expect(mine.find((x: any) => x.id === sent.body.id).kind).toBe('transfer');

    const notReceiver = await clerk.post(`/api/transfers/${sent.body.id}/accept`);
    expect(notReceiver.status).toBe(403);
    const accepted = await union.post(`/api/transfers/${sent.body.id}/accept`, {
      version: sent.body.version,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    expect(accepted.body.decidedBy.name).toBe('周平');
    expect(accepted.body.openedCaseNumber).toMatch(/^随劳人调字〔\d{4}〕第\d+号$/);
    const opened = (await union.get(`/api/cases/${accepted.body.openedCaseId}`)).body;
    expect(opened.organization.name).toBe('随州市总工会');
    expect(opened.claims.map((c: any) => c.id)).toEqual([m.claims[0]!.id]);
    const again = await union.post(`/api/transfers/${sent.body.id}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WORKFLOW_ILLEGAL_TRANSITION');

    const timeline = (await clerk.get(`/api/matters/${m.id}`)).body.timeline.map((t: any) => t.kind);
    expect(timeline).toEqual(expect.arrayContaining(['transfer_sent', 'transfer_accepted', 'case_opened']));
  });

  it('moves the claims of a case: the source case releases them (R-03 stays intact)', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const source = (await openCase(clerk, m.id, 'consultation', [m.claims[0]!.id])).body.case;
    const sent = await clerk.post(`/api/matters/${m.id}/transfers`, {
      toOrgId: org('随州市劳动保障监察支队'),
      toTrack: 'inspection',
      caseId: source.id,
      reason: '属于劳动保障监察投诉事项',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.claimIds).toEqual([m.claims[0]!.id]);
    const inspector = await signedIn(env, 'inspector');
    const accepted = await inspector.post(`/api/transfers/${sent.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.openedCaseNumber).toMatch(/^随人社监字〔\d{4}〕第\d+号$/);
    const src = (await clerk.get(`/api/cases/${source.id}`)).body;
    expect(src.claims[0].open).toBe(false);
    expect(src.claims[0].releasedReason).toContain('已转办');
  });

  it('the receiver returns a transfer only with a reason', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const sent = (
      await clerk.post(`/api/matters/${m.id}/transfers`, {
        toOrgId: org('随州市曾都区人民法院'),
        reason: '申请司法确认',
      })
    ).body;
    const court = await signedIn(env, 'court');
    const bare = await court.post(`/api/transfers/${sent.id}/return`, {});
    expect(bare.status).toBe(422);
    expect(bare.body.code).toBe('WORKFLOW_GUARD_FAILED');
    expect(bare.body.message).toContain('退回须说明理由');
    const stale = await court.post(`/api/transfers/${sent.id}/return`, { reason: '不属于本院', version: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.state).toBe('pending');
    const returned = await court.post(`/api/transfers/${sent.id}/return`, {
      reason: '尚无调解协议，不符合司法确认条件',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.state).toBe('returned');
    expect(returned.body.returnReason).toBe('尚无调解协议，不符合司法确认条件');
    const timeline = (await clerk.get(`/api/matters/${m.id}`)).body.timeline;
    expect(
      timeline.some((t: any) => t.kind === 'transfer_returned' && t.summary.includes('不符合司法确认条件')),
    ).toBe(true);
    // The matter may be sent again once the first transfer is decided.
    const resend = await clerk.post(`/api/matters/${m.id}/transfers`, {
      toOrgId: org('随州市总工会'),
      reason: '改由工会调解',
    });
    expect(resend.status).toBe(201);
  });

  it('lists transfers not accepted within one working day for the leaders', async () => {
    const m1 = await newMatter(clerk, p.zengdu);
    const m2 = await newMatter(clerk, p.zengdu);
    const petitionOrg = org('随州市信访局（维权中心信访窗口）');
    const late = (
      await clerk.post(`/api/matters/${m1.id}/transfers`, { toOrgId: petitionOrg, reason: '信访事项' })
    ).body;
    const fresh = (
      await clerk.post(`/api/matters/${m2.id}/transfers`, { toOrgId: petitionOrg, reason: '信访事项' })
    ).body;
    // Sent six days ago (at least two working days have passed since, whatever the calendar).
    await sql`UPDATE transfer SET created_at = now() - interval '6 days' WHERE id = ${late.id}`.execute(
      env.server.app.ctx.database.db,
    );
    expect((await clerk.get('/api/transfers/overdue')).status).toBe(403);
    const director = await signedIn(env, 'director');
    const overdue = await director.get('/api/transfers/overdue');
    expect(overdue.status).toBe(200);
    const ids = overdue.body.items.map((t: any) => t.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(fresh.id);
    expect(overdue.body.items.find((t: any) => t.id === late.id).overdue).toBe(true);
    const petition = await signedIn(env, 'petition');
    const inbox = (await petition.get('/api/transfers?box=inbox&state=pending')).body.items;
    expect(inbox.find((t: any) => t.id === late.id).overdue).toBe(true);
  });
});
