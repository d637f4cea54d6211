/**
 * The book's dataset file format, version 1 (written by scripts/datasets/format.mjs). All integers little-endian.
 *
 * | offset | size | field                                                                  |
 * |-------:|-----:|------------------------------------------------------------------------|
 * |      0 |    8 | magic `89 56 41 45 44 53 0D 0A` ("\x89VAEDS\r\n")                      |
 * |      8 |    2 | format version (1)                                                     |
 * |     10 |    2 | header size in bytes (64)                                              |
 * |     12 |    2 | dataset id (1 = MNIST, 2 = Fashion-MNIST)                              |
 * |     14 |    4 | rows, cols (u16 each; 28 × 28)                                         |
 * |     18 |    2 | class count (10)                                                       |
 * |     20 |   12 | count, train count, test count (u32 each; count = train + test)        |
 * |     32 |    4 | payload size in bytes = count × (rows × cols + 1)                      |
 * |     36 |    4 | CRC-32 of the payload                                                  |
 * |     40 |   20 | reserved, zero                                                         |
 * |     60 |    4 | CRC-32 of header bytes 0–59                                            |
 * |     64 |  N·P | pixels, uint8 0–255, one row of P = rows × cols per image; train first |
 * | 64+N·P |    N | labels, uint8 0…classCount−1, same order                               |
 */

/** First 8 bytes of every dataset file. */
export const MAGIC: readonly number[] = Object.freeze([0x89, 0x56, 0x41, 0x45, 0x44, 0x53, 0x0d, 0x0a]);
/** The format version this reader understands. */
export const FORMAT_VERSION = 1;
/** Fixed header size; the payload starts here. */
export const HEADER_BYTES = 64;

/** The datasets the book ships. */
export const DATASET_NAMES = ['mnist', 'fashion-mnist'] as const;
/** One of the shipped datasets. */
export type DatasetName = (typeof DATASET_NAMES)[number];
/** Header id of each dataset. */
export const DATASET_IDS: Readonly<Record<DatasetName, number>> = Object.freeze({ mnist: 1, 'fashion-mnist': 2 });
/** File name of each dataset under the site's `data/` folder. */
export const DATASET_FILES: Readonly<Record<DatasetName, string>> = Object.freeze({
  mnist: 'mnist.bin',
  'fashion-mnist': 'fashion-mnist.bin',
});
/** How each dataset is named in messages. */
export const DATASET_TITLES: Readonly<Record<DatasetName, string>> = Object.freeze({
  mnist: 'MNIST',
  'fashion-mnist': 'Fashion-MNIST',
});

/** What went wrong with a dataset file, for code that reacts differently (e.g. retry a download). */
export type DatasetErrorCode =
  | 'download' // the request failed or the stream was cut
  | 'not-a-dataset' // wrong magic: some other file, often an HTML error page
  | 'unsupported-version'
  | 'truncated'
  | 'too-long'
  | 'corrupt-header'
  | 'checksum'
  | 'bad-label' // checksum fine but a label out of range: the generator is wrong
  | 'wrong-dataset';

/** A dataset file that cannot be used; `message` is written for the reader of the page. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  constructor(
    readonly code: DatasetErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A parsed dataset: views into the file's bytes, no copies. */
export interface Dataset {
  readonly name: DatasetName;
  readonly rows: number;
  readonly cols: number;
  readonly pixelsPerImage: number;
  readonly classCount: number;
  readonly trainCount: number;
  readonly testCount: number;
  /** All images, train then test, `pixelsPerImage` bytes (0–255) each. */
  readonly pixels: Uint8Array;
  /** All labels, train then test. */
  readonly labels: Uint8Array;
}

/** CRC-32 lookup tables for slicing-by-8: table k (at k·256) advances the CRC past a byte and then k zero bytes. */
const CRC_TABLES = (() => {
  const tables = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c >>> 0;
  }
  for (let k = 1; k < 8; k++) {
    for (let n = 0; n < 256; n++) {
      const previous = tables[(k - 1) * 256 + n]!;
      tables[k * 256 + n] = (previous >>> 8) ^ tables[previous & 0xff]!;
    }
  }
  return tables;
})();

/** CRC-32 (IEEE, as in zlib and PNG) of bytes, eight bytes per round: the lab checks 8 MB before it can train. */
export function crc32(bytes: Uint8Array): number {
  const t = CRC_TABLES;
  let c = 0xffffffff;
  let i = 0;
  for (const end = bytes.length - 7; i < end; i += 8) {
    c ^= bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    c =
      t[1792 + (c & 0xff)]! ^
      t[1536 + ((c >>> 8) & 0xff)]! ^
      t[1280 + ((c >>> 16) & 0xff)]! ^
      t[1024 + (c >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const hex = (n: number) => n.toString(16).padStart(8, '0');
const RELOAD = 'Reload the page; if it persists the download was cut.';
const DAMAGED = 'Reload the page; if it persists, the copy on the server is damaged and the site needs rebuilding.';

/** Describes the start of a foreign file: its text if it looks like text (an HTML error page, say), else its bytes. */
function describeStart(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 24);
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  if (printable)
    return `text "${String.fromCharCode(...head)
      .replace(/\s+/g, ' ')
      .trim()}"`;
  return `bytes ${Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}

/** The dataset named by a header id, if any. */
function nameOfId(id: number): DatasetName | undefined {
  return DATASET_NAMES.find((n) => DATASET_IDS[n] === id);
}

/**
 * Parses and fully checks a dataset file: magic, version, header checksum and fields, exact size, payload
 * checksum and labels. Throws a DatasetError with a reader-facing message; `expected` names the file in messages
 * and rejects a different dataset.
 */
export function parseDataset(data: ArrayBuffer | Uint8Array, expected?: DatasetName): Dataset {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const the = `The ${expected ? DATASET_TITLES[expected] : 'dataset'} file`;
  const size = bytes.length;

  if (size < MAGIC.length) {
    throw new DatasetError('truncated', `${the} is truncated: got ${fmt(size)} bytes, not even a header. ${RELOAD}`);
  }
  if (!MAGIC.every((b, i) => bytes[i] === b)) {
    const html = /^\s*</.test(String.fromCharCode(...bytes.subarray(0, 16)));
    throw new DatasetError(
      'not-a-dataset',
      `${the} is not in the book's dataset format: it starts with ${describeStart(bytes)}.` +
        (html
          ? ' The server sent a web page instead (a 404 page?); check that the site is served under the right base path.'
          : ''),
    );
  }
  if (size < HEADER_BYTES) {
    throw new DatasetError(
      'truncated',
      `${the} is truncated: got ${fmt(size)} bytes, less than its ${HEADER_BYTES}-byte header. ${RELOAD}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, size);
  const version = view.getUint16(8, true);
  if (version !== FORMAT_VERSION) {
    throw new DatasetError(
      'unsupported-version',
      `${the} uses format version ${version}, but this page reads version ${FORMAT_VERSION}. ` +
        'Reload the page so the page and the data come from the same build.',
    );
  }
  if (view.getUint32(60, true) !== crc32(bytes.subarray(0, 60))) {
    throw new DatasetError('corrupt-header', `${the} has a corrupt header (its checksum does not match). ${DAMAGED}`);
  }

  const id = view.getUint16(12, true);
  const rows = view.getUint16(14, true);
  const cols = view.getUint16(16, true);
  const classCount = view.getUint16(18, true);
  const count = view.getUint32(20, true);
  const trainCount = view.getUint32(24, true);
  const testCount = view.getUint32(28, true);
  const payloadBytes = view.getUint32(32, true);
  const pixelsPerImage = rows * cols;
  const name = nameOfId(id);
  const problem =
    view.getUint16(10, true) !== HEADER_BYTES
      ? `header size ${view.getUint16(10, true)} is not ${HEADER_BYTES}`
      : name === undefined
        ? `dataset id ${id} is unknown`
        : pixelsPerImage === 0 || classCount === 0 || classCount > 256
          ? `shape ${rows}×${cols} with ${classCount} classes is impossible`
          : count !== trainCount + testCount
            ? `count ${fmt(count)} is not train ${fmt(trainCount)} + test ${fmt(testCount)}`
            : payloadBytes !== count * (pixelsPerImage + 1)
              ? `payload size ${fmt(payloadBytes)} does not fit ${fmt(count)} images`
              : bytes.subarray(40, 60).some((b) => b !== 0)
                ? 'reserved bytes are not zero'
                : null;
  if (problem !== null || name === undefined) {
    throw new DatasetError('corrupt-header', `${the} has an inconsistent header: ${problem}. ${DAMAGED}`);
  }
  if (expected !== undefined && name !== expected) {
    throw new DatasetError(
      'wrong-dataset',
      `Expected the ${DATASET_TITLES[expected]} file but got ${DATASET_TITLES[name]}.`,
    );
  }

  const total = HEADER_BYTES + payloadBytes;
  if (size < total) {
    throw new DatasetError(
      'truncated',
      `${the} is truncated: expected ${fmt(total)} bytes, got ${fmt(size)}. ${RELOAD}`,
    );
  }
  if (size > total) {
    throw new DatasetError(
      'too-long',
      `${the} is longer than its header says: expected ${fmt(total)} bytes, got ${fmt(size)}. ${DAMAGED}`,
    );
  }
  const payload = bytes.subarray(HEADER_BYTES);
  const stored = view.getUint32(36, true);
  const actual = crc32(payload);
  if (stored !== actual) {
    throw new DatasetError(
      'checksum',
      `${the} is corrupt: its contents do not match its checksum (CRC-32 ${hex(actual)}, expected ${hex(stored)}). ${DAMAGED}`,
    );
  }

  const pixels = payload.subarray(0, count * pixelsPerImage);
  const labels = payload.subarray(count * pixelsPerImage);
  const badLabel = labels.findIndex((l) => l >= classCount);
  if (badLabel >= 0) {
    throw new DatasetError(
      'bad-label',
      `${the} is corrupt: image ${fmt(badLabel)} has label ${labels[badLabel]}, not one of ${classCount} classes. ${DAMAGED}`,
    );
  }
  return { name, rows, cols, pixelsPerImage, classCount, trainCount, testCount, pixels, labels };
}
