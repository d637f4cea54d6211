/** The sandbox's backend start in Node: WebAssembly that cannot load falls back to cpu, which then computes cells. */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { SANDBOX_BACKENDS, startSandboxBackend } from '../../src/notebook/sandbox-backend';

describe('startSandboxBackend()', () => {
  it('tries wasm, then cpu, and nothing else (no GPU backend reaches the sandbox)', () => {
    expect(SANDBOX_BACKENDS).toEqual(['wasm', 'cpu']);
  });

  it('falls back to cpu when the .wasm files are not where the site serves them, and cpu computes', async () => {
    expect(await startSandboxBackend('/no-such-site/tfjs/')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    expect(Array.from(tf.matMul([[1, 2]], [[3], [4]]).dataSync())).toEqual([11]);
  });
});
