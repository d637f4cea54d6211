/**
 * A Vite plugin that keeps tfjs's threaded WebAssembly working after minification. tfjs starts each thread from a
 * blob: holding the factory's own source (`factory.toString()`), and that source reads `_scriptDir` from the closure
 * around it (guarded by `typeof _scriptDir !== "undefined"`). A minifier renames the closure's variable and drops the
 * guard, so every thread dies with "ReferenceError: e is not defined". Removing the closure's declaration makes
 * `_scriptDir` a global the minifier leaves alone; the guard then reads undefined in threads and in the page alike, and
 * the one other use is a fallback tfjs never reaches (it always passes `mainScriptUrlOrBlob`).
 */

/** The two lines that declare `_scriptDir` around the factory in @tensorflow/tfjs-backend-wasm 4.x. */
const DECLARATION =
  /\n\s*var _scriptDir = typeof document !== 'undefined' && document\.currentScript \? document\.currentScript\.src : undefined;\n\s*if \(typeof __filename !== 'undefined'\) _scriptDir = _scriptDir \|\| __filename;/;

/** The factory's file. */
const FACTORY = /tfjs-backend-wasm-threaded-simd\.js$/;

/** Removes the declaration from `code` (the factory's source); throws when it is not there (tfjs changed: look again). */
export function freeScriptDir(code) {
  if (!DECLARATION.test(code))
    throw new Error(
      'tfjs-wasm-threads: the threaded factory no longer declares _scriptDir as expected; see src/build/tfjs-wasm-threads.mjs',
    );
  return code.replace(DECLARATION, '');
}

/** The plugin, for both `vite.plugins` and `vite.worker.plugins` (the lab's worker is bundled on its own). */
export function tfjsWasmThreads() {
  return {
    name: 'vae-book:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      return FACTORY.test(id.split('?')[0] ?? '') ? { code: freeScriptDir(code), map: null } : null;
    },
  };
}
