/** Words and tables for the long-task benchmark: console lines for `npm run bench` and a section of docs/PERFORMANCE.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stagesLine } from './longtask-stages.mjs';

const SECTION_TITLE = '## Long tasks where a reader feels them';

const fmt = (n) => (typeof n === 'number' && Number.isFinite(n) ? String(Math.round(n)) : '—');

/** One long task in a line: wall and CPU ms, then what it spent its time on. */
function describeTask(t) {
  const phases = t.phases.map((p) => `${p.name} ${p.ms}`).join(', ');
  const fns = t.functions.length ? t.functions : t.scripts;
  const names = fns.map((f) => `${f.name} ${f.ms}`).join('; ');
  return `${t.ms} ms (CPU ${fmt(t.cpuMs)}): ${phases}${names ? ` — ${names}` : ''}`;
}

/** Console lines: one per scenario and width, and with `detail` each long task's phases and functions. */
export function longTaskLines({ slowdown, rows }, { detail = false } = {}) {
  const lines = [
    `\nlong main-thread tasks (trace; CPU ×${slowdown})    width  tasks ≥ 50 ms  longest  blocking  by CPU time ≥ 50 ms  at 4× CPU: tasks, blocking  lab ready`,
  ];
  for (const r of rows) {
    lines.push(
      `${r.scenario.padEnd(44)} ${String(r.width).padStart(5)}  ${String(r.count).padStart(13)}  ${fmt(r.maxMs).padStart(5)} ms  ${fmt(r.tbtMs).padStart(5)} ms  ${String(r.cpuCount).padStart(18)}  ${String(r.mobile?.count ?? '—').padStart(13)}, ${fmt(r.mobile?.tbtMs).padStart(5)} ms  ${r.readyMs === undefined ? '' : `${r.readyMs} ms`}`,
    );
    if (r.stages?.length) lines.push(`    from the scroll: ${stagesLine(r.stages)}`);
    if (detail) for (const t of r.tasks) lines.push(`    ${describeTask(t)}`);
  }
  return lines;
}

/** A Markdown table from a header row and body rows of cells. */
function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i < 2 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** The PERFORMANCE.md section: the table, then every task of 50 ms or more CPU time, named by what it did. */
export function longTaskSection({ slowdown, chapters, rows, loadAverage = null }) {
  if (!rows?.length) return '';
  const intro = [
    SECTION_TITLE,
    '',
    `A performance trace of headless Chromium (CPU ×${slowdown}) while a reader would feel a stall: loading the three chapters with the most typeset math (${chapters.map((c) => `${c.slug}, ${c.math} formulas`).join('; ')}) with a cold cache; the chapter-6 lab starting as it is scrolled into view (cold, then warm cache; "ready" is from the scroll to the lab's ready state); and the first seconds after the click on Train with a viewport tall enough that every chart is in view (so no chart is spared its redraw). A task is long at 50 ms of wall time; "blocking" is the total over 50 ms (Lighthouse's TBT). A busy machine makes a task's wall time include time it waited for a core${loadAverage ? ` (load average over this run: ${loadAverage.start.toFixed(1)} → ${loadAverage.end.toFixed(1)} on ${loadAverage.cores} cores)` : ''}; the CPU-time column counts only tasks whose own thread time reached 50 ms, and the "4× CPU" columns scale every task's own CPU time by four (Lighthouse's mobile model: what a phone about four times slower than this machine would see).`,
    '',
  ];
  const body = table(
    [
      'scenario',
      'width',
      'tasks ≥ 50 ms',
      'longest (ms)',
      'blocking (ms)',
      'tasks ≥ 50 ms CPU',
      'at 4× CPU: tasks ≥ 50 ms',
      'at 4× CPU: blocking (ms)',
      'lab ready (ms)',
    ],
    rows.map((r) => [
      r.scenario,
      `${r.width} px`,
      String(r.count),
      fmt(r.maxMs),
      fmt(r.tbtMs),
      String(r.cpuCount),
      String(r.mobile?.count ?? '—'),
      fmt(r.mobile?.tbtMs),
      r.readyMs === undefined ? '—' : fmt(r.readyMs),
    ]),
  );
  const named = rows.flatMap((r) =>
    r.tasks.filter((t) => (t.cpuMs ?? 0) >= 50).map((t) => `- ${r.scenario}, ${r.width} px: ${describeTask(t)}`),
  );
  const what = named.length
    ? [
        '',
        'What each task of 50 ms or more CPU time did (self time in ms by phase, then the JavaScript functions sampled in it; wall-clock figures include waits for a core):',
        '',
        ...named,
      ]
    : ['', 'No task reached 50 ms of CPU time in any scenario.'];
  const started = rows.filter((r) => r.stages?.length);
  const stages = started.length
    ? [
        '',
        "Where the lab's start went, from the scroll (each stage as its status line named it, when it began and how long it lasted):",
        '',
        ...started.map((r) => `- ${r.scenario}, ${r.width} px: ${stagesLine(r.stages)}`),
      ]
    : [];
  return [...intro, body, ...stages, ...what, ''].join('\n');
}

/**
 * Records a run without the rest of `npm run bench`: `longTasks` in bench/results.json, and this section spliced into
 * docs/PERFORMANCE.md (replacing its previous version, else before the notes), the other figures left as they are.
 */
export function recordLongTasks(root, result) {
  const resultsPath = join(root, 'bench', 'results.json');
  const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  // Only the tasks that spent 50 ms on the CPU keep their detail here: the rest are counted in each row already.
  const rows = result.rows.map((r) => ({ ...r, tasks: r.tasks.filter((t) => (t.cpuMs ?? 0) >= 50) }));
  writeFileSync(resultsPath, `${JSON.stringify({ ...results, longTasks: { ...result, rows } }, null, 2)}\n`);
  const docPath = join(root, 'docs', 'PERFORMANCE.md');
  const doc = readFileSync(docPath, 'utf8');
  const section = longTaskSection(result);
  const start = doc.indexOf(SECTION_TITLE);
  const next = start < 0 ? -1 : doc.indexOf('\n## ', start + SECTION_TITLE.length);
  const notes = doc.indexOf('\n## Notes');
  const updated =
    start >= 0
      ? `${doc.slice(0, start)}${section}${next < 0 ? '' : doc.slice(next + 1)}`
      : notes >= 0
        ? `${doc.slice(0, notes + 1)}${section}\n${doc.slice(notes + 1)}`
        : `${doc.trimEnd()}\n\n${section}`;
  writeFileSync(docPath, updated);
}
