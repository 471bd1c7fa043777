import { previousQuarter } from '@onestop/domain';
import { describe, expect, it } from 'vitest';
import { places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { buildStatisticsFixture } from './statistics.support';

/** 统计数据公开: off by default, chosen rows only, small numbers suppressed, edits versioned and audited. */
describe('public statistics (统计数据公开)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-stats-pub-${process.pid}` });

  it('publishes the chosen rows of last quarter for the city, numbers under 5 shown as <5', async () => {
    const anonymous = new Client(env.url);
    const before = await anonymous.get('/api/public/statistics');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ published: false, periodLabel: null, items: [] });

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const lq = previousQuarter(today);
    // The fixture's 2024 Q2 moved into last quarter: 4 cases accepted (15 workers), 4 closed.
    await buildStatisticsFixture(env, await places(env), (lq.year - 2024) * 12 + (lq.quarter - 2) * 3);

    const clerk = await signedIn(env, 'clerk');
    expect(
      (await clerk.put('/api/statistics/publication', { enabled: true, rows: [], version: 1 })).status,
    ).toBe(403);
    const director = await signedIn(env, 'director');
    const current = (await director.get('/api/statistics/publication')).body;
    expect(current.enabled).toBe(false);
    expect(current.candidates.some((c: { unit: string }) => c.unit === '元')).toBe(false);

    const amounts = await director.put('/api/statistics/publication', {
      enabled: true,
      rows: [{ table: 'arbitration', row: '21' }],
      version: current.version,
    });
    expect(amounts.status).toBe(422);
    expect(amounts.body.code).toBe('PUBLICATION_ROW_INVALID');
    expect(amounts.body.message).toBe('报表“arbitration”的指标“21”不能公开：只能公开以件、人计的计数指标');

    const rows = [
      { table: 'arbitration', row: '02' },
      { table: 'arbitration', row: '05' },
    ];
    const saved = await director.put('/api/statistics/publication', {
      enabled: true,
      rows,
      version: current.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ enabled: true, rows, version: current.version + 1 });
    const stale = await director.put('/api/statistics/publication', {
      enabled: false,
      rows,
      version: current.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');

    const published = await anonymous.get('/api/public/statistics');
    expect(published.body).toEqual({
      published: true,
      periodLabel: `${lq.year}年第${'一二三四'[lq.quarter - 1]}季度`,
      items: [
        { table: '劳动人事争议处理情况', label: '本期受理案件', unit: '件', text: '<5' },
        { table: '劳动人事争议处理情况', label: '本期受理案件涉及劳动者人数', unit: '人', text: '15' },
      ],
    });
    const audit = await env.server.database.pool.query(
      `SELECT summary FROM audit_log WHERE action = 'statistics.publication.update' ORDER BY at`,
    );
    expect(audit.rows.map((r) => r.summary)).toEqual(['公开统计数据（2项指标）']);
  });
});
