/** The /bench/ page's script: picks the requested backend, runs the engine-vs-plain benchmark and shows the figures. */
import { chooseBackend, parseBackendOverride, wasmPaths } from '../core/backend';
import { runBench, type BenchResult } from './run-bench';

/** What the page publishes on `window.__benchOutcome` for scripts/lib/browser-bench.mjs. */
export interface BenchOutcome {
  result: BenchResult | null;
  reason: string;
}

/** Runs one benchmark on the backend named in the URL (or the automatic choice) and renders a table row. */
export async function runBenchPage(output: HTMLElement, status: HTMLElement, base: string): Promise<BenchOutcome> {
  const params = new URLSearchParams(location.search);
  const { override, error } = parseBackendOverride(location.search);
  if (error) status.textContent = error;
  const steps = Math.max(1, Math.min(500, Number(params.get('steps')) || 20));
  status.textContent = 'Choosing a backend…';
  let outcome: BenchOutcome;
  try {
    const choice = await chooseBackend({ override, allowSoftwareWebGL: params.get('softwareWebGL') === '1', wasmPathPrefix: wasmPaths(base) });
    if (override && choice.name !== override) {
      const why = choice.tried.find((t) => t.name === override)?.reason ?? 'not available';
      outcome = { result: null, reason: `${override} unavailable: ${why}` };
    } else {
      status.textContent = `Running on ${choice.name} (${choice.reason}) — ${steps} timed steps per loop…`;
      await new Promise((r) => setTimeout(r, 50));
      outcome = { result: runBench({ timedSteps: steps }), reason: choice.reason };
    }
  } catch (e) {
    outcome = { result: null, reason: e instanceof Error ? e.message : String(e) };
  }
  const r = outcome.result;
  const row = document.createElement('tr');
  const cells = r
    ? [r.backend, r.model, r.batchSize, r.engineMsPerStep.toFixed(1), r.plainMsPerStep.toFixed(1), r.speedup.toFixed(2), r.engineGflops.toFixed(2), r.matmulGflops.toFixed(2)]
    : [override ?? 'auto', '—', '—', '—', '—', '—', '—', outcome.reason];
  for (const c of cells) row.append(Object.assign(document.createElement('td'), { textContent: String(c) }));
  output.append(row);
  status.textContent = r ? `Done on ${r.backend}.` : `Not run: ${outcome.reason}`;
  return outcome;
}
