/** chooseBackend with the real candidates, in Node: no GPU here, so WASM wins, and the override reaches CPU. */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { chooseBackend } from '../../../src/core/backend';

describe('chooseBackend() in Node', () => {
  it('skips webgpu and webgl with reasons and chooses wasm', async () => {
    const choice = await chooseBackend();
    expect(choice.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.software).toBe(false);
    expect(choice.tried.map((t) => [t.name, t.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
    ]);
    expect(choice.tried[0]!.reason).toMatch(/no WebGPU/);
    expect(choice.tried[1]!.reason).toMatch(/no canvas/);
    expect(choice.reason).toMatch(/^WebAssembly with(out)? SIMD, (one thread|\d+ threads); self-test passed$/);
  });

  it('chooseBackend({ override: "cpu" }) activates cpu first', async () => {
    const choice = await chooseBackend({ override: 'cpu' });
    expect(choice).toMatchObject({ name: 'cpu', overridden: true });
    expect(choice.tried).toHaveLength(1);
    expect(choice.reason).toBe('plain JavaScript; self-test passed; forced by ?backend=cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('chooseBackend({ override: "webgl" }) falls back and says why the override failed', async () => {
    const choice = await chooseBackend({ override: 'webgl' });
    expect(choice.name).toBe('wasm');
    expect(choice.overridden).toBe(false);
    expect(choice.tried.map((t) => t.name)).toEqual(['webgl', 'webgpu', 'wasm']);
    expect(choice.reason).toMatch(/\?backend=webgl did not work \(no canvas/);
  });
});
