/** Choosing the backend by measured speed: the choice from timed samples, and the per-device, per-model memo of it. */
// Pure and DOM-free: the worker times the steps (speed-probe.ts), the page keeps the memo list in localStorage.
import { BACKEND_ORDER, isBackendName, type BackendName } from './names';

/** One backend's probe: milliseconds per training step, or why it could not be timed. */
export interface SpeedSample {
  readonly name: BackendName;
  /** Median ms per step; null when timing failed. */
  readonly msPerStep: number | null;
  /** WebAssembly's thread count (absent for the other backends). */
  readonly threads?: number;
  readonly error?: string;
}

/** Samples within this fraction of the fastest count as a tie. */
export const TIE_FRACTION = 0.05;

/**
 * The fastest timed backend; null when none was timed. A tie (within TIE_FRACTION) goes to the earlier backend in
 * BACKEND_ORDER: a GPU backend leaves the CPU cores to the page, and timing noise should not flip the choice.
 */
export function fastest(samples: readonly SpeedSample[]): BackendName | null {
  const timed = samples.filter(
    (s): s is SpeedSample & { msPerStep: number } =>
      s.msPerStep !== null && Number.isFinite(s.msPerStep) && s.msPerStep > 0,
  );
  if (timed.length === 0) return null;
  const best = Math.min(...timed.map((s) => s.msPerStep));
  const close = timed.filter((s) => s.msPerStep <= best * (1 + TIE_FRACTION));
  close.sort((a, b) => BACKEND_ORDER.indexOf(a.name) - BACKEND_ORDER.indexOf(b.name));
  return close[0]!.name;
}

/** A remembered probe: on this device, for this model size, these timings chose this backend. */
export interface SpeedMemo {
  readonly device: string;
  readonly model: string;
  readonly choice: BackendName;
  readonly samples: readonly SpeedSample[];
  /** When it was measured (ms since 1970). */
  readonly measuredAt: number;
}

/** Memos kept at most (newest first): one per device and model size a reader has used. */
export const MEMO_LIMIT = 8;

/** The model size a timing depends on: layer widths and batch size. */
export function modelKey(config: {
  readonly inputSize: number;
  readonly hiddenSizes: readonly number[];
  readonly latentSize: number;
  readonly batchSize: number;
}): string {
  return `${config.inputSize}-${config.hiddenSizes.join('-')}-${config.latentSize}/b${config.batchSize}`;
}

/** What identifies the device to a timing: each usable backend's note (GPU name, WebAssembly threads) and the CPU. */
export function deviceKey(parts: {
  readonly notes: readonly string[];
  readonly cores: number | undefined;
  readonly userAgent: string;
}): string {
  return JSON.stringify([parts.userAgent, parts.cores ?? null, ...parts.notes]);
}

const isSample = (value: unknown): value is SpeedSample => {
  const s = value as Partial<SpeedSample> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    isBackendName(s.name) &&
    (s.msPerStep === null || (typeof s.msPerStep === 'number' && Number.isFinite(s.msPerStep)))
  );
};

/** Narrows one stored value to a memo; anything else (an older format, a hand edit) is not one. */
export function isSpeedMemo(value: unknown): value is SpeedMemo {
  const m = value as Partial<SpeedMemo> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.device === 'string' &&
    typeof m.model === 'string' &&
    isBackendName(m.choice) &&
    typeof m.measuredAt === 'number' &&
    Array.isArray(m.samples) &&
    m.samples.every(isSample)
  );
}

/** The valid memos in a stored value (the parsed localStorage entry: an array, or anything else when corrupt). */
export function memoList(stored: unknown): SpeedMemo[] {
  return Array.isArray(stored) ? stored.filter(isSpeedMemo) : [];
}

/** The memo for this device and model size, or null (a miss: measure again). */
export function findMemo(stored: unknown, device: string, model: string): SpeedMemo | null {
  return memoList(stored).find((m) => m.device === device && m.model === model) ?? null;
}

/** The list with `memo` first, replacing the one for the same device and model, at most MEMO_LIMIT long. */
export function rememberMemo(stored: unknown, memo: SpeedMemo): SpeedMemo[] {
  const others = memoList(stored).filter((m) => m.device !== memo.device || m.model !== memo.model);
  return [memo, ...others].slice(0, MEMO_LIMIT);
}

/** What the lab's engine line shows: the backend, its threads and isolation, and how the choice was made. */
export interface EngineReport {
  readonly backend: BackendName;
  /** WebAssembly threads in use (1 on the other backends). */
  readonly threads: number;
  /** `crossOriginIsolated` in the worker. */
  readonly isolated: boolean;
  /** Why WebAssembly runs one thread, when it does (see planThreads). */
  readonly oneThreadWhy: 'not-isolated' | 'few-cores' | 'asked' | null;
  /** 'measured': timed now; 'remembered': a memo's timings; 'only': one backend usable; 'forced': ?backend=. */
  readonly how: 'measured' | 'remembered' | 'only' | 'forced';
  readonly samples: readonly SpeedSample[];
  /** The memo list to store, when a probe ran (the page keeps it). */
  readonly memos?: readonly SpeedMemo[];
}
