import { describe, expect, it } from 'vitest';
import { analyzeCell, isAnalysisError } from '../../src/notebook/analyze';
import { compileCell, type AsyncFunctionConstructor } from '../../src/notebook/compile';
import { LOOP_GUARD, TimeLimitError, createDeadline, guardLoops } from '../../src/notebook/loop-guard';
import { decodeMappings, encodeMappings } from '../../src/notebook/sourcemap';
import type { Analysis } from '../../src/notebook/types';

const AsyncFunction = (async () => {}).constructor as AsyncFunctionConstructor;

/** Analyses code that must be valid. */
function ok(source: string): Analysis {
  const result = analyzeCell(source);
  if (isAnalysisError(result)) throw new Error(result.error.message);
  return result;
}

/** A clock that moves `stepMs` forward each time it is read: a loop "runs" for as long as it keeps checking. */
function fakeClock(stepMs: number) {
  let t = 0;
  return () => (t += stepMs);
}

/** Compiles `source` with its loops guarded and runs it within `limitMs` of a fake clock; its result or its error. */
async function runGuarded(source: string, limitMs = 100) {
  const deadline = createDeadline(fakeClock(1));
  const cell = await compileCell('g', guardLoops(ok(source)), [LOOP_GUARD], AsyncFunction);
  try {
    return { result: await deadline.withinAsync(limitMs, () => cell.run({ [LOOP_GUARD]: deadline.check })) };
  } catch (error) {
    return { error, at: cell.position(error) };
  }
}

describe('createDeadline(now)', () => {
  it('check() is false until the limit has passed on the clock, then true until the call ends', () => {
    let now = 0;
    const deadline = createDeadline(() => now);
    const seen: boolean[] = [];
    expect(() =>
      deadline.within(2000, () => {
        for (const t of [0, 1999, 2000, 2001, 2002]) {
          now = t;
          seen.push(deadline.check());
        }
        return 'finished anyway';
      }),
    ).toThrow(TimeLimitError);
    expect(seen).toEqual([false, false, false, true, true]);
  });

  it('within() returns what the call returned when no loop ran out of time, and check() is false outside a call', () => {
    let now = 0;
    const deadline = createDeadline(() => now);
    expect(deadline.within(10, () => 7)).toBe(7);
    now = 1e9;
    expect(deadline.check()).toBe(false);
    // A new call has its own limit: the last call's time being long past stops nothing.
    expect(deadline.within(10, () => deadline.check())).toBe(false);
  });

  it('the time limit replaces an error the stopped code threw after its loop broke; other errors pass through', () => {
    let now = 0;
    const deadline = createDeadline(() => now);
    const late = () => {
      now += 50;
      deadline.check();
      throw new TypeError('x is undefined');
    };
    expect(() => deadline.within(10, late)).toThrow(TimeLimitError);
    expect(() => deadline.within(100, late)).toThrow(TypeError);
  });
});

describe('guardLoops(analysis)', () => {
  it.each([
    // [a cell whose loop never ends on its own]
    ['while (true) {}'],
    ['while (true);'],
    ['do {} while (true);'],
    ['for (;;) {}'],
    ['for (;;) void 0;'],
    ['const big = { length: Infinity };\nfor (const k in { a: 1 }) for (;;) {}'],
    ['function* all() { for (let i = 0; ; i++) yield i; }\nfor (const i of all()) {}'],
    ['outer: for (;;) { for (;;) { continue outer; } }'],
    // A reader's try/catch cannot swallow the stop: the loop breaks instead of throwing.
    ['while (true) { try { JSON.parse("{"); } catch { /* keep going */ } }'],
    ['const spin = () => { let n = 0; while (n >= 0) n += 1; return n; };\nspin()'],
    ['await new Promise((r) => setTimeout(r, 0));\nwhile (true) {}'],
  ])('stops %j with TimeLimitError', async (source) => {
    const { error } = await runGuarded(source);
    expect(error).toBeInstanceOf(TimeLimitError);
    expect((error as TimeLimitError).limitMs).toBe(100);
  });

  it('leaves loops that end within the limit alone, and keeps the last expression', async () => {
    const { result } = await runGuarded(
      'let s: number = 0;\nfor (const v of [1, 2, 3]) s += v;\nwhile (s < 10) { s++; }\n(() => { let n = 0; do n++; while (n < 5); return s * n; })()',
    );
    expect(result?.value).toBe(50);
    expect(result?.declared).toEqual({ s: 10 });
  });

  it('leaves code without loops exactly as it was', () => {
    const analysis = ok('const a = 1;\na + 1');
    expect(guardLoops(analysis)).toBe(analysis);
  });

  it.each([
    // [the cell, the failing token's line and column in the reader's TypeScript]: loops before it on the same line
    ['for (let i: number = 0; i < 2; i++) {} missing.foo', 1, 40],
    ['const q: number = 5; while (q < 0) q; for (;;) { break; } q * 2 + missing.foo', 1, 67],
    ['let n = 0;\n  do { n++; } while (n < 3); (n as number) + missing', 2, 46],
    ['const xs: number[] = [1];\nfor (const x of xs) { if (x) { nope(); } }', 2, 32],
    ['for (const k in {a: 1}) k;\nconst c = (1 as number) + other;', 2, 27],
  ])('puts a runtime error of %j at the same line and column as without the guard', async (source, line, col) => {
    const plain = await compileCell('p', ok(source), [], AsyncFunction);
    const unguarded = await plain.run({}).then(
      () => undefined,
      (error: unknown) => plain.position(error),
    );
    const { error, at } = await runGuarded(source);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TimeLimitError);
    expect(unguarded).toEqual({ line, col });
    expect(at).toEqual({ line, col });
  });
});

describe('encodeMappings(lines)', () => {
  it('is the inverse of decodeMappings on a TypeScript cell’s source map', () => {
    const { mappings } = ok('const a: number = 1;\nfunction f(x: string[]): number { return x.length; }\n\nf([]) + a');
    const decoded = decodeMappings(mappings);
    expect(decodeMappings(encodeMappings(decoded))).toEqual(decoded);
  });
});
