import { describe, expect, it } from 'vitest';
import { performanceReport } from '../../../scripts/lib/performance-report.mjs';

const run = {
  date: '2026-12-02T16:00:00.000Z',
  node: 'v22.23.3',
  timedSteps: 30,
  machine: { cpus: 2, cpuModel: 'Test CPU', memoryGiB: 24, platform: 'linux' },
  results: [
    {
      backend: 'chromium-wasm',
      model: '784-256-16',
      batchSize: 64,
      engineMsPerStep: 28.5,
      plainMsPerStep: 45.5,
      speedup: 45.5 / 28.5,
      engineGflops: 5.5,
      matmulGflops: 2.2,
      adam: 'ops',
    },
  ],
  lab: [
    { backend: 'lab-wasm', stepsPerSecond: 31.2, firstPointMs: 180, longestTaskMs: 74, tasksOver50ms: 3 },
    { backend: 'lab-cpu', stepsPerSecond: 1.2, firstPointMs: null, longestTaskMs: 120, tasksOver50ms: 9 },
  ],
  soak: [
    { minute: 0.5, step: 900, tensors: 24, heapMB: 5.2 },
    { minute: 10, step: 18000, tensors: 24, heapMB: 9.25 },
  ],
  skipped: ['webgpu'],
  notes: ['lab-webgpu: not available here, the lab fell back to wasm'],
};

describe('performanceReport(run)', () => {
  const md = performanceReport(run);

  it('has the backend table with the ratio, the engine ÷ matmul figure and how Adam ran', () => {
    expect(md).toContain('| chromium-wasm | 784-256-16 | 64 | 28.5 | 45.5 | 1.60 | 5.50 | 2.20 | 2.50 | ops |');
  });

  it('has the lab table, with Train → first plotted point and the longest main-thread task overall', () => {
    expect(md).toContain('| lab-wasm | 31.2 | 180 | 74 | 3 |');
    expect(md).toContain('| lab-cpu | 1.2 | — | 120 | 9 |');
    expect(md).toContain('The longest main-thread task seen while training: 120 ms.');
  });

  it('summarises the soak from its first and last samples', () => {
    expect(md).toContain('worker tensors 24 → 24 (unchanged); page heap 5.2 → 9.3 MB');
  });

  it('lists skipped backends and notes, and names the machine', () => {
    expect(md).toContain('- skipped: webgpu');
    expect(md).toContain('- lab-webgpu: not available here');
    expect(md).toContain('2 × Test CPU, 24 GiB, linux');
  });

  it('says "no task of 50 ms or more" when the Long Tasks API saw none', () => {
    const quiet = performanceReport({
      ...run,
      lab: [{ backend: 'lab-wasm', stepsPerSecond: 59, firstPointMs: 156, longestTaskMs: 0, tasksOver50ms: 0 }],
    });
    expect(quiet).toContain('No main-thread task of 50 ms or more while training');
  });

  it('names the viewport when every chart was in view, and never reads 0 when some chart was off screen', () => {
    const row = { backend: 'lab-wasm', stepsPerSecond: 59, firstPointMs: 156, longestTaskMs: 0, tasksOver50ms: 0 };
    const viewport = { width: 1280, height: 2400 };
    const all = performanceReport({ ...run, lab: [{ ...row, viewport, chartsInView: true }] });
    expect(all).toContain(
      'No main-thread task of 50 ms or more while training with every chart of the lab in view (viewport 1280 × 2400 px)',
    );
    const part = performanceReport({ ...run, lab: [{ ...row, viewport, chartsInView: false }] });
    expect(part).not.toContain('No main-thread task');
    expect(part).toContain('Not every chart of the lab was in view while training');
  });

  it('says so when the lab or the soak were not run, instead of printing empty tables', () => {
    const bare = performanceReport({ ...run, lab: [], soak: [], skipped: [], notes: [] });
    expect(bare).toContain('_The lab was not timed');
    expect(bare).toContain('_No soak run in this report');
    expect(bare).not.toContain('## Notes');
  });
});
