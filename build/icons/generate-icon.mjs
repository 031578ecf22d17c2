// Draws build/icons/icon.png (512x512), the packaging icon: the same shapes as icon.svg,
// rasterised with signed distance fields for anti-aliasing; and the browser edition's web app
// manifest icons in renderer/public/icons (192 and 512, and a 512 "maskable" one whose
// background fills the square, since a launcher crops it to its own shape: the bars all lie
// inside the middle 80 % circle that survives any crop). Run: node build/icons/generate-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// Shapes are drawn in a 512 x 512 design space and scaled to each output size.
const DESIGN = 512;

// Shapes: [x, y, width, height, radius, [r, g, b] or 'gradient'], drawn in order.
const shapes = [
  [40, 40, 432, 432, 96, 'gradient'],
  [112, 146, 196, 56, 28, [255, 255, 255]],
  [188, 228, 212, 56, 28, [255, 255, 255]],
  [256, 310, 144, 56, 28, [242, 177, 52]],
];
const maskable = [[0, 0, DESIGN, DESIGN, 0, 'gradient'], ...shapes.slice(1)];
const top = [31, 78, 121]; // #1F4E79
const bottom = [46, 117, 182]; // #2E75B6

function roundedBoxDistance(px, py, [x, y, w, h, r]) {
  const qx = Math.abs(px - (x + w / 2)) - w / 2 + r;
  const qy = Math.abs(py - (y + h / 2)) - h / 2 + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** RGBA pixels of the shapes at size x size. */
function draw(size, shapeList) {
  const scale = DESIGN / size;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const shape of shapeList) {
        // The distance is measured in design units and turned back into output pixels.
        const coverage = Math.min(Math.max(0.5 - roundedBoxDistance((x + 0.5) * scale, (y + 0.5) * scale, shape) / scale, 0), 1);
        if (coverage === 0) continue;
        const t = (y * scale - shape[1]) / shape[3];
        const colour = shape[5] === 'gradient' ? top.map((c, i) => c + (bottom[i] - c) * t) : shape[5];
        // "over" compositing, straight alpha
        const outA = coverage + a * (1 - coverage);
        [r, g, b] = [0, 1, 2].map((i) => (colour[i] * coverage + [r, g, b][i] * a * (1 - coverage)) / outA);
        a = outA;
      }
      rgba.set([r, g, b, a * 255].map(Math.round), (y * size + x) * 4);
    }
  }
  return rgba;
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

function png(size, shapeList) {
  const rgba = draw(size, shapeList);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pwaIcons = new URL('../../renderer/public/icons/', import.meta.url);
mkdirSync(pwaIcons, { recursive: true });
for (const [file, bytes] of [
  [new URL('./icon.png', import.meta.url), png(512, shapes)],
  [new URL('icon-192.png', pwaIcons), png(192, shapes)],
  [new URL('icon-512.png', pwaIcons), png(512, shapes)],
  [new URL('icon-maskable-512.png', pwaIcons), png(512, maskable)],
]) {
  writeFileSync(file, bytes);
  console.log(`${file.pathname.split('/').slice(-2).join('/')}: ${bytes.length} bytes`);
}
