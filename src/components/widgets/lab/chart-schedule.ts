/**
 * When the lab's charts redraw: at most once per animation frame, one chart per frame (the most overdue one that is
 * on screen), each at most every CHART_INTERVAL_MS while training, so the page never does a long task for a plot.
 */
import type { LabContext } from './context';
import { CHARTS, chartHost, chartPanel, type ChartKey } from './chart-panels';
import { CHART_INTERVAL_MS } from './lab-constants';
import { watchWidth } from '../kit';

/** What can be asked to redraw: a chart or the readout. */
export type ChartPart = ChartKey | 'readout';

/** What a redraw does: update the readout, or draw one chart (and its table, when open). */
export interface ChartPainter {
  readout(): void;
  chart(key: ChartKey): void;
}

/** Tracks which charts are on screen; without IntersectionObserver every chart counts as shown. */
function watchOnScreen(ctx: LabContext, onShown: () => void): ReadonlySet<ChartKey> {
  if (typeof IntersectionObserver !== 'function') return new Set(CHARTS);
  const onScreen = new Set<ChartKey>();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const key = (entry.target as HTMLElement).closest<HTMLElement>('[data-chart]')?.dataset['chart'] as
        ChartKey | undefined;
      if (!key) continue;
      if (entry.isIntersecting) onScreen.add(key);
      else onScreen.delete(key);
    }
    onShown();
  });
  for (const key of CHARTS) observer.observe(chartPanel(ctx, key));
  return onScreen;
}

/** Returns `request(...parts)`, which marks parts dirty and draws them over the coming frames. */
export function scheduleCharts(ctx: LabContext, paint: ChartPainter): (...parts: ChartPart[]) => void {
  const lastDrawn: Record<ChartKey, number> = { loss: 0, kl: 0, rd: 0 };
  const dirty = new Set<ChartPart>();
  let frame = 0;

  /** Draws the readout, then the most overdue chart that is due; asks for another frame while charts wait. */
  const onFrame = () => {
    frame = 0;
    if (dirty.delete('readout')) paint.readout();
    const now = performance.now();
    const due = CHARTS.filter((key) => dirty.has(key) && onScreen.has(key)).sort((a, b) => lastDrawn[a] - lastDrawn[b]);
    const next = due[0];
    if (next && (ctx.phase !== 'training' || now - lastDrawn[next] >= CHART_INTERVAL_MS)) {
      dirty.delete(next);
      lastDrawn[next] = now;
      paint.chart(next);
    }
    // Charts off screen stay dirty and are drawn when they scroll into view; no frames are spent waiting for them.
    if ([...dirty].some((p) => p === 'readout' || onScreen.has(p))) frame = requestAnimationFrame(onFrame);
  };
  const request = (...parts: ChartPart[]) => {
    for (const p of parts) dirty.add(p);
    if (!frame) frame = requestAnimationFrame(onFrame);
  };
  for (const key of CHARTS) watchWidth(chartHost(ctx, key), () => request(key));
  const onScreen = watchOnScreen(ctx, () => {
    if (CHARTS.some((key) => dirty.has(key) && onScreen.has(key))) request();
  });
  return request;
}
