import { crc32, deflateSync } from 'node:zlib';

/**
 * A small RGB raster and its PNG encoding, with Node's own zlib: the board pack's charts are drawn
 * here because nothing installed rasterises without a browser (no canvas, sharp or resvg; `pngjs`
 * is a test-only dependency). PNG layout per the W3C PNG specification: signature, IHDR, IDAT
 * (zlib-deflated scanlines, each with a filter byte), IEND; every chunk with its CRC-32.
 */

export type Rgb = readonly [number, number, number];

export class Raster {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  setPixel(x: number, y: number, c: Rgb): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.width || yi >= this.height) return;
    const i = (yi * this.width + xi) * 3;
    this.pixels[i] = c[0];
    this.pixels[i + 1] = c[1];
    this.pixels[i + 2] = c[2];
  }

  fillRect(x: number, y: number, w: number, h: number, c: Rgb): void {
    for (let yy = Math.max(0, Math.floor(y)); yy < Math.min(this.height, Math.ceil(y + h)); yy++)
      for (let xx = Math.max(0, Math.floor(x)); xx < Math.min(this.width, Math.ceil(x + w)); xx++) this.setPixel(xx, yy, c);
  }

  /** A filled disc. */
  dot(cx: number, cy: number, r: number, c: Rgb): void {
    for (let y = -r; y <= r; y++) for (let x = -r; x <= r; x++) if (x * x + y * y <= r * r) this.setPixel(cx + x, cy + y, c);
  }

  /** A line `thickness` pixels wide, stamped along its length; `dash` draws that many pixels on, then as many off. */
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, thickness = 2, dash = 0): void {
    const length = Math.hypot(x1 - x0, y1 - y0);
    const steps = Math.max(1, Math.ceil(length));
    const r = Math.max(0, Math.floor(thickness / 2));
    for (let s = 0; s <= steps; s++) {
      if (dash > 0 && Math.floor(s / dash) % 2 === 1) continue;
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      if (r === 0) this.setPixel(x, y, c);
      else this.fillRect(x - r, y - r, thickness, thickness, c);
    }
  }

  toPng(): Uint8Array {
    const row = this.width * 3;
    const raw = Buffer.alloc((row + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (row + 1)] = 0; // filter type None
      Buffer.from(this.pixels.buffer, this.pixels.byteOffset + y * row, row).copy(raw, y * (row + 1) + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header[8] = 8; // bit depth
    header[9] = 2; // colour type: truecolour (RGB)
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0, 0);
  return Buffer.concat([length, body, crc]);
}
