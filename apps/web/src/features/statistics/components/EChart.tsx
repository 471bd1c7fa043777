import { useEffect, useRef, useState } from 'react';

/** The ECharts option object (kept loose here: the module is loaded on demand, see below). */
export type ChartOption = Record<string, unknown>;

/** Loads ECharts (only the parts the page uses, see echarts-setup.ts) on first use. */
const loadEcharts = () => import('./echarts-setup');

let loading: ReturnType<typeof loadEcharts> | undefined;

/**
 * An ECharts chart that follows its container's width. `data-ready="true"` once drawn (browser tests wait
 * for it); `label` is read by screen readers (the chart's own aria description is generated from the data).
 */
export function EChart({
  option,
  height = 260,
  label,
  testId,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart:
      | { setOption: (o: ChartOption, notMerge?: boolean) => void; resize: () => void; dispose: () => void }
      | undefined;
    let observer: ResizeObserver | undefined;
    loading ??= loadEcharts();
    loading.then((echarts) => {
      if (disposed || !el.current) return;
      chart = echarts.init(el.current, undefined, { renderer: 'svg', locale: 'ZH' });
      chart.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
      observer = new ResizeObserver(() => chart?.resize());
      observer.observe(el.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
      setReady(false);
    };
  }, [option]);
  return (
    <div
      ref={el}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      style={{ width: '100%', height }}
    />
  );
}
