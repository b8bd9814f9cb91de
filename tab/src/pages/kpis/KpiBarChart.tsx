import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';

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
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke1, '@media (forced-colors: active)': { stroke: 'CanvasText' } },
  grid: { stroke: tokens.colorNeutralStroke3, '@media (forced-colors: active)': { stroke: 'GrayText' } },
  text: {
    fill: tokens.colorNeutralForeground2,
    fontSize: '11px',
    fontFamily: tokens.fontFamilyBase,
    '@media (forced-colors: active)': { fill: 'CanvasText' },
  },
  // The target is an outline, and a figure worse than target is striped, so the three read apart
  // without colour: in Teams' high-contrast theme every bar takes the same colour.
  target: {
    fill: 'none',
    stroke: tokens.colorNeutralForeground2,
    strokeWidth: 1.5,
    strokeDasharray: '4 2',
    '@media (forced-colors: active)': { stroke: 'CanvasText' },
  },
  stripe: { stroke: tokens.colorNeutralBackground1, strokeWidth: 2, '@media (forced-colors: active)': { stroke: 'Canvas' } },
  good: { fill: tokens.colorPaletteBlueBorderActive, '@media (forced-colors: active)': { fill: 'CanvasText' } },
  below: { fill: tokens.colorPaletteRedBorderActive, '@media (forced-colors: active)': { fill: 'Highlight' } },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyle: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  key: { display: 'inline-block', width: '12px', height: '12px', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
});

export interface KpiBar {
  /** What the bar is: "Autumn data", or a school's name. */
  label: string;
  value: number;
  target: number;
  belowTarget: boolean;
}

const unitOf = (unit: string) => (unit === 'percent' ? '%' : '');

/** The axis's top: the next of 1, 2, 2.5 or 5 times a power of ten at or above the highest figure. */
function niceCeiling(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= v) ?? 10) * power;
}

const shorten = (label: string, chars: number): string => (label.length <= chars ? label : `${label.slice(0, chars - 1)}…`);

/**
 * Values against their targets, each value's bar beside its target's, labelled as a person reads it
 * ("Autumn data", "Oakfield Primary Academy"), a value below target in its own colour; the same
 * figures as a table for screen readers, so the chart is never the only way in.
 */
export function KpiBarChart(props: { title: string; unit: string; bars: KpiBar[]; higherIsBetter: boolean; height?: number }) {
  const s = useStyles();
  const u = unitOf(props.unit);
  // Drawn by hand, with nothing in it to focus: a charting library's focus sentinels inside the
  // picture were an axe `aria-hidden-focus` finding (issue 20). The table below is the way in for
  // screen readers; the picture is for the eye only.
  const height = props.height ?? 220;
  const [left, right, top, bottom] = [36, 8, 16, 34];
  const width = Math.max(360, props.bars.length * 96);
  const top100 = props.unit === 'percent';
  const highest = Math.max(1, ...props.bars.flatMap((b) => [b.value, b.target]));
  const max = top100 ? 100 : niceCeiling(highest);
  const plotH = height - top - bottom;
  const y = (v: number) => top + plotH - (Math.max(0, v) / max) * plotH;
  const group = (width - left - right) / Math.max(1, props.bars.length);
  const bar = Math.min(32, group * 0.32);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f * 10) / 10);
  const worse = props.higherIsBetter ? 'Below target' : 'Above target (worse)';
  const stripes = `kpi-stripes-${useId().replace(/:/g, '')}`;
  const striped = (extra: { width: number | string; height: number | string; x?: number; y?: number }) => (
    <>
      <rect className={s.below} {...extra} />
      <rect fill={`url(#${stripes})`} {...extra} />
    </>
  );
  return (
    <div role="figure" aria-label={props.title}>
      <svg className={s.svg} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        <defs>
          <pattern id={stripes} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line className={s.stripe} x1="0" y1="0" x2="0" y2="6" />
          </pattern>
        </defs>
        {ticks.map((t) => (
          <g key={t}>
            <line className={t === 0 ? s.axis : s.grid} x1={left} x2={width - right} y1={y(t)} y2={y(t)} />
            <text className={s.text} x={left - 4} y={y(t) + 4} textAnchor="end">
              {`${t}${u}`}
            </text>
          </g>
        ))}
        {props.bars.map((b, i) => {
          const mid = left + group * i + group / 2;
          return (
            <g key={b.label}>
              <rect className={s.target} x={mid - bar - 1} y={y(b.target)} width={bar} height={y(0) - y(b.target)} />
              {b.belowTarget ? (
                striped({ x: mid + 1, y: y(b.value), width: bar, height: y(0) - y(b.value) })
              ) : (
                <rect className={s.good} x={mid + 1} y={y(b.value)} width={bar} height={y(0) - y(b.value)} />
              )}
              <text className={s.text} x={mid + 1 + bar / 2} y={y(b.value) - 4} textAnchor="middle">
                {`${b.value}${u}`}
              </text>
              <text className={s.text} x={mid} y={height - bottom + 16} textAnchor="middle">
                {shorten(b.label, Math.max(6, Math.floor(group / 8)))}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className={s.legend} aria-hidden="true">
        <li>
          <span className={s.key}>
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <rect className={s.target} x="1" y="1" width="10" height="10" />
            </svg>
          </span>
          Target
        </li>
        <li>
          <span className={s.key}>
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <rect className={s.good} width="12" height="12" />
            </svg>
          </span>
          At or better than target
        </li>
        <li>
          <span className={s.key}>
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              {striped({ width: 12, height: 12 })}
            </svg>
          </span>
          {worse}
        </li>
      </ul>
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
