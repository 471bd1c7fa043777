import { beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, useTestServer } from './harness';

/** POST /api/calculators/entitlements: the domain calculators with formula, basis and local figures. */
describe('entitlement calculator API', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let clerk: Client;
  const calc = (body: unknown) => clerk.post('/api/calculators/entitlements', body);

  beforeAll(async () => {
    clerk = await signedIn(env, 'clerk');
  });

  it('401 → 400 → 200 for any signed-in staff', async () => {
    const anon = await new Client(env.url).post('/api/calculators/entitlements', {
      kind: 'unpaid_wages',
      items: [{ period: '2025年12月', dueFen: 1, paidFen: 0 }],
    });
    expect(anon.status).toBe(401);
    const bad = await calc({
      kind: 'economic_compensation',
      startDate: '2020-13-01',
      endDate: '2025-01-01',
      averageMonthlyWageFen: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('日期格式');
    const unknown = await calc({
      kind: 'economic_compensation',
      startDate: '2020-01-01',
      endDate: '2025-01-01',
      averageMonthlyWageFen: 1,
      extra: 1,
    });
    expect(unknown.status).toBe(400);
    const reversed = await calc({
      kind: 'economic_compensation',
      startDate: '2025-01-01',
      endDate: '2020-01-01',
      averageMonthlyWageFen: 500_000,
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('CALC_INVALID_INPUT');
    expect(reversed.body.message).toContain('离职日期不能早于入职日期');
  });

  // Local average monthly wage seeded at ¥6,800 (cap 3× = ¥20,400).
  const N_TABLE = [
    // half-year rule: a remainder under six months counts as half a year (劳动合同法第四十七条第一款)
    {
      name: '2年3个月 → 2.5个月',
      start: '2023-01-01',
      end: '2025-03-31',
      wage: 500_000,
      fen: 1_250_000,
      text: '零头不满六个月按半年计',
    },
    {
      name: '2年6个月 → 3个月',
      start: '2023-01-01',
      end: '2025-06-30',
      wage: 500_000,
      fen: 1_500_000,
      text: '零头满六个月按一年计',
    },
    {
      name: '不满六个月 → 0.5个月',
      start: '2025-01-01',
      end: '2025-03-15',
      wage: 600_000,
      fen: 300_000,
      text: '按半年计',
    },
    {
      name: '整年 → 3个月',
      start: '2022-01-01',
      end: '2024-12-31',
      wage: 400_000,
      fen: 1_200_000,
      text: '计3个月',
    },
    // 3× cap on the base, and at most 12 years when capped (第四十七条第二款)
    {
      name: '三倍封顶，14年 → 12年',
      start: '2011-01-01',
      end: '2024-12-31',
      wage: 3_000_000,
      fen: 2_040_000 * 12,
      text: '三倍',
    },
    {
      name: '三倍封顶，5年',
      start: '2020-01-01',
      end: '2024-12-31',
      wage: 2_100_000,
      fen: 2_040_000 * 5,
      text: '三倍',
    },
    {
      name: '未超三倍，14年不受十二年限制',
      start: '2011-01-01',
      end: '2024-12-31',
      wage: 2_000_000,
      fen: 2_000_000 * 14,
      text: '月工资基数',
    },
  ];

  it.each(N_TABLE)('N: $name', async (row) => {
    const r = await calc({
      kind: 'economic_compensation',
      startDate: row.start,
      endDate: row.end,
      averageMonthlyWageFen: row.wage,
    });
    expect(r.status).toBe(200);
    expect(r.body.amountFen).toBe(row.fen);
    expect(r.body.formula).toContain(row.text);
    expect(r.body.basis).toContain('《劳动合同法》第四十六条、第四十七条');
    expect(r.body.figures.map((f: any) => f.key)).toEqual(['calc.local_average_monthly_wage_fen']);
    expect(r.body.figures[0].basis).toContain('第四十七条第二款');
  });

  it('N+1 adds the last month uncapped; 2N doubles and replaces N', async () => {
    const base = { startDate: '2023-01-01', endDate: '2025-03-31', averageMonthlyWageFen: 500_000 };
    const n1 = await calc({ kind: 'compensation_with_notice', ...base, lastMonthWageFen: 520_000 });
    expect(n1.body.amountFen).toBe(1_250_000 + 520_000);
    expect(n1.body.basis).toContain('第四十条');
    const n2 = await calc({ kind: 'unlawful_termination_damages', ...base });
    expect(n2.body.amountFen).toBe(2_500_000);
    expect(n2.body.formula).toContain('不再支付经济补偿');
  });

  it('unpaid wages, overtime (21.75 from settings), double wages, minimum-wage note by area', async () => {
    const w = await calc({
      kind: 'unpaid_wages',
      areaCode: '421303',
      items: [
        { period: '2025年11月', dueFen: 500_000, paidFen: 200_000 },
        { period: '2025年12月', dueFen: 150_000, paidFen: 0 },
      ],
    });
    expect(w.body.amountFen).toBe(450_000);
    expect(w.body.formula).toContain('2025年11月');
    expect(w.body.notes.join()).toContain('低于曾都区最低工资标准');
    expect(w.body.figures.map((f: any) => f.key)).toEqual(['calc.minimum_wage']);
    const o = await calc({
      kind: 'overtime_pay',
      monthlyWageFen: 435_000,
      workdayHours: 10,
      restDayHours: 8,
      holidayHours: 0,
    });
    // hourly = 4350 / 21.75 / 8 = 25.00; 10 × 1.5 + 8 × 2 = 31 hours → 775.00
    expect(o.body.amountFen).toBe(77_500);
    expect(o.body.figures.map((f: any) => f.key)).toEqual(['calc.monthly_pay_days']);
    const d = await calc({
      kind: 'double_wages_no_contract',
      employmentStart: '2025-01-01',
      lastDayWithoutContract: '2025-04-30',
      monthlyWageFen: 400_000,
    });
    expect(d.body.amountFen).toBe(1_200_000);
    expect(d.body.basis).toContain('第八十二条');
  });

  it('local figures are admin data with their basis; staff read, only admins change them', async () => {
    const list = await clerk.get('/api/calculators/local-figures');
    expect(list.status).toBe(200);
    const avg = list.body.items.find((f: any) => f.key === 'calc.local_average_monthly_wage_fen');
    expect(avg.value).toBe(680_000);
    expect(list.body.kinds.length).toBe(6);
    const body = { value: 700_000, basis: '随州市统计局公布的2025年度数据', version: avg.version };
    expect(
      (await clerk.request('PUT', '/api/admin/local-figures/calc.local_average_monthly_wage_fen', body))
        .status,
    ).toBe(403);
    const admin = await signedIn(env, 'admin');
    const bad = await admin.request('PUT', '/api/admin/local-figures/calc.local_average_monthly_wage_fen', {
      ...body,
      value: -1,
    });
    expect(bad.status).toBe(400);
    const ok = await admin.request(
      'PUT',
      '/api/admin/local-figures/calc.local_average_monthly_wage_fen',
      body,
    );
    expect(ok.status).toBe(200);
    const stale = await admin.request(
      'PUT',
      '/api/admin/local-figures/calc.local_average_monthly_wage_fen',
      body,
    );
    expect(stale.status).toBe(409);
    const capped = await calc({
      kind: 'economic_compensation',
      startDate: '2020-01-01',
      endDate: '2024-12-31',
      averageMonthlyWageFen: 3_000_000,
    });
    expect(capped.body.amountFen).toBe(2_100_000 * 5);
  });
});
