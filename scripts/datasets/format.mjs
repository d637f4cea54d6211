/** Writer for the book's dataset file format (spec in src/core/data/format.ts, which also reads it). */
// Kept in plain JS so the generator runs on bare Node ≥ 20 at build time; tests parse its output with the TS reader,
// so the two implementations check each other.

/** First 8 bytes of every dataset file: a non-ASCII byte, "VAEDS", CR LF (catches text-mode mangling, like PNG). */
export const MAGIC = Uint8Array.of(0x89, 0x56, 0x41, 0x45, 0x44, 0x53, 0x0d, 0x0a);
/** Bumped whenever the byte layout changes. */
export const FORMAT_VERSION = 1;
/** Fixed header size in bytes; the payload starts here. */
export const HEADER_BYTES = 64;
/** Numeric dataset ids stored in the header. */
export const DATASET_IDS = Object.freeze({ mnist: 1, 'fashion-mnist': 2 });

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as in zlib and PNG) of bytes. */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Mulberry32: a tiny seeded uint32 generator, so the subset and order never depend on Math.random. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Fisher–Yates shuffle of a copy of items, driven by a mulberry32 stream. */
export function seededShuffle(items, next) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor((next() / 0x100000000) * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Encodes images and labels into one file: header, then all pixels (train rows first, then test), then all labels.
 * `train` and `test` are arrays of { pixels: Uint8Array(rows*cols), label }.
 */
export function encodeDataset({ name, rows, cols, classCount, train, test }) {
  const id = DATASET_IDS[name];
  if (!id) throw new Error(`Unknown dataset name ${name}`);
  const pixelsPerImage = rows * cols;
  const count = train.length + test.length;
  const payloadBytes = count * (pixelsPerImage + 1);
  const out = new Uint8Array(HEADER_BYTES + payloadBytes);
  const all = [...train, ...test];
  const labelsAt = HEADER_BYTES + count * pixelsPerImage;
  all.forEach((example, i) => {
    if (example.pixels.length !== pixelsPerImage) throw new Error(`Image ${i} has ${example.pixels.length} pixels`);
    if (!(example.label >= 0 && example.label < classCount)) throw new Error(`Image ${i} has label ${example.label}`);
    out.set(example.pixels, HEADER_BYTES + i * pixelsPerImage);
    out[labelsAt + i] = example.label;
  });

  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint16(8, FORMAT_VERSION, true);
  view.setUint16(10, HEADER_BYTES, true);
  view.setUint16(12, id, true);
  view.setUint16(14, rows, true);
  view.setUint16(16, cols, true);
  view.setUint16(18, classCount, true);
  view.setUint32(20, count, true);
  view.setUint32(24, train.length, true);
  view.setUint32(28, test.length, true);
  view.setUint32(32, payloadBytes, true);
  view.setUint32(36, crc32(out.subarray(HEADER_BYTES)), true);
  // Bytes 40–59 stay zero (reserved); 60–63 hold the header's own CRC.
  view.setUint32(60, crc32(out.subarray(0, 60)), true);
  return out;
}
