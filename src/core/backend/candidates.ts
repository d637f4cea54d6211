/** The four real backends: how to tell whether this platform can run each, and how to load each on demand. */
// Every probe feature-detects (navigator.gpu, OffscreenCanvas/document, WebAssembly), so this file runs in Node,
// a worker and a page. Backend code is loaded with dynamic import() only when tried, so a page fetches only
// the backends it actually attempts.
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from './names';

/** Settings every candidate sees. */
export interface CandidateOptions {
  /** Accept software-only GPU paths: SwiftShader-style WebGL and WebGPU fallback adapters. */
  readonly allowSoftwareWebGL: boolean;
  /** Prefix for the .wasm files (see wasmPaths); null leaves tfjs's default (right in Node). */
  readonly wasmPathPrefix: string | null;
  /** WebAssembly threads (see wasmThreadCount); absent or 1: the one-thread SIMD build. */
  readonly wasmThreads?: number;
}

/** A probe's verdict: usable (with a note on the device, and whether it is software-rendered) or not, and why. */
export type ProbeResult =
  | { readonly ok: true; readonly note: string; readonly software: boolean }
  | { readonly ok: false; readonly reason: string };

/** One backend the chooser can try. */
export interface BackendCandidate {
  readonly name: BackendName;
  /** Checks the platform without loading the backend's code. */
  probe(options: CandidateOptions): Promise<ProbeResult>;
  /** Imports the backend's module, which registers it with tfjs, and applies its settings. */
  load(options: CandidateOptions): Promise<void>;
  /** A fuller note on the device, read once the backend runs (e.g. WASM's SIMD and threads); replaces the probe's. */
  describe?(): Promise<string>;
}

type GLContext = WebGLRenderingContext | WebGL2RenderingContext;
/** Renderer names of software rasterisers (Chrome's SwiftShader, Mesa's llvmpipe/softpipe, Windows' WARP). */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** A fresh canvas: an OffscreenCanvas where there is one (workers), else a DOM canvas; null in Node. */
function makeCanvas(): OffscreenCanvas | HTMLCanvasElement | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1);
  if (typeof document !== 'undefined') return document.createElement('canvas');
  return null;
}

/** The newest WebGL context available, hardware-only when asked (the same flag tfjs itself uses). */
function openContext(hardwareOnly: boolean): { version: 1 | 2; gl: GLContext } | null {
  for (const version of [2, 1] as const) {
    const canvas = makeCanvas();
    const attributes = { failIfMajorPerformanceCaveat: hardwareOnly };
    const gl = canvas?.getContext(version === 2 ? 'webgl2' : 'webgl', attributes) as GLContext | null | undefined;
    if (gl) return { version, gl };
  }
  return null;
}

/** The GPU's renderer string (unmasked where the browser allows), then the probe context is released. */
function rendererAndRelease(gl: GLContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown GPU');
  // Browsers cap live WebGL contexts (~16); tfjs opens its own, so the probe's is given back at once.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

/** Checks for WebGL, telling hardware from software-only rendering. */
export function probeWebGL(options: CandidateOptions): ProbeResult {
  if (makeCanvas() === null) return { ok: false, reason: 'no canvas to draw with (not a browser)' };
  const hardware = openContext(true);
  const context = hardware ?? openContext(false);
  if (!context) return { ok: false, reason: 'this browser or device has WebGL turned off or unsupported' };
  const renderer = rendererAndRelease(context.gl);
  const software = hardware === null || SOFTWARE_RENDERER.test(renderer);
  const note = `WebGL ${context.version} on ${renderer}`;
  if (software && !options.allowSoftwareWebGL) {
    return {
      ok: false,
      reason: `only software WebGL is available (${renderer}), slower than WebAssembly; skipped unless allowSoftwareWebGL`,
    };
  }
  return { ok: true, note: software ? `${note} (software rendering, allowed by flag)` : note, software };
}

interface GpuAdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: { readonly vendor?: string; readonly architecture?: string; readonly isFallbackAdapter?: boolean };
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

/** Checks for a WebGPU adapter; a fallback (software) adapter counts as software rendering. */
export async function probeWebGPU(options: CandidateOptions): Promise<ProbeResult> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return { ok: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { ok: false, reason: `requesting a WebGPU adapter failed (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!adapter) return { ok: false, reason: 'WebGPU found no usable GPU adapter' };
  const software = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  const device = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'an unnamed GPU';
  if (software && !options.allowSoftwareWebGL) {
    return {
      ok: false,
      reason: 'only a software (fallback) WebGPU adapter is available; skipped unless allowSoftwareWebGL',
    };
  }
  return { ok: true, note: `WebGPU on ${device}${software ? ' (software fallback adapter)' : ''}`, software };
}

const candidates: readonly BackendCandidate[] = [
  {
    name: 'webgpu',
    probe: probeWebGPU,
    load: async () => {
      await import('@tensorflow/tfjs-backend-webgpu');
    },
  },
  {
    name: 'webgl',
    probe: async (options) => probeWebGL(options),
    load: async (options) => {
      await import('@tensorflow/tfjs-backend-webgl');
      // Registered by the import above; read by tfjs when it creates its context, i.e. at setBackend.
      tf.env().set('SOFTWARE_WEBGL_ENABLED', options.allowSoftwareWebGL);
    },
  },
  {
    name: 'wasm',
    probe: async () =>
      typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function'
        ? { ok: true, note: 'WebAssembly', software: false }
        : { ok: false, reason: 'this browser has no WebAssembly' },
    load: async (options) => {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPathPrefix !== null) wasm.setWasmPaths(options.wasmPathPrefix);
      const threads = options.wasmThreads ?? 1;
      // Under isolation tfjs picks the threaded build on its own and starts its thread pool (workers from blob: URLs);
      // one thread asks for the plain SIMD build, which starts no workers (a page's CSP or a lockdown may forbid them).
      if (threads > 1) wasm.setThreadsCount(threads);
      else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    },
    describe: async () => {
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
      const threads = getThreadsCount();
      return `WebAssembly${simd ? ' with SIMD' : ' without SIMD'}, ${threads === 1 ? 'one thread' : `${threads} threads`}`;
    },
  },
  {
    name: 'cpu',
    probe: async () => ({ ok: true, note: 'plain JavaScript', software: false }),
    load: async () => {
      await import('@tensorflow/tfjs-backend-cpu');
    },
  },
];

/** The real candidates, in preference order. */
export const DEFAULT_CANDIDATES: readonly BackendCandidate[] = Object.freeze(candidates);
