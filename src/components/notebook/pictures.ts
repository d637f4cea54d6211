/** Grey pictures as bytes, shared by the build (PNG) and the page (canvas): image grids and heatmaps. */

/** Images per row of a grid. */
export const GRID_COLUMNS = 8;

/** A grey picture: width × height bytes, 0 = black, 255 = white. */
export interface GreyPicture {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** `count` images of `side` × `side` values in [0, 1], laid out eight to a row (ink dark on light). */
export function imageGrid(pixels: readonly number[], count: number, side: number): GreyPicture {
  const columns = Math.min(count, GRID_COLUMNS);
  const rows = Math.ceil(count / GRID_COLUMNS);
  const width = columns * side;
  const data = new Uint8Array(width * rows * side).fill(255);
  for (let n = 0; n < count; n++) {
    const [left, top] = [(n % GRID_COLUMNS) * side, Math.floor(n / GRID_COLUMNS) * side];
    for (let i = 0; i < side * side; i++) {
      const value = pixels[n * side * side + i] ?? 0;
      data[(top + Math.floor(i / side)) * width + left + (i % side)] = Math.round(255 * (1 - value));
    }
  }
  return { width, height: rows * side, data };
}

/** Values scaled from their min (dark) to max (light). */
export function heatmapPicture(values: readonly number[], rows: number, cols: number): GreyPicture {
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  return { width: cols, height: rows, data: Uint8Array.from(values, (v) => Math.round((255 * (v - min)) / span)) };
}
