/** handle({type: 'setObjective', code}): chapter 6's loss cell trains the lab; its failures are reader-loss errors. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { createObjectiveCompiler, type ReaderLimits } from '../../src/worker/reader-objective';
import type { ReaderLossProblem } from '../../src/worker/protocol';
import { READER_LOSS_STRINGS, readerLossMessage } from '../../src/i18n/widgets/reader-loss';
import { LANGS } from '../../src/i18n/langs';
import { useBackend } from '../core/helpers';
import { config, harness, until } from './harness';

/** The book's loss as chapter 6's cell writes it (64 pixels here instead of 784). */
const BOOK = `// the book's loss
function loss({ logits, x, mu, logVar, beta }) {
  const reconstruction = bernoulliReconstruction(logits, x);
  const kl = gaussianKlPerDim(mu, logVar).sum(1);
  return reconstruction.add(kl.mul(beta));
}`;
/** Reconstruction averaged over pixels, as in the chapter's first experiment. */
const AVERAGED = BOOK.replace(
  'bernoulliReconstruction(logits, x)',
  'bernoulliReconstruction(logits, x).div(x.shape[1])',
);

let locks = 0;
let cleanup: (() => Promise<void>) | null = null;
beforeAll(() => useBackend('cpu'));
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function ready(limits: ReaderLimits = {}) {
  const h = harness({ compileObjective: createObjectiveCompiler(() => void (locks += 1), limits) });
  cleanup = async () => void (await h.send({ type: 'dispose' }));
  await h.send({ type: 'init', config, dataset: 'strokes', id: 1 });
  return h;
}

describe('setObjective', () => {
  test('compiles the cell after locking the worker down once, trains with it, and null brings the book’s loss back', async () => {
    const h = await ready();
    const before = locks;
    await h.send({ type: 'setObjective', code: AVERAGED, id: 2 });
    await h.send({ type: 'setObjective', code: AVERAGED, id: 3 });
    expect(locks - before).toBe(1);
    expect(h.byId(2, 'objective')).toMatchObject({ custom: true });
    await h.send({ type: 'step', count: 2 });
    const reader = h.of('metrics').at(-1)!;
    expect(reader.objective).toBeCloseTo(reader.reconstruction / 64 + reader.kl, 3);
    await h.send({ type: 'setObjective', code: null, id: 4 });
    expect(h.byId(4, 'objective')).toMatchObject({ custom: false });
    await h.send({ type: 'step', count: 1 });
    const book = h.of('metrics').at(-1)!;
    expect(book.objective).toBeCloseTo(book.reconstruction + book.kl, 3);
  });

  test('the book’s loss written as a cell gives the same numbers as the book’s own', async () => {
    const h = await ready();
    await h.send({ type: 'setObjective', code: BOOK });
    const m = (await h.send({ type: 'step', count: 1 }), h.of('metrics').at(-1)!);
    expect(m.objective).toBeCloseTo(m.reconstruction + m.kl, 3);
  });

  test.each([
    ['syntax', 'function loss( {', 1],
    ['no-loss', 'const lost = 1;', undefined],
    ['top-level', 'const a = 1;\nthrow new Error("at load");\nfunction loss() {}', 2],
  ] as const)(
    'a cell with a %s problem answers a reader-loss error and keeps the book’s loss',
    async (problem, code, line) => {
      const h = await ready();
      await h.send({ type: 'setObjective', code, id: 5 });
      const error = h.byId(5, 'error');
      expect(error).toMatchObject({ code: 'reader-loss', problem });
      if (line !== undefined) expect(error?.line).toBe(line);
      expect(h.byId(5, 'objective')).toBeUndefined();
      await h.send({ type: 'step', count: 1 });
      const m = h.of('metrics').at(-1)!;
      expect(m.objective).toBeCloseTo(m.reconstruction + m.kl, 3);
    },
  );

  test.each([
    ['threw', 'function loss() { throw new Error("boom"); }'],
    ['shape', 'function loss({ logits, x }) { return bernoulliReconstruction(logits, x).mean(); }'],
    ['not-tensor', 'function loss() { return 1; }'],
    ['constant', 'function loss({ x }) { return x.sum(1); }'],
  ] as const)(
    'training with a loss whose problem is %s stops with a reader-loss error, the model unchanged',
    async (problem, code) => {
      const h = await ready();
      await h.send({ type: 'step', count: 2 });
      const tensors = tf.memory().numTensors;
      await h.send({ type: 'setObjective', code });
      await h.send({ type: 'train', metricsEvery: 1 });
      await until(() => h.of('error').length > 0);
      expect(h.of('error')[0]).toMatchObject({ code: 'reader-loss', problem, step: 3 });
      await until(() => h.of('status').at(-1)?.state === 'paused');
      expect(h.of('status').at(-1)).toMatchObject({ state: 'paused', step: 2 });
      expect(tf.memory().numTensors).toBe(tensors);
    },
  );

  test('a loss that never returns is stopped after the limit: the step is not taken, the weights are as before, and the book’s loss then trains', async () => {
    // A fake clock that moves 1 ms each time it is read: the reader's loop "runs" 2 s after 2,000 checks.
    let now = 0;
    const h = await ready({ now: () => (now += 1) });
    await h.send({ type: 'step', count: 2 });
    await h.send({ type: 'saveCheckpoint', id: 10 });
    const tensors = tf.memory().numTensors;
    await h.send({ type: 'setObjective', code: 'function loss() { while (true) {} }', id: 12 });
    expect(h.byId(12, 'objective')).toMatchObject({ custom: true });
    await h.send({ type: 'train', metricsEvery: 1 });
    await until(() => h.of('error').length > 0);
    expect(h.of('error')[0]).toMatchObject({ code: 'reader-loss', problem: 'timeout', detail: '2', step: 3 });
    await until(() => h.of('status').at(-1)?.state === 'paused');
    expect(h.of('status').at(-1)).toMatchObject({ state: 'paused', step: 2 });
    expect(tf.memory().numTensors).toBe(tensors);
    await h.send({ type: 'saveCheckpoint', id: 13 });
    expect(h.byId(13, 'checkpoint')?.bytes).toEqual(h.byId(10, 'checkpoint')?.bytes);
    await h.send({ type: 'setObjective', code: null, id: 14 });
    await h.send({ type: 'step', count: 1 });
    expect(h.of('metrics').at(-1)).toMatchObject({ step: 3 });
  });

  test('a loop that catches what stops it still stops; a loss with loops that end trains', async () => {
    let now = 0;
    const h = await ready({ now: () => (now += 1) });
    const catching = 'function loss() { for (;;) { try { throw new Error("again"); } catch { continue; } } }';
    await h.send({ type: 'setObjective', code: catching });
    await h.send({ type: 'step', count: 1 });
    expect(h.of('error').at(-1)).toMatchObject({ code: 'reader-loss', problem: 'timeout', step: 1 });
    const looping = BOOK.replace(
      'return reconstruction.add(kl.mul(beta));',
      'let total = reconstruction;\n  for (let i = 0; i < 3; i++) total = total.add(kl.mul(beta / 3));\n  return total;',
    );
    await h.send({ type: 'setObjective', code: looping });
    await h.send({ type: 'step', count: 1 });
    const m = h.of('metrics').at(-1)!;
    expect(m.step).toBe(1);
    expect(m.objective).toBeCloseTo(m.reconstruction + m.kl, 3);
  });

  test('a cell whose top level never ends is stopped while it loads, and the lab keeps its loss', async () => {
    const h = await ready({ limitMs: 50 });
    await h.send({ type: 'setObjective', code: `${BOOK}\nwhile (true) {}`, id: 15 });
    expect(h.byId(15, 'error')).toMatchObject({ code: 'reader-loss', problem: 'load-timeout', detail: '0.05' });
    expect(h.byId(15, 'objective')).toBeUndefined();
    await h.send({ type: 'step', count: 1 });
    const m = h.of('metrics').at(-1)!;
    expect(m.objective).toBeCloseTo(m.reconstruction + m.kl, 3);
  });

  test('without a compiler, setObjective with code is refused', async () => {
    const h = harness();
    cleanup = async () => void (await h.send({ type: 'dispose' }));
    await h.send({ type: 'init', config, dataset: 'strokes' });
    await h.send({ type: 'setObjective', code: BOOK, id: 9 });
    expect(h.byId(9, 'error')).toMatchObject({ code: 'internal' });
  });
});

describe('readerLossMessage', () => {
  const problems: ReaderLossProblem[] = [
    'syntax',
    'no-loss',
    'top-level',
    'load-timeout',
    'threw',
    'not-tensor',
    'shape',
    'constant',
    'timeout',
  ];
  test.each(LANGS)('words every problem and a NaN in %s, with the step and the engine’s detail', (lang) => {
    for (const problem of problems) {
      const text = readerLossMessage(lang, { problem, detail: 'DETAIL', step: 12, line: 3 });
      if (problem !== 'constant') expect(text, problem).toContain('DETAIL');
      expect(text.length, problem).toBeGreaterThan(20);
    }
    expect(readerLossMessage(lang, { nonFinite: true, step: 12, restoredStep: 11 })).toContain('12');
    expect(Object.keys(READER_LOSS_STRINGS[lang]).sort()).toEqual(Object.keys(READER_LOSS_STRINGS.en).sort());
  });
});

describe("chapter 6's loss cell", () => {
  test.each(['en', 'zh'])(
    '(%s) compiles in the worker, leaves no tensor from its check, and trains like the book’s loss',
    async (lang) => {
      const code = readFileSync(resolve(`chapters/${lang}/cells/training-a-vae/loss.ts`), 'utf8');
      const h = await ready();
      const tensors = tf.memory().numTensors;
      await h.send({ type: 'setObjective', code, id: 2 });
      expect(h.byId(2, 'objective')).toMatchObject({ custom: true });
      expect(tf.memory().numTensors).toBe(tensors);
      await h.send({ type: 'step', count: 1 });
      const m = h.of('metrics').at(-1)!;
      expect(m.objective).toBeCloseTo(m.reconstruction + m.kl, 3);
    },
  );
});
