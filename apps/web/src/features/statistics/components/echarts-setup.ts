/**
 * The parts of ECharts the statistics page uses, imported by name so the bundler keeps only these
 * (bar, line, pie; grid, tooltip, legend, aria; the SVG renderer). Loaded on demand by EChart.tsx.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

export { init };
