// Draws the add-in icon (a deep red rounded square with a white check mark) at every size
// the manifest and the web store need, and writes assets/icon-<size>.png.
// Run: npx tsx scripts/make-icons.ts. Only node's zlib: no image package needed.
import { crc32, deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** 16/32/80: ribbon button; 32/64: IconUrl/HighResolutionIconUrl; 128: web store listing. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const RED: readonly [number, number, number] = [0xb7, 0x1c, 0x1c];
const WHITE: readonly [number, number, number] = [0xff, 0xff, 0xff];
/** Samples per pixel side: enough anti-aliasing for clean 16 px edges. */
const SUPERSAMPLE = 6;
/** Check mark polyline in unit coordinates (0..1, y down). */
const CHECK: readonly (readonly [number, number])[] = [
  [0.26, 0.53],
  [0.43, 0.7],
  [0.75, 0.33],
];

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(px: number, py: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [ax, ay] = a;
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onCheckMark(x: number, y: number, halfStroke: number): boolean {
  for (let i = 1; i < CHECK.length; i++) {
    if (distanceToSegment(x, y, CHECK[i - 1], CHECK[i]) <= halfStroke) return true;
  }
  return false;
}

/** RGBA pixels, straight (not premultiplied) alpha, as PNG stores them. */
export function renderIconPixels(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const radius = 0.19;
  // Thicker relative stroke at small sizes so the mark stays legible at 16 px.
  const halfStroke = Math.max(0.075, 1.1 / size);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y, radius)) continue;
          covered++;
          if (onCheckMark(x, y, halfStroke)) white++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered === 0) continue;
      const share = white / covered;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round(RED[c] * (1 - share) + WHITE[c] * share);
      pixels[offset + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0, 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Encodes square RGBA pixels as an 8-bit truecolour-with-alpha PNG. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== size * size * 4) throw new Error(`expected ${size * size * 4} bytes of RGBA, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Each scanline starts with filter type 0 (none); compression, filter, interlace stay 0.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function renderIcon(size: number): Buffer {
  return encodePng(size, renderIconPixels(size));
}

export function iconPath(size: number): string {
  return path.resolve(__dirname, '..', 'assets', `icon-${size}.png`);
}

if (require.main === module) {
  for (const size of ICON_SIZES) {
    writeFileSync(iconPath(size), renderIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), iconPath(size))}`);
  }
}
