import { describe, expect, it } from 'vitest';
import { cpuBlocking, longTasks, summarise } from '../../../scripts/lib/trace-tasks.mjs';

const MAIN = { pid: 1, tid: 7 };
const OTHER = { pid: 1, tid: 9 };
const meta = [
  { ph: 'M', name: 'thread_name', ...MAIN, args: { name: 'CrRendererMain' } },
  { ph: 'M', name: 'thread_name', ...OTHER, args: { name: 'DedicatedWorker thread' } },
];
/** A complete event: `ts`/`dur`/`tdur` in ms (the trace keeps µs). */
const x = (name: string, ts: number, dur: number, tdur: number | null, thread = MAIN, args = {}) => ({
  ph: 'X',
  name,
  ...thread,
  ts: ts * 1000,
  dur: dur * 1000,
  ...(tdur === null ? {} : { tdur: tdur * 1000 }),
  args,
});

const events = [
  ...meta,
  // 120 ms task: 70 ms layout, 30 ms of script (of which 10 ms a nested style recalc), 20 ms nothing traced.
  x('RunTask', 0, 120, 110),
  x('Layout', 5, 70, 60),
  x('FunctionCall', 80, 30, 30, MAIN, {
    data: { functionName: 'draw', url: 'http://x/_astro/chart-views.AbCdEf12.js' },
  }),
  x('UpdateLayoutTree', 85, 10, 10),
  // A nested run inside the first task's span that is not a task of its own.
  x('ThreadControllerImpl::RunTask', 10, 5, 5),
  // 60 ms of wall time but 12 ms on the CPU: a task that waited for a core.
  x('RunTask', 200, 60, 12),
  // Short: 30 ms wall, 20 ms CPU (80 ms at 4×).
  x('RunTask', 300, 30, 20),
  // Long, but on a worker thread: not the page's main thread.
  x('RunTask', 400, 500, 500, OTHER),
];

describe('longTasks(events) and summarise(tasks)', () => {
  it('finds the main thread’s tasks of 50 ms or more, outermost only, with their phases and scripts', () => {
    const tasks = longTasks(events);
    expect(tasks.map((t: { ms: number; cpuMs: number }) => [t.ms, t.cpuMs])).toEqual([
      [120, 110],
      [60, 12],
    ]);
    const [first] = tasks;
    expect(first.phases).toEqual([
      { name: 'layout', ms: 70 },
      { name: 'script', ms: 20 },
      { name: 'unattributed', ms: 20 },
      { name: 'style', ms: 10 },
    ]);
    expect(first.scripts).toEqual([{ name: 'FunctionCall: draw @ chart-views.js', ms: 20 }]);
    expect(summarise(tasks)).toEqual({ count: 2, maxMs: 120, tbtMs: 80, cpuCount: 1, cpuMaxMs: 110 });
  });

  it('counts from a start mark on', () => {
    expect(longTasks(events, { fromUs: 150_000 }).map((t: { ms: number }) => t.ms)).toEqual([60]);
  });
});

describe('cpuBlocking(events)', () => {
  it('scales each task’s own CPU time (not its wall time) by the slowdown', () => {
    // 110·4 = 440, 12·4 = 48 (under 50), 20·4 = 80: two tasks, blocking 390 + 30.
    expect(cpuBlocking(events)).toEqual({ slowdown: 4, count: 2, maxMs: 440, tbtMs: 420 });
    expect(cpuBlocking(events, { slowdown: 1 })).toEqual({ slowdown: 1, count: 1, maxMs: 110, tbtMs: 60 });
  });
});
