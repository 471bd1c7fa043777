// Over 400 lines: obligations and payments from every source document, each test standing alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { addArbitrator, application, seedCalendars } from './arbitration.support';
import { newMatter, type Places, places } from './cases.support';
import { download, runJobs } from './documents.support';
import { Client, signedIn, useTestServer } from './harness';
import { agreementInTwoInstalments } from './obligations.support';
import { cn, dayFromNow, plusDays, setToday, slot } from './procedure.support';

/**
 * Issue #21 (paid, not just won): an agreement or award becomes obligations with due dates; payments
 * (partial, late) are recorded; overdue obligations are flagged and alert the handler; an unpaid award
 * leads to an enforcement application listing the unpaid items and amounts.
 */
describe('obligations: followed until paid', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: mkdtempSync(join(tmpdir(), 'onestop-h21-')) });
  let p: Places;
  let clerk: Client;
  let mediator: Client;
  let admin: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    mediator = await signedIn(env, 'zhangmin');
    admin = await signedIn(env, 'admin');
  });
  afterEach(() => setToday(env, null));

  const ok = (r: { status: number; body: unknown }, status = 200) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body as any;
  };

  it('an agreement in two instalments: the first paid late → overdue alert, then paid in two parts', async () => {
    setToday(env, '2026-12-08');
    const a = await agreementInTwoInstalments(env, p, '陆分期');
    const list = ok(await mediator.get(`/api/matters/${a.matterId}/obligations`));
    expect(
      list.items.map((o: any) => [
        o.item,
        o.instalmentNo,
        o.instalmentCount,
        o.amountFen,
        o.dueDate,
        o.status,
      ]),
    ).toEqual([
      ['拖欠工资', 1, 2, 400_000, '2026-12-20', 'open'],
      ['拖欠工资', 2, 2, 400_000, '2027-01-20', 'open'],
    ]);
    expect(list.items[0].sourceLabel).toBe(`调解协议书${a.agreement.number}`);
    expect(list.items[0].debtorName).toBe('随州市鸿运建筑劳务有限公司');
    expect(list.items[0].creditorName).toBe('陆分期');
    expect(list.items[0].basis).toBe('《劳动争议调解仲裁法》第十四条、第十五条');
    expect(list.totals).toEqual({ amountFen: 800_000, paidFen: 0, unpaidFen: 800_000, overdue: 0 });
    const [first, second] = list.items;

    // The due day itself is not overdue; the day after is.
    const statuses = async () =>
      ok(await mediator.get(`/api/matters/${a.matterId}/obligations`)).items.map((x: any) => x.status);
    setToday(env, '2026-12-20');
    ok(await admin.post('/api/admin/obligations/sweep', {}));
    expect(await statuses()).toEqual(['open', 'open']);
    setToday(env, '2026-12-22');
    ok(await admin.post('/api/admin/obligations/sweep', {}));
    expect(await statuses()).toEqual(['overdue', 'open']);
    // A second sweep finds nothing left to flag (each obligation is flagged and alerted once).
    expect(ok(await admin.post('/api/admin/obligations/sweep', {}))).toEqual({ flagged: 0 });
    let o = ok(await mediator.get(`/api/obligations/${first.id}`));
    expect([o.status, o.statusLabel, o.daysOverdue]).toEqual(['overdue', '逾期未履行', 2]);
    expect(o.nextSteps.map((s: any) => s.step)).toEqual(['payment_order', 'inspection']);
    expect(o.actions).toEqual(['record_payment', 'next_step']);
    expect(ok(await mediator.get(`/api/obligations/${second.id}`)).status).toBe('open');
    // The alert went to the mediator once (in the app).
    const { db } = env.server.app.ctx.database;
    const alerts = await db
      .selectFrom('notification as n')
      .innerJoin('app_user as u', 'u.id', 'n.recipient_user_id')
      .select(['u.username', 'n.body', 'n.channel'])
      .where('n.template', '=', 'obligation.overdue')
      .where('n.subject_id', '=', a.matterId)
      .execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.username).toBe('zhangmin');
    expect(alerts[0]!.channel).toBe('in_app');
    expect(alerts[0]!.body).toContain(
      '随州市鸿运建筑劳务有限公司应于2026-12-20向陆分期支付的拖欠工资（第1期）尚欠4,000.00元，已逾期未履行',
    );

    // Partial, then the rest: a stale version is refused, an amount above what is owed too.
    const late = { amountFen: 150_000, paidOn: '2026-12-22', payer: 'debtor' };
    expect(
      ok(
        await mediator.post(`/api/obligations/${first.id}/payments`, { ...late, version: o.version - 1 }),
        409,
      ),
    );
    const over = await mediator.post(`/api/obligations/${first.id}/payments`, {
      ...late,
      amountFen: 400_001,
      version: o.version,
    });
    expect([over.status, over.body.code, over.body.message]).toEqual([
      422,
      'PAYMENT_EXCEEDS_OUTSTANDING',
      '付款金额超过未履行金额4000.00元，请核对',
    ]);
    const future = await mediator.post(`/api/obligations/${first.id}/payments`, {
      ...late,
      paidOn: '2026-12-23',
      version: o.version,
    });
    expect([future.status, future.body.code]).toEqual([400, 'PAYMENT_DATE_FUTURE']);
    o = ok(
      await mediator.post(`/api/obligations/${first.id}/payments`, { ...late, version: o.version }),
      201,
    );
    expect([o.status, o.paidFen, o.unpaidFen]).toEqual(['overdue', 150_000, 250_000]);
    // A retried submission with the same key records the payment once.
    const retry = { ...late, amountFen: 250_000, version: o.version };
    const headers = { headers: { 'idempotency-key': 'h21-first-rest' } };
    o = ok(await mediator.request('POST', `/api/obligations/${first.id}/payments`, retry, headers), 201);
    const again = ok(
      await mediator.request('POST', `/api/obligations/${first.id}/payments`, retry, headers),
      201,
    );
    expect(again.version).toBe(o.version);
    expect([o.status, o.paidFen, o.unpaidFen, o.daysOverdue, o.actions]).toEqual(['paid', 400_000, 0, 0, []]);
    expect(o.payments.map((x: any) => [x.amountFen, x.paidOn, x.status, x.declaredByName])).toEqual([
      [150_000, '2026-12-22', 'confirmed', '张敏'],
      [250_000, '2026-12-22', 'confirmed', '张敏'],
    ]);
    const totals = ok(await mediator.get(`/api/matters/${a.matterId}/obligations`)).totals;
    expect(totals).toEqual({ amountFen: 800_000, paidFen: 400_000, unpaidFen: 400_000, overdue: 0 });
    // Every change is on the matter's timeline.
    const events = await db
      .selectFrom('matter_event')
      .select(['kind', 'summary'])
      .where('matter_id', '=', a.matterId)
      .where('kind', 'like', 'obligation%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.kind)).toEqual([
      'obligation_overdue',
      'obligation_payment',
      'obligation_payment',
    ]);
    expect(events[2]!.summary).toBe(
      '登记拖欠工资付款2,500.00元（2026-12-22，义务人），已付4,000.00元／应付4,000.00元',
    );
  });

  it('jurisdiction: 401 without login, 404 for another county, 403 for a post that cannot record, 400 on bad input', async () => {
    setToday(env, '2026-12-08');
    const a = await agreementInTwoInstalments(env, p, '陆权限');
    const [first] = ok(await mediator.get(`/api/matters/${a.matterId}/obligations`)).items;
    expect((await new Client(env.url).get(`/api/matters/${a.matterId}/obligations`)).status).toBe(401);
    const gs = await signedIn(env, 'gsclerk');
    expect((await gs.get(`/api/matters/${a.matterId}/obligations`)).status).toBe(404);
    const hidden = await gs.get(`/api/obligations/${first.id}`);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'NOT_FOUND']);
    const director = await signedIn(env, 'director');
    const leader = await director.post(`/api/obligations/${first.id}/payments`, {
      version: first.version,
      amountFen: 1,
      paidOn: '2026-12-08',
    });
    expect(leader.status).toBe(403);
    const bad = await mediator.post(`/api/obligations/${first.id}/payments`, {
      version: first.version,
      amountFen: 0,
      paidOn: '2026-12-08',
    });
    expect(bad.status).toBe(400);
    const notDue = await mediator.post(`/api/obligations/${first.id}/next-step`, {
      version: first.version,
      step: 'payment_order',
    });
    expect([notDue.status, notDue.body.code]).toEqual([409, 'OBLIGATION_NOT_OVERDUE']);
  });

  it('an overdue agreement on wages: 申请支付令告知书 in one step, or an inspection case through a transfer carrying the record', async () => {
    setToday(env, '2026-12-08');
    const a = await agreementInTwoInstalments(env, p, '陆支付令');
    const b = await agreementInTwoInstalments(env, p, '陆转监察');
    setToday(env, '2026-12-22');
    ok(await admin.post('/api/admin/obligations/sweep', {}));
    const [oa] = ok(await mediator.get(`/api/matters/${a.matterId}/obligations`)).items;
    const r = ok(
      await mediator.post(`/api/obligations/${oa.id}/next-step`, {
        version: oa.version,
        step: 'payment_order',
      }),
      201,
    );
    expect([r.step, r.unpaidTotalFen, r.obligationIds]).toEqual(['payment_order', 400_000, [oa.id]]);
    expect(r.obligation.nextStepLabel).toBe('申请支付令指引');
    await runJobs(env);
    const pdf = await download(clerk, `/api/documents/${r.document.id}/pdf`);
    const text = squash(pdftotext(writeTemp(`h21-po-${r.document.id}.pdf`, pdf.data)));
    expect(text).toContain('申请支付令告知书');
    expect(text).toContain(
      squash('拖欠工资（第1期）：应付4,000.00元，履行期限2026年12月20日，已付0.00元，未付4,000.00元'),
    );
    expect(text).toContain('第十六条');

    const [ob] = ok(await mediator.get(`/api/matters/${b.matterId}/obligations`)).items;
    const t = ok(
      await mediator.post(`/api/obligations/${ob.id}/next-step`, { version: ob.version, step: 'inspection' }),
      201,
    );
    expect([t.step, t.obligation.nextStep, t.document.number]).toEqual([
      'inspection',
      'inspection',
      expect.stringMatching(/〔2026〕/),
    ]);
    const transfers = ok(await mediator.get(`/api/matters/${b.matterId}/transfers`)).items;
    expect(transfers).toHaveLength(1);
    expect([transfers[0].toTrack, transfers[0].state]).toEqual(['inspection', 'pending']);
    expect(transfers[0].reason).toContain(
      '尚欠4,000.00元（拖欠工资（第1期）应于2026-12-20支付4,000.00元，已付0.00元）',
    );
  });

  describe('an award unpaid past its due date', () => {
    let wang: Client;
    let liqiang: Client;
    let director: Client;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      liqiang = await signedIn(env, 'liqiang');
      director = await signedIn(env, 'director');
      await seedCalendars(env);
      ids.wang = await addArbitrator(env, 'h21_wang', '王立仁');
      ids.zhao = await addArbitrator(env, 'h21_zhao', '赵德明');
      ids.qian = await addArbitrator(env, 'h21_qian', '钱学文');
      wang = await signedIn(env, 'h21_wang');
      const u = await env.server.app.ctx.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'liqiang')
        .executeTakeFirstOrThrow();
      ids.liqiang = u.id;
    });

    /** An arbitration case of `worker` after its hearing (tribunal of three), on the hearing day. */
    async function heardCase(worker: string, hours: [string, string] = ['09:00', '11:00']) {
      const m = await newMatter(clerk, p.zengdu, { worker });
      const body = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
      const caseId = body.case.caseId as string;
      ok(await director.post(`/api/arbitration/cases/${caseId}/accept`, {}));
      ok(await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {}));
      for (const [kind, summary] of [
        ['defence_waiver', '被申请人书面声明放弃答辩期'],
        ['evidence_waiver', '双方当事人书面声明放弃举证期限'],
      ]) {
        ok(await liqiang.post(`/api/arbitration/cases/${caseId}/records`, { kind, summary }));
      }
      ok(
        await liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
          arbitratorIds: [ids.wang, ids.zhao, ids.qian],
          presidingId: ids.wang,
          clerkId: ids.liqiang,
        }),
      );
      const rooms = ok(await clerk.get(`/api/arbitration/calendar?from=${dayFromNow(0)}&days=7`)).rooms;
      const day = dayFromNow(8);
      ok(
        await liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
          roomId: rooms[0].id,
          ...slot(day, ...hours),
        }),
      );
      setToday(env, day);
      ok(
        await wang.post(`/api/arbitration/cases/${caseId}/steps`, {
          step: 'hold_hearing',
          summary: '双方到庭，进行了举证质证和辩论',
          attendees: [`申请人${worker}到庭`, '被申请人委托代理人孙明到庭'],
          statements: [{ speaker: '申请人', text: '请求支付拖欠工资和经济补偿。' }],
        }),
      );
      return { m, caseId, day };
    }

    it('→ an enforcement application with the unpaid items and amounts, once', async () => {
      const { m, caseId, day } = await heardCase('钱执行');
      ok(
        await wang.post(`/api/arbitration/cases/${caseId}/records`, {
          kind: 'mediation_attempt',
          summary: '庭审中组织调解，被申请人不同意',
        }),
      );
      const award = ok(
        await wang.post(`/api/arbitration/cases/${caseId}/award`, {
          facts: '申请人于2026年7月至10月在被申请人处工作，工资未发放。',
          reasons: '用人单位应当按时足额支付劳动报酬。',
          mediationAttempted: true,
          items: [
            { text: '被申请人支付申请人工资12500元', claimType: 'unpaid_wages', amountFen: 1_250_000 },
            {
              text: '被申请人支付申请人经济补偿8000元',
              claimType: 'economic_compensation',
              amountFen: 800_000,
            },
          ],
        }),
      ).documents[0];
      // A final award binds on making (调解仲裁法第四十七条); payment is due that day.
      let items = ok(await clerk.get(`/api/matters/${m.id}/obligations`)).items;
      expect(items.map((o: any) => [o.item, o.amountFen, o.dueDate, o.source, o.servedOn])).toEqual([
        ['拖欠工资', 1_250_000, day, 'arbitration_award_final', null],
        ['解除（终止）劳动合同经济补偿', 800_000, day, 'arbitration_award_final', null],
      ]);
      ok(await liqiang.post(`/api/arbitration/cases/${caseId}/serve-award`, {}));
      items = ok(await clerk.get(`/api/matters/${m.id}/obligations`)).items;
      expect(items.map((o: any) => o.servedOn)).toEqual([day, day]);
      // 2,500.00元 paid on the wages; nothing else.
      ok(
        await liqiang.post(`/api/obligations/${items[0].id}/payments`, {
          version: items[0].version,
          amountFen: 250_000,
          paidOn: day,
          payer: 'debtor',
        }),
        201,
      );
      const later = dayFromNow(40);
      setToday(env, later);
      ok(await admin.post('/api/admin/obligations/sweep', {}));
      expect(ok(await clerk.get(`/api/matters/${m.id}/obligations`)).totals).toEqual({
        amountFen: 2_050_000,
        paidFen: 250_000,
        unpaidFen: 1_800_000,
        overdue: 2,
      });
      const o = ok(await clerk.get(`/api/obligations/${items[1].id}`));
      expect(o.nextSteps.map((s: any) => s.step)).toEqual(['enforcement']);
      expect(o.enforcementPackUrl).toBeNull();
      const noPack = await clerk.get(`/api/obligations/${o.id}/enforcement-pack.pdf`);
      expect([noPack.status, noPack.body.code]).toEqual([409, 'ENFORCEMENT_PACK_MISSING']);
      const wrong = await liqiang.post(`/api/obligations/${o.id}/next-step`, {
        version: o.version,
        step: 'payment_order',
      });
      expect([wrong.status, wrong.body.code]).toEqual([422, 'NEXT_STEP_NOT_AVAILABLE']);
      const r = ok(
        await liqiang.post(`/api/obligations/${o.id}/next-step`, {
          version: o.version,
          step: 'enforcement',
          court: '随州市曾都区人民法院',
        }),
        201,
      );
      expect(r.unpaidTotalFen).toBe(1_800_000);
      expect(r.obligationIds.sort()).toEqual([items[0].id, items[1].id].sort());
      expect(r.obligation.nextStep).toBe('enforcement');
      expect(r.obligation.nextSteps).toEqual([]);
      const twice = await liqiang.post(`/api/obligations/${items[0].id}/next-step`, {
        version: ok(await clerk.get(`/api/obligations/${items[0].id}`)).version,
        step: 'enforcement',
      });
      expect([twice.status, twice.body.code]).toEqual([409, 'NEXT_STEP_TAKEN']);

      await runJobs(env);
      const pdf = await download(clerk, `/api/documents/${r.document.id}/pdf`);
      expect(pdf.status).toBe(200);
      const text = squash(pdftotext(writeTemp(`h21-${r.document.id}.pdf`, pdf.data))).replace(/—\d+—/g, '');
      expect(text).toContain('强制执行申请书');
      expect(text).toContain(squash(`裁决书 ${award.number}`));
      expect(text).toContain(squash('支付下列未履行款项共计18,000.00元'));
      expect(text).toContain(squash('拖欠工资：应付12,500.00元，履行期限'));
      expect(text).toContain(squash('已付2,500.00元，未付10,000.00元'));
      expect(text).toContain(squash('解除（终止）劳动合同经济补偿：应付8,000.00元'));
      expect(text).toContain(squash('已付0.00元，未付8,000.00元'));
      expect(text).toContain('第五十一条');

      // The pack: application, award and 送达及生效证明书 bound into one PDF, in that order.
      const withPack = ok(await clerk.get(`/api/obligations/${o.id}`));
      expect(withPack.enforcementPackUrl).toBe(`/api/obligations/${o.id}/enforcement-pack.pdf`);
      const certificate = await env.server.app.ctx.database.db
        .selectFrom('document')
        .select(['id', 'number', 'title'])
        .where('type', '=', 'effectiveness_certificate')
        .where('subject_id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(certificate.title).toBe('送达及生效证明书');
      const pack = await download(clerk, withPack.enforcementPackUrl);
      expect([pack.status, pack.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      const pages = async (data: Buffer) => (await PDFDocument.load(data)).getPageCount();
      const parts = await Promise.all(
        [r.document.id, award.id, certificate.id].map(async (id) => {
          const f = await download(clerk, `/api/documents/${id}/pdf`);
          expect(f.status).toBe(200);
          return pages(f.data);
        }),
      );
      expect(await pages(pack.data)).toBe(parts[0]! + parts[1]! + parts[2]!);
      const bound = squash(pdftotext(writeTemp(`h21-pack-${o.id}.pdf`, pack.data))).replace(/—\d+—/g, '');
      const at = (s: string) => bound.indexOf(squash(s));
      expect(at('强制执行申请书')).toBeGreaterThanOrEqual(0);
      expect(at('强制执行申请书')).toBeLessThan(at('用人单位应当按时足额支付劳动报酬。'));
      expect(at('用人单位应当按时足额支付劳动报酬。')).toBeLessThan(at('兹证明'));
      expect(bound).toContain(squash(`本机关于${cn(day)}作出裁决书 ${award.number}`));
      expect(bound).toContain(squash(`${cn(day)}送达双方当事人`));
      expect(bound).toContain(
        squash(
          `该裁决为终局裁决，自作出之日起发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十七条）。该文书于${cn(day)}发生法律效力`,
        ),
      );
      expect(bound).toContain(squash('未履行金额共计18,000.00元'));
      expect(bound).toContain(squash('支付下列未履行款项共计18,000.00元'));
      expect(bound).toContain(certificate.number!);

      // Results: the statistics count what was paid on the award, not only what was awarded.
      const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
      const t = ok(
        await director.get(
          `/api/statistics/tables/arbitration?kind=quarter&year=${day.slice(0, 4)}&quarter=${quarter}`,
        ),
      );
      const paid = t.rows.find((x: any) => x.code === '25');
      expect(paid.label).toBe('结案案件已履行金额');
      expect(paid.cells[0].text).toBe('2500.00');

      // The leader page: unpaid obligations by age (this award: 32 days past due, 逾期31至90日) and unit
      // (the case's organisation).
      const leader = ok(await director.get('/api/leader/obligations'));
      expect(leader.bands.map((b: any) => b.label)).toEqual([
        '未到期',
        '逾期30日以内',
        '逾期31至90日',
        '逾期90日以上',
      ]);
      const unit = await env.server.app.ctx.database.db
        .selectFrom('track_case as c')
        .innerJoin('organization as o', 'o.id', 'c.organization_id')
        .select('o.name')
        .where('c.id', '=', caseId)
        .executeTakeFirstOrThrow();
      const band = async () =>
        ok(await director.get('/api/leader/obligations')).units.find((u: any) => u.unit === unit.name)
          .cells[2] as { count: number; unpaidFen: number };
      // Other tests' obligations may share the unit: measure this award by what paying it changes.
      const before = await band();
      const wages = ok(await clerk.get(`/api/obligations/${items[0].id}`));
      ok(
        await liqiang.post(`/api/obligations/${wages.id}/payments`, {
          version: wages.version,
          amountFen: 1_000_000,
          paidOn: later,
          payer: 'general_contractor',
        }),
        201,
      );
      const after = await band();
      expect([before.count - after.count, before.unpaidFen - after.unpaidFen]).toEqual([1, 1_000_000]);
      expect(after.count).toBeGreaterThanOrEqual(1);
    });

    it('a 仲裁调解书 in instalments: each payment an obligation with the dates written in it, served on signing', async () => {
      const { m, caseId, day } = await heardCase('钱调解书', ['14:00', '16:00']);
      const d10 = plusDays(day, 10);
      const d30 = plusDays(day, 30);
      const wages = {
        item: '拖欠工资',
        claimType: 'unpaid_wages',
        amountFen: 900_000,
        dueDate: d30,
        instalments: [
          { amountFen: 600_000, dueDate: d10 },
          { amountFen: 300_000, dueDate: d30 },
        ],
      };
      const path = `/api/arbitration/cases/${caseId}/mediation-statement`;
      const terms = { agreedTerms: ['双方自愿达成如下调解协议'], bothPartiesSigned: true };
      const uneven = await wang.post(path, {
        ...terms,
        payments: [{ ...wages, instalments: [{ amountFen: 600_000, dueDate: d10 }] }],
      });
      expect([uneven.status, uneven.body.code, uneven.body.message]).toEqual([
        400,
        'INSTALMENTS_INVALID',
        '第1项：分期金额合计6000.00元，与协议金额9000.00元不符',
      ]);
      const done = ok(
        await wang.post(path, {
          ...terms,
          payments: [
            wages,
            { item: '经济补偿', claimType: 'economic_compensation', amountFen: 500_000, dueDate: d10 },
          ],
        }),
      );
      const statement = done.documents[0];
      const items = ok(await clerk.get(`/api/matters/${m.id}/obligations`)).items.sort(
        (a: any, b: any) => a.dueDate.localeCompare(b.dueDate) || b.amountFen - a.amountFen,
      );
      expect(
        items.map((o: any) => [
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
          600_000,
          d10,
          'arbitral_mediation_statement',
          `仲裁调解书${statement.number}`,
          day,
          day,
          '待履行',
        ],
        [
          '解除（终止）劳动合同经济补偿',
          1,
          500_000,
          d10,
          'arbitral_mediation_statement',
          `仲裁调解书${statement.number}`,
          day,
          day,
          '待履行',
        ],
        [
          '拖欠工资',
          2,
          300_000,
          d30,
          'arbitral_mediation_statement',
          `仲裁调解书${statement.number}`,
          day,
          day,
          '待履行',
        ],
      ]);
      await runJobs(env);
      const pdf = await download(clerk, `/api/documents/${statement.id}/pdf`);
      const text = squash(pdftotext(writeTemp(`h21-ms-${statement.id}.pdf`, pdf.data))).replace(/—\d+—/g, '');
      expect(text).toContain(
        squash(
          `被申请人向申请人支付拖欠工资9,000.00元，分2期支付：第1期于${cn(d10)}前支付6,000.00元；第2期于${cn(d30)}前支付3,000.00元`,
        ),
      );
      expect(text).toContain(squash(`被申请人于${cn(d10)}前向申请人支付经济补偿5,000.00元`));
    });
  });
});
