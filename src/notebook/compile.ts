/** Compiling a cell: its code becomes an async function of its inputs that returns its value and its declarations. */
import { decodeMappings, originalPosition } from './sourcemap';
import type { Analysis } from './types';

/** The constructor of async functions, captured before the sandbox replaces the global one. */
export type AsyncFunctionConstructor = new (...argsAndBody: string[]) => (...args: unknown[]) => Promise<unknown>;

/** What one evaluation of a cell returns. */
export interface CellResult {
  readonly hasValue: boolean;
  readonly value: unknown;
  readonly declared: Readonly<Record<string, unknown>>;
}

/** A compiled cell: call it with the values of the names it takes from other cells. */
export interface CompiledCell {
  readonly inputs: readonly string[];
  run(values: Readonly<Record<string, unknown>>): Promise<CellResult>;
  /** The 1-based position in the reader's code of the first frame of this cell in an error's stack, if any. */
  position(error: unknown): { line: number; col: number } | undefined;
}

const STRICT = "'use strict';";
const VALUE = '__cellValue__';
const OPEN = `${VALUE} = (`;

/** `//# sourceURL` names the code in stack traces, so a runtime error can be located inside its cell. */
export const sourceUrl = (id: string) => `cell-${id.replace(/[^\w-]/g, '_')}`;

let lineOffset: Promise<number> | undefined;

/** Lines the engine puts before a function body (`async function anonymous(…\n) {\n` in V8): measured, not assumed. */
function bodyLineOffset(AsyncFunction: AsyncFunctionConstructor): Promise<number> {
  lineOffset ??= new AsyncFunction(`throw new Error('probe');\n//# sourceURL=${sourceUrl('probe')}`)().then(
    () => 0,
    (e: unknown) => (framePosition(e, sourceUrl('probe'))?.line ?? 1) - 1,
  );
  return lineOffset;
}

/** The line and column of the first stack frame inside `url`. */
function framePosition(error: unknown, url: string): { line: number; col: number } | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const match = new RegExp(`${url}:(\\d+):(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), col: Number(match[2]) } : undefined;
}

/** Builds the function body: strict, the last expression captured, the declared names returned. */
function functionBody(analysis: Analysis, url: string): { body: string; valueLine: number; valueCol: number } {
  const { js, lastExpression, declares } = analysis;
  let code = js;
  let valueLine = 0;
  let valueCol = 0;
  if (lastExpression) {
    const [start, end] = lastExpression;
    const before = js.slice(0, start);
    valueLine = before.split('\n').length;
    valueCol = start - before.lastIndexOf('\n');
    code = `${before}${OPEN}${js.slice(start, end)})${js.slice(end)}`;
  }
  const declared = declares.map((name) => `${JSON.stringify(name)}: ${name}`).join(', ');
  const returned = `return { hasValue: ${lastExpression !== null}, value: ${lastExpression ? VALUE : 'undefined'}, declared: { ${declared} } };`;
  const body = `${STRICT}${code}\n;${returned}\nvar ${VALUE};\n//# sourceURL=${url}`;
  return { body, valueLine, valueCol };
}

/** Compiles an analysed cell into an async function of `inputs` (the names it takes from other cells). */
export async function compileCell(
  id: string,
  analysis: Analysis,
  inputs: readonly string[],
  AsyncFunction: AsyncFunctionConstructor,
): Promise<CompiledCell> {
  const url = sourceUrl(id);
  const offset = await bodyLineOffset(AsyncFunction);
  const { body, valueLine, valueCol } = functionBody(analysis, url);
  const fn = new AsyncFunction(...inputs, body);
  const lines = decodeMappings(analysis.mappings);
  const codeLines = analysis.js.split('\n').length;
  return {
    inputs,
    run: async (values) => (await fn(...inputs.map((name) => values[name]))) as CellResult,
    position(error) {
      const frame = framePosition(error, url);
      if (!frame) return undefined;
      const line = frame.line - offset;
      if (line < 1 || line > codeLines) return undefined;
      let col = frame.col - (line === 1 ? STRICT.length : 0);
      if (line === valueLine && col > valueCol) col = Math.max(valueCol, col - OPEN.length);
      return originalPosition(lines, line, col);
    },
  };
}
