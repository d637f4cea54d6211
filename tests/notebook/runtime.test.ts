import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCell } from '../../src/notebook/analyze';
import type { AsyncFunctionConstructor } from '../../src/notebook/compile';
import { NotebookRuntime, type RunHost } from '../../src/notebook/runtime';
import { ForbiddenError } from '../../src/notebook/forbidden';
import { buildGraph, runPlan } from '../../src/notebook/graph';
import type { Analysis, Output } from '../../src/notebook/types';
import { tf } from '../../src/core/tf';
import '../../src/notebook/chained-ops';
import { useBackend } from '../core/helpers';
import { numberControl } from '../../src/notebook/controls';

const AsyncFunction = (async () => {}).constructor as AsyncFunctionConstructor;

/** A tiny API: tf, display, a slider, and a stand-in that fails like the sandbox's. */
const api = (host: RunHost) => ({
  tf,
  display: (v: unknown) => host.display(v),
  slider: (o: object) => host.control(numberControl('slider', o)),
  localStorage: new Proxy(
    {},
    {
      get: () => {
        throw new ForbiddenError('localStorage', 'cells cannot use localStorage');
      },
    },
  ),
});

/** A page of cells: sources by id, run through the graph like the page does. */
class Page {
  readonly runtime = new NotebookRuntime(api, AsyncFunction);
  readonly sources = new Map<string, string>();
  readonly outputs = new Map<string, readonly Output[]>();
  readonly errors = new Map<string, string>();

  set(id: string, source: string): this {
    this.sources.set(id, source);
    return this;
  }

  analyses(): Map<string, Analysis> {
    const map = new Map<string, Analysis>();
    for (const [id, source] of this.sources) {
      const result = analyzeCell(source);
      if ('error' in result) throw new Error(result.error.message);
      map.set(id, result);
    }
    return map;
  }

  /** Runs `id` and everything downstream; returns the ids that ran, in order. */
  async run(id: string): Promise<string[]> {
    const analyses = this.analyses();
    const graph = buildGraph([...analyses].map(([cellId, a]) => ({ id: cellId, declares: a.declares, uses: a.uses })));
    const plan = runPlan(graph, id);
    for (const cellId of plan) {
      const result = await this.runtime.run(cellId, analyses.get(cellId) as Analysis);
      this.outputs.set(cellId, result.outputs);
      if (result.error) this.errors.set(cellId, result.error.message);
      else this.errors.delete(cellId);
    }
    return plan;
  }

  value(id: string): unknown {
    const last = this.outputs.get(id)?.at(-1);
    return last?.kind === 'inspect' && last.node.type === 'number' ? last.node.value : last;
  }
}

beforeAll(() => useBackend('cpu'));
afterAll(() => undefined);

describe('NotebookRuntime with the dependency graph', () => {
  it('re-runs the cells that use a name, in dependency order, with the new value', async () => {
    const page = new Page().set('b', 'const y = x * 2;\ny').set('a', 'const x = 3;').set('c', 'y + 1');
    expect(await page.run('a')).toEqual(['a', 'b', 'c']);
    expect(page.value('b')).toBe(6);
    expect(page.value('c')).toBe(7);
    page.set('a', 'const x = 10;');
    await page.run('a');
    expect(page.value('b')).toBe(20);
    expect(page.value('c')).toBe(21);
  });

  it('makes users fail with "x is not defined" once the declaration is removed, instead of keeping the old value', async () => {
    const page = new Page().set('a', 'const x = 1;').set('b', 'x + 1');
    await page.run('a');
    expect(page.value('b')).toBe(2);
    page.set('a', 'const renamed = 1;');
    await page.run('a');
    await page.run('b');
    expect(page.errors.get('b')).toBe('ReferenceError: x is not defined');
  });

  it('places a runtime error at its line and column in the cell', async () => {
    const page = new Page().set('a', 'const ok: number = 1;\nconst bad = ok.toFixed(2).nope.deeper;');
    const result = await page.runtime.run('a', page.analyses().get('a') as Analysis);
    expect(result.error).toMatchObject({ code: 'runtime', line: 2, col: 31 });
  });

  it('reports a forbidden API by name', async () => {
    const page = new Page().set('a', "localStorage.getItem('k')");
    const result = await page.runtime.run('a', page.analyses().get('a') as Analysis);
    expect(result.error).toMatchObject({ code: 'forbidden', name: 'localStorage' });
  });

  it('shows display() outputs before the value, and a slider keeps the value the reader chose', async () => {
    const page = new Page().set(
      'a',
      "display('hello');\nconst beta = slider({ min: 0, max: 4, step: 0.5, value: 1, label: 'β' });\nbeta",
    );
    await page.run('a');
    expect(page.outputs.get('a')?.map((o) => o.kind)).toEqual(['inspect', 'control', 'inspect']);
    expect(page.value('a')).toBe(1);
    page.runtime.choose('a', 0, 2.5);
    await page.run('a');
    expect(page.value('a')).toBe(2.5);
    page.runtime.choose('a', 0, 99);
    await page.run('a');
    expect(page.value('a')).toBe(1);
  });

  it('frees the tensors a cell made when it re-runs: 50 re-runs leave tf.memory().numTensors flat', async () => {
    const page = new Page().set(
      'a',
      'const t = tf.randomNormal([10, 10]);\nconst pair = { u: tf.ones([3]), v: [tf.zeros([2])] };\ntf.add(t, 1).sum()',
    );
    await page.run('a');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) await page.run('a');
    expect(tf.memory().numTensors).toBe(before);
    page.runtime.forget('a');
    expect(tf.memory().numTensors).toBe(before - 3);
  });

  it('leaves a cached model alone when the cell that first loaded it re-runs (its weights belong to the page cache)', async () => {
    const shared = new WeakSet<object>();
    let model: { weights: tf.Variable } | null = null;
    // Loaded lazily inside the first run's scope, as loadPretrained does, then handed out from the cache.
    const load = () =>
      (model ??= (() => {
        const m = { weights: tf.variable(tf.ones([4])) };
        shared.add(m);
        return m;
      })());
    const runtime = new NotebookRuntime((host) => ({ ...api(host), load }), AsyncFunction, shared);
    const analysis = analyzeCell('const model = load();\nmodel.weights.sum()');
    if ('error' in analysis) throw new Error(analysis.error.message);
    for (let run = 0; run < 3; run++) {
      const result = await runtime.run('a', analysis);
      expect(result.error).toBeUndefined();
      expect(result.outputs.at(-1)).toMatchObject({ kind: 'tensor', mean: 4 });
    }
    runtime.forget('a');
    expect(model!.weights.isDisposed).toBe(false);
    model!.weights.dispose();
  });

  it('keeps tensors a later cell uses, and disposes objects with dispose() when their cell re-runs', async () => {
    const page = new Page()
      .set(
        'a',
        'let disposed = 0;\nconst thing = { dispose() { disposed++; } };\nconst w = tf.ones([2]);\nconst count = () => disposed;',
      )
      .set('b', 'w.sum()');
    await page.run('a');
    expect(page.outputs.get('b')?.[0]).toMatchObject({ kind: 'tensor', mean: 2 });
    const thing = page.runtime.names().get('thing') as object;
    await page.run('a');
    expect(thing).not.toBe(page.runtime.names().get('thing'));
  });
});
