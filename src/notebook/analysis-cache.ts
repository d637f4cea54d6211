/** Cell analyses kept by source, so running unchanged code again (Run, a slider's move) skips Sucrase and acorn. */
import { analyzeCell } from './analyze';

/** What analyzeCell returns: the analysis, or the cell's syntax error. */
export type AnalysisResult = ReturnType<typeof analyzeCell>;

/** Sources kept: every cell of the longest chapter several times over, a few MB of strings at most. */
export const ANALYSES_KEPT = 64;

/** Analyses `source`, or returns the analysis of the same source kept from before; the oldest goes past ANALYSES_KEPT. */
export function createAnalysisCache(analyze: (source: string) => AnalysisResult = analyzeCell, kept = ANALYSES_KEPT) {
  const bySource = new Map<string, AnalysisResult>();
  return (source: string): AnalysisResult => {
    const known = bySource.get(source);
    if (known) {
      // Map keeps insertion order: re-inserting marks the source as recently used.
      bySource.delete(source);
      bySource.set(source, known);
      return known;
    }
    const result = analyze(source);
    bySource.set(source, result);
    if (bySource.size > kept) bySource.delete(bySource.keys().next().value as string);
    return result;
  };
}
