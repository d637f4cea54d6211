/** Observable Plot for cells, drawing into linkedom's DOM so charts work in a worker and in Node alike. */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * The one canvas use of Plot: a continuous colour legend fills a 256 × 1 canvas pixel by pixel and embeds its data URL.
 * linkedom has no canvas, so this stand-in records the fills and gives them back as an SVG data URL of 1-px rects.
 */
export function rampCanvas(): {
  width: number;
  height: number;
  getContext(type: string): unknown;
  toDataURL(): string;
} {
  const fills: string[] = [];
  const context = { fillStyle: '', fillRect: (x: number) => void (fills[x] = context.fillStyle) };
  const canvas = {
    width: 0,
    height: 1,
    getContext: (type: string) => (type === '2d' ? context : null),
    toDataURL: () => {
      const rects = fills.map((fill, x) => `<rect x="${x}" width="1.5" height="1" fill="${fill}"/>`).join('');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${canvas.width} 1" preserveAspectRatio="none">${rects}</svg>`;
      return `data:image/svg+xml,${encodeURIComponent(svg)}`;
    },
  };
  return canvas;
}

/** Plot's exports, with `plot()` given a document unless the cell passes its own. */
export function plotForCells(): typeof Plot {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const createElement = document.createElement.bind(document);
  document.createElement = ((name: string) =>
    name.toLowerCase() === 'canvas' ? rampCanvas() : createElement(name)) as typeof document.createElement;
  return { ...Plot, plot: (options: Plot.PlotOptions = {}) => Plot.plot({ document, ...options } as Plot.PlotOptions) };
}
