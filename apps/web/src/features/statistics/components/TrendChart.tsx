import { useMemo } from 'react';
import type { Analysis } from '../statistics.api';
import { EChart } from './EChart';

const SERIES = [
  { key: 'received', label: '受理事项', color: '#1677ff' },
  { key: 'accepted', label: '立案受理', color: '#52c41a' },
  { key: 'closed', label: '结案', color: '#fa8c16' },
] as const;

/** Monthly trend (ECharts, grouped bars): matters received, cases accepted and cases closed per month. */
export function TrendChart({ trend }: { trend: Analysis['trend'] }) {
  const option = useMemo(
    () => ({
      color: SERIES.map((s) => s.color),
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 12, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: trend.map((t) => t.month), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: SERIES.map((s) => ({ name: s.label, type: 'bar', data: trend.map((t) => t[s.key]) })),
    }),
    [trend],
  );
  return <EChart option={option} label="按月趋势：受理事项、立案受理、结案" testId="stats-trend-chart" />;
}

/** Time to close per track in day bands (ECharts, stacked bars per track). */
export function CloseTimeChart({ rows }: { rows: Analysis['timeToClose'] }) {
  const option = useMemo(() => {
    const bands = rows[0]?.bands.map((b) => b.label) ?? [];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 12, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: rows.map((r) => r.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: bands.map((label, i) => ({
        name: label,
        type: 'bar',
        stack: 'days',
        data: rows.map((r) => r.bands[i]?.count ?? 0),
      })),
    };
  }, [rows]);
  return <EChart option={option} label="各业务线办结用时分布" testId="stats-close-chart" />;
}

/** Horizontal bars with their counts (causes, channels, overdue clocks by unit). */
export function BarList({ items, testId }: { items: { label: string; count: number }[]; testId?: string }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  if (items.length === 0) return <div style={{ color: '#595959' }}>本期无数据</div>;
  return (
    <div data-testid={testId}>
      {items.map((i) => (
        <div key={i.label} style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '4px 0' }}>
          <span style={{ flex: '0 0 40%', fontSize: 13, overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {i.label}
          </span>
          <span style={{ flex: 1, background: '#f5f5f5', height: 12 }}>
            <span
              style={{
                display: 'block',
                width: `${(i.count / max) * 100}%`,
                background: '#1677ff',
                height: 12,
              }}
            />
          </span>
          <span style={{ flex: '0 0 3em', textAlign: 'right', fontSize: 13 }}>{i.count}</span>
        </div>
      ))}
    </div>
  );
}
