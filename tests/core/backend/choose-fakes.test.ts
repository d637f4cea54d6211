/** chooseBackend's order, reasons and self-test, with fake backends standing in for the real ones. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackendError,
  DEFAULT_CANDIDATES,
  EXPECTED,
  SELF_TEST_UPLOAD_FLOATS,
  backendsAfter,
  chooseBackend,
  selfTest,
} from '../../../src/core/backend';
import { fakeCandidate, removeFakes } from './fakes';

afterEach(removeFakes);

const never = () => new Promise<never>(() => {});
/** The real cpu candidate: faking cpu would remove the kernels every fake is cloned from. */
const realCpu = DEFAULT_CANDIDATES.find((c) => c.name === 'cpu')!;

describe('selfTest()', () => {
  it('passes on the real cpu backend', async () => {
    await tf.setBackend('cpu');
    expect(await selfTest()).toBeNull();
  });

  it('rejects a backend whose matMul is off by 0.01 and shows what came back', async () => {
    await fakeCandidate('webgpu', { matMulOffBy: 0.01 }).load({ allowSoftwareWebGL: false, wasmPathPrefix: null });
    await tf.setBackend('webgpu');
    const reason = await selfTest();
    expect(reason).toMatch(/^self-test matMul gave wrong numbers \(off by up to 0\.01\d*\): \[/);
    expect(reason).toContain(`instead of [${EXPECTED.join(', ')}]`);
  });

  it('rejects a backend that multiplies right but cannot take a lab-sized upload (a software WebGPU adapter)', async () => {
    await fakeCandidate('webgpu', { maxUploadFloats: 100_000 }).load({
      allowSoftwareWebGL: false,
      wasmPathPrefix: null,
    });
    await tf.setBackend('webgpu');
    await expect(selfTest()).rejects.toThrow(/createBuffer failed, size \(3136000\)/);
    expect(SELF_TEST_UPLOAD_FLOATS).toBe(784_000);
  });

  it('chooses the next backend when the first fails the upload check', async () => {
    const choice = await chooseBackend({
      candidates: [fakeCandidate('webgpu', { maxUploadFloats: 100_000 }), realCpu],
    });
    expect(choice.name).toBe('cpu');
    expect(choice.tried[0]).toMatchObject({ name: 'webgpu' });
    expect(JSON.stringify(choice.tried[0])).toContain('createBuffer failed');
  });

  it('with { syncRead: true }, rejects a backend whose synchronous reads come back as zeros (a software WebGPU adapter)', async () => {
    await fakeCandidate('webgpu', { syncReadZeros: true }).load({ allowSoftwareWebGL: false, wasmPathPrefix: null });
    await tf.setBackend('webgpu');
    expect(await selfTest()).toBeNull(); // its asynchronous reads are right: the benchmark page may use it
    expect(await selfTest({ syncRead: true })).toBe(
      'self-test: a synchronous read-back gave [0, 0, 0, 0, …] where [1, 2, 3, 4, …] was expected',
    );
  });

  it('chooseBackend({ requireSyncReads: true }) passes over such a backend, and the benchmark page (default) keeps it', async () => {
    const candidates = [fakeCandidate('webgpu', { syncReadZeros: true }), realCpu];
    const lab = await chooseBackend({ candidates, requireSyncReads: true });
    expect(lab.name).toBe('cpu');
    expect(lab.tried[0]).toMatchObject({ name: 'webgpu', ok: false });
    expect(lab.tried[0]!.reason).toContain('a synchronous read-back gave [0, 0, 0, 0, …]');
    expect((await chooseBackend({ candidates })).name).toBe('webgpu');
  });

  it('leaves no tensors behind', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    await selfTest({ syncRead: true });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('chooseBackend({ candidates })', () => {
  it('takes the first candidate when every one works', async () => {
    const candidates = [...(['webgpu', 'webgl', 'wasm'] as const).map((n) => fakeCandidate(n)), realCpu];
    const choice = await chooseBackend({ candidates });
    expect(choice).toMatchObject({ name: 'webgpu', reason: 'fake webgpu; self-test passed', overridden: false });
    expect(tf.getBackend()).toBe('webgpu');
  });

  it('rejects with BackendError when unavailable, unloadable and unstartable backends are all there is', async () => {
    const candidates = [
      fakeCandidate('webgpu', { probe: { ok: false, reason: 'no adapter' } }),
      fakeCandidate('webgl', { loadFails: 'chunk 404' }),
      fakeCandidate('wasm', { startFails: true }),
    ];
    const error = await chooseBackend({ candidates }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    const reasons = (error as BackendError).tried.map((t) => `${t.name}: ${t.reason}`);
    expect(reasons[0]).toBe('webgpu: no adapter');
    expect(reasons[1]).toBe('webgl: its code failed to load (chunk 404)');
    expect(reasons[2]).toBe('wasm: fake wasm: tfjs could not start it (its warning is in the console)');
    expect((error as Error).message).toMatch(/^No compute backend works in this browser: webgpu: no adapter; /);
  });

  it('rejects a lying webgl and lands on wasm', async () => {
    const candidates = [fakeCandidate('webgl', { matMulOffBy: -3 }), fakeCandidate('wasm'), realCpu];
    const choice = await chooseBackend({ candidates });
    expect(choice.name).toBe('wasm');
    expect(choice.tried.map((t) => t.ok)).toEqual([false, true]);
  });

  it('gives up on a probe that hangs after timeoutMs', async () => {
    const candidates = [fakeCandidate('webgpu', { probe: never }), realCpu];
    const choice = await chooseBackend({ candidates, timeoutMs: 30 });
    expect(choice.name).toBe('cpu');
    expect(choice.tried[0]).toEqual({ name: 'webgpu', ok: false, reason: 'checking for it took longer than 0.03 s' });
  });

  it('reports backends in skip with the given reason, without touching them', async () => {
    const candidates = [fakeCandidate('webgl', { probe: never }), realCpu];
    const choice = await chooseBackend({ candidates, skip: { webgl: 'the WebGL context was lost' } });
    expect(choice.tried[0]).toEqual({ name: 'webgl', ok: false, reason: 'the WebGL context was lost' });
    expect(choice.name).toBe('cpu');
  });

  it('tries the override first, even when it is last in the order', async () => {
    const candidates = [...(['webgpu', 'webgl', 'wasm'] as const).map((n) => fakeCandidate(n)), realCpu];
    const choice = await chooseBackend({ candidates, override: 'wasm' });
    expect(choice).toMatchObject({
      name: 'wasm',
      overridden: true,
      reason: 'fake wasm; self-test passed; forced by ?backend=wasm',
    });
  });

  it('follows a failed override with the normal order', async () => {
    const candidates = [fakeCandidate('webgpu'), fakeCandidate('webgl', { matMulOffBy: 5 }), realCpu];
    const choice = await chooseBackend({ candidates, override: 'webgl' });
    expect(choice.tried.map((t) => t.name)).toEqual(['webgl', 'webgpu']);
    expect(choice.reason).toMatch(
      /^fake webgpu; self-test passed; \?backend=webgl did not work \(fake webgl: self-test/,
    );
  });

  it('reports software rendering from the probe', async () => {
    const candidates = [fakeCandidate('webgl', { probe: { ok: true, note: 'SwiftShader', software: true } })];
    expect(await chooseBackend({ candidates })).toMatchObject({ name: 'webgl', software: true });
  });
});

describe.each([
  ['webgpu', ['webgl', 'wasm', 'cpu']],
  ['webgl', ['wasm', 'cpu']],
  ['wasm', ['cpu']],
  ['cpu', []],
] as const)('backendsAfter(%s)', (name, after) => {
  it(`is [${after.join(', ')}]`, () => expect(backendsAfter(name)).toEqual(after));
});
