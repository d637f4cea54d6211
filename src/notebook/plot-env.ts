/** Observable Plot for cells, drawing into linkedom's DOM so charts work in a worker and in Node alike. */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Plot's exports, with `plot()` given a document unless the cell passes its own. */
export function plotForCells(): typeof Plot {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return { ...Plot, plot: (options: Plot.PlotOptions = {}) => Plot.plot({ document, ...options } as Plot.PlotOptions) };
}
