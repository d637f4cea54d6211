/** `npm run bench`'s PyTorch row: the engine's model and batch trained in PyTorch on the same machine (bench/torch_step.py). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const fmt = (n, digits = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '—');

/** The first Python that can `import torch` ($PYTHON, then python3 on the PATH, then Debian's own), or null. */
function pythonWithTorch() {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean);
  return (
    candidates.find((python) => spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) ?? null
  );
}

/**
 * Runs bench/torch_step.py for each `model:batch` spec; resolves to its JSON plus the Python used, or to
 * `{ skipped: reason }` when no Python here has torch (Debian: `apt install python3-torch libopenblas0-openmp`).
 */
export function benchTorch(root, { timedSteps, specs }) {
  const python = pythonWithTorch();
  if (!python) return { skipped: 'PyTorch: no python3 here can import torch' };
  const ran = spawnSync(python, [join(root, 'bench', 'torch_step.py'), String(timedSteps), ...specs], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (ran.status !== 0) return { skipped: `PyTorch: bench/torch_step.py exited with ${ran.status}` };
  return { python, ...JSON.parse(ran.stdout) };
}

/** Each PyTorch row with the engine's row for the same model and batch (node-wasm) and the ratios engine ÷ PyTorch. */
export function torchComparison(torch, results) {
  if (!torch?.rows) return [];
  return torch.rows.map((row) => {
    const engine = results.find(
      (r) => r.backend === 'node-wasm' && r.model === row.model && r.batchSize === row.batchSize,
    );
    return {
      ...row,
      engineMsPerStep: engine?.engineMsPerStep ?? null,
      engineCpuMsPerStep: engine?.engineCpuMsPerStep ?? null,
      engineOverTorch: engine ? engine.engineMsPerStep / row.msPerStep : null,
      engineOverTorchCpu: engine?.engineCpuMsPerStep ? engine.engineCpuMsPerStep / row.cpuMsPerStep : null,
    };
  });
}

/** The report's PyTorch section (Markdown). */
export function torchSection(run) {
  if (!run.torch || run.torch.skipped)
    return `_PyTorch was not timed${run.torch?.skipped ? ` (${run.torch.skipped})` : ''}._`;
  const rows = run.torch.comparison ?? [];
  const header = [
    'model',
    'batch',
    'PyTorch threads',
    'PyTorch ms/step',
    'PyTorch CPU ms/step',
    'engine (node-wasm, 1 thread) ms/step',
    'engine CPU ms/step',
    'engine ÷ PyTorch',
    'engine ÷ PyTorch (CPU time)',
  ];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [
    `PyTorch ${run.torch.torch} (${run.torch.python}, ${run.torch.defaultThreads} thread${run.torch.defaultThreads === 1 ? '' : 's'} by default) trains the same VAE as the engine: same layers, Bernoulli reconstruction from logits summed over pixels, the closed-form KL, Adam (ε = 1e-7), fresh noise every step (\`bench/torch_step.py\`). "ms/step" is wall-clock (PyTorch: the median step; engine: the mean), "CPU ms/step" the process's CPU time per step over all its threads, which other load on the machine does not inflate as much. The engine runs on one thread (wasm without threads, in Node); the PyTorch rows with more threads are for reference.`,
    '',
    line(header),
    line(header.map((_, i) => (i < 1 ? '---' : '---:'))),
    ...rows.map((r) =>
      line([
        r.model,
        String(r.batchSize),
        String(r.threads),
        fmt(r.msPerStep),
        fmt(r.cpuMsPerStep),
        fmt(r.engineMsPerStep),
        fmt(r.engineCpuMsPerStep),
        fmt(r.engineOverTorch, 2),
        fmt(r.engineOverTorchCpu, 2),
      ]),
    ),
  ].join('\n');
}
