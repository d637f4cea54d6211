/** The lab's engine line (backend, threads, isolation, the probe's timings) and the page's store of those timings. */
import { BACKEND_TITLES, type BackendName } from '../../../core/backend/names';
import { parseThreadsParam } from '../../../core/backend/threads';
import type { EngineReport, SpeedSample } from '../../../core/backend/measure';
import { fill, type VaeLabStrings } from '../../../i18n/widgets/vae-lab';

/** The localStorage key of the probe's memo list (core/backend/measure.ts validates what it reads back). */
export const TIMINGS_KEY = 'vae-book:backend-timings';

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage, or null where even reaching it throws (storage blocked). */
export function storageOrNull(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The stored memo list, parsed; null when there is none, it is unreadable, or storage is off (private mode). */
export function readTimings(storage: StorageLike | null): unknown {
  try {
    const raw = storage?.getItem(TIMINGS_KEY);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

/** Stores the memo list; a full or refused storage only means the next visit measures again. */
export function saveTimings(storage: StorageLike | null, memos: unknown): void {
  try {
    storage?.setItem(TIMINGS_KEY, JSON.stringify(memos));
  } catch {
    // Nothing to do: the timings are a cache.
  }
}

/** The `engine` wish an init request carries: threads ('auto', or `?threads=N`) and the stored timings. */
export function engineWish(search: string, storage: StorageLike | null): { threads: number | 'auto'; memos: unknown } {
  return { threads: parseThreadsParam(search) ?? 'auto', memos: readTimings(storage) };
}

const title = (s: VaeLabStrings, name: BackendName) => (name === 'cpu' ? s.backendCpu : BACKEND_TITLES[name]);

/** A backend's name with its thread count when WebAssembly runs more than one, e.g. "WebAssembly × 2 threads". */
function named(s: VaeLabStrings, name: BackendName, threads: number | undefined): string {
  return name === 'wasm' && threads !== undefined && threads > 1
    ? fill(s.engineThreads, { backend: title(s, name), threads })
    : title(s, name);
}

/** One timing, e.g. "WebGL 12 ms/step"; a failed one says so. */
function timing(s: VaeLabStrings, sample: SpeedSample): string {
  const backend = named(s, sample.name, sample.threads);
  if (sample.msPerStep === null) return fill(s.engineTimingFailed, { backend });
  const ms = sample.msPerStep >= 10 ? Math.round(sample.msPerStep) : Number(sample.msPerStep.toFixed(1));
  return fill(s.engineTiming, { backend, ms });
}

/** Why WebAssembly runs one thread, in words; `controlled`: a service worker controls the page (a reload isolates it). */
function oneThread(s: VaeLabStrings, why: EngineReport['oneThreadWhy'], controlled: boolean): string | null {
  switch (why) {
    case 'not-isolated':
      return controlled ? s.engineNotIsolatedYet : s.engineNotIsolated;
    case 'few-cores':
      return s.engineFewCores;
    case 'asked':
      return s.engineOneAsked;
    case null:
      return null;
  }
}

/**
 * The engine line, e.g. "Engine: WebAssembly × 2 threads · measured WebGL 12 ms/step, WebAssembly × 2 threads
 * 9 ms/step → WebAssembly", or "Engine: WebAssembly; one thread: this page is not cross-origin isolated".
 */
export function engineLine(s: VaeLabStrings, report: EngineReport, controlled: boolean): string {
  const backend = named(s, report.backend, report.threads);
  const line = fill(s.statusBackend, { backend });
  const why = oneThread(s, report.oneThreadWhy, controlled);
  const parts = [why ? fill(s.engineWithNote, { line, note: why }) : line];
  const timed = report.samples.map((sample) => timing(s, sample)).join(', ');
  if (report.how === 'measured' || report.how === 'remembered') {
    const template = report.how === 'measured' ? s.engineMeasured : s.engineRemembered;
    parts.push(fill(template, { timings: timed, backend: title(s, report.backend) }));
  }
  return parts.join(' · ');
}
