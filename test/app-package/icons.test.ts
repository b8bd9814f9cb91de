import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon, pngBytes } from '../../appPackage/icon-drawing';
import { checkIcons } from '../../appPackage/validate-package';

const dir = join(__dirname, '..', '..', 'appPackage');
const color = readFileSync(join(dir, 'color.png'));
const outline = readFileSync(join(dir, 'outline.png'));
const icon = (name: string, data: Buffer | undefined) => ({ name, data });

describe('the app icons', () => {
  it('are 192×192 (colour) and 32×32 (outline), and pass Teams’ icon rules', () => {
    const c = PNG.sync.read(color);
    const o = PNG.sync.read(outline);
    expect([c.width, c.height, o.width, o.height]).toEqual([192, 192, 32, 32]);
    expect(checkIcons(icon('color.png', color), icon('outline.png', outline))).toEqual([]);
  });

  it('the outline is white on transparent: clear corners, and every pixel that shows is white', () => {
    const o = PNG.sync.read(outline);
    const alphaAt = (x: number, y: number) => o.data[(y * 32 + x) * 4 + 3];
    expect([alphaAt(0, 0), alphaAt(31, 0), alphaAt(0, 31), alphaAt(31, 31)]).toEqual([0, 0, 0, 0]);
    let shown = 0;
    for (let i = 0; i < o.data.length; i += 4) {
      if (o.data[i + 3]! > 0) {
        shown++;
        expect([o.data[i], o.data[i + 1], o.data[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(shown).toBeGreaterThan(150); // the school is there, not an empty square
  });

  it('the colour icon is fully opaque, on the manifest’s accent colour', () => {
    const c = PNG.sync.read(color);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { accentColor: string };
    const corner = [...c.data.subarray(0, 4)];
    expect(
      `#${corner
        .slice(0, 3)
        .map((v) => v.toString(16).padStart(2, '0'))
        .join('')}`.toUpperCase(),
    ).toBe(manifest.accentColor.toUpperCase());
    for (let i = 3; i < c.data.length; i += 4) expect(c.data[i]).toBe(255);
  });

  it('the committed PNGs are what appPackage/make-icons.ts draws, pixel for pixel', () => {
    // Pixels, not bytes: another zlib may compress the same pixels differently.
    expect(PNG.sync.read(color).data.equals(drawColorIcon().data)).toBe(true);
    expect(PNG.sync.read(outline).data.equals(drawOutlineIcon().data)).toBe(true);
  });

  it('a colour icon of the wrong size is refused, with its size and the one required', () => {
    expect(checkIcons(icon('color.png', pngBytes(drawColorIcon(96))), icon('outline.png', outline))).toEqual([
      { where: 'color.png', message: 'is 96×96; the colour icon must be 192×192' },
    ]);
  });

  it('an outline icon on a solid background, or in colour, is refused', () => {
    const solid = drawOutlineIcon();
    for (let i = 0; i < solid.data.length; i += 4) solid.data[i + 3] = 255;
    expect(checkIcons(icon('color.png', color), icon('outline.png', pngBytes(solid)))).toEqual([
      { where: 'outline.png', message: expect.stringContaining('has a solid background') },
    ]);
    const blue = drawOutlineIcon();
    for (let i = 0; i < blue.data.length; i += 4) blue.data[i] = 0;
    expect(checkIcons(icon('color.png', color), icon('outline.png', pngBytes(blue)))).toEqual([
      { where: 'outline.png', message: expect.stringMatching(/^has \d+ pixels that are not white/) },
    ]);
  });

  it('a missing or unreadable icon is named', () => {
    expect(checkIcons(icon('color.png', undefined), icon('outline.png', Buffer.from('not a png')))).toEqual([
      { where: 'color.png', message: 'is missing from the package' },
      { where: 'outline.png', message: expect.stringMatching(/^is not a readable PNG/) },
    ]);
  });
});
