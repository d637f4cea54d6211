/**
 * Adam's update on the WebAssembly backend as one SIMD loop over the backend's own memory: four arrays read and three
 * written once, where tfjs ops run twelve kernels that each read and write whole arrays (3.0 → ~0.6 ms a step for the
 * book's 415,024 weights, CPU time in Node). A plain JavaScript loop was measured slower than the twelve kernels.
 */
import type { tf } from './tf';
import type { FusedAdam } from './adam-kernels';

/** The part of tfjs's wasm backend this uses (public on BackendWasm; typed here so core needs no wasm import). */
export interface WasmHeap {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  readonly wasm?: { readonly asm?: Record<string, unknown>; readonly wasmMemory?: unknown };
}

type Adam4 = (...args: number[]) => void;

const op = {
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i32Add: 0x6a,
  i32GeU: 0x4f,
  block: 0x02,
  loop: 0x03,
  brIf: 0x0d,
  br: 0x0c,
  end: 0x0b,
  void: 0x40,
} as const;
const simd = (code: number) => (code < 0x80 ? [0xfd, code] : [0xfd, (code & 0x7f) | 0x80, code >> 7]);
const load = [...simd(0x00), 2, 0];
const store = [...simd(0x0b), 2, 0];
const [splat, sqrt, add, sub, mul, div] = [0x13, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7].map(simd) as number[][];

// Parameters: byte offsets of w, g, m, v and of the new w, m, v; the byte length; α, ε̂, 1 − β₁, 1 − β₂.
const [W, G, M, V, W2, M2, V2, BYTES, ALPHA, EPS, A, B] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// Locals: the byte index, then vectors: the four splatted constants, g, m, v, m′, v′.
const [I, SA, SB, SALPHA, SEPS, VG, VM, VV, VM2, VV2] = [12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
const get = (local: number) => [op.localGet, local];
const set = (local: number) => [op.localSet, local];
const at = (base: number) => [...get(base), ...get(I), op.i32Add];

/** m′ = m + a(g − m), v′ = v + b(g² − v), w′ = w − α·m′/(√v′ + ε̂), four numbers per iteration. */
const BODY = [
  ...[
    [A, SA],
    [B, SB],
    [ALPHA, SALPHA],
    [EPS, SEPS],
  ].flatMap(([from, to]) => [...get(from!), ...splat!, ...set(to!)]),
  ...[op.block, op.void, op.loop, op.void],
  ...[...get(I), ...get(BYTES), op.i32GeU, op.brIf, 1],
  ...[...at(G), ...load, ...set(VG), ...at(M), ...load, ...set(VM), ...at(V), ...load, ...set(VV)],
  ...[...get(VM), ...get(SA), ...get(VG), ...get(VM), ...sub!, ...mul!, ...add!, ...set(VM2)],
  ...[...get(VV), ...get(SB), ...get(VG), ...get(VG), ...mul!, ...get(VV), ...sub!, ...mul!, ...add!, ...set(VV2)],
  ...[...at(M2), ...get(VM2), ...store, ...at(V2), ...get(VV2), ...store],
  ...[...at(W2), ...at(W), ...load, ...get(SALPHA), ...get(VM2), ...mul!],
  ...[...get(VV2), ...sqrt!, ...get(SEPS), ...add!, ...div!, ...sub!, ...store],
  ...[...get(I), op.i32Const, 16, op.i32Add, ...set(I), op.br, 0, op.end, op.end, op.end],
];

/** The module's bytes: one function `adam`, importing `env.memory` (shared when tfjs runs threads). */
export function adamModuleBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  const section = (id: number, bytes: number[]) => [id, ...leb(bytes.length), ...bytes];
  const name = (text: string) => [text.length, ...Array.from(text, (c) => c.charCodeAt(0))];
  const limits = shared ? [0x03, 0, ...leb(65536)] : [0x00, 0];
  const locals = [2, 1, 0x7f, 9, 0x7b];
  const code = [...locals, ...BODY];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, [1, 0x60, 12, ...Array<number>(8).fill(0x7f), ...Array<number>(4).fill(0x7d), 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, ...limits]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('adam'), 0x00, 0]),
    ...section(10, [1, ...leb(code.length), ...code]),
  ]);
}

function leb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/** tfjs's wasm memory: exported by the single-threaded build, imported (and kept on the module) by the threaded one. */
function backendMemory(backend: WasmHeap): WebAssembly.Memory | null {
  const candidates = [backend.wasm?.wasmMemory, ...Object.values(backend.wasm?.asm ?? {})];
  return (candidates.find((c) => c instanceof WebAssembly.Memory) as WebAssembly.Memory | undefined) ?? null;
}

/** The SIMD loop bound to `backend`'s memory, or null where it cannot be (no SIMD, no memory found). */
function instantiate(backend: WasmHeap): Adam4 | null {
  const memory = backendMemory(backend);
  if (!memory) return null;
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  try {
    const module = new WebAssembly.Module(adamModuleBytes(shared));
    return new WebAssembly.Instance(module, { env: { memory } }).exports['adam'] as Adam4;
  } catch {
    return null;
  }
}

/**
 * The fused update on `backend`, or null where the SIMD module cannot run. It writes new outputs, never in place:
 * restore points hold the old data (restore-point.ts). The last n mod 4 numbers are done in JavaScript.
 */
export function wasmAdam(backend: WasmHeap, wrap: (info: tf.TensorInfo) => tf.Tensor): FusedAdam | null {
  const adam = instantiate(backend);
  if (!adam) return null;
  return ({ weights, gradient, first, second }, { alpha, epsilonHat, beta1, beta2 }) => {
    const shape = [...weights.shape];
    const outputs = [0, 1, 2].map(() => backend.makeOutput(shape, 'float32'));
    // Views only after every allocation: growing the wasm memory detaches the views taken before.
    const views = [weights, gradient, first, second, ...outputs].map((t) => backend.typedArrayFromHeap(t));
    const size = views[0]!.length;
    const vectorized = size - (size % 4);
    adam(...views.map((view) => view.byteOffset), 4 * vectorized, alpha, epsilonHat, 1 - beta1, 1 - beta2);
    const [w, g, m, v, nextW, nextM, nextV] = views as [Float32Array, ...Float32Array[]];
    for (let i = vectorized; i < size; i++) {
      nextM![i] = m![i]! + (1 - beta1) * (g![i]! - m![i]!);
      nextV![i] = v![i]! + (1 - beta2) * (g![i]! * g![i]! - v![i]!);
      nextW![i] = w[i]! - (alpha * nextM![i]!) / (Math.sqrt(nextV![i]!) + epsilonHat);
    }
    const [nw, nm, nv] = outputs.map(wrap) as [tf.Tensor, tf.Tensor, tf.Tensor];
    return { weights: nw, first: nm, second: nv };
  };
}
