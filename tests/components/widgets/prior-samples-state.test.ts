/** The prior-samples widget's sample sets (src/components/widgets/prior-samples-state.ts). */
import { describe, expect, test } from 'vitest';
import { SampleSets } from '../../../src/components/widgets/prior-samples-state';

const images = (value: number) => ({ pixels: new Float32Array([value]), width: 1, height: 1 });

describe('SampleSets', () => {
  test('numbers the sets 1, 2, 3, … (each is its own seed) and keeps nothing before an answer', () => {
    const sets = new SampleSets();
    expect([sets.next(), sets.next(), sets.next()]).toEqual([1, 2, 3]);
    expect(sets.latest()).toBeNull();
  });
  test('an answer overtaken by a newer request is dropped; the latest one is kept for repainting', () => {
    const sets = new SampleSets();
    const first = sets.next();
    const second = sets.next();
    expect(sets.arrive(first, images(1))).toBe(false);
    expect(sets.latest()).toBeNull();
    expect(sets.arrive(second, images(2))).toBe(true);
    expect(sets.latest()?.pixels[0]).toBe(2);
  });
});
