/** The /bench/ page's script: picks the requested backend, runs the engine-vs-plain benchmark and shows the figures. */
import { chooseBackend, parseBackendOverride, wasmPaths, type BackendChoice } from '../core/backend';
import { runBench, type BenchResult } from './run-bench';
import { runAdamCheck, type AdamCheckOutcome } from './adam-check';
import { profileEngine, type StepProfile } from './profile-step';

/** What the page publishes on `window.__benchOutcome` for scripts/lib/browser-bench.mjs. */
export interface BenchOutcome {
  result: BenchResult | null;
  reason: string;
  /** With `?profile=1`: one step of the default model, kernel by kernel (wall clock: a page has no CPU clock). */
  profile?: StepProfile;
}

/** What `?check=adam` publishes on `window.__adamCheck` for the end-to-end test. */
export interface AdamCheckPageOutcome {
  check: AdamCheckOutcome | null;
  /** Whether the fused kernels passed their start-up check on the chosen backend. */
  fusedAdam: boolean;
  reason: string;
}

/** Activates the backend named in the URL (or the automatic choice); null with the reason when the one asked for fails. */
async function chooseRequested(base: string): Promise<{ choice: BackendChoice | null; reason: string }> {
  const { override, error } = parseBackendOverride(location.search);
  const allowSoftwareWebGL = new URLSearchParams(location.search).get('softwareWebGL') === '1';
  const choice = await chooseBackend({ override, allowSoftwareWebGL, wasmPathPrefix: wasmPaths(base) });
  if (override && choice.name !== override) {
    const why = choice.tried.find((t) => t.name === override)?.reason ?? 'not available';
    return { choice: null, reason: `${override} unavailable: ${why}` };
  }
  return { choice, reason: error ?? choice.reason };
}

/** Runs one benchmark on the backend named in the URL (or the automatic choice) and renders a table row. */
export async function runBenchPage(output: HTMLElement, status: HTMLElement, base: string): Promise<BenchOutcome> {
  const params = new URLSearchParams(location.search);
  const override = parseBackendOverride(location.search).override;
  const steps = Math.max(1, Math.min(500, Number(params.get('steps')) || 20));
  status.textContent = 'Choosing a backend…';
  let outcome: BenchOutcome;
  try {
    const { choice, reason } = await chooseRequested(base);
    if (!choice) {
      outcome = { result: null, reason };
    } else {
      status.textContent = `Running on ${choice.name} (${choice.reason}) — ${steps} timed steps per loop…`;
      await new Promise((r) => setTimeout(r, 50));
      outcome = { result: await runBench({ timedSteps: steps }), reason: choice.reason };
      if (params.get('profile') === '1') outcome.profile = await profileEngine({}, 15, null);
    }
  } catch (e) {
    outcome = { result: null, reason: e instanceof Error ? e.message : String(e) };
  }
  const r = outcome.result;
  const row = document.createElement('tr');
  const cells = r
    ? [
        r.backend,
        r.model,
        r.batchSize,
        r.engineMsPerStep.toFixed(1),
        r.plainMsPerStep.toFixed(1),
        r.speedup.toFixed(2),
        r.engineGflops.toFixed(2),
        r.matmulGflops.toFixed(2),
        r.adam,
      ]
    : [override ?? 'auto', '—', '—', '—', '—', '—', '—', '—', outcome.reason];
  for (const c of cells) row.append(Object.assign(document.createElement('td'), { textContent: String(c) }));
  output.append(row);
  status.textContent = r ? `Done on ${r.backend}.` : `Not run: ${outcome.reason}`;
  return outcome;
}

/** `?check=adam`: trains with the fused Adam kernels and with tfjs ops on the requested backend and reports the gap. */
export async function runAdamCheckPage(status: HTMLElement, base: string): Promise<AdamCheckPageOutcome> {
  status.textContent = 'Checking the fused Adam kernels…';
  try {
    const { choice, reason } = await chooseRequested(base);
    if (!choice) return { check: null, fusedAdam: false, reason };
    const check = await runAdamCheck();
    status.textContent = `Adam on ${check.backend} ran as ${check.path}: largest weight gap ${check.maxWeightGap.toExponential(2)} after ${check.steps} steps (weights moved up to ${check.maxWeightMove.toFixed(4)}).`;
    return { check, fusedAdam: choice.fusedAdam, reason };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    status.textContent = `Check failed: ${reason}`;
    return { check: null, fusedAdam: false, reason };
  }
}
