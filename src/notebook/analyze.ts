/** Analysis of one cell: strip TypeScript types, parse (top-level await allowed), find what it declares and uses. */
import { transform } from 'sucrase';
import { parse, type Node, type Program } from 'acorn';
import { full } from 'acorn-walk';
import { analyze as scopes } from 'periscopic';
import { decodeMappings, originalPosition } from './sourcemap';
import type { Analysis, CellError } from './types';

/** acorn's options for a cell: today's syntax, strict (module) semantics, await at the top level. */
export const PARSE_OPTIONS = Object.freeze({
  ecmaVersion: 'latest',
  sourceType: 'module',
  allowAwaitOutsideFunction: true,
  locations: true,
} as const);

/** Thrown inside the analysis, turned into a CellError by `analyzeCell`. */
class AnalysisFailure extends Error {
  constructor(readonly error: CellError) {
    super(error.message);
  }
}

/** Strips types with Sucrase, which keeps lines and maps each token back; a TS syntax error keeps its position. */
function stripTypes(source: string): { js: string; mappings: string } {
  try {
    const result = transform(source, {
      transforms: ['typescript'],
      disableESTransforms: true,
      keepUnusedImports: true,
      filePath: 'cell.ts',
      sourceMapOptions: { compiledFilename: 'cell.js' },
    });
    return { js: result.code, mappings: result.sourceMap?.mappings ?? '' };
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\(\d+:\d+\)$/, '');
    throw new AnalysisFailure({
      code: 'syntax',
      message,
      ...(loc ? { line: loc.line, col: Math.max(1, loc.column) } : {}),
    });
  }
}

/** Parses the plain JavaScript; a syntax error's position is mapped back to the reader's TypeScript. */
function parseJs(js: string, mappings: string): Program {
  try {
    return parse(js, PARSE_OPTIONS);
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\(\d+:\d+\)$/, '');
    const at = loc ? originalPosition(decodeMappings(mappings), loc.line, loc.column + 1) : undefined;
    throw new AnalysisFailure({ code: 'syntax', message, ...(at ?? {}) });
  }
}

/** Rejects import, export, import() and import.meta: a cell reaches the engine through its API, never by loading code. */
function rejectModules(ast: Program, js: string, mappings: string): void {
  let found: Node | undefined;
  full(ast, (node) => {
    const forbidden =
      /^(Import|Export)/.test(node.type) ||
      (node.type === 'MetaProperty' && js.slice(node.start, node.start + 6) === 'import');
    if (forbidden && (!found || node.start < found.start)) found = node;
  });
  if (!found) return;
  const start = found.loc?.start;
  const at = start ? originalPosition(decodeMappings(mappings), start.line, start.column + 1) : {};
  throw new AnalysisFailure({
    code: 'module',
    message:
      'cells cannot import or export: the engine, tf and Plot are already available by name (see the API appendix)',
    ...at,
  });
}

/** Analyses a cell's TypeScript; returns its plain JavaScript, declarations and free names, or its syntax error. */
export function analyzeCell(source: string): Analysis | { error: CellError } {
  try {
    const { js, mappings } = stripTypes(source);
    const ast = parseJs(js, mappings);
    rejectModules(ast, js, mappings);
    const { scope, globals } = scopes(ast as never);
    const last = ast.body.at(-1);
    return {
      js,
      mappings,
      declares: [...scope.declarations.keys()],
      uses: [...globals.keys()],
      lastExpression: last?.type === 'ExpressionStatement' ? [last.expression.start, last.expression.end] : null,
    };
  } catch (e) {
    if (e instanceof AnalysisFailure) return { error: e.error };
    throw e;
  }
}

/** True when an analysis result is an error. */
export function isAnalysisError(result: Analysis | { error: CellError }): result is { error: CellError } {
  return 'error' in result;
}
