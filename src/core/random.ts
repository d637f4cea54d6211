/** Seeded randomness for everything the book samples: xoshiro128** uniforms and Box–Muller normals. */

const TWO_POW_32 = 4294967296;

/**
 * The stream of each use of randomness in the engine and the worker, all drawn from one seed: every use has its own
 * stream, so changing one never shifts another. The numbers are part of every saved run and checkpoint: never renumber.
 */
export const STREAMS = Object.freeze({
  /** A worker query seeded by the request itself (prior samples, importance-weighted bounds, their binarization). */
  request: 0,
  /** The order of training examples, reshuffled each epoch. */
  shuffle: 1,
  /** The ε of the reparameterized samples (and the score-function estimators' draws) during training. */
  epsilon: 2,
  /** The binarization of training images. */
  binarize: 3,
  /** The evaluation noise (ε and binarization), apart from the training streams. */
  evaluation: 4,
  /** The initial weights, so init never shares numbers with training. */
  init: 7,
  /** The prior samples the lab previews during training, kept apart from the training noise. */
  preview: 11,
} as const);

/** A 32-bit mixing step (splitmix32) that spreads a small seed over the generator's 128-bit state. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** The full state of a generator, so a run can be paused, copied or restored exactly. */
export interface RngState {
  readonly words: readonly [number, number, number, number];
  readonly spareNormal: number | null;
}

/** A deterministic random number generator; every call advances its state. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;

  /** Seeds the generator; `stream` gives independent sequences from the same seed (shuffling, ε, binarization). */
  constructor(seed: number, stream = 0) {
    const mix = splitmix32((Math.trunc(seed) ^ Math.imul(Math.trunc(stream) + 1, 0x632be5ab)) >>> 0);
    this.s0 = mix();
    this.s1 = mix();
    this.s2 = mix();
    this.s3 = mix();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit unsigned integer (xoshiro128**, Blackman & Vigna). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform number in [0, 1). */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** An integer uniform in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** A standard normal number (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const value = this.spare;
      this.spare = null;
      return value;
    }
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Fills `out` with standard normal numbers and returns it. */
  fillNormal<T extends Float32Array | Float64Array>(out: T): T {
    for (let i = 0; i < out.length; i++) out[i] = this.normal();
    return out;
  }

  /** Fills `out` with uniform numbers in [0, 1) and returns it. */
  fillUniform<T extends Float32Array | Float64Array>(out: T): T {
    for (let i = 0; i < out.length; i++) out[i] = this.uniform();
    return out;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [index: number]: number }>(items: T): T {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as number;
      items[i] = items[j] as number;
      items[j] = tmp;
    }
    return items;
  }

  /** A snapshot of the generator's state. */
  getState(): RngState {
    return { words: [this.s0, this.s1, this.s2, this.s3], spareNormal: this.spare };
  }

  /** Restores a snapshot taken with `getState`. */
  setState(state: RngState): void {
    [this.s0, this.s1, this.s2, this.s3] = state.words;
    this.spare = state.spareNormal;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Creates a generator from a seed (and an optional stream number for an independent sequence). */
export function createRng(seed: number, stream = 0): Rng {
  return new Rng(seed, stream);
}
