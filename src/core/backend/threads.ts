/** How many WebAssembly threads the lab's worker asks tfjs for, and why it gets one where it cannot have more. */

/**
 * Most threads asked for. The lab's matrices are small (batch 64 × 784 × 256 and smaller), so a step has little work to
 * split; beyond four threads the split costs more than it saves.
 */
export const MAX_WASM_THREADS = 4;

/** What the worker knows about where it runs. */
export interface ThreadEnvironment {
  /** `crossOriginIsolated`: SharedArrayBuffer, and so threaded WebAssembly, exist only then. */
  readonly isolated: boolean;
  /** `navigator.hardwareConcurrency` (undefined where a browser hides it). */
  readonly cores: number | undefined;
}

/** The thread count and, when it is one, why. */
export interface ThreadPlan {
  readonly threads: number;
  readonly why: 'not-isolated' | 'few-cores' | 'asked' | null;
}

/**
 * Threads for `asked` ('auto', or a count from `?threads=`): one when the page is not cross-origin isolated, else the
 * count asked for (at most 2 × MAX_WASM_THREADS), else half the logical cores, at most MAX_WASM_THREADS. Half: the page's
 * own thread (charts, input) needs a core, and most cores are two hyper-threads; measured on a 2-core machine, two
 * threads trained at 0.6× the speed of one (docs/PERFORMANCE.md, "Threads and the backend probe").
 */
export function planThreads(env: ThreadEnvironment, asked: number | 'auto' = 'auto'): ThreadPlan {
  if (!env.isolated) return { threads: 1, why: 'not-isolated' };
  if (asked !== 'auto') {
    const threads = Math.min(Math.max(1, Math.floor(asked)), 2 * MAX_WASM_THREADS);
    return { threads, why: threads === 1 ? 'asked' : null };
  }
  const cores = env.cores !== undefined && env.cores >= 1 ? Math.floor(env.cores) : 1;
  const threads = Math.max(1, Math.min(Math.floor(cores / 2), MAX_WASM_THREADS));
  return { threads, why: threads === 1 ? 'few-cores' : null };
}

/** Reads `?threads=` (a whole number from 1) from a query string; null when absent or not a count. */
export function parseThreadsParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('threads');
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return value >= 1 ? value : null;
}
