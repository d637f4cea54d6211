import { describe, expect, it } from 'vitest';
import { BACKEND_ORDER, isBackendName, parseBackendOverride, wasmPaths, WASM_FILES } from '../../../src/core/backend';
import { WASM_FILES as COPIED } from '../../../scripts/datasets/copy-wasm.mjs';

describe.each([
  // no query at all
  ['', null, null],
  // other parameters only
  ['?lang=en', null, null],
  // each real backend, with and without the "?"
  ['?backend=webgpu', 'webgpu', null],
  ['?backend=webgl', 'webgl', null],
  ['backend=wasm', 'wasm', null],
  ['?x=1&backend=cpu', 'cpu', null],
  // case and stray spaces are forgiven
  ['?backend=%20WASM%20', 'wasm', null],
  // "auto" and an empty value mean: choose automatically
  ['?backend=auto', null, null],
  ['?backend=', null, null],
  // the first of repeated parameters wins, like URLSearchParams.get
  ['?backend=cpu&backend=webgl', 'cpu', null],
  // unknown values are reported, never forced
  [
    '?backend=gpu',
    null,
    'Unknown backend "gpu" in ?backend= (use webgpu, webgl, wasm, cpu or auto); choosing automatically.',
  ],
  ['?backend=tensorflow', null, /Unknown backend "tensorflow"/],
])('parseBackendOverride(%j)', (search, override, error) => {
  it(`gives override ${override} ${error ? 'and an error' : 'and no error'}`, () => {
    const result = parseBackendOverride(search);
    expect(result.override).toBe(override);
    const expected =
      error === null ? null : typeof error === 'string' ? expect.stringContaining(error) : expect.stringMatching(error);
    expect(result.error).toEqual(expected);
  });
});

describe('backend names', () => {
  it('BACKEND_ORDER is fastest first: webgpu, webgl, wasm, cpu', () => {
    expect(BACKEND_ORDER).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('isBackendName(value) accepts only the four names', () => {
    expect(BACKEND_ORDER.every(isBackendName)).toBe(true);
    expect([undefined, 'WASM', 'tensorflow', 3].some(isBackendName)).toBe(false);
  });
});

describe.each([
  ['/vae-book/', '/vae-book/tfjs/'],
  ['/vae-book', '/vae-book/tfjs/'],
  ['/', '/tfjs/'],
])('wasmPaths(%j)', (base, prefix) => {
  it(`is ${prefix}`, () => expect(wasmPaths(base)).toBe(prefix));
});

describe('WASM_FILES', () => {
  it('lists the files scripts/datasets/copy-wasm.mjs copies', () => {
    expect([...WASM_FILES]).toEqual([...COPIED]);
  });
});
