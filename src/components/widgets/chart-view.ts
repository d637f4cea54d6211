/** A widget chart as data (its live description and pure Plot spec) and the one place such a view meets Plot and the page. */
import * as Plot from '@observablehq/plot';
import { placeChart, type PlotSectionParts } from './kit';

/** A chart ready to draw: its live description (also its aria-description) and its Plot options. */
export interface ChartView {
  readonly description: string;
  readonly spec: Plot.PlotOptions;
}

/** A chart's width: its container's, at least 260 px. */
export const chartWidth = (canvas: HTMLElement): number => Math.max(260, Math.round(canvas.clientWidth || 640));

/** Writes the description and draws the spec into a plot section; nothing while the view is null (not ready yet). */
export function drawChartView(
  { canvas, description }: Pick<PlotSectionParts, 'canvas' | 'description'>,
  view: ChartView | null,
): void {
  if (!view) return;
  description.textContent = view.description;
  placeChart(canvas, Plot.plot(view.spec), description.id);
}
