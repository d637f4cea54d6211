/** Reads a Chromium performance trace: the renderer main thread's long tasks and what each one spent its time on. */
import { basename } from 'node:path';

/** A task at or over this many milliseconds is "long" (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/** Trace categories that give tasks, their phases (script, style, layout, paint, parse, GC) and JavaScript samples. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink',
  'disabled-by-default-v8.cpu_profiler',
];

/** The phase a trace event's own time counts towards. */
const PHASES = {
  script: [
    'FunctionCall',
    'EvaluateScript',
    'v8.compile',
    'v8.compileModule',
    'v8.evaluateModule',
    'v8.produceModuleCache',
    'V8.Execute',
    'RunMicrotasks',
    'TimerFire',
    'FireAnimationFrame',
    'EventDispatch',
    'FireIdleCallback',
    'v8.callFunction',
    'v8.run',
    'CompileCode',
    'CompileScript',
    'ScriptCompile',
  ],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'ScheduleStyleRecalculation'],
  layout: ['Layout', 'UpdateLayerTree', 'IntersectionObserverController::computeIntersections'],
  paint: ['Paint', 'PrePaint', 'Layerize', 'Commit', 'PaintImage', 'Decode Image', 'UpdateLayer', 'CompositeLayers'],
  parse: ['ParseHTML', 'HTMLDocumentParser::didReceiveParsedChunkFromBackgroundParser'],
  gc: ['MajorGC', 'MinorGC', 'V8.GCScavenger', 'V8.GCFinalizeMC', 'BlinkGC.AtomicPhase', 'V8.GC_MARK_COMPACTOR'],
};
const PHASE_OF = new Map(Object.entries(PHASES).flatMap(([phase, names]) => names.map((n) => [n, phase])));
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The pid:tid keys of every renderer main thread in the trace. */
function mainThreads(events) {
  return new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
}

/** A short name for a script or function: its file and line, without the hash in the bundle's name. */
function scriptLabel(data) {
  const url = data?.url || data?.fileName || '';
  const file = url ? basename(url.split('?')[0]).replace(/\.[A-Za-z0-9_-]{8}\.(m?js)$/, '.$1') : '';
  const fn = data?.functionName || '';
  return [fn, file].filter(Boolean).join(' @ ') || '(script)';
}

/** Self time (ms) per phase and per script inside one task, from the complete events nested in it. */
function breakdown(task, inner) {
  const phases = {};
  const scripts = {};
  const stack = [];
  const add = (e, ms) => {
    const phase = PHASE_OF.get(e.name) ?? e.name;
    phases[phase] = (phases[phase] ?? 0) + ms;
    if (['FunctionCall', 'EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'v8.compile'].includes(e.name)) {
      const key = `${e.name}: ${scriptLabel(e.args?.data ?? e.args)}`;
      scripts[key] = (scripts[key] ?? 0) + ms;
    }
  };
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const done = stack.pop();
      add(done.e, (done.e.dur - done.children) / 1000);
      if (stack.length) stack[stack.length - 1].children += done.e.dur;
    }
  };
  for (const e of inner) {
    close(e.ts);
    stack.push({ e, end: e.ts + e.dur, children: 0 });
  }
  close(Infinity);
  const covered = Object.values(phases).reduce((a, b) => a + b, 0);
  phases.unattributed = Math.max(0, task.dur / 1000 - covered);
  return { phases, scripts };
}

/** JavaScript self time (ms) per function from the trace's CPU profile samples, within [start, end] µs. */
function sampledFunctions(profiles, key, start, end) {
  const out = {};
  for (const p of profiles.get(key) ?? []) {
    for (const s of p.samples) {
      if (s.ts < start || s.ts > end) continue;
      const node = p.nodes.get(s.node);
      const frame = node?.callFrame;
      if (!frame || ['(idle)', '(program)', '(root)'].includes(frame.functionName)) continue;
      const label = frame.functionName === '(garbage collector)' ? '(GC)' : scriptLabel(frame);
      out[label] = (out[label] ?? 0) + s.ms;
    }
  }
  return out;
}

/** The CPU profiles in the trace, per pid:tid, each with its nodes and timed samples (ms each). */
function readProfiles(events) {
  const byId = new Map();
  for (const e of events) {
    if (e.name === 'Profile') {
      const key = `${e.pid}:${e.tid}`;
      byId.set(`${e.pid}:${e.id}`, { key, t: e.args.data.startTime, nodes: new Map(), samples: [] });
    } else if (e.name === 'ProfileChunk') {
      const p = byId.get(`${e.pid}:${e.id}`);
      const cpu = e.args?.data?.cpuProfile;
      if (!p || !cpu) continue;
      for (const n of cpu.nodes ?? []) p.nodes.set(n.id, n);
      const deltas = e.args.data.timeDeltas ?? [];
      (cpu.samples ?? []).forEach((node, i) => {
        const delta = deltas[i] ?? 0;
        p.t += delta;
        p.samples.push({ node, ts: p.t, ms: Math.max(0, delta) / 1000 });
      });
    }
  }
  const byThread = new Map();
  for (const p of byId.values()) byThread.set(p.key, [...(byThread.get(p.key) ?? []), p]);
  return byThread;
}

/** The top `n` entries of a name → ms map, rounded, largest first. */
export function top(map, n = 5) {
  return Object.entries(map)
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
}

/** Every top-level task on the renderer main threads from `fromUs`, outermost only (a task's nested runs are inside it). */
function topLevelTasks(events, fromUs) {
  const mains = mainThreads(events);
  const tasks = events
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && mains.has(`${e.pid}:${e.tid}`) && e.ts >= fromUs)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let end = -Infinity;
  return tasks.filter((e) => (e.ts < end ? false : ((end = e.ts + e.dur), true)));
}

/**
 * What a device `slowdown` times slower than this one would see, from each task's own CPU time (so waits for a core on a
 * busy machine do not count): tasks over 50 ms and their blocking time, Lighthouse's mobile CPU model (4×) by default.
 */
export function cpuBlocking(events, { fromUs = -Infinity, slowdown = 4 } = {}) {
  const scaled = topLevelTasks(events, fromUs)
    .filter((e) => typeof e.tdur === 'number')
    .map((e) => (e.tdur / 1000) * slowdown);
  return {
    slowdown,
    count: scaled.filter((ms) => ms >= LONG_TASK_MS).length,
    maxMs: Math.round(Math.max(0, ...scaled)),
    tbtMs: Math.round(scaled.reduce((a, ms) => a + Math.max(0, ms - LONG_TASK_MS), 0)),
  };
}

/**
 * The long tasks (≥ 50 ms wall time) on the renderer main threads of `events` between `fromUs` and `toUs` (trace µs;
 * omitted = all), each with its wall and thread (CPU) time, phases, scripts and sampled functions; plus totals.
 */
export function longTasks(events, { fromUs = -Infinity, toUs = Infinity } = {}) {
  const mains = mainThreads(events);
  const profiles = readProfiles(events);
  const complete = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && typeof e.dur === 'number');
  const tasks = topLevelTasks(events, fromUs).filter((e) => e.ts <= toUs && e.dur >= LONG_TASK_MS * 1000);
  return tasks.map((task) => {
    const key = `${task.pid}:${task.tid}`;
    const inner = complete.filter(
      (e) => `${e.pid}:${e.tid}` === key && e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur,
    );
    const { phases, scripts } = breakdown(
      task,
      inner.filter((e) => !TASK_NAMES.has(e.name)),
    );
    return {
      atMs: task.ts / 1000,
      ms: Math.round(task.dur / 1000),
      cpuMs: typeof task.tdur === 'number' ? Math.round(task.tdur / 1000) : null,
      phases: top(phases, 8),
      scripts: top(scripts, 5),
      functions: top(sampledFunctions(profiles, key, task.ts, task.ts + task.dur), 6),
    };
  });
}

/** Totals over long tasks: count, longest, total blocking time (the part of each over 50 ms), counted by wall and by CPU time. */
export function summarise(tasks) {
  const over = (ms) => Math.max(0, ms - LONG_TASK_MS);
  const cpu = tasks.filter((t) => (t.cpuMs ?? 0) >= LONG_TASK_MS);
  return {
    count: tasks.length,
    maxMs: Math.max(0, ...tasks.map((t) => t.ms)),
    tbtMs: tasks.reduce((a, t) => a + over(t.ms), 0),
    cpuCount: cpu.length,
    cpuMaxMs: Math.max(0, ...tasks.map((t) => t.cpuMs ?? 0)),
  };
}
