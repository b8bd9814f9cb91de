import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { TrustKpis } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { Empty, LoadError, Loading } from '../../components/PageState';

const COLOURS = [tokens.colorPaletteBlueForeground2, tokens.colorPaletteDarkOrangeForeground2, tokens.colorPaletteGreenForeground2, tokens.colorPaletteBerryForeground2, tokens.colorPaletteTealForeground2, tokens.colorPaletteMarigoldForeground2];

/** Chart lines: one per measure, the trust's average at each data point of the year. */
export function kpiLines(kpis: TrustKpis): LineChartPoints[] {
  return kpis.measures
    .filter((m) => m.unit === 'percent')
    .map((m, i) => ({
      legend: m.measure,
      color: COLOURS[i % COLOURS.length]!,
      data: m.points.map((p) => ({ x: p.point, y: p.average, xAxisCalloutData: kpis.dataPoints.find((d) => d.number === p.point)?.label ?? `Data point ${p.point}`, yAxisCalloutData: `${p.average}% (${p.belowTarget} of ${p.academies} below target)` })),
    }));
}

/** KPI data points across the year (loaded on its own, after the table). */
export default function KpiChart() {
  const kpis = useApiData<TrustKpis>('/api/kpis');
  if (kpis.state === 'loading') return <Loading what="KPI data points" />;
  if (kpis.state === 'error') return <LoadError error={kpis.error} onRetry={kpis.reload} />;
  const lines = kpiLines(kpis.data);
  if (lines.every((l) => l.data.length === 0)) return <Empty>No KPI data points have been recorded yet this year.</Empty>;
  return (
    <div role="figure" aria-label={`Average KPI values at each data point of ${kpis.data.academicYear}`}>
      <LineChart data={{ chartTitle: `KPI data points, ${kpis.data.academicYear}`, lineChartData: lines }} height={260} yAxisTickFormat={(v: number) => `${v}%`} xAxisTickCount={kpis.data.dataPoints.length} />
    </div>
  );
}
