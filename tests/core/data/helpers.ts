/** Tiny synthetic dataset files for format tests, written by the real generator's encoder. */
import { crc32, encodeDataset } from '../../../scripts/datasets/format.mjs';

/** A 3×2-pixel, 3-class file with 4 train and 2 test images whose pixels are predictable (image i, pixel p → 40·i + p). */
export function tinyFile(name: 'mnist' | 'fashion-mnist' = 'mnist'): Uint8Array {
  const example = (i: number) => ({ pixels: Uint8Array.from({ length: 6 }, (_, p) => 40 * i + p), label: i % 3 });
  const all = Array.from({ length: 6 }, (_, i) => example(i));
  return encodeDataset({ name, rows: 3, cols: 2, classCount: 3, train: all.slice(0, 4), test: all.slice(4) });
}

/** A copy of file with `edit` applied, then both CRCs recomputed, so only the edited field is wrong. */
export function withValidCrcs(file: Uint8Array, edit: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const bytes = file.slice();
  const view = new DataView(bytes.buffer);
  edit(view, bytes);
  view.setUint32(36, crc32(bytes.subarray(64)), true);
  view.setUint32(60, crc32(bytes.subarray(0, 60)), true);
  return bytes;
}

/** A copy of file with `edit` applied and nothing else fixed up. */
export function edited(file: Uint8Array, edit: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const bytes = file.slice();
  edit(new DataView(bytes.buffer), bytes);
  return bytes;
}
