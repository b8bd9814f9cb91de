import type { KpiLine } from './board-pack-figures';
import { Raster, type Rgb } from './png-raster';

/**
 * One KPI over the year's data points as a PNG: the values as a line with a dot per data point (red
 * below target, green at or above it), the target as a dashed amber line, and a light grid with a
 * tick per data point. The image carries no text (no font rasteriser is installed); the pack prints
 * the figures in a table under it, and the image's alt text says what it shows.
 */

export const CHART_SIZE = { width: 480, height: 180 } as const;

const INK: Rgb = [64, 64, 64];
const GRID: Rgb = [225, 225, 225];
const LINE: Rgb = [15, 108, 189]; // Fluent's brand blue, as the dashboard's chart
const TARGET: Rgb = [202, 128, 16];
const BELOW: Rgb = [196, 49, 75];
const MET: Rgb = [16, 124, 16];

export function kpiChartPng(kpi: KpiLine): Uint8Array {
  const { width, height } = CHART_SIZE;
  const r = new Raster(width, height);
  const left = 24;
  const right = width - 16;
  const top = 14;
  const bottom = height - 20;
  const values = kpi.points.flatMap((p) => (p.value !== undefined ? [p.value] : []));
  const all = [...values, kpi.target];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = Math.max((hi - lo) * 0.15, Math.abs(hi) * 0.05, 1);
  const yMin = lo - pad;
  const yMax = hi + pad;
  const yOf = (v: number) => bottom - ((v - yMin) / (yMax - yMin)) * (bottom - top);
  const n = kpi.points.length;
  const xOf = (i: number) => (n <= 1 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1));

  for (let g = 0; g <= 4; g++) r.line(left, top + ((bottom - top) * g) / 4, right, top + ((bottom - top) * g) / 4, GRID, 1);
  r.line(left, top, left, bottom, INK, 2);
  r.line(left, bottom, right, bottom, INK, 2);
  kpi.points.forEach((_, i) => r.line(xOf(i), bottom, xOf(i), bottom + 6, INK, 2));
  r.line(left, yOf(kpi.target), right, yOf(kpi.target), TARGET, 3, 8);

  let previous: { x: number; y: number } | undefined;
  kpi.points.forEach((p, i) => {
    if (p.value === undefined) {
      previous = undefined; // a gap where no value is recorded yet
      return;
    }
    const at = { x: xOf(i), y: yOf(p.value) };
    if (previous) r.line(previous.x, previous.y, at.x, at.y, LINE, 3);
    previous = at;
  });
  kpi.points.forEach((p, i) => {
    if (p.value === undefined) return;
    r.dot(xOf(i), yOf(p.value), 6, p.belowTarget ? BELOW : MET);
  });
  return r.toPng();
}

/** The chart's alt text: what a screen reader says in place of the image. */
export function kpiChartAltText(kpi: KpiLine): string {
  const recorded = kpi.points.filter((p) => p.value !== undefined);
  const below = recorded.filter((p) => p.belowTarget).length;
  return `${kpi.measure}: ${recorded.length} of ${kpi.points.length} data points recorded against a target of ${kpi.target}; ${below} below target.`;
}
