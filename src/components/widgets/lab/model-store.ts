/**
 * The lab's saved models: kept in the browser (IndexedDB) and moved as one file. A saved model is the worker's
 * checkpoint bytes plus the lab settings that trained it; both are checked against each other on every load (the
 * file format is in model-file.ts).
 */
import { parseCheckpoint } from '../../../core/checkpoint-format';
import type { VaeConfig } from '../../../core/config';
import { parseSettingsObject, type LabSettings } from './settings';

/** One trained model as the lab keeps it. */
export interface SavedModel {
  /** A checkpoint file from the worker's 'saveCheckpoint' answer. */
  readonly checkpoint: Uint8Array;
  readonly settings: LabSettings;
  /** Training steps taken. */
  readonly step: number;
  /** When it was saved, in milliseconds since 1970 (Date.now()). */
  readonly savedAt: number;
}

/** What went wrong, for the page to put in words: no storage, storage full, damaged, not our file, or from elsewhere. */
export type ModelStoreProblem = 'unavailable' | 'quota' | 'corrupt' | 'foreign' | 'incompatible';

/** A saved model could not be stored, found, or read; `code` says which case. */
export class ModelStoreError extends Error {
  override readonly name = 'ModelStoreError';
  /** Records the case and, in `cause`, the underlying error when there is one. */
  constructor(
    readonly code: ModelStoreProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The IndexedDB database and object store the book keeps models in. */
export const DATABASE_NAME = 'vae-book';
/** The object store inside `DATABASE_NAME`. */
export const STORE_NAME = 'models';
/** The shape of a record in the store; `version` leaves room for later layouts. */
interface StoredRecord {
  readonly version: 1;
  readonly checkpoint: Uint8Array;
  readonly settings: LabSettings;
  readonly step: number;
  readonly savedAt: number;
}

/** The lab's datasets are 28 × 28 images. */
const INPUT_SIZE = 784;

function toStoreError(error: unknown): ModelStoreError {
  if (error instanceof ModelStoreError) return error;
  // DOMExceptions from IndexedDB are not always `instanceof Error`, so read their fields directly.
  const { name, message } =
    typeof error === 'object' && error !== null ? (error as { name?: unknown; message?: unknown }) : {};
  const detail = typeof message === 'string' ? message : String(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return new ModelStoreError('quota', `The browser's storage for this site is full: ${detail}`, { cause: error });
  }
  return new ModelStoreError('unavailable', `The browser cannot store models here (private mode?): ${detail}`, {
    cause: error,
  });
}

function openDatabase(version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory)
      return reject(new ModelStoreError('unavailable', 'This browser has no IndexedDB, so models cannot be kept.'));
    let request: IDBOpenDBRequest;
    try {
      request = version === undefined ? factory.open(DATABASE_NAME) : factory.open(DATABASE_NAME, version);
    } catch (error) {
      return reject(toStoreError(error));
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE_NAME)) request.result.createObjectStore(STORE_NAME);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Let another tab (or a newer page) upgrade the database instead of waiting on us.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(toStoreError(request.error));
  });
}

/** Opens the database at whatever version it has; adds the store with one upgrade if another part of the book made the database first. */
async function openStore(): Promise<IDBDatabase> {
  const db = await openDatabase();
  if (db.objectStoreNames.contains(STORE_NAME)) return db;
  const next = db.version + 1;
  db.close();
  return openDatabase(next);
}

async function inTransaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openStore();
  try {
    return await new Promise<T>((resolve, reject) => {
      try {
        const transaction = db.transaction(STORE_NAME, mode);
        const request = work(transaction.objectStore(STORE_NAME));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onabort = () => reject(toStoreError(transaction.error ?? request.error));
        transaction.onerror = () => reject(toStoreError(request.error ?? transaction.error));
      } catch (error) {
        reject(toStoreError(error));
      }
    });
  } finally {
    db.close();
  }
}

/** Keeps `saved` under `key`, replacing what was there; rejects with code 'unavailable' or 'quota'. */
export async function saveModel(key: string, saved: SavedModel): Promise<void> {
  const record: StoredRecord = {
    version: 1,
    // A copy holds only these bytes, not the whole buffer a view may sit in.
    checkpoint: saved.checkpoint.slice(),
    settings: { ...saved.settings },
    step: saved.step,
    savedAt: saved.savedAt,
  };
  await inTransaction('readwrite', (store) => store.put(record, key));
}

/** The model kept under `key`, or null; rejects with 'unavailable', or 'corrupt' when the record does not check out. */
export async function loadModel(key: string): Promise<SavedModel | null> {
  const record: unknown = await inTransaction('readonly', (store) => store.get(key));
  if (record === undefined) return null;
  const fields =
    typeof record === 'object' && record !== null ? (record as Partial<Record<keyof StoredRecord, unknown>>) : {};
  if (fields.version !== 1)
    throw new ModelStoreError('corrupt', `The model saved as "${key}" is not in a layout this page reads.`);
  const checkpoint = fields.checkpoint instanceof ArrayBuffer ? new Uint8Array(fields.checkpoint) : fields.checkpoint;
  if (!(checkpoint instanceof Uint8Array))
    throw new ModelStoreError('corrupt', `The model saved as "${key}" has no checkpoint bytes.`);
  return checkedModel({ checkpoint, settings: fields.settings, step: fields.step, savedAt: fields.savedAt }, 'corrupt');
}

/** Removes the model kept under `key` (nothing happens when there is none); rejects with 'unavailable'. */
export async function deleteModel(key: string): Promise<void> {
  await inTransaction('readwrite', (store) => store.delete(key));
}

/** The first way `config` contradicts `settings`, or null when the checkpoint fits them. */
export function checkpointMismatch(config: VaeConfig, settings: LabSettings): string | null {
  if (config.inputSize !== INPUT_SIZE)
    return `its images have ${config.inputSize} pixels, the lab's have ${INPUT_SIZE}`;
  if (config.latentSize !== settings.latentSize)
    return `its latent size is ${config.latentSize}, the settings say ${settings.latentSize}`;
  if (config.hiddenSizes.length !== 1 || config.hiddenSizes[0] !== settings.hiddenSize) {
    return `its hidden layers are [${config.hiddenSizes.join(', ')}], the settings say [${settings.hiddenSize}]`;
  }
  if (config.likelihood !== settings.likelihood)
    return `its decoder is ${config.likelihood}, the settings say ${settings.likelihood}`;
  return null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Validates the parts of a saved model; a contradiction between checkpoint and settings raises `mismatchCode`. */
export function checkedModel(
  parts: { checkpoint: Uint8Array; settings: unknown; step: unknown; savedAt: unknown },
  mismatchCode: 'corrupt' | 'incompatible',
): SavedModel {
  const { settings, rejected } = parseSettingsObject(parts.settings);
  if (rejected.length > 0 || !isComplete(settings)) {
    throw new ModelStoreError(
      'corrupt',
      `The saved settings are unreadable (${rejected.map((r) => `${r.field}: ${r.problem}`).join(', ') || 'some are missing'}).`,
    );
  }
  if (!isCount(parts.step)) throw new ModelStoreError('corrupt', 'The saved step count is not a whole number ≥ 0.');
  if (typeof parts.savedAt !== 'number' || !Number.isFinite(parts.savedAt))
    throw new ModelStoreError('corrupt', 'The saved date is not a number.');
  let config: VaeConfig;
  try {
    config = parseCheckpoint(parts.checkpoint).config;
  } catch (error) {
    throw new ModelStoreError('corrupt', error instanceof Error ? error.message : String(error), { cause: error });
  }
  const mismatch = checkpointMismatch(config, settings);
  if (mismatch) throw new ModelStoreError(mismatchCode, `The checkpoint does not fit its settings: ${mismatch}.`);
  return { checkpoint: parts.checkpoint, settings, step: parts.step, savedAt: parts.savedAt };
}

function isComplete(settings: Partial<LabSettings>): settings is LabSettings {
  const required: Record<keyof LabSettings, true> = {
    dataset: true,
    likelihood: true,
    latentSize: true,
    hiddenSize: true,
    beta: true,
    learningRate: true,
    seed: true,
    start: true,
  };
  return Object.keys(required).every((field) => Object.hasOwn(settings, field));
}
