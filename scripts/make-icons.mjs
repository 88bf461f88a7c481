// Draws the Teams app icons (appPackage/color.png 192×192, appPackage/outline.png
// 32×32) with no image library: shapes are sampled 4×4 per pixel and written as
// RGBA PNG with node:zlib. Run: node scripts/make-icons.mjs
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x2f, 0x4f, 0x7f];
const SUBSAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG; `pixel(x, y)` returns [r, g, b, a]. */
export function encodePng(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x += 1) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(px, py, [x0, y0, x1, y1], radius) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - ((x1 - x0) / 2 - radius);
  const qy = Math.abs(py - cy) - ((y1 - y0) / 2 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** The glyph, in a unit square: a clipboard (the grid) with a check mark. */
function inGlyph(u, v, stroke) {
  const board = roundedRect(u, v, [0.2, 0.16, 0.8, 0.92], 0.08);
  if (Math.abs(board) <= stroke / 2) return true;
  if (roundedRect(u, v, [0.36, 0.08, 0.64, 0.24], 0.05) <= 0) return true;
  const check = [[0.33, 0.55], [0.46, 0.7], [0.69, 0.41]];
  return distanceToSegment(u, v, check[0], check[1]) <= stroke * 0.6 || distanceToSegment(u, v, check[1], check[2]) <= stroke * 0.6;
}

/** Share of a pixel's subsamples inside the glyph drawn in the square [offset, offset + scale]. */
function coverage(x, y, size, offset, scale, stroke) {
  let inside = 0;
  for (let i = 0; i < SUBSAMPLES; i += 1) {
    for (let j = 0; j < SUBSAMPLES; j += 1) {
      const u = ((x + (i + 0.5) / SUBSAMPLES) / size - offset) / scale;
      const v = ((y + (j + 0.5) / SUBSAMPLES) / size - offset) / scale;
      if (inGlyph(u, v, stroke)) inside += 1;
    }
  }
  return inside / (SUBSAMPLES * SUBSAMPLES);
}

/** Colour icon: white glyph in the central area of a full accent-coloured square. */
export function colorIcon() {
  const size = 192;
  return encodePng(size, (x, y) => {
    const c = coverage(x, y, size, 0.2, 0.6, 0.075);
    return [...ACCENT.map((channel) => Math.round(channel + (255 - channel) * c)), 255];
  });
}

/** Outline icon: the white glyph on a transparent background, as Teams requires. */
export function outlineIcon() {
  const size = 32;
  return encodePng(size, (x, y) => {
    const c = coverage(x, y, size, 0.02, 0.96, 0.085);
    return c === 0 ? [0, 0, 0, 0] : [255, 255, 255, Math.round(255 * c)];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('../appPackage/', import.meta.url);
  writeFileSync(new URL('color.png', dir), colorIcon());
  writeFileSync(new URL('outline.png', dir), outlineIcon());
  console.log('appPackage/color.png (192×192) and appPackage/outline.png (32×32) written');
}
