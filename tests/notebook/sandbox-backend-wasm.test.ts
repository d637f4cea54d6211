/** The sandbox's backend start in Node with tfjs's own .wasm files: WebAssembly, on one thread. */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { startSandboxBackend } from '../../src/notebook/sandbox-backend';
import { ROOT } from '../helpers/site';

describe('startSandboxBackend() where the .wasm files are served', () => {
  it('starts wasm on one thread (the sandbox may not start workers), passing the self-test', async () => {
    expect(
      await startSandboxBackend(`${join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist')}/`),
    ).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    expect(Array.from(tf.matMul([[1, 2]], [[3], [4]]).dataSync())).toEqual([11]);
  });
});
