/** Where the page finds the tfjs WASM binaries: copied into public/tfjs/ by scripts/datasets/copy-wasm.mjs. */

/**
 * The files from node_modules/@tensorflow/tfjs-backend-wasm/dist/ that the site serves from `<base>tfjs/`.
 * The backend picks one at run time (plain, SIMD, or threaded SIMD under cross-origin isolation); only the chosen
 * one is downloaded. Must match WASM_FILES in scripts/datasets/copy-wasm.mjs (a test checks).
 */
export const WASM_FILES = Object.freeze([
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const);

/** The folder under the site's base path that holds WASM_FILES. */
export const WASM_DIR = 'tfjs/';

/** The prefix to pass to tfjs's setWasmPaths, e.g. wasmPaths('/vae-book/') → '/vae-book/tfjs/'. */
export function wasmPaths(baseUrl: string): string {
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${WASM_DIR}`;
}
