/**
 * The lab's model file: a saved model (model-store.ts) packed into one download and read back, checked on the way in.
 *
 * Model file, version 1 (all integers little-endian):
 *
 * | offset | size | field                                                                     |
 * |-------:|-----:|---------------------------------------------------------------------------|
 * |      0 |    8 | magic "VAELAB\r\n"                                                        |
 * |      8 |    4 | format version (1)                                                        |
 * |     12 |    4 | header length H in bytes                                                  |
 * |     16 |    4 | FNV-1a 32 of every byte from offset 20 to the end                         |
 * |     20 |    H | UTF-8 JSON: { format: 'vae-lab-model', settings, step, savedAt, checkpointBytes } |
 * |   20+H |    C | the checkpoint, exactly as src/core/checkpoint.ts writes it                |
 */
import { fnv1a32 } from '../../../core/checkpoint-format';
import { ModelStoreError, checkedModel, type SavedModel } from './model-store';

/** The first 8 bytes of a model file. */
export const MODEL_FILE_MAGIC = 'VAELAB\r\n';
/** The model-file version this code writes and reads. */
export const MODEL_FILE_VERSION = 1;
/** The file-name extension of model files. */
export const MODEL_FILE_EXTENSION = '.vaelab';

const PREFIX_BYTES = 20;

/** Packs a saved model into one file (layout at the top of this module). */
export function encodeModelFile(saved: SavedModel): Uint8Array<ArrayBuffer> {
  const header = {
    format: 'vae-lab-model',
    settings: saved.settings,
    step: saved.step,
    savedAt: saved.savedAt,
    checkpointBytes: saved.checkpoint.length,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(PREFIX_BYTES + json.length + saved.checkpoint.length);
  out.set(new TextEncoder().encode(MODEL_FILE_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, MODEL_FILE_VERSION, true);
  view.setUint32(12, json.length, true);
  out.set(json, PREFIX_BYTES);
  out.set(saved.checkpoint, PREFIX_BYTES + json.length);
  view.setUint32(16, fnv1a32(out.subarray(PREFIX_BYTES)), true);
  return out;
}

/** The model as a file to download, named after what it is, e.g. `vae-mnist-z2-h256-step1200.vaelab`. */
export function modelToFile(saved: SavedModel): { blob: Blob; filename: string } {
  const { dataset, latentSize, hiddenSize } = saved.settings;
  return {
    blob: new Blob([encodeModelFile(saved)], { type: 'application/octet-stream' }),
    filename: `vae-${dataset}-z${latentSize}-h${hiddenSize}-step${saved.step}${MODEL_FILE_EXTENSION}`,
  };
}

/** Reads a model file; throws `ModelStoreError` 'foreign' (not a model file), 'corrupt' or 'incompatible'. */
export function modelFromFile(bytes: Uint8Array): SavedModel {
  const magic = new TextEncoder().encode(MODEL_FILE_MAGIC);
  const signed = bytes.subarray(0, magic.length).every((byte, i) => byte === magic[i]);
  if (!signed) throw new ModelStoreError('foreign', 'This is not a VAE lab model file.');
  if (bytes.length < PREFIX_BYTES)
    throw new ModelStoreError('corrupt', `The file is cut off after ${bytes.length} bytes.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version > MODEL_FILE_VERSION) {
    throw new ModelStoreError(
      'incompatible',
      `The file has format version ${version}; this page reads version ${MODEL_FILE_VERSION}.`,
    );
  }
  if (version !== MODEL_FILE_VERSION)
    throw new ModelStoreError('corrupt', `The file claims format version ${version}.`);
  const headerLength = view.getUint32(12, true);
  if (PREFIX_BYTES + headerLength > bytes.length)
    throw new ModelStoreError('corrupt', 'The file is cut off inside its header.');
  if (fnv1a32(bytes.subarray(PREFIX_BYTES)) !== view.getUint32(16, true)) {
    throw new ModelStoreError('corrupt', 'The file does not match its checksum (damaged or cut off).');
  }
  let header: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(
      new TextDecoder().decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength)),
    );
    if (typeof parsed !== 'object' || parsed === null) throw new TypeError('not an object');
    header = parsed as Record<string, unknown>;
  } catch (error) {
    throw new ModelStoreError('corrupt', 'The file header is not valid JSON.', { cause: error });
  }
  if (header['format'] !== 'vae-lab-model')
    throw new ModelStoreError('corrupt', 'The file header does not describe a lab model.');
  const checkpoint = bytes.slice(PREFIX_BYTES + headerLength);
  if (header['checkpointBytes'] !== checkpoint.length) {
    throw new ModelStoreError(
      'corrupt',
      `Expected ${String(header['checkpointBytes'])} checkpoint bytes, found ${checkpoint.length}.`,
    );
  }
  return checkedModel(
    { checkpoint, settings: header['settings'], step: header['step'], savedAt: header['savedAt'] },
    'incompatible',
  );
}
