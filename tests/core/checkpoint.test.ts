import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
  CHECKPOINT_MAGIC,
  fnv1a32,
  modelFromCheckpoint,
  parseCheckpoint,
  serializeCheckpoint,
} from '../../src/core/checkpoint';
import { CheckpointError } from '../../src/core/errors';
import { VaeModel } from '../../src/core/model';
import { resolveConfig } from '../../src/core/config';
import { useBackend } from './helpers';

beforeAll(() => useBackend('cpu'));

const config = resolveConfig({ inputSize: 12, hiddenSizes: [6], latentSize: 2, seed: 3 });

function saved(meta = {}): Uint8Array {
  const model = VaeModel.create(config, 9);
  const bytes = serializeCheckpoint(config, model.getWeights(), meta);
  model.dispose();
  return bytes;
}

/** Byte offset where the float32 payload starts. */
const payloadStart = (bytes: Uint8Array) => 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);

describe('serializeCheckpoint / parseCheckpoint', () => {
  test('parseCheckpoint(serializeCheckpoint(config, weights, meta)) round-trips exactly, and the model decodes the same', () => {
    const model = VaeModel.create(config, 9);
    const bytes = serializeCheckpoint(config, model.getWeights(), { step: 1200, testElbo: -98.5 });
    const parsed = parseCheckpoint(bytes);
    expect(parsed.config).toEqual(config);
    expect(parsed.meta).toEqual({ step: 1200, testElbo: -98.5 });
    expect(parsed.weights).toEqual(model.getWeights());
    const restored = modelFromCheckpoint(parsed);
    const z = tf.tensor2d([[0.3, -0.8]]);
    expect(Array.from(restored.decode(z).dataSync())).toEqual(Array.from(model.decode(z).dataSync()));
    // 4 bytes per weight plus a header well under 1 KB.
    expect(bytes.length).toBeLessThan(4 * model.parameterCount() + 1024);
    expect(payloadStart(bytes) % 4).toBe(0);
    [model, restored].forEach((m) => m.dispose());
  });

  test('parseCheckpoint accepts a view at an odd byte offset (e.g. a slice of a larger buffer)', () => {
    const bytes = saved();
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(parseCheckpoint(padded.subarray(3)).weights).toEqual(parseCheckpoint(bytes).weights);
  });

  test('parseCheckpoint reads a Node Buffer from a shared pool (whose slice() is a view, not a copy)', () => {
    const bytes = saved();
    // Small Buffers share one pool, so their .buffer is far larger than the file and offset into it.
    const pooled = Buffer.concat([Buffer.from([1, 2, 3]), Buffer.from(bytes)]).subarray(3);
    expect(pooled.buffer.byteLength).not.toBe(bytes.length);
    expect(parseCheckpoint(pooled).weights).toEqual(parseCheckpoint(bytes).weights);
  });

  const corruptions: [string, (b: Uint8Array) => Uint8Array, RegExp][] = [
    ['an empty file', () => new Uint8Array(0), /only 0 bytes/],
    ['a file of another format', (b) => Uint8Array.from(b, (v, i) => (i < 4 ? 0x50 : v)), /signature/],
    ['a header cut off', (b) => b.subarray(0, 40), /header is cut off/],
    ['the weights cut off', (b) => b.subarray(0, b.length - 8), /expected \d+ bytes of weights, found \d+/],
    ['bytes appended', (b) => Uint8Array.from([...b, 0, 0, 0, 0]), /expected \d+ bytes of weights/],
    ['a flipped weight byte', (b) => Uint8Array.from(b, (v, i) => (i === b.length - 5 ? v ^ 0x40 : v)), /checksum/],
    ['a broken header', (b) => Uint8Array.from(b, (v, i) => (i === 12 ? 0x7b + 1 : v)), /not valid JSON/],
    ['a newer version', (b) => rewriteHeader(b, (h) => ({ ...h, version: 2 })), /format version 2/],
    [
      'an invalid config',
      (b) => rewriteHeader(b, (h) => ({ ...h, config: { ...(h.config as object), latentSize: 0 } })),
      /latentSize/,
    ],
    [
      'weights that do not fit the config',
      (b) => rewriteHeader(b, (h) => ({ ...h, config: { ...(h.config as object), hiddenSizes: [5] } })),
      /shape/,
    ],
  ];

  test.each(corruptions)(
    'parseCheckpoint rejects %s with a CheckpointError that says why',
    (_label, corrupt, message) => {
      const load = () => modelFromCheckpoint(parseCheckpoint(corrupt(saved())));
      expect(load).toThrow(CheckpointError);
      expect(load).toThrow(message);
    },
  );

  test('fnv1a32 gives the published FNV-1a test vectors', () => {
    expect(fnv1a32(new Uint8Array(0))).toBe(0x811c9dc5);
    expect(fnv1a32(new TextEncoder().encode('a'))).toBe(0xe40c292c);
    expect(fnv1a32(new TextEncoder().encode('foobar'))).toBe(0xbf9cf968);
    expect(CHECKPOINT_MAGIC).toHaveLength(8);
  });
});

/** Re-encodes the JSON header (keeping the payload), to build files that are well-formed but wrong. */
function rewriteHeader(
  bytes: Uint8Array,
  edit: (header: Record<string, unknown>) => Record<string, unknown>,
): Uint8Array {
  const start = payloadStart(bytes);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, start))) as Record<string, unknown>;
  const json = new TextEncoder().encode(JSON.stringify(edit(header)));
  const padded = Math.ceil((12 + json.length) / 4) * 4 - 12;
  const out = new Uint8Array(12 + padded + bytes.length - start);
  out.set(bytes.subarray(0, 8));
  new DataView(out.buffer).setUint32(8, padded, true);
  out.fill(0x20, 12, 12 + padded);
  out.set(json, 12);
  out.set(bytes.subarray(start), 12 + padded);
  return out;
}
