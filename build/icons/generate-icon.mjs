// Draws build/icons/icon.png (512x512), the packaging icon: the same shapes as icon.svg,
// rasterised with signed distance fields for anti-aliasing. Run: node build/icons/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;

// Shapes: [x, y, width, height, radius, [r, g, b] or 'gradient'], drawn in order.
const shapes = [
  [40, 40, 432, 432, 96, 'gradient'],
  [112, 146, 196, 56, 28, [255, 255, 255]],
  [188, 228, 212, 56, 28, [255, 255, 255]],
  [256, 310, 144, 56, 28, [242, 177, 52]],
];
const top = [31, 78, 121]; // #1F4E79
const bottom = [46, 117, 182]; // #2E75B6

function roundedBoxDistance(px, py, [x, y, w, h, r]) {
  const qx = Math.abs(px - (x + w / 2)) - w / 2 + r;
  const qy = Math.abs(py - (y + h / 2)) - h / 2 + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y += 1) {
  for (let x = 0; x < SIZE; x += 1) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (const shape of shapes) {
      const coverage = Math.min(Math.max(0.5 - roundedBoxDistance(x + 0.5, y + 0.5, shape), 0), 1);
      if (coverage === 0) continue;
      const t = (y - 40) / 432;
      const colour = shape[5] === 'gradient' ? top.map((c, i) => c + (bottom[i] - c) * t) : shape[5];
      // "over" compositing, straight alpha
      const outA = coverage + a * (1 - coverage);
      [r, g, b] = [0, 1, 2].map((i) => (colour[i] * coverage + [r, g, b][i] * a * (1 - coverage)) / outA);
      a = outA;
    }
    rgba.set([r, g, b, a * 255].map(Math.round), (y * SIZE + x) * 4);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y += 1) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
