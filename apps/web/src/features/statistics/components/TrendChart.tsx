import type { Analysis } from '../statistics.api';

const SERIES = [
  { key: 'received', label: '受理事项', color: '#1677ff' },
  { key: 'accepted', label: '立案受理', color: '#52c41a' },
  { key: 'closed', label: '结案', color: '#fa8c16' },
] as const;

/**
 * Monthly trend as grouped bars (SVG, scales with its container): matters received, cases accepted and
 * cases closed per month of the period.
 */
export function TrendChart({ trend }: { trend: Analysis['trend'] }) {
  const max = Math.max(1, ...trend.flatMap((t) => [t.received, t.accepted, t.closed]));
  const W = 640;
  const H = 240;
  const left = 36;
  const bottom = 28;
  const plotW = W - left - 8;
  const plotH = H - bottom - 12;
  const groupW = plotW / Math.max(1, trend.length);
  const barW = Math.min(28, (groupW - 12) / SERIES.length);
  const ticks = [0, Math.ceil(max / 2), max];
  return (
    <figure style={{ margin: 0 }} data-testid="stats-trend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="按月趋势：受理事项、立案受理、结案">
        {ticks.map((t) => {
          const y = 12 + plotH - (t / max) * plotH;
          return (
            <g key={t}>
              <line x1={left} x2={W - 8} y1={y} y2={y} stroke="#f0f0f0" />
              <text x={left - 6} y={y + 4} fontSize="11" textAnchor="end" fill="#595959">
                {t}
              </text>
            </g>
          );
        })}
        {trend.map((t, i) => {
          const x0 = left + i * groupW + (groupW - barW * SERIES.length) / 2;
          return (
            <g key={t.month}>
              {SERIES.map((s, j) => {
                const v = t[s.key];
                const h = (v / max) * plotH;
                return (
                  <rect
                    key={s.key}
                    x={x0 + j * barW}
                    y={12 + plotH - h}
                    width={barW - 2}
                    height={h}
                    fill={s.color}
                  >
                    <title>{`${t.month} ${s.label}：${v}`}</title>
                  </rect>
                );
              })}
              <text
                x={left + i * groupW + groupW / 2}
                y={H - 10}
                fontSize="11"
                textAnchor="middle"
                fill="#595959"
              >
                {t.month}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ display: 'flex', gap: 16, flexWrap: 'wrap', fontSize: 12 }}>
        {SERIES.map((s) => (
          <span key={s.key}>
            <span
              style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginRight: 4 }}
            />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
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
