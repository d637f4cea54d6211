/** The sandbox's analysis cache: the same source is analysed once, a changed one anew, and the oldest leaves first. */
import { describe, expect, it } from 'vitest';
import { analyzeCell } from '../../src/notebook/analyze';
import { createAnalysisCache, type AnalysisResult } from '../../src/notebook/analysis-cache';

/** analyzeCell, counting its calls by source. */
function countingAnalyze() {
  const calls: string[] = [];
  return { calls, analyze: (source: string): AnalysisResult => (calls.push(source), analyzeCell(source)) };
}

describe('createAnalysisCache()', () => {
  it('analyses a source once and gives back the same analysis for it, a syntax error included', () => {
    const { calls, analyze } = countingAnalyze();
    const cached = createAnalysisCache(analyze);
    const first = cached('const a: number = 1;\na + 1');
    expect(cached('const a: number = 1;\na + 1')).toBe(first);
    expect(first).toMatchObject({ declares: ['a'], uses: [] });
    const broken = cached('const = ;');
    expect(cached('const = ;')).toBe(broken);
    expect(broken).toHaveProperty('error.code', 'syntax');
    expect(calls).toEqual(['const a: number = 1;\na + 1', 'const = ;']);
  });

  it('analyses an edited source anew', () => {
    const { calls, analyze } = countingAnalyze();
    const cached = createAnalysisCache(analyze);
    expect(cached('const b = 2;')).toMatchObject({ declares: ['b'] });
    expect(cached('const c = b;')).toMatchObject({ declares: ['c'], uses: ['b'] });
    expect(calls).toHaveLength(2);
  });

  it('keeps at most `kept` sources, dropping the least recently used', () => {
    const { calls, analyze } = countingAnalyze();
    const cached = createAnalysisCache(analyze, 2);
    cached('1');
    cached('2');
    cached('1');
    cached('3');
    cached('1');
    cached('2');
    expect(calls).toEqual(['1', '2', '3', '2']);
  });
});
