/** A quick self-test of the active tfjs backend: one small matMul against the exact answer, and one upload as big as the lab's. */
import * as tf from '@tensorflow/tfjs-core';

/** A (3×4) and B (4×2): small integers whose products stay exact even in half-float textures (mobile WebGL). */
const A = [
  [1, -2, 3, 0],
  [4, 5, -6, 7],
  [-8, 9, 10, -11],
];
const B = [
  [2, -1],
  [0, 3],
  [-4, 5],
  [6, 7],
];

/** The exact product A·B, computed in plain JavaScript. */
export const EXPECTED: readonly number[] = A.flatMap((row) =>
  B[0]!.map((_, j) => row.reduce((sum, a, k) => sum + a * B[k]![j]!, 0)),
);

/** Largest error accepted: the inputs and outputs are exact in float16, so anything beyond rounding noise is a bug. */
export const SELF_TEST_TOLERANCE = 1e-3;

/** Floats in the largest block the lab sends at once (1,000 test images of 784 pixels). */
export const SELF_TEST_UPLOAD_FLOATS = 1000 * 784;

/** Reads `tensor` with `read` and disposes it once the read has settled, whether or not it succeeded. */
async function readThenDispose<T>(tensor: tf.Tensor, read: (t: tf.Tensor) => T | Promise<T>): Promise<T> {
  try {
    return await read(tensor);
  } finally {
    tensor.dispose();
  }
}

/**
 * Uploads SELF_TEST_UPLOAD_FLOATS small integers and reads the last few back: some adapters (software WebGPU) start
 * and multiply fine but refuse buffers this big, and would fail only once training began.
 */
async function uploadTest(): Promise<string | null> {
  const values = new Float32Array(SELF_TEST_UPLOAD_FLOATS);
  for (let i = 0; i < values.length; i++) values[i] = i % 8;
  // The add runs on the backend itself over the whole block (a slice alone may be served from the CPU copy).
  const tail = tf.tidy(() => tf.slice(tf.add(tf.tensor1d(values), 1), SELF_TEST_UPLOAD_FLOATS - 8, 8));
  const back = await readThenDispose(tail, (t) => t.data());
  const expected = Array.from(values.subarray(SELF_TEST_UPLOAD_FLOATS - 8), (v) => v + 1);
  return expected.every((v, i) => back[i] === v)
    ? null
    : `self-test upload of ${SELF_TEST_UPLOAD_FLOATS} numbers read back [${Array.from(back).join(', ')}]`;
}

/** Numbers in the synchronous read check: above tfjs's WebGPU hand-off size, so the add really runs on the GPU. */
const SYNC_READ_FLOATS = 2048;

/**
 * Adds 1 to a block on the backend and reads it back synchronously, as the engine's evaluation and snapshots do. A
 * WebGPU software adapter answers such a read with zeros (and loses its device), which would show readers garbage.
 */
async function syncReadTest(): Promise<string | null> {
  const values = Float32Array.from({ length: SYNC_READ_FLOATS }, (_, i) => i % 16);
  const back = await readThenDispose(
    tf.tidy(() => tf.add(tf.tensor1d(values), 1)),
    (t) => t.dataSync(),
  );
  const wrong = Array.from(values).findIndex((v, i) => back[i] !== v + 1);
  if (wrong < 0) return null;
  const shown = Array.from({ length: 4 }, (_, i) => back[wrong + i]).join(', ');
  return `self-test: a synchronous read-back gave [${shown}, …] where [${[1, 2, 3, 4].map((k) => values[wrong + k - 1]! + 1).join(', ')}, …] was expected`;
}

/** What the self-test checks beyond a matMul and a lab-sized upload. */
export interface SelfTestOptions {
  /** Also read a result back synchronously (the lab's worker does; the benchmark page reads asynchronously only). */
  readonly syncRead?: boolean;
}

/**
 * Runs A·B on the active backend and reads it back asynchronously (WebGPU cannot read synchronously), then checks a
 * lab-sized upload and, when asked, a synchronous read. Resolves null when all are right, else a sentence saying what
 * came back; throws what the backend threw.
 */
export async function selfTest(options: SelfTestOptions = {}): Promise<string | null> {
  const values = await readThenDispose(
    tf.tidy(() => tf.matMul(tf.tensor2d(A), tf.tensor2d(B))),
    (t) => t.data(),
  );
  if (values.length !== EXPECTED.length)
    return `self-test matMul returned ${values.length} numbers, expected ${EXPECTED.length}`;
  let worst = 0;
  for (let i = 0; i < EXPECTED.length; i++) {
    const error = Math.abs(values[i]! - EXPECTED[i]!);
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  if (worst <= SELF_TEST_TOLERANCE) return (await uploadTest()) ?? (options.syncRead ? await syncReadTest() : null);
  const shown = Array.from(values, (v) => Number(v.toPrecision(4))).join(', ');
  return `self-test matMul gave wrong numbers (off by up to ${worst}): [${shown}] instead of [${EXPECTED.join(', ')}]`;
}
