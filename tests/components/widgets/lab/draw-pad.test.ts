/** Tests for the draw pad's pure parts: MNIST-style preprocessing of a drawing and arrow-key navigation of a grid. */
import { describe, expect, test } from 'vitest';
import { MNIST, nextIndex, toMnistInput } from '../../../../src/components/widgets/lab/draw-pad';

const PAD = 280;

/** A `size × size` coverage with full ink in each rectangle [x, y, width, height]. */
function drawing(size: number, ...rects: [number, number, number, number][]): Float32Array {
  const alpha = new Float32Array(size * size);
  for (const [x0, y0, w, h] of rects) {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) alpha[y * size + x] = 1;
  }
  return alpha;
}

/** Centre of mass (in pixel indices, so the image centre is 13.5), bounding box of non-zero pixels, sum and extremes. */
function describeImage(image: Float32Array) {
  let [sum, mx, my, min, max] = [0, 0, 0, Infinity, -Infinity];
  let [left, top, right, bottom] = [MNIST.side, MNIST.side, -1, -1];
  image.forEach((v, k) => {
    const [x, y] = [k % MNIST.side, Math.floor(k / MNIST.side)];
    sum += v;
    mx += v * x;
    my += v * y;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (v > 1e-6)
      [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
  });
  return {
    centre: { x: mx / sum, y: my / sum },
    width: right - left + 1,
    height: bottom - top + 1,
    left,
    top,
    sum,
    min,
    max,
  };
}

/** Requires a non-null input (the test fails here otherwise). */
function input(alpha: Uint8ClampedArray | Float32Array, size: number): Float32Array {
  const image = toMnistInput(alpha, size);
  if (!image) throw new Error('expected an input, got null');
  return image;
}

describe('toMnistInput(alpha, size)', () => {
  test('a filled square drawn in a corner comes out 20 × 20, centred by mass, in [0, 1]', () => {
    const image = input(drawing(PAD, [10, 10, 60, 60]), PAD);
    expect(image).toHaveLength(784);
    const d = describeImage(image);
    expect(Math.abs(d.centre.x - 13.5)).toBeLessThan(0.5);
    expect(Math.abs(d.centre.y - 13.5)).toBeLessThan(0.5);
    expect([d.width, d.height]).toEqual([20, 20]);
    expect(d.min).toBeGreaterThanOrEqual(0);
    expect(d.max).toBeLessThanOrEqual(1);
    expect(d.sum).toBeCloseTo(400, 1);
  });

  test('keeps the aspect ratio: a 2:1 bar fills 20 × 10 and its sum is half the square’s', () => {
    const d = describeImage(input(drawing(PAD, [150, 200, 100, 50]), PAD));
    expect([d.width, d.height]).toEqual([20, 10]);
    expect(d.sum).toBeCloseTo(200, 1);
    expect(Math.abs(d.centre.x - 13.5)).toBeLessThan(0.5);
    expect(Math.abs(d.centre.y - 13.5)).toBeLessThan(0.5);
  });

  test('centres the centre of mass, not the bounding box (a "7": heavy top bar, thin stem)', () => {
    const seven = drawing(PAD, [40, 40, 160, 40], [170, 80, 30, 160]);
    const d = describeImage(input(seven, PAD));
    expect(Math.abs(d.centre.x - 13.5)).toBeLessThan(0.5);
    expect(Math.abs(d.centre.y - 13.5)).toBeLessThan(0.5);
    expect(d.height).toBeLessThanOrEqual(21);
    // The bar pulls the mass up, so the box sits below the middle (its own centre would be at 4 + 10).
    expect(d.top).toBeGreaterThan(4);
  });

  test('area-averages: every other ink column in half of a 40 px square comes out as 0.5 grey, not dropped or kept whole', () => {
    // 40 px of ink → 20 output px, so each output pixel averages a 2 × 2 block of the drawing.
    const stripes = Array.from({ length: 10 }, (_, k): [number, number, number, number] => [20 + 2 * k, 0, 1, 40]);
    const image = input(drawing(PAD, [0, 0, 20, 40], ...stripes), PAD);
    const grey = image.filter((v) => Math.abs(v - 0.5) < 0.01).length;
    expect(grey).toBeGreaterThanOrEqual(9 * 20);
    expect(describeImage(image).max).toBeCloseTo(1, 6);
    // Mass is kept: (800 + 400) source pixels × (1/2)².
    expect(describeImage(image).sum).toBeCloseTo(300, 1);
  });

  test('a thin 1 px stroke on a 280 px pad still reaches at least 0.3 (strokes thinner than a pixel are brought to full ink)', () => {
    const d = describeImage(input(drawing(PAD, [140, 40, 1, 200]), PAD));
    expect(d.max).toBeGreaterThanOrEqual(0.3);
    expect(d.max).toBeLessThanOrEqual(1);
    expect(d.height).toBe(20);
  });

  test('scales a small drawing up to the 20 px box', () => {
    const d = describeImage(input(drawing(28, [0, 0, 4, 4]), 28));
    expect([d.width, d.height]).toEqual([20, 20]);
    expect(d.sum).toBeCloseTo(400, 1);
  });

  test('bytes 0…255 and floats 0…1 give the same input', () => {
    const floats = drawing(PAD, [30, 100, 50, 120]);
    floats[5] = 0.4; // 102 / 255 exactly
    const bytes = Uint8ClampedArray.from(floats, (v) => v * 255);
    const fromFloats = input(floats, PAD);
    const fromBytes = input(bytes, PAD);
    fromFloats.forEach((v, k) => expect(fromBytes[k]).toBeCloseTo(v, 5));
  });

  test('an empty pad, a speck, or only NaN gives null', () => {
    expect(toMnistInput(new Float32Array(PAD * PAD), PAD)).toBeNull();
    expect(toMnistInput(new Uint8ClampedArray(PAD * PAD), PAD)).toBeNull();
    expect(toMnistInput(drawing(PAD, [100, 100, 3, 3]), PAD)).toBeNull();
    expect(toMnistInput(new Float32Array(PAD * PAD).fill(NaN), PAD)).toBeNull();
  });

  test('NaN pixels and out-of-range values count as no ink and full ink', () => {
    const alpha = drawing(PAD, [50, 50, 80, 80]);
    alpha[0] = NaN;
    alpha[1] = -3;
    alpha[60 * PAD + 60] = 7;
    const d = describeImage(input(alpha, PAD));
    expect([d.width, d.height]).toEqual([20, 20]);
    expect(d.max).toBeLessThanOrEqual(1);
  });

  test('a coverage of the wrong length is a programming error', () => {
    expect(() => toMnistInput(new Float32Array(10), 28)).toThrow(RangeError);
  });
});

describe('nextIndex(current, key, count, columns)', () => {
  // 10 images in rows of 4:  0 1 2 3 / 4 5 6 7 / 8 9
  describe.each([
    { current: 5, key: 'ArrowLeft', expected: 4, why: 'one step back' },
    { current: 5, key: 'ArrowRight', expected: 6, why: 'one step on' },
    { current: 4, key: 'ArrowLeft', expected: 3, why: 'wraps to the end of the previous row, like reading' },
    { current: 0, key: 'ArrowLeft', expected: 0, why: 'stays at the first' },
    { current: 9, key: 'ArrowRight', expected: 9, why: 'stays at the last' },
    { current: 5, key: 'ArrowUp', expected: 1, why: 'the row above' },
    { current: 1, key: 'ArrowUp', expected: 1, why: 'no row above: stays' },
    { current: 5, key: 'ArrowDown', expected: 9, why: 'the row below' },
    { current: 6, key: 'ArrowDown', expected: 6, why: 'no image below in the partial last row: stays' },
    { current: 6, key: 'Home', expected: 0, why: 'first image' },
    { current: 2, key: 'End', expected: 9, why: 'last image' },
    { current: 42, key: 'ArrowLeft', expected: 8, why: 'an index past the end is clamped first' },
    { current: 3, key: 'Enter', expected: null, why: 'not a navigation key' },
    { current: 3, key: 'Tab', expected: null, why: 'focus moves on; leave it alone' },
  ])('$key from $current: $why', ({ current, key, expected }) => {
    test(`is ${expected}`, () => {
      expect(nextIndex(current, key, 10, 4)).toBe(expected);
    });
  });
  test('an empty grid has nowhere to go; zero columns act as one', () => {
    expect(nextIndex(0, 'ArrowRight', 0, 4)).toBeNull();
    expect(nextIndex(1, 'ArrowDown', 3, 0)).toBe(2);
  });
});
