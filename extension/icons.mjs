// The toolbar and store icons, drawn here as PNGs at every size both stores expect, so the
// repository holds no binary images. A rounded square in deep teal with a "clean page" glyph:
// a title bar and three text lines. Signed-distance shapes with 4x4 supersampling.

import { deflateSync, crc32 } from "node:zlib";

function roundedRect(px, py, x0, y0, x1, y1, r) {
  const cx = Math.max(x0 + r, Math.min(px, x1 - r));
  const cy = Math.max(y0 + r, Math.min(py, y1 - r));
  return Math.hypot(px - cx, py - cy) <= r && px >= x0 && px <= x1 && py >= y0 && py <= y1;
}

/** RGBA pixels of the icon at `size`×`size`. */
export function drawIcon(size) {
  const px = new Uint8Array(size * size * 4);
  const ss = 4;
  // In a 0..1 square.
  const bars = [
    [0.22, 0.24, 0.78, 0.36, 0.06], // title
    [0.22, 0.47, 0.78, 0.535, 0.03],
    [0.22, 0.605, 0.78, 0.67, 0.03],
    [0.22, 0.74, 0.58, 0.805, 0.03],
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      let tint = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          if (!roundedRect(u, v, 0.02, 0.02, 0.98, 0.98, 0.22)) continue;
          bg++;
          tint += v;
          if (bars.some(([x0, y0, x1, y1, r]) => roundedRect(u, v, x0, y0, x1, y1, r))) fg++;
        }
      }
      const n = ss * ss;
      const i = (y * size + x) * 4;
      if (!bg) continue;
      const t = tint / bg; // vertical gradient: #0f766e → #115e59
      const base = [15 + (17 - 15) * t, 118 + (94 - 118) * t, 110 + (89 - 110) * t];
      const a = fg / bg;
      const white = [250, 250, 247];
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(base[c] * (1 - a) + white[c] * a);
      px[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return px;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** A PNG file (RGBA, 8 bit) of the icon at `size`. */
export function iconPng(size) {
  const rgba = drawIcon(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
