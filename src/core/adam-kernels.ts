/** Adam's update for one variable as three GPU kernels (WebGL, WebGPU) or one SIMD loop (wasm), where tfjs ops launch a dozen. */
import { tf } from './tf';
import { wasmAdam, type WasmHeap } from './adam-wasm';

/** The numbers of one update step; they reach the shaders as uniforms, so one compiled shader serves every step. */
export interface AdamConstants {
  readonly alpha: number;
  readonly epsilonHat: number;
  readonly beta1: number;
  readonly beta2: number;
}

/** One variable's tensors before an update. */
export interface AdamOperands {
  readonly weights: tf.Tensor;
  readonly gradient: tf.Tensor;
  readonly first: tf.Tensor;
  readonly second: tf.Tensor;
}

/** The three new tensors an update produces; the caller assigns them and disposes them. */
export interface AdamOutputs {
  readonly weights: tf.Tensor;
  readonly first: tf.Tensor;
  readonly second: tf.Tensor;
}

/** Runs one variable's update on the active backend and returns the new tensors (which the caller assigns). */
export type FusedAdam = (operands: AdamOperands, constants: AdamConstants) => AdamOutputs;

type Part = keyof AdamOutputs;

/** Which operands each kernel reads, by the single-letter names the shaders use. */
const INPUTS: Record<Part, readonly (keyof AdamOperands)[]> = {
  first: ['gradient', 'first'],
  second: ['gradient', 'second'],
  weights: ['weights', 'gradient', 'first', 'second'],
};
const LETTER: Record<keyof AdamOperands, string> = { weights: 'W', gradient: 'G', first: 'M', second: 'V' };

/**
 * m′ = m + (1 − β₁)(g − m), v′ = v + (1 − β₂)(g² − v), w′ = w − α·m′/(√v′ + ε̂), the same as `adamUpdate`; the weights
 * kernel recomputes m′ and v′ itself, so all three kernels read only the old values and can run in any order.
 */
function updateBody(part: Part, u: (name: string) => string): string {
  const first = `m + ${u('oneMinusBeta1')} * (g - m)`;
  const second = `v + ${u('oneMinusBeta2')} * (g * g - v)`;
  if (part === 'first') return first;
  if (part === 'second') return second;
  return `w - ${u('alpha')} * (${first}) / (sqrt(${second}) + ${u('epsilonHat')})`;
}

const UNIFORMS = ['alpha', 'epsilonHat', 'oneMinusBeta1', 'oneMinusBeta2'] as const;
const uniformValues = (c: AdamConstants) => [c.alpha, c.epsilonHat, 1 - c.beta1, 1 - c.beta2];

/** The part of tfjs's WebGL backend this uses (public on MathBackendWebGL; typed here so core needs no WebGL import). */
interface WebGLRunner {
  compileAndRun(program: object, inputs: tf.TensorInfo[], dtype?: 'float32', uniforms?: number[][]): tf.TensorInfo;
}

/** The part of tfjs's WebGPU backend this uses. */
interface WebGPURunner {
  runWebGPUProgram(
    program: object,
    inputs: tf.TensorInfo[],
    dtype: 'float32',
    uniforms?: { type: 'float32'; data: number[] }[],
  ): tf.TensorInfo;
}

/** A packed WebGL program: each invocation updates four neighbouring numbers (the layout tfjs keeps weights in). */
export function webglAdamProgram(part: Part, shape: readonly number[]) {
  const names = INPUTS[part].map((operand) => LETTER[operand]);
  const reads = names.map((name) => `vec4 ${name.toLowerCase()} = get${name}AtOutCoords();`).join(' ');
  return {
    variableNames: names,
    outputShape: [...shape],
    packedInputs: true,
    packedOutput: true,
    customUniforms: UNIFORMS.map((name) => ({ name, type: 'float' as const })),
    userCode: `void main() { ${reads} setOutput(${updateBody(part, (name) => name)}); }`,
  };
}

/** A WebGPU compute program over the flat index, 128 numbers per workgroup. */
export function webgpuAdamProgram(part: Part, shape: readonly number[]) {
  const names = INPUTS[part].map((operand) => LETTER[operand]);
  const size = shape.reduce((a, b) => a * b, 1);
  const workgroupSize: [number, number, number] = [128, 1, 1];
  const reads = names.map((name) => `let ${name.toLowerCase()} = get${name}ByOutputIndex(index);`).join(' ');
  return {
    variableNames: names,
    outputShape: [...shape],
    shaderKey: `bookAdam_${part}`,
    size: true,
    dispatchLayout: { x: shape.map((_, i) => i) },
    dispatch: [Math.ceil(size / workgroupSize[0]), 1, 1] as [number, number, number],
    workgroupSize,
    uniforms: UNIFORMS.map((name) => `${name} : f32,`).join(' '),
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) { ${reads} setOutputAtIndex(index, ${updateBody(part, (name) => `uniforms.${name}`)}); }
      }`,
  };
}

const PARTS: readonly Part[] = ['weights', 'first', 'second'];

/**
 * Runs the three kernels through `run` and wraps their outputs as tensors. Each (part, shape) program is built once:
 * updates run every training step, and the programs never change (the step's numbers travel as `uniforms`).
 */
function partsRunner<Program, Uniforms>(
  build: (part: Part, shape: readonly number[]) => Program,
  run: (program: Program, inputs: tf.TensorInfo[], uniforms: Uniforms) => tf.TensorInfo,
) {
  const programs = new Map<string, Program>();
  return (operands: AdamOperands, uniforms: Uniforms): AdamOutputs => {
    const shape = operands.weights.shape;
    const [weights, first, second] = PARTS.map((part) => {
      const key = `${part}:${shape.join('x')}`;
      let program = programs.get(key);
      if (!program) programs.set(key, (program = build(part, shape)));
      return tf.engine().makeTensorFromTensorInfo(
        run(
          program,
          INPUTS[part].map((operand) => operands[operand]),
          uniforms,
        ),
      );
    }) as [tf.Tensor, tf.Tensor, tf.Tensor];
    return { weights, first, second };
  };
}

/** The fused update for `backend`, unchecked, or null where there is none (cpu, or wasm without SIMD). */
function fusedAdamFor(name: string, backend: Partial<WebGLRunner & WebGPURunner & WasmHeap>): FusedAdam | null {
  if (name === 'wasm' && typeof backend.makeOutput === 'function' && typeof backend.typedArrayFromHeap === 'function')
    return wasmAdam(backend as WasmHeap, (info) => tf.engine().makeTensorFromTensorInfo(info));
  if (name === 'webgl' && typeof backend.compileAndRun === 'function') {
    const runner = backend as WebGLRunner;
    const runParts = partsRunner(webglAdamProgram, (program, inputs, uniforms: number[][]) =>
      runner.compileAndRun(program, inputs, 'float32', uniforms),
    );
    return (operands, constants) =>
      runParts(
        operands,
        uniformValues(constants).map((value) => [value]),
      );
  }
  if (name === 'webgpu' && typeof backend.runWebGPUProgram === 'function') {
    const runner = backend as WebGPURunner;
    type Uniforms = { type: 'float32'; data: number[] }[];
    const runParts = partsRunner(webgpuAdamProgram, (program, inputs, uniforms: Uniforms) =>
      runner.runWebGPUProgram(program, inputs, 'float32', uniforms),
    );
    return (operands, constants) =>
      runParts(
        operands,
        uniformValues(constants).map((value) => ({ type: 'float32' as const, data: [value] })),
      );
  }
  return null;
}

/** Adam's update on plain numbers, element by element: the reference the kernels are checked against. */
export function adamReference(w: number, g: number, m: number, v: number, c: AdamConstants): [number, number, number] {
  const first = m + (1 - c.beta1) * (g - m);
  const second = v + (1 - c.beta2) * (g * g - v);
  return [w - (c.alpha * first) / (Math.sqrt(second) + c.epsilonHat), first, second];
}

/** Operands with odd sizes (packed textures pad them) and signs of every kind, and step constants unlike the defaults. */
const CHECK_SHAPES: readonly (readonly number[])[] = [[3, 5], [7]];
const CHECK_CONSTANTS: AdamConstants = { alpha: 0.05, epsilonHat: 1e-3, beta1: 0.8, beta2: 0.99 };

/**
 * Runs `fused` on small known operands and compares all three outputs with `adamReference`; false if any differs by
 * more than float32 rounding or the kernels throw. GPU drivers can compile a shader and still get it wrong (WebGPU
 * reports pipeline errors asynchronously, never as a throw), so training trusts the kernels only after this. It reads
 * back asynchronously: a synchronous read on a WebGPU software adapter returns zeros.
 */
export async function fusedAdamPassesCheck(fused: FusedAdam): Promise<boolean> {
  for (const shape of CHECK_SHAPES) {
    const size = shape.reduce((a, b) => a * b, 1);
    const make = (f: (i: number) => number) => Float32Array.from({ length: size }, (_, i) => f(i));
    const w = make((i) => Math.sin(i + 1) * 2);
    const g = make((i) => Math.cos(3 * i) - 0.2);
    const m = make((i) => 0.1 * (i % 4) - 0.15);
    const v = make((i) => 0.01 * (i + 1));
    const operands = {
      weights: tf.tensor(w, [...shape]),
      gradient: tf.tensor(g, [...shape]),
      first: tf.tensor(m, [...shape]),
      second: tf.tensor(v, [...shape]),
    };
    let outputs: tf.Tensor[] = [];
    try {
      outputs = tf.tidy(() => {
        const out = fused(operands, CHECK_CONSTANTS);
        return [out.weights, out.first, out.second];
      });
      const got = await Promise.all(outputs.map((t) => t.data()));
      const close = got.every(
        (values, part) =>
          values.length === size &&
          Array.from(values).every((value, i) => {
            const expected = adamReference(w[i]!, g[i]!, m[i]!, v[i]!, CHECK_CONSTANTS)[part]!;
            return Math.abs(value - expected) <= 1e-5 * Math.max(1, Math.abs(expected));
          }),
      );
      if (!close) return false;
    } catch {
      return false;
    } finally {
      tf.dispose([...Object.values(operands), ...outputs]);
    }
  }
  return true;
}

const checked = new WeakMap<object, FusedAdam | null>();

/**
 * Checks the fused update on the active backend (once per backend) and remembers the verdict; call it after choosing
 * a backend. Resolves to true when training will use the fused kernels there.
 */
export async function prepareFusedAdam(): Promise<boolean> {
  const backend = tf.backend();
  if (!checked.has(backend)) {
    const fused = fusedAdamFor(tf.getBackend(), backend as unknown as Partial<WebGLRunner & WebGPURunner & WasmHeap>);
    checked.set(backend, fused && (await fusedAdamPassesCheck(fused)) ? fused : null);
  }
  return checked.get(backend) !== null;
}

/** The fused update for the active backend if `prepareFusedAdam` has passed it there, else null (use tfjs ops). */
export function fusedAdamForActiveBackend(): FusedAdam | null {
  return checked.get(tf.backend()) ?? null;
}
