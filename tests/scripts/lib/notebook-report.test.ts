/** The notebook's benchmark: where one run's time went (from the sandbox messages) and its report section. */
import { describe, expect, it } from 'vitest';
import { breakdown } from '../../../scripts/lib/notebook-bench.mjs';
import { notebookSection } from '../../../scripts/lib/notebook-report.mjs';

// A first run clicked at t = 100: the worker starts at 150, is ready at 900, runs an upstream cell then the cell.
const FIRST_RUN = [
  { at: 150, event: 'worker' },
  { at: 151, event: '→init' },
  { at: 900, event: '←ready' },
  { at: 910, event: '→run' },
  { at: 960, event: '←result', ms: 40 },
  { at: 961, event: '→run' },
  { at: 1001, event: '←result', ms: 30 },
  // The downstream cell's run, after the clicked cell showed its output at 1010: not part of this run.
  { at: 1012, event: '→run' },
  { at: 1100, event: '←result', ms: 80 },
];

describe('breakdown()', () => {
  it('splits a first run into reaching the worker, its start, the cells before the output, and rendering', () => {
    expect(breakdown(FIRST_RUN, 100, 910)).toEqual({
      toWorkerMs: 50,
      sandboxStartMs: 750,
      beforeFirstRunMs: 10,
      cellCodeMs: 70,
      aroundCellCodeMs: 20,
      runsInWorker: 2,
      afterAnswerMs: 9,
    });
  });

  it('leaves the worker start out of a later run', () => {
    const later = breakdown(FIRST_RUN, 1011, 95);
    expect(later).toMatchObject({ toWorkerMs: null, sandboxStartMs: null, cellCodeMs: 80, runsInWorker: 1 });
    expect(later.afterAnswerMs).toBeCloseTo(6);
  });
});

const RUN = { toWorkerMs: null, sandboxStartMs: null, beforeFirstRunMs: 1, cellCodeMs: 5, aroundCellCodeMs: 2 };
const NOTEBOOK = {
  bytes: { gzip: 145_925, workerGzip: 513_718, workerGpuBackends: [] },
  cells: [
    {
      cell: 'en/two-terms/kl-closed-form',
      state: 'done',
      firstRunMs: 5000,
      firstRun: { ...RUN, sandboxStartMs: 3000 },
      warmRunMs: { median: 40, min: 20, max: 90, runs: 5 },
      warmRun: { ...RUN, afterAnswerMs: 3 },
    },
  ],
  training: { cell: 'the loss cell', failed: 'The training engine stopped: boom' },
  notes: ['a note'],
};

describe('notebookSection()', () => {
  it('states the bytes against their budgets, one row per cell, and why no training was timed', () => {
    const section = notebookSection(NOTEBOOK);
    expect(section).toContain('**142.5 KiB** (budget 250.0 KiB');
    expect(section).toContain('**501.7 KiB** (budget 540.0 KiB');
    expect(section).toContain('GPU backends in it: none');
    expect(section).toContain('| en/two-terms/kl-closed-form | 5000 | 3000 | 40 (20–90) | 1 / 5 / 2 / 3 |');
    expect(section).toContain('the lab did not start (The training engine stopped: boom)');
    expect(section).toContain('- a note');
  });

  it('compares the cell-trained lab with the lab trained by its own button', () => {
    const run = (count: number) => ({ seconds: 20, steps: 100, count, longestMs: 70 });
    const training = { cell: 'the loss cell', bookLoss: run(3), cellLoss: run(1) };
    const section = notebookSection({ ...NOTEBOOK, training });
    expect(section).toContain('While the loss cell trains: 100 steps in 20 s, **1** main-thread tasks over 50 ms');
    expect(section).toContain(
      "its own Train button (the book's loss), on the same page just before: 100 steps in 20 s, **3**",
    );
  });

  it('says when the notebook was not measured', () => {
    expect(notebookSection(null)).toMatch(/not measured/);
  });
});
