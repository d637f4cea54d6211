/** freeScriptDir(code): tfjs's threaded factory keeps working once minified (its thread workers run its own source). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { freeScriptDir, tfjsWasmThreads } from '../../src/build/tfjs-wasm-threads.mjs';

const require = createRequire(import.meta.url);
const FACTORY_PATH = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
const factory = readFileSync(FACTORY_PATH, 'utf8');

describe('freeScriptDir(code)', () => {
  it('removes the closure variable _scriptDir from the installed tfjs factory, leaving only guarded or fallback uses', () => {
    expect(factory).toMatch(/var _scriptDir =/);
    const freed = freeScriptDir(factory);
    expect(freed).not.toMatch(/var _scriptDir\b/);
    // Four uses remain: the guarded read (three names) and the fallback after mainScriptUrlOrBlob, which tfjs always sets.
    expect(freed.match(/_scriptDir/g)).toHaveLength(4);
    expect(freed).toContain('if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}');
    expect(freed).toContain('Module["mainScriptUrlOrBlob"]||_scriptDir');
  });

  it('fails loudly on a factory that no longer looks like this one', () => {
    expect(() => freeScriptDir('var WasmBackendModuleThreadedSimd = function () {};')).toThrow(/no longer declares/);
  });

  it('is applied by the plugin to that file only', () => {
    const plugin = tfjsWasmThreads();
    expect(plugin.transform(factory, FACTORY_PATH)?.code).not.toMatch(/var _scriptDir\b/);
    expect(plugin.transform('const x = 1;', '/src/core/model.ts')).toBeNull();
  });
});
