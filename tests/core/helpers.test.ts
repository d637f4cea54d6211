/** The shared helpers fail loudly: a backend a test asked for and did not get is an error, not a quiet cpu run. */
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { useBackend } from './helpers';

it('useBackend(name) returns the name when the backend starts', async () => {
  await expect(useBackend('cpu')).resolves.toBe('cpu');
  expect(tf.getBackend()).toBe('cpu');
});

it('useBackend(wasm) throws, naming what it got, when wasm cannot start (here: not registered)', async () => {
  await useBackend('cpu');
  tf.removeBackend('wasm');
  await expect(useBackend('wasm')).rejects.toThrow(
    /asked for the wasm backend but got cpu \(.*'wasm' not found in registry/,
  );
});
