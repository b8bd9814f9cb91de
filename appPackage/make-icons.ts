/** `npx tsx appPackage/make-icons.ts`: redraws color.png (192×192) and outline.png (32×32) beside this file. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon, pngBytes } from './icon-drawing';

writeFileSync(join(__dirname, 'color.png'), pngBytes(drawColorIcon()));
writeFileSync(join(__dirname, 'outline.png'), pngBytes(drawOutlineIcon()));
console.log('Wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32).');
