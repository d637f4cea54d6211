/**
 * Loop protection for reader code that runs where no worker can be terminated for it: chapter 6's loss, inside the
 * lab's worker. Every loop body of the compiled cell starts with `if (__loopGuard__()) break;` (the loop-protect of
 * CodePen and JS Bin), and a `Deadline` answers that call: false until the time given to the current call has passed,
 * true from then on. The loops break rather than throw, so a `try`/`catch` in the reader's loop cannot swallow the
 * stop and spin again; `Deadline.within` then throws `TimeLimitError`, whatever the stopped code went on to return.
 */
import { parse, type Node } from 'acorn';
import { full } from 'acorn-walk';
import { PARSE_OPTIONS } from './analyze';
import { decodeMappings, encodeMappings } from './sourcemap';
import type { Analysis } from './types';

/** The name the instrumented loops call; compile the cell with it as an input bound to `Deadline.check`. */
export const LOOP_GUARD = '__loopGuard__';

const CHECK = `if (${LOOP_GUARD}()) break;`;
const LOOPS = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement']);

/** Code ran past its time limit and was stopped; `limitMs` is the limit it had. */
export class TimeLimitError extends Error {
  override readonly name = 'TimeLimitError';
  /** Records the limit, in milliseconds. */
  constructor(readonly limitMs: number) {
    super(`stopped after ${limitMs / 1000} s`);
  }
}

/** The clock a deadline reads, in milliseconds (tests pass a fake one). */
export type NowMs = () => number;

/** Time limits for calls into instrumented code. */
export interface Deadline {
  /** What every instrumented loop calls: true once the current call's time is up (the loop then breaks). */
  readonly check: () => boolean;
  /** Runs `run` with `limitMs` to go; throws `TimeLimitError` if a loop found the time up, else returns what it did. */
  within<T>(limitMs: number, run: () => T): T;
  /** The same for asynchronous code (a cell's top level): the limit covers every await until it settles. */
  withinAsync<T>(limitMs: number, run: () => Promise<T>): Promise<T>;
}

/** A deadline on `now`; outside `within`, `check` never stops anything. */
export function createDeadline(now: NowMs = () => performance.now()): Deadline {
  let end = Infinity;
  let over = false;
  const check = () => {
    if (!over && now() > end) over = true;
    return over;
  };
  const start = (limitMs: number) => {
    end = now() + limitMs;
    over = false;
  };
  const finish = (limitMs: number) => {
    const stopped = over;
    end = Infinity;
    over = false;
    if (stopped) throw new TimeLimitError(limitMs);
  };
  return {
    check,
    within(limitMs, run) {
      start(limitMs);
      // finish() throws when a loop was stopped: the time limit is the news, not what the stopped code returned.
      try {
        return run();
      } finally {
        finish(limitMs);
      }
    },
    async withinAsync(limitMs, run) {
      start(limitMs);
      try {
        return await run();
      } finally {
        finish(limitMs);
      }
    },
  };
}

/** One piece of text put into the code before offset `at`. */
interface Insertion {
  readonly at: number;
  readonly text: string;
}

/** Where the checks go: first thing in each loop body; a body without braces gets them. */
function insertions(js: string): Insertion[] {
  const found: Insertion[] = [];
  full(parse(js, PARSE_OPTIONS), (node) => {
    if (!LOOPS.has(node.type)) return;
    const body = (node as Node & { body: Node }).body;
    if (body.type === 'BlockStatement') found.push({ at: body.start + 1, text: CHECK });
    else found.push({ at: body.start, text: `{${CHECK}` }, { at: body.end, text: '}' });
  });
  return found.sort((a, b) => a.at - b.at);
}

/** Moves every generated column of `mappings` right past the text inserted before it on its line (no line is added). */
function shiftMappings(js: string, mappings: string, added: readonly Insertion[]): string {
  const lineStarts = [0];
  for (let i = 0; i < js.length; i++) if (js[i] === '\n') lineStarts.push(i + 1);
  const lines = decodeMappings(mappings);
  const byLine = new Map<number, { col: number; length: number }[]>();
  for (const { at, text } of added) {
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > at) line -= 1;
    const list = byLine.get(line) ?? [];
    list.push({ col: at - lineStarts[line]!, length: text.length });
    byLine.set(line, list);
  }
  const shifted = lines.map((segments, line) => {
    const here = byLine.get(line);
    if (!here) return segments;
    return segments.map((s) => ({
      ...s,
      genCol: s.genCol + here.reduce((sum, i) => sum + (i.col <= s.genCol ? i.length : 0), 0),
    }));
  });
  return encodeMappings(shifted);
}

/**
 * The analysis of a cell with a guard in every loop: its code, source map and last expression moved to match, so an
 * error still reports the reader's own line and column. The compiled cell takes `LOOP_GUARD` as one more input.
 */
export function guardLoops(analysis: Analysis): Analysis {
  const { js, mappings, lastExpression } = analysis;
  const added = insertions(js);
  if (added.length === 0) return analysis;
  let guarded = '';
  let from = 0;
  for (const { at, text } of added) {
    guarded += js.slice(from, at) + text;
    from = at;
  }
  guarded += js.slice(from);
  const before = (offset: number, inclusive: boolean) =>
    added.reduce((sum, i) => sum + (i.at < offset || (inclusive && i.at === offset) ? i.text.length : 0), 0);
  return {
    ...analysis,
    js: guarded,
    mappings: shiftMappings(js, mappings, added),
    lastExpression: lastExpression
      ? [lastExpression[0] + before(lastExpression[0], true), lastExpression[1] + before(lastExpression[1], false)]
      : null,
  };
}
