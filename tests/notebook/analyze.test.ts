import { describe, expect, it } from 'vitest';
import { analyzeCell } from '../../src/notebook/analyze';

describe('analyzeCell(source)', () => {
  it('strips types, keeping lines, and lists top-level declarations and free names', () => {
    const result = analyzeCell(
      'const { a, b: [c] }: { a: number; b: number[] } = x;\nfunction f(y: number) { return y + z; }\nclass K {}\nlet q: number;\nq = Math.max(a, c);',
    );
    expect('error' in result).toBe(false);
    if ('error' in result) return;
    expect(result.declares).toEqual(['a', 'c', 'f', 'K', 'q']);
    expect([...result.uses].sort()).toEqual(['Math', 'x', 'z']);
    expect(result.js.split('\n')).toHaveLength(5);
    expect(result.js).not.toMatch(/: number/);
  });

  it('does not count names declared inside functions or blocks', () => {
    const result = analyzeCell('for (let i = 0; i < 2; i++) { const inner = i; }\n{ const block = 1; }');
    expect('error' in result ? result.error : result.declares).toEqual([]);
  });

  it('allows top-level await and finds the last expression', () => {
    const result = analyzeCell('const v = await load();\nv + 1;');
    if ('error' in result) throw new Error(result.error.message);
    expect(result.uses).toEqual(['load']);
    expect(result.js.slice(...(result.lastExpression ?? [0, 0]))).toBe('v + 1');
  });

  it.each([
    // [code, line, column of the error in the reader's code]
    ['const a = 1;\nconst b: = 2', 2, 10],
    ['let x = 1;\nx +* 2', 2, 4],
    ['const a: number = 1;\nconst = 3', 2, 7],
  ])('reports a syntax error in %j at its line and column', (source, line, col) => {
    const result = analyzeCell(source);
    expect('error' in result && result.error).toMatchObject({ code: 'syntax', line, col });
  });

  it.each([
    ['import x from "y";', 1],
    ['const a = 1;\nexport const b = a;', 2],
    ['const m = await import("./m.js");', 1],
    ['const u = import.meta.url;', 1],
  ])('rejects %j with a clear message', (source, line) => {
    const result = analyzeCell(source);
    expect('error' in result && result.error).toMatchObject({ code: 'module', line });
    expect('error' in result && result.error.message).toMatch(/cannot import or export/);
  });
});
