import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface KpiBar {
  /** What the bar is: "Autumn data", or a school's name. */
  label: string;
  value: number;
  target: number;
  belowTarget: boolean;
}

const unitOf = (unit: string) => (unit === 'percent' ? '%' : '');

/**
 * Values against their targets, each value's bar beside its target's, labelled as a person reads it
 * ("Autumn data", "Oakfield Primary Academy"), a value below target in its own colour; the same
 * figures as a table for screen readers, so the chart is never the only way in.
 */
export function KpiBarChart(props: { title: string; unit: string; bars: KpiBar[]; higherIsBetter: boolean; height?: number }) {
  const s = useStyles();
  const u = unitOf(props.unit);
  // Each bar beside its own target (a target line between two points is invisible with one point, and a
  // school's target differs from the next school's), the bar below target in its own colour and legend.
  const data: GroupedVerticalBarChartData[] = props.bars.map((b) => ({
    name: b.label,
    // The target first: the chart orders a group's bars by the legends' first appearance, so every
    // group then reads target, value whether the value is below target or not.
    series: [
      {
        key: 'target',
        data: b.target,
        legend: 'Target',
        color: tokens.colorNeutralStroke1Pressed,
        xAxisCalloutData: b.label,
        yAxisCalloutData: `Target ${b.target}${u}`,
      },
      {
        key: 'value',
        data: b.value,
        legend: b.belowTarget ? (props.higherIsBetter ? 'Below target' : 'Above target (worse)') : 'At or better than target',
        color: b.belowTarget ? tokens.colorPaletteRedBorderActive : tokens.colorPaletteBlueBorderActive,
        xAxisCalloutData: b.label,
        yAxisCalloutData: `${b.value}${u}${b.belowTarget ? ', below target' : ''}`,
      },
    ],
  }));
  return (
    <div role="figure" aria-label={props.title}>
      <GroupedVerticalBarChart
        data={data}
        chartTitle={props.title}
        height={props.height ?? 220}
        barWidth="auto"
        maxBarWidth={32}
        hideLabels={false}
        wrapXAxisLables
        {...(props.unit === 'percent' ? { yAxisTickFormat: (v: number) => `${v}%`, yMaxValue: 100, yMinValue: 0 } : {})}
      />
      <table className={s.hidden}>
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Value</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {props.bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>
                {b.value}
                {u}
                {b.belowTarget ? ' (below target)' : ''}
              </td>
              <td>
                {b.target}
                {u}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
