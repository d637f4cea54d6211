/**
 * The prior-samples widget's own state besides the shared image measurement: which set of decoded prior samples is
 * wanted (each set is its own seed, so a set is reproducible) and the latest set that arrived. No DOM.
 */

/** One set of decoded samples as the worker sends it: the pixels of every image, one after the other. */
export interface SampleImages {
  readonly pixels: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** Asks for sets 1, 2, 3, …; an answer counts only while no newer set was asked for. */
export class SampleSets {
  private wanted = 0;
  private got: SampleImages | null = null;

  /** Asks for the next set; its number is also its seed. */
  next(): number {
    return ++this.wanted;
  }

  /** Keeps the answer for `set` if it is still the latest asked for; false when a newer set made it stale. */
  arrive(set: number, images: SampleImages): boolean {
    if (set !== this.wanted) return false;
    this.got = images;
    return true;
  }

  /** The latest set that arrived (to repaint on a theme change), or null before the first. */
  latest(): SampleImages | null {
    return this.got;
  }
}
