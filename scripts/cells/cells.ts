/** The shipped cells: where their files are, their code without comments, and running them in Node like the page does. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { analyzeCell } from '../../src/notebook/analyze';
import { buildGraph } from '../../src/notebook/graph';
import { NotebookRuntime } from '../../src/notebook/runtime';
import { createApi, createLoaders, type ApiEnvironment } from '../../src/notebook/api';
import { plotForCells } from '../../src/notebook/plot-env';
import type { AsyncFunctionConstructor } from '../../src/notebook/compile';
import type { Analysis, CellError, Output } from '../../src/notebook/types';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The seed of every recorded run (each cell draws from its own stream of it). */
export const RECORD_SEED = 1;

/** What a recorded output file holds (language-independent). */
export interface RecordedCell {
  readonly version: 1;
  readonly outputs: readonly Output[];
  readonly error?: CellError;
}

/** A cell's source file. */
export const cellPath = (lang: string, chapter: string, name: string) =>
  join(ROOT, 'chapters', lang, 'cells', chapter, `${name}.ts`);
/** A cell's recorded output file. */
export const outputPath = (chapter: string, name: string) =>
  join(ROOT, 'chapters', 'cells', chapter, `${name}.output.json`);

/** Chapters with cells, and each one's cell names (sorted), for a language. */
export function listCells(lang = 'en'): Map<string, string[]> {
  const dir = join(ROOT, 'chapters', lang, 'cells');
  const map = new Map<string, string[]>();
  if (!existsSync(dir)) return map;
  for (const chapter of readdirSync(dir).sort()) {
    map.set(
      chapter,
      readdirSync(join(dir, chapter))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => f.slice(0, -3))
        .sort(),
    );
  }
  return map;
}

/** The code's tokens without comments or whitespace: equal for en and zh when only comments differ. */
export function codeTokens(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan())
    tokens.push(scanner.getTokenText());
  return tokens;
}

/** The API environment in Node: the book's files from public/, Plot on linkedom. */
export function nodeEnvironment(): ApiEnvironment {
  const plot = plotForCells();
  return {
    loadBytes: async (path) => new Uint8Array(await readFile(join(ROOT, 'public', path))),
    plot: () => plot,
    seed: RECORD_SEED,
  };
}

/** Runs a chapter's cells (English sources) in dependency order, in one runtime, as a fresh page would. */
export async function runChapter(chapter: string, names: readonly string[]): Promise<Map<string, RecordedCell>> {
  const env = nodeEnvironment();
  const shared = new WeakSet<object>();
  const loaders = createLoaders(env, shared);
  const runtime = new NotebookRuntime(
    (host, id) => createApi(env, loaders, host, id),
    (async () => {}).constructor as AsyncFunctionConstructor,
    shared,
  );
  const analyses = new Map<string, Analysis | { error: CellError }>(
    names.map((n) => [n, analyzeCell(readFileSync(cellPath('en', chapter, n), 'utf8'))]),
  );
  const ok = [...analyses].filter((e): e is [string, Analysis] => !('error' in e[1]));
  const graph = buildGraph(ok.map(([id, a]) => ({ id, declares: a.declares, uses: a.uses })));
  const results = new Map<string, RecordedCell>();
  for (const [name, analysis] of analyses)
    if ('error' in analysis) results.set(name, { version: 1, outputs: [], error: analysis.error });
  for (const [name, error] of graph.errors) results.set(name, { version: 1, outputs: [], error });
  for (const name of graph.order) {
    const failed = (graph.parents.get(name) ?? []).find((p) => results.get(p)?.error);
    const result = failed
      ? { outputs: [], error: { code: 'upstream', name: failed, message: `${failed} failed` } as CellError }
      : await runtime.run(`${chapter}/${name}`, analyses.get(name) as Analysis);
    results.set(name, { version: 1, outputs: result.outputs, ...(result.error ? { error: result.error } : {}) });
  }
  for (const name of names) runtime.forget(`${chapter}/${name}`);
  return results;
}
