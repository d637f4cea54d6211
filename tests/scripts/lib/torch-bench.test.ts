import { describe, expect, it } from 'vitest';
import { torchComparison, torchSection } from '../../../scripts/lib/torch-bench.mjs';

const torch = {
  torch: '1.13.0a0',
  python: '/usr/bin/python3',
  defaultThreads: 1,
  rows: [
    { model: '784-256-16', batchSize: 64, threads: 1, msPerStep: 8, cpuMsPerStep: 7.5 },
    { model: '784-400-20', batchSize: 128, threads: 2, msPerStep: 10, cpuMsPerStep: 18 },
  ],
};
const results = [
  { backend: 'node-wasm', model: '784-256-16', batchSize: 64, engineMsPerStep: 12, engineCpuMsPerStep: 11.25 },
  { backend: 'chromium-wasm', model: '784-400-20', batchSize: 128, engineMsPerStep: 30, engineCpuMsPerStep: null },
];

describe('torchComparison(torch, results)', () => {
  it('pairs each PyTorch row with the node-wasm engine row of the same model and batch', () => {
    const [small, large] = torchComparison(torch, results);
    expect(small).toMatchObject({ engineMsPerStep: 12, engineOverTorch: 1.5, engineOverTorchCpu: 1.5 });
    // No node-wasm row at 784-400-20/128 (a chromium one does not count): no ratio rather than a wrong one.
    expect(large).toMatchObject({ engineMsPerStep: null, engineOverTorch: null, engineOverTorchCpu: null });
  });
});

describe('torchSection(run)', () => {
  it('tables both timings and both ratios, naming the PyTorch build and its default threads', () => {
    const md = torchSection({ torch: { ...torch, comparison: torchComparison(torch, results) } });
    expect(md).toContain('PyTorch 1.13.0a0 (/usr/bin/python3, 1 thread by default)');
    expect(md).toContain('| 784-256-16 | 64 | 1 | 8.0 | 7.5 | 12.0 | 11.3 | 1.50 | 1.50 |');
    expect(md).toContain('| 784-400-20 | 128 | 2 | 10.0 | 18.0 | — | — | — | — |');
  });

  it('says why there is no PyTorch row', () => {
    expect(torchSection({ torch: { skipped: 'PyTorch: no python3 here can import torch' } })).toBe(
      '_PyTorch was not timed (PyTorch: no python3 here can import torch)._',
    );
    expect(torchSection({})).toBe('_PyTorch was not timed._');
  });
});
