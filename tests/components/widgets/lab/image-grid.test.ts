/** Tests for the lab's image grid: layout, pixels → RGBA colouring, original/reconstruction pairing and hit testing. */
import { describe, expect, test } from 'vitest';
import {
  DARK_COLORS,
  LIGHT_COLORS,
  cellAt,
  coverage,
  gridLayout,
  luminance,
  pairRows,
  paperFor,
  pixelsToRgba,
  type GridColors,
} from '../../../../src/components/widgets/lab/image-grid';

const blackOnWhite: GridColors = { ink: [0, 0, 0], paper: [255, 255, 255] };

/** The RGBA of grid pixel (x, y). */
function rgbaAt(rgba: Uint8ClampedArray, gridWidth: number, x: number, y: number): number[] {
  const at = (y * gridWidth + x) * 4;
  return Array.from(rgba.subarray(at, at + 4));
}

describe('gridLayout(count, columns, cellWidth, cellHeight, gap)', () => {
  test('16 MNIST images in rows of 8 with a 2 px gap: 8·28 + 7·2 wide, 2·28 + 2 high', () => {
    const layout = gridLayout(16, 8, 28, 28, 2);
    expect([layout.width, layout.height, layout.columns]).toEqual([238, 58, 8]);
    expect(layout.cells).toHaveLength(16);
    expect(layout.cells[0]).toEqual({ x: 0, y: 0 });
    expect(layout.cells[7]).toEqual({ x: 210, y: 0 });
    expect(layout.cells[8]).toEqual({ x: 0, y: 30 });
    expect(layout.cells[15]).toEqual({ x: 210, y: 30 });
  });
  test('a partial last row still counts as a row; non-square cells keep their shape', () => {
    const layout = gridLayout(5, 2, 3, 4, 1);
    expect([layout.width, layout.height]).toEqual([7, 14]);
    expect(layout.cells[4]).toEqual({ x: 0, y: 10 });
  });
  describe.each([
    // fewer images than columns: the grid is only as wide as the images
    { count: 3, columns: 8, width: 3 * 28 + 2 * 2, height: 28 },
    // no images: an empty grid, not a negative gap
    { count: 0, columns: 8, width: 0, height: 0 },
    // columns below 1 means one column
    { count: 2, columns: 0, width: 28, height: 2 * 28 + 2 },
  ])('count $count, columns $columns', ({ count, columns, width, height }) => {
    test(`is ${width} × ${height}`, () => {
      const layout = gridLayout(count, columns, 28, 28, 2);
      expect([layout.width, layout.height]).toEqual([width, height]);
      expect(layout.cells).toHaveLength(count);
    });
  });
});

describe('pixelsToRgba(pixels, count, width, height, layout, colors)', () => {
  test('a 2×2 image blends paper→ink by value', () => {
    const layout = gridLayout(1, 1, 2, 2, 0);
    const rgba = pixelsToRgba(new Float32Array([0, 1, 0.5, 0.25]), 1, 2, 2, layout, blackOnWhite);
    expect(rgba).toHaveLength(16);
    expect(rgbaAt(rgba, 2, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(rgbaAt(rgba, 2, 1, 0)).toEqual([0, 0, 0, 255]);
    expect(rgbaAt(rgba, 2, 0, 1)).toEqual([128, 128, 128, 255]);
    expect(rgbaAt(rgba, 2, 1, 1)).toEqual([191, 191, 191, 255]);
  });
  test('dark theme colours: light ink on dark paper, per channel', () => {
    const layout = gridLayout(1, 1, 2, 1, 0);
    const rgba = pixelsToRgba(new Float32Array([1, 0]), 1, 2, 1, layout, { ink: [200, 100, 0], paper: [10, 20, 30] });
    expect(Array.from(rgba)).toEqual([200, 100, 0, 255, 10, 20, 30, 255]);
  });
  test('NaN and ±Infinity from a diverged model, and values outside [0, 1], are clamped (NaN → paper)', () => {
    const layout = gridLayout(1, 1, 5, 1, 0);
    const pixels = new Float32Array([NaN, -0.5, 1.7, Infinity, -Infinity]);
    const rgba = pixelsToRgba(pixels, 1, 5, 1, layout, blackOnWhite);
    expect([0, 1, 2, 3, 4].map((x) => rgbaAt(rgba, 5, x, 0)[0])).toEqual([255, 255, 0, 0, 255]);
  });
  test('images land in their cells; gaps stay transparent', () => {
    const layout = gridLayout(2, 2, 1, 1, 1);
    const rgba = pixelsToRgba(new Float32Array([1, 0]), 2, 1, 1, layout, blackOnWhite);
    expect(layout.width).toBe(3);
    expect(rgbaAt(rgba, 3, 0, 0)).toEqual([0, 0, 0, 255]);
    expect(rgbaAt(rgba, 3, 1, 0)).toEqual([0, 0, 0, 0]);
    expect(rgbaAt(rgba, 3, 2, 0)).toEqual([255, 255, 255, 255]);
  });
  test('too few pixels for the count paints the missing ones as paper instead of throwing', () => {
    const layout = gridLayout(2, 2, 2, 1, 0);
    const rgba = pixelsToRgba(new Float32Array([1]), 2, 2, 1, layout, blackOnWhite);
    expect([0, 1, 2, 3].map((x) => rgbaAt(rgba, 4, x, 0)[0])).toEqual([0, 255, 255, 255]);
  });
});

describe('coverage(value)', () => {
  test.each([
    [0.3, 0.3],
    [NaN, 0],
    [undefined, 0],
    [-1, 0],
    [2, 1],
  ])('coverage(%s) is %s', (value, expected) => {
    expect(coverage(value)).toBe(expected);
  });
});

describe('pairRows(originals, reconstructions, count, size)', () => {
  test('originals first, then reconstructions, so with columns = count each reconstruction sits under its original', () => {
    const originals = new Float32Array([1, 1, 2, 2, 3, 3]);
    const reconstructions = new Float32Array([-1, -1, -2, -2, -3, -3]);
    expect(Array.from(pairRows(originals, reconstructions, 3, 2))).toEqual([1, 1, 2, 2, 3, 3, -1, -1, -2, -2, -3, -3]);
    const layout = gridLayout(6, 3, 2, 1, 0);
    expect(layout.cells[3]).toEqual({ x: 0, y: 1 });
  });
  test('uses only the first `count` images and pads missing pixels with 0', () => {
    const paired = pairRows(new Float32Array([1, 2, 3]), new Float32Array([4]), 2, 1);
    expect(Array.from(paired)).toEqual([1, 2, 4, 0]);
  });
});

describe('cellAt(layout, scale, offsetX, offsetY)', () => {
  // 5 cells of 28 × 28 in rows of 3 with a 2 px gap, painted at scale 2: cell pitch 60 canvas px.
  const layout = gridLayout(5, 3, 28, 28, 2);
  describe.each([
    { x: 0, y: 0, cell: 0, why: 'top-left corner' },
    { x: 55.9, y: 55.9, cell: 0, why: 'last pixel of the first cell' },
    { x: 56, y: 10, cell: null, why: 'first pixel of the gap' },
    { x: 59.9, y: 10, cell: null, why: 'last pixel of the gap' },
    { x: 60, y: 10, cell: 1, why: 'first pixel of the second cell' },
    { x: 175, y: 10, cell: 2, why: 'last column' },
    { x: 10, y: 60, cell: 3, why: 'second row' },
    { x: 70, y: 70, cell: 4, why: 'last image' },
    { x: 130, y: 70, cell: null, why: 'empty slot of the partial last row' },
    { x: -1, y: 10, cell: null, why: 'left of the grid' },
    { x: 10, y: 116, cell: null, why: 'below the grid' },
    { x: 176, y: 10, cell: null, why: 'right of the grid' },
  ])('($x, $y): $why', ({ x, y, cell }) => {
    test(`is ${cell}`, () => {
      expect(cellAt(layout, 2, x, y)).toBe(cell);
    });
  });
  test('an empty grid or a bad scale has no cells', () => {
    expect(cellAt(gridLayout(0, 3, 28, 28, 2), 1, 0, 0)).toBeNull();
    expect(cellAt(layout, 0, 0, 0)).toBeNull();
  });
});

describe('paperFor(ink) and luminance(rgb)', () => {
  test('luminance is 0 for black and 1 for white', () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 12);
  });
  test('dark ink gets white paper, light ink gets dark paper', () => {
    expect(paperFor(LIGHT_COLORS.ink)).toEqual([255, 255, 255]);
    expect(paperFor(DARK_COLORS.ink)).toEqual(DARK_COLORS.paper);
  });
});
