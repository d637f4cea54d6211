import { describe, expect, it } from 'vitest';
import { profileSection } from '../../../scripts/lib/profile-report.mjs';

const profile = {
  backend: 'node-wasm',
  model: '784-256-16',
  batchSize: 64,
  clock: 'cpu',
  stepMs: 10,
  kernels: [
    { phase: 'forward', kind: 'matmul', name: '_FusedMatMul', perStep: 4, ms: 3 },
    { phase: 'forward', kind: 'elementwise', name: 'Exp', perStep: 3, ms: 0.5 },
    { phase: 'forward', kind: 'elementwise', name: 'Log1p', perStep: 1, ms: 0.25 },
    { phase: 'backward', kind: 'matmul', name: 'BatchMatMul', perStep: 7, ms: 4 },
    { phase: 'update', kind: 'reduction', name: 'Mean', perStep: 4, ms: 0.25 },
  ],
};
const results = [{ backend: 'node-wasm', model: '784-256-16', batchSize: 64, engineOverMatmulCpu: 0.61 }];

describe('profileSection(profile, results)', () => {
  const md = profileSection(profile, results);

  it('sums kernels per phase and kind, with their share of the whole step', () => {
    expect(md).toContain('| forward | matmul | 4 | 3.00 | 30 % | _FusedMatMul |');
    expect(md).toContain('| forward | elementwise | 4 | 0.75 | 8 % | Exp, Log1p |');
    expect(md).toContain('| backward | matmul | 7 | 4.00 | 40 % | BatchMatMul |');
  });

  it('names the time outside kernels, the matmul share and the CPU-clock engine ÷ matmul', () => {
    expect(md).toContain(
      '19 kernels in 8.00 ms, of which matrix products 7.00 ms (70 %); 2.00 ms (20 %) is spent outside',
    );
    expect(md).toContain('| — | outside kernels |  | 2.00 | 20 % |  |');
    expect(md).toContain('engine ÷ matmul is 0.61 on node-wasm 784-256-16 at batch 64');
  });

  it('says so when no step was profiled', () => {
    expect(profileSection(undefined)).toBe('_No step was profiled._');
  });
});
