/** Chooses the lab's backend by timing its model on every usable backend (or by a remembered timing, or as forced). */
import * as tf from '@tensorflow/tfjs-core';
import { chooseBackend, tryCandidate, DEFAULT_TIMEOUT_MS, type ChooseBackendOptions } from './choose';
import { DEFAULT_CANDIDATES, type CandidateOptions } from './candidates';
import { BACKEND_ORDER, type BackendName } from './names';
import { deviceKey, fastest, findMemo, modelKey, rememberMemo, type EngineReport, type SpeedSample } from './measure';
import { timeTrainingSteps } from './speed-probe';
import { prepareFusedAdam } from '../adam-kernels';
import { resolveConfig, type VaeConfig } from '../config';

/** Options for chooseMeasured: chooseBackend's, plus the model to time and what the worker knows of its device. */
export interface MeasuredOptions extends ChooseBackendOptions {
  /** The lab's model (its size is what the timing depends on). */
  readonly config: Partial<VaeConfig>;
  /** The page's stored memo list (anything: it is validated). */
  readonly memos?: unknown;
  readonly isolated: boolean;
  readonly cores: number | undefined;
  readonly userAgent: string;
  /** Why WebAssembly runs one thread (planThreads's `why`). */
  readonly oneThreadWhy: EngineReport['oneThreadWhy'];
  /** Times the active backend, ms per step (tests pass a fake; default timeTrainingSteps). */
  readonly time?: (config: Partial<VaeConfig>) => Promise<number>;
  /** The clock for the memo's date. */
  readonly now?: () => number;
}

/** The backend now active and the engine line's report. */
export interface MeasuredChoice {
  readonly name: BackendName;
  readonly report: EngineReport;
}

/** The candidates worth timing (cpu never is: plain JavaScript is many times slower than WebAssembly), each with its note. */
async function usableBackends(options: MeasuredOptions): Promise<{ name: BackendName; note: string }[]> {
  const settings: CandidateOptions = {
    allowSoftwareWebGL: options.allowSoftwareWebGL ?? false,
    wasmPathPrefix: options.wasmPathPrefix ?? null,
    wasmThreads: options.wasmThreads ?? 1,
  };
  const usable: { name: BackendName; note: string }[] = [];
  for (const candidate of options.candidates ?? DEFAULT_CANDIDATES) {
    if (candidate.name === 'cpu' || options.skip?.[candidate.name] !== undefined) continue;
    const result = await tryCandidate(
      candidate,
      settings,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      options.requireSyncReads ?? false,
    );
    if (result.ok) usable.push({ name: candidate.name, note: result.note });
  }
  return usable;
}

/** Threads WebAssembly really runs with (tfjs may have started before a thread count was set), 1 elsewhere. */
async function threadsOf(name: BackendName): Promise<number> {
  if (name !== 'wasm') return 1;
  const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
  try {
    return getThreadsCount();
  } catch {
    return 1; // a stand-in registered under the name (tests) never started tfjs's WebAssembly module
  }
}

/** Makes `name` the active backend, with its fused Adam kernels where they pass their check. */
async function activate(name: BackendName): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`${name} stopped starting after it passed its self-test`);
  await prepareFusedAdam().catch(() => false);
}

/** Times every usable backend in turn; a backend whose steps throw is a sample with the error, not a choice. */
async function timeEach(usable: readonly { name: BackendName }[], options: MeasuredOptions): Promise<SpeedSample[]> {
  const time = options.time ?? ((config: Partial<VaeConfig>) => timeTrainingSteps(config));
  const samples: SpeedSample[] = [];
  for (const { name } of usable) {
    const threads = name === 'wasm' ? { threads: await threadsOf(name) } : {};
    try {
      await activate(name);
      samples.push({ name, msPerStep: await time(options.config), ...threads });
    } catch (e) {
      samples.push({ name, msPerStep: null, ...threads, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return samples;
}

/**
 * With `override`, or fewer than two usable backends, chooses as chooseBackend does. Otherwise uses the memo for this
 * device and model size when there is one, else times each usable backend and keeps the fastest (remembering it).
 */
export async function chooseMeasured(options: MeasuredOptions): Promise<MeasuredChoice> {
  const report = async (name: BackendName, how: EngineReport['how'], samples: readonly SpeedSample[] = []) => {
    const threads = await threadsOf(name);
    const why = name === 'wasm' && threads === 1 ? options.oneThreadWhy : null;
    return { backend: name, threads, isolated: options.isolated, oneThreadWhy: why, how, samples };
  };
  if (options.override) {
    const choice = await chooseBackend(options);
    return { name: choice.name, report: await report(choice.name, 'forced') };
  }
  const usable = await usableBackends(options);
  if (usable.length < 2) {
    const skip = Object.fromEntries(
      BACKEND_ORDER.filter((n) => n !== usable[0]?.name && n !== 'cpu').map((n) => [n, 'unusable here']),
    );
    const choice = await chooseBackend({ ...options, skip: { ...skip, ...options.skip } });
    return { name: choice.name, report: await report(choice.name, 'only') };
  }
  const model = modelKey(resolveConfig(options.config));
  const device = deviceKey({ notes: usable.map((u) => u.note), cores: options.cores, userAgent: options.userAgent });
  const memo = findMemo(options.memos, device, model);
  if (memo && usable.some((u) => u.name === memo.choice)) {
    await activate(memo.choice);
    return { name: memo.choice, report: await report(memo.choice, 'remembered', memo.samples) };
  }
  const samples = await timeEach(usable, options);
  const name = fastest(samples) ?? usable[0]!.name;
  await activate(name);
  const measuredAt = (options.now ?? Date.now)();
  const memos = rememberMemo(options.memos, { device, model, choice: name, samples, measuredAt });
  return { name, report: { ...(await report(name, 'measured', samples)), memos } };
}
