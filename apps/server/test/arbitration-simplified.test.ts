import { describe, expect, it } from 'vitest';
import { application, approved, COMPLETE, useArbitrationSetup } from './arbitration.support';
import { newMatter } from './cases.support';
import { signedIn, useTestServer } from './harness';
import { creditCode, intakeBody, residentId } from './intake-fixtures';

/**
 * 简易处理 (办案规则第五十六条至第六十一条) and the collective variant (第六十二条至第六十七条):
 * eligibility and exclusions, one arbitrator only when simplified, conversion before the period expires
 * (the period keeps running from acceptance); 3–5 representatives, a three-arbitrator tribunal, and one
 * hearing notice to all addressed through the representatives.
 */
describe('arbitration: simplified procedure and collective variant', () => {
  const env = useTestServer();
  const s = useArbitrationSetup(env, {
    users: ['clerk', 'director', 'liqiang'],
    arbitrators: { arb_sun: '孙仲裁', arb_zhou: '周仲裁', arb_wu: '吴仲裁' },
  });

  async function accepted(over: { claims?: unknown[] } = {}) {
    const m = await newMatter(s.clerk, s.p.zengdu, over);
    const body = await application(s.clerk, { id: m.id, claims: m.claims });
    const caseId = body.case.caseId as string;
    const acc = await s.director.post(`/api/arbitration/cases/${caseId}/accept`, {});
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    return { m, caseId };
  }

  it('walks 401 → 400 → 403/409 → 422 → 200 and records the decision on case, timeline and audit', async () => {
    const { m, caseId } = await accepted();
    const path = `/api/arbitration/cases/${caseId}/simplified`;
    const anon = await env.server.app.inject({
      method: 'POST',
      url: path,
      payload: { apply: true, reason: 'x' },
    });
    expect(anon.statusCode).toBe(401);
    expect((await s.liqiang.post(path, { apply: true })).status).toBe(400);
    expect((await s.liqiang.post(path, { apply: true, reason: 'x', extra: 1 })).status).toBe(400);
    const petition = await signedIn(env, 'petition');
    expect([403, 404]).toContain((await petition.post(path, { apply: true, reason: 'x' })).status);
    // The window clerk is not arbitration staff.
    expect((await s.clerk.post(path, { apply: true, reason: '窗口' })).status).toBe(403);

    const excluded = await s.liqiang.post(path, {
      apply: true,
      reason: '事实清楚',
      grounds: ['clear_facts'],
      exclusions: ['respondent_missing'],
    });
    expect([excluded.status, excluded.body.code]).toEqual([422, 'SIMPLIFIED_NOT_ELIGIBLE']);
    expect(excluded.body.message).toContain('被申请人下落不明');
    expect(excluded.body.message).toContain('第五十七条');

    const view0 = (await s.liqiang.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(view0.simplifiedOptions).toMatchObject({
      canApply: true,
      canConvert: false,
      amountWithinCap: true,
    });
    const ok = await s.liqiang.post(path, {
      apply: true,
      reason: '欠薪事实清楚，标的额小',
      version: view0.version,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.case.simplified).toBe(true);
    expect(ok.body.case.simplifiedGrounds).toContain('amount_within_cap');
    expect(ok.body.case.simplifiedOptions).toMatchObject({ canApply: false, canConvert: true });
    expect(ok.body.case.records.some((r: any) => r.summary.startsWith('决定简易处理'))).toBe(true);
    const again = await s.liqiang.post(path, { apply: true, reason: '再次' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_SIMPLIFIED']);
    const stale = await s.liqiang.post(path, { apply: false, reason: '过期版本', version: view0.version });
    expect(stale.status).toBe(409);

    const db = env.server.app.ctx.database.db;
    const events = await db
      .selectFrom('matter_event')
      .select('summary')
      .where('matter_id', '=', m.id)
      .where('kind', '=', 'arbitration_simplified')
      .execute();
    expect(events).toHaveLength(1);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', caseId)
      .where('action', 'like', 'arbitration.simplified.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['arbitration.simplified.apply']);

    // One arbitrator is now allowed.
    const sole = await s.liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
      arbitratorIds: [s.ids.arb_sun],
    });
    expect(sole.status, JSON.stringify(sole.body)).toBe(200);
    expect(sole.body.case.tribunal.map((t: any) => t.role)).toEqual(['sole']);

    // Conversion to the ordinary procedure: the award period still runs from acceptance.
    const dueBefore = ok.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.award')?.dueDate;
    expect(dueBefore).toBeTruthy();
    const conv = await s.liqiang.post(path, { apply: false, reason: '被申请人提出反请求，案情复杂' });
    expect(conv.status, JSON.stringify(conv.body)).toBe(200);
    expect(conv.body.case.simplified).toBe(false);
    expect(conv.body.recomposeTribunal).toBe(true);
    expect(conv.body.awardDueDate).toBe(dueBefore);
    expect(conv.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.award')?.dueDate).toBe(dueBefore);
    expect(conv.body.case.records.some((r: any) => r.summary.includes('审理期限仍自受理之日起计算'))).toBe(
      true,
    );
    const twice = await s.liqiang.post(path, { apply: false, reason: '再转' });
    expect([twice.status, twice.body.code]).toEqual([409, 'NOT_SIMPLIFIED']);
  });

  it('refuses a sole arbitrator in the ordinary procedure and an amount above the cap without other grounds', async () => {
    const { caseId } = await accepted({
      claims: [
        {
          type: 'unpaid_wages',
          amountFen: 20_000_000,
          periodFrom: '2024-01-01',
          periodTo: '2025-12-31',
          facts: '两年工资未发放',
        },
      ],
    });
    const sole = await s.liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
      arbitratorIds: [s.ids.arb_sun],
    });
    expect([sole.status, sole.body.code]).toEqual([422, 'SOLE_ARBITRATOR_NOT_ALLOWED']);
    const view = (await s.liqiang.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(view.simplifiedOptions.amountWithinCap).toBe(false);
    const r = await s.liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
      apply: true,
      reason: '申请',
    });
    expect([r.status, r.body.code]).toEqual([422, 'SIMPLIFIED_NOT_ELIGIBLE']);
    expect(r.body.message).toContain('第五十六条');
    const agreed = await s.liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
      apply: true,
      reason: '双方书面同意',
      grounds: ['parties_agree'],
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body.case.simplifiedGrounds).toEqual(['parties_agree']);
  });

  it('refuses simplified before acceptance', async () => {
    const m = await newMatter(s.clerk, s.p.zengdu);
    const body = await application(s.clerk, { id: m.id, claims: m.claims });
    const r = await s.liqiang.post(`/api/arbitration/cases/${body.case.caseId}/simplified`, {
      apply: true,
      reason: '事实清楚',
    });
    expect([r.status, r.body.code]).toEqual([409, 'SIMPLIFIED_NOT_NOW']);
  });

  describe('collective dispute (≥10 workers)', () => {
    const collectiveMatter = async (reps: number, seed: number) => {
      const workers = Array.from({ length: 10 }, (_, i) => ({
        name: `集体工${seed}-${i}`,
        idType: 'resident_id',
        idNumber: residentId('19920404', seed + i),
        phone: '13871234567',
        address: '湖北省随州市曾都区交通大道100号',
        representative: i < reps,
      }));
      const r = await s.clerk.post(
        '/api/intake',
        intakeBody(s.p.zengdu, {
          workers,
          employers: [
            {
              name: `随州市集体纺织${seed}有限公司`,
              creditCode: creditCode(`MA4K${String(seed).padStart(4, '0')}`),
              legalRepresentative: '王厂长',
              address: '随州市曾都区擂鼓墩大道9号',
            },
          ],
        }),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.collective).toBe(true);
      return r.body as { id: string; claims: { id: string }[] };
    };
    const withReps = {
      materials: [
        ...COMPLETE.materials,
        { kind: 'representatives', title: '代表人推选书及全体申请人名单', form: '原件', pages: 2 },
      ],
    };
    /** A collective case of ten workers, three of them representatives, filed (立案审批) and accepted. */
    const acceptedCollective = async (seed: number) => {
      const matter = await collectiveMatter(3, seed);
      const ok = await application(s.clerk, matter, withReps);
      expect(ok.complete, JSON.stringify(ok.missingItems)).toBe(true);
      const caseId = ok.case.caseId as string;
      await approved(s.liqiang, s.director, caseId, 'filing');
      const acc = await s.director.post(`/api/arbitration/cases/${caseId}/accept`, {});
      expect(acc.status, JSON.stringify(acc.body)).toBe(200);
      return caseId;
    };

    it('records 3–5 representatives on the application: 2 → 补正, 6 → 400, 3 → receipt', async () => {
      const two = await collectiveMatter(2, 500);
      const r2 = await s.clerk.post('/api/arbitration/applications', {
        matterId: two.id,
        claimIds: two.claims.map((c) => c.id),
        ...COMPLETE,
        ...withReps,
      });
      expect(r2.status, JSON.stringify(r2.body)).toBe(201);
      expect(r2.body.complete).toBe(false);
      expect(r2.body.missingItems.join('；')).toContain('应推选三至五名，现有2名');

      const matter = await collectiveMatter(3, 600);
      const six = await s.clerk.post('/api/arbitration/applications', {
        matterId: matter.id,
        claimIds: matter.claims.map((c) => c.id),
        ...COMPLETE,
        ...withReps,
        representatives: Array.from({ length: 6 }, (_, i) => ({ name: `代表${i}` })),
      });
      expect(six.status).toBe(400);
      const ok = await application(s.clerk, matter, withReps);
      expect(ok.complete, JSON.stringify(ok.missingItems)).toBe(true);
      expect(ok.case.representatives.map((r: any) => r.name)).toEqual([
        '集体工600-0',
        '集体工600-1',
        '集体工600-2',
      ]);
      const caseId = ok.case.caseId;
      await approved(s.liqiang, s.director, caseId, 'filing');
      const acc = await s.director.post(`/api/arbitration/cases/${caseId}/accept`, {});
      expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    });

    it('needs three arbitrators even when simplified; one hearing notice to all via the representatives', async () => {
      const caseId = await acceptedCollective(610);
      const amountOnly = await s.liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
        apply: true,
        reason: '标的额小',
      });
      expect([amountOnly.status, amountOnly.body.code]).toEqual([422, 'SIMPLIFIED_NOT_ELIGIBLE']);
      expect(amountOnly.body.message).toContain('第六十二条');
      const clear = await s.liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
        apply: true,
        reason: '事实清楚',
        grounds: ['clear_facts', 'parties_agree'],
      });
      expect(clear.status, JSON.stringify(clear.body)).toBe(200);
      expect(clear.body.case.simplifiedGrounds).toEqual(['clear_facts']);

      const one = await s.liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
        arbitratorIds: [s.ids.arb_sun],
      });
      expect([one.status, one.body.code]).toEqual([422, 'TRIBUNAL_SIZE']);
      expect(one.body.message).toContain('三名仲裁员');
      const three = await s.liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
        arbitratorIds: [s.ids.arb_sun, s.ids.arb_zhou, s.ids.arb_wu],
        presidingId: s.ids.arb_zhou,
      });
      expect(three.status, JSON.stringify(three.body)).toBe(200);
      expect(three.body.case.tribunal.map((t: any) => t.role).sort()).toEqual([
        'member',
        'member',
        'presiding',
      ]);

      const cal = (
        await s.clerk.get(`/api/arbitration/calendar?from=${new Date().toISOString().slice(0, 10)}&days=14`)
      ).body;
      expect((await s.liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {})).status).toBe(
        200,
      );
      // The parties waived the defence and evidence periods in writing: the hearing may come in 9 days.
      for (const [kind, summary] of [
        ['defence_waiver', '被申请人书面声明放弃答辩期'],
        ['evidence_waiver', '双方当事人书面声明放弃举证期限'],
      ]) {
        const w = await s.liqiang.post(`/api/arbitration/cases/${caseId}/records`, { kind, summary });
        expect(w.status, JSON.stringify(w.body)).toBe(200);
      }
      const d = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
      const h = await s.liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
        roomId: cal.rooms[2].id,
        startsAt: `${d}T09:00:00+08:00`,
        endsAt: `${d}T11:00:00+08:00`,
      });
      expect(h.status, JSON.stringify(h.body)).toBe(200);
      expect(h.body.documents.map((x: any) => x.type)).toEqual(['hearing_notice']);
      const fields = (await s.clerk.get(`/api/documents/${h.body.documents[0].id}`)).body.fields;
      expect(fields.addresseeName).toContain('代表人：集体工610-0、集体工610-1、集体工610-2');
      expect(fields.addresseeName).toContain('随州市集体纺织610有限公司');
    });
  });
});
