/** Picks the fastest backend that works here: WebGPU → WebGL → WASM → CPU, each probed, started and self-tested. */
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_CANDIDATES } from './candidates';
import type { BackendCandidate, CandidateOptions, ProbeResult } from './candidates';
import { BACKEND_ORDER, BACKEND_PARAM } from './names';
import type { BackendName } from './names';
import { selfTest } from './self-test';
import { prepareFusedAdam } from '../adam-kernels';

/** One backend the chooser looked at: whether it passed, and why (the device it ran on, or why it was skipped). */
export interface BackendAttempt {
  readonly name: BackendName;
  readonly ok: boolean;
  readonly reason: string;
}

/** The backend now active in tfjs, why, and everything tried on the way (in order). */
export interface BackendChoice {
  readonly name: BackendName;
  readonly reason: string;
  /** True when it renders in software (SwiftShader WebGL, a WebGPU fallback adapter). */
  readonly software: boolean;
  /** True when `override` asked for this backend and it worked. */
  readonly overridden: boolean;
  /** True when Adam runs as fused GPU kernels here (they passed their check); false on cpu and wasm. */
  readonly fusedAdam: boolean;
  readonly tried: readonly BackendAttempt[];
}

/** Options for chooseBackend. */
export interface ChooseBackendOptions {
  /** Try this backend first (from `?backend=`, see parseBackendOverride); the others still follow if it fails. */
  readonly override?: BackendName | null;
  /** Allow software-only GPU rendering (CI's SwiftShader); off for readers, where WASM is faster. */
  readonly allowSoftwareWebGL?: boolean;
  /** Where the .wasm files are served, from wasmPaths(import.meta.env.BASE_URL); omit in Node. */
  readonly wasmPathPrefix?: string | null;
  /** WebAssembly threads (planThreads); default 1. */
  readonly wasmThreads?: number;
  /** Backends not to try, each with the reason to report (e.g. after a lost WebGL context). */
  readonly skip?: Readonly<Partial<Record<BackendName, string>>>;
  /** Require synchronous read-back to work (the engine's evaluation and snapshots use it); the benchmark page does not. */
  readonly requireSyncReads?: boolean;
  /** Longest wait for one backend's probe, start-up or self-test, in ms. */
  readonly timeoutMs?: number;
  /** The backends to consider, in preference order (tests pass fakes). */
  readonly candidates?: readonly BackendCandidate[];
}

/** No backend worked; `tried` says why each failed. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  constructor(readonly tried: readonly BackendAttempt[]) {
    super(`No compute backend works in this browser: ${tried.map((t) => `${t.name}: ${t.reason}`).join('; ')}.`);
  }
}

/** Default per-step time limit; a first WebGPU/WebGL shader compile can take a few seconds on slow machines. */
export const DEFAULT_TIMEOUT_MS = 20_000;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Resolves like `work`, or rejects after ms with a message naming the step. */
async function withTimeout<T>(work: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Probes, loads, activates and self-tests one candidate; the probe's verdict if all pass, else why not. */
export async function tryCandidate(
  candidate: BackendCandidate,
  options: CandidateOptions,
  ms: number,
  syncRead: boolean,
): Promise<ProbeResult> {
  let probe: ProbeResult;
  try {
    probe = await withTimeout(candidate.probe(options), ms, 'checking for it');
  } catch (e) {
    return { ok: false, reason: messageOf(e) };
  }
  if (!probe.ok) return probe;
  try {
    await withTimeout(candidate.load(options), ms, 'loading its code');
  } catch (e) {
    return { ok: false, reason: `its code failed to load (${messageOf(e)})` };
  }
  try {
    const started = await withTimeout(tf.setBackend(candidate.name), ms, 'starting it');
    if (!started)
      return { ok: false, reason: `${probe.note}: tfjs could not start it (its warning is in the console)` };
    const wrong = await withTimeout(selfTest({ syncRead }), ms, 'the self-test');
    if (wrong !== null) return { ok: false, reason: `${probe.note}: ${wrong}` };
  } catch (e) {
    return { ok: false, reason: `${probe.note}: ${messageOf(e)}` };
  }
  const note = await candidate.describe?.().catch(() => null);
  return note ? { ...probe, note } : probe;
}

/**
 * Activates the first backend that is available, starts, and passes the matMul self-test, trying the override
 * first when given. Resolves with the choice and every attempt; rejects with BackendError when none works.
 */
export async function chooseBackend(options: ChooseBackendOptions = {}): Promise<BackendChoice> {
  const candidates = options.candidates ?? DEFAULT_CANDIDATES;
  const override = options.override ?? null;
  const ordered = override
    ? [...candidates.filter((c) => c.name === override), ...candidates.filter((c) => c.name !== override)]
    : candidates;
  const settings: CandidateOptions = {
    allowSoftwareWebGL: options.allowSoftwareWebGL ?? false,
    wasmPathPrefix: options.wasmPathPrefix ?? null,
    wasmThreads: options.wasmThreads ?? 1,
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tried: BackendAttempt[] = [];
  for (const candidate of ordered) {
    const skipped = options.skip?.[candidate.name];
    if (skipped !== undefined) {
      tried.push({ name: candidate.name, ok: false, reason: skipped });
      continue;
    }
    const result = await tryCandidate(candidate, settings, timeoutMs, options.requireSyncReads ?? false);
    if (!result.ok) {
      tried.push({ name: candidate.name, ok: false, reason: result.reason });
      continue;
    }
    const overridden = override === candidate.name;
    const failedOverride = override !== null && !overridden ? tried.find((t) => t.name === override) : undefined;
    const reason =
      `${result.note}; self-test passed` +
      (overridden ? `; forced by ?${BACKEND_PARAM}=${override}` : '') +
      (failedOverride ? `; ?${BACKEND_PARAM}=${override} did not work (${failedOverride.reason})` : '');
    tried.push({ name: candidate.name, ok: true, reason });
    // A kernel check that fails or hangs only means Adam keeps to tfjs ops; the backend itself has passed.
    const fusedAdam = await withTimeout(prepareFusedAdam(), timeoutMs, 'the Adam kernel check').catch(() => false);
    return { name: candidate.name, reason, software: result.software, overridden, fusedAdam, tried };
  }
  throw new BackendError(tried);
}

/** The backends after `name` in preference order: where to go when `name` dies mid-run. */
export function backendsAfter(name: BackendName): readonly BackendName[] {
  return BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(name) + 1);
}
