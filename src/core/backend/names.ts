/** Backend names, their preference order, and the `?backend=` URL override. */

/** The tfjs backends the book can run on, fastest first. */
export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** One of the tfjs backends the book can run on. */
export type BackendName = (typeof BACKEND_ORDER)[number];
/** The URL query parameter that forces a backend, e.g. `?backend=wasm`. */
export const BACKEND_PARAM = 'backend';

/** How each backend is named to readers. */
export const BACKEND_TITLES: Readonly<Record<BackendName, string>> = Object.freeze({
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'plain JavaScript (CPU)',
});

/** Narrows a string to a BackendName. */
export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_ORDER as readonly string[]).includes(value);
}

/** The outcome of reading `?backend=`: the forced backend (null: choose automatically) and, if the value was bad, why. */
export interface BackendOverride {
  readonly override: BackendName | null;
  readonly error: string | null;
}

/**
 * Reads `?backend=` from a query string (`location.search`, with or without the "?"). Missing, empty or "auto"
 * means no override; an unknown value is not an override either, and `error` says so for the page to show.
 */
export function parseBackendOverride(search: string): BackendOverride {
  const raw = new URLSearchParams(search).get(BACKEND_PARAM);
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'auto') return { override: null, error: null };
  if (isBackendName(value)) return { override: value, error: null };
  return {
    override: null,
    error: `Unknown backend "${raw}" in ?${BACKEND_PARAM}= (use ${BACKEND_ORDER.join(', ')} or auto); choosing automatically.`,
  };
}
