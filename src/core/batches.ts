/** The data side of training: each step's batch (seeded shuffle, dynamic binarization) and its noise ε. */
import { ConfigIssue } from './errors';
import { binarizeInto } from './losses';
import { Rng, STREAMS, type RngState } from './random';
import type { ImageSet } from './evaluate';
import { toUnitFloats } from './data/split';

/** The states of the three random streams. */
export interface Streams {
  readonly shuffle: RngState;
  readonly epsilon: RngState;
  readonly binarize: RngState;
}

/** Where the batches stand: the streams, the batch order and the cursor in it. */
export interface BatchPosition {
  readonly streams: Streams;
  readonly order: Uint32Array;
  readonly cursor: number;
}

/** Checks that an image set has `inputSize` pixels per row and one label per row. */
export function validateImageSet(data: ImageSet, inputSize: number, what: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!Number.isInteger(data.count) || data.count < 1)
    issues.push(new ConfigIssue(what, `needs at least one example, got ${data.count}`));
  // The bytes when there are any: reading `images` would make the float copy this check has no need of.
  const pixelCount = (data.pixels ?? data.images).length;
  if (pixelCount !== data.count * inputSize) {
    issues.push(new ConfigIssue(what, `has ${pixelCount} pixels, expected ${data.count} × ${inputSize}`));
  }
  if (data.labels.length !== data.count)
    issues.push(new ConfigIssue(what, `has ${data.labels.length} labels for ${data.count} images`));
  return issues;
}

/** Hands out fixed-size batches in a seeded shuffled order, epoch after epoch, with standard normal noise for each. */
export class BatchStream {
  /** The current batch's pixels, `batchSize × inputSize`, overwritten by `next()`. */
  readonly pixels: Float32Array;
  /** The current batch's ε, `batchSize × latentSize`, overwritten by `next()`. */
  readonly noise: Float32Array;
  private shuffleRng!: Rng;
  private epsilonRng!: Rng;
  private binarizeRng!: Rng;
  /** Never changed in place: each epoch gets a new array, so a `mark()` can share it instead of copying it. */
  private order: Uint32Array;
  private cursor = 0;

  /** Sizes the buffers and starts the streams from `seed`. */
  constructor(
    private readonly train: ImageSet,
    private readonly sizes: { readonly batchSize: number; readonly inputSize: number; readonly latentSize: number },
    seed: number,
  ) {
    this.pixels = new Float32Array(sizes.batchSize * sizes.inputSize);
    this.noise = new Float32Array(sizes.batchSize * sizes.latentSize);
    this.order = new Uint32Array(train.count);
    this.start(seed);
  }

  /** Starts over: fresh streams from `seed`, a new shuffled order, the first batch next. */
  start(seed: number): void {
    this.shuffleRng = new Rng(seed, STREAMS.shuffle);
    this.epsilonRng = new Rng(seed, STREAMS.epsilon);
    this.binarizeRng = new Rng(seed, STREAMS.binarize);
    this.order = this.shuffleRng.shuffle(Uint32Array.from(this.order, (_, i) => i));
    this.cursor = 0;
  }

  /** Fills `pixels` with the next batch (last partial batch dropped so shapes stay fixed) and `noise` with fresh ε. */
  next(binarize: boolean): void {
    const { batchSize, inputSize } = this.sizes;
    if (this.cursor + batchSize > this.train.count) {
      this.order = this.shuffleRng.shuffle(this.order.slice());
      this.cursor = 0;
    }
    const bytes = this.train.pixels;
    for (let row = 0; row < batchSize; row++) {
      const index = this.order[this.cursor + row] as number;
      const from = index * inputSize;
      const to = from + inputSize;
      const target = this.pixels.subarray(row * inputSize, (row + 1) * inputSize);
      // From bytes the row is scaled in place first; binarizing then reads each pixel before writing it.
      const source = bytes ? toUnitFloats(bytes.subarray(from, to), target) : this.train.images.subarray(from, to);
      if (binarize) binarizeInto(source, this.binarizeRng, target);
      else if (source !== target) target.set(source);
    }
    this.cursor += batchSize;
    this.epsilonRng.fillNormal(this.noise);
  }

  /** The position with its own copy of the order (for a snapshot that leaves this object). */
  position(): BatchPosition {
    return { ...this.mark(), order: this.order.slice() };
  }

  /** The position before the next batch, copying nothing: the order array it shares is never changed. */
  mark(): BatchPosition {
    return { streams: this.streams(), order: this.order, cursor: this.cursor };
  }

  /** Returns to a `position()` or `mark()`, so the same batches and noise follow. */
  seek(position: BatchPosition): void {
    if (position.order.length !== this.order.length) {
      throw new Error(`The snapshot orders ${position.order.length} examples, this trainer has ${this.order.length}.`);
    }
    this.shuffleRng.setState(position.streams.shuffle);
    this.epsilonRng.setState(position.streams.epsilon);
    this.binarizeRng.setState(position.streams.binarize);
    this.order = position.order.slice();
    this.cursor = position.cursor;
  }

  private streams(): Streams {
    return {
      shuffle: this.shuffleRng.getState(),
      epsilon: this.epsilonRng.getState(),
      binarize: this.binarizeRng.getState(),
    };
  }
}
