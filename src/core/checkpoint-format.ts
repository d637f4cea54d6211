/** The checkpoint file format: magic, JSON header, float32 payload; written and validated without tfjs, so the page can check a file. */
import { resolveConfig, type VaeConfig } from './config';
import { CheckpointError, InvalidConfigError } from './errors';
import type { NamedWeight } from './model';

/** The first 8 bytes of every checkpoint. */
export const CHECKPOINT_MAGIC = 'VAECKPT\u0000';
/** The format version this code writes and reads. */
export const CHECKPOINT_VERSION = 1;

/** The JSON header: what the weights are and how to rebuild the model. */
export interface CheckpointHeader {
  readonly format: 'vae-checkpoint';
  readonly version: number;
  readonly config: VaeConfig;
  readonly tensors: readonly { readonly name: string; readonly shape: readonly number[] }[];
  readonly payloadBytes: number;
  /** FNV-1a 32-bit hash of the payload bytes, to catch corruption. */
  readonly checksum: number;
  /** Free-form numbers about the run, e.g. steps trained and test ELBO. */
  readonly meta: Readonly<Record<string, number | string>>;
}

/** A parsed checkpoint. */
export interface Checkpoint {
  readonly config: VaeConfig;
  readonly weights: NamedWeight[];
  readonly meta: Readonly<Record<string, number | string>>;
}

/** FNV-1a over bytes: cheap, and enough to tell a damaged file from a good one. */
export function fnv1a32(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i] as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const PREFIX_BYTES = 12;

/** Packs config, weights and meta into one binary: magic (8) · header length (uint32 LE) · JSON · padding · float32 LE. */
export function serializeCheckpoint(
  config: VaeConfig,
  weights: readonly NamedWeight[],
  meta: Readonly<Record<string, number | string>> = {},
): Uint8Array {
  const floats = weights.reduce((sum, w) => sum + w.values.length, 0);
  const payload = new Float32Array(floats);
  let offset = 0;
  for (const weight of weights) {
    payload.set(weight.values, offset);
    offset += weight.values.length;
  }
  const payloadBytes = new Uint8Array(payload.buffer);
  const header: CheckpointHeader = {
    format: 'vae-checkpoint',
    version: CHECKPOINT_VERSION,
    config,
    tensors: weights.map(({ name, shape }) => ({ name, shape: [...shape] })),
    payloadBytes: payloadBytes.length,
    checksum: fnv1a32(payloadBytes),
    meta,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const jsonPadded = Math.ceil((PREFIX_BYTES + json.length) / 4) * 4 - PREFIX_BYTES;
  const out = new Uint8Array(PREFIX_BYTES + jsonPadded + payloadBytes.length);
  out.set(new TextEncoder().encode(CHECKPOINT_MAGIC), 0);
  new DataView(out.buffer).setUint32(8, jsonPadded, true);
  out.set(json, PREFIX_BYTES);
  out.fill(0x20, PREFIX_BYTES + json.length, PREFIX_BYTES + jsonPadded);
  out.set(payloadBytes, PREFIX_BYTES + jsonPadded);
  return out;
}

/** Throws the `CheckpointError` every format problem becomes. */
export function fail(message: string): never {
  throw new CheckpointError(`Not a usable VAE checkpoint: ${message}`);
}

function isShape(shape: unknown): shape is number[] {
  return Array.isArray(shape) && shape.every((d) => Number.isInteger(d) && d > 0);
}

/** Reads a checkpoint, checking magic, version, sizes, checksum and config; throws `CheckpointError` with the reason. */
export function parseCheckpoint(data: ArrayBuffer | Uint8Array): Checkpoint {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < PREFIX_BYTES) fail(`the file has only ${bytes.length} bytes`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== CHECKPOINT_MAGIC) fail('it does not start with the checkpoint signature (wrong file?)');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (PREFIX_BYTES + headerLength > bytes.length) fail('the header is cut off (truncated download?)');
  let header: Partial<CheckpointHeader>;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength)),
    ) as Partial<CheckpointHeader>;
  } catch {
    fail('its header is not valid JSON (corrupt file?)');
  }
  if (header.format !== 'vae-checkpoint') fail('its header does not describe a VAE checkpoint');
  if (header.version !== CHECKPOINT_VERSION)
    fail(`it has format version ${String(header.version)}, this code reads ${CHECKPOINT_VERSION}`);
  const listed: unknown = header.tensors;
  if (
    !Array.isArray(listed) ||
    !listed.every((t: { name?: unknown; shape?: unknown }) => typeof t.name === 'string' && isShape(t.shape))
  ) {
    fail('its tensor list is malformed');
  }
  const tensors = listed as { name: string; shape: number[] }[];
  const payload = bytes.subarray(PREFIX_BYTES + headerLength);
  const expectedFloats = tensors.reduce((sum, t) => sum + t.shape.reduce((a, b) => a * b, 1), 0);
  if (header.payloadBytes !== payload.length || expectedFloats * 4 !== payload.length) {
    fail(`expected ${expectedFloats * 4} bytes of weights, found ${payload.length} (truncated or padded file?)`);
  }
  if (fnv1a32(payload) !== header.checksum) fail('the weights do not match their checksum (corrupt file?)');
  let config: VaeConfig;
  try {
    config = resolveConfig(header.config ?? {});
  } catch (error) {
    fail(error instanceof InvalidConfigError ? error.message : 'its config is malformed');
  }
  // Copy into a fresh, aligned buffer: the payload may start at any byte offset, and a Node Buffer's slice() is a view.
  const aligned = new Uint8Array(payload.length);
  aligned.set(payload);
  const floats = new Float32Array(aligned.buffer);
  let offset = 0;
  const weights = tensors.map(({ name, shape }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = floats.slice(offset, offset + size);
    offset += size;
    return { name, shape: [...shape], values };
  });
  return { config, weights, meta: header.meta ?? {} };
}
