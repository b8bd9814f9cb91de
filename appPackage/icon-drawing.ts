import { PNG } from 'pngjs';

/**
 * The app's icons, drawn from a few shapes: a school (pediment roof with a round window, a body)
 * whose windows are three rising bars, a graph of improvement. Shapes live in a unit square and
 * are sampled 8×8 times per pixel, so edges are smooth at 32 px as at 192 px.
 */
type Shape = (x: number, y: number) => boolean;

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x < x1 && y >= y0 && y < y1;
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** Isosceles triangle: apex at (cx, top), base from (cx - half, base) to (cx + half, base). */
const roof =
  (cx: number, top: number, base: number, half: number): Shape =>
  (x, y) =>
    y >= top && y < base && Math.abs(x - cx) <= (half * (y - top)) / (base - top);
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** The rising bars (the school's windows), left to right. */
const BARS = [rect(0.315, 0.6, 0.395, 0.76), rect(0.46, 0.52, 0.54, 0.76), rect(0.605, 0.44, 0.685, 0.76)];
const WINDOW = circle(0.5, 0.325, 0.045);
const BUILDING = union(roof(0.5, 0.15, 0.4, 0.35), rect(0.21, 0.4, 0.79, 0.8), rect(0.12, 0.8, 0.88, 0.845));
/** The white mark: the building with the window and bars cut out. */
export const MARK: Shape = minus(BUILDING, union(WINDOW, ...BARS));

const SAMPLES = 8;

/** The share of a pixel (0..1) a shape covers, sampled on an 8×8 grid. */
function coverage(shape: Shape, px: number, py: number, size: number, inset: number): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const u = (px + (sx + 0.5) / SAMPLES) / size;
      const v = (py + (sy + 0.5) / SAMPLES) / size;
      // inset > 0 shrinks the drawing towards the centre (padding).
      if (shape((u - 0.5) / (1 - 2 * inset) + 0.5, (v - 0.5) / (1 - 2 * inset) + 0.5)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0x1f, 0x5c, 0x99]; // the manifest's accentColor
const WHITE: Rgb = [0xff, 0xff, 0xff];
const BAR_COLOURS: readonly Rgb[] = [
  [0xe0, 0x5a, 0x47], // red
  [0xf2, 0xb1, 0x34], // amber
  [0x3c, 0xb3, 0x71], // green
];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! * (1 - t) + b[i]! * t)) as unknown as Rgb;

/** Colour icon, 192×192: white school on the accent blue, its windows a red–amber–green rising graph. */
export function drawColorIcon(size = 192): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let c = mix(BACKGROUND, WHITE, coverage(MARK, x, y, size, 0));
      BARS.forEach((bar, i) => {
        c = mix(c, BAR_COLOURS[i]!, coverage(bar, x, y, size, 0));
      });
      const o = (y * size + x) * 4;
      png.data[o] = c[0];
      png.data[o + 1] = c[1];
      png.data[o + 2] = c[2];
      png.data[o + 3] = 255;
    }
  }
  return png;
}

/** Outline icon, 32×32: the same school in white on transparent, bars and window cut out. */
export function drawOutlineIcon(size = 32): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 4;
      png.data[o] = 255;
      png.data[o + 1] = 255;
      png.data[o + 2] = 255;
      png.data[o + 3] = Math.round(255 * coverage(MARK, x, y, size, 0.02));
    }
  }
  return png;
}

/** PNG bytes, written the same way every time (so a committed icon can be compared with a fresh drawing). */
export const pngBytes = (png: PNG): Buffer => PNG.sync.write(png, { colorType: 6 });
