import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longTaskSection, recordLongTasks } from '../../../scripts/lib/longtask-report.mjs';

const task = (ms: number, cpuMs: number) => ({
  ms,
  cpuMs,
  phases: [{ name: 'layout', ms: cpuMs }],
  scripts: [],
  functions: [{ name: 'draw @ chart-views.js', ms: 5 }],
});
const run = {
  slowdown: 1,
  chapters: [{ slug: 'evidence-lower-bound', math: 251 }],
  rows: [
    {
      scenario: 'load evidence-lower-bound',
      width: 360,
      count: 2,
      maxMs: 120,
      tbtMs: 80,
      cpuCount: 1,
      mobile: { slowdown: 4, count: 3, maxMs: 440, tbtMs: 420 },
      tasks: [task(120, 110), task(60, 12)],
    },
    {
      scenario: 'lab start (warm cache)',
      width: 1280,
      count: 0,
      maxMs: 0,
      tbtMs: 0,
      cpuCount: 0,
      readyMs: 900,
      stages: [
        { stage: 'Loading the lab', atMs: 30, ms: 500 },
        { stage: 'state ready', atMs: 900, ms: 0 },
      ],
      tasks: [],
    },
  ],
};

describe('longTaskSection(run)', () => {
  it('tabulates every scenario, and names only the tasks that spent 50 ms or more on the CPU', () => {
    const section = longTaskSection(run);
    expect(section).toContain('evidence-lower-bound, 251 formulas');
    expect(section).toContain('| load evidence-lower-bound | 360 px | 2 | 120 | 80 | 1 | 3 | 420 | — |');
    expect(section).toContain('| lab start (warm cache) | 1280 px | 0 | 0 | 0 | 0 | — | — | 900 |');
    expect(section).toContain(
      '- load evidence-lower-bound, 360 px: 120 ms (CPU 110): layout 110 — draw @ chart-views.js 5',
    );
    expect(section).not.toContain('60 ms (CPU 12)');
    expect(section).toContain(
      '- lab start (warm cache), 1280 px: Loading the lab at 30 ms (500 ms) → state ready at 900 ms',
    );
  });
});

describe('recordLongTasks(root, run)', () => {
  it('keeps the other figures and replaces its own section in place on a second run', () => {
    const root = mkdtempSync(join(tmpdir(), 'longtasks-'));
    mkdirSync(join(root, 'bench'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify({ results: [1, 2] }));
    writeFileSync(join(root, 'docs', 'PERFORMANCE.md'), '# Report\n\n## Backends\n\ntable\n\n## Notes\n\n- a note\n');
    recordLongTasks(root, run);
    recordLongTasks(root, { ...run, rows: [run.rows[1]] });
    const results = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8'));
    expect(results.results).toEqual([1, 2]);
    expect(results.longTasks.rows).toHaveLength(1);
    const doc = readFileSync(join(root, 'docs', 'PERFORMANCE.md'), 'utf8');
    expect(doc.match(/## Long tasks where a reader feels them/g)).toHaveLength(1);
    expect(doc).not.toContain('load evidence-lower-bound |');
    expect(doc.indexOf('## Backends')).toBeLessThan(doc.indexOf('## Long tasks'));
    expect(doc.indexOf('## Long tasks')).toBeLessThan(doc.indexOf('## Notes'));
    expect(doc).toContain('- a note');
  });
});
