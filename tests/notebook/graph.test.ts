import { describe, expect, it } from 'vitest';
import { buildGraph, downstream, runPlan, upstream, type GraphCell } from '../../src/notebook/graph';

const cell = (id: string, declares: string[], uses: string[] = []): GraphCell => ({ id, declares, uses });

describe('buildGraph(cells)', () => {
  it('orders cells by dependency, page order among independent ones', () => {
    const graph = buildGraph([cell('b', ['y'], ['x']), cell('a', ['x']), cell('c', ['z']), cell('d', [], ['y', 'z'])]);
    expect(graph.order).toEqual(['a', 'c', 'b', 'd']);
    expect(graph.producers.get('y')).toBe('b');
    expect(graph.errors.size).toBe(0);
  });

  it('marks a name declared by two cells as an error on both, and neither produces it', () => {
    const graph = buildGraph([cell('a', ['x']), cell('b', ['x']), cell('c', [], ['x'])]);
    expect(graph.errors.get('a')).toMatchObject({ code: 'duplicate', name: 'x' });
    expect(graph.errors.get('b')).toMatchObject({ code: 'duplicate', name: 'x' });
    expect(graph.order).toEqual(['c']);
    expect(graph.producers.has('x')).toBe(false);
  });

  it('marks cells in a cycle as errors', () => {
    const graph = buildGraph([cell('a', ['x'], ['y']), cell('b', ['y'], ['x']), cell('c', ['z'])]);
    expect(graph.errors.get('a')?.code).toBe('cycle');
    expect(graph.errors.get('b')?.code).toBe('cycle');
    expect(graph.order).toEqual(['c']);
  });

  it('ignores a cell that uses its own names', () => {
    const graph = buildGraph([cell('a', ['x'], ['x'])]);
    expect(graph.order).toEqual(['a']);
  });
});

describe('downstream, upstream and runPlan', () => {
  const graph = buildGraph([
    cell('a', ['x']),
    cell('b', ['y'], ['x']),
    cell('c', [], ['y']),
    cell('d', [], ['x']),
    cell('e', ['w']),
  ]);

  it('runPlan(a) re-runs every cell that uses its names, directly or not, in dependency order', () => {
    expect(runPlan(graph, 'a')).toEqual(['a', 'b', 'c', 'd']);
    expect(downstream(graph, 'b')).toEqual(['c']);
    expect(runPlan(graph, 'e')).toEqual(['e']);
  });

  it('upstream(c) lists what c needs, in order', () => {
    expect(upstream(graph, 'c')).toEqual(['a', 'b']);
    expect(upstream(graph, 'a')).toEqual([]);
  });

  it('runPlan of a cell in error runs nothing', () => {
    const broken = buildGraph([cell('a', ['x']), cell('b', ['x'])]);
    expect(runPlan(broken, 'a')).toEqual([]);
  });
});
