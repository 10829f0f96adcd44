// Reduces a PNG screenshot (8-bit RGB or RGBA, not interlaced: what chromium writes) to a
// 256-colour palette PNG. Editor screenshots and the address map are flat colours and text, so
// this keeps them small without a visible change. No dependency: zlib from Node does the rest.
import zlib from 'node:zlib';

function decodePng(buf) {
  let at = 8;
  let width = 0,
    height = 0,
    colourType = 0;
  const idat = [];
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unexpected PNG: not 8-bit or interlaced');
      colourType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (!channels) throw new Error(`unexpected PNG colour type ${colourType}`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(width * height * 3);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c,
          pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 255;
    }
    for (let x = 0; x < width; x++) {
      // Composite any transparency over white.
      const alpha = channels === 4 ? line[x * 4 + 3] / 255 : 1;
      for (let k = 0; k < 3; k++) pixels[(y * width + x) * 3 + k] = Math.round(line[x * channels + k] * alpha + 255 * (1 - alpha));
    }
    prev = line;
  }
  return { width, height, pixels };
}

/** The same picture as a palette PNG. */
export function toPalettePng(png) {
  const { width, height, pixels } = decodePng(png);
  // Palette: the 256 most used colours after grouping near ones (5 bits a channel), as their means.
  const groups = new Map();
  for (let i = 0; i < pixels.length; i += 3) {
    const key = ((pixels[i] >> 3) << 10) | ((pixels[i + 1] >> 3) << 5) | (pixels[i + 2] >> 3);
    const g = groups.get(key) ?? groups.set(key, [0, 0, 0, 0]).get(key);
    g[0]++;
    g[1] += pixels[i];
    g[2] += pixels[i + 1];
    g[3] += pixels[i + 2];
  }
  const palette = [...groups.entries()]
    .sort((x, y) => y[1][0] - x[1][0] || x[0] - y[0])
    .slice(0, 256)
    .map(([, g]) => [Math.round(g[1] / g[0]), Math.round(g[2] / g[0]), Math.round(g[3] / g[0])]);
  const nearest = new Map();
  const indexOf = (r, g, b) => {
    const key = (r << 16) | (g << 8) | b;
    let best = nearest.get(key);
    if (best === undefined) {
      let bestDistance = Infinity;
      palette.forEach(([pr, pg, pb], i) => {
        const d = 2 * (pr - r) ** 2 + 4 * (pg - g) ** 2 + 3 * (pb - b) ** 2;
        if (d < bestDistance) {
          bestDistance = d;
          best = i;
        }
      });
      nearest.set(key, best);
    }
    return best;
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[y * (width + 1) + 1 + x] = indexOf(pixels[i], pixels[i + 1], pixels[i + 2]);
    }
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
