/** The lab's saved models: IndexedDB round trips (fake-indexeddb) and the model file, with real checkpoint bytes. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fnv1a32, serializeCheckpoint } from '../../../../src/core/checkpoint';
import { resolveConfig } from '../../../../src/core/config';
import { VaeModel } from '../../../../src/core/model';
import {
  DATABASE_NAME,
  STORE_NAME,
  ModelStoreError,
  deleteModel,
  loadModel,
  saveModel,
  type ModelStoreProblem,
  type SavedModel,
} from '../../../../src/components/widgets/lab/model-store';
import {
  MODEL_FILE_MAGIC,
  encodeModelFile,
  modelFromFile,
  modelToFile,
} from '../../../../src/components/widgets/lab/model-file';
import { DEFAULT_LAB_SETTINGS, toVaeConfig, type LabSettings } from '../../../../src/components/widgets/lab/settings';
import { useBackend } from '../../../core/helpers';

// The checkpoint below is built while the tables are collected, so the backend is ready first.
await useBackend('cpu');

/** The smallest model the lab allows: 784-16-2. */
const settings: LabSettings = {
  ...DEFAULT_LAB_SETTINGS,
  latentSize: 2,
  hiddenSize: 16,
  beta: 0.5,
  seed: 7,
  start: 'scratch',
};

function checkpointFor(lab: LabSettings): Uint8Array {
  const config = resolveConfig(toVaeConfig(lab));
  const model = VaeModel.create(config, lab.seed);
  const bytes = serializeCheckpoint(config, model.getWeights(), { step: 300 });
  model.dispose();
  return bytes;
}

const checkpoint = checkpointFor(settings);
const saved: SavedModel = { checkpoint, settings, step: 300, savedAt: Date.UTC(2025, 0, 2, 3, 4, 5) };

/** Asserts that `run` fails with a ModelStoreError of `code`. */
async function expectCode(run: () => unknown, code: ModelStoreProblem): Promise<void> {
  const error: unknown = await Promise.resolve()
    .then(run)
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(ModelStoreError);
  expect((error as ModelStoreError).code).toBe(code);
}

/** Writes `value` under `key` straight into the store, as a damaged or foreign record would be. */
async function putRaw(key: string, value: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(STORE_NAME, 'readwrite');
    transaction.objectStore(STORE_NAME).put(value, key);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
}

describe('saveModel / loadModel / deleteModel (IndexedDB)', () => {
  beforeEach(() => vi.stubGlobal('indexedDB', new IDBFactory()));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  test('loadModel(key) after saveModel(key, saved) gives back equal bytes, settings, step and date', async () => {
    await saveModel('lab', saved);
    const loaded = await loadModel('lab');
    expect(loaded).toEqual(saved);
  });

  test('saveModel stores only the bytes of a view, not the whole buffer behind it', async () => {
    const padded = new Uint8Array(checkpoint.length + 5);
    padded.set(checkpoint, 5);
    await saveModel('view', { ...saved, checkpoint: padded.subarray(5) });
    expect((await loadModel('view'))?.checkpoint.buffer.byteLength).toBe(checkpoint.length);
  });

  test('loadModel(missing key) is null; deleteModel removes a model and keeps the others', async () => {
    expect(await loadModel('nothing here')).toBeNull();
    await saveModel('a', saved);
    await saveModel('b', { ...saved, step: 900 });
    await deleteModel('a');
    await deleteModel('never saved');
    expect(await loadModel('a')).toBeNull();
    expect((await loadModel('b'))?.step).toBe(900);
  });

  test('saveModel(key, …) again replaces the earlier model', async () => {
    await saveModel('lab', saved);
    await saveModel('lab', { ...saved, step: 1200 });
    expect((await loadModel('lab'))?.step).toBe(1200);
  });

  test('the store is added to a vae-book database that another part of the book created first', async () => {
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(DATABASE_NAME, 3);
      request.onupgradeneeded = () => request.result.createObjectStore('progress');
      request.onsuccess = () => (request.result.close(), resolve());
    });
    await saveModel('lab', saved);
    expect((await loadModel('lab'))?.step).toBe(300);
  });

  test.each<[string, unknown]>([
    ['not an object', 'hello'],
    ['an unknown layout version', { ...saved, version: 2 }],
    ['no checkpoint bytes', { version: 1, settings, step: 300, savedAt: 0 }],
    ['bad checkpoint bytes', { version: 1, checkpoint: checkpoint.slice(0, 100), settings, step: 300, savedAt: 0 }],
    [
      'a flipped checkpoint byte',
      { version: 1, checkpoint: flip(checkpoint, checkpoint.length - 3), settings, step: 300, savedAt: 0 },
    ],
    ['settings out of range', { version: 1, checkpoint, settings: { ...settings, beta: -1 }, step: 300, savedAt: 0 }],
    [
      'settings missing a field',
      { version: 1, checkpoint, settings: { ...settings, seed: undefined }, step: 300, savedAt: 0 },
    ],
    [
      'settings that contradict the checkpoint',
      { version: 1, checkpoint, settings: { ...settings, latentSize: 3 }, step: 300, savedAt: 0 },
    ],
    ['a negative step', { version: 1, checkpoint, settings, step: -1, savedAt: 0 }],
  ])('loadModel rejects a record with %s as corrupt', async (_label, record) => {
    await putRaw('bad', record);
    await expectCode(() => loadModel('bad'), 'corrupt');
  });

  test('without an indexedDB global, saveModel, loadModel and deleteModel reject as unavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expectCode(() => saveModel('lab', saved), 'unavailable');
    await expectCode(() => loadModel('lab'), 'unavailable');
    await expectCode(() => deleteModel('lab'), 'unavailable');
  });

  test('when opening the database throws (as in some private modes), saveModel rejects as unavailable', async () => {
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    await expectCode(() => saveModel('lab', saved), 'unavailable');
  });

  test('when the store is full, saveModel rejects as quota', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expectCode(() => saveModel('lab', saved), 'quota');
    expect(put).toHaveBeenCalledTimes(1);
  });
});

describe('modelToFile / modelFromFile', () => {
  test('modelFromFile(bytes of modelToFile(saved).blob) gives back the saved model; the name says what it is', async () => {
    const { blob, filename } = modelToFile(saved);
    expect(filename).toBe('vae-mnist-z2-h16-step300.vaelab');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe(MODEL_FILE_MAGIC);
    // The file is the checkpoint plus a header well under 1 KB.
    expect(bytes.length - checkpoint.length).toBeLessThan(1024);
    expect(modelFromFile(bytes)).toEqual(saved);
  });

  test('modelFromFile reads a file at an odd byte offset in a larger buffer', () => {
    const bytes = encodeModelFile(saved);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(modelFromFile(padded.subarray(3))).toEqual(saved);
  });

  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0,
  ]);
  const file = () => encodeModelFile(saved);

  test.each<[string, ModelStoreProblem, () => Uint8Array]>([
    ['a PNG', 'foreign', () => png],
    ['a bare checkpoint (not wrapped as a lab model)', 'foreign', () => checkpoint],
    ['a short text file', 'foreign', () => new TextEncoder().encode('hi')],
    ['an empty file', 'corrupt', () => new Uint8Array(0)],
    ['only the signature', 'corrupt', () => file().subarray(0, 8)],
    ['a file cut off in its header', 'corrupt', () => file().subarray(0, 60)],
    ['a file cut off in its checkpoint', 'corrupt', () => file().subarray(0, file().length - 10)],
    ['bytes appended', 'corrupt', () => Uint8Array.from([...file(), 0, 0, 0, 0])],
    ['a flipped checkpoint byte', 'corrupt', () => flip(file(), file().length - 7)],
    ['a flipped header byte', 'corrupt', () => flip(file(), 30)],
    ['a wrong checksum', 'corrupt', () => flip(file(), 17)],
    ['a broken header with a matching checksum', 'corrupt', () => resign(flip(file(), 20))],
    ['version 0', 'corrupt', () => withVersion(file(), 0)],
    ['a newer version', 'incompatible', () => withVersion(file(), 2)],
    [
      'a latent size that contradicts the checkpoint',
      'incompatible',
      () => encodeModelFile({ ...saved, settings: { ...settings, latentSize: 16 } }),
    ],
    [
      'a hidden size that contradicts the checkpoint',
      'incompatible',
      () => encodeModelFile({ ...saved, settings: { ...settings, hiddenSize: 256 } }),
    ],
    [
      'a likelihood that contradicts the checkpoint',
      'incompatible',
      () => encodeModelFile({ ...saved, settings: { ...settings, likelihood: 'gaussian' } }),
    ],
    ['settings out of range', 'corrupt', () => encodeModelFile({ ...saved, settings: { ...settings, beta: 99 } })],
    ['a fractional step', 'corrupt', () => encodeModelFile({ ...saved, step: 1.5 })],
    [
      'bad checkpoint bytes inside a good wrapper',
      'corrupt',
      () => encodeModelFile({ ...saved, checkpoint: flip(checkpoint, checkpoint.length - 7) }),
    ],
  ])('modelFromFile(%s) throws a ModelStoreError %s', async (_label, code, bytes) => {
    await expectCode(() => modelFromFile(bytes()), code);
  });

  test('modelFromFile accepts a checkpoint whose training settings (β, learning rate, seed) differ from the saved ones', () => {
    const live = { ...settings, beta: 4, learningRate: 0.01, seed: 99, dataset: 'fashion-mnist' as const };
    expect(modelFromFile(encodeModelFile({ ...saved, settings: live })).settings).toEqual(live);
  });
});

function flip(bytes: Uint8Array, index: number): Uint8Array {
  return Uint8Array.from(bytes, (value, i) => (i === index ? value ^ 0x04 : value));
}

function withVersion(bytes: Uint8Array, version: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(8, version, true);
  return copy;
}

/** Recomputes the file's checksum, to build files that are damaged but consistently signed. */
function resign(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(16, fnv1a32(copy.subarray(20)), true);
  return copy;
}
