import { describe, expect, it } from 'vitest';
import { analyzeCell, isAnalysisError } from '../../src/notebook/analyze';
import { compileCell, type AsyncFunctionConstructor } from '../../src/notebook/compile';
import type { Analysis } from '../../src/notebook/types';

const AsyncFunction = (async () => {}).constructor as AsyncFunctionConstructor;

/** Analyses code that must be valid. */
function ok(source: string): Analysis {
  const result = analyzeCell(source);
  if (isAnalysisError(result)) throw new Error(result.error.message);
  return result;
}

/** Compiles and runs a cell, returning its result or the position of its error in the reader's code. */
async function evaluate(source: string, values: Record<string, unknown> = {}) {
  const cell = await compileCell('t', ok(source), Object.keys(values), AsyncFunction);
  try {
    return { result: await cell.run(values) };
  } catch (error) {
    return { error: error as Error, at: cell.position(error) };
  }
}

describe('compileCell(id, analysis, inputs)', () => {
  it('returns the last expression as the value and every top-level declaration', async () => {
    const { result } = await evaluate(
      'const a: number = 2;\nfunction twice(x: number): number { return 2 * x; }\ntwice(a) + b',
      { b: 1 },
    );
    expect(result?.hasValue).toBe(true);
    expect(result?.value).toBe(5);
    expect(Object.keys(result?.declared ?? {}).sort()).toEqual(['a', 'twice']);
  });

  it('has no value when the cell ends with a declaration', async () => {
    const { result } = await evaluate('const a = 1;');
    expect(result?.hasValue).toBe(false);
    expect(result?.declared).toEqual({ a: 1 });
  });

  it('lets top-level await work', async () => {
    const { result } = await evaluate('const v = await Promise.resolve(41);\nv + 1');
    expect(result?.value).toBe(42);
  });

  it('is strict: assigning an undeclared name throws instead of creating a global other cells could read', async () => {
    const { error } = await evaluate('leaked = 1;');
    expect(error?.message).toMatch(/leaked is not defined/);
    expect((globalThis as Record<string, unknown>)['leaked']).toBeUndefined();
  });

  it.each([
    // [the cell, the failing token's line and column in the reader's TypeScript]
    ['const q: number = 5;\n  q * 2 + missing.foo', 2, 11],
    ['const a: number = 1, b: string[] = [];\nconst c = (a as number) + other;', 2, 27],
    ['missing()', 1, 1],
    ['const s: string = "x";\n\nnotHere;', 3, 1],
  ])('puts a runtime error of %j at its line and column in the cell', async (source, line, col) => {
    const { error, at } = await evaluate(source);
    expect(error?.message).toMatch(/is not defined/);
    expect(at).toEqual({ line, col });
  });
});
