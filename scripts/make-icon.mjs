// Draws images/icon.png (128×128): a magnifying lens over three connected nodes, on a dark tile.
// Drawn in code so the icon can be regenerated without an image editor: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const navy = [35, 47, 62];
const orange = [255, 153, 0];
const white = [240, 244, 248];

const dist = (x1, y1, x2, y2) => Math.hypot(x1 - x2, y1 - y2);
function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return dist(px, py, ax + t * (bx - ax), ay + t * (by - ay));
}
function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), SIZE - radius);
  const cy = Math.min(Math.max(y, radius), SIZE - radius);
  return dist(x, y, cx, cy) <= radius;
}

const lens = { x: 54, y: 54, r: 34, ring: 9 };
const handle = [
  [80, 80],
  [110, 110],
];
const nodes = [
  [42, 44],
  [66, 48],
  [50, 68],
];
const edges = [
  [0, 1],
  [1, 2],
  [2, 0],
];

/** The colour (with alpha) of one sample point, painted back to front. */
function sample(x, y) {
  if (!insideRoundedSquare(x, y, 22)) return [0, 0, 0, 0];
  let colour = navy;
  if (edges.some(([a, b]) => segmentDistance(x, y, nodes[a], nodes[b]) <= 2.5)) colour = white;
  if (nodes.some(([nx, ny]) => dist(x, y, nx, ny) <= 7)) colour = white;
  const fromCentre = dist(x, y, lens.x, lens.y);
  if (Math.abs(fromCentre - lens.r) <= lens.ring / 2) colour = orange;
  if (segmentDistance(x, y, ...handle) <= 8 && fromCentre >= lens.r) colour = orange;
  return [...colour, 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const [r, g, b, a] = sample(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const at = y * (SIZE * 4 + 1) + 1 + x * 4;
    const alpha = sum[3] / SAMPLES ** 2;
    for (let c = 0; c < 3; c++) raw[at + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
    raw[at + 3] = Math.round(alpha);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
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

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
mkdirSync(new URL('../images/', import.meta.url), { recursive: true });
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`wrote images/icon.png (${png.length} bytes)`);
