import { beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import * as Plot from '@observablehq/plot';
import { inspect, outputOf, OUTPUT_LIMITS } from '../../src/notebook/outputs';
import { tf } from '../../src/core/tf';
import { useBackend } from '../core/helpers';

beforeAll(() => useBackend('cpu'));

describe('outputOf(value)', () => {
  it.each([
    // [value, the inspector node]
    [3.5, { type: 'number', value: 3.5 }],
    [NaN, { type: 'number', value: 'NaN' }],
    ['β', { type: 'string', text: 'β' }],
    [true, { type: 'boolean', text: 'true' }],
    [null, { type: 'null', text: 'null' }],
  ])('shows %j as a leaf', (value, node) => {
    expect(outputOf(value)).toEqual({ kind: 'inspect', node });
  });

  it('shows objects and arrays as a collapsible tree, limited in depth and length', () => {
    const node = inspect({ a: [1, 2], deep: { b: { c: { d: 1 } } }, long: Array.from({ length: 50 }, (_, i) => i) });
    expect(node).toMatchObject({ type: 'object', label: 'Object', more: 0 });
    if (node.type !== 'object') return;
    const [, a] = node.entries[0] ?? [];
    expect(a).toMatchObject({ type: 'array', label: 'Array(2)', more: 0 });
    const long = node.entries.find(([k]) => k === 'long')?.[1];
    expect(long).toMatchObject({ label: 'Array(50)', more: 50 - OUTPUT_LIMITS.entries });
    const deep = node.entries.find(([k]) => k === 'deep')?.[1];
    expect(JSON.stringify(deep)).toContain('"more":1');
  });

  it('summarises a tensor: shape, dtype, statistics, first values and a heatmap for 2-D', () => {
    const t = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const out = outputOf(t);
    expect(out).toMatchObject({
      kind: 'tensor',
      shape: [2, 3],
      dtype: 'float32',
      min: 1,
      max: 6,
      mean: 3.5,
      first: [1, 2, 3, 4, 5, 6],
    });
    expect(out.kind === 'tensor' && out.std).toBeCloseTo(Math.sqrt(35 / 12), 5);
    expect(out.kind === 'tensor' && out.heatmap).toEqual({ rows: 2, cols: 3, values: [1, 2, 3, 4, 5, 6] });
    const big = outputOf(tf.ones([100, 300]));
    expect(big.kind === 'tensor' && big.heatmap).toMatchObject({
      rows: OUTPUT_LIMITS.heatmapSide,
      cols: OUTPUT_LIMITS.heatmapSide,
    });
    t.dispose();
  });

  it('shows a batch of 784-pixel images in [0, 1] as an image grid, from a tensor or from arrays', () => {
    const batch = tf.fill([3, 784], 0.5);
    expect(outputOf(batch)).toMatchObject({ kind: 'images', count: 3, side: 28 });
    expect(outputOf(tf.zeros([2, 28, 28]))).toMatchObject({ kind: 'images', count: 2 });
    expect(outputOf([new Float32Array(784), new Float32Array(784).fill(1)])).toMatchObject({
      kind: 'images',
      count: 2,
    });
    expect(outputOf(tf.fill([1, 784], 3)).kind).toBe('tensor');
  });

  it('turns a Plot chart into SVG markup with fixed theme colours and its aria-label as the text alternative', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const chart = Plot.plot({ document, ariaLabel: 'a line', marks: [Plot.lineY([1, 3, 2])] } as Plot.PlotOptions);
    const out = outputOf(chart, 'dark');
    expect(out.kind).toBe('svg');
    if (out.kind !== 'svg') return;
    expect(out.label).toBe('a line');
    expect(out.markup).toMatch(/^<svg/);
    expect(out.markup).toContain('color: #e6edf3');
  });
});
