import { beforeAll, describe, expect, it } from 'vitest';
import { newMatter, organizations, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { intakeBody } from './intake-fixtures';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

describe('court docking (诉调对接)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let orgs: Record<string, string>;
  let court: Client;
  let mediator: Client;

  beforeAll(async () => {
    p = await places(env);
    orgs = await organizations(env);
    court = await signedIn(env, 'court');
    mediator = await signedIn(env, 'zhangmin');
  });

  const delegation = {
    courtCaseNo: '（2026）鄂1303民初1234号',
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    summary: '追索劳动报酬纠纷，诉前委派调解',
  };

  it('the court delegates a case, the center mediates to agreement, and the court records the judicial confirmation', async () => {
    expect((await new Client(env.url).post('/api/court-docking/delegations', delegation)).status).toBe(401);
    expect((await court.post('/api/court-docking/delegations', { ...delegation, summary: '' })).status).toBe(
      400,
    );
    expect(
      (await (await signedIn(env, 'clerk')).post('/api/court-docking/delegations', delegation)).status,
    ).toBe(403);
    const d = await court.post('/api/court-docking/delegations', delegation);
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body).toMatchObject({
      kind: 'delegated',
      state: 'referred_in',
      court: { name: '随州市曾都区人民法院' },
      matter: null,
    });
    expect(d.body.actions.map((a: any) => a.event)).toEqual(['return_to_court']);
    const url = (e: string) => `/api/court-docking/${d.body.id}/steps/${e}`;

    expect((await mediator.get('/api/court-docking?open=true')).body.items.map((x: any) => x.id)).toContain(
      d.body.id,
    );
    const start = await mediator.post(url('start_mediation'), { version: d.body.version });
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({ state: 'mediating', mediatorName: '张敏' });
    expect((await court.post(url('agree'), { agreementTerms: 'x' })).status).toBe(403);
    const noTerms = await mediator.post(url('agree'), {});
    expect(noTerms.status).toBe(422);
    expect(noTerms.body.message).toContain('调解协议内容');
    const effective = shift(today(), -2);
    const agreed = await mediator.post(url('agree'), {
      agreementTerms: '被申请人于2026年12月15日前支付工资18,000元',
      agreementEffectiveOn: effective,
    });
    expect(agreed.body).toMatchObject({ state: 'agreed', confirmationDue: shift(effective, 30) });
    const stale = await mediator.post(url('apply_confirmation'), { version: 1 });
    expect(stale.status).toBe(409);
    const applied = await mediator.post(url('apply_confirmation'), {});
    expect(applied.body.state).toBe('conf_applied');
    expect((await mediator.post(url('confirm'), { rulingNo: 'x' })).status).toBe(403);
    expect((await court.post(url('confirm'), {})).status).toBe(422);
    const ok = await court.post(url('confirm'), { rulingNo: '（2026）鄂1303民特56号', note: '调解协议有效' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      state: 'confirmed',
      closed: true,
      courtRulingNo: '（2026）鄂1303民特56号',
      courtResultOn: today(),
      actions: [],
    });
    expect(ok.body.events.map((e: any) => e.event)).toEqual([
      'open',
      'start_mediation',
      'agree',
      'apply_confirmation',
      'confirm',
    ]);
  });

  it('a delegated case registered as a matter (channel court_delegated) goes back to court when mediation fails', async () => {
    const { channel: _c, requestKind: _r, ...intake } = intakeBody(p.zengdu) as Record<string, unknown>;
    const d = await court.post('/api/court-docking/delegations', {
      courtCaseNo: '（2026）鄂1303民初1300号',
      summary: '拖欠工资纠纷',
      intake,
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body.applicantName).toBe('王建国');
    const matter = (await mediator.get(`/api/matters/${d.body.matter.id}`)).body;
    expect(matter.channel).toBe('court_delegated');
    const back = await mediator.post(`/api/court-docking/${d.body.id}/steps/return_to_court`, {
      returnedReason: '被申请人拒绝调解',
    });
    expect(back.body).toMatchObject({
      state: 'returned_to_court',
      returnedReason: '被申请人拒绝调解',
      closed: true,
    });
    const kinds = (await mediator.get(`/api/matters/${d.body.matter.id}`)).body.timeline.map(
      (e: any) => e.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['created', 'court_delegated', 'court_docking']));
  });

  it('a mediation agreement goes to court within 30 days of its effect; the court may reject it', async () => {
    const m = await newMatter(await signedIn(env, 'clerk'), p.zengdu);
    const courtId = orgs.随州市曾都区人民法院!;
    const base = { matterId: m.id, courtOrgId: courtId, agreementTerms: '用人单位分两期支付工资12,500元' };
    expect(
      (await court.post('/api/court-docking/confirmations', { ...base, agreementEffectiveOn: today() }))
        .status,
    ).toBe(403);
    const old = await mediator.post('/api/court-docking/confirmations', {
      ...base,
      agreementEffectiveOn: shift(today(), -40),
    });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    const late = await mediator.post(`/api/court-docking/${old.body.id}/steps/apply_confirmation`, {});
    expect(late.status).toBe(422);
    expect(late.body.message).toContain('三十日内');

    const c = (
      await mediator.post('/api/court-docking/confirmations', {
        ...base,
        agreementEffectiveOn: shift(today(), -3),
      })
    ).body;
    expect(c).toMatchObject({ kind: 'confirmation', state: 'agreed', applicantName: expect.any(String) });
    expect((await mediator.post(`/api/court-docking/${c.id}/steps/apply_confirmation`, {})).body.state).toBe(
      'conf_applied',
    );
    const rej = await court.post(`/api/court-docking/${c.id}/steps/reject`, {
      rulingNo: '（2026）鄂1303民特60号',
      note: '协议内容不明确，当事人可变更协议或起诉',
    });
    expect(rej.body).toMatchObject({
      state: 'rejected',
      courtResultNote: '协议内容不明确，当事人可变更协议或起诉',
    });
    const timeline = (await mediator.get(`/api/matters/${m.id}`)).body.timeline;
    expect(timeline.some((e: any) => e.kind === 'court_docking' && e.summary.includes('裁定驳回申请'))).toBe(
      true,
    );
  });

  it('a judicially confirmed agreement: each payment it sets becomes an obligation, effective on the ruling', async () => {
    const m = await newMatter(await signedIn(env, 'clerk'), p.zengdu, { worker: '司法确认履行' });
    const c = (
      await mediator.post('/api/court-docking/confirmations', {
        matterId: m.id,
        courtOrgId: orgs.随州市曾都区人民法院!,
        agreementTerms: '用人单位分两期支付工资12,500元',
        agreementEffectiveOn: shift(today(), -3),
      })
    ).body;
    const due1 = shift(today(), 10);
    const due2 = shift(today(), 40);
    const payments = [
      {
        item: '拖欠工资',
        claimType: 'unpaid_wages',
        amountFen: 1_250_000,
        dueDate: due2,
        instalments: [
          { amountFen: 500_000, dueDate: due1 },
          { amountFen: 750_000, dueDate: due2 },
        ],
      },
    ];
    const early = await mediator.post(`/api/court-docking/${c.id}/steps/apply_confirmation`, { payments });
    expect([early.status, early.body.code]).toEqual([400, 'PAYMENTS_ONLY_ON_CONFIRM']);
    expect((await mediator.post(`/api/court-docking/${c.id}/steps/apply_confirmation`, {})).status).toBe(200);
    const badType = await court.post(`/api/court-docking/${c.id}/steps/confirm`, {
      rulingNo: '（2026）鄂1303民特61号',
      payments: [{ ...payments[0], claimType: 'no_such_claim' }],
    });
    expect([badType.status, badType.body.code]).toEqual([400, 'PAYMENT_ITEM_CLAIM_TYPE']);
    const confirmed = await court.post(`/api/court-docking/${c.id}/steps/confirm`, {
      rulingNo: '（2026）鄂1303民特61号',
      payments,
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const list = await mediator.get(`/api/matters/${m.id}/obligations`);
    expect(list.status).toBe(200);
    expect(
      list.body.items.map((o: any) => [
        o.item,
        o.instalmentNo,
        o.amountFen,
        o.dueDate,
        o.source,
        o.sourceLabel,
        o.effectiveDate,
        o.servedOn,
        o.statusLabel,
      ]),
    ).toEqual([
      [
        '拖欠工资',
        1,
        500_000,
        due1,
        'court_confirmation',
        '司法确认裁定书（2026）鄂1303民特61号',
        today(),
        today(),
        '待履行',
      ],
      [
        '拖欠工资',
        2,
        750_000,
        due2,
        'court_confirmation',
        '司法确认裁定书（2026）鄂1303民特61号',
        today(),
        today(),
        '待履行',
      ],
    ]);
    expect(list.body.totals).toEqual({ amountFen: 1_250_000, paidFen: 0, unpaidFen: 1_250_000, overdue: 0 });
  });
});
