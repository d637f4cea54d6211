import { describe, expect, it } from 'vitest';
import * as writer from '../../../scripts/datasets/format.mjs';
import {
  DATASET_IDS,
  DatasetError,
  FORMAT_VERSION,
  HEADER_BYTES,
  MAGIC,
  crc32,
  parseDataset,
} from '../../../src/core/data/format';
import type { DatasetErrorCode } from '../../../src/core/data/format';
import { edited, tinyFile, withValidCrcs } from './helpers';

/** Runs parse and returns the DatasetError it throws (failing the test when it does not throw one). */
function errorOf(parse: () => unknown): DatasetError {
  try {
    parse();
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return e as DatasetError;
  }
  throw new Error('expected a DatasetError, but parsing succeeded');
}

describe('the writer (scripts/datasets/format.mjs) and the reader agree', () => {
  it('on the magic, version, header size and dataset ids', () => {
    expect(Array.from(writer.MAGIC)).toEqual(MAGIC);
    expect(writer.FORMAT_VERSION).toBe(FORMAT_VERSION);
    expect(writer.HEADER_BYTES).toBe(HEADER_BYTES);
    expect({ ...writer.DATASET_IDS }).toEqual(DATASET_IDS);
  });

  it('crc32(bytes) equals the bit-by-bit definition at every length and alignment around its 8-byte rounds', () => {
    /** CRC-32 one bit at a time, straight from the polynomial. */
    const bitwise = (bytes: Uint8Array) => {
      let c = 0xffffffff;
      for (const b of bytes) {
        c ^= b;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 13);
    for (let start = 0; start < 8; start++)
      for (let length = 0; length <= 40; length++) {
        const slice = bytes.subarray(start, start + length);
        expect(crc32(slice), `start ${start}, length ${length}`).toBe(bitwise(slice));
      }
    expect(crc32(bytes)).toBe(bitwise(bytes));
  });

  it('crc32(bytes) matches the standard check value and the writer', () => {
    const ascii = new TextEncoder().encode('123456789');
    expect(crc32(ascii)).toBe(0xcbf43926); // the CRC-32/ISO-HDLC check value
    expect(writer.crc32(ascii)).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('parseDataset(buffer)', () => {
  it('round-trips every header field, pixel and label written by encodeDataset', () => {
    const file = tinyFile();
    const ds = parseDataset(file.buffer as ArrayBuffer, 'mnist');
    expect(ds).toMatchObject({
      name: 'mnist',
      rows: 3,
      cols: 2,
      pixelsPerImage: 6,
      classCount: 3,
      trainCount: 4,
      testCount: 2,
    });
    expect(Array.from(ds.pixels)).toEqual(Array.from({ length: 36 }, (_, k) => 40 * Math.floor(k / 6) + (k % 6)));
    expect(Array.from(ds.labels)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(file.length).toBe(HEADER_BYTES + 6 * 7);
  });

  it('accepts a Uint8Array view at a non-zero offset (a Node Buffer from a pool)', () => {
    const file = tinyFile();
    const padded = new Uint8Array(file.length + 10);
    padded.set(file, 7);
    expect(parseDataset(padded.subarray(7, 7 + file.length)).trainCount).toBe(4);
  });

  it('parseDataset(file, expected) names the dataset in its messages', () => {
    const file = tinyFile('fashion-mnist');
    expect(errorOf(() => parseDataset(file.subarray(0, 100), 'fashion-mnist')).message).toBe(
      'The Fashion-MNIST file is truncated: expected 106 bytes, got 100. Reload the page; if it persists the download was cut.',
    );
  });

  it('parseDataset(fashion, "mnist") rejects the wrong dataset', () => {
    const e = errorOf(() => parseDataset(tinyFile('fashion-mnist'), 'mnist'));
    expect(e.code).toBe('wrong-dataset');
    expect(e.message).toBe('Expected the MNIST file but got Fashion-MNIST.');
  });
});

/** Flips the bits of `mask` in byte i. */
const flip = (b: Uint8Array, i: number, mask: number) => {
  b[i] = b[i]! ^ mask;
};
const html = new TextEncoder().encode('<!DOCTYPE html><html><body>Not found</body></html>');
const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00);
const file = tinyFile();

describe.each<[string, Uint8Array, DatasetErrorCode, RegExp]>([
  // empty response body
  ['an empty file', new Uint8Array(0), 'truncated', /truncated: got 0 bytes, not even a header/],
  // cut inside the magic
  ['5 bytes', file.subarray(0, 5), 'truncated', /got 5 bytes/],
  // magic intact, header cut
  ['40 bytes', file.subarray(0, 40), 'truncated', /got 40 bytes, less than its 64-byte header/],
  // header only, no payload
  ['the header alone', file.subarray(0, 64), 'truncated', /expected 106 bytes, got 64/],
  // one byte short
  ['one byte short', file.subarray(0, file.length - 1), 'truncated', /expected 106 bytes, got 105/],
  // trailing garbage
  [
    'one byte too many',
    Uint8Array.from([...file, 0]),
    'too-long',
    /longer than its header says: expected 106 bytes, got 107/,
  ],
  // an HTML 404 page served in place of the file
  [
    'an HTML page',
    html,
    'not-a-dataset',
    /^The dataset file is not in the book's dataset format: it starts with text "<!DOCTYPE html><html><bo". The server sent a web page instead/,
  ],
  // some binary file
  ['a zip file', zip, 'not-a-dataset', /starts with bytes 50 4b 03 04 14 00 00 00\.$/],
  // text-mode transfer turned CR LF into LF
  [
    'CR LF mangled',
    Uint8Array.from([...file.subarray(0, 6), 0x0a, ...file.subarray(8)]),
    'not-a-dataset',
    /starts with bytes 89 56 41/,
  ],
  // a newer generator
  [
    'format version 2',
    withValidCrcs(file, (v) => v.setUint16(8, 2, true)),
    'unsupported-version',
    /version 2, but this page reads version 1/,
  ],
  // a flipped bit in the header
  ['a flipped header byte', edited(file, (_, b) => flip(b, 21, 0x01)), 'corrupt-header', /corrupt header/],
  // a flipped bit in the pixels
  [
    'a flipped pixel byte',
    edited(file, (_, b) => flip(b, 70, 0x10)),
    'checksum',
    /is corrupt: its contents do not match its checksum/,
  ],
  // a flipped label
  ['a flipped label byte', edited(file, (_, b) => flip(b, b.length - 1, 0x01)), 'checksum', /checksum/],
  // consistent checksums but impossible counts
  [
    'count ≠ train + test',
    withValidCrcs(file, (v) => v.setUint32(28, 3, true)),
    'corrupt-header',
    /count 6 is not train 4 \+ test 3/,
  ],
  [
    'payload size off',
    withValidCrcs(file, (v) => v.setUint32(32, 41, true)),
    'corrupt-header',
    /payload size 41 does not fit 6 images/,
  ],
  [
    'an unknown dataset id',
    withValidCrcs(file, (v) => v.setUint16(12, 9, true)),
    'corrupt-header',
    /dataset id 9 is unknown/,
  ],
  ['a 0×2 image', withValidCrcs(file, (v) => v.setUint16(14, 0, true)), 'corrupt-header', /shape 0×2/],
  ['reserved bytes set', withValidCrcs(file, (_, b) => (b[50] = 1)), 'corrupt-header', /reserved bytes are not zero/],
  [
    'header size 32',
    withValidCrcs(file, (v) => v.setUint16(10, 32, true)),
    'corrupt-header',
    /header size 32 is not 64/,
  ],
  // checksums fine, label outside the classes: a generator bug
  [
    'label 7 of 3 classes',
    withValidCrcs(file, (_, b) => (b[b.length - 2] = 7)),
    'bad-label',
    /image 4 has label 7, not one of 3 classes/,
  ],
])('parseDataset(%s)', (_, bytes, code, message) => {
  it(`throws DatasetError(${code})`, () => {
    const e = errorOf(() => parseDataset(bytes));
    expect(e.code).toBe(code);
    expect(e.name).toBe('DatasetError');
    expect(e.message).toMatch(message);
  });
});
